//! The plan as text: one block per object (`# Karen Berg (UserMailbox)`), one line per change
//! (`+ Full Access  Karen Berg ← Michelle Dubois (AutoMapping)`), the access consequences, and the
//! summary line `Plan: N to add, M to change, K to remove.` after terraform's.

use super::{Plan, Source};
use crate::directory::access_diff::{AccessAction, AccessChange, AccessKind, AccessPath};
use crate::directory::diff::{Action, DiffKind, DiffValue, Difference, ObjectClass};
use crate::directory::rights::ad;

/// `FullAccess` → `Full Access`: a .NET name in words.
fn words(name: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let boundary = i > 0
            && c.is_uppercase()
            && (chars[i - 1].is_lowercase() || chars.get(i + 1).is_some_and(|n| n.is_lowercase()));
        if boundary {
            out.push(' ');
        }
        out.push(*c);
    }
    out
}

/// A value as a property change shows it.
fn value(v: &DiffValue) -> String {
    match v {
        DiffValue::Null => "$null".into(),
        DiffValue::Bool(b) => if *b { "True" } else { "False" }.into(),
        DiffValue::Int(i) => i.to_string(),
        DiffValue::Text(s) => format!("\"{s}\""),
        DiffValue::List(l) => format!("{{{}}}", l.join(", ")),
        DiffValue::Entry(f) => {
            let parts: Vec<String> = f.iter().map(|(n, v)| format!("{n} {}", value(v))).collect();
            parts.join(", ")
        }
    }
}

fn list(v: Option<&DiffValue>) -> Vec<String> {
    match v {
        Some(DiffValue::List(l)) => l.clone(),
        _ => Vec::new(),
    }
}

fn text_field(v: Option<&DiffValue>, name: &str) -> String {
    match v.and_then(|v| v.field(name)) {
        Some(DiffValue::Text(s)) => s.clone(),
        _ => String::new(),
    }
}

fn bool_field(v: Option<&DiffValue>, name: &str) -> bool {
    matches!(v.and_then(|v| v.field(name)), Some(DiffValue::Bool(true)))
}

fn list_field(v: Option<&DiffValue>, name: &str) -> Vec<String> {
    list(v.and_then(|v| v.field(name)))
}

/// `+ a, - b` for a list that changed.
fn list_change(before: &[String], after: &[String]) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(after.iter().filter(|a| !before.iter().any(|b| b.eq_ignore_ascii_case(a))).map(|a| format!("+ {a}")));
    parts.extend(before.iter().filter(|b| !after.iter().any(|a| a.eq_ignore_ascii_case(b))).map(|b| format!("- {b}")));
    if parts.is_empty() { format!("{{{}}} → {{{}}}", before.join(", "), after.join(", ")) } else { parts.join(", ") }
}

/// The label of a mailbox permission entry: `Full Access`, `Deny Full Access`, `Read Permission, Change Owner`.
fn mailbox_label(v: Option<&DiffValue>) -> String {
    let rights: Vec<String> = list_field(v, "accessRights").iter().map(|r| words(r)).collect();
    let rights = if rights.is_empty() { "No rights".to_string() } else { rights.join(", ") };
    if bool_field(v, "deny") { format!("Deny {rights}") } else { rights }
}

/// The label of an AD entry: `Send As`, `Receive As`, `GenericAll`, `ReadProperty, WriteProperty on Personal-Information`.
fn ad_label(v: Option<&DiffValue>) -> String {
    let ext = list_field(v, "extendedRights");
    let label = if ext.is_empty() {
        let rights = list_field(v, "accessRights").join(", ");
        let props = list_field(v, "properties");
        if props.is_empty() {
            format!("AD permission {rights}")
        } else {
            format!("AD permission {rights} on {}", props.join(", "))
        }
    } else {
        let names: Vec<String> = ext
            .iter()
            .map(|e| {
                ad::EXTENDED_RIGHTS
                    .iter()
                    .find(|(n, _, _)| n.eq_ignore_ascii_case(e))
                    .map_or(e.clone(), |(_, d, _)| d.to_string())
            })
            .collect();
        names.join(", ")
    };
    if bool_field(v, "deny") { format!("Deny {label}") } else { label }
}

/// `(AutoMapping)`, `(inherited)`, `(inheritance Descendents)` after an entry.
fn entry_notes(v: Option<&DiffValue>) -> String {
    let mut notes = Vec::new();
    if bool_field(v, "autoMapping") {
        notes.push("AutoMapping".to_string());
    }
    if bool_field(v, "isInherited") {
        notes.push("inherited".to_string());
    }
    let inheritance = text_field(v, "inheritanceType");
    if !inheritance.is_empty() && inheritance != "All" {
        notes.push(format!("inheritance {inheritance}"));
    }
    if notes.is_empty() { String::new() } else { format!(" ({})", notes.join(", ")) }
}

/// Folder rights and sharing flags: `Editor`, `Editor, Delegate`.
fn folder_rights(v: Option<&DiffValue>) -> String {
    let mut r = list_field(v, "accessRights");
    r.extend(list_field(v, "sharingPermissionFlags"));
    r.join(", ")
}

fn property_name(d: &Difference) -> String {
    match (d.kind, d.property.as_deref()) {
        (DiffKind::Owner, Some("MailboxOwner")) => "Mailbox owner".into(),
        (DiffKind::CalendarProcessing, Some(p)) => format!("CalendarProcessing {p}"),
        (_, Some(p)) => p.to_string(),
        (_, None) => d.kind.name().to_string(),
    }
}

/// One change as a line.
pub fn change_line(d: &Difference) -> String {
    let sym = d.action.symbol();
    let trustee = d.trustee.as_ref().map(|t| t.name.clone()).unwrap_or_default();
    let (b, a) = (d.before.as_ref(), d.after.as_ref());
    let entry = a.or(b);
    match d.kind {
        DiffKind::Recipient => {
            let v = entry;
            let mut facts = vec![format!("alias {}", text_field(v, "alias"))];
            let smtp = text_field(v, "primarySmtpAddress");
            if !smtp.is_empty() {
                facts.push(smtp);
            }
            let db = text_field(v, "database");
            if !db.is_empty() {
                facts.push(format!("database {db}"));
            }
            for (field, label) in [("title", "title"), ("department", "department")] {
                let t = text_field(v, field);
                if !t.is_empty() {
                    facts.push(format!("{label} {t}"));
                }
            }
            let ext = text_field(v, "externalEmailAddress");
            if !ext.is_empty() {
                facts.push(format!("external {ext}"));
            }
            format!("{sym} {}  {} ({})", text_field(v, "recipientTypeDetails"), d.target, facts.join(", "))
        }
        DiffKind::Database | DiffKind::Principal if d.action != Action::Change => {
            let what = if d.kind == DiffKind::Database { "Database" } else { "Principal" };
            format!("{sym} {what}  {}", d.target)
        }
        DiffKind::Members | DiffKind::GrantSendOnBehalfTo => {
            format!("{sym} {}  {}: {}", d.kind.name(), d.target, list_change(&list(b), &list(a)))
        }
        DiffKind::MailboxPermission | DiffKind::AdPermission => {
            let label = |v| if d.kind == DiffKind::MailboxPermission { mailbox_label(v) } else { ad_label(v) };
            match d.action {
                Action::Change => format!(
                    "{sym} {}  {} ← {trustee}: {} → {}{}",
                    if d.kind == DiffKind::MailboxPermission { "Mailbox permission" } else { "AD permission" },
                    d.target,
                    label(b),
                    label(a),
                    entry_notes(a)
                ),
                _ => format!("{sym} {}  {} ← {trustee}{}", label(entry), d.target, entry_notes(entry)),
            }
        }
        DiffKind::AutoMapping => format!("{sym} AutoMapping  {} ← {trustee}", d.target),
        DiffKind::Folder => format!("{sym} Mailbox folder  {}", d.target),
        DiffKind::FolderPermission => match d.action {
            Action::Change => {
                format!("{sym} Folder  {}  {trustee}: {} → {}", d.target, folder_rights(b), folder_rights(a))
            }
            _ => format!("{sym} Folder  {}  {trustee} ({})", d.target, folder_rights(entry)),
        },
        _ => {
            let (x, y) = (b.unwrap_or(&DiffValue::Null), a.unwrap_or(&DiffValue::Null));
            let owner = |v: &DiffValue| match v {
                DiffValue::Null => "(default owner)".to_string(),
                DiffValue::Text(s) => s.clone(),
                other => value(other),
            };
            let change = match (x, y) {
                _ if d.kind == DiffKind::Owner => format!("{} → {}", owner(x), owner(y)),
                (DiffValue::List(l), DiffValue::List(m)) => list_change(l, m),
                _ => format!("{} → {}", value(x), value(y)),
            };
            format!("{sym} {}  {}: {change}", property_name(d), d.target)
        }
    }
}

fn through(groups: &[String]) -> String {
    if groups.is_empty() { String::new() } else { format!(" through {}", groups.join(" › ")) }
}

/// How an access is granted, in words: `Full Access through Help Desk Agents`.
pub fn path_text(p: &AccessPath) -> String {
    let inherited = if p.inherited && p.source == "MailboxPermission" { "inherited " } else { "" };
    let base = match p.source {
        "MailboxPermission" => format!("{inherited}Full Access"),
        "DatabaseReceiveAs" => format!("Receive As on database {}", p.database.clone().unwrap_or_default()),
        "SendAsPermission" => "Send As".to_string(),
        "SendOnBehalf" => "in GrantSendOnBehalfTo".to_string(),
        "Delegate" => return format!("delegate with {} on the Calendar", p.rights.join(", ")),
        "FullAccessAndSendOnBehalf" => {
            return "Full Access plus Send on Behalf, which is Send As before Exchange 2010 SP3 RU8".to_string();
        }
        _ => p.rights.join(", "),
    };
    let who = if !p.groups.is_empty() {
        through(&p.groups)
    } else if p.inherited || p.source == "SendOnBehalf" {
        String::new()
    } else {
        " granted directly".to_string()
    };
    format!("{base}{who}")
}

/// One access consequence as a line.
pub fn access_line(c: &AccessChange) -> String {
    let sym = c.action.symbol();
    let (b, a) = (c.before.as_ref().map(path_text), c.after.as_ref().map(path_text));
    if c.kind == AccessKind::Folder {
        let place = format!("{}:\\{}", c.mailbox, c.folder.clone().unwrap_or_default());
        let rights = |p: Option<&AccessPath>| p.map(|p| p.rights.join(", ")).unwrap_or_default();
        let via = |p: Option<&AccessPath>| {
            p.map(|p| {
                if p.groups.is_empty() {
                    "granted directly".to_string()
                } else {
                    through(&p.groups).trim_start().to_string()
                }
            })
            .unwrap_or_default()
        };
        return match c.action {
            AccessAction::Gain => {
                format!("{sym} {} gets {} on {place} ({})", c.user, rights(c.after.as_ref()), via(c.after.as_ref()))
            }
            AccessAction::Lose => format!(
                "{sym} {} loses {} on {place} (was {})",
                c.user,
                rights(c.before.as_ref()),
                via(c.before.as_ref())
            ),
            AccessAction::Change => format!(
                "{sym} {} has {} on {place} ({}; was {}, {})",
                c.user,
                rights(c.after.as_ref()),
                via(c.after.as_ref()),
                rights(c.before.as_ref()),
                via(c.before.as_ref())
            ),
        };
    }
    if c.kind == AccessKind::Delegate {
        let cal = |p: Option<&AccessPath>| p.map(|p| p.rights.join(", ")).unwrap_or_default();
        return match c.action {
            AccessAction::Gain => format!(
                "{sym} {} becomes a delegate of {} (Send on Behalf and {} on the Calendar)",
                c.user,
                c.mailbox,
                cal(c.after.as_ref())
            ),
            AccessAction::Lose => format!("{sym} {} is no longer a delegate of {}", c.user, c.mailbox),
            AccessAction::Change => format!(
                "{sym} {} is still a delegate of {} ({} on the Calendar, was {})",
                c.user,
                c.mailbox,
                cal(c.after.as_ref()),
                cal(c.before.as_ref())
            ),
        };
    }
    let verb = match c.kind {
        AccessKind::Open => "open",
        AccessKind::SendAs => "send as",
        _ => "send on behalf of",
    };
    match c.action {
        AccessAction::Gain => format!("{sym} {} can {verb} {} ({})", c.user, c.mailbox, a.unwrap_or_default()),
        AccessAction::Lose => {
            format!("{sym} {} can no longer {verb} {} (was {})", c.user, c.mailbox, b.unwrap_or_default())
        }
        AccessAction::Change => format!(
            "{sym} {} can still {verb} {}: {} (was {})",
            c.user,
            c.mailbox,
            a.unwrap_or_default(),
            b.unwrap_or_default()
        ),
    }
}

/// The whole plan as text, ending with a newline.
pub fn render(plan: &Plan) -> String {
    let mut out = String::new();
    if !plan.has_changes() {
        match &plan.source {
            Source::Run => out.push_str("No changes. The run would leave the organization as it is.\n"),
            Source::Files(a, b) => out.push_str(&format!("No changes. '{a}' and '{b}' hold the same organization.\n")),
        }
        return out;
    }
    match &plan.source {
        Source::Run => out.push_str("exsh would make these changes to the organization (nothing was saved):\n"),
        Source::Files(a, b) => out.push_str(&format!("Changes from '{a}' to '{b}':\n")),
    }
    let mut last: Option<(ObjectClass, String)> = None;
    for d in plan.changes.iter().filter(|d| !d.implied) {
        let key = (d.object.class.clone(), d.object.id.clone());
        if last.as_ref() != Some(&key) {
            out.push('\n');
            let head = match (&d.object.class, &d.object.recipient_type) {
                (ObjectClass::Recipient, Some(t)) => format!("# {} ({t})", d.object.name),
                (ObjectClass::Database, _) => format!("# Database {}", d.object.name),
                (ObjectClass::Principal, _) => format!("# {}", d.object.name),
                _ => format!("# {}", d.object.name),
            };
            out.push_str(&head);
            out.push('\n');
            last = Some(key);
        }
        out.push_str(&change_line(d));
        out.push('\n');
    }
    if !plan.access.is_empty() {
        out.push_str("\nAccess:\n");
        for c in &plan.access {
            out.push_str(&access_line(c));
            out.push('\n');
        }
    }
    let (add, change, remove) = plan.counts();
    out.push_str(&format!("\nPlan: {add} to add, {change} to change, {remove} to remove.\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotnet_names_in_words() {
        assert_eq!(words("FullAccess"), "Full Access");
        assert_eq!(words("ReadPermission"), "Read Permission");
        assert_eq!(words("SendAs"), "Send As");
    }
}
