# MemberDefinition objects carry TypeName, Name, MemberType and Definition, so Select-Object and
# member access work on them.
'x' | Get-Member -MemberType Property, ParameterizedProperty | Select-Object Name, MemberType
('x' | Get-Member -Name Length).MemberType -eq 'Property'
