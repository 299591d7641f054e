# Nothing piped (or only $null): 5.1's NoObjectInGetMember, a non-terminating error at the end.
Get-Member
$null | Get-Member
@() | Get-Member
'after'
'x' | Get-Member -MemberType Bogus
