//! The words of the explain cmdlets: what each access-model entry is, which group chain carries
//! it, and the lines of Test-MailboxAccess's Explanation. Pure functions over the directory; the
//! rules themselves live in `directory::access` and `directory::reach` (docs/access-model.md).

use crate::directory::access::{AccessReason, AccessSource, AccessTrace, decision};
use crate::directory::identity::eq_ci;
use crate::directory::reach::FolderReach;
use crate::directory::rights::folder;
use crate::directory::sample::SID_SELF;
use crate::directory::{Directory, ExchangeVersion};

/// What the SID asked about is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Principal {
    /// A user (a recipient with an account that can sign in: `Directory::is_user`).
    User(usize),
    /// A group recipient (mail-enabled security group).
    Group(usize),
    /// A built-in principal (`CONTOSO\Domain Admins`, `NT AUTHORITY\SYSTEM`).
    Builtin,
    /// A SID that names no account: a removed user or group (an orphaned entry).
    Orphan,
}

impl Principal {
    /// Classifies a SID.
    pub fn of(dir: &Directory, sid: &str) -> Principal {
        match dir.recipient_by_sid(sid) {
            Some(i) if dir.is_user(i) => Principal::User(i),
            Some(i) => Principal::Group(i),
            None if dir.principal_by_sid(sid).is_some() || dir.account_name(sid) != sid => Principal::Builtin,
            None => Principal::Orphan,
        }
    }
}

/// The name a SID is shown by: a recipient's display name, a built-in principal's name
/// (`Domain Admins`), `NT AUTHORITY\SELF`, or the SID itself when it names nobody.
pub fn sid_name(dir: &Directory, sid: &str) -> String {
    if eq_ci(sid, SID_SELF) {
        return "NT AUTHORITY\\SELF".to_string();
    }
    if let Some(i) = dir.recipient_by_sid(sid) {
        return dir.display_name_of(i).unwrap_or_default();
    }
    if let Some(p) = dir.principal_by_sid(sid) {
        return dir.principals[p].name.clone();
    }
    dir.account_name(sid)
}

/// How an entry reaches `sid`: `direct`, `via Help Desk Agents` (the group the entry names), or
/// `via Help Desk Agents > Tier 1` for nested groups (each group a member of the one before,
/// `sid` a member of the last), or `via NT AUTHORITY\SELF` for the mailbox's own account.
pub fn path(dir: &Directory, sid: &str, trustee_sid: &str) -> String {
    if eq_ci(trustee_sid, SID_SELF) {
        return "via NT AUTHORITY\\SELF".to_string();
    }
    if eq_ci(trustee_sid, sid) {
        return "direct".to_string();
    }
    let chain = dir.group_chain(sid, trustee_sid).unwrap_or_else(|| vec![trustee_sid.to_string()]);
    let names: Vec<String> = chain.iter().map(|s| sid_name(dir, s)).collect();
    format!("via {}", names.join(" > "))
}

/// The access kind of a reason as a short label (`Full Access`, `Send As`, `Send on Behalf`).
pub fn kind_label(source: AccessSource) -> &'static str {
    match source {
        AccessSource::MailboxPermission | AccessSource::DatabaseReceiveAs => "Full Access",
        AccessSource::SendAsPermission | AccessSource::FullAccessAndSendOnBehalf => "Send As",
        AccessSource::SendOnBehalf => "Send on Behalf",
    }
}

/// The short path of a deciding Allow, as Get-MailboxAccess's Path column shows it:
/// `Full Access via Help Desk Agents`, `Full Access via DB01 Receive-As`, `Send As direct`,
/// `Send As via Full Access + Send on Behalf (Exchange 2010 before SP3 RU8)`.
pub fn short_path(dir: &Directory, target: usize, sid: &str, r: &AccessReason) -> String {
    let how = path(dir, sid, &r.trustee_sid);
    match r.source {
        AccessSource::DatabaseReceiveAs => {
            let db = dir.recipients.get(target).and_then(|t| t.database.clone()).unwrap_or_default();
            format!("Full Access via {db} Receive-As ({how})")
        }
        AccessSource::FullAccessAndSendOnBehalf => {
            "Send As via Full Access + Send on Behalf (Exchange 2010 before SP3 RU8)".to_string()
        }
        s => format!("{} {how}", kind_label(s)),
    }
}

/// A folder entry as `Calendar: Editor` (the role name, or the individual rights joined by `+`;
/// the root folder prints as `Top of Information Store`), with ` (Delegate)` when the entry has
/// the Delegate sharing flag.
pub fn folder_rights(f: &FolderReach) -> String {
    let name = if f.folder.is_empty() { "Top of Information Store" } else { f.folder.as_str() };
    let rights = folder::names(f.rights).join("+");
    let flag = if f.sharing_flags & 1 != 0 { " (Delegate)" } else { "" };
    format!("{name}: {rights}{flag}")
}

/// One entry in words around its path: `Allow FullAccess ` + `via Help Desk Agents` +
/// ` (explicit, on the mailbox: Get-MailboxPermission)`. Entries that differ only in their path
/// share the words, so their paths can be listed together.
fn entry_words(dir: &Directory, target: usize, r: &AccessReason) -> (String, String) {
    let allow = if r.deny { "Deny" } else { "Allow" };
    let level = if r.inherited { "inherited" } else { "explicit" };
    let online = dir.org.version == ExchangeVersion::Online;
    match r.source {
        AccessSource::MailboxPermission => {
            (format!("{allow} FullAccess "), format!(" ({level}, on the mailbox: Get-MailboxPermission)"))
        }
        AccessSource::DatabaseReceiveAs => {
            let db = dir.recipients.get(target).and_then(|t| t.database.clone()).unwrap_or_default();
            (
                format!("{allow} Receive-As "),
                format!(" on database {db}, which reaches every mailbox in it (Get-ADPermission {db})"),
            )
        }
        AccessSource::SendAsPermission if online => (format!("{allow} SendAs "), " (Get-RecipientPermission)".into()),
        AccessSource::SendAsPermission => {
            (format!("{allow} Send-As "), format!(" ({level}, on the AD object: Get-ADPermission)"))
        }
        AccessSource::SendOnBehalf => ("in GrantSendOnBehalfTo ".into(), " (Get-Mailbox)".into()),
        AccessSource::FullAccessAndSendOnBehalf => {
            let level = dir.org.update_level.map(|l| l.name()).unwrap_or_default();
            (
                format!(
                    "Exchange 2010 {level} is before SP3 RU8, where Full Access plus Send on Behalf acts as Send As (seed 000)"
                ),
                String::new(),
            )
        }
    }
}

/// One entry, or several that differ only in their path, in words.
fn entries(dir: &Directory, target: usize, sid: &str, group: &[&AccessReason]) -> String {
    let Some(first) = group.first() else {
        return String::new();
    };
    let (head, tail) = entry_words(dir, target, first);
    if first.source == AccessSource::FullAccessAndSendOnBehalf {
        return head;
    }
    let paths: Vec<String> = group.iter().map(|r| path(dir, sid, &r.trustee_sid)).collect();
    format!("{head}{}{tail}", paths.join(", "))
}

/// Why a deciding entry comes before a later one it overrides.
fn precedence(first: &AccessReason, later: &AccessReason) -> &'static str {
    if first.source == AccessSource::FullAccessAndSendOnBehalf {
        "before SP3 RU8 the rule wins even over an explicit Send-As Deny"
    } else if first.source == AccessSource::MailboxPermission
        && !first.inherited
        && later.source == AccessSource::DatabaseReceiveAs
    {
        "the mailbox's explicit entries come before its database's"
    } else if !first.inherited && later.inherited {
        "explicit entries come before inherited ones"
    } else if first.deny {
        "Deny comes before Allow"
    } else {
        "the first matching entry decides"
    }
}

/// The lines explaining one answer: `Label True: <deciding entry>` then `  overrides: …` for
/// later entries of the other kind (Allow after a deciding Deny, or the reverse) and `  also: …`
/// for later entries that agree; neighbours that differ only in their path share a line.
fn answer_lines(
    dir: &Directory,
    target: usize,
    sid: &str,
    label: &str,
    trace: &[AccessReason],
    none: &str,
) -> Vec<String> {
    let Some(first) = trace.first() else {
        return vec![format!("{label} False: {none}")];
    };
    let verdict = if first.deny { "False" } else { "True" };
    let mut out = vec![format!("{label} {verdict}: {}", entries(dir, target, sid, &[first]))];
    let mut groups: Vec<Vec<&AccessReason>> = Vec::new();
    for r in &trace[1..] {
        match groups.last_mut() {
            Some(g) if g[0].deny == r.deny && g[0].source == r.source && g[0].inherited == r.inherited => g.push(r),
            _ => groups.push(vec![r]),
        }
    }
    for g in groups {
        let text = entries(dir, target, sid, &g);
        if g[0].deny != first.deny {
            out.push(format!("  overrides: {text}; {}", precedence(first, g[0])));
        } else {
            out.push(format!("  also: {text}"));
        }
    }
    out
}

/// Everything Test-MailboxAccess says about `sid` on `target`.
pub struct Explained {
    /// Full Access.
    pub can_open: bool,
    /// Send As.
    pub can_send_as: bool,
    /// Send on Behalf.
    pub can_send_on_behalf: bool,
    /// `Calendar: Editor` per folder entry naming the SID or its groups.
    pub folder_rights: Vec<String>,
    /// Outlook's delegate (Send on Behalf plus Editor on the Calendar, or the Delegate flag).
    pub is_delegate: bool,
    /// What recipients see in From; empty when the SID can't send (or is not one user).
    pub from: String,
    /// The Explanation lines.
    pub lines: Vec<String>,
}

/// Explains `sid` (a user, a group, a built-in principal or an orphaned SID) on `target`.
pub fn explain(dir: &Directory, target: usize, sid: &str) -> Explained {
    let trace: AccessTrace = dir.access_trace(target, sid);
    let who = Principal::of(dir, sid);
    let folders = dir.folder_reach_of_sid(target, sid);
    let can_open = decision(trace.full_access.clone()).allowed;
    let can_send_as = decision(trace.send_as.clone()).allowed;
    let can_send_on_behalf = decision(trace.send_on_behalf.clone()).allowed;
    let target_name = dir.display_name_of(target).unwrap_or_default();
    let user_name = sid_name(dir, sid);
    let calendar = folders.iter().find(|f| f.folder.eq_ignore_ascii_case("Calendar"));
    let calendar_editor = calendar.is_some_and(|c| c.rights & folder::EDITOR == folder::EDITOR);
    let delegate_flag = calendar.is_some_and(|c| c.sharing_flags & 1 != 0);
    let is_delegate = delegate_flag || (can_send_on_behalf && calendar_editor);
    let from = match who {
        Principal::User(u) => dir.from_line(target, u).unwrap_or_default(),
        _ => String::new(),
    };

    let mut lines = Vec::new();
    lines.extend(answer_lines(
        dir,
        target,
        sid,
        "CanOpen",
        &trace.full_access,
        "no Full Access entry on the mailbox or Receive-As entry on its database names it or a group it is in",
    ));
    let no_send_as = if dir.org.version == ExchangeVersion::Online {
        "no SendAs entry (Get-RecipientPermission) names it or a group it is in"
    } else {
        "no Send-As entry on the AD object (Get-ADPermission) names it or a group it is in"
    };
    lines.extend(answer_lines(dir, target, sid, "CanSendAs", &trace.send_as, no_send_as));
    if can_open && can_send_on_behalf && !can_send_as {
        lines.push(
            "  note: Full Access plus Send on Behalf is not Send As here (it was on Exchange 2010 before SP3 RU8)"
                .to_string(),
        );
    }
    lines.extend(answer_lines(
        dir,
        target,
        sid,
        "CanSendOnBehalf",
        &trace.send_on_behalf,
        "not in GrantSendOnBehalfTo, directly or through a group",
    ));
    if folders.is_empty() {
        lines
            .push("FolderRights: no folder entry names it or a group it is in (the Default entries apply)".to_string());
    } else {
        for f in &folders {
            lines.push(format!("FolderRights {} {}", folder_rights(f), path(dir, sid, &f.trustee_sid)));
        }
    }
    if can_open && !folders.is_empty() {
        lines.push("  note: Full Access opens every folder, whatever the folder entries say".to_string());
    }
    lines.push(match (is_delegate, can_send_on_behalf, calendar_editor) {
        (true, _, _) if delegate_flag => "IsDelegate True: the Calendar entry has the Delegate flag".to_string(),
        (true, _, _) => {
            "IsDelegate True: Send on Behalf plus Editor on the Calendar (what Outlook's delegate setup grants)"
                .to_string()
        }
        (false, true, false) => {
            "IsDelegate False: Send on Behalf without Editor on the Calendar (an incomplete delegate setup)".to_string()
        }
        (false, false, true) => {
            "IsDelegate False: Editor on the Calendar without Send on Behalf (an incomplete delegate setup)".to_string()
        }
        _ => "IsDelegate False: neither Send on Behalf nor Editor on the Calendar".to_string(),
    });
    lines.push(match who {
        Principal::User(_) if can_send_as => {
            format!("From: {from} (Send As: nothing shows who sent it; Send As wins over Send on Behalf)")
        }
        Principal::User(_) if can_send_on_behalf => format!("From: {from} (Send on Behalf)"),
        Principal::User(_) => "From: none (neither Send As nor Send on Behalf)".to_string(),
        Principal::Orphan => "From: none (nobody can sign in as a removed account)".to_string(),
        _ if can_send_as => format!("From: {target_name} when a member sends (Send As)"),
        _ if can_send_on_behalf => format!("From: <member> on behalf of {target_name} when a member sends"),
        _ => "From: none (neither Send As nor Send on Behalf)".to_string(),
    });
    match who {
        Principal::User(u) if u == target => {
            lines.push(format!("note: {user_name} is the mailbox's own account (NT AUTHORITY\\SELF)"));
        }
        Principal::User(u) if dir.recipients[u].account_disabled => lines.push(format!(
            "note: {user_name}'s account is disabled (as for shared and resource mailboxes): nobody signs in as it, so this access is not used until the account is enabled"
        )),
        Principal::Group(_) | Principal::Builtin => lines.push(format!(
            "note: {user_name} is a group: these are what membership gives a member with no entries of its own (a member's own Deny still wins); Get-MailboxAccess -User lists each member"
        )),
        Principal::Orphan => lines.push(format!(
            "note: {sid} names no account (a removed user or group): its entries are orphaned and nobody can use them"
        )),
        Principal::User(_) => {}
    }
    if dir.recipients.get(target).is_some_and(|t| t.hidden) {
        // DOC-PERM, narrowed for sending by the microsoft-365-docs notes (behavior.md §5).
        if can_open {
            lines.push(format!(
                "note: {target_name} is hidden from address lists: a Full Access delegate can't open it"
            ));
        }
        if can_send_as || can_send_on_behalf {
            lines.push(format!(
                "note: {target_name} is hidden from address lists: Outlook desktop can't send from it (OWA and mobile clients can)"
            ));
        }
    }
    Explained {
        can_open,
        can_send_as,
        can_send_on_behalf,
        folder_rights: folders.iter().map(folder_rights).collect(),
        is_delegate,
        from,
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::Change;
    use crate::directory::model::{Inheritance, MailboxAce};
    use crate::directory::rights::mailbox;

    use crate::directory::test_org::{AGENTS, HELPDESK, KAREN, KIM, MICHELLE, sid};

    #[test]
    fn principals_and_names() {
        let d = Directory::sample(ExchangeVersion::Exchange2019);
        assert_eq!(Principal::of(&d, &sid(&d, KIM)), Principal::User(KIM));
        assert_eq!(Principal::of(&d, &sid(&d, AGENTS)), Principal::Group(AGENTS));
        assert_eq!(Principal::of(&d, &format!("{}-512", d.org.domain_sid)), Principal::Builtin);
        assert_eq!(Principal::of(&d, &format!("{}-4242", d.org.domain_sid)), Principal::Orphan);
        assert_eq!(sid_name(&d, &sid(&d, AGENTS)), "Help Desk Agents");
        assert_eq!(sid_name(&d, &format!("{}-512", d.org.domain_sid)), "Domain Admins");
        assert_eq!(sid_name(&d, SID_SELF), "NT AUTHORITY\\SELF");
    }

    #[test]
    fn paths_name_the_group_chain_outermost_first() {
        let mut d = Directory::sample(ExchangeVersion::Exchange2019);
        let (kim, agents) = (sid(&d, KIM), sid(&d, AGENTS));
        assert_eq!(path(&d, &kim, &kim), "direct");
        assert_eq!(path(&d, &kim, &agents), "via Help Desk Agents");
        assert_eq!(path(&d, &kim, SID_SELF), "via NT AUTHORITY\\SELF");
        // All Staff inside Help Desk Agents: Karen reaches an Agents grant through All Staff.
        let all = d.recipients[11].guid.clone();
        d.recipients[AGENTS].members.push(all);
        assert_eq!(path(&d, &sid(&d, KAREN), &agents), "via Help Desk Agents > All Staff");
    }

    #[test]
    fn folder_rights_read_as_role_names() {
        let f = |rights, flags| FolderReach {
            folder: "Calendar".into(),
            rights,
            sharing_flags: flags,
            trustee_sid: String::new(),
        };
        assert_eq!(folder_rights(&f(folder::EDITOR, 0)), "Calendar: Editor");
        assert_eq!(folder_rights(&f(folder::EDITOR, 1)), "Calendar: Editor (Delegate)");
        let root = FolderReach { folder: String::new(), ..f(folder::REVIEWER, 0) };
        assert_eq!(folder_rights(&root), "Top of Information Store: Reviewer");
    }

    #[test]
    fn explanations_name_the_deciding_entry_and_what_it_overrides() {
        let mut d = Directory::sample(ExchangeVersion::Exchange2019);
        let (kim, agents) = (sid(&d, KIM), sid(&d, AGENTS));
        let h = d.recipients[HELPDESK].guid.clone();
        for (s, deny) in [(agents, false), (kim.clone(), true)] {
            let ace = MailboxAce {
                sid: s,
                rights: mailbox::FULL_ACCESS,
                deny,
                inheritance: Inheritance::All,
                inherited: false,
            };
            d.apply(&Change::AddMailboxAce { mailbox: h.clone(), ace }).expect("grant");
        }
        let e = explain(&d, HELPDESK, &kim);
        assert!(!e.can_open && e.from.is_empty());
        assert!(e.lines[0].starts_with("CanOpen False: Deny FullAccess direct"), "{}", e.lines[0]);
        assert!(e.lines[1].contains("overrides: Allow FullAccess via Help Desk Agents"), "{}", e.lines[1]);
        assert!(e.lines[1].ends_with("Deny comes before Allow"));
        // Michelle: nothing at all.
        let e = explain(&d, KAREN, &sid(&d, MICHELLE));
        assert!(e.lines.iter().any(|l| l == "From: none (neither Send As nor Send on Behalf)"));
    }
}
