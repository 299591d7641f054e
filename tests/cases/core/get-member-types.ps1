# Piped input is enumerated and each distinct type is listed once, in its own autosized group;
# -InputObject is not enumerated (the array's own members). Members sort by MemberType, then Name.
1, 'a', 2, 'b' | Get-Member -Name T*, Length
Get-Member -InputObject @(1, 'a') -MemberType Property, AliasProperty
(1, 2, 3 | Get-Member).Count
('x' | Get-Member).Count
'x' | gm -MemberType ParameterizedProperty, Property
@{ a = 1 } | Get-Member -MemberType Property
(Get-Date) | Get-Member -Name Add*, Date* | ForEach-Object { '{0} {1}' -f $_.Name, $_.MemberType }
