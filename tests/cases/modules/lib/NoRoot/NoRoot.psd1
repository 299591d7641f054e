@{
    ModuleVersion = '1.0'
    RootModule = 'Missing.psm1'
}
