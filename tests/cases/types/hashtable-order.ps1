# Windows PowerShell 5.1 enumerates @{} in .NET Hashtable bucket order; the keys test1..test9
# join as PowerShell/PowerShell#13566 reports for 5.1, whether added one by one or in a literal.
$hash = @{}
1..9 | ForEach-Object { $hash["test$_"] = $_ }
$hash.Keys -join ""
$lit = @{ test1 = 1; test2 = 2; test3 = 3; test4 = 4; test5 = 5; test6 = 6; test7 = 7; test8 = 8; test9 = 9 }
$lit.Keys -join ""
# Values, GetEnumerator and foreach walk the same buckets.
$lit.Values -join ","
($lit.GetEnumerator() | ForEach-Object { $_.Key }) -join ","
$out = foreach ($k in $lit.Keys) { $k }
$out -join ","
