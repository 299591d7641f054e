@{
    RootModule = 'Reports.psm1'
    ModuleVersion = '1.2.0'
    Description = 'Mailbox reports'
    NestedModules = @('Helpers.psm1')
    FunctionsToExport = @('Get-MailboxReport', 'Format-ReportLine')
    VariablesToExport = @()
}
