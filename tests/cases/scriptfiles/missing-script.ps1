# A script path that does not exist is a command that is not found; the next statement runs.
.\lib\no-such-script.ps1
& .\lib\no-such-script.ps1 -Name x
'after the missing scripts'
