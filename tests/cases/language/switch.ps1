# switch: exact (case-insensitive), -Wildcard, -Regex with $Matches, default, arrays, break, several matches.
function Get-Kind($r) {
    switch ($r) {
        'FullAccess' { 'mailbox' }
        'SendAs' { 'recipient' }
        default { "unknown: $r" }
    }
}
Get-Kind 'fullaccess'
Get-Kind 'SendAs'
Get-Kind 'Owner'
switch -Wildcard ('karen@contoso.com') {
    '*@fabrikam.com' { 'fabrikam' }
    '*@contoso.com' { 'contoso' }
}
switch -Regex ('Room 12') {
    '^Room (\d+)$' { "room number $($Matches[1])" }
}
switch (1, 2, 3) {
    2 { 'two' }
    default { "other $_" }
}
switch ('a') {
    'a' { 'first a' }
    'A' { 'second a' }
}
switch ('a') {
    'a' { 'only this'; break }
    'a' { 'not this' }
}
$choice = '2'
switch ($choice) {
    1 { 'one' }
    2 { 'two from string' }
}
switch ('x') { 'y' { 'no' } }
'after'
