# exchange: Online
# $ErrorView = 'NormalView' restores the Windows PowerShell layout, as PowerShell 7.4's view
# script writes it: the + lines are not indented or cut, and no blank line follows the record.
# CategoryView prints only the category line, without the command name.
$ErrorView = 'NormalView'
Write-Error 'normal view'
Get-Thingamajig
$ErrorView = 'CategoryView'
Write-Error 'category view'
$ErrorView = 'ConciseView'
Write-Error 'concise again'
