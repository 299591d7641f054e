# org: orgs/delegations.json
# Dump delegations per mailbox as JSON for the service desk portal.
$result = @()
foreach ($mbx in Get-Mailbox -RecipientTypeDetails UserMailbox,SharedMailbox) {
    $fa = Get-MailboxPermission $mbx.Identity | ? { -not $_.IsInherited -and $_.User -notlike 'NT AUTHORITY\SELF' }
    if ($fa -or $mbx.GrantSendOnBehalfTo) {
        $result += [PSCustomObject]@{
            Mailbox      = $mbx.PrimarySmtpAddress.ToString()
            FullAccess   = ($fa | ForEach-Object { $_.User.ToString() }) -join ';'
            SendOnBehalf = ($mbx.GrantSendOnBehalfTo | ForEach-Object { $_.Name }) -join ';'
            Count        = @($fa).Count + $mbx.GrantSendOnBehalfTo.Count
        }
    }
}
$result | ConvertTo-Json
