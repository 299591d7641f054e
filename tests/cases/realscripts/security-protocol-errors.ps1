# A value that is no SecurityProtocolType fails as a .NET property setter does (ExceptionWhenSetting)
# and leaves the setting as it was; an unknown static property cannot be set.
[Net.ServicePointManager]::SecurityProtocol = 'Tls99'
[Net.ServicePointManager]::SecurityProtocol
[Net.ServicePointManager]::NoSuchSetting = 1
