# exchange: Online
# Get-Command -Module lists only that module's commands (wildcards allowed), with -Name too; a
# module that has none gives nothing, and a plain name outside the module is not found (an error).
Get-Command -Module ExchangeOnlineManagement -Name Connect-*, Get-EXOMailbox | Select-Object -ExpandProperty Name
(Get-Command -Module Exchange*Management | Where-Object Name -eq 'Get-EXOMailbox').Source
@(Get-Command -Module NoSuchModule).Count
@(Get-Command -Module ExchangeOnlineManagement -Name Get-Content).Count
@(Get-Command -Module Microsoft.PowerShell.Utility -Name Get-EXOMailbox).Count
