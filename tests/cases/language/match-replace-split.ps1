# -match fills $Matches (numbered and named groups); -replace with groups; -split; -join.
$upn = 'karen.berg@contoso.com'
if ($upn -match '^(?<alias>[^@]+)@(.+)$') {
    "alias: $($Matches.alias)"
    "domain: $($Matches[1])"  # .NET numbers unnamed groups before named ones
    "whole: $($Matches[0])"
}
$upn -notmatch 'fabrikam'
'NT AUTHORITY\SELF' -match 'NT AUTHORITY'
'S-1-5-21-1234' -match '^S-1-5-21-'
$upn -replace '@contoso\.com$', '@fabrikam.com'
'Berg, Karen' -replace '(\w+), (\w+)', '$2 $1'
'a;b;;c' -split ';'
('one two  three' -split ' ').Count
'x', 'y', 'z' -join ', '
-join ('a', 'b')
'CASE' -creplace 'case', 'no'
'CASE' -replace 'case', 'yes'
