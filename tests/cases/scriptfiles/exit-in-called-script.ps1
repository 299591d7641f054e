# `exit N` in a called script ends only that script: $LASTEXITCODE is N and $? is false;
# `return` ends the script with its value. The caller goes on.
"before: $LASTEXITCODE"
.\lib\greet.ps1 -Name x -Fail
"LASTEXITCODE: $LASTEXITCODE, succeeded: $?"
$r = & .\lib\greet.ps1 early
"returned: $r"
'caller still running'
