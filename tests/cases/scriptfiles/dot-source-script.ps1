# Dot-sourcing a script runs it in the caller's scope: its variables and functions stay.
. .\lib\greet.ps1 -Name dot
"greeted: [$greeted] local: [$local]"
Get-Greeting
