# exchange: Online
# A script called from a script, and Invoke-Expression text, parse with PowerShell 7's grammar in
# the Online profile (?? and && here), as the pwsh 7 window that runs them does.
& .\lib\seven.ps1 -Name karen
& .\lib\seven.ps1
Invoke-Expression '$null ?? "from iex"'
