# [regex] statics, [regex] objects and Match/Group objects.
$m = [regex]::Match('id=42; name=karen', 'name=(?<name>\w+)')
$m.Success
$m.Value
$m.Index
$m.Length
$m.Groups['name'].Value
$m.Groups[1].Value
$m.Groups.Count
([regex]::Matches('a1b22c333', '\d+') | ForEach-Object { $_.Value }) -join ','
[regex]::Matches('a1b22c333', '\d+').Count
[regex]::IsMatch('Contoso', '^contoso$')
[regex]::IsMatch('Contoso', '^contoso$', 'IgnoreCase')
[regex]::Replace('2024-01-05', '(\d+)-(\d+)-(\d+)', '$3/$2/$1')
[regex]::Split('a1b2c', '\d') -join '|'
[regex]::Escape('C:\Temp\file (1).txt')
[regex]::Unescape('a\tb\\c')
$re = [regex]'(\w+)@contoso\.com'
$re.ToString()
$re.IsMatch('karen@contoso.com')
$re.Match('mail karen@contoso.com').Groups[1].Value
$re.Replace('karen@contoso.com', '$1@fabrikam.com')
$none = [regex]::Match('abc', 'x')
$none.Success
$none.Value.Length
[regex]::Match('abc', '(')
