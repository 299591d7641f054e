# The error paths: a missing module file, an unknown module name, Export-ModuleMember outside a
# module, Remove-Module of a module that is not loaded.
Import-Module .\lib\missing.psm1
Import-Module C:\modules\nothere.psm1
Import-Module NoSuchModule
Export-ModuleMember -Function Get-Thing
'after Export-ModuleMember'
