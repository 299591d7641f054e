# Get-Member on a PSCustomObject: the four System.Object methods, then the note properties as
# `type Name=value` (arrays `Object[] X=System.Object[]`, $null `object X=null`), sorted by
# MemberType name then Name; the table grouped under `   TypeName:`.
$o = [PSCustomObject]@{ Name = 'karen'; Count = 3; Enabled = $true; Missing = $null; List = @(1, 2) }
$o | Get-Member
(gm -InputObject $o).Name
($o | gm Name).Definition
($o | gm -Name Count).TypeName
