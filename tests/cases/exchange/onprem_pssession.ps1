# EMS opens one implicit-remoting session to its server (RemoteExchange.ps1), so Get-PSSession
# shows it as Windows PowerShell 5.1 prints sessions; New-PSSession adds one, Remove-PSSession
# closes them ("Remove" on the computer name as ShouldProcess target).
Get-PSSession
$s = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri http://ex02.contoso.com/PowerShell/ -Authentication Kerberos
"$s"
Get-PSSession | Format-Table Id,Name,ComputerName,ConfigurationName -AutoSize
Get-PSSession -ComputerName ex02* | ForEach-Object Name
Remove-PSSession $s -WhatIf
Remove-PSSession $s
(Get-PSSession).Count
Get-PSSession -Name nothere
