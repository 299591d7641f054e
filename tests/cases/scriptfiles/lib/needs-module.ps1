#Requires -Modules ActiveDirectory
'this line never runs without the ActiveDirectory module'
