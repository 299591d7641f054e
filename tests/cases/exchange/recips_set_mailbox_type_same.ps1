# Converting a mailbox to the type it already has warns twice and changes nothing; a password
# that is not a SecureString fails binding.
Set-Mailbox helpdesk -Type Shared
Set-Mailbox karen -Password 'P@ssw0rd25'
