<#
  .SYNOPSIS
  Performs monthly data updates.

  .DESCRIPTION
  The Update-Month.ps1 script updates the registry with new data generated
  during the past month and generates a report.

  .PARAMETER InputPath
  Specifies the path to the CSV-based input file.

  .EXAMPLE
  PS> .\Update-Month.ps1 -InputPath C:\Data\January.csv
#>

param ([Parameter(Mandatory)][string]$InputPath, [string]$OutPutPath)

function Get-Data { }
'ran'
