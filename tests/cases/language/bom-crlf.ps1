# A UTF-8 file with a BOM and CRLF line endings, as saved by Windows editors.
$name = "kären"
Write-Host "Hello $name"
$list = @(
  "a",
  "b"
)
$list.Count
$h = @{
  Key = "value"
}
$h.Key
"multi`r`nline".Length
