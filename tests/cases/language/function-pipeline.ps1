# A function with begin/process/end streams: each record runs process before the next is produced.
function Measure-Double {
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline = $true)]
        [int]$Number
    )
    begin { $total = 0; Write-Host 'begin' }
    process {
        $total += $Number
        Write-Host "process $Number ($_)"
        $Number * 2
    }
    end { "total $total" }
}
1..3 | Measure-Double
Measure-Double -Number 5
'1', '2' | ForEach-Object { Write-Host "produce $_"; $_ } | Measure-Double

function Show-Name {
    param([Parameter(ValueFromPipelineByPropertyName = $true)][string]$Name)
    process { "name: $Name" }
}
[PSCustomObject]@{ Name = 'karen' }, [PSCustomObject]@{ Name = 'michelle' } | Show-Name

function Get-Input { "input: $input" }
'a', 'b' | Get-Input

function Test-Return {
    param($x)
    if ($x) { return 'early' }
    'late'
}
Test-Return 1
Test-Return
