function Example1 { 'hi' }
(Get-Command Example1).Name
Example1
