# Connect to Exchange from an admin workstation and report Send on Behalf delegates.
# org: orgs/delegations.json
$ExchangeServer = "ex01.contoso.com"
$Session = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri "http://$ExchangeServer/PowerShell/" -Authentication Kerberos
Import-PSSession $Session -DisableNameChecking -AllowClobber | Out-Null

$mbxs = Get-Mailbox -ResultSize Unlimited | Where-Object { $_.GrantSendOnBehalfTo -ne $null }
foreach ($m in $mbxs) {
    foreach ($d in $m.GrantSendOnBehalfTo) {
        "{0,-20} {1}" -f $m.Alias, $d
    }
}

Remove-PSSession $Session
