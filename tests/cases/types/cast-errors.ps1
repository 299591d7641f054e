# A failed cast is a statement-terminating InvalidArgument error with LanguagePrimitives' error id.
[int]"abc"
[byte]300
[int]"99999999999"
[double]"x"
[char]"ab"
[datetime]"not a date"
[version]"1"
[guid]"x"
[hashtable]"x"
[ConsoleColor]'Purple'
[ConsoleColor]42
[Foo]"x"
"after"
