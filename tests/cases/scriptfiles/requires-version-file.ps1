#Requires -Version 7.0
# A -File script whose #Requires is not met does not run at all.
'this line never runs'
