# exchange: Exchange2010
# update-level: SP2 RU8
# An Exchange 2010 org records its service pack and update rollup (--update-level, the org
# file's organization.updateLevel). AdminDisplayVersion shows the service pack's build; update
# rollups do not change it (docs/reference/version-profiles.md).
Get-ExchangeServer | Format-List Name,AdminDisplayVersion,ExchangeVersion
