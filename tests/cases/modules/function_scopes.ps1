# A function defined inside a function lives in that function's scope and is gone after it
# returns; global: and script: put it in those scopes instead.
function Outer {
    function Inner { 'inner runs' }
    function global:Kept { 'kept runs' }
    function script:FromScript { 'script-scoped runs' }
    Inner
}
Outer
Kept
FromScript
"Inner after Outer: $([bool](Get-Command Inner -ErrorAction SilentlyContinue))"
& { function InBlock { 'in block' }; InBlock }
Inner
