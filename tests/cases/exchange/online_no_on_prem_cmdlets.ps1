# exchange: Online
# Cmdlets that exist only in on-premises Exchange are absent from Exchange Online
# ("This cmdlet is available only in on-premises Exchange", office-docs-powershell).
Set-ADServerSettings -ViewEntireForest $true
Get-ADPermission karen
Get-MailboxDatabase
