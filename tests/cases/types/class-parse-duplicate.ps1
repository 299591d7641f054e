# A property is declared once.
class Foo {
    [int] $A
    [string] $A
}
