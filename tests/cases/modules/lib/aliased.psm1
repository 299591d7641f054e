# A module without Export-ModuleMember: its functions and its aliases are exported.
function Start-Test { 'Start-Test ran' }
Set-Alias stt Start-Test
