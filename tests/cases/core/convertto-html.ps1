# ConvertTo-Html: the 5.1 XHTML page, -Title, -PreContent/-PostContent, -Property, -Fragment, -As List, encoding.
$rows = @([PSCustomObject]@{ Name = 'Karen'; Note = 'R&D <lab>' }, [PSCustomObject]@{ Name = 'Bob'; Note = '' })
$rows | ConvertTo-Html -Title Report -PreContent '<h1>Mailboxes</h1>' -PostContent 'end'
$rows | ConvertTo-Html -Property Name -Fragment
$rows[0] | ConvertTo-Html -As List -Fragment
($rows | ConvertTo-Html -Head '<style>td {color: red}</style>')[3]
(@($rows | ConvertTo-Html)).Count
