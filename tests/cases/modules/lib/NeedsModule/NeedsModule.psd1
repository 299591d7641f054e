@{
    ModuleVersion = '2.0'
    RequiredModules = @('NotInstalledAnywhere')
}
