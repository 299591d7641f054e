# Get-Location (pwd) prints a PathInfo table; EMS starts in C:\Windows\system32, which is the
# folder exsh was started in.
Get-Location
