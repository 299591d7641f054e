# exchange: Online
# The Online profile's window starts in the user's profile folder; cd with no path goes home (pwsh 7).
Get-Location
cd C:\
cd
$PWD.Path
