# A .psm1 module runs in its own scope: its functions are exported by default, its variables
# are not, and $script: inside it is the module's.
$counter = 'caller'
Import-Module .\lib\tools.psm1
Get-Greeting
Get-Greeting -Name Admin
"counter in the caller: $counter"
"moduleNote: [$moduleNote]"
(Get-Command Get-Greeting).Name
Format-Count
