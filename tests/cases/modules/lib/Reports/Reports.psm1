function Get-MailboxReport {
    param([string[]]$Names)
    foreach ($n in $Names) { Format-ReportLine $n }
}
function Get-Hidden { 'not exported by the manifest' }
