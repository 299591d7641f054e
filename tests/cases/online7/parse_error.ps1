# exchange: Online
# A script that does not parse: ParserError, the file and line of the first error, its line
# with the error underlined, and only the first error's message.
$a = 1
if ($a -eq 1 {
    'never'
}
