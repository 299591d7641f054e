# Script classes: typed properties with defaults, constructors (overloads), methods with typed
# returns and $this, hidden members, a ToString() override in string expansion, static members.
class Mailbox {
    [string] $Name
    [int] $QuotaGB = 50
    [bool] $Archive
    hidden [string] $Secret = 'hidden value'
    static [int] $Created = 0

    Mailbox() { [Mailbox]::Created++ }
    Mailbox([string] $name) {
        $this.Name = $name
        [Mailbox]::Created++
    }
    Mailbox([string] $name, [int] $quota) {
        $this.Name = $name
        $this.QuotaGB = $quota
        [Mailbox]::Created++
    }

    [string] Describe() {
        'this output is discarded'
        return "$($this.Name) has $($this.QuotaGB) GB"
    }

    [void] Grow([int] $by) { $this.QuotaGB += $by }

    [string] ToString() { return "Mailbox<$($this.Name)>" }

    static [Mailbox] ForUser([string] $user) { return [Mailbox]::new($user, 100) }
}
$a = [Mailbox]::new('karen')
$a.Describe()
$a.Grow(25)
$a.QuotaGB
"Expanded: $a"
$a.Secret
[Mailbox]::new('michelle', 10).QuotaGB
[Mailbox]::ForUser('ben').QuotaGB
[Mailbox]::Created
$b = [Mailbox]@{ Name = 'lee'; QuotaGB = '7' }
$b.QuotaGB.GetType().Name
$a.QuotaGB = '60'
$a.QuotaGB
$a.Archive
$a.GetType().Name
$a -is [Mailbox]
$o = New-Object Mailbox -ArgumentList 'ed'
$o.Name
$a | Format-List
