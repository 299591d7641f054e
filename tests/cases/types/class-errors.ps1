# Runtime errors of classes: a property value that does not convert, a property that does not
# exist, and a constructor overload that does not exist.
class Item {
    [int] $Size
    Item() {}
}
$i = [Item]::new()
$i.Size = 'big'
"size is $($i.Size)"
$i.Colour = 'red'
[Item]::new(1, 2)
$i.Missing()
"after"
