# GetType() returns a RuntimeType; ToString of arrays (Object.ToString: the type name) and hashtables; intrinsic Count.
(1, 2).GetType().Name
(1, 2).GetType().FullName
(1, 2).GetType().BaseType.FullName
(1, 2).GetType().IsArray
"x".GetType().FullName
(5).GetType().BaseType.Name
@{}.GetType().Name
[int]
[string[]].FullName
[System.Collections.Generic.List[string]].Name
(1, 2).ToString()
@{ a = 1 }.ToString()
(5).Count
$null.Count
"abc".Count
[int].GetType().Name
$t = [int]
$t::MaxValue
