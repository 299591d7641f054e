//! Add-, Get-, Set- and Remove-MailboxFolderPermission: per-folder client permissions
//! (`mailbox:\Folder`), with the Default and Anonymous entries, roles vs individual rights and
//! the Online-only SharingPermissionFlags.

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, ConfirmImpact, Context, ExchangeErrorKind, IdentityKind, Origin,
    Param, ParamType, Signature,
};
use crate::directory::rights::{folder, sharing};
use crate::directory::stats::container_class;
use crate::directory::{Change, Directory, FolderAce, FolderUser, ResolveError};
use crate::value::Value;

use super::objects::folder_permission;
use super::params;
use super::types::{FOLDER_ACCESS_RIGHT, SHARING_PERMISSION_FLAGS, is_individual_folder_right};
use super::{
    FROM_2016, FROM_2019, IdArg, ONLINE, ambiguous, arg_id, enum_list, enum_names, opt_bool, quote_list, scope_of,
};

/// Add-MailboxFolderPermission.
pub struct AddMailboxFolderPermission;
/// Get-MailboxFolderPermission.
pub struct GetMailboxFolderPermission;
/// Set-MailboxFolderPermission.
pub struct SetMailboxFolderPermission;
/// Remove-MailboxFolderPermission.
pub struct RemoveMailboxFolderPermission;

/// What -Identity of the *-MailboxFolderPermission cmdlets names (`mailbox:\\folder`).
const IDENTITY: IdentityKind = IdentityKind::MailboxFolder;

/// A resolved folder identity.
pub(super) struct FolderTarget {
    /// Mailbox index.
    pub(super) mailbox: usize,
    /// Stored folder path (`Calendar`, `Inbox\Projects`, empty for the root).
    pub(super) path: String,
    /// The folder part as typed (what the Identity property repeats).
    pub(super) as_given: String,
    /// The whole identity as typed (What if lines, warnings, errors).
    pub(super) text: String,
}

pub(super) fn folder_not_found(text: &str) -> CmdletError {
    CmdletError::exchange(
        ExchangeErrorKind::NotFound,
        format!("The operation couldn't be performed because '{text}' couldn't be found."),
    )
}

pub(super) fn resolve_folder(dir: &Directory, id: &IdArg) -> Result<FolderTarget, CmdletError> {
    // A piped mailbox names its root folder.
    if let Some(g) = &id.guid
        && let Some(i) = dir.recipient_by_guid(g)
        && scope_of(dir, IDENTITY).includes(dir.recipients[i].kind)
    {
        let text = format!("{}:\\", id.text);
        return Ok(FolderTarget { mailbox: i, path: String::new(), as_given: String::new(), text });
    }
    let (mailbox_part, folder_part) = Directory::split_folder_identity(&id.text)
        .or_else(|| {
            super::statistics::split_folder_id(dir, &id.text, |m| {
                dir.resolve_recipient(m, scope_of(dir, IDENTITY)).ok()
            })
        })
        .unwrap_or((id.text.as_str(), ""));
    let i = match dir.resolve_recipient(mailbox_part, scope_of(dir, IDENTITY)) {
        Ok(i) => i,
        Err(ResolveError::NotFound) => return Err(super::not_found(dir, &id.text)),
        Err(ResolveError::Ambiguous) => return Err(ambiguous(&id.text)),
    };
    let Some(f) = dir.folder_index(i, folder_part) else {
        return Err(folder_not_found(&id.text));
    };
    Ok(FolderTarget {
        mailbox: i,
        path: dir.recipients[i].folders[f].path.clone(),
        as_given: folder_part.to_string(),
        text: id.text.clone(),
    })
}

/// Add- and Set-MailboxFolderPermission: the folder, the user, and the name the user prints as.
/// `None` when either was not given.
fn folder_and_user(
    dir: &Directory,
    args: &BoundArgs,
) -> Result<Option<(FolderTarget, FolderUser, String)>, CmdletError> {
    let (Some(id), Some(user_arg)) = (arg_id(args, "Identity"), arg_id(args, "User")) else {
        return Ok(None);
    };
    let target = resolve_folder(dir, &id)?;
    let user = resolve_user(dir, &user_arg.text)?;
    let display = dir.folder_user_display(&user);
    Ok(Some((target, user, display)))
}

pub(super) fn resolve_user(dir: &Directory, typed: &str) -> Result<FolderUser, CmdletError> {
    match dir.resolve_folder_user(typed) {
        Ok(u) => Ok(u),
        Err(ResolveError::Ambiguous) => Err(ambiguous(typed)),
        // A SID that names nobody is an unknown user of that name: no entry matches it (an
        // orphaned entry is named `NT:<SID>`; strict-rules.md §6).
        Err(ResolveError::NotFound)
            if crate::directory::identity::is_sid_string(typed)
                && dir.recipient_by_sid(typed).is_none()
                && dir.principal_by_sid(typed).is_none() =>
        {
            Err(no_entry(typed))
        }
        Err(ResolveError::NotFound) => {
            // A principal, or a recipient that is no valid security principal (a distribution
            // group) typed by name, is "found but not valid"; typed as an SMTP address it is not
            // valid as an external user either (MailboxFolderUserIdParameter; strict-rules.md §1).
            let found_by_name = !crate::directory::identity::is_smtp_address(typed)
                && (dir.resolve_principal(typed).is_ok()
                    || !dir.find_recipients(typed, crate::directory::RecipientScope::Recipient).is_empty());
            Err(if found_by_name {
                CmdletError::exchange(
                    ExchangeErrorKind::InvalidInternalUserId,
                    format!(
                        "The user \"{typed}\" was found in Active Directory but isn't valid to use for permissions. Try an SMTP address instead."
                    ),
                )
            } else {
                CmdletError::exchange(
                    ExchangeErrorKind::InvalidExternalUserId,
                    format!(
                        "The user \"{typed}\" is either not valid SMTP address, or there is no matching information."
                    ),
                )
            })
        }
    }
}

fn entry<'a>(dir: &'a Directory, t: &FolderTarget, user: &FolderUser) -> Option<&'a FolderAce> {
    let f = dir.folder_index(t.mailbox, &t.path)?;
    dir.recipients[t.mailbox].folders[f].permissions.iter().find(|a| same_user(&a.user, user))
}

pub(super) fn same_user(a: &FolderUser, b: &FolderUser) -> bool {
    match (a, b) {
        (FolderUser::Sid(x), FolderUser::Sid(y)) | (FolderUser::External(x), FolderUser::External(y)) => {
            x.eq_ignore_ascii_case(y)
        }
        _ => a == b,
    }
}

pub(super) fn no_entry(display: &str) -> CmdletError {
    CmdletError::exchange(
        ExchangeErrorKind::UserNotFoundInPermissionEntry,
        format!("There is no existing permission entry found for user: {display}."),
    )
}

/// The requested rights: (bits, names as printed in What if lines); rejects mixing roles and rights.
fn requested_rights(args: &BoundArgs) -> Result<(u64, Vec<String>), CmdletError> {
    let values = enum_list(args, "AccessRights", &FOLDER_ACCESS_RIGHT)?;
    let has_right = values.iter().any(|b| is_individual_folder_right(*b));
    let has_role = values.iter().any(|b| !is_individual_folder_right(*b));
    if has_right && has_role {
        return Err(CmdletError::exchange(
            ExchangeErrorKind::Argument,
            "The access rights of a mailbox folder can't contain both specific permissions and precanned roles.",
        ));
    }
    Ok((values.iter().fold(0, |a, b| a | b), enum_names(&FOLDER_ACCESS_RIGHT, &values)))
}

fn sharing_flags(args: &BoundArgs) -> Result<Option<u64>, CmdletError> {
    if !args.has("SharingPermissionFlags") {
        return Ok(None);
    }
    Ok(Some(enum_list(args, "SharingPermissionFlags", &SHARING_PERMISSION_FLAGS)?.iter().fold(0, |a, b| a | b)))
}

/// The SharingPermissionFlags rules (Online): only on calendar folders, only with exactly the
/// Editor role, and CanViewPrivateItems only together with Delegate.
fn check_sharing_flags(t: &FolderTarget, rights: u64, flags: Option<u64>) -> Result<(), CmdletError> {
    let Some(flags) = flags else {
        return Ok(());
    };
    let invalid = |m: &str| Err(CmdletError::exchange(ExchangeErrorKind::TaskArgument, m.to_string()));
    if container_class(&t.path) != "IPF.Appointment" {
        return invalid("The parameter \"SharingPermissionFlags\" can be specified only on a calendar folder.");
    }
    if rights != folder::EDITOR {
        return invalid("The parameter \"SharingPermissionFlags\" can be specified only when access rights is Editor.");
    }
    if flags & sharing::CAN_VIEW_PRIVATE_ITEMS != 0 && flags & sharing::DELEGATE == 0 {
        return invalid(
            "The value \"CanViewPrivateItems\" of the parameter \"SharingPermissionFlags\" can be used only together with \"Delegate\".",
        );
    }
    Ok(())
}

/// What becoming or ceasing to be a calendar delegate changes besides the entry: the delegate's
/// send-on-behalf right on the mailbox (GrantSendOnBehalfTo), as Outlook's delegate dialog does.
fn delegate_send_on_behalf(
    cx: &mut dyn Context,
    t: &FolderTarget,
    user: &FolderUser,
    was: u64,
    now: u64,
) -> CmdletResult {
    let (before, after) = (was & sharing::DELEGATE != 0, now & sharing::DELEGATE != 0);
    if before == after {
        return Ok(());
    }
    let dir = cx.directory();
    let FolderUser::Sid(sid) = user else {
        return Ok(());
    };
    let Some(delegate) = dir.recipient_by_sid(sid).map(|i| dir.recipients[i].guid.clone()) else {
        return Ok(());
    };
    let rec = &dir.recipients[t.mailbox];
    let has = rec.grant_send_on_behalf_to.iter().any(|g| g.eq_ignore_ascii_case(&delegate));
    if has == after {
        return Ok(());
    }
    let mailbox = rec.guid.clone();
    let (add, remove) = if after { (vec![delegate], Vec::new()) } else { (Vec::new(), vec![delegate]) };
    cx.apply(Change::UpdateGrantSendOnBehalfTo { mailbox, add, remove })
}

fn folder_identity_param() -> Param {
    Param::new("Identity", ParamType::Identity(IDENTITY))
        .position(0)
        .mandatory()
        .from_pipeline()
        .from_pipeline_by_name()
        .help("The folder: MailboxID:\\ParentFolder[\\SubFolder], for example john@contoso.com:\\Calendar.")
}

fn folder_user_param(help: &'static str, mandatory: bool, sets: &'static [&'static str]) -> Param {
    let p = Param::new("User", ParamType::Identity(IdentityKind::MailboxFolderUser)).sets(sets).help(help);
    if mandatory { p.mandatory() } else { p }
}

fn access_rights_param() -> Param {
    Param::new("AccessRights", ParamType::Enum(&FOLDER_ACCESS_RIGHT))
        .array()
        .mandatory()
        .help("A role (Owner, PublishingEditor, Editor, PublishingAuthor, Author, NonEditingAuthor, Reviewer, Contributor, AvailabilityOnly, LimitedDetails, None) or individual rights.")
}

fn send_notification() -> Param {
    Param::new("SendNotificationToUser", ParamType::Bool)
        .versions(ONLINE)
        .help("Sends a sharing invitation (calendar folders only).")
}

fn sharing_flags_param() -> Param {
    Param::new("SharingPermissionFlags", ParamType::Enum(&SHARING_PERMISSION_FLAGS))
        .versions(ONLINE)
        .help("Calendar delegate flags with Editor: None, Delegate, CanViewPrivateItems.")
}

impl Cmdlet for AddMailboxFolderPermission {
    fn signature(&self) -> Signature {
        Signature::new(
            "Add-MailboxFolderPermission",
            "Microsoft.Exchange.Management.StoreTasks.AddMailboxFolderPermission",
            Origin::Exchange,
        )
        .synopsis("Adds folder-level permissions for users in mailboxes.")
        .should_process(ConfirmImpact::Medium)
        .param(folder_identity_param())
        .param(access_rights_param())
        .param(folder_user_param("The user or group who gets the permission (UPN or domain\\user recommended).", true, &[]))
        .param(params::domain_controller())
        .param(send_notification())
        .param(sharing_flags_param())
        .example(
            "Add-MailboxFolderPermission -Identity ayla@contoso.com:\\Marketing -User ed@contoso.com -AccessRights Owner",
            "Makes Ed the owner of Ayla's Marketing folder.",
        )
        .example(
            "Add-MailboxFolderPermission -Identity ayla@contoso.com:\\Calendar -User julia@contoso.com -AccessRights Editor -SharingPermissionFlags Delegate",
            "Makes Julia a calendar delegate without access to private items.",
        )
        .example(
            "Add-MailboxFolderPermission -Identity ayla@contoso.com:\\Calendar -User laura@contoso.com -AccessRights Editor -SharingPermissionFlags Delegate,CanViewPrivateItems",
            "Makes Laura a calendar delegate with access to private items.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let Some((target, user, display)) = folder_and_user(dir, args)? else {
            return Ok(());
        };
        let (bits, names) = requested_rights(args)?;
        let given = sharing_flags(args)?;
        check_sharing_flags(&target, bits, given)?;
        let flags = given.unwrap_or(0);
        let action = format!(
            "Adding mailbox folder permission on \"{}\" for user \"{display}\", access rights \"{}\".",
            target.text,
            quote_list(&names)
        );
        if !cx.should_process(&action)? {
            return Ok(());
        }
        let dir = cx.directory();
        let mailbox = dir.recipients[target.mailbox].guid.clone();
        let ace = FolderAce { user: user.clone(), rights: bits, sharing_flags: flags };
        match entry(dir, &target, &user) {
            Some(existing) => {
                let special = matches!(user, FolderUser::Default | FolderUser::Anonymous);
                if !(special && existing.rights == 0) {
                    return Err(CmdletError::exchange(
                        ExchangeErrorKind::UserAlreadyExistsInPermissionEntry,
                        format!("An existing permission entry was found for user: {display}."),
                    ));
                }
                cx.apply(Change::SetFolderAce { mailbox, folder: target.path.clone(), ace: ace.clone() })?;
            }
            None => cx.apply(Change::AddFolderAce { mailbox, folder: target.path.clone(), ace: ace.clone() })?,
        }
        delegate_send_on_behalf(cx, &target, &user, 0, flags)?;
        let v = folder_permission(cx.directory(), target.mailbox, &target.as_given, &target.path, &ace);
        cx.output(v);
        Ok(())
    }
}

impl Cmdlet for GetMailboxFolderPermission {
    fn signature(&self) -> Signature {
        Signature::new(
            "Get-MailboxFolderPermission",
            "Microsoft.Exchange.Management.StoreTasks.GetMailboxFolderPermission",
            Origin::Exchange,
        )
        .synopsis("Gets folder-level permissions in mailboxes.")
        .param(folder_identity_param())
        .param(folder_user_param("Returns only this user's entry.", false, &[]))
        .param(params::domain_controller())
        .param(
            Param::new("GroupMailbox", ParamType::Switch)
                .versions(FROM_2016)
                .help("Required for Microsoft 365 Group mailboxes."),
        )
        .param(params::result_size().versions(ONLINE))
        .param(Param::new("SkipCount", ParamType::Int).versions(ONLINE).help("Number of entries to skip."))
        .param(
            Param::new("UseCustomRouting", ParamType::Switch)
                .versions(ONLINE)
                .help("Routes the request to the mailbox's server."),
        )
        .example(
            "Get-MailboxFolderPermission -Identity john@contoso.com:\\Marketing\\Reports",
            "Lists the permissions on John's Reports folder.",
        )
        .example(
            "Get-MailboxFolderPermission -Identity john@contoso.com:\\Marketing\\Reports -User Ayla@contoso.com",
            "Shows Ayla's permission on John's Reports folder.",
        )
        .example(
            "Get-MailboxFolderPermission -Identity john@contoso.com:\\Calendar -User Ayla@contoso.com",
            "Shows Ayla's permission on John's calendar.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(id) = arg_id(args, "Identity") else {
            return Ok(());
        };
        let dir = cx.directory();
        let target = resolve_folder(dir, &id)?;
        let user = match arg_id(args, "User") {
            Some(u) => Some(resolve_user(dir, &u.text)?),
            None => None,
        };
        let Some(f) = dir.folder_index(target.mailbox, &target.path) else {
            return Err(folder_not_found(&target.text));
        };
        let skip = args.opt::<i64>("SkipCount").unwrap_or(0).max(0) as usize;
        let mut out = Vec::new();
        for ace in dir.recipients[target.mailbox].folders[f].permissions.iter().skip(skip) {
            if user.as_ref().is_some_and(|u| !same_user(&ace.user, u)) {
                continue;
            }
            out.push(folder_permission(dir, target.mailbox, &target.as_given, &target.path, ace));
        }
        if let (Some(u), true) = (&user, out.is_empty()) {
            return Err(no_entry(&dir.folder_user_display(u)));
        }
        for v in out {
            cx.output(v);
        }
        Ok(())
    }
}

impl Cmdlet for SetMailboxFolderPermission {
    fn signature(&self) -> Signature {
        Signature::new(
            "Set-MailboxFolderPermission",
            "Microsoft.Exchange.Management.StoreTasks.SetMailboxFolderPermission",
            Origin::Exchange,
        )
        .synopsis("Changes existing folder-level permissions in mailboxes.")
        .should_process(ConfirmImpact::Medium)
        .param(folder_identity_param())
        .param(access_rights_param())
        .param(folder_user_param("The user or group whose entry is changed.", true, &[]))
        .param(params::domain_controller())
        .param(send_notification())
        .param(sharing_flags_param())
        .example(
            "Set-MailboxFolderPermission -Identity ayla@contoso.com:\\Marketing -User ed@contoso.com -AccessRights Owner",
            "Overwrites Ed's rights on Ayla's Marketing folder with Owner.",
        )
        .example(
            "Set-MailboxFolderPermission -Identity ayla@contoso.com:\\Calendar -User ed@contoso.com -AccessRights Editor -SharingPermissionFlags Delegate -SendNotificationToUser $true",
            "Re-sends the invitation to an existing delegate.",
        )
        .example(
            "Set-MailboxFolderPermission -Identity ayla@contoso.com:\\Calendar -User ed@contoso.com -AccessRights Editor -SharingPermissionFlags Delegate",
            "An existing delegate loses access to private items.",
        )
        .example(
            "Set-MailboxFolderPermission -Identity ayla@contoso.com:\\Calendar -User ed@contoso.com -AccessRights Editor -SharingPermissionFlags None",
            "An existing delegate becomes a plain Editor.",
        )
        .example(
            "Set-MailboxFolderPermission -Identity ayla@contoso.com:\\Calendar -User ed@contoso.com -AccessRights Editor",
            "Changes the rights to Editor; delegate status is untouched.",
        )
        .example(
            "Set-MailboxFolderPermission -Identity ayla@contoso.com:\\Calendar -User ed@contoso.com -AccessRights Editor -SendNotificationToUser $false",
            "Changes the rights to Editor and removes delegate status.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let Some((target, user, display)) = folder_and_user(dir, args)? else {
            return Ok(());
        };
        let (bits, names) = requested_rights(args)?;
        let flags = sharing_flags(args)?;
        check_sharing_flags(&target, bits, flags)?;
        let action = format!(
            "Setting mailbox folder permission \"{}\" on \"{}\" for user \"{display}\".",
            quote_list(&names),
            target.text
        );
        if !cx.should_process(&action)? {
            return Ok(());
        }
        let dir = cx.directory();
        let Some(existing) = entry(dir, &target, &user) else {
            return Err(no_entry(&display));
        };
        let flags = match flags {
            Some(f) => f,
            None if opt_bool(args, "SendNotificationToUser").is_some() => 0,
            None => existing.sharing_flags,
        };
        if existing.rights == bits && existing.sharing_flags == flags {
            cx.warning(&format!(
                "The command completed successfully but no permissions of '{}' have been modified.",
                target.text
            ));
            return Ok(());
        }
        let mailbox = dir.recipients[target.mailbox].guid.clone();
        let was = existing.sharing_flags;
        cx.apply(Change::SetFolderAce {
            mailbox,
            folder: target.path.clone(),
            ace: FolderAce { user: user.clone(), rights: bits, sharing_flags: flags },
        })?;
        delegate_send_on_behalf(cx, &target, &user, was, flags)
    }
}

impl Cmdlet for RemoveMailboxFolderPermission {
    fn signature(&self) -> Signature {
        Signature::new(
            "Remove-MailboxFolderPermission",
            "Microsoft.Exchange.Management.StoreTasks.RemoveMailboxFolderPermission",
            Origin::Exchange,
        )
        .synopsis("Removes folder-level permissions for users in mailboxes.")
        .sets(&["Default", "Identity", "ResetDelegateUserCollection"])
        .should_process(ConfirmImpact::High)
        .param(folder_identity_param())
        .param(
            folder_user_param("The user or group whose entry is removed.", false, &["Default", "Identity"])
                .mandatory_in(&["Default", "Identity"]),
        )
        .param(
            Param::new("ResetDelegateUserCollection", ParamType::Switch)
                .sets(&["ResetDelegateUserCollection"])
                .mandatory()
                .versions(FROM_2019)
                .help("Deletes corrupt delegate data; all delegates become plain Editors."),
        )
        .param(
            Param::new("Force", ParamType::Switch)
                .sets(&["Identity", "ResetDelegateUserCollection"])
                .versions(ONLINE)
                .help("Suppresses confirmation prompts."),
        )
        .param(send_notification().sets(&["Identity", "ResetDelegateUserCollection"]))
        .param(params::domain_controller().sets(&["Default"]))
        .example(
            "Remove-MailboxFolderPermission -Identity kim@contoso.com:\\Training -User john@contoso.com",
            "Removes John's permission on Kim's Training folder.",
        )
        .example(
            "Remove-MailboxFolderPermission -Identity kim@contoso.com:\\Calendar -ResetDelegateUserCollection",
            "Resets the delegates of Kim's calendar.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(id) = arg_id(args, "Identity") else {
            return Ok(());
        };
        let dir = cx.directory();
        let target = resolve_folder(dir, &id)?;
        let mailbox = dir.recipients[target.mailbox].guid.clone();
        if args.switch("ResetDelegateUserCollection") {
            let action = format!("Removing mailbox folder permission on \"{}\" for user \"\".", target.text);
            if !cx.should_process(&action)? {
                return Ok(());
            }
            let dir = cx.directory();
            let Some(f) = dir.folder_index(target.mailbox, &target.path) else {
                return Ok(());
            };
            let changes: Vec<Change> = dir.recipients[target.mailbox].folders[f]
                .permissions
                .iter()
                .filter(|a| a.sharing_flags != 0)
                .map(|a| Change::SetFolderAce {
                    mailbox: mailbox.clone(),
                    folder: target.path.clone(),
                    ace: FolderAce { sharing_flags: 0, ..a.clone() },
                })
                .collect();
            for c in changes {
                cx.apply(c)?;
            }
            return Ok(());
        }
        let Some(user_arg) = arg_id(args, "User") else {
            return Ok(());
        };
        let user = resolve_user(dir, &user_arg.text)?;
        if matches!(user, FolderUser::Default | FolderUser::Anonymous) {
            return Err(CmdletError::exchange(
                ExchangeErrorKind::CannotRemoveSpecialUser,
                "Cannot remove default or anonymous permissions.",
            ));
        }
        let display = dir.folder_user_display(&user);
        let action = format!("Removing mailbox folder permission on \"{}\" for user \"{display}\".", target.text);
        if !cx.should_process(&action)? {
            return Ok(());
        }
        let Some(was) = entry(cx.directory(), &target, &user).map(|e| e.sharing_flags) else {
            return Err(no_entry(&display));
        };
        cx.apply(Change::RemoveFolderAce { mailbox, folder: target.path.clone(), user: user.clone() })?;
        delegate_send_on_behalf(cx, &target, &user, was, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, list, message, prop, run, s};
    use crate::directory::ExchangeVersion;

    fn err_text(r: CmdletResult) -> String {
        r.err().map(|e| message(&e)).unwrap_or_default()
    }

    fn err_kind(r: CmdletResult) -> Option<ExchangeErrorKind> {
        match r {
            Err(CmdletError::Exchange { kind, .. }) => Some(kind),
            _ => None,
        }
    }

    #[test]
    fn get_calendar_defaults() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        assert!(run(&GetMailboxFolderPermission, &mut c, &[("Identity", s("karen:\\calendar"))]).is_ok());
        assert_eq!(c.out.len(), 2);
        assert_eq!(prop(&c.out[0], "FolderName"), "Calendar");
        assert_eq!(prop(&c.out[0], "User"), "Default");
        assert_eq!(prop(&c.out[0], "AccessRights"), "AvailabilityOnly");
        assert_eq!(prop(&c.out[1], "User"), "Anonymous");
        assert_eq!(prop(&c.out[1], "AccessRights"), "None");
        assert_eq!(prop(&c.out[0], "Identity"), "contoso.com/Users/Karen Berg:\\calendar");
        assert_eq!(
            c.out[0].property("User").and_then(|u| u.property("UserType")).map(|v| to_string_v(&v)),
            Some("Default".into())
        );
        assert!(c.out[0].property("SharingPermissionFlags").is_none());
        assert_eq!(
            c.out[0].type_name(),
            "Deserialized.Microsoft.Exchange.Management.StoreTasks.MailboxFolderPermission"
        );
        c.clear();
        assert!(run(&GetMailboxFolderPermission, &mut c, &[("Identity", s("karen:\\Inbox\\Projects"))]).is_ok());
        assert_eq!(prop(&c.out[0], "FolderName"), "Projects");
        assert_eq!(prop(&c.out[0], "AccessRights"), "None");
    }

    fn to_string_v(v: &Value) -> String {
        crate::value::convert::to_string(v)
    }

    #[test]
    fn add_set_remove_cycle() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let add = [("Identity", s("karen:\\Calendar")), ("User", s("michelle")), ("AccessRights", s("Editor"))];
        assert!(run(&AddMailboxFolderPermission, &mut c, &add).is_ok());
        assert_eq!(
            c.actions,
            [
                "Adding mailbox folder permission on \"karen:\\Calendar\" for user \"Michelle Dubois\", access rights \"'Editor'\"."
            ]
        );
        assert_eq!(c.out.len(), 1);
        assert_eq!(prop(&c.out[0], "User"), "Michelle Dubois");
        assert_eq!(prop(&c.out[0], "AccessRights"), "Editor");
        // Add again: existing entry.
        let r = run(&AddMailboxFolderPermission, &mut c, &add);
        assert_eq!(
            err_kind(run(&AddMailboxFolderPermission, &mut c, &add)),
            Some(ExchangeErrorKind::UserAlreadyExistsInPermissionEntry)
        );
        assert_eq!(err_text(r), "An existing permission entry was found for user: Michelle Dubois.");
        // Set to Reviewer, then to Reviewer again (warning).
        c.clear();
        let set = [("Identity", s("karen:\\Calendar")), ("User", s("michelle")), ("AccessRights", s("Reviewer"))];
        assert!(run(&SetMailboxFolderPermission, &mut c, &set).is_ok());
        assert!(c.out.is_empty() && c.warnings.is_empty());
        assert_eq!(
            c.actions,
            ["Setting mailbox folder permission \"'Reviewer'\" on \"karen:\\Calendar\" for user \"Michelle Dubois\"."]
        );
        assert!(run(&SetMailboxFolderPermission, &mut c, &set).is_ok());
        assert_eq!(
            c.warnings,
            ["The command completed successfully but no permissions of 'karen:\\Calendar' have been modified."]
        );
        c.clear();
        assert!(
            run(
                &GetMailboxFolderPermission,
                &mut c,
                &[("Identity", s("karen:\\Calendar")), ("User", s("michelle@contoso.com"))]
            )
            .is_ok()
        );
        assert_eq!(prop(&c.out[0], "AccessRights"), "Reviewer");
        // Remove, then remove again.
        c.clear();
        let rm = [("Identity", s("karen:\\Calendar")), ("User", s("michelle"))];
        assert!(run(&RemoveMailboxFolderPermission, &mut c, &rm).is_ok());
        assert_eq!(
            c.actions,
            ["Removing mailbox folder permission on \"karen:\\Calendar\" for user \"Michelle Dubois\"."]
        );
        assert!(c.out.is_empty());
        let r = run(&RemoveMailboxFolderPermission, &mut c, &rm);
        assert_eq!(err_text(r), "There is no existing permission entry found for user: Michelle Dubois.");
        let r = run(&SetMailboxFolderPermission, &mut c, &set);
        assert_eq!(err_kind(r), Some(ExchangeErrorKind::UserNotFoundInPermissionEntry));
        let r =
            run(&GetMailboxFolderPermission, &mut c, &[("Identity", s("karen:\\Calendar")), ("User", s("michelle"))]);
        assert_eq!(err_text(r), "There is no existing permission entry found for user: Michelle Dubois.");
    }

    #[test]
    fn default_and_anonymous() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let r =
            run(&RemoveMailboxFolderPermission, &mut c, &[("Identity", s("karen:\\Calendar")), ("User", s("Default"))]);
        assert_eq!(err_kind(r), Some(ExchangeErrorKind::CannotRemoveSpecialUser));
        let r = run(
            &RemoveMailboxFolderPermission,
            &mut c,
            &[("Identity", s("karen:\\Calendar")), ("User", s("Anonymous"))],
        );
        assert_eq!(err_text(r), "Cannot remove default or anonymous permissions.");
        // Default on the calendar has AvailabilityOnly: Add fails; Anonymous has None: Add sets it.
        let r = run(
            &AddMailboxFolderPermission,
            &mut c,
            &[("Identity", s("karen:\\Calendar")), ("User", s("Default")), ("AccessRights", s("Reviewer"))],
        );
        assert_eq!(err_text(r), "An existing permission entry was found for user: Default.");
        let args = [("Identity", s("karen:\\Calendar")), ("User", s("Anonymous")), ("AccessRights", s("Reviewer"))];
        assert!(run(&AddMailboxFolderPermission, &mut c, &args).is_ok());
        assert_eq!(prop(&c.out[0], "User"), "Anonymous");
        let args = [("Identity", s("karen:\\Calendar")), ("User", s("Default")), ("AccessRights", s("LimitedDetails"))];
        assert!(run(&SetMailboxFolderPermission, &mut c, &args).is_ok());
        c.clear();
        assert!(run(&GetMailboxFolderPermission, &mut c, &[("Identity", s("karen:\\Calendar"))]).is_ok());
        assert_eq!(prop(&c.out[0], "AccessRights"), "LimitedDetails");
        assert_eq!(prop(&c.out[1], "AccessRights"), "Reviewer");
    }

    #[test]
    fn errors() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let r = run(&GetMailboxFolderPermission, &mut c, &[("Identity", s("karen:\\Kalender"))]);
        assert_eq!(err_text(r), "The operation couldn't be performed because 'karen:\\Kalender' couldn't be found.");
        let r = run(&GetMailboxFolderPermission, &mut c, &[("Identity", s("nobody:\\Calendar"))]);
        assert_eq!(
            err_text(r),
            "The operation couldn't be performed because object 'nobody:\\Calendar' couldn't be found on 'DC01.contoso.com'."
        );
        let args = [
            ("Identity", s("karen:\\Calendar")),
            ("User", s("michelle")),
            ("AccessRights", list(&["Reviewer", "CreateItems"])),
        ];
        let r = run(&AddMailboxFolderPermission, &mut c, &args);
        assert_eq!(
            err_text(r),
            "The access rights of a mailbox folder can't contain both specific permissions and precanned roles."
        );
        let args = [("Identity", s("karen:\\Calendar")), ("User", s("ghost")), ("AccessRights", s("Reviewer"))];
        assert_eq!(
            err_text(run(&AddMailboxFolderPermission, &mut c, &args)),
            "The user \"ghost\" is either not valid SMTP address, or there is no matching information."
        );
        let args = [("Identity", s("karen:\\Calendar")), ("User", s("Domain Admins")), ("AccessRights", s("Reviewer"))];
        assert_eq!(
            err_text(run(&AddMailboxFolderPermission, &mut c, &args)),
            "The user \"Domain Admins\" was found in Active Directory but isn't valid to use for permissions. Try an SMTP address instead."
        );
        let args = [("Identity", s("karen:\\Calendar")), ("User", s("michelle")), ("AccessRights", s("Reviwer"))];
        let e = crate::cmdlets::testing::bind(&AddMailboxFolderPermission, &c, &args).err().unwrap_or_default();
        assert!(e.contains("Unable to match the identifier name Reviwer"), "{e}");
        assert!(c.changes.is_empty());
    }

    #[test]
    fn individual_rights_and_external_users() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let args = [
            ("Identity", s("karen:\\Inbox")),
            ("User", s("amy")),
            ("AccessRights", list(&["ReadItems", "FolderVisible"])),
        ];
        assert!(run(&AddMailboxFolderPermission, &mut c, &args).is_ok());
        assert_eq!(prop(&c.out[0], "AccessRights"), "Reviewer");
        let args = [
            ("Identity", s("karen:\\Inbox")),
            ("User", s("john")),
            ("AccessRights", list(&["ReadItems", "CreateItems"])),
        ];
        assert!(run(&AddMailboxFolderPermission, &mut c, &args).is_ok());
        assert_eq!(prop(&c.out[1], "AccessRights"), "ReadItems CreateItems");
        let args =
            [("Identity", s("karen:\\Calendar")), ("User", s("someone@fabrikam.com")), ("AccessRights", s("Reviewer"))];
        assert!(run(&AddMailboxFolderPermission, &mut c, &args).is_ok());
        assert_eq!(prop(&c.out[2], "User"), "someone@fabrikam.com");
    }

    #[test]
    fn online_sharing_flags_and_2010_shape() {
        let mut c = MockContext::new(ExchangeVersion::Online);
        let args = [
            ("Identity", s("karen:\\Calendar")),
            ("User", s("michelle")),
            ("AccessRights", s("Editor")),
            ("SharingPermissionFlags", list(&["Delegate", "CanViewPrivateItems"])),
        ];
        assert!(run(&AddMailboxFolderPermission, &mut c, &args).is_ok());
        assert_eq!(prop(&c.out[0], "SharingPermissionFlags"), "Delegate, CanViewPrivateItems");
        assert_eq!(prop(&c.out[0], "Identity"), "Karen Berg:\\Calendar");
        // SendNotificationToUser without flags drops delegate status.
        let args = [
            ("Identity", s("karen:\\Calendar")),
            ("User", s("michelle")),
            ("AccessRights", s("Editor")),
            ("SendNotificationToUser", Value::Bool(false)),
        ];
        assert!(run(&SetMailboxFolderPermission, &mut c, &args).is_ok());
        c.clear();
        assert!(
            run(&GetMailboxFolderPermission, &mut c, &[("Identity", s("karen:\\Calendar")), ("User", s("michelle"))])
                .is_ok()
        );
        assert_eq!(prop(&c.out[0], "SharingPermissionFlags"), "");
        let mut c = MockContext::new(ExchangeVersion::Exchange2010);
        assert!(run(&GetMailboxFolderPermission, &mut c, &[("Identity", s("karen:\\Calendar"))]).is_ok());
        assert_eq!(prop(&c.out[0], "Identity"), "Default");
        assert!(c.out[0].property("ObjectState").is_none());
    }

    #[test]
    fn what_if_and_piped_mailbox() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        c.whatif = true;
        let add = [("Identity", s("Karen:\\calendar")), ("User", s("michelle")), ("AccessRights", s("Reviewer"))];
        assert!(run(&AddMailboxFolderPermission, &mut c, &add).is_ok());
        assert_eq!(
            c.what_if,
            [
                "What if: Adding mailbox folder permission on \"Karen:\\calendar\" for user \"Michelle Dubois\", access rights \"'Reviewer'\"."
            ]
        );
        assert!(c.changes.is_empty() && c.out.is_empty());
        let mbx = super::super::objects::mailbox_object(&c.dir, 1);
        assert!(run(&GetMailboxFolderPermission, &mut c, &[("Identity", mbx)]).is_ok());
        assert_eq!(prop(&c.out[0], "FolderName"), "Top of Information Store");
        assert_eq!(prop(&c.out[0], "Identity"), "contoso.com/Users/Karen Berg:\\");
    }
}
