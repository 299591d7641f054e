# New-Object -ComObject (WScript.Shell popups end every admindroid report script) is refused like
# the other commands that would leave the sandbox; the script goes on, and using the $null it got
# fails as PowerShell fails. New-Object -TypeName still works.
$Prompt = New-Object -ComObject wscript.shell
$UserInput = $Prompt.popup("Do you want to open output file?",`  0,"Open Output File",4)
if ($UserInput -eq 6) { "opened" }
"after"
$x = New-Object -TypeName System.Collections.ArrayList
$x.GetType().Name
New-Object -ComObject Excel.Application -Strict
