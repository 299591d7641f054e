# exchange: Online
# org: orgs/delegations-online.json
# Send As audit (EXO). Exports trustees that are not SELF.
Connect-ExchangeOnline -UserPrincipalName admin@contoso.com -ShowBanner:$false
$file = "SendAs-" + (Get-Date).ToString("yyyyMMdd") + ".csv"
Get-EXORecipientPermission -ResultSize Unlimited | where { $_.Trustee -ne "NT AUTHORITY\SELF" -and $_.AccessRights -contains "SendAs" } |
    select Identity, Trustee, @{Name="AccessRights";Expression={$_.AccessRights -join ","}} |
    Export-Csv $file -NoTypeInformation -Encoding UTF8
Import-Csv $file | ft -AutoSize
Remove-Item $file
Disconnect-ExchangeOnline -Confirm:$false
