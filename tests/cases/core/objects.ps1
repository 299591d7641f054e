# Building objects: [PSCustomObject]@{}, New-Object PSObject -Property, Add-Member, property
# assignment, member enumeration, and a list of objects printed as a table.
$a = [PSCustomObject]@{ Mailbox = 'karen'; User = 'michelle'; Rights = 'FullAccess' }
$a.Mailbox
$a.User = 'bob'
$a.User
$b = New-Object PSObject -Property @{ Mailbox = 'al' }
$b | Add-Member -MemberType NoteProperty -Name User -Value 'ben'
$b | Add-Member -NotePropertyName Rights -NotePropertyValue 'SendAs'
"$($b.Mailbox) $($b.User) $($b.Rights)"
$c = New-Object -TypeName PSObject
Add-Member -InputObject $c -MemberType NoteProperty -Name Mailbox -Value 'zoe'
$c.Mailbox
$all = @($a, $b)
$all.Mailbox -join ','
$report = @()
foreach ($m in 'karen', 'al') {
    $report += [PSCustomObject]@{ Mailbox = $m; Count = $m.Length }
}
$report
