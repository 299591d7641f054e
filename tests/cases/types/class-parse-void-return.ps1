# A [void] method cannot return a value.
class Foo {
    [void] Run() { return 1 }
}
