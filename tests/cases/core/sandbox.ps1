# Commands that would leave the sandbox: each fails with an error naming it, and the script goes on.
ping -n 1 localhost
'after ping'
ipconfig /all
notepad.exe C:\temp\x.txt
cmd /c dir
C:\Windows\System32\whoami.exe
Start-Process notepad.exe -ArgumentList 'a.txt' -Wait
start calc.exe
Invoke-WebRequest https://example.com -UseBasicParsing
$r = irm -Uri https://example.com/api -Method Post -Body '{}'
$null -eq $r
Send-MailMessage -To admin@contoso.com -From report@contoso.com -Subject Report -Body Hi -SmtpServer smtp.contoso.com
Add-Type -AssemblyName System.Web
'assembly name accepted'
Add-Type -TypeDefinition 'public class X { }'
Add-Type -Name Win32 -Namespace Native -MemberDefinition '[DllImport("user32.dll")] public static extern int MessageBox();'
try { Start-Process x.exe -ErrorAction Stop } catch { "caught: $($_.FullyQualifiedErrorId)" }
'done'
