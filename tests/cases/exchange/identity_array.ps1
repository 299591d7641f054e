# An identity parameter takes one object: a list fails its conversion; a one-item list is fine.
Get-Mailbox karen, amy
Get-Mailbox @("karen") | Select-Object Name
