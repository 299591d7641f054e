# Get-Date's ValidateRange bounds and format errors.
Get-Date -Month 13
Get-Date -Hour -1
Get-Date -Format Q
Get-Date -Date 'not a date'
