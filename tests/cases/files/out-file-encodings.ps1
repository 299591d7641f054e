# Out-File -Encoding in 5.1: UTF8 has a BOM, Default is Windows-1252, ASCII turns é into ?,
# -NoClobber refuses an existing file, an unknown name is ValidateSet's error.
# cwd: temp
"é" | Out-File utf8.txt -Encoding UTF8
"é" | Out-File ansi.txt -Encoding Default
"é" | Out-File ascii.txt -Encoding ASCII
"a", "b" | Out-File nonl.txt -NoNewline -Encoding ASCII
"again" | Out-File utf8.txt -NoClobber
"x" | Out-File q.txt -Encoding bogus
Get-Content utf8.txt
