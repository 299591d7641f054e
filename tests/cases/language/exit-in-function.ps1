# exit inside a function ends the whole script.
function Stop-Here { Write-Host 'stopping'; exit 2; 'no' }
Stop-Here
'never'
