# WindowsPrincipal has one constructor, taking a WindowsIdentity: no arguments is
# CannotFindAppropriateCtor (NewObjectStrings.resx), a wrong argument is a MethodException from
# the argument conversion, a cast from a string fails, and IsInRole takes one argument.
New-Object Security.Principal.WindowsPrincipal
New-Object Security.Principal.WindowsPrincipal('CONTOSO\Administrator')
[Security.Principal.WindowsPrincipal]'CONTOSO\Administrator'
$p = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
$p.IsInRole()
New-Object System.Uri
'still running'
