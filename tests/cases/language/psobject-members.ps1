# The .PSObject intrinsic member: properties (PSPropertyInfo), type names and the base object,
# on a PSCustomObject, a hashtable (its .NET properties, not its keys), a string, a number and an
# Exchange object.
$o = [pscustomobject]@{ Name = 'karen'; Size = 5 }
$o.PSObject.Properties | ForEach-Object { "$($_.Name) = $($_.Value) | $($_.MemberType) | $($_.TypeNameOfValue) | $($_.IsSettable)" }
"names: $($o.PSObject.Properties.Name -join ',')"
"by name: $($o.PSObject.Properties['size'].Value)"
"missing: $($null -eq $o.PSObject.Properties['nope'])"
"typenames: $($o.PSObject.TypeNames -join ',')"
"base: $($o.PSObject.BaseObject.GetType().FullName)"
"hashtable: $(@{ a = 1 }.PSObject.Properties.Name -join ',')"
"string: $('abc'.PSObject.Properties.Name) $('abc'.PSObject.BaseObject)"
"int: $((5).PSObject.TypeNames -join ',')"
$m = Get-Mailbox -Identity karen
"mailbox: $($m.PSObject.TypeNames[0]) $($m.PSObject.Properties['Alias'].Value)"
"null: $($null -eq $null.PSObject)"
foreach ($p in $o.PSObject.Properties) { '{0} -> {1}' -f $p.Name, $p.Value }
