# A script module without Export-ModuleMember: every function is exported, no variable.
$script:counter = 0
$moduleNote = 'private to the module'

function Get-Greeting {
    param([string]$Name = 'world')
    $script:counter++
    "Hello, $Name ($(Format-Count))"
}

function Format-Count {
    "call $script:counter"
}
