#Requires -Version 7.4
#Requires -PSEdition Core
# exchange: Online
'Exchange Online runs in PowerShell 7.4: the requirements are met'
