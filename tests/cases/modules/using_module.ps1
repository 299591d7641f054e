using module .\lib\tools.psm1
# using module imports the module before the script runs.
Get-Greeting -Name using
