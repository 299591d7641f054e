# exchange: Online
# Parameters Exchange Online lacks: Get-MailContact -DomainController, Get-Group -Credential.
Get-MailContact -DomainController dc01.contoso.com
Get-Group -Credential $null
Get-MailContact | Format-List Name,ExternalDirectoryObjectId,EmailAddressPolicyEnabled
