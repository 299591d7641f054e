# Select-String on piped text and on files: MatchInfo objects and how they print.
Set-Content -Path .\sls-users.txt -Value 'karen berg', 'michelle smith', 'Karen Jones', 'alan brown'
'alpha', 'beta', 'gamma' | Select-String 'a$'
'alpha', 'Beta' | Select-String -Pattern 'b' -CaseSensitive
'one', 'two', 'three' | Select-String 'o' -NotMatch
Select-String -Path .\sls-users.txt -Pattern '^karen'
Select-String -Path .\sls-users.txt -Pattern 'smith', 'brown' | ForEach-Object { "$($_.LineNumber) $($_.Pattern) $($_.Filename) $($_.Line)" }
$m = 'id 42 and 7' | Select-String '\d+' -AllMatches
$m.Matches.Count
($m.Matches | ForEach-Object { $_.Value }) -join ','
$m.Path
$m.IgnoreCase
'a.b', 'axb' | Select-String 'a.b' -SimpleMatch
'l1', 'l2', 'hit', 'l4', 'l5' | Select-String 'hit' -Context 1, 2
'karen' | Select-String 'k' -Quiet
'karen' | Select-String 'z' -Quiet
'x' | sls '('
Select-String -Path .\missing.txt -Pattern 'x'
Remove-Item .\sls-users.txt
