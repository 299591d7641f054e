# A module installed in a folder of $env:PSModulePath is imported by its name.
$dir = 'C:\Program Files\WindowsPowerShell\Modules\Inventory'
New-Item -ItemType Directory -Path $dir | Out-Null
Set-Content -Path "$dir\Inventory.psm1" -Value 'function Get-Inventory { "inventory of $env:COMPUTERNAME" }', 'function Get-Count { 3 }'
Import-Module Inventory
Get-Count
(Get-Module -ListAvailable).Name
Import-Module ActiveDirectory
(Get-Module Inventory).Path
