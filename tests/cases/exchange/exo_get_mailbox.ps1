# exchange: Online
# Get-EXOMailbox returns the minimum property set as a list; -Properties and -PropertySets add
# to it; a property outside what was asked for reads as $null.
Get-EXOMailbox karen
$m = Get-EXOMailbox -UserPrincipalName amy@contoso.com
"Quota outside the set: [$($m.ProhibitSendQuota)] null: $($null -eq $m.ProhibitSendQuota)"
Get-EXOMailbox -PrimarySmtpAddress helpdesk@contoso.com -Properties ProhibitSendQuota,HiddenFromAddressListsEnabled | Format-List Name,ProhibitSendQuota,HiddenFromAddressListsEnabled
Get-EXOMailbox -ExternalDirectoryObjectId $m.ExternalDirectoryObjectId -PropertySets Quota | Format-List Name,IssueWarningQuota,ProhibitSendReceiveQuota,UseDatabaseQuotaDefaults
Get-EXOMailbox -RecipientTypeDetails SharedMailbox,RoomMailbox -ResultSize Unlimited | Format-Table Name,RecipientTypeDetails
Get-EXOMailbox -Filter "Department -eq 'IT'" | Format-Table Name,Alias,PrimarySmtpAddress
Get-EXOMailbox -Anr Ka | Format-Table Name
