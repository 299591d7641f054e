# An OPATH filter nested or chained thousands deep is a filter syntax error, never a stack overflow
# (exsh allows 1,000 parentheses, -not, -and and -or in one filter; docs/reference/unbreakable.md).
(Get-Mailbox -Filter ('(' * 100 + 'Alias -eq "karen"' + ')' * 100)).Alias
(Get-Mailbox -Filter ('Alias -eq "x"' + ' -or Alias -eq "karen"' * 500)).Alias
function Show($filter) {
    try { Get-Mailbox -Filter $filter -ErrorAction Stop }
    catch { "$($_.FullyQualifiedErrorId) | $($_.Exception.Message.Substring(0, 60))" }
}
Show ('(' * 10000)
Show ('(' * 5000 + 'Alias -eq "karen"' + ')' * 5000)
Show ('-not ' * 5000 + '(Alias -eq "karen")')
Show ('Alias -eq "x"' + ' -and Alias -eq "karen"' * 5000)
Get-Mailbox -Filter ('(' * 1001 + 'Alias -eq "karen"' + ')' * 1001)
