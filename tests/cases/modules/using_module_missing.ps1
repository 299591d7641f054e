using module .\lib\missing.psm1
# A module that using module cannot find is a parse error: nothing of the script runs.
'never printed'
