# stdin: karen
# A mandatory script parameter that is not given is prompted for (answer from standard input).
param(
    [Parameter(Mandatory = $true)]
    [string]$Mailbox
)
"Mailbox: $Mailbox"
