# exchange: Exchange2010
# The filter errors in Exchange 2010.
Get-User -Filter "Title -like 'Sales*' -and Name -eq"
Get-User -Filter "Manager -eq 'karen' -or Titel -like 'Sales*'"
