# Pipeline records bound to an advanced function's parameters, one record at a time.
# A parameter bound by property name (or through an [Alias()]) from one record goes back to its
# default for a record without that property (RestoreDefaultParameterValues), while
# $PSBoundParameters keeps the earlier entry (PowerShell issue #5202).
function Show-Record {
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipelineByPropertyName)][string]$Name = 'none',
        [Parameter(ValueFromPipelineByPropertyName)][Alias('Mail')][string]$Email
    )
    process { "name=$Name email=[$Email] bound=$($PSBoundParameters.Keys -join ',')" }
}
[pscustomobject]@{ Name = 'karen'; Mail = 'karen@contoso.com' }, [pscustomobject]@{ Email = 'amy@contoso.com' } | Show-Record
# A record that binds to no parameter is a non-terminating error (InputObjectNotBound); the
# others still run.
$out = [pscustomobject]@{ Name = 'bob' }, 'text', [pscustomobject]@{ Name = 'al' } | Show-Record 2>&1
$out | ForEach-Object { "$_" }
$out[1].FullyQualifiedErrorId
# Without a process block each record still binds; the end block sees the last one, and $input all.
function Measure-Last {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)][int]$Number)
    "last=$Number all=$($input -join ',')"
}
1, 2, 3 | Measure-Last
# In a process block, $input is the current record.
function Show-Input { process { "record: $input" } }
'a', 'b' | Show-Input
'done'
