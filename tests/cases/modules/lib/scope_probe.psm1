$moduleValue = 'module value'
function Show-Scope {
    "local: [$local] shared: [$shared] module: [$moduleValue] script: [$script:moduleValue]"
    "in module: $($MyInvocation.MyCommand.ModuleName)"
}
function Set-ModuleValue { param($v) $script:moduleValue = $v }
