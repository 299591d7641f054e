# [System.IO.Path] on Windows paths and [Environment] read through the host.
[System.IO.Path]::GetFileName("C:\Logs\app.log")
[IO.Path]::GetExtension("C:\Logs\app.tar.gz")
[IO.Path]::GetFileNameWithoutExtension("C:\Logs\app.log")
[IO.Path]::GetDirectoryName("C:\Logs\2024\app.log")
[IO.Path]::GetDirectoryName("C:\app.log")
[IO.Path]::Combine("C:\Reports", "2024", "mailboxes.csv")
[IO.Path]::Combine("C:\Reports\", "x.csv")
[IO.Path]::ChangeExtension("report.txt", ".csv")
[IO.Path]::IsPathRooted("\\server\share")
[Environment]::MachineName
[Environment]::UserName
[Environment]::UserDomainName
[Environment]::Is64BitProcess
[Environment]::OSVersion.VersionString
[Environment]::GetEnvironmentVariable("COMPUTERNAME")
[Environment]::NewLine.Length
[environment]::machinename
