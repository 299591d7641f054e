# A unique prefix of an enum name binds (Full = FullAccess); several rights combine into one flags value.
Add-MailboxPermission -Identity karen -User michelle -AccessRights Full
Add-MailboxPermission -Identity karen -User amy -AccessRights ReadPermission,DeleteItem
