#requires -Version 3.0
#Requires -Modules ExchangeOnlineManagement
<#
.SYNOPSIS
    Comment-based help is just a comment.
.EXAMPLE
    .\lexical-quirks.ps1
#>
#region Setup
$mbx = 'karen'   # trailing comment
#endregion
Write-Host""
Write-Host"no space"
Write-Output $mbx":\Calendar"
Write-Output "${mbx}:\Calendar"
Write-Output "$mbx`:\Calendar"
Write-Output ($mbx + ':\Calendar')
Write-Output "$($mbx):\Calendar"
$m = Get-Mailbox `
    -Identity karen
$m.Alias
$r = Get-Mailbox |
    Where-Object { $_.Alias -like 'k*' } |
    Select-Object -ExpandProperty Alias
$r
if ($mbx -eq 'karen' -and
    $mbx.Length -eq 5) { 'continued after -and' }
$a = 1; $b = 2; "semicolons: $($a + $b)"
Write-Host 'inline <# block #> text' <# block comment #> -ForegroundColor Cyan
$long = "one" +
    "two"
$long
get-mailbox KAREN | SELECT-OBJECT -expandproperty ALIAS
$MBX
