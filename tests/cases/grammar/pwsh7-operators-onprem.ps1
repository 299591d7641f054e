# In Windows PowerShell 5.1 `??` is no operator: the tokenizer reads it as a word.
$x = $null
$x ?? 'default'
