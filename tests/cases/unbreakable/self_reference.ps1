# Values that contain themselves print, join, convert and format without exhausting the stack.
# An array's elements print flat (PSObject.ToStringEnumerable calls ToString with recurse: false),
# so a nested array is its type name, and an array holding itself is finite.
"$(@(1, @(2, 3)))"
@(1, @(2, 3)) -join ','
$a = @(1)
$a[0] = $a
"$a"
$a -join ','
$list = [System.Collections.ArrayList]@(1)
$list.Add($list) > $null
"$list"
"$([pscustomobject]@{ a = 1, 2 })"
$h = @{}
$h.self = $h
"$h"
$h | ConvertTo-Json -Compress
$h.self.self.self.Count
$h | Format-List
$a | Format-List
$h -eq $h
@($h) -contains $h
# ConvertTo-Json: 5.1 refuses a depth over 100 (ConvertToJsonCommand.BeginProcessing,
# WebCmdletStrings ReachedMaximumDepthAllowed), so a self-containing value is at most 100 levels.
$o = [pscustomobject]@{ a = 1 }
$o.a = $o
($o | ConvertTo-Json -Depth 100 -Compress).Length
$o | ConvertTo-Json -Depth 100000
# Member enumeration recurses into elements that are collections (PropertyGetterWorker,
# MethodInvokerWorker), behind .NET's stack guard: on an array that holds itself it ends in
# InsufficientExecutionStackException. Array.Clone is a shallow copy; ToString() is the type name.
try { $a.Missing } catch { "$($_.FullyQualifiedErrorId) | $($_.Exception.Message)" }
try { $a.Missing() } catch { "$($_.FullyQualifiedErrorId) | $($_.Exception.Message)" }
$b = @(1, 2, @(3))
$c = $b.Clone()
$c[0] = 9
"$b | $c"
@(@(1, 2), @(3, 4)).ToString()
(@('ab', @('cd')).ToUpper()) -join ','
# Truth of a one-element array (LanguagePrimitives.IsTrue(IList)): the element's, except that an
# element that is itself a list is true when not empty, which never recurses.
[bool]$a
[bool]@(, @(0))
[bool]@(, @())
[bool]@(0)
if ($a) { 'an array that holds itself is true' }
# A one-element array converts as its element; one that holds itself is the cast error.
[int]@(, @(5))
try { [int]$a } catch { $_.FullyQualifiedErrorId }
($a | Measure-Object).Count
