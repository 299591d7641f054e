# stdin: x|
# "Press any key": each ReadKey takes the next line of input as the key.
Write-Host "Press a key to continue..." -NoNewline
$k = $Host.UI.RawUI.ReadKey("NoEcho,IncludeKeyDown")
Write-Host ""
$k.Character
$k.VirtualKeyCode
$k = $Host.UI.RawUI.ReadKey("NoEcho,IncludeKeyDown")
$k.VirtualKeyCode
# With no input left there is no key.
$null = $Host.UI.RawUI.ReadKey("NoEcho,IncludeKeyDown")
"done"
