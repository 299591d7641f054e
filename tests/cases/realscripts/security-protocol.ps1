# The TLS preamble of Exchange Online scripts: [Net.ServicePointManager]::SecurityProtocol reads the
# runtime's default (.NET Framework under Windows PowerShell 5.1: Ssl3, Tls), takes a
# [Net.SecurityProtocolType] value or its name, and combines with -bor.
[Net.ServicePointManager]::SecurityProtocol
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12
[Net.ServicePointManager]::SecurityProtocol
[System.Net.ServicePointManager]::SecurityProtocol = [System.Net.ServicePointManager]::SecurityProtocol -bor [System.Net.SecurityProtocolType]::Tls11
[Net.ServicePointManager]::SecurityProtocol
[int][Net.SecurityProtocolType]::Tls12
[Net.ServicePointManager]::SecurityProtocol = 'Tls'
[Net.ServicePointManager]::SecurityProtocol
[Security.Principal.WindowsBuiltInRole]::Administrator
[int][Security.Principal.WindowsBuiltInRole]::Administrator
