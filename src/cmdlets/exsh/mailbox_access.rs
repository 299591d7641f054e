//! Test-MailboxAccess (one user on one mailbox, explained) and Get-MailboxAccess (everyone who
//! can reach a mailbox, or everything a principal can reach), on the one access model.
//! Object shapes and rules: docs/access-model.md.

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, IdentityKind, Origin, Param, ParamType, Signature,
};
use crate::directory::identity::eq_ci;
use crate::directory::reach::Reach;
use crate::directory::{AccessReason, Directory};
use crate::format::views::{MAILBOX_ACCESS, MAILBOX_ACCESS_TEST};
use crate::value::{PsObject, Value};

use super::explain::{self, Principal, folder_rights, path, short_path};
use crate::cmdlets::exchange::{arg_id, principal_error, resolve_many, resolve_one};

/// Test-MailboxAccess.
pub struct TestMailboxAccess;
/// Get-MailboxAccess.
pub struct GetMailboxAccess;

/// What -Identity names: mailboxes (user, shared, room, equipment).
const IDENTITY: IdentityKind = IdentityKind::Mailbox;

fn identity_param() -> Param {
    Param::new("Identity", ParamType::Identity(IDENTITY)).position(0).from_pipeline().from_pipeline_by_name()
}

fn user_param() -> Param {
    Param::new("User", ParamType::Identity(IdentityKind::SecurityPrincipal))
}

/// Exchange's not-found and ambiguous errors in the local layout of a local cmdlet: the same
/// message and exception, with `At line:` and a FullyQualifiedErrorId of the exception's name and
/// the cmdlet's class (no remote server, request id or PSComputerName: nothing was remote).
pub fn local(e: CmdletError) -> CmdletError {
    match e {
        CmdletError::Exchange { kind, message, category } => {
            let ty = kind.exception_type();
            let short = ty.rsplit('.').next().unwrap_or(ty);
            CmdletError::core(message, ty, category, short)
        }
        other => other,
    }
}

/// The principal -User names: its SID (an orphaned SID string resolves to itself).
fn user_sid(dir: &Directory, args: &BoundArgs) -> Result<Option<(String, String)>, CmdletError> {
    let Some(u) = arg_id(args, "User") else {
        return Ok(None);
    };
    let t = dir.resolve_principal(&u.text).map_err(|e| local(principal_error(&u.text, e)))?;
    Ok(Some((t.sid, u.text)))
}

impl Cmdlet for TestMailboxAccess {
    fn signature(&self) -> Signature {
        Signature::new("Test-MailboxAccess", "Exsh.Commands.TestMailboxAccess", Origin::Exsh)
            .synopsis("Explains what a user can do with a mailbox: open it, send as it, send on its behalf, its folders, and what From shows.")
            .param(identity_param().mandatory().help("The mailbox (name, alias, address, DN, GUID, or a piped mailbox)."))
            .param(user_param().mandatory().help(
                "The user, group or SID asked about (a group: what membership gives; a SID of a removed account: its orphaned entries).",
            ))
            .example("Test-MailboxAccess karen -User michelle", "Explains what Michelle can do with Karen's mailbox, and why.")
            .example(
                "Test-MailboxAccess helpdesk -User kim | Select-Object -ExpandProperty Explanation",
                "Shows only the entries that decide Kim's access to the Help Desk mailbox.",
            )
            .example(
                "Get-Mailbox -RecipientTypeDetails SharedMailbox | Test-MailboxAccess -User david | Format-Table Identity,CanOpen,CanSendAs,From",
                "Checks David's access to every shared mailbox.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let Some(id) = arg_id(args, "Identity") else {
            return Ok(());
        };
        let target = resolve_one(dir, &id, IDENTITY).map_err(local)?;
        let Some((sid, _)) = user_sid(dir, args)? else {
            return Ok(());
        };
        let e = explain::explain(dir, target, &sid);
        let mut o = PsObject::new(&[MAILBOX_ACCESS_TEST, "System.Object"]);
        o.set("Identity", Value::str(dir.display_name_of(target).unwrap_or_default()));
        o.set("User", Value::str(explain::sid_name(dir, &sid)));
        o.set("CanOpen", Value::Bool(e.can_open));
        o.set("CanSendAs", Value::Bool(e.can_send_as));
        o.set("CanSendOnBehalf", Value::Bool(e.can_send_on_behalf));
        o.set("FolderRights", Value::array(e.folder_rights.into_iter().map(Value::str).collect()));
        o.set("IsDelegate", Value::Bool(e.is_delegate));
        o.set("From", Value::str(e.from));
        o.set("Explanation", Value::str(e.lines.join("\n")));
        cx.output(Value::object(o));
        Ok(())
    }
}

impl Cmdlet for GetMailboxAccess {
    fn signature(&self) -> Signature {
        Signature::new("Get-MailboxAccess", "Exsh.Commands.GetMailboxAccess", Origin::Exsh)
            .synopsis("Lists who can reach a mailbox, or what a user can reach, with the path that grants each access.")
            .sets(&["Identity", "User"])
            .param(
                identity_param()
                    .sets(&["Identity"])
                    .mandatory()
                    .help("The mailbox: lists every user who can reach it, groups expanded (wildcards name several)."),
            )
            .param(user_param().sets(&["User"]).mandatory().help(
                "The user: lists every mailbox it can reach. A group: each of its users (nested groups expanded) and what they reach through it.",
            ))
            .example("Get-MailboxAccess helpdesk", "Lists everyone who can open, send as or send on behalf of the Help Desk mailbox.")
            .example("Get-MailboxAccess -User kim", "Lists every mailbox Kim can reach, and through what.")
            .example(
                "Get-MailboxAccess * | Export-Csv access.csv -NoTypeInformation",
                "Writes the whole org's effective access to a CSV file.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let mut rows = Vec::new();
        if let Some(id) = arg_id(args, "Identity") {
            for t in resolve_many(dir, &id, IDENTITY).map_err(local)? {
                rows.extend(dir.who_can_reach(t).iter().map(|r| row(dir, r)));
            }
        } else if let Some((sid, typed)) = user_sid(dir, args)? {
            match Principal::of(dir, &sid) {
                Principal::User(u) => rows.extend(dir.reachable_by(u).iter().map(|r| row(dir, r))),
                Principal::Group(_) | Principal::Builtin => {
                    for u in dir.users_of_sid(&sid, None) {
                        let through = |r: &AccessReason| through_group(dir, &sid, &r.trustee_sid);
                        for r in dir.reachable_by(u) {
                            if decided_through(&r, through, |f| through_group(dir, &sid, f)) {
                                rows.push(row(dir, &r));
                            }
                        }
                    }
                }
                Principal::Orphan => {
                    let w = format!(
                        "\"{typed}\" names no account (a removed user or group): its entries give nobody access. Test-MailboxAccess <mailbox> -User {sid} shows them."
                    );
                    cx.warning(&w);
                }
            }
        }
        for v in rows {
            cx.output(v);
        }
        Ok(())
    }
}

/// True when an entry naming `trustee` reaches a member of `group` through `group`: it names
/// the group itself, or a group the group is nested in.
fn through_group(dir: &Directory, group: &str, trustee: &str) -> bool {
    eq_ci(group, trustee) || dir.is_member(group, trustee)
}

/// True when one of the reach's deciding Allows (or folder entries) goes through the group.
fn decided_through(r: &Reach, through: impl Fn(&AccessReason) -> bool, folder: impl Fn(&str) -> bool) -> bool {
    let a = &r.access;
    [&a.full_access, &a.send_as, &a.send_on_behalf].iter().any(|d| d.allowed && d.reason.as_ref().is_some_and(&through))
        || r.folders.iter().any(|f| f.rights != 0 && folder(&f.trustee_sid))
}

/// One Get-MailboxAccess row: flat strings and booleans, so Export-Csv writes useful columns.
fn row(dir: &Directory, r: &Reach) -> Value {
    let sid = dir.recipients[r.user].sid.clone().unwrap_or_default();
    let a = &r.access;
    let mut kinds: Vec<&str> = Vec::new();
    let mut paths: Vec<String> = Vec::new();
    for d in [&a.full_access, &a.send_as, &a.send_on_behalf] {
        if let (true, Some(reason)) = (d.allowed, &d.reason) {
            kinds.push(explain::kind_label(reason.source));
            paths.push(short_path(dir, r.mailbox, &sid, reason));
        }
    }
    let folders: Vec<_> = r.folders.iter().filter(|f| f.rights != 0 || f.sharing_flags != 0).collect();
    if !folders.is_empty() {
        kinds.push("Folders");
    }
    for f in &folders {
        paths.push(format!("{} {}", folder_rights(f), path(dir, &sid, &f.trustee_sid)));
    }
    let (m, u) = (&dir.recipients[r.mailbox], &dir.recipients[r.user]);
    let mut o = PsObject::new(&[MAILBOX_ACCESS, "System.Object"]);
    o.set("Mailbox", Value::str(dir.display_name_of(r.mailbox).unwrap_or_default()));
    o.set("User", Value::str(dir.display_name_of(r.user).unwrap_or_default()));
    o.set("Access", Value::str(kinds.join(", ")));
    o.set("Path", Value::str(paths.join("; ")));
    o.set("FullAccess", Value::Bool(a.full_access.allowed));
    o.set("SendAs", Value::Bool(a.send_as.allowed));
    o.set("SendOnBehalf", Value::Bool(a.send_on_behalf.allowed));
    o.set("FolderRights", Value::str(folders.iter().map(|f| folder_rights(f)).collect::<Vec<_>>().join(", ")));
    o.set("IsDelegate", Value::Bool(r.is_delegate()));
    o.set("From", Value::str(a.from.clone().unwrap_or_default()));
    o.set("MailboxAddress", Value::str(m.primary_smtp.clone()));
    o.set("UserAddress", Value::str(u.primary_smtp.clone()));
    Value::object(o)
}
