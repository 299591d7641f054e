# Which parameters of a function are positional (Compiler.GetParameterMetaData): without any
# Position= or ParameterSetName=, every parameter but the switches, in declaration order; once one
# is declared, only the declared positions; none with [CmdletBinding(PositionalBinding=$false)].
function Get-Auto { param($First, [switch]$Flag, $Second) "first=$First second=$Second flag=$Flag" }
Get-Auto one two
Get-Auto one -Flag two
function Get-Declared { param([Parameter(Position = 0)]$First, $Second) "first=$First second=$Second" }
Get-Declared one -Second two
Get-Declared one two
function Get-InSet { param([Parameter(ParameterSetName = 'A')]$First, $Second) "first=$First second=$Second" }
Get-InSet -Second two
Get-InSet one
function Get-Named { [CmdletBinding(PositionalBinding = $false)] param($First) "first=$First" }
Get-Named -First one
Get-Named one
# ValueFromRemainingArguments takes what no parameter took, a parameter name as its text
# (CmdletParameterBinderController.HandleRemainingArguments); it is never bound by position.
function Get-Rest { param($First, [Parameter(ValueFromRemainingArguments)]$Rest) "first=$First rest=$($Rest -join '|') count=$($Rest.Count)" }
Get-Rest 1 2 3
Get-Rest 1 -Other 2 -Last:3
Get-Rest 1
# A simple function's $args keeps the unbound arguments in written order, -Name: before its value.
# An unknown name takes the positional argument after it along (GetNextPositionalArgument).
function Show-Args { param($First) "first=$First args=$($args -join '|') count=$($args.Count)" }
Show-Args 1 -x:5 2
Show-Args -y 2 1
Show-Args -x:5 1
# An advanced function reports the first argument left over.
function Set-Strict { [CmdletBinding()] param($First) "first=$First" }
Set-Strict 1 2 -Other
Set-Strict 1 -Other 2
'done'
