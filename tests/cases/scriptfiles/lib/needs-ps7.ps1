#Requires -Version 7.0
'this line never runs in Windows PowerShell 5.1'
