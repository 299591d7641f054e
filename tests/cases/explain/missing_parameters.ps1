# stdin: |
# Missing mandatory parameters are prompted for; an empty answer fails the binding.
Test-MailboxAccess karen
Get-MailboxAccess
