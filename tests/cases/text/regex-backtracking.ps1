# A pattern that backtracks without end stops at exsh's backtracking limit with .NET's
# RegexMatchTimeoutException message (Windows PowerShell 5.1 has no default timeout and would hang).
('a' * 30 + '!') -match '^(\w+\s?)*$\1'
'after'
