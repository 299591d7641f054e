//! Get-EXOMailboxPermission, Get-EXORecipientPermission and Get-EXOMailboxFolderPermission: the
//! REST twins of the RPS permission readers, over the same directory entries.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletResult, Context, IdentityKind, Origin, Param, ParamType, Signature};
use crate::directory::{AdAce, Directory, MailboxAce};
use crate::value::{PsObject, Value};

use super::super::folder_permission::{no_entry, resolve_folder, resolve_user, same_user};
use super::super::objects::{folder_permission, is_send_as, recipient_permission};
use super::super::types::{INHERITANCE, MAILBOX_RIGHTS, RECIPIENT_ACCESS_RIGHT, enum_value};
use super::super::{IdArg, ONLINE, arg_id, identity_display, principal_display, principal_error, scope_of};
use super::{identity_param, limit, project, rest_error, result_size, target, target_params, target_text};

/// Get-EXOMailboxPermission.
pub struct GetExoMailboxPermission;
/// Get-EXORecipientPermission.
pub struct GetExoRecipientPermission;
/// Get-EXOMailboxFolderPermission.
pub struct GetExoMailboxFolderPermission;

const MAILBOX_PERMISSION_CLASS: &str = "Microsoft.Exchange.Management.RestApiClient.GetExoMailboxPermission";
const RECIPIENT_PERMISSION_CLASS: &str = "Microsoft.Exchange.Management.RestApiClient.GetExoRecipientPermission";
const FOLDER_PERMISSION_CLASS: &str = "Microsoft.Exchange.Management.RestApiClient.GetExoMailboxFolderPermission";

/// Every recipient of `kind`, or the one the target parameters name.
fn targets(dir: &Directory, args: &BoundArgs, kind: IdentityKind) -> Result<Vec<usize>, crate::cmdlet::CmdletError> {
    Ok(match target(dir, args, kind)? {
        Some(i) => vec![i],
        None => {
            let scope = scope_of(dir, kind);
            (0..dir.recipients.len()).filter(|i| scope.includes(dir.recipients[*i].kind)).collect()
        }
    })
}

/// The SID a `-User` / `-Trustee` filter names (REST error when it does not resolve).
fn principal_sid(dir: &Directory, args: &BoundArgs, name: &str) -> Result<Option<String>, crate::cmdlet::CmdletError> {
    match args.opt::<String>(name).filter(|s| !s.is_empty()) {
        Some(u) => {
            let t = dir.resolve_principal(&u).map_err(|e| rest_error(principal_error(&u, e)))?;
            Ok(Some(t.sid))
        }
        None => Ok(None),
    }
}

/// One Get-EXOMailboxPermission row: Identity (the mailbox's name), User (the UPN or account),
/// UserSid, AccessRights, IsInherited, Deny, InheritanceType.
fn mailbox_permission_row(dir: &Directory, i: usize, ace: &MailboxAce) -> Value {
    let mut o = PsObject::custom();
    o.set("Identity", Value::str(identity_display(dir, i)));
    o.set("User", Value::str(principal_display(dir, &ace.sid)));
    o.set("UserSid", Value::str(&ace.sid));
    o.set("AccessRights", Value::array(vec![enum_value(&MAILBOX_RIGHTS, ace.rights)]));
    o.set("IsInherited", Value::Bool(ace.inherited));
    o.set("Deny", Value::Bool(ace.deny));
    o.set("InheritanceType", enum_value(&INHERITANCE, ace.inheritance.bits()));
    Value::object(o)
}

impl Cmdlet for GetExoMailboxPermission {
    fn signature(&self) -> Signature {
        let sig = Signature::new("Get-EXOMailboxPermission", MAILBOX_PERMISSION_CLASS, Origin::Core)
            .synopsis("Gets the permissions on mailboxes through the REST API.")
            .versions(ONLINE)
            .sets(&["Default", "Identity"])
            .param(identity_param(
                IdentityKind::MailboxOrMailUser,
                &["Identity"],
                false,
                "The mailbox: UPN, user ID, name, alias, DN, LegacyExchangeDN or SamAccountName.",
            ));
        target_params(sig, &["Identity"])
            .param(
                Param::new("User", ParamType::String)
                    .sets(&["Identity"])
                    .help("Returns only the entries of this user or group."),
            )
            .param(
                Param::new("Owner", ParamType::Switch)
                    .sets(&["Identity"])
                    .help("Returns the mailbox owner instead of the permissions."),
            )
            .param(
                Param::new("SoftDeletedMailbox", ParamType::Switch)
                    .sets(&["Identity"])
                    .help("Targets a soft-deleted mailbox."),
            )
            .param(result_size())
            .example("Get-EXOMailboxPermission -Identity john@contoso.com", "Lists the permissions on John's mailbox.")
            .example(
                "Get-EXOMailbox -ResultSize Unlimited | Get-EXOMailboxPermission | Where-Object { $_.User -ne 'NT AUTHORITY\\SELF' }",
                "Lists the delegates of every mailbox.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        super::require_connection(cx, MAILBOX_PERMISSION_CLASS)?;
        let dir = cx.directory();
        let mailboxes = targets(dir, args, IdentityKind::MailboxOrMailUser)?;
        if args.switch("SoftDeletedMailbox") {
            return match mailboxes.len() {
                1 if args.has("Identity") || args.has("UserPrincipalName") => {
                    Err(rest_error(super::super::not_found(dir, &target_text(args))))
                }
                _ => Ok(()),
            };
        }
        let user = principal_sid(dir, args, "User")?;
        let mut rows = Vec::new();
        for i in mailboxes {
            if args.switch("Owner") {
                let mut o = PsObject::custom();
                o.set("Identity", Value::str(identity_display(dir, i)));
                o.set("Owner", Value::str("NT AUTHORITY\\SELF"));
                rows.push(Value::object(o));
                continue;
            }
            for ace in &dir.recipients[i].mailbox_acl {
                if user.as_deref().is_some_and(|s| !s.eq_ignore_ascii_case(&ace.sid)) {
                    continue;
                }
                // Trustees that no longer resolve are left out, as in Get-MailboxPermission.
                if dir.account_name(&ace.sid) == ace.sid {
                    continue;
                }
                rows.push(mailbox_permission_row(dir, i, ace));
            }
        }
        let (rows, warning) = limit(args, rows);
        for v in rows {
            cx.output(v);
        }
        if let Some(w) = warning {
            cx.warning(w);
        }
        Ok(())
    }
}

/// Get-RecipientPermission's row without the RPS-only IsValid and ObjectState.
fn recipient_permission_row(dir: &Directory, i: usize, ace: &AdAce) -> Value {
    let full = recipient_permission(dir, i, ace);
    let Value::Object(o) = &full else { return full };
    let names: Vec<String> =
        ["Identity", "Trustee", "AccessControlType", "AccessRights", "IsInherited", "InheritanceType"]
            .iter()
            .map(|s| s.to_string())
            .collect();
    project(&o.borrow(), &names)
}

impl Cmdlet for GetExoRecipientPermission {
    fn signature(&self) -> Signature {
        let sig = Signature::new("Get-EXORecipientPermission", RECIPIENT_PERMISSION_CLASS, Origin::Core)
            .synopsis("Gets the SendAs permissions on recipients through the REST API.")
            .versions(ONLINE)
            .sets(&["Default", "Identity"])
            .param(identity_param(
                IdentityKind::Recipient,
                &["Identity"],
                true,
                "The recipient: UPN, GUID, name, alias, DN, domain\\user, email address, LegacyExchangeDN or SamAccountName.",
            ));
        target_params(sig, &["Identity"])
            .param(
                Param::new("AccessRights", ParamType::Enum(&RECIPIENT_ACCESS_RIGHT))
                    .array()
                    .type_display("MultiValuedProperty")
                    .help("Filters by permission; the only valid value is SendAs."),
            )
            .param(
                Param::new("Trustee", ParamType::String)
                    .help("Returns only the entries of this user or group."),
            )
            .param(result_size())
            .example("Get-EXORecipientPermission -ResultSize 100", "Lists the SendAs entries of the first 100 recipients.")
            .example(
                "Get-EXORecipientPermission -AccessRights SendAs -ResultSize Unlimited | Where-Object { $_.Trustee -ne 'NT AUTHORITY\\SELF' }",
                "Lists who has Send As on which recipient.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        super::require_connection(cx, RECIPIENT_PERMISSION_CLASS)?;
        let dir = cx.directory();
        let recipients = targets(dir, args, IdentityKind::Recipient)?;
        let trustee = principal_sid(dir, args, "Trustee")?;
        let mut rows = Vec::new();
        for i in recipients {
            for a in dir.recipients[i].ad_acl.iter().filter(|a| is_send_as(a)) {
                if trustee.as_deref().is_some_and(|s| !s.eq_ignore_ascii_case(&a.sid)) {
                    continue;
                }
                rows.push(recipient_permission_row(dir, i, a));
            }
        }
        let (rows, warning) = limit(args, rows);
        for v in rows {
            cx.output(v);
        }
        if let Some(w) = warning {
            cx.warning(w);
        }
        Ok(())
    }
}

/// A Get-MailboxFolderPermission row as a local object (the User object kept as it is).
fn folder_row(full: Value) -> Value {
    let Value::Object(o) = &full else { return full };
    let mut out = PsObject::custom();
    for (k, v) in o.borrow().iter() {
        if k != "IsValid" && k != "ObjectState" {
            out.set(k, v.clone());
        }
    }
    Value::object(out)
}

impl Cmdlet for GetExoMailboxFolderPermission {
    fn signature(&self) -> Signature {
        let sig = Signature::new("Get-EXOMailboxFolderPermission", FOLDER_PERMISSION_CLASS, Origin::Core)
            .synopsis("Gets folder-level permissions in mailboxes through the REST API.")
            .versions(ONLINE)
            .param(identity_param(
                IdentityKind::MailboxFolder,
                &[],
                true,
                "The folder, as <mailbox>:\\<folder> (the mailbox by UPN, name, alias, DN, email address…).",
            ));
        target_params(sig, &[])
            .param(Param::new("User", ParamType::String).help("Returns only this user's entry."))
            .param(Param::new("GroupMailbox", ParamType::Switch).help("Required for Microsoft 365 Group mailboxes."))
            .example(
                "Get-EXOMailboxFolderPermission -Identity john@contoso.com:\\Marketing\\Reports",
                "Lists the permissions on John's Reports folder.",
            )
            .example(
                "Get-EXOMailboxFolderPermission -Identity john@contoso.com:\\Calendar -User Kim@contoso.com",
                "Shows Kim's permission on John's calendar.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        super::require_connection(cx, FOLDER_PERMISSION_CLASS)?;
        let dir = cx.directory();
        // The other target parameters name a mailbox: its root folder.
        let id = match target(dir, args, IdentityKind::Mailbox) {
            Ok(Some(i)) if !args.has("Identity") => {
                IdArg { text: dir.recipients[i].name.clone(), guid: Some(dir.recipients[i].guid.clone()) }
            }
            Err(e) if !args.has("Identity") => return Err(e),
            _ => match arg_id(args, "Identity") {
                Some(id) => id,
                None => return Ok(()),
            },
        };
        let t = resolve_folder(dir, &id).map_err(rest_error)?;
        let user = match args.opt::<String>("User").filter(|u| !u.is_empty()) {
            Some(u) => Some(resolve_user(dir, &u).map_err(rest_error)?),
            None => None,
        };
        let Some(f) = dir.folder_index(t.mailbox, &t.path) else {
            return Ok(());
        };
        let mut out = Vec::new();
        for ace in &dir.recipients[t.mailbox].folders[f].permissions {
            if user.as_ref().is_some_and(|u| !same_user(&ace.user, u)) {
                continue;
            }
            out.push(folder_row(folder_permission(dir, t.mailbox, &t.as_given, &t.path, ace)));
        }
        if let (Some(u), true) = (&user, out.is_empty()) {
            return Err(rest_error(no_entry(&dir.folder_user_display(u))));
        }
        for v in out {
            cx.output(v);
        }
        Ok(())
    }
}
