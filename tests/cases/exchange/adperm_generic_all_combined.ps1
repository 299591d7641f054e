# GenericAll cannot be combined with other rights.
Add-ADPermission -Identity 'Karen Berg' -User michelle -AccessRights GenericAll,ReadProperty
