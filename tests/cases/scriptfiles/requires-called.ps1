# #Requires lines are checked before a called script runs: what is satisfiable passes, what is not
# fails with PowerShell's message and nothing in the script runs.
& .\lib\needs-satisfied.ps1
& .\lib\needs-ps7.ps1
.\lib\needs-module.ps1
'after the failed requirements'
