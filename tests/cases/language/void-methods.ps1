# A .NET method declared void writes nothing (its call is AutomationNull.Value); a method that
# returns a value writes it, so a function that builds a collection returns only what it meant to.
$list = New-Object System.Collections.Generic.List[string]
"List.Add: $(@(& { $list.Add('a') }).Count)"
"List.AddRange: $(@(& { $list.AddRange([string[]]('b', 'c')) }).Count)"
"List.Insert: $(@(& { $list.Insert(0, 'z') }).Count)"
"List.Remove (bool): $(@(& { $list.Remove('z') }).Count)"
$list.Remove('a')
$list.Remove('nothere')
"List.RemoveAt: $(@(& { $list.RemoveAt(0) }).Count)"
"List.Clear: $(@(& { $list.Clear() }).Count)"
$al = New-Object System.Collections.ArrayList
"ArrayList.Add (index): $(@(& { $al.Add('a') }).Count)"
$al.Add('b')
"ArrayList.Remove: $(@(& { $al.Remove('a') }).Count)"
"ArrayList.Insert: $(@(& { $al.Insert(0, 'q') }).Count)"
"ArrayList.AddRange: $(@(& { $al.AddRange(@(1, 2)) }).Count)"
$al -join ','
$set = New-Object 'System.Collections.Generic.HashSet[string]'
"HashSet.Add (bool): $(@(& { $set.Add('a') }).Count)"
"HashSet.UnionWith: $(@(& { $set.UnionWith([string[]]('b')) }).Count)"
"HashSet.Clear: $(@(& { $set.Clear() }).Count)"
$h = @{}
"Hashtable.Add: $(@(& { $h.Add('k', 1) }).Count)"
"Hashtable.Remove: $(@(& { $h.Remove('k') }).Count)"
$o = [ordered]@{}
"OrderedDictionary.Add: $(@(& { $o.Add('k', 1) }).Count)"
"Console.WriteLine: $(@(& { [Console]::WriteLine('to the console') }).Count)"
"Host.UI.WriteLine: $(@(& { $Host.UI.WriteLine('to the host') }).Count)"
class Builder {
    [void] Touch() { }
    [int] Size() { return 1 }
    static [void] Reset() { }
}
$b = [Builder]::new()
"[void] method: $(@(& { $b.Touch() }).Count)"
"[int] method: $(@(& { $b.Size() }).Count)"
"static [void] method: $(@(& { [Builder]::Reset() }).Count)"
$so = New-Object psobject
$so | Add-Member -MemberType ScriptMethod -Name Quiet -Value { }
"empty script method: $(@(& { $so.Quiet() }).Count)"
function Get-Names {
    $names = New-Object System.Collections.Generic.List[string]
    $names.Add('one')
    $names.Add('two')
    $names
}
$r = Get-Names
"function result: $($r.Count) $($r -join ',')"
$v = $list.Add('x')
"assigned: $($v -eq $null) $(@($v).Count)"
$list.Add('y') | ForEach-Object { 'not run' }
function Write-Once {
    [CmdletBinding()]
    param()
    $PSCmdlet.WriteObject('once')
}
"PSCmdlet.WriteObject: $(@(Write-Once).Count)"
$list.Insert(9, 'far')
$al.Insert(-1, 'far')
