# A Windows-1252 file (no BOM, not valid UTF-8): accented prompts still read correctly.
Write-Host "Boîte aux lettres de Renée – terminé"
$s = "naïve"
$s.Length
