# exchange: Online
# stdin: S3cret!|hidden too
# PowerShell 7: -MaskInput echoes * but returns the text; ConvertFrom-SecureString -AsPlainText
# gives the text back; ConvertTo-SecureString -AsPlainText no longer needs -Force.
$pw = Read-Host 'Password' -AsSecureString
$pw
ConvertFrom-SecureString $pw -AsPlainText
$masked = Read-Host 'Again' -MaskInput
"masked: $masked"
ConvertFrom-SecureString (ConvertTo-SecureString 'plain' -AsPlainText) -AsPlainText
ConvertFrom-SecureString -SecureString 'not secure'
