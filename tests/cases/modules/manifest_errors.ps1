# A manifest without ModuleVersion, one whose RequiredModules are not there, one whose root
# module file is missing.
Import-Module .\lib\BadManifest
Import-Module .\lib\NeedsModule
Import-Module .\lib\NoRoot
'after the manifest errors'
