# -Static lists the type's static members, -Force adds the hidden property accessors and the
# intrinsic members, -View Extended keeps only extended members, -MemberType filters by kind.
'x' | Get-Member -Static -Name Is*, Empty
'x' | Get-Member -Force -Name get_*
('x' | Get-Member -Force -Name ps*).Name
[PSCustomObject]@{ a = 1 } | Get-Member -View Extended
[PSCustomObject]@{ a = 1 } | Get-Member -View Adapted | ForEach-Object Name
'x' | Get-Member -MemberType Method -Name S* | ForEach-Object { "$($_.Name): $($_.MemberType)" }
