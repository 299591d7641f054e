# A [TimeSpan] prints as DotNetTypes.format.ps1xml's list.
[timespan]"1.02:03:04"
