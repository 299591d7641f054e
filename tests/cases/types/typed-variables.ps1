# Typed variables keep their type (about_Variables): later assignments convert, a value that does
# not convert is an ArgumentTransformationMetadataException and the variable keeps its value.
[int]$x = "5"
$x = "7"
$x
$x.GetType().Name
[string]$s = 5
$s.GetType().Name
$s + 10
$x = "abc"
"x is still $x"
$x = 2.5
$x
& { $x = "text in a child scope is a new variable"; $x }
$x
[int]$n = $null
$n
[datetime]$date = $null
function Add-One([int]$Value) {
    $Value = "41"
    $Value + 1
    $Value = "many"
}
Add-One 1
"done"
