# import: imports/bad-rights.json
# A misspelt right is refused in the snapshot's terms (MailboxPermissions[1].AccessRights).
