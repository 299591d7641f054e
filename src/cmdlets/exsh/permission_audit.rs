//! Get-PermissionAudit (exsh's own): the org-wide findings of `directory::audit` as objects with
//! a Kind, the objects involved, a Detail sentence and a Fix command line that removes the finding
//! in the org's profile (docs/audit.md).

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, ExchangeErrorKind, IdentityKind, Origin, Param, ParamType,
    Signature,
};
use crate::directory::rights::{ad, folder, mailbox, sharing};
use crate::directory::{
    AuditFix, AuditObject, AuditPermission, AuditTrustee, AuditVia, Directory, ExchangeVersion, Finding, FindingKind,
    FolderUser, Inheritance,
};
use crate::value::{PsObject, Value};

use crate::cmdlets::exchange::types::AD_RIGHTS;
use crate::cmdlets::exchange::{arg_id, is_online, resolve_one, strings};

/// Get-PermissionAudit.
pub struct GetPermissionAudit;

/// The type name of a finding (the default view keys on it).
pub const FINDING_TYPE: &str = crate::format::views::PERMISSION_AUDIT_FINDING;

/// What -Identity names.
const IDENTITY: IdentityKind = IdentityKind::Mailbox;

impl Cmdlet for GetPermissionAudit {
    fn signature(&self) -> Signature {
        Signature::new("Get-PermissionAudit", "Exsh.Commands.GetPermissionAudit", Origin::Exsh)
            .synopsis(
                "Lists org-wide permission findings (orphaned entries, departed delegates, delegation loops, incomplete delegates, Full Access with Send on Behalf, who can send as whom), each with a command that fixes it.",
            )
            .param(
                Param::new("Kind", ParamType::Set(FindingKind::NAMES))
                    .array()
                    .position(0)
                    .help("Only findings of these kinds: OrphanedEntry, DepartedDelegate, DelegationLoop, IncompleteDelegate, FullAccessSendOnBehalf, SendAs."),
            )
            .param(
                Param::new("Identity", ParamType::Identity(IDENTITY))
                    .from_pipeline()
                    .from_pipeline_by_name()
                    .help("Only findings about this mailbox (and the delegation loops it is part of)."),
            )
            .example("Get-PermissionAudit", "Lists every finding in the organization.")
            .example(
                "Get-PermissionAudit -Kind SendAs | Export-Csv C:\\temp\\send-as.csv -NoTypeInformation",
                "Exports who can send as whom, groups expanded, and through which grant.",
            )
            .example(
                "Get-PermissionAudit -Identity karen | Format-List",
                "Shows every finding about Karen's mailbox with its Fix command.",
            )
            .example(
                "Get-PermissionAudit -Kind OrphanedEntry | ForEach-Object { Invoke-Expression $_.Fix }",
                "Removes every entry left behind by a removed account.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let kinds: Vec<FindingKind> =
            strings(args.get("Kind")).iter().filter_map(|k| FindingKind::from_name(k)).collect();
        let scope = match arg_id(args, "Identity") {
            Some(id) => Some(resolve_one(dir, &id, IDENTITY).map_err(local_error)?),
            None => None,
        };
        let rows: Vec<Value> = dir
            .permission_audit()
            .iter()
            .filter(|f| kinds.is_empty() || kinds.contains(&f.kind))
            .filter(|f| scope.is_none_or(|m| f.object == AuditObject::Recipient(m) || f.chain.contains(&m)))
            .map(|f| finding_object(dir, f))
            .collect();
        for v in rows {
            cx.output(v);
        }
        Ok(())
    }
}

/// exsh's own cmdlets run locally: an identity error keeps Exchange's text and exception type
/// but is a local error record (with its position), not a remote one.
fn local_error(e: CmdletError) -> CmdletError {
    match e {
        CmdletError::Exchange { kind, message, .. } => {
            let (exception, category, id) = match kind {
                ExchangeErrorKind::Ambiguous => {
                    ("ManagementObjectAmbiguousException", "InvalidArgument", "ManagementObjectAmbiguous")
                }
                _ => ("ManagementObjectNotFoundException", "ObjectNotFound", "ManagementObjectNotFound"),
            };
            CmdletError::core(
                message,
                &format!("Microsoft.Exchange.Configuration.Tasks.{exception}"),
                category,
                &format!("{id},Exsh.Commands.GetPermissionAudit"),
            )
        }
        other => other,
    }
}

/// A finding as an object: Kind, Object, Trustee, Permission, Via, Detail, Fix.
pub fn finding_object(dir: &Directory, f: &Finding) -> Value {
    let mut o = PsObject::new(&[FINDING_TYPE, "System.Object"]);
    o.set("Kind", Value::str(f.kind.name()));
    o.set("Object", Value::str(object_name(dir, f.object)));
    o.set("Trustee", Value::str(trustee_name(dir, &f.trustee)));
    o.set("Permission", Value::str(permission_text(dir, &f.permission)));
    o.set("Via", Value::str(via_text(dir, &f.via)));
    o.set("Detail", Value::str(detail(dir, f)));
    o.set("Fix", Value::str(f.fix.as_ref().map(|x| fix_command(dir, x)).unwrap_or_default()));
    Value::object(o)
}

fn display(dir: &Directory, i: usize) -> String {
    let r = &dir.recipients[i];
    if r.display_name.is_empty() { r.name.clone() } else { r.display_name.clone() }
}

fn object_name(dir: &Directory, o: AuditObject) -> String {
    match o {
        AuditObject::Recipient(i) => display(dir, i),
        AuditObject::Database(d) => dir.databases[d].name.clone(),
    }
}

fn trustee_name(dir: &Directory, t: &AuditTrustee) -> String {
    match t {
        AuditTrustee::Recipient(i) => display(dir, *i),
        AuditTrustee::Sid(s) => s.clone(),
    }
}

/// A group or principal SID by name (`Help Desk Agents`, `CONTOSO\Domain Admins`).
fn sid_name(dir: &Directory, sid: &str) -> String {
    match dir.recipient_by_sid(sid) {
        Some(i) => display(dir, i),
        None => dir.account_name(sid),
    }
}

fn folder_rights(rights: u64, flags: u64) -> String {
    let mut s = folder::names(rights).join(", ");
    let f: Vec<&str> = sharing::FLAGS.iter().filter(|(_, b)| flags & b != 0).map(|(n, _)| *n).collect();
    if !f.is_empty() {
        s.push_str(&format!(" ({})", f.join(", ")));
    }
    s
}

fn mailbox_rights(bits: u64) -> Vec<&'static str> {
    mailbox::MEMBERS.iter().filter(|(_, b)| bits & b != 0).map(|(n, _)| *n).collect()
}

fn ad_rights(dir: &Directory, rights: u64, extended: &[String]) -> String {
    if !extended.is_empty() {
        return if is_online(dir) && extended.iter().all(|x| x.eq_ignore_ascii_case(ad::SEND_AS)) {
            "SendAs".to_string()
        } else {
            extended.join(", ")
        };
    }
    AD_RIGHTS.format(rights)
}

fn permission_text(dir: &Directory, p: &AuditPermission) -> String {
    match p {
        AuditPermission::MailboxRights(bits) => mailbox_rights(*bits).join(", "),
        AuditPermission::AdRights { rights, extended } => ad_rights(dir, *rights, extended),
        AuditPermission::FullAccess => "FullAccess".into(),
        AuditPermission::SendAs => "SendAs".into(),
        AuditPermission::SendOnBehalf => "SendOnBehalf".into(),
        AuditPermission::Folder { path, rights, flags } => {
            let name = if path.is_empty() { "(root)" } else { path };
            format!("{name}: {}", folder_rights(*rights, *flags))
        }
    }
}

fn via_text(dir: &Directory, v: &AuditVia) -> String {
    let chain = |c: &[String]| c.iter().map(|s| sid_name(dir, s)).collect::<Vec<_>>().join(" > ");
    match v {
        AuditVia::Direct => "Direct".into(),
        AuditVia::Groups(c) => format!("Group {}", chain(c)),
        AuditVia::Database(d, c) if c.is_empty() => format!("Database {}", dir.databases[*d].name),
        AuditVia::Database(d, c) => format!("Database {} > Group {}", dir.databases[*d].name, chain(c)),
        AuditVia::FullAccessAndSendOnBehalf => "FullAccess + SendOnBehalf".into(),
    }
}

/// How the org's version is named in sentences (`Exchange 2010 SP3 RU7`, `Exchange Online`).
fn version_name(dir: &Directory) -> String {
    let base = match dir.org.version {
        ExchangeVersion::Exchange2010 => "Exchange 2010",
        ExchangeVersion::Exchange2013 => "Exchange 2013",
        ExchangeVersion::Exchange2016 => "Exchange 2016",
        ExchangeVersion::Exchange2019 => "Exchange 2019",
        ExchangeVersion::Online => "Exchange Online",
    };
    match dir.org.update_level {
        Some(l) if dir.org.version == ExchangeVersion::Exchange2010 => format!("{base} {}", l.name()),
        _ => base.to_string(),
    }
}

/// ` through the group X` / ` through the database DB01` / `` for direct grants.
fn through(dir: &Directory, v: &AuditVia) -> String {
    let chain = |c: &[String]| {
        let names: Vec<String> = c.iter().map(|s| sid_name(dir, s)).collect();
        match names.len() {
            1 => format!("the group {}", names[0]),
            _ => format!("the groups {}", names.join(" > ")),
        }
    };
    match v {
        AuditVia::Direct => String::new(),
        AuditVia::Groups(c) => format!(" through {}", chain(c)),
        AuditVia::Database(d, c) if c.is_empty() => {
            format!(" through Receive As on the database {}", dir.databases[*d].name)
        }
        AuditVia::Database(d, c) => {
            format!(" through Receive As on the database {} given to {}", dir.databases[*d].name, chain(c))
        }
        AuditVia::FullAccessAndSendOnBehalf => " through Full Access plus Send on Behalf".into(),
    }
}

fn access_words(dir: &Directory, p: &AuditPermission, object: &str) -> String {
    match p {
        AuditPermission::FullAccess => format!("Full Access to {object}"),
        AuditPermission::SendAs => format!("Send As on {object}"),
        AuditPermission::SendOnBehalf => format!("Send on Behalf of {object}"),
        AuditPermission::Folder { path, rights, flags } => {
            format!("{} on {object}'s {} folder", folder_rights(*rights, *flags), folder_name(path))
        }
        other => format!("{} on {object}", permission_text(dir, other)),
    }
}

fn folder_name(path: &str) -> &str {
    if path.is_empty() { "root" } else { path }
}

fn detail(dir: &Directory, f: &Finding) -> String {
    let object = object_name(dir, f.object);
    let trustee = trustee_name(dir, &f.trustee);
    match f.kind {
        FindingKind::OrphanedEntry => {
            let rights = match &f.permission {
                AuditPermission::Folder { rights, flags, .. } => folder_rights(*rights, *flags),
                p => permission_text(dir, p),
            };
            let list = match (&f.permission, f.object) {
                (AuditPermission::Folder { path, .. }, _) => {
                    format!("Folder permission {rights} on {object}'s {}", folder_name(path))
                }
                (AuditPermission::MailboxRights(_), _) => format!("Mailbox permission {rights} on {object}"),
                (_, AuditObject::Database(_)) => format!("AD permission {rights} on the database {object}"),
                _ if is_online(dir) => format!("Recipient permission {rights} on {object}"),
                _ => format!("AD permission {rights} on {object}"),
            };
            format!("{list} for a removed account (its SID resolves to no account).")
        }
        FindingKind::DepartedDelegate => format!(
            "{trustee} is a user mailbox whose account is disabled, and it still has {}{}.",
            access_words(dir, &f.permission, &object),
            through(dir, &f.via)
        ),
        FindingKind::DelegationLoop => {
            let names: Vec<String> = f.chain.iter().map(|i| display(dir, *i)).collect();
            let mut parts = Vec::new();
            for (k, n) in names.iter().enumerate() {
                let next = &names[(k + 1) % names.len()];
                parts.push(if k == 0 { format!("{n} is a delegate of {next}") } else { format!("{n} of {next}") });
            }
            let last = parts.pop().unwrap_or_default();
            let joined = if parts.is_empty() { last } else { format!("{}, and {last}", parts.join(", ")) };
            format!("Delegation loop (Send on Behalf): {joined}.")
        }
        FindingKind::IncompleteDelegate => match &f.permission {
            AuditPermission::Folder { flags, .. } if flags & sharing::DELEGATE != 0 => format!(
                "{trustee}'s Calendar entry on {object} carries the Delegate flag, but {trustee} can't send on behalf of {object}: a delegate has both."
            ),
            AuditPermission::Folder { .. } => format!(
                "{trustee} has Editor on {object}'s Calendar and Tasks, as Outlook's delegate setup gives, but can't send on behalf of {object}."
            ),
            _ => format!(
                "{trustee} can send on behalf of {object} but has no Editor on {object}'s Calendar: Outlook's delegate setup gives both."
            ),
        },
        FindingKind::FullAccessSendOnBehalf => {
            let sends_as = dir.org.update_level.is_some_and(|l| l.full_access_sends_as());
            let rule = if sends_as {
                format!(
                    "On this {} org the pair lets {trustee} send as {object}, even past a Send As Deny (fixed in Exchange 2010 SP3 RU8).",
                    version_name(dir)
                )
            } else {
                let from = match (&f.trustee, f.object) {
                    (AuditTrustee::Recipient(u), AuditObject::Recipient(t)) => dir.from_line(t, *u),
                    _ => None,
                };
                let from = from.map(|l| format!(": mail from {trustee} shows '{l}'")).unwrap_or_default();
                format!(
                    "On {} the pair is not Send As (Exchange 2010 before SP3 RU8 made it one){from}.",
                    version_name(dir)
                )
            };
            format!("{trustee} has Full Access{} and Send on Behalf on {object}. {rule}", through(dir, &f.via))
        }
        FindingKind::SendAs => {
            let how = match &f.via {
                AuditVia::Direct => " (a direct Send As grant)".to_string(),
                AuditVia::FullAccessAndSendOnBehalf => format!(
                    " through Full Access plus Send on Behalf, which {} treats as Send As (before SP3 RU8)",
                    version_name(dir)
                ),
                v => through(dir, v),
            };
            format!("{trustee} can send as {object}{how}; recipients see {object} as the sender.")
        }
    }
}

/// An argument as PowerShell needs it: bare when it is a plain word, else single-quoted.
fn arg(s: &str) -> String {
    let plain = !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'));
    if plain && !s.starts_with('-') { s.to_string() } else { format!("'{}'", s.replace('\'', "''")) }
}

/// A recipient by its alias (unique in Exchange), for -Identity, -User, -Member.
fn alias(dir: &Directory, i: usize) -> String {
    arg(&dir.recipients[i].alias)
}

/// A trustee SID as -User / -Trustee takes it: a recipient's alias, a principal's account name,
/// an orphaned SID as is.
fn principal_arg(dir: &Directory, sid: &str) -> String {
    match dir.recipient_by_sid(sid) {
        Some(i) => alias(dir, i),
        None => arg(&dir.account_name(sid)),
    }
}

fn inheritance_arg(i: Inheritance) -> String {
    if i == Inheritance::All { String::new() } else { format!(" -InheritanceType {}", i.name()) }
}

/// The command line that makes a fix, valid in the org's profile.
pub fn fix_command(dir: &Directory, fix: &AuditFix) -> String {
    let deny = |d: bool| if d { " -Deny" } else { "" };
    match fix {
        AuditFix::RemoveMailboxAce { mailbox: m, ace } => format!(
            "Remove-MailboxPermission -Identity {} -User {} -AccessRights {}{}{} -Confirm:$false",
            alias(dir, *m),
            principal_arg(dir, &ace.sid),
            mailbox_rights(ace.rights).join(","),
            inheritance_arg(ace.inheritance),
            deny(ace.deny)
        ),
        AuditFix::RemoveAdAce { object: AuditObject::Recipient(i), ace } if is_online(dir) => format!(
            "Remove-RecipientPermission -Identity {} -Trustee {} -AccessRights SendAs{} -Confirm:$false",
            alias(dir, *i),
            principal_arg(dir, &ace.sid),
            deny(ace.deny)
        ),
        AuditFix::RemoveAdAce { object, ace } => {
            let identity = match object {
                AuditObject::Recipient(i) => arg(&dir.recipients[*i].name),
                AuditObject::Database(d) => arg(&dir.databases[*d].name),
            };
            let rights = if ace.extended_rights.is_empty() {
                format!(" -AccessRights {}", AD_RIGHTS.format(ace.rights).replace(", ", ","))
            } else {
                let other = ace.rights & !ad::EXTENDED_RIGHT;
                let access = if other == 0 {
                    String::new()
                } else {
                    format!(" -AccessRights {}", AD_RIGHTS.format(ace.rights).replace(", ", ","))
                };
                format!("{access} -ExtendedRights {}", ace.extended_rights.join(","))
            };
            let properties = if ace.properties.is_empty() {
                String::new()
            } else {
                format!(" -Properties {}", ace.properties.iter().map(|p| arg(p)).collect::<Vec<_>>().join(","))
            };
            format!(
                "Remove-ADPermission -Identity {identity} -User {}{rights}{properties}{}{} -Confirm:$false",
                principal_arg(dir, &ace.sid),
                inheritance_arg(ace.inheritance),
                deny(ace.deny)
            )
        }
        AuditFix::RemoveFolderAce { mailbox: m, folder, user } => {
            let user = match user {
                FolderUser::Sid(s) if dir.is_orphaned_sid(s) => arg(&format!("NT:{s}")),
                FolderUser::Sid(s) => match dir.recipient_by_sid(s) {
                    Some(i) => alias(dir, i),
                    None => arg(s),
                },
                FolderUser::External(a) => arg(a),
                FolderUser::Default => "Default".into(),
                FolderUser::Anonymous => "Anonymous".into(),
            };
            format!(
                "Remove-MailboxFolderPermission -Identity {} -User {user} -Confirm:$false",
                arg(&format!("{}:\\{folder}", dir.recipients[*m].alias))
            )
        }
        AuditFix::RemoveSendOnBehalf { mailbox: m, delegate } => format!(
            "{} -Identity {} -GrantSendOnBehalfTo @{{remove={}}}",
            if dir.recipients[*m].kind.is_group() { "Set-DistributionGroup" } else { "Set-Mailbox" },
            alias(dir, *m),
            arg_quoted(&dir.recipients[*delegate].alias)
        ),
        AuditFix::AddSendOnBehalf { mailbox: m, delegate } => format!(
            "Set-Mailbox -Identity {} -GrantSendOnBehalfTo @{{add={}}}",
            alias(dir, *m),
            arg_quoted(&dir.recipients[*delegate].alias)
        ),
        AuditFix::GrantCalendarEditor { mailbox: m, user, existing } => format!(
            "{}-MailboxFolderPermission -Identity {} -User {} -AccessRights Editor{}",
            if *existing { "Set" } else { "Add" },
            arg(&format!("{}:\\Calendar", dir.recipients[*m].alias)),
            alias(dir, *user),
            if is_online(dir) { " -SharingPermissionFlags Delegate" } else { "" }
        ),
        AuditFix::RemoveGroupMember { group, member } => format!(
            "Remove-DistributionGroupMember -Identity {} -Member {} -BypassSecurityGroupManagerCheck -Confirm:$false",
            alias(dir, *group),
            alias(dir, *member)
        ),
    }
}

/// A value inside a hashtable literal: always single-quoted.
fn arg_quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, prop, run, s};
    use crate::directory::Change;

    #[test]
    fn quoting() {
        assert_eq!(arg("karen"), "karen");
        assert_eq!(arg("Karen Berg"), "'Karen Berg'");
        assert_eq!(arg("O'Neil"), "'O''Neil'");
        assert_eq!(arg("karen:\\Calendar"), "'karen:\\Calendar'");
        assert_eq!(arg("-x"), "'-x'");
        assert_eq!(arg_quoted("amy"), "'amy'");
    }

    #[test]
    fn fix_lines_follow_the_profile() {
        let online = Directory::sample(ExchangeVersion::Online);
        let fix = AuditFix::GrantCalendarEditor { mailbox: 1, user: 2, existing: false };
        assert_eq!(
            fix_command(&online, &fix),
            "Add-MailboxFolderPermission -Identity 'karen:\\Calendar' -User michelle -AccessRights Editor -SharingPermissionFlags Delegate"
        );
        let onprem = Directory::sample(ExchangeVersion::Exchange2016);
        let fix = AuditFix::GrantCalendarEditor { mailbox: 1, user: 2, existing: true };
        assert_eq!(
            fix_command(&onprem, &fix),
            "Set-MailboxFolderPermission -Identity 'karen:\\Calendar' -User michelle -AccessRights Editor"
        );
        let fix = AuditFix::RemoveSendOnBehalf { mailbox: 11, delegate: 4 };
        assert_eq!(
            fix_command(&onprem, &fix),
            "Set-DistributionGroup -Identity allstaff -GrantSendOnBehalfTo @{remove='john'}"
        );
    }

    #[test]
    fn the_sample_org_is_clean_and_findings_carry_every_property() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        assert!(run(&GetPermissionAudit, &mut c, &[]).is_ok());
        assert!(c.out.is_empty());
        assert!(run(&GetPermissionAudit, &mut c, &[("Identity", s("nobody"))]).is_err());
        let (karen, michelle) = (c.dir.recipients[1].guid.clone(), c.dir.recipients[2].guid.clone());
        c.dir.apply(&Change::SetGrantSendOnBehalfTo { mailbox: karen, delegates: vec![michelle] }).expect("sob");
        assert!(run(&GetPermissionAudit, &mut c, &[("Kind", s("SendAs"))]).is_ok());
        assert!(c.out.is_empty());
        assert!(run(&GetPermissionAudit, &mut c, &[("Identity", s("karen"))]).is_ok());
        assert_eq!(c.out.len(), 1);
        assert_eq!(prop(&c.out[0], "Kind"), "IncompleteDelegate");
        assert_eq!(prop(&c.out[0], "Object"), "Karen Berg");
        assert_eq!(prop(&c.out[0], "Trustee"), "Michelle Dubois");
        assert_eq!(prop(&c.out[0], "Permission"), "SendOnBehalf");
        assert_eq!(prop(&c.out[0], "Via"), "Direct");
        assert_eq!(
            prop(&c.out[0], "Fix"),
            "Add-MailboxFolderPermission -Identity 'karen:\\Calendar' -User michelle -AccessRights Editor"
        );
    }
}
