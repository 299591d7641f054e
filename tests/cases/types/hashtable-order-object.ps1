# New-Object -Property takes the properties in the hashtable's order (thomasrayner.ca, "Control
# what order properties are displayed"): prop2 before prop1.
$props = @{'prop1' = 1; 'prop2' = 2}
$obj = New-Object -TypeName PSObject -Property $props
$obj
