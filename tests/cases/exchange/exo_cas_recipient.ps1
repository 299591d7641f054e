# exchange: Online
# Get-EXOCasMailbox and Get-EXORecipient with their minimum sets and a named set.
Get-EXOCasMailbox -Identity amy
Get-EXOCasMailbox -Identity amy -PropertySets Imap | Format-List Name,ImapEnabled,ImapUseProtocolDefaults
Get-EXORecipient -Identity allstaff
Get-EXORecipient -RecipientTypeDetails MailUniversalSecurityGroup,MailContact | Format-Table Name,RecipientType,RecipientTypeDetails
Get-EXOCasMailbox amy -Properties owa*
Get-EXORecipient -RecipientType Bar -ResultSize 1
