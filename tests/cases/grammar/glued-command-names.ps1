# Quotes inside a command name are part of it.
Write-H''ost 'hi'
Write-Ho""st there
W'rite-Output' 'three'
