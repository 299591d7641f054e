# exchange: Exchange2010
# Exchange 2010 installs under ...\Exchange Server\V14 (2013 and later: V15), so the install path
# scripts read and the database paths name V14 (docs/reference/version-profiles.md).
$env:ExchangeInstallPath
Get-MailboxDatabase | Format-List Name,EdbFilePath,LogFolderPath
Join-Path $env:ExchangeInstallPath 'Scripts'
