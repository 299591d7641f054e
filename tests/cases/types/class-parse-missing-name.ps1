# class needs a name.
class {
}
