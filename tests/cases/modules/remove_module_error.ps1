# Remove-Module of a name that matches no loaded module.
Remove-Module NotLoaded
'still running'
Remove-Module Not*
'a wildcard that matches nothing is no error'
