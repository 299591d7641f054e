# Shared helpers for the delegation scripts. Dot-source me.
$script:LogLines = @()

function Write-Log {
    param([string]$Message, [string]$Level = "INFO")
    $line = "{0} [{1}] {2}" -f (Get-Date -Format "yyyy-MM-dd HH:mm:ss"), $Level, $Message
    $script:LogLines += $line
    Write-Host $line
}

function Test-MailboxExists {
    param([string]$Identity)
    $m = Get-Mailbox -Identity $Identity -ErrorAction SilentlyContinue
    return ($null -ne $m)
}

function Get-CalendarPath {
    param([string]$Identity)
    $mbx = Get-Mailbox -Identity $Identity
    $cal = Get-MailboxFolderStatistics -Identity $mbx.Alias -FolderScope Calendar | Where-Object { $_.FolderType -eq 'Calendar' }
    return "$($mbx.Alias):\$($cal.Name)"
}
