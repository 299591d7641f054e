# Out-GridView (ogv): no GUI in exsh — a warning, then the rows as a table; -PassThru passes input on.
$rows = @([PSCustomObject]@{ Name = 'Karen'; Size = 10 }, [PSCustomObject]@{ Name = 'Bob'; Size = 5 })
$rows | Out-GridView -Title Mailboxes
$picked = $rows | ogv -PassThru
$picked.Count
($rows | Out-GridView -OutputMode Single).Name
