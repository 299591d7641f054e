# exchange: Online
# In PowerShell 7 (the Online profile) `>` and Out-File write UTF-8 without a BOM; Out-File
# -Encoding utf8BOM adds one.
# cwd: temp
"año" > out.txt
"año" | Out-File bom.txt -Encoding utf8BOM
Get-Content out.txt
Get-Content bom.txt
