#Requires -Versoin 5.1
# A #Requires line with an unknown parameter is a parse error of the script.
'this line never runs'
