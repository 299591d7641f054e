# cwd: temp
# Logs written per run, read back with a wildcard.
"karen,john" | Out-File .\Success-1.csv
"helpdesk,amy" | Out-File .\Success-2.csv
"x" | Out-File .\Other.txt
Get-Content .\Success*.csv
# A wildcard that matches nothing reads nothing, silently; a missing plain path is an error.
Get-Content .\Nothing*.csv
"after"
Get-Content .\Missing.csv
# The same wildcards in the current folder for the item cmdlets.
(Get-ChildItem *.csv).Name
(Get-Item .\Success-*.csv).Count
