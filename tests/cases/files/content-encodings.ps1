# Set-Content writes the ANSI code page (Windows-1252) by default in 5.1; -Encoding UTF8 has a BOM;
# Add-Content appends in the encoding an existing file's BOM announces; an unknown name is the
# enum conversion error.
# cwd: temp
Set-Content ansi.txt "café"
Set-Content uni.txt "a" -Encoding Unicode
Add-Content uni.txt "é"
Set-Content utf8.txt "é" -Encoding UTF8
Get-Content ansi.txt
Get-Content uni.txt
Set-Content x.txt "a" -Encoding bogus
