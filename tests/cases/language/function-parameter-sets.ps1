# Parameter sets of a function (CmdletParameterBinderController.ValidateParameterSets): the only
# set still possible; else DefaultParameterSetName when it is still possible; else the one set
# whose mandatory parameters are all bound; else AmbiguousParameterSet.
# stdin: typed
function Get-NoDefault {
    [CmdletBinding()]
    param([Parameter(ParameterSetName = 'ByName')]$Name, [Parameter(ParameterSetName = 'ById')]$Id, $Server)
    "name=$Name id=$Id server=$Server"
}
Get-NoDefault -Name karen
Get-NoDefault -Id 7 -Server ex1
Get-NoDefault -Server ex1
Get-NoDefault
Get-NoDefault -Name karen -Id 7
function Get-WithDefault {
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param([Parameter(ParameterSetName = 'ByName')]$Name, [Parameter(ParameterSetName = 'ById')]$Id, $Server)
    "name=$Name id=$Id server=$Server"
}
Get-WithDefault -Server ex1
function Get-ByMandatory {
    [CmdletBinding()]
    param([Parameter(ParameterSetName = 'ByName', Mandatory)]$Name, [Parameter(ParameterSetName = 'All')][switch]$All)
    "name=$Name all=$All"
}
Get-ByMandatory
Get-ByMandatory -Name amy
# The default set wins while it is possible, even when its mandatory parameter must be asked for.
function Get-DefaultFirst {
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param([Parameter(ParameterSetName = 'ByName', Mandatory)]$Name, [Parameter(ParameterSetName = 'All')][switch]$All)
    "name=$Name all=$All"
}
Get-DefaultFirst
Get-DefaultFirst -All
'done'
