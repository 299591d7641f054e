# Grants Full Access on the Help Desk mailbox to the new agents and keeps a log.
$LogFile = ".\grant-with-log_$(Get-Date -Format yyyyMMdd).log"
$Agents = @("kim", "david", "nobody", "john")

"==== Run started $(Get-Date -Format 'dd/MM/yyyy HH:mm') ====" | Out-File -FilePath $LogFile

foreach ($agent in $Agents) {
    try {
        Add-MailboxPermission -Identity helpdesk -User $agent -AccessRights FullAccess -InheritanceType All -AutoMapping $true -ErrorAction Stop | Out-Null
        $log = "OK     $agent"
    }
    catch {
        $log = "ERROR  $agent - $($_.Exception.Message)"
    }
    $log >> $LogFile
    Write-Host $log
}
"==== Run finished ====" | Out-File -FilePath $LogFile -Append

Write-Host ""
Write-Host "Log file content:"
Get-Content $LogFile
Remove-Item $LogFile
