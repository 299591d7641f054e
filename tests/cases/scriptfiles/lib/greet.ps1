# Called by the scriptfiles cases: a param() block, script scope, exit and return.
param(
    [Parameter(Position = 0)]
    [string]$Name = 'world',
    [int]$Times = 1,
    [switch]$Fail
)
for ($i = 0; $i -lt $Times; $i++) { "Hello, $Name" }
$script:greeted = $Name
$local = 'only in greet.ps1'
function Get-Greeting { "greeting for $Name" }
if ($Fail) {
    'failing with exit 3'
    exit 3
}
if ($Name -eq 'early') {
    return 'returned early'
}
'greet.ps1 done'
