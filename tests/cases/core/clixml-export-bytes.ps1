# Export-Clixml's file: UTF-16LE with a BOM (5.1's default -Encoding Unicode), CRLF line ends, no
# line end after </Objs>, two-space indentation; note properties under <MS>; strings escape
# control characters as _xHHHH_ and XML's < and &; a nested hashtable and array get their own
# type-name lists; the second object of the same type reuses its list through <TNRef>.
$rows = @(
    [PSCustomObject]@{ Name = 'karen'; Note = "a<b & c`r`nd"; Count = 3; Big = 5000000000; Ratio = 1.5; On = $true; None = $null }
    [PSCustomObject]@{ Name = 'bob'; Tags = @('x', 'y'); Map = @{ k = 1 } }
)
$rows | Export-Clixml -Path C:\clixml-export.xml
Get-Content C:\clixml-export.xml
