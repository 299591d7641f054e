<#
.SYNOPSIS
    Exports an Exchange organization's recipients and permissions to one snapshot file that
    `exsh --import` turns into an exsh org file.
.DESCRIPTION
    Runs in the Exchange Management Shell (Windows PowerShell 5.1), in PowerShell 7 with the
    ExchangeOnlineManagement V3 module (after Connect-ExchangeOnline), and inside exsh against
    any exsh org. Uses only Get-* cmdlets: it changes nothing in the organization.

    The snapshot is JSON in the format of docs/snapshot.md (snapshotVersion 1). An error on one
    object (a mailbox that vanished, a folder that cannot be read) is recorded in the snapshot's
    "errors" list and the export goes on.
.PARAMETER Path
    The snapshot file to write (replaced if it exists).
.PARAMETER Identity
    Export only these recipients (anything Get-Recipient -Identity accepts). Marks the snapshot
    partial: references to recipients outside it are dropped on import.
.PARAMETER Filter
    Export only the recipients this OPATH filter selects (Get-Recipient -Filter). Partial.
.PARAMETER ResultSize
    Export at most this many recipients (default Unlimited). A number makes the snapshot partial.
.PARAMETER AllFolders
    Export the permissions of every folder (Get-MailboxFolderStatistics), not only the Calendar
    and the Inbox.
.PARAMETER Anonymize
    Replace names, aliases, addresses, user-created folder names and SIDs with stable pseudonyms
    (the same input gives the same pseudonym within the file), keeping the structure.
.PARAMETER UpdateLevel
    Exchange 2010 only: the service pack and update rollup of the servers (for example
    'SP3 RU7'), which AdminDisplayVersion does not show. Recorded for the import.
.EXAMPLE
    .\Export-ExshOrg.ps1 -Path contoso.snapshot.json
.EXAMPLE
    .\Export-ExshOrg.ps1 -Path sales.json -Filter "Department -eq 'Sales'" -Anonymize
.EXAMPLE
    exsh --org org.json -File scripts/Export-ExshOrg.ps1 -Path snapshot.json
#>
param(
    [Parameter(Mandatory = $true)][string]$Path,
    [string[]]$Identity,
    [string]$Filter,
    [string]$ResultSize = 'Unlimited',
    [switch]$AllFolders,
    [switch]$Anonymize,
    [string]$UpdateLevel
)

$script:Errors = New-Object System.Collections.ArrayList

function Add-ExportError([string]$Object, [string]$Operation, $ErrorRecord) {
    $message = "$ErrorRecord"
    if ($ErrorRecord -and $ErrorRecord.Exception) { $message = $ErrorRecord.Exception.Message }
    [void]$script:Errors.Add([ordered]@{ Object = $Object; Operation = $Operation; Message = $message })
}

# A value as text: deserialized values (ADObjectId, SecurityPrincipalIdParameter, sizes) are
# strings through ToString(); $null stays $null.
function Get-Text($Value) {
    if ($null -eq $Value) { return $null }
    $t = $Value.ToString()
    if ($t -eq '') { return $null }
    $t
}

# A multi-valued property (ArrayList, array, MultiValuedProperty, one value or $null) as an
# array of strings.
function Get-TextList($Value) {
    $out = @()
    if ($null -eq $Value) { return , $out }
    foreach ($v in @($Value)) {
        if ($null -ne $v -and "$v" -ne '') { $out += $v.ToString() }
    }
    , $out
}

# Access rights: a flags value prints as "FullAccess, ReadPermission"; over remoting it is a
# list of such strings. Always a list of single names.
function Get-Rights($Value) {
    $out = @()
    foreach ($v in (Get-TextList $Value)) {
        foreach ($part in ($v -split ',')) {
            $p = $part.Trim()
            if ($p -ne '') { $out += $p }
        }
    }
    , $out
}

function Get-Bool($Value) {
    if ($null -eq $Value) { return $false }
    "$Value" -eq 'True'
}

# A directory reference (ADObjectId, or its deserialized form, or a string).
function Get-Ref($Value) {
    if ($null -eq $Value) { return $null }
    $guid = $null
    $name = $null
    if ($Value.PSObject.Properties['ObjectGuid']) { $guid = Get-Text $Value.ObjectGuid }
    if ($Value.PSObject.Properties['Name']) { $name = Get-Text $Value.Name }
    [ordered]@{ Identity = $Value.ToString(); Name = $name; Guid = $guid }
}

function Get-RefList($Value) {
    $out = @()
    if ($null -eq $Value) { return , $out }
    foreach ($v in @($Value)) {
        if ($null -ne $v -and "$v" -ne '') { $out += Get-Ref $v }
    }
    , $out
}

# The SID behind a permission entry's User (SecurityPrincipalIdParameter.SecurityIdentifier).
function Get-UserSid($User) {
    if ($null -eq $User) { return $null }
    if ($User.PSObject.Properties['SecurityIdentifier']) {
        $s = Get-Text $User.SecurityIdentifier
        if ($s) { return $s }
    }
    $t = $User.ToString()
    if ($t -like 'S-1-*') { return $t }
    if ($t -like 'NT:S-1-*') { return $t.Substring(3) }
    $null
}

# ---------------------------------------------------------------- organization and version
$online = $null -eq (Get-Command Get-ExchangeServer -ErrorAction SilentlyContinue)
Write-Progress -Activity 'Exporting the organization' -Status 'Organization' -PercentComplete 0

$org = [ordered]@{
    Name = $null; Version = $null; AdminDisplayVersion = $null; UpdateLevel = $null
    Domain = $null; NetBIOS = $null; DomainSid = $null; Server = $null; DomainController = $null
}
try {
    $org.Name = Get-Text (Get-OrganizationConfig -ErrorAction Stop).Name
} catch { Add-ExportError 'organization' 'Get-OrganizationConfig' $_ }

$acceptedDomains = @()
try {
    foreach ($d in @(Get-AcceptedDomain -ErrorAction Stop)) {
        $acceptedDomains += [ordered]@{ DomainName = Get-Text $d.DomainName; Default = Get-Bool $d.Default }
        if (Get-Bool $d.Default) { $org.Domain = Get-Text $d.DomainName }
    }
} catch { Add-ExportError 'organization' 'Get-AcceptedDomain' $_ }

if ($online) {
    $org.Version = 'Online'
    $org.AdminDisplayVersion = 'Online'
} else {
    try {
        $server = @(Get-ExchangeServer -ErrorAction Stop) | Select-Object -First 1
        $org.Server = Get-Text $server.Name
        $org.AdminDisplayVersion = Get-Text $server.AdminDisplayVersion
        $org.Version = $org.AdminDisplayVersion
    } catch { Add-ExportError 'organization' 'Get-ExchangeServer' $_ }
}
if ($UpdateLevel) { $org.UpdateLevel = $UpdateLevel }

# ---------------------------------------------------------------- databases (on-premises)
$databases = @()
if (-not $online) {
    try {
        $dbs = @(Get-MailboxDatabase -ErrorAction Stop)
    } catch {
        Add-ExportError 'databases' 'Get-MailboxDatabase' $_
        $dbs = @()
    }
    foreach ($db in $dbs) {
        $record = [ordered]@{ Name = Get-Text $db.Name; Guid = Get-Text $db.Guid; Server = Get-Text $db.Server; ADPermissions = @() }
        try {
            foreach ($p in @(Get-ADPermission -Identity $record.Name -ErrorAction Stop)) {
                $record.ADPermissions += [ordered]@{
                    User = Get-Text $p.User; Sid = Get-UserSid $p.User
                    AccessRights = Get-Rights $p.AccessRights; ExtendedRights = Get-TextList $p.ExtendedRights
                    Properties = Get-TextList $p.Properties
                    Deny = Get-Bool $p.Deny; InheritanceType = Get-Text $p.InheritanceType; IsInherited = Get-Bool $p.IsInherited
                }
            }
        } catch { Add-ExportError $record.Name 'Get-ADPermission' $_ }
        $databases += $record
    }
}

# ---------------------------------------------------------------- recipients
$partial = [bool]($Identity -or $Filter -or $ResultSize -ne 'Unlimited')
$recipientList = @()
try {
    if ($Identity) {
        foreach ($id in $Identity) {
            try { $recipientList += @(Get-Recipient -Identity $id -ErrorAction Stop) }
            catch { Add-ExportError $id 'Get-Recipient' $_ }
        }
    } elseif ($Filter) {
        $recipientList = @(Get-Recipient -Filter $Filter -ResultSize $ResultSize -ErrorAction Stop)
    } else {
        $recipientList = @(Get-Recipient -ResultSize $ResultSize -ErrorAction Stop)
    }
} catch { Add-ExportError 'recipients' 'Get-Recipient' $_ }

$mailboxTypes = @('UserMailbox', 'SharedMailbox', 'RoomMailbox', 'EquipmentMailbox')
$groupTypes = @('MailUniversalSecurityGroup', 'MailUniversalDistributionGroup')
$recipients = @()
$index = 0
foreach ($r in $recipientList) {
    $index++
    $type = Get-Text $r.RecipientTypeDetails
    $guid = Get-Text $r.Guid
    $label = Get-Text $r.Name
    Write-Progress -Activity 'Exporting the organization' -Status "$label ($index of $($recipientList.Count))" -PercentComplete ([int](100 * $index / [Math]::Max(1, $recipientList.Count)))
    $rec = [ordered]@{
        Name = $label; Alias = Get-Text $r.Alias; RecipientTypeDetails = $type
        Identity = Get-Text $r.Identity; DistinguishedName = Get-Text $r.DistinguishedName; Guid = $guid
        ExchangeGuid = $null; Sid = $null
        DisplayName = Get-Text $r.DisplayName; FirstName = Get-Text $r.FirstName; LastName = Get-Text $r.LastName
        Title = Get-Text $r.Title; Department = Get-Text $r.Department
        UserPrincipalName = $null; PrimarySmtpAddress = Get-Text $r.PrimarySmtpAddress
        EmailAddresses = Get-TextList $r.EmailAddresses; ExternalEmailAddress = Get-Text $r.ExternalEmailAddress
        Database = $null; DatabaseGuid = $null; AccountDisabled = $false
        HiddenFromAddressListsEnabled = Get-Bool $r.HiddenFromAddressListsEnabled
    }
    if ($null -eq $org.DomainController -and $r.PSObject.Properties['OriginatingServer']) { $org.DomainController = Get-Text $r.OriginatingServer }
    $isMailbox = $mailboxTypes -contains $type
    $isGroup = $groupTypes -contains $type

    if ($isMailbox) {
        try {
            $m = Get-Mailbox -Identity $guid -ErrorAction Stop
            $rec.ExchangeGuid = Get-Text $m.ExchangeGuid
            $rec.UserPrincipalName = Get-Text $m.UserPrincipalName
            $rec.Database = Get-Text $m.Database
            $rec.DatabaseGuid = Get-Text $m.DatabaseGuid
            $rec.AccountDisabled = Get-Bool $m.AccountDisabled
            $rec.GrantSendOnBehalfTo = Get-RefList $m.GrantSendOnBehalfTo
            $fwd = $null
            if ($m.ForwardingAddress) { $fwd = Get-Ref $m.ForwardingAddress }
            $rec.ForwardingAddress = $fwd
            $rec.ForwardingSmtpAddress = Get-Text $m.ForwardingSmtpAddress
            $rec.DeliverToMailboxAndForward = Get-Bool $m.DeliverToMailboxAndForward
            $rec.MessageCopyForSentAsEnabled = Get-Bool $m.MessageCopyForSentAsEnabled
            $rec.MessageCopyForSendOnBehalfEnabled = Get-Bool $m.MessageCopyForSendOnBehalfEnabled
            if ($null -eq $org.Server -and $m.PSObject.Properties['ServerName']) { $org.Server = Get-Text $m.ServerName }
        } catch { Add-ExportError $label 'Get-Mailbox' $_ }
    }
    if ($isMailbox -or $type -eq 'MailUser') {
        try {
            $u = Get-User -Identity $guid -ErrorAction Stop
            $rec.Sid = Get-Text $u.Sid
            if (-not $rec.UserPrincipalName) { $rec.UserPrincipalName = Get-Text $u.UserPrincipalName }
        } catch { Add-ExportError $label 'Get-User' $_ }
    }
    if ($type -eq 'MailUser') {
        try {
            $mu = Get-MailUser -Identity $guid -ErrorAction Stop
            $rec.GrantSendOnBehalfTo = Get-RefList $mu.GrantSendOnBehalfTo
        } catch { Add-ExportError $label 'Get-MailUser' $_ }
    }
    if ($isGroup) {
        try {
            $g = Get-DistributionGroup -Identity $guid -ErrorAction Stop
            $rec.ManagedBy = Get-RefList $g.ManagedBy
            $rec.GrantSendOnBehalfTo = Get-RefList $g.GrantSendOnBehalfTo
        } catch { Add-ExportError $label 'Get-DistributionGroup' $_ }
        try { $rec.Sid = Get-Text (Get-Group -Identity $guid -ErrorAction Stop).Sid }
        catch { Add-ExportError $label 'Get-Group' $_ }
        $members = @()
        try {
            foreach ($x in @(Get-DistributionGroupMember -Identity $guid -ResultSize Unlimited -ErrorAction Stop)) {
                $members += [ordered]@{ Identity = Get-Text $x.Identity; Name = Get-Text $x.Name; Guid = Get-Text $x.Guid }
            }
        } catch { Add-ExportError $label 'Get-DistributionGroupMember' $_ }
        $rec.Members = $members
    }

    if ($isMailbox) {
        $perms = @()
        try {
            # Exchange Online hides entries of deleted trustees (orphaned SIDs) unless asked.
            $unresolved = @{}
            if ($online) { $unresolved['IncludeUnresolvedPermissions'] = $true }
            foreach ($p in @(Get-MailboxPermission -Identity $guid @unresolved -ErrorAction Stop)) {
                $perms += [ordered]@{
                    User = Get-Text $p.User; Sid = Get-UserSid $p.User; AccessRights = Get-Rights $p.AccessRights
                    Deny = Get-Bool $p.Deny; InheritanceType = Get-Text $p.InheritanceType; IsInherited = Get-Bool $p.IsInherited
                }
            }
        } catch { Add-ExportError $label 'Get-MailboxPermission' $_ }
        $rec.MailboxPermissions = $perms
        try {
            $rec.MailboxOwner = Get-Text (Get-MailboxPermission -Identity $guid -Owner -ErrorAction Stop).Owner
        } catch { Add-ExportError $label 'Get-MailboxPermission -Owner' $_ }
    }

    # Send As: AD permissions on-premises, recipient permissions online.
    if (-not $online -or $type -ne 'MailContact') {
        if ($online) {
            $rp = @()
            try {
                foreach ($p in @(Get-RecipientPermission -Identity $guid -ErrorAction Stop)) {
                    $rp += [ordered]@{
                        Trustee = Get-Text $p.Trustee; AccessControlType = Get-Text $p.AccessControlType
                        AccessRights = Get-Rights $p.AccessRights; InheritanceType = Get-Text $p.InheritanceType
                        IsInherited = Get-Bool $p.IsInherited
                    }
                }
            } catch { Add-ExportError $label 'Get-RecipientPermission' $_ }
            $rec.RecipientPermissions = $rp
        } else {
            $ad = @()
            $dn = $rec.DistinguishedName
            if (-not $dn) { $dn = $guid }
            try {
                foreach ($p in @(Get-ADPermission -Identity $dn -ErrorAction Stop)) {
                    $ad += [ordered]@{
                        User = Get-Text $p.User; Sid = Get-UserSid $p.User
                        AccessRights = Get-Rights $p.AccessRights; ExtendedRights = Get-TextList $p.ExtendedRights
                        Properties = Get-TextList $p.Properties
                        Deny = Get-Bool $p.Deny; InheritanceType = Get-Text $p.InheritanceType; IsInherited = Get-Bool $p.IsInherited
                    }
                }
            } catch { Add-ExportError $label 'Get-ADPermission' $_ }
            $rec.ADPermissions = $ad
            try {
                $rec.ADOwner = Get-Text (Get-ADPermission -Identity $dn -Owner -ErrorAction Stop).Owner
            } catch { Add-ExportError $label 'Get-ADPermission -Owner' $_ }
        }
    }

    if ($isMailbox) {
        # Every folder by path; permissions of the Calendar and the Inbox (found by FolderType, so
        # a mailbox in another language works too), or of every folder with -AllFolders.
        $folderList = @()
        try {
            foreach ($f in @(Get-MailboxFolderStatistics -Identity $guid -ErrorAction Stop)) {
                $fp = (Get-Text $f.FolderPath) -replace '/', '\'
                if ($fp -eq '\Top of Information Store') { $fp = '' } else { $fp = $fp.TrimStart('\') }
                $folderList += [ordered]@{ Path = $fp; FolderType = Get-Text $f.FolderType }
            }
        } catch {
            Add-ExportError $label 'Get-MailboxFolderStatistics' $_
            $folderList = @([ordered]@{ Path = 'Inbox'; FolderType = 'Inbox' }, [ordered]@{ Path = 'Calendar'; FolderType = 'Calendar' })
        }
        foreach ($folder in $folderList) {
            if (-not $AllFolders -and $folder.FolderType -ne 'Calendar' -and $folder.FolderType -ne 'Inbox') { continue }
            $fp = $folder.Path
            $fperms = @()
            try {
                foreach ($p in @(Get-MailboxFolderPermission -Identity "${guid}:\$fp" -ErrorAction Stop)) {
                    $sid = $null
                    $ug = $null
                    $u = $p.User
                    if ($u -and $u.PSObject.Properties['ADRecipient'] -and $u.ADRecipient) {
                        if ($u.ADRecipient.PSObject.Properties['Sid']) { $sid = Get-Text $u.ADRecipient.Sid }
                        if ($u.ADRecipient.PSObject.Properties['Guid']) { $ug = Get-Text $u.ADRecipient.Guid }
                    }
                    $userType = $null
                    if ($u -and $u.PSObject.Properties['UserType']) { $userType = Get-Text $u.UserType }
                    $flags = @()
                    if ($p.PSObject.Properties['SharingPermissionFlags']) { $flags = Get-Rights $p.SharingPermissionFlags }
                    $fperms += [ordered]@{
                        User = Get-Text $u; UserType = $userType; Sid = $sid; Guid = $ug
                        AccessRights = Get-Rights $p.AccessRights; SharingPermissionFlags = $flags
                    }
                }
                $folder.Permissions = $fperms
            } catch { Add-ExportError "$label`:\$fp" 'Get-MailboxFolderPermission' $_ }
        }
        $rec.Folders = $folderList
    }

    if ($type -eq 'RoomMailbox' -or $type -eq 'EquipmentMailbox') {
        try {
            $c = Get-CalendarProcessing -Identity $guid -ErrorAction Stop
            $rec.CalendarProcessing = [ordered]@{
                AutomateProcessing = Get-Text $c.AutomateProcessing
                AllBookInPolicy = Get-Bool $c.AllBookInPolicy; AllRequestInPolicy = Get-Bool $c.AllRequestInPolicy
                AllRequestOutOfPolicy = Get-Bool $c.AllRequestOutOfPolicy
                BookInPolicy = Get-RefList $c.BookInPolicy; RequestInPolicy = Get-RefList $c.RequestInPolicy
                RequestOutOfPolicy = Get-RefList $c.RequestOutOfPolicy
                ForwardRequestsToDelegates = Get-Bool $c.ForwardRequestsToDelegates; AllowConflicts = Get-Bool $c.AllowConflicts
                AllowRecurringMeetings = Get-Bool $c.AllowRecurringMeetings
                BookingWindowInDays = [int](Get-Text $c.BookingWindowInDays); MaximumDurationInMinutes = [int](Get-Text $c.MaximumDurationInMinutes)
                AddOrganizerToSubject = Get-Bool $c.AddOrganizerToSubject; DeleteComments = Get-Bool $c.DeleteComments
                DeleteSubject = Get-Bool $c.DeleteSubject; ProcessExternalMeetingMessages = Get-Bool $c.ProcessExternalMeetingMessages
            }
        } catch { Add-ExportError $label 'Get-CalendarProcessing' $_ }
    }
    $recipients += $rec
}

# ---------------------------------------------------------------- derived organization facts
foreach ($rec in $recipients) {
    if ($null -eq $org.DomainSid -and $rec.Sid -match '^(S-1-5-21-\d+-\d+-\d+)-\d+$') { $org.DomainSid = $Matches[1] }
    foreach ($p in @($rec.MailboxPermissions)) {
        if ($null -eq $org.NetBIOS -and $p -and $p.User -match '^([^\\]+)\\' -and $Matches[1] -ne 'NT AUTHORITY' -and $Matches[1] -ne 'BUILTIN') { $org.NetBIOS = $Matches[1] }
    }
}
if ($online -and $org.DomainController -match '^[^.]+\.([^.]+)\.') { $org.NetBIOS = $Matches[1].ToUpper() }
if ($null -eq $org.NetBIOS -and $env:USERDOMAIN) { $org.NetBIOS = $env:USERDOMAIN }
if (-not $online -and $recipients.Count -gt 0 -and $recipients[0].Identity -match '^([^/]+)/') { $org.Domain = $Matches[1] }

# ---------------------------------------------------------------- anonymization
if ($Anonymize) {
    $script:Pseudo = @{}
    $script:Counter = @{}
    function Get-Pseudonym([string]$Kind, [string]$Value, [string]$Format) {
        if (-not $Value) { return $Value }
        $key = "$Kind|$($Value.ToLower())"
        if (-not $script:Pseudo.ContainsKey($key)) {
            if (-not $script:Counter.ContainsKey($Kind)) { $script:Counter[$Kind] = 0 }
            $script:Counter[$Kind] = $script:Counter[$Kind] + 1
            $script:Pseudo[$key] = $Format -f $script:Counter[$Kind]
        }
        $script:Pseudo[$key]
    }
    $builtinDomains = @('NT AUTHORITY', 'BUILTIN')
    $builtinNames = @('Administrator', 'Domain Admins', 'Enterprise Admins', 'Organization Management', 'Exchange Servers',
        'Exchange Trusted Subsystem', 'Managed Availability Servers', 'Exchange Windows Permissions', 'Delegated Setup',
        'Public Folder Management', 'Discovery Management', 'Domain Users', 'Schema Admins')
    $realDomainSid = $org.DomainSid
    $newNetbios = 'DOMAIN'
    $newDomain = 'domain.example'
    function Get-AnonDomain([string]$d) {
        if (-not $d) { return $d }
        if ($d -ieq $org.Domain) { return $newDomain }
        Get-Pseudonym 'domain' $d 'domain{0}.example'
    }
    function Get-AnonSid([string]$s) {
        if (-not $s) { return $s }
        if ($realDomainSid -and $s.StartsWith("$realDomainSid-")) { return 'S-1-5-21-1111111111-2222222222-3333333333' + $s.Substring($realDomainSid.Length) }
        if ($s -match '^S-1-5-21-\d+-\d+-\d+-(\d+)$') { return (Get-Pseudonym 'sidDomain' ($s -replace '-\d+$', '') 'S-1-5-21-1000000000-1000000000-{0}') + '-' + $Matches[1] }
        $s
    }
    function Get-AnonAddress([string]$a) {
        if (-not $a) { return $a }
        $prefix = ''
        $rest = $a
        if ($a -match '^([A-Za-z0-9]+):(.*)$') { $prefix = $Matches[1] + ':'; $rest = $Matches[2] }
        if ($rest -match '^([^@]+)@(.+)$') {
            $local = $Matches[1]
            $at = $Matches[2]
            if ($builtinNames -notcontains $local) { $local = Get-Pseudonym 'alias' $local 'user{0}' }
            return $prefix + $local + '@' + (Get-AnonDomain $at)
        }
        $prefix + (Get-Pseudonym 'address' $rest 'address{0}')
    }
    $nameOf = @{}
    foreach ($rec in $recipients) {
        if ($rec.Name) { $nameOf[$rec.Name.ToLower()] = if ($builtinNames -contains $rec.Name) { $rec.Name } else { Get-Pseudonym 'name' $rec.Name 'Recipient {0}' } }
    }
    function Get-AnonName([string]$n) {
        if (-not $n) { return $n }
        if ($builtinNames -contains $n) { return $n }
        if ($nameOf.ContainsKey($n.ToLower())) { return $nameOf[$n.ToLower()] }
        Get-Pseudonym 'name' $n 'Recipient {0}'
    }
    # Canonical names (contoso.com/Users/Karen Berg): the domain and the last part.
    function Get-AnonIdentity([string]$i) {
        if (-not $i) { return $i }
        $parts = $i -split '/'
        if ($parts.Count -gt 1) {
            $parts[0] = Get-AnonDomain $parts[0]
            for ($k = 1; $k -lt $parts.Count - 1; $k++) { if ($parts[$k] -ne 'Users') { $parts[$k] = Get-Pseudonym 'ou' $parts[$k] 'OU{0}' } }
            $parts[$parts.Count - 1] = Get-AnonName $parts[$parts.Count - 1]
            return $parts -join '/'
        }
        Get-AnonName $i
    }
    function Get-AnonAccount([string]$u) {
        if (-not $u) { return $u }
        if ($u -match '^([^\\]+)\\(.+)$') {
            if ($builtinDomains -contains $Matches[1]) { return $u }
            if ($builtinNames -contains $Matches[2]) { return "$newNetbios\$($Matches[2])" }
            return "$newNetbios\" + (Get-Pseudonym 'alias' $Matches[2] 'user{0}')
        }
        if ($u -like 'S-1-*') { return Get-AnonSid $u }
        if ($u -like 'NT:S-1-*') { return 'NT:' + (Get-AnonSid $u.Substring(3)) }
        if ($u -like '*@*') { return Get-AnonAddress $u }
        if ($u -eq 'Default' -or $u -eq 'Anonymous') { return $u }
        Get-AnonName $u
    }
    function Set-AnonRefs($list) {
        foreach ($x in @($list)) {
            if ($x) { $x.Identity = Get-AnonIdentity $x.Identity; $x.Name = Get-AnonName $x.Name }
        }
    }
    $defaultFolders = @('', 'Inbox', 'Drafts', 'Sent Items', 'Deleted Items', 'Outbox', 'Junk Email', 'Calendar', 'Contacts', 'Tasks', 'Notes', 'Journal')
    function Set-AnonAces($list) {
        foreach ($p in @($list)) {
            if (-not $p) { continue }
            if ($p.Contains('User')) { $p.User = Get-AnonAccount $p.User }
            if ($p.Contains('Trustee')) { $p.Trustee = Get-AnonAccount $p.Trustee }
            if ($p.Contains('Sid')) { $p.Sid = Get-AnonSid $p.Sid }
        }
    }
    foreach ($db in $databases) { Set-AnonAces $db.ADPermissions }
    foreach ($rec in $recipients) {
        $realName = $rec.Name
        $rec.Name = Get-AnonName $rec.Name
        if ($builtinNames -notcontains $realName) {
            $rec.Alias = Get-Pseudonym 'alias' $rec.Alias 'user{0}'
            $rec.DisplayName = $rec.Name
            if ($rec.FirstName) { $rec.FirstName = Get-Pseudonym 'first' $rec.FirstName 'First{0}' }
            if ($rec.LastName) { $rec.LastName = Get-Pseudonym 'last' $rec.LastName 'Last{0}' }
        } else {
            $rec.Alias = $rec.Alias
        }
        if ($rec.Title) { $rec.Title = Get-Pseudonym 'title' $rec.Title 'Title {0}' }
        if ($rec.Department) { $rec.Department = Get-Pseudonym 'department' $rec.Department 'Department {0}' }
        $rec.Identity = Get-AnonIdentity $rec.Identity
        $rec.DistinguishedName = $null
        $rec.Sid = Get-AnonSid $rec.Sid
        $rec.UserPrincipalName = Get-AnonAddress $rec.UserPrincipalName
        $rec.PrimarySmtpAddress = Get-AnonAddress $rec.PrimarySmtpAddress
        $rec.ExternalEmailAddress = Get-AnonAddress $rec.ExternalEmailAddress
        $rec.EmailAddresses = @($rec.EmailAddresses | ForEach-Object { Get-AnonAddress $_ })
        if ($rec.Contains('ForwardingSmtpAddress')) { $rec.ForwardingSmtpAddress = Get-AnonAddress $rec.ForwardingSmtpAddress }
        if ($rec.Contains('ForwardingAddress') -and $rec.ForwardingAddress) { Set-AnonRefs @($rec.ForwardingAddress) }
        foreach ($k in @('GrantSendOnBehalfTo', 'ManagedBy', 'Members')) { if ($rec.Contains($k)) { Set-AnonRefs $rec[$k] } }
        foreach ($k in @('MailboxPermissions', 'ADPermissions', 'RecipientPermissions')) { if ($rec.Contains($k)) { Set-AnonAces $rec[$k] } }
        foreach ($k in @('MailboxOwner', 'ADOwner')) { if ($rec.Contains($k)) { $rec[$k] = Get-AnonAccount $rec[$k] } }
        if ($rec.Contains('Folders')) {
            foreach ($f in @($rec.Folders)) {
                if ($defaultFolders -notcontains $f.Path) {
                    $f.Path = (@($f.Path -split '\\' | ForEach-Object { if ($defaultFolders -contains $_) { $_ } else { Get-Pseudonym 'folder' $_ 'Folder {0}' } })) -join '\'
                }
                foreach ($p in @($f.Permissions)) { if ($p) { $p.User = Get-AnonAccount $p.User; $p.Sid = Get-AnonSid $p.Sid } }
            }
        }
        if ($rec.Contains('CalendarProcessing') -and $rec.CalendarProcessing) {
            foreach ($k in @('BookInPolicy', 'RequestInPolicy', 'RequestOutOfPolicy')) { Set-AnonRefs $rec.CalendarProcessing[$k] }
        }
    }
    foreach ($e in $script:Errors) { $e.Object = Get-AnonIdentity $e.Object; $e.Message = 'message removed by -Anonymize' }
    $org.Name = Get-Pseudonym 'org' $org.Name 'Organization {0}'
    if ($online) { $org.Name = 'domain.onmicrosoft.com' }
    foreach ($d in $acceptedDomains) { $d.DomainName = Get-AnonDomain $d.DomainName }
    $org.Domain = Get-AnonDomain $org.Domain
    $org.NetBIOS = $newNetbios
    if ($realDomainSid) { $org.DomainSid = (Get-AnonSid "$realDomainSid-1") -replace '-1$', '' }
    $org.Server = if ($org.Server) { Get-Pseudonym 'server' $org.Server 'SERVER{0}' } else { $null }
    $org.DomainController = if ($org.DomainController) { 'DC1.' + $newDomain } else { $null }
}

# ---------------------------------------------------------------- the snapshot file
Write-Progress -Activity 'Exporting the organization' -Status "Writing $Path" -PercentComplete 100
$snapshot = [ordered]@{
    snapshotVersion = 1
    exportedBy = 'Export-ExshOrg.ps1'
    partial = $partial
    anonymized = [bool]$Anonymize
    organization = $org
    acceptedDomains = $acceptedDomains
    databases = $databases
    recipients = $recipients
    errors = @($script:Errors)
}
$json = ConvertTo-Json -InputObject $snapshot -Depth 10
Set-Content -Path $Path -Value $json -Encoding UTF8
Write-Progress -Activity 'Exporting the organization' -Completed
"Exported $($recipients.Count) recipients and $($databases.Count) databases to $Path ($($script:Errors.Count) errors)"
