# A credential: UserName as a string, the password as <SS>. PowerShell writes the password
# DPAPI-encrypted in hex; exsh's SecureString keeps no text and there is no DPAPI, so exsh writes
# an empty <SS> (docs/reference/core-cmdlets.md). Import-Clixml rebuilds a live PSCredential.
$cred = Get-Credential -UserName 'CONTOSO\admin'
$cred | Export-Clixml C:\clixml-cred.xml
Get-Content C:\clixml-cred.xml
$back = Import-Clixml C:\clixml-cred.xml
$back.UserName
$back.Password
$back | Get-Member -MemberType Property | ForEach-Object { $_.Definition }
