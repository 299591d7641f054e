# Set-ADServerSettings on-premises: the FullParams set by default, SingleDC with a positional
# -PreferredServer, and a parameter no set has (-ClearPreferredGlobalCatalog is not documented).
Set-ADServerSettings -ViewEntireForest $true
Set-ADServerSettings dc01.contoso.com -RecipientViewRoot contoso.com/Users
Set-ADServerSettings -ClearPreferredGlobalCatalog
'done'
