# known-difference: exsh lower-cases the names of user functions, so Get-Command shows 'example1'; PowerShell keeps the case of the definition
function Example1 { 'hi' }
(Get-Command Example1).Name
Example1
