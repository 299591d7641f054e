# CSV rows pipe into Add-MailboxPermission: Identity binds from the column by property name (User and
# AccessRights take no pipeline input, so they are given once); the ForEach-Object form reads every column.
Import-Csv pipeline_import_csv.csv | Add-MailboxPermission -User john -AccessRights ReadPermission
Import-Csv pipeline_import_csv.csv | ForEach-Object {
    Add-MailboxPermission -Identity $_.Identity -User $_.User -AccessRights $_.AccessRights -InheritanceType All
}
