# stdin: karen|FullAccess
# Read-Host answers come from standard input (echoed), then end of input.
$mbx = Read-Host -Prompt 'Mailbox'
$rights = Read-Host 'Rights'
"Granting $rights on $mbx"
$extra = Read-Host 'Anything else'
"extra: [$extra]"
'done'
