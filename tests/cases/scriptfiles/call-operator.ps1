# `& script`, a plain path call and a call through a variable: each runs in its own script scope
# and binds its param() block as a function would (named, positional, switch, typed).
& .\lib\greet.ps1 -Name bob -Times 2
.\lib\greet.ps1 alice
$path = '.\lib\greet.ps1'
& $path -Name carol
"greeted: [$greeted] local: [$local]"
Get-Command Get-Greeting -ErrorAction SilentlyContinue | ForEach-Object { 'Get-Greeting leaked' }
& "$PSScriptRoot\lib\greet.ps1" -Name 'from PSScriptRoot'
