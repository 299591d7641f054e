# Splatting a hashtable (named, switches as $true/$false) and an array (positional); here-strings.
$params = @{
    Identity     = 'karen'
    User         = 'michelle'
    AccessRights = 'FullAccess'
    AutoMapping  = $false
    Confirm      = $false
}
$r = Add-MailboxPermission @params
"$($r.User) has $($r.AccessRights)"
$hostArgs = @{ Object = 'splatted host text'; ForegroundColor = 'Green'; NoNewline = $true }
Write-Host @hostArgs
Write-Host ' (same line)'
function Show-Pos($a, $b) { "a=$a b=$b" }
$list = 'one', 'two'
Show-Pos @list
$name = 'karen'
$text = @"
Report for $name
  Count: $(1 + 2)
  Literal: `$name
"@
$text
$literal = @'
No $expansion here
  "quotes" stay
'@
$literal
$text.Split("`n").Count
