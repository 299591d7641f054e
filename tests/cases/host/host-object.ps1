# stdin: typed answer
# $Host and Get-Host: the console host; RawUI settings can be changed and read back.
$Host.Name
(Get-Host).Name
$Host.Version -eq $PSVersionTable.PSVersion
$Host.UI.RawUI.WindowTitle = 'Mailbox report'
$Host.UI.RawUI.WindowTitle
$Host.UI.RawUI.ForegroundColor = 'Green'
"fg: $($Host.UI.RawUI.ForegroundColor) bg: $($Host.UI.RawUI.BackgroundColor)"
"buffer: $($Host.UI.RawUI.BufferSize.Width) x $($Host.UI.RawUI.BufferSize.Height)"
$host.UI.WriteLine('written by UI.WriteLine')
$host.UI.Write('part one, ')
$host.UI.WriteLine('part two')
$host.UI.WriteWarningLine('careful')
$name = $host.UI.ReadLine()
"read: $name"
