# -PassThru writes the PSModuleInfo, shown in Get-Module's table.
Import-Module .\lib\tools.psm1 -PassThru
