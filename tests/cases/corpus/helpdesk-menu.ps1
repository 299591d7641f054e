# stdin: 1|helpdesk|kim|2|karen|amy|Reviewer|3|helpdesk|9|q
# Helpdesk delegation tool - menu driven
function Show-Menu {
    Clear-Host
    Write-Host "================ Mailbox delegation ================"
    Write-Host "1: Grant Full Access"
    Write-Host "2: Grant calendar access"
    Write-Host "3: Show Full Access on a mailbox"
    Write-Host "Q: Quit"
}

do {
    Show-Menu
    $choice = Read-Host "Please make a selection"
    switch ($choice) {
        '1' {
            $mailbox = Read-Host "Mailbox"
            $user = Read-Host "User to grant"
            Add-MailboxPermission -Identity $mailbox -User $user -AccessRights FullAccess -InheritanceType All | Out-Null
            Write-Host "Full Access granted to $user on $mailbox" -ForegroundColor Green
        }
        '2' {
            $mailbox = Read-Host "Calendar owner"
            $user = Read-Host "User to grant"
            $rights = Read-Host "Rights (Reviewer, Editor, ...)"
            Add-MailboxFolderPermission -Identity "$($mailbox):\Calendar" -User $user -AccessRights $rights | Out-Null
            Write-Host "$rights granted to $user on the calendar of $mailbox" -ForegroundColor Green
        }
        '3' {
            $mailbox = Read-Host "Mailbox"
            Get-MailboxPermission $mailbox | Where-Object { $_.IsInherited -eq $false -and $_.User -notlike "NT AUTHORITY\SELF" } | Format-Table User, AccessRights -AutoSize
        }
        'q' { Write-Host "Bye" }
        default { Write-Host "Invalid choice '$choice'" -ForegroundColor Red }
    }
}
while ($choice -ne 'q')
