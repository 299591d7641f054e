# Acceptance step 2: Send As through Add-ADPermission (DOMAIN\user form, "Send As" with a space).
Add-ADPermission -Identity "Karen Berg" -User CONTOSO\michelle -ExtendedRights "Send As"
