# stdin: maybe|?|n|yes||
# A helpdesk menu: ChoiceDescription objects and $Host.UI.PromptForChoice, answered on stdin.
$yes = New-Object System.Management.Automation.Host.ChoiceDescription "&Yes", "Grant Full Access."
$no = New-Object System.Management.Automation.Host.ChoiceDescription "&No", "Leave the mailbox as it is."
$options = [System.Management.Automation.Host.ChoiceDescription[]]($yes, $no)
$yes.Label
$options.Count
$answer = $Host.UI.PromptForChoice("Full Access", "Give michelle access to Karen's mailbox?", $options, 1)
"answer: $answer"
# A label answers too; strings convert to choices.
$answer = $Host.UI.PromptForChoice("", "Again?", @("&Yes", "&No"), 1)
"answer: $answer"
# An empty line takes the default.
$Host.UI.PromptForChoice("Caption only", "", $options, 0)
if ($Host.UI.PromptForChoice("Grant?", "", $options, 0) -eq 0) {
    Add-MailboxPermission -Identity karen -User michelle -AccessRights FullAccess | Format-Table Identity, User, AccessRights
}
# No input left, then the argument errors.
$Host.UI.PromptForChoice("Last", "", $options, 0)
$Host.UI.PromptForChoice("", "", @(), 0)
$Host.UI.PromptForChoice("", "", $options, 2)
$Host.UI.PromptForChoice("", "", $options)
"done"
