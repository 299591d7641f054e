# Comment help at the end of a function body (about_Comment_Based_Help; the example of
# examples-of-comment-based-help.md): the default view and -Full, laid out as Windows PowerShell
# 5.1's Help.format.ps1xml and ComplexWriter print them (frames of 4, blank lines padded to the
# frame, the common-parameters text of HelpDisplayStrings).
function Add-Extension
{
    param ([string]$Name,[string]$Extension = "txt")
    $Name = $Name + "." + $Extension
    $Name

    <#
        .SYNOPSIS
        Adds a file name extension to a supplied name.

        .DESCRIPTION
        Adds a file name extension to a supplied name.
        Takes any strings for the file name or extension.

        .PARAMETER Name
        Specifies the file name.

        .PARAMETER Extension
        Specifies the extension. "Txt" is the default.

        .INPUTS
        None. You can't pipe objects to Add-Extension.

        .OUTPUTS
        System.String. Add-Extension returns a string with the extension or file name.

        .EXAMPLE
        PS> Add-Extension -Name "File"
        File.txt

        .EXAMPLE
        PS> Add-Extension "File" "doc"
        File.doc

        .LINK
        Online version: http://www.fabrikam.com/add-extension.html

        .LINK
        Set-Item
    #>
}
Get-Help Add-Extension
Get-Help Add-Extension -Full
