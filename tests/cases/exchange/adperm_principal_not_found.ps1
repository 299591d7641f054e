# Add-ADPermission with a -User that does not resolve.
Add-ADPermission -Identity 'Karen Berg' -User CONTOSO\nobody -ExtendedRights 'Send As'
