# exchange: Exchange2010
# Exchange 2010 still reports StorageLimitStatus.
Get-MailboxStatistics projector1 | Format-List DisplayName,ItemCount,TotalItemSize,StorageLimitStatus,Database,ServerName
