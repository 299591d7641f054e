# Inheritance: base constructor calls, overriding, base members and -is against the base class.
class Recipient {
    [string] $Name
    Recipient([string] $name) { $this.Name = $name }
    [string] Kind() { return 'recipient' }
    [string] Label() { return "$($this.Kind()): $($this.Name)" }
}
class Group : Recipient {
    [string[]] $Members
    Group([string] $name, [string[]] $members) : base($name) { $this.Members = $members }
    [string] Kind() { return 'group' }
}
$g = [Group]::new('Sales', @('karen', 'ben'))
$g.Label()
$g.Members.Count
$g -is [Recipient]
$g.GetType().BaseType.Name
([Recipient]::new('x')).Label()
$g
