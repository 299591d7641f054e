# A group object inherits the same domain entries except Exchange Windows Permissions' WriteDacl, which applies to user objects.
Get-ADPermission 'Help Desk Agents'
