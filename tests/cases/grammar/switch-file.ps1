# switch -file reads the file's lines; the script deletes its scratch file.
$f = 'grammar-switch-file.txt'
Set-Content -Path $f -Value 'alpha', 'beta', 'gamma'
switch -regex -file $f {
    '^b' { "starts with b: $_" }
    'a$' { "ends with a: $_" }
}
switch -file grammar-switch-file.txt { 'gamma' { 'found gamma'; break } default { "skip $_" } }
Remove-Item $f
