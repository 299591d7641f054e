# Set-Alias, New-Alias and Get-Alias in Windows PowerShell 5.1: user aliases resolve before
# functions and cmdlets, live in the scope that defined them (or -Scope), and chain.
Set-Alias say Write-Output
say hello
Get-Alias say
Get-Alias ls, gc
Get-Alias -Definition Get-ChildItem
Get-Alias -Name g?? -Exclude gc*

# An alias wins over a function of the same name.
function say { 'the function' }
say 'the alias'

# Scopes: an alias set in a function is gone after it, unless it names the global scope.
function Set-Local { Set-Alias inner Write-Output; inner 'inside'; Set-Alias outer Write-Output -Scope Global }
Set-Local
(Get-Alias outer).Definition
Get-Alias inner -ErrorAction SilentlyContinue
"inner after the call: $((Get-Alias -Name inner* | Measure-Object).Count)"

# An alias of an alias, and of a function.
function Show-Greeting { "greeting $args" }
Set-Alias greet Show-Greeting
Set-Alias hi greet
hi there
(Get-Alias hi).ResolvedCommandName

# New-Alias with a description and options, -PassThru; Set-Alias -Force over ReadOnly.
New-Alias -Name ro -Value Write-Output -Option ReadOnly -Description 'read only' -PassThru |
    Format-List Name, Definition, Options, Description, CommandType
Set-Alias ro Write-Host -Force
ro 'forced onto Write-Host'
New-Alias say2 Write-Output -Force
Set-Alias -Name wi -Value Get-Date -WhatIf
Get-Alias wi -ErrorAction SilentlyContinue
# The built-in AllScope aliases can be replaced when the new one keeps AllScope.
Set-Alias ls Write-Output -Option AllScope
ls 'ls is Write-Output now'

# Get-Help of a user alias shows its command.
Set-Alias gmp Get-MailboxPermission
(Get-Help gmp) -like "*Gets the permissions on a mailbox.*"
