# exchange: Online
# Exchange Online's Get-Recipient has no -IgnoreDefaultScope; its Get-DistributionGroup keeps
# -Credential, which Get-Recipient lacks there.
Get-Help Get-Recipient -Parameter *Scope*
Get-Help Get-DistributionGroup -Parameter Credential
Get-Help Get-Recipient -Parameter Credential
