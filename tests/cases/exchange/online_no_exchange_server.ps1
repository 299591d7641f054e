# exchange: Online
# Get-ExchangeServer is on-premises only ("This cmdlet is available only in on-premises Exchange").
Get-ExchangeServer
