param([string]$Greeting = 'Hi', [int]$Times = 1)
function Say-It { param($Who) 1..$Times | ForEach-Object { "$Greeting $Who" } }
