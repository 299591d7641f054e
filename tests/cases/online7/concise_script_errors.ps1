# exchange: Online
# PowerShell 7.4's ConciseView for errors raised in a script file: the command name (or the
# category, or the exception's type name) first, then the file and line, the source line with the
# error underlined, and the message; an empty line follows each record.
Write-Error 'written at the top of the script'
function Test-Thing { Write-Error 'written inside a function' }
Test-Thing
$nothing = $null
$nothing.Trim()
$zero = 0
1 / $zero
Get-Thingamajig -Name x
'still running'
throw 'the end'
