# A class needs a body.
class Foo
"x"
