# One mailbox reached through each identity form.
foreach ($id in 'karen', 'Karen Berg', 'karen@contoso.com', 'CONTOSO\karen', 'CN=Karen Berg,CN=Users,DC=contoso,DC=com', 'contoso.com/Users/Karen Berg') {
    '{0,-42} -> {1}' -f $id, (Get-Mailbox $id).Name
}
