# A redirection operator with no file after it is a parse error; nothing in the script runs.
"runs?"
Get-Mailbox karen >
