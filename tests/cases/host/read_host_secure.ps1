# stdin: S3cret!|plain answer
# Read-Host -AsSecureString without a terminal reads the line from standard input (the transcript
# shows a * for each character) and returns a SecureString, which prints as its type name.
$pw = Read-Host 'Password' -AsSecureString
$pw
$pw.Length
$pw.GetType().FullName
$name = Read-Host 'Name'
"name: $name"
# ConvertFrom-SecureString without a key writes a protected hex string that converts back.
$hex = ConvertFrom-SecureString $pw
$hex.StartsWith('01000000d08c9ddf0115d1118c7a00c04fc297eb')
(ConvertTo-SecureString $hex).Length
# Windows PowerShell 5.1 wants -Force with -AsPlainText; -MaskInput is PowerShell 7's.
ConvertTo-SecureString 'plain' -AsPlainText
(ConvertTo-SecureString 'plain' -AsPlainText -Force).Length
ConvertTo-SecureString 'not a protected string'
ConvertFrom-SecureString $pw -AsPlainText
Read-Host 'x' -MaskInput
# The password back through Marshal, as scripts do to pass it on.
$bstr = [Runtime.InteropServices.Marshal]::SecureStringToBSTR($pw)
"back: " + [Runtime.InteropServices.Marshal]::PtrToStringAuto($bstr)
[Runtime.InteropServices.Marshal]::ZeroFreeBSTR($bstr)
# A credential from the SecureString, and its password through GetNetworkCredential.
$cred = New-Object System.Management.Automation.PSCredential ('CONTOSO\admin', $pw)
$cred.UserName
$net = $cred.GetNetworkCredential()
"$($net.Domain) / $($net.UserName) / $($net.Password)"
([pscredential]::new('admin@contoso.com', $pw)).GetNetworkCredential().Password
