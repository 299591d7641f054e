# import: imports/online.json
# An Exchange Online snapshot: trustees are UPNs without SIDs (resolved through the snapshot), Send As
# comes from Get-RecipientPermission, the database from the mailboxes (DatabaseGuid).
