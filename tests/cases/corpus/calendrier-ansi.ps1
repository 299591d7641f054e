# Donne le droit de lecture sur le calendrier (script de l'équipe support, fichier ANSI)
# stdin: karen|amy|o
$mbx = Read-Host "Boîte aux lettres"
$user = Read-Host "Utilisateur à autoriser"
Write-Host""
Write-Host "Calendrier de $mbx : accès Reviewer pour $user"
$ok = Read-Host "Confirmer (o/n)"
if ($ok -eq "o") {
    Add-MailboxFolderPermission -Identity $mbx":\Calendar" -User $user -AccessRights Reviewer | Out-Null
    Write-Host "Terminé." -ForegroundColor Green
} else {
    Write-Host "Annulé."
}
Get-MailboxFolderPermission $mbx":\Calendar" | ft User,AccessRights
