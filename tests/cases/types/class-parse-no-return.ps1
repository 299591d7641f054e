# A method with a return type must return on its code paths.
class Foo {
    [int] Count() { $x = 1 }
}
