# Validation attributes on script parameters, with PowerShell 5.1's texts (Metadata.resx of the
# 2016 source import; ParameterBinderStrings.resx): each failure ends only its statement.
# [ValidateSet()] ignores case unless IgnoreCase=$false; [ValidateScript()] prints its block's text;
# a mandatory parameter refuses $null and @() unless [AllowNull()] / [AllowEmptyCollection()].
function g { param([ValidateSet('Alpha','Beta')][string]$X) "X=$X" }
g -X alpha
g -X c
function gc2 { param([ValidateSet('Alpha','Beta', IgnoreCase=$false)][string]$X) "X=$X" }
gc2 -X alpha
function r { param([ValidateRange(1,10)][int]$N) "N=$N" }
r 5
r 11
r 0
r abc
function l { param([ValidateLength(2,4)][string]$S) "S=$S" }
l abc
l a
l abcdef
function p { param([ValidatePattern('^[a-z]+\d$')][string]$S) "S=$S" }
p abc1
p 1abc
function s { param([ValidateScript({ $_ -gt 3 })][int]$N) "N=$N" }
s 4
s 2
function c { param([ValidateCount(1,2)][string[]]$A) "A=$A" }
c a,b
c a,b,c
function n { param([ValidateNotNullOrEmpty()][string]$S) "S=$S" }
n ''
function nn { param([ValidateNotNull()]$S) "S=$S" }
nn $null
function m { param([Parameter(Mandatory)][string[]]$A) "A=$A" }
m @()
function m2 { param([Parameter(Mandatory)]$A) "A=$A" }
m2 $null
function m3 { param([Parameter(Mandatory)][AllowNull()]$A) "A=[$A]" }
m3 $null
function sn { param([ValidateSet('a')]$X) "X=$X" }
sn $null
function ae { param([Parameter(Mandatory)][AllowEmptyCollection()][string[]]$A) "A count=$($A.Count)" }
ae @()
function d { param([ValidateRange(1,10)][int]$N = 99) "default N=$N is not validated" }
d
function neg { param([ValidateRange(-5,-1)][int]$N) "N=$N" }
neg -3
neg 2
