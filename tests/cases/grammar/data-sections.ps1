# A data section: its output, assigned to the variable it names.
data Messages {
    'Hello'
    'Goodbye'
}
$Messages.Count
$Messages[1]
$d = data { "one"; 'two' }
$d -join ','
data { 'direct output' }
