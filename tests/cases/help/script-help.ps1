# A script's help block at the start of the file (examples-of-comment-based-help.md, Example 2):
# Get-Help with the script's path and `script.ps1 -?` show it, under the script's full path; the
# script does not run. A block within two lines of the script's first function belongs to that
# function, so the script has only the syntax-only help (HelpCommentsParser.GetHelpCommentTokens).

Get-Help .\lib\Update-Month.ps1
.\lib\Update-Month.ps1 -?
Get-Help .\lib\first-function.ps1
