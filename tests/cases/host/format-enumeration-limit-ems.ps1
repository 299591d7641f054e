# EMS's RemoteExchange.ps1 sets $FormatEnumerationLimit to 16 (plain PowerShell's default is 4).
$FormatEnumerationLimit
[pscustomobject]@{ Name = 'Karen'; Items = 1..20 } | Format-List
