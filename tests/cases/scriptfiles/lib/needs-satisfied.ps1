#Requires -Version 5.1
#requires -version 3
#Requires -RunAsAdministrator
#Requires -PSEdition Desktop
#Requires -PSSnapin Microsoft.PowerShell.Core
'all requirements met'
