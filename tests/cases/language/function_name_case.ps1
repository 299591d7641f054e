# Get-Command shows a user function under the case of its definition.
function Example1 { 'hi' }
(Get-Command Example1).Name
Example1
