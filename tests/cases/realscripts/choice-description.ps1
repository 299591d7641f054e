# ChoiceDescription: its two constructors, the string conversion, and a wrong argument count.
$c = [System.Management.Automation.Host.ChoiceDescription]::new("&Grant", "Adds Full Access.")
$c.Label
$c.HelpMessage
([System.Management.Automation.Host.ChoiceDescription]"&Skip").HelpMessage -eq ""
[System.Management.Automation.Host.ChoiceDescription]::new()
"done"
