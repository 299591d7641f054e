# Get-Date at SOURCE_DATE_EPOCH=1764070771 (Tuesday, November 25, 2025 11:39:31 UTC), TZ=UTC.
Get-Date
Get-Date -Format 'yyyy-MM-dd HH:mm:ss'
Get-Date -Format 'dddd ddd dd d MMMM MMM MM M yy h hh H tt t'
Get-Date -Format "'Quoted' \T HH%m zzz K"
foreach ($f in 'd','D','f','F','g','G','M','o','R','s','t','T','u','U','Y') { "{0}: {1}" -f $f, (Get-Date -Format $f) }
Get-Date -Format FileDate
Get-Date -Format FileDateTimeUniversal
Get-Date -UFormat '%Y-%m-%d %H:%M:%S'
Get-Date -UFormat '+%A %a %B %b %j %u %V %s %Z %p %c'
Get-Date -Year 2024 -Month 2 -Day 29 -Hour 0 -Minute 0 -Second 0
(Get-Date -Month 1 -Day 31).AddMonths(1).ToString('yyyy-MM-dd')
Get-Date -Date '2024-01-05' -Format D
(Get-Date).ToString('yyyyMMdd')
'{0:yyyy-MM-dd}' -f (Get-Date)
