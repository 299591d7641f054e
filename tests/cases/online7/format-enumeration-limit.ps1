# exchange: Online
# Exchange Online runs in plain pwsh, where $FormatEnumerationLimit is 4 (about_Preference_Variables);
# EMS's RemoteExchange.ps1 raises it to 16 on-premises (host/format-enumeration-limit-ems).
$FormatEnumerationLimit
[pscustomobject]@{ Name = 'Karen'; Items = 1..6 } | Format-List
$FormatEnumerationLimit = -1
[pscustomobject]@{ Name = 'Karen'; Items = 1..6 } | Format-List
