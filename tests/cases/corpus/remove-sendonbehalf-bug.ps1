# org: orgs/delegations.json
# Remove Send on Behalf of the users in the list from the Help Desk mailbox.
# (As found in the wild: "$U.UserPrincipalName" expands $U, not the property, so nothing is removed.)
$Users = "kim", "john" | Get-User
foreach ($U in $Users) {
    Set-Mailbox helpdesk -GrantSendOnBehalfTo @{remove="$U.UserPrincipalName"} -ErrorAction Continue
}
"Send on Behalf now: " + ((Get-Mailbox helpdesk).GrantSendOnBehalfTo -join ", ")
