# Import-Clixml rebuilds what Export-Clixml wrote: primitives come back live (string, int, long,
# double, bool, $null, DateTime, TimeSpan, Guid, Version), objects as property bags whose type
# names gain a `Deserialized.` prefix, hashtables and arrays as collections; -InputObject writes
# its value as one object.
$o = [PSCustomObject]@{
    Name = 'karen'; Count = 3; Big = 5000000000; Ratio = 1.5; On = $false; None = $null
    When = [datetime]'2025-11-25 11:39:31'; Span = [timespan]'1.02:03:04.5'; Id = [guid]'67d8c4b5-bc4c-428a-abba-bf535040e23b'
    Ver = [version]'15.2.1118.7'; Text = "line1`r`nline2`ttab _x0041_"; Map = @{ k = 'v' }; List = @(1, 'two')
}
Export-Clixml -InputObject $o -Path C:\clixml-roundtrip.xml
$back = Import-Clixml C:\clixml-roundtrip.xml
$back.Name; $back.Count; $back.Big; $back.Ratio; $back.On; $null -eq $back.None
$back.When; $back.Span; $back.Id; $back.Ver
$back.Text
$back.Map.k; $back.List.Count; $back.List[1]
$back.Count.GetType().FullName; $back.Big.GetType().FullName; $back.When.GetType().FullName
$back | Get-Member -MemberType NoteProperty -Name N*
