# In Windows PowerShell 5.1 `?` after an expression is no operator.
$x = 1
$x -gt 0 ? 'positive' : 'not'
