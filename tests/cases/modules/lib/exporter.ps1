function Get-FromScript { 'from script' }
Export-ModuleMember -Function Get-FromScript
