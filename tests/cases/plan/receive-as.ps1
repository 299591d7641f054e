# exsh-args: --plan
# Receive As on a database opens every mailbox in it: John gains Full Access to each DB01 mailbox.
Add-ADPermission -Identity DB01 -User john -ExtendedRights Receive-As | Out-Null
