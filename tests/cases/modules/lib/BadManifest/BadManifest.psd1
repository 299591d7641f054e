@{
    RootModule = 'BadManifest.psm1'
    Description = 'no ModuleVersion'
}
