# exchange: Online
# Exchange Online objects live in the hosted organization of the tenant's forest: their DN,
# canonical name and OU name it, every mailbox has the tenant's onmicrosoft.com routing
# address, LegacyExchangeDN names /o=ExchangeLabs, and accounts print as NAMPR04A003\<name>
# (docs/reference/version-profiles.md). Each of those forms finds the mailbox again.
$m = Get-Mailbox karen
$m | Format-List DistinguishedName,OrganizationalUnit,EmailAddresses,LegacyExchangeDN
(Get-Mailbox $m.DistinguishedName).Alias
(Get-Mailbox "$($m.OrganizationalUnit)/Karen Berg").Alias
(Get-Mailbox karen@contoso.onmicrosoft.com).Alias
(Get-Mailbox $m.LegacyExchangeDN).Alias
Get-Mailbox -OrganizationalUnit contoso.onmicrosoft.com | Measure-Object | % Count
# A new mailbox gets its routing address too.
New-Mailbox -Shared -Name 'Team Site' -Alias teamsite | Out-Null
(Get-Mailbox teamsite).EmailAddresses
Add-MailboxPermission karen -User michelle -AccessRights FullAccess | Out-Null
Add-MailboxPermission karen -User michelle -AccessRights FullAccess | Out-Null
