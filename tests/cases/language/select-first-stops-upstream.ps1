# Select-Object -First N stops the commands before it once it has taken N objects
# (StopUpstreamCommandsException): the rest of their input, their process and end blocks do not
# run, finally blocks do, catch does not see it, and the commands after it still end.
& { 'a'; Write-Host 'side'; 'b'; 'c' } | Select-Object -First 1
function Get-Numbers {
    try {
        foreach ($i in 1..100000) {
            Write-Host "producing $i"
            $i
        }
    } catch {
        'caught'
    } finally {
        Write-Host 'finally ran'
    }
}
Get-Numbers | Select-Object -First 2
function Add-Prefix {
    process { "item $_" }
    end { Write-Host 'Add-Prefix end (not shown)' }
}
1..5 | Add-Prefix | Select-Object -First 2 | ForEach-Object -Process { "got $_" } -End { 'downstream end ran' }
1..10 | ForEach-Object { Write-Host "upstream $_"; $_ } | Select-Object -First 2 -Skip 1
1..10 | ForEach-Object { Write-Host "index upstream $_"; $_ } | Select-Object -Index 0, 2
1, 1, 2, 3 | Select-Object -First 2 -Unique
1..3 | Select-Object -First 0
$taken = Get-Numbers | Select-Object -First 1
"taken: $taken"
(Get-Mailbox | Select-Object -First 1).Name
Get-Mailbox | Select-Object -First 2 -ExpandProperty Alias
# A stop travels through a nested pipeline to the pipeline that holds the Select-Object, and a
# Select-Object in a nested pipeline stops only that one.
function Get-Inner { 1..5 | ForEach-Object { Write-Host "inner $_"; $_ } }
Get-Inner | Select-Object -First 2
1..3 | ForEach-Object { "outer $_ = $(1..10 | Select-Object -First 1)" }
function Get-Two { 1..10 | Select-Object -First 2; 'rest of Get-Two' }
Get-Two | ForEach-Object { "two $_" }
# Without -First the input runs to its end.
1..3 | ForEach-Object { Write-Host "last upstream $_"; $_ } | Select-Object -Last 1
'after'
