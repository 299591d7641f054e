# A -Full view checked line by line against a Windows PowerShell 5.1 transcript of a module's
# function (Set-PSAdminKeyVault): the syntax line wraps at 119 columns keeping the space after
# "[[-SKU]", parameters without a description keep their padded blank line, and .INPUTS/.OUTPUTS
# print their text and two padded blank lines.

function Set-PSAdminKeyVault {
    <#
    .SYNOPSIS
    Sets KeyVault with Specified Values
    .DESCRIPTION
    Sets KeyVault with Specified Values
    .PARAMETER VaultName
    A Unique Name (Note this is Wildcard Searchable)
    .PARAMETER Location
    Specify a Location
    .PARAMETER VaultURI
    Specify a URI for Reference
    .PARAMETER SoftDeleteEnabled
    Specify Soft Delete Enabled (Note: This feature is not enabled)
    .PARAMETER Tags
    Specify a Tag or Multiple Tags
    .INPUTS
    PSAdminKeyVault.PSAdmin.Module, or any specific object that contains Id, Name
    .OUTPUTS
    None.
    .EXAMPLE
    Set-PSAdminKeyVault -VaultName "MyVaultName" -Location "Office"
    #>
    [CmdletBinding()]
    param(
        [Parameter(Position = 0, ValueFromPipelineByPropertyName)][string]$Id,
        [Parameter(Position = 1, Mandatory, ValueFromPipeline, ValueFromPipelineByPropertyName)][string]$VaultName,
        [Parameter(Position = 2, ValueFromPipelineByPropertyName)][string]$Location,
        [Parameter(Position = 3, ValueFromPipelineByPropertyName)][string]$VaultURI,
        [Parameter(Position = 4, ValueFromPipelineByPropertyName)][string]$SKU,
        [Parameter(Position = 5, ValueFromPipelineByPropertyName)][string]$SoftDeleteEnabled,
        [Parameter(Position = 6, ValueFromPipelineByPropertyName)][string[]]$Tags
    )
}
Get-Help Set-PSAdminKeyVault -Full
