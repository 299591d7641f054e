# The `u{…} escape is PowerShell 6+; Windows PowerShell 5.1 reads `u as u.
"`u{263A} smile"
