//! Add-, Get- and Remove-MailboxPermission: the mailbox security descriptor (Full Access and the
//! other MailboxRights), plus auto-mapping links for Full Access grants to user mailboxes.

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, ConfirmImpact, Context, ExchangeErrorKind, IdentityKind, Origin,
    Param, ParamType, Signature,
};
use crate::directory::rights::mailbox as mr;
use crate::directory::{Change, Directory, Inheritance, MailboxAce, RecipientKind};
use crate::value::convert::{to_bool, to_string};
use crate::value::{PsObject, Value};

use super::objects::{MAILBOX_ACE_TYPE, mailbox_ace, owner_object};
use super::params;
use super::types::{AD_RIGHTS, INHERITANCE, MAILBOX_RIGHTS, inheritance_from_bits};
use super::{
    IdArg, ON_PREMISES, ONLINE, arg_id, enum_list, enum_names, id_arg, is_online, opt_bool, principal_error,
    quote_list, resolve_many, resolve_one,
};

/// Add-MailboxPermission.
pub struct AddMailboxPermission;
/// Get-MailboxPermission.
pub struct GetMailboxPermission;
/// Remove-MailboxPermission.
pub struct RemoveMailboxPermission;

/// What -Identity of the *-MailboxPermission cmdlets names (mail users too from 2016).
const IDENTITY: IdentityKind = IdentityKind::MailboxOrMailUser;

fn identity_param(mandatory_in: &'static [&'static str]) -> Param {
    Param::new("Identity", ParamType::Identity(IDENTITY))
        .position(0)
        .mandatory_in(mandatory_in)
        .from_pipeline()
        .from_pipeline_by_name()
        .help("The mailbox: name, alias, DN, canonical DN, domain\\user, email address, GUID, LegacyExchangeDN, SamAccountName or UPN.")
}

fn access_rights_param(sets: &'static [&'static str], mandatory_in: &'static [&'static str]) -> Param {
    Param::new("AccessRights", ParamType::Enum(&MAILBOX_RIGHTS))
        .array()
        .sets(sets)
        .mandatory_in(mandatory_in)
        .help("The rights: ChangeOwner, ChangePermission, DeleteItem, ExternalAccount, FullAccess, ReadPermission (comma-separated).")
}

fn user_param(sets: &'static [&'static str], mandatory_in: &'static [&'static str], help: &'static str) -> Param {
    Param::new("User", ParamType::Identity(IdentityKind::SecurityPrincipal))
        .sets(sets)
        .mandatory_in(mandatory_in)
        .help(help)
}

fn common_tail(sig: Signature) -> Signature {
    sig.param(params::domain_controller()).param(params::ignore_default_scope())
}

/// What an ACE parameter set (or a piped `MailboxAcePresentationObject`) asks for.
struct AceRequest {
    user: Option<String>,
    rights: Vec<u64>,
    deny: bool,
    inheritance: Inheritance,
    inherited: bool,
}

fn is_ace_object(v: &Value) -> bool {
    match v {
        Value::Object(o) => o.borrow().type_names.iter().any(|t| t.ends_with(MAILBOX_ACE_TYPE)),
        _ => false,
    }
}

fn ace_from_object(o: &PsObject) -> AceRequest {
    let rights = o
        .get("AccessRights")
        .map(|v| v.enumerate())
        .unwrap_or_default()
        .iter()
        .filter_map(|v| match v {
            Value::Enum(e) => Some(e.bits),
            other => MAILBOX_RIGHTS.parse(&to_string(other)).ok().map(|e| e.bits),
        })
        .collect();
    let inheritance = o
        .get("InheritanceType")
        .and_then(|v| match v {
            Value::Enum(e) => Some(e.bits),
            other => INHERITANCE.parse(&to_string(&other)).ok().map(|e| e.bits),
        })
        .map(inheritance_from_bits)
        .unwrap_or(Inheritance::All);
    AceRequest {
        user: o.get("User").map(|u| to_string(&u)),
        rights,
        deny: o.get("Deny").map(|d| to_bool(&d)).unwrap_or(false),
        inheritance,
        inherited: o.get("IsInherited").map(|d| to_bool(&d)).unwrap_or(false),
    }
}

/// The Identity argument and the piped ACE object (Instance), wherever the binder put them.
fn identity_and_instance(args: &BoundArgs) -> (Option<IdArg>, Option<AceRequest>) {
    let mut instance = None;
    let mut identity = arg_id(args, "Identity");
    for name in ["Instance", "Identity"] {
        if let Some(v) = args.get(name) {
            if is_ace_object(v) {
                if let Value::Object(o) = v {
                    instance = Some(ace_from_object(&o.borrow()));
                }
                if name == "Instance" && identity.is_none() {
                    identity = Some(id_arg(v));
                }
            } else if name == "Instance" && identity.is_none() && !v.is_null() {
                identity = Some(id_arg(v));
            }
        }
    }
    (identity, instance)
}

fn ace_request(args: &BoundArgs, instance: Option<AceRequest>) -> Result<AceRequest, CmdletError> {
    let mut req = instance.unwrap_or(AceRequest {
        user: None,
        rights: Vec::new(),
        deny: false,
        inheritance: Inheritance::All,
        inherited: false,
    });
    if let Some(u) = arg_id(args, "User") {
        req.user = Some(u.text);
    }
    if args.has("AccessRights") {
        req.rights = enum_list(args, "AccessRights", &MAILBOX_RIGHTS)?;
    }
    if args.has("Deny") {
        req.deny = args.switch("Deny");
    }
    if args.has("InheritanceType") {
        let bits = enum_list(args, "InheritanceType", &INHERITANCE)?;
        req.inheritance = inheritance_from_bits(bits.first().copied().unwrap_or(1));
    }
    Ok(req)
}

fn missing(param: &str) -> CmdletError {
    CmdletError::exchange(
        ExchangeErrorKind::Argument,
        format!("Cannot process command because of one or more missing mandatory parameters: {param}."),
    )
}

/// Explicit grants on the mailbox's database (GenericAll, Receive-As) that every mailbox on it
/// inherits: they show as inherited rows of Get-MailboxPermission (behavior.md §5).
fn database_grants(dir: &Directory, i: usize) -> Vec<MailboxAce> {
    use crate::directory::rights::ad;
    let Some(db) = dir.recipients[i].database.as_deref().and_then(|d| dir.database_by_name(d)) else {
        return Vec::new();
    };
    let all = mr::FULL_ACCESS | mr::DELETE_ITEM | mr::READ_PERMISSION | mr::CHANGE_PERMISSION | mr::CHANGE_OWNER;
    dir.databases[db]
        .ad_acl
        .iter()
        .filter(|a| !a.inherited)
        .filter_map(|a| {
            let rights = if a.rights & ad::GENERIC_ALL == ad::GENERIC_ALL {
                all
            } else if a.extended_rights.iter().any(|x| x.eq_ignore_ascii_case(ad::RECEIVE_AS)) {
                mr::FULL_ACCESS
            } else {
                return None;
            };
            Some(MailboxAce {
                sid: a.sid.clone(),
                rights,
                deny: a.deny,
                inheritance: Inheritance::All,
                inherited: true,
            })
        })
        .collect()
}

fn dn_of(dir: &Directory, i: usize) -> String {
    dir.distinguished_name(&dir.recipients[i])
}

fn inherited_provided(cx: &mut dyn Context, i: usize) {
    let dn = dn_of(cx.directory(), i);
    cx.warning(&format!("An inherited access control entry has been provided and was ignored on object \"{dn}\"."));
}

impl Cmdlet for AddMailboxPermission {
    fn signature(&self) -> Signature {
        let sig = Signature::new(
            "Add-MailboxPermission",
            "Microsoft.Exchange.Management.RecipientTasks.AddMailboxPermission",
            Origin::Exchange,
        )
        .synopsis("Adds permissions to a mailbox or mail user.")
        .sets(&["AccessRights", "Owner", "Instance"])
        .should_process(ConfirmImpact::Medium)
        .param(identity_param(&["AccessRights", "Owner"]))
        .param(access_rights_param(&["AccessRights", "Instance"], &["AccessRights"]))
        .param(user_param(
            &["AccessRights", "Instance"],
            &["AccessRights"],
            "The grantee: a mailbox user, mail user or mail-enabled security group.",
        ))
        .param(
            Param::new("Owner", ParamType::Identity(IdentityKind::SecurityPrincipal))
                .sets(&["Owner"])
                .mandatory()
                .help("Sets the mailbox owner (default NT AUTHORITY\\SELF)."),
        )
        .param(
            Param::new("Instance", ParamType::Object)
                .sets(&["Instance"])
                .mandatory()
                .from_pipeline()
                .versions(ON_PREMISES)
                .type_display("MailboxAcePresentationObject")
                .help("A permission object to add (deprecated)."),
        )
        .param(
            Param::new("AutoMapping", ParamType::Bool)
                .sets(&["AccessRights", "Instance"])
                .help("$true (default) lets Outlook open the mailbox automatically for a Full Access grantee; $false prevents it."),
        )
        .param(
            Param::new("Deny", ParamType::Switch)
                .sets(&["AccessRights", "Instance"])
                .help("Adds a Deny entry."),
        )
        .param(
            Param::new("GroupMailbox", ParamType::Switch)
                .versions(ONLINE)
                .help("Required when the target is a Microsoft 365 Group mailbox."),
        )
        .param(
            params::inheritance_type().sets(&["AccessRights", "Instance"]),
        );
        common_tail(sig)
            .example(
                "Add-MailboxPermission -Identity \"Terry Adams\" -User \"Kevin Kelly\" -AccessRights FullAccess -InheritanceType All",
                "Gives Kevin Kelly Full Access to Terry Adams's mailbox.",
            )
            .example("Add-MailboxPermission -Identity \"Room 222\" -Owner \"Tony Smith\"", "Makes Tony Smith the owner of the resource mailbox Room 222.")
            .example(
                "Add-MailboxPermission -Identity \"Jeroen Cool\" -User \"Mark Steele\" -AccessRights FullAccess -InheritanceType All -AutoMapping $false",
                "Gives Full Access without auto-mapping.",
            )
            .example(
                "Get-Mailbox -ResultSize unlimited -Filter \"(RecipientTypeDetails -eq 'UserMailbox') -and (Alias -ne 'Admin')\" | Add-MailboxPermission -User admin@contoso.com -AccessRights FullAccess -InheritanceType All",
                "Gives the admin Full Access to every user mailbox except Admin's.",
            )
            .example(
                "Add-MailboxPermission -Identity \"Helpdesk Tickets\" -User Helpdesk -AccessRights FullAccess -InheritanceType All",
                "Gives the Helpdesk group Full Access to a shared mailbox.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let (identity, instance) = identity_and_instance(args);
        let Some(identity) = identity else {
            return Err(missing("Identity"));
        };
        let dir = cx.directory();
        let i = resolve_one(dir, &identity, IDENTITY)?;

        if let Some(owner) = arg_id(args, "Owner") {
            let trustee = dir.resolve_principal(&owner.text).map_err(|e| principal_error(&owner.text, e))?;
            let action = format!("Changing the owner of mailbox '{}' to '{}'.", identity.text, owner.text);
            if !cx.should_process(&action)? {
                return Ok(());
            }
            let dir = cx.directory();
            let v = owner_object(dir, i, &trustee.account);
            cx.output(v);
            return Ok(());
        }

        let req = ace_request(args, instance)?;
        if req.inherited {
            inherited_provided(cx, i);
            return Ok(());
        }
        let Some(user_text) = req.user.clone() else {
            return Err(missing("User"));
        };
        let dir = cx.directory();
        let trustee = dir.resolve_principal(&user_text).map_err(|e| principal_error(&user_text, e))?;
        let bits = req.rights.iter().fold(0, |a, b| a | b);
        let grants_full_access = bits & mr::FULL_ACCESS != 0 && !req.deny;
        if opt_bool(args, "AutoMapping") == Some(true) && !grants_full_access {
            return Err(CmdletError::Exchange {
                kind: ExchangeErrorKind::InvalidOperation,
                message: "Setting AutoMapping option to true for non-FullAccess rights is not allowed. AutoMapping=true option can only be used together with FullAccess permission.".into(),
                category: "InvalidOperation",
            });
        }
        if req.rights.iter().any(|r| r & mr::SEND_AS != 0) {
            return Err(CmdletError::Exchange {
                kind: ExchangeErrorKind::InvalidOperation,
                message: "Setting the Send As permission for the mailbox doesn't work. Add the Send As permission using Add-ADPermission cmdlet.".into(),
                category: "InvalidOperation",
            });
        }
        if req.rights.is_empty() {
            return Err(CmdletError::exchange(
                ExchangeErrorKind::Argument,
                "AccessRights parameter cannot be null or an empty array.",
            ));
        }
        let action = format!(
            "Adding Mailbox Permission on '{}' for User '{}' with AccessRights '{}'.",
            identity.text,
            user_text,
            quote_list(&enum_names(&MAILBOX_RIGHTS, &req.rights))
        );
        if !cx.should_process(&action)? {
            return Ok(());
        }
        let dir = cx.directory();
        let r = &dir.recipients[i];
        let present = r.mailbox_acl.iter().any(|a| {
            !a.inherited
                && a.sid.eq_ignore_ascii_case(&trustee.sid)
                && a.deny == req.deny
                && a.inheritance == req.inheritance
                && a.rights & bits == bits
        });
        let ace = MailboxAce {
            sid: trustee.sid.clone(),
            rights: bits,
            deny: req.deny,
            inheritance: req.inheritance,
            inherited: false,
        };
        let mailbox_guid = r.guid.clone();
        if present {
            let msg = format!(
                "The appropriate access control entry is already present on the object \"{}\" for account \"{}\".",
                dn_of(dir, i),
                trustee.account
            );
            cx.warning(&msg);
        } else {
            cx.apply(Change::AddMailboxAce { mailbox: mailbox_guid.clone(), ace: ace.clone() })?;
        }
        // Auto-mapping (msExchDelegateListLink) only for user-mailbox trustees.
        if grants_full_access {
            let dir = cx.directory();
            if let Some(t) = trustee.recipient.filter(|t| dir.recipients[*t].kind == RecipientKind::UserMailbox) {
                let user_guid = dir.recipients[t].guid.clone();
                let linked = dir.recipients[i].delegate_list_link.iter().any(|g| g.eq_ignore_ascii_case(&user_guid));
                let enable = opt_bool(args, "AutoMapping") != Some(false);
                if enable != linked {
                    cx.apply(Change::SetAutoMapping {
                        mailbox: mailbox_guid,
                        user: user_guid.clone(),
                        enabled: enable,
                    })?;
                }
                let dir = cx.directory();
                let count = dir
                    .recipients
                    .iter()
                    .filter(|m| m.delegate_list_link.iter().any(|g| g.eq_ignore_ascii_case(&user_guid)))
                    .count();
                if enable && count >= 16 {
                    cx.warning("Some delegates added may not show up automatically in Outlook. Outlook is limited to displaying only the first 32 entries (If a delegate user has an archive, the user counts as 2 entries).");
                }
            }
        }
        let v = mailbox_ace(cx.directory(), i, &ace);
        cx.output(v);
        Ok(())
    }
}

impl Cmdlet for GetMailboxPermission {
    fn signature(&self) -> Signature {
        let sig = Signature::new(
            "Get-MailboxPermission",
            "Microsoft.Exchange.Management.RecipientTasks.GetMailboxPermission",
            Origin::Exchange,
        )
        .synopsis("Gets the permissions on a mailbox.")
        .sets(&["AccessRights", "Owner"])
        .param(identity_param(&["AccessRights", "Owner"]))
        .param(user_param(&["AccessRights"], &[], "Returns only the entries of this user or group."))
        .param(
            Param::new("Owner", ParamType::Switch)
                .sets(&["Owner"])
                .mandatory()
                .help("Returns the mailbox owner instead of the permissions."),
        )
        .param(params::credential())
        .param(params::read_from_domain_controller())
        .param(params::result_size())
        .param(
            Param::new("GroupMailbox", ParamType::Switch)
                .versions(ONLINE)
                .help("Includes Microsoft 365 Group mailboxes."),
        )
        .param(
            Param::new("SoftDeletedMailbox", ParamType::Switch)
                .sets(&["AccessRights"])
                .versions(ONLINE)
                .help("Targets a soft-deleted mailbox."),
        )
        .param(
            Param::new("IncludeSoftDeletedUserPermissions", ParamType::Switch)
                .sets(&["AccessRights"])
                .versions(ONLINE)
                .help("Includes permissions of soft-deleted users."),
        )
        .param(
            Param::new("IncludeUnresolvedPermissions", ParamType::Switch)
                .sets(&["AccessRights"])
                .versions(ONLINE)
                .help("Includes permissions whose trustee no longer resolves."),
        )
        .param(
            Param::new("IncludeUserWithDisplayName", ParamType::Switch)
                .versions(ONLINE)
                .help("Includes the user's display name."),
        )
        .param(
            Param::new("UseCustomRouting", ParamType::Switch)
                .versions(ONLINE)
                .help("Routes the request to the mailbox's server."),
        )
        .param(params::domain_controller());
        sig.example("Get-MailboxPermission -Identity john@contoso.com | Format-List", "Lists the permissions on John's mailbox.")
            .example("Get-MailboxPermission -Identity john@contoso.com -User \"Ayla\"", "Shows Ayla's permissions on John's mailbox.")
            .example("Get-MailboxPermission -Identity Room222 -Owner", "Shows the owner of the resource mailbox Room222.")
            .example(
                "Get-MailboxPermission <MailboxIdentity> | where {$_.AccessRights -like 'Full*'} | Format-Table -Auto User,Deny,IsInherited,AccessRights",
                "Lists who has Full Access.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(identity) = arg_id(args, "Identity") else {
            return Err(missing("Identity"));
        };
        let dir = cx.directory();
        let found = resolve_many(dir, &identity, IDENTITY)?;
        let user_sid = match arg_id(args, "User") {
            Some(u) => Some(dir.resolve_principal(&u.text).map_err(|e| principal_error(&u.text, e))?.sid),
            None => None,
        };
        let owner = args.switch("Owner");
        let hide_unresolved = is_online(dir) && !args.switch("IncludeUnresolvedPermissions");
        let mut out = Vec::new();
        for i in found {
            if owner {
                out.push(owner_object(dir, i, "NT AUTHORITY\\SELF"));
                continue;
            }
            let grants = database_grants(dir, i);
            for ace in dir.recipients[i].mailbox_acl.iter().chain(grants.iter()) {
                if user_sid.as_deref().is_some_and(|s| !s.eq_ignore_ascii_case(&ace.sid)) {
                    continue;
                }
                if hide_unresolved && dir.account_name(&ace.sid) == ace.sid {
                    continue;
                }
                out.push(mailbox_ace(dir, i, ace));
            }
        }
        for v in out {
            cx.output(v);
        }
        Ok(())
    }
}

impl Cmdlet for RemoveMailboxPermission {
    fn signature(&self) -> Signature {
        let sig = Signature::new(
            "Remove-MailboxPermission",
            "Microsoft.Exchange.Management.RecipientTasks.RemoveMailboxPermission",
            Origin::Exchange,
        )
        .synopsis("Removes permissions from a mailbox or mail user.")
        .sets(&["AccessRights", "Instance", "ClearAutoMapping", "ResetDefault"])
        .should_process(ConfirmImpact::High)
        .param(identity_param(&["AccessRights", "ClearAutoMapping", "ResetDefault"]))
        .param(access_rights_param(&["AccessRights", "Instance"], &["AccessRights"]))
        .param(user_param(
            &["AccessRights", "Instance"],
            &["AccessRights"],
            "The user or group whose permission is removed.",
        ))
        .param(
            Param::new("Instance", ParamType::Object)
                .sets(&["Instance"])
                .mandatory()
                .from_pipeline()
                .versions(ON_PREMISES)
                .type_display("MailboxAcePresentationObject")
                .help("A permission object to remove (Get-MailboxPermission output)."),
        )
        .param(
            Param::new("ClearAutoMapping", ParamType::Switch)
                .sets(&["ClearAutoMapping"])
                .mandatory()
                .versions(super::FROM_2016)
                .help("Removes the mailbox from auto-mapping for everyone with Full Access (works only in the cloud)."),
        )
        .param(
            Param::new("ResetDefault", ParamType::Switch)
                .sets(&["ResetDefault"])
                .mandatory()
                .versions(super::FROM_2016)
                .help("Resets the security descriptor so that only the owner keeps Full Access (works only in the cloud)."),
        )
        .param(
            Param::new("BypassMasterAccountSid", ParamType::Switch)
                .sets(&["AccessRights", "ClearAutoMapping"])
                .versions(ONLINE)
                .help("Suppresses the ACE-doesn't-exist error (legacy dedicated environments)."),
        )
        .param(
            Param::new("Deny", ParamType::Switch)
                .sets(&["AccessRights", "Instance"])
                .help("The entry to remove is a Deny entry."),
        )
        .param(
            Param::new("GroupMailbox", ParamType::Switch)
                .sets(&["AccessRights", "Instance"])
                .versions(ONLINE)
                .help("Required for a Microsoft 365 Group mailbox."),
        )
        .param(
            params::inheritance_type().sets(&["AccessRights", "Instance"]),
        )
        .param(
            Param::new("SoftDeletedMailbox", ParamType::Switch)
                .sets(&["AccessRights"])
                .versions(ONLINE)
                .help("Required when the mailbox is soft-deleted."),
        );
        common_tail(sig)
            .example(
                "Remove-MailboxPermission -Identity \"Yuuto Sasaki\" -User \"Pedro Pizarro\" -AccessRights FullAccess -InheritanceType All",
                "Removes Pedro Pizarro's Full Access to Yuuto Sasaki's mailbox.",
            )
            .example("Remove-MailboxPermission -Identity \"HR Project\" -ClearAutoMapping", "Turns off auto-mapping for everyone with Full Access.")
            .example(
                "Remove-MailboxPermission -Identity ayla -User \"Jim Hance\" -AccessRights FullAccess -InheritanceType All",
                "Removes Jim Hance's Full Access to Ayla's mailbox.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let (identity, instance) = identity_and_instance(args);
        let Some(identity) = identity else {
            return Err(missing("Identity"));
        };
        let dir = cx.directory();
        let i = resolve_one(dir, &identity, IDENTITY)?;
        let mailbox_guid = dir.recipients[i].guid.clone();

        if args.switch("ClearAutoMapping") || args.switch("ResetDefault") {
            let reset = args.switch("ResetDefault");
            let action =
                format!("Removing mailbox permission \"{}\" for user \"\" with access rights \"\".", identity.text);
            if !cx.should_process(&action)? || !is_online(cx.directory()) {
                return Ok(());
            }
            let dir = cx.directory();
            let links = dir.recipients[i].delegate_list_link.clone();
            let mut changes: Vec<Change> = links
                .into_iter()
                .map(|user| Change::SetAutoMapping { mailbox: mailbox_guid.clone(), user, enabled: false })
                .collect();
            if reset {
                for a in &dir.recipients[i].mailbox_acl {
                    if !a.inherited && a.sid != "S-1-5-10" {
                        changes.push(Change::RemoveMailboxAce { mailbox: mailbox_guid.clone(), ace: a.clone() });
                    }
                }
            }
            for c in changes {
                cx.apply(c)?;
            }
            return Ok(());
        }

        let req = ace_request(args, instance)?;
        if req.inherited {
            inherited_provided(cx, i);
            return Ok(());
        }
        let Some(user_text) = req.user.clone() else {
            return Err(missing("User"));
        };
        let dir = cx.directory();
        let trustee = dir.resolve_principal(&user_text).map_err(|e| principal_error(&user_text, e))?;
        let bits = req.rights.iter().fold(0, |a, b| a | b);
        let action = format!(
            "Removing mailbox permission \"{}\" for user \"{}\" with access rights \"{}\".",
            identity.text,
            user_text,
            quote_list(&enum_names(&MAILBOX_RIGHTS, &req.rights))
        );
        if !cx.should_process(&action)? {
            return Ok(());
        }
        let dir = cx.directory();
        let acl = &dir.recipients[i].mailbox_acl;
        let same = |a: &MailboxAce| a.sid.eq_ignore_ascii_case(&trustee.sid) && a.rights & bits != 0;
        let explicit = acl
            .iter()
            .find(|a| !a.inherited && same(a) && a.deny == req.deny && a.inheritance == req.inheritance)
            .cloned();
        match explicit {
            Some(found) => {
                let ace = MailboxAce { rights: bits, inherited: false, ..found };
                cx.apply(Change::RemoveMailboxAce { mailbox: mailbox_guid.clone(), ace })?;
                if bits & mr::FULL_ACCESS != 0 && !req.deny {
                    let dir = cx.directory();
                    if let Some(t) = trustee.recipient {
                        let user_guid = dir.recipients[t].guid.clone();
                        if dir.recipients[i].delegate_list_link.iter().any(|g| g.eq_ignore_ascii_case(&user_guid)) {
                            cx.apply(Change::SetAutoMapping {
                                mailbox: mailbox_guid,
                                user: user_guid,
                                enabled: false,
                            })?;
                        }
                    }
                }
            }
            None => {
                let dn = dn_of(dir, i);
                let inherited = acl.iter().find(|a| a.inherited && same(a) && a.deny == req.deny);
                let msg = match inherited.or_else(|| acl.iter().find(|a| a.inherited && same(a))) {
                    Some(inh) => format!(
                        "An inherited access control entry has been specified: [Rights: {}, ControlType: {}]  and was ignored on object \"{dn}\".",
                        AD_RIGHTS.format(inh.rights),
                        if inh.deny { "Deny" } else { "Allow" }
                    ),
                    None => format!(
                        "Can't remove the access control entry on the object \"{dn}\" for account \"{}\" because the ACE doesn't exist on the object.",
                        trustee.account
                    ),
                };
                cx.warning(&msg);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, message, prop, run, s};
    use crate::directory::{ExchangeVersion, RecipientScope};

    fn cx() -> MockContext {
        MockContext::new(ExchangeVersion::Exchange2019)
    }

    const KAREN_DN: &str = "CN=Karen Berg,CN=Users,DC=contoso,DC=com";

    #[test]
    fn get_lists_self_then_inherited_rows() {
        let mut c = cx();
        assert!(run(&GetMailboxPermission, &mut c, &[("Identity", s("karen"))]).is_ok());
        assert_eq!(c.out.len(), 14);
        let first = &c.out[0];
        assert_eq!(first.type_name(), format!("Deserialized.{MAILBOX_ACE_TYPE}"));
        assert_eq!(prop(first, "User"), "NT AUTHORITY\\SELF");
        assert_eq!(prop(first, "AccessRights"), "FullAccess, ReadPermission");
        assert_eq!(prop(first, "IsInherited"), "False");
        assert_eq!(prop(first, "Deny"), "False");
        assert_eq!(prop(first, "InheritanceType"), "All");
        assert_eq!(prop(first, "Identity"), "contoso.com/Users/Karen Berg");
        assert_eq!(prop(&c.out[1], "User"), "CONTOSO\\Administrator");
        assert_eq!(prop(&c.out[1], "Deny"), "True");
        // AccessRights is an array of ONE flags value: -eq 'FullAccess' is false for SELF.
        let rights = first.property("AccessRights").map(|v| v.enumerate()).unwrap_or_default();
        assert_eq!(rights.len(), 1);
        assert!(!crate::value::convert::equals(&rights[0], &Value::str("FullAccess"), false));
        assert!(crate::value::convert::wildcard_match("*FullAccess*", &to_string(&rights[0]), false));
    }

    #[test]
    fn get_online_has_only_self_and_names() {
        let mut c = MockContext::new(ExchangeVersion::Online);
        assert!(run(&GetMailboxPermission, &mut c, &[("Identity", s("karen"))]).is_ok());
        assert_eq!(c.out.len(), 1);
        assert_eq!(prop(&c.out[0], "Identity"), "Karen Berg");
        assert_eq!(prop(&c.out[0], "UserSid"), "S-1-5-10");
        let add = [("Identity", s("karen")), ("User", s("michelle")), ("AccessRights", s("FullAccess"))];
        assert!(run(&AddMailboxPermission, &mut c, &add).is_ok());
        assert_eq!(prop(&c.out[1], "User"), "michelle@contoso.com");
    }

    #[test]
    fn get_user_filter_and_owner() {
        let mut c = cx();
        assert!(run(&GetMailboxPermission, &mut c, &[("Identity", s("karen")), ("User", s("michelle"))]).is_ok());
        assert!(c.out.is_empty() && c.errors.is_empty());
        assert!(
            run(&GetMailboxPermission, &mut c, &[("Identity", s("karen")), ("User", s("NT AUTHORITY\\SELF"))]).is_ok()
        );
        assert_eq!(c.out.len(), 1);
        c.clear();
        assert!(
            run(&GetMailboxPermission, &mut c, &[("Identity", s("karen")), ("Owner", Value::Switch(true))]).is_ok()
        );
        assert_eq!(prop(&c.out[0], "Owner"), "NT AUTHORITY\\SELF");
    }

    #[test]
    fn add_full_access_writes_row_and_automaps() {
        let mut c = cx();
        let add = [("Identity", s("karen")), ("User", s("michelle")), ("AccessRights", s("FullAccess"))];
        assert!(run(&AddMailboxPermission, &mut c, &add).is_ok());
        assert_eq!(c.out.len(), 1);
        assert_eq!(prop(&c.out[0], "User"), "CONTOSO\\michelle");
        assert_eq!(prop(&c.out[0], "AccessRights"), "FullAccess");
        assert_eq!(prop(&c.out[0], "IsInherited"), "False");
        assert!(c.warnings.is_empty());
        assert_eq!(
            c.actions,
            ["Adding Mailbox Permission on 'karen' for User 'michelle' with AccessRights ''FullAccess''."]
        );
        let karen = c.dir.resolve_recipient("karen", RecipientScope::Mailbox).unwrap_or(0);
        let michelle =
            c.dir.recipients[c.dir.resolve_recipient("michelle", RecipientScope::Mailbox).unwrap_or(0)].guid.clone();
        assert_eq!(c.dir.recipients[karen].delegate_list_link, vec![michelle]);
        // The same grant again: warning, no change, the row is still written.
        c.clear();
        assert!(run(&AddMailboxPermission, &mut c, &add).is_ok());
        assert_eq!(
            c.warnings,
            [format!(
                "The appropriate access control entry is already present on the object \"{KAREN_DN}\" for account \"CONTOSO\\michelle\"."
            )]
        );
        assert!(c.changes.is_empty());
        assert_eq!(c.out.len(), 1);
    }

    #[test]
    fn add_without_automapping_and_for_groups() {
        let mut c = cx();
        let add = [
            ("Identity", s("karen")),
            ("User", s("michelle")),
            ("AccessRights", s("FullAccess")),
            ("AutoMapping", Value::Bool(false)),
        ];
        assert!(run(&AddMailboxPermission, &mut c, &add).is_ok());
        let add = [("Identity", s("karen")), ("User", s("Help Desk Agents")), ("AccessRights", s("FullAccess"))];
        assert!(run(&AddMailboxPermission, &mut c, &add).is_ok());
        let karen = c.dir.resolve_recipient("karen", RecipientScope::Mailbox).unwrap_or(0);
        assert!(c.dir.recipients[karen].delegate_list_link.is_empty());
        assert_eq!(prop(&c.out[1], "User"), "CONTOSO\\helpdeskagents");
    }

    #[test]
    fn add_errors() {
        let mut c = cx();
        let e = run(
            &AddMailboxPermission,
            &mut c,
            &[("Identity", s("nobody")), ("User", s("michelle")), ("AccessRights", s("FullAccess"))],
        );
        let e = e.err().map(|e| message(&e)).unwrap_or_default();
        assert_eq!(
            e,
            "The operation couldn't be performed because object 'nobody' couldn't be found on 'DC01.contoso.com'."
        );
        let e = run(
            &AddMailboxPermission,
            &mut c,
            &[("Identity", s("karen")), ("User", s("ghost")), ("AccessRights", s("FullAccess"))],
        );
        match e {
            Err(CmdletError::Exchange { message, category, kind }) => {
                assert_eq!(
                    message,
                    "User or group \"ghost\" wasn't found. Please make sure you've typed it correctly."
                );
                assert_eq!(category, "InvalidData");
                assert_eq!(kind, ExchangeErrorKind::NotFound);
            }
            other => panic!("unexpected {other:?}"),
        }
        let e = run(
            &AddMailboxPermission,
            &mut c,
            &[("Identity", s("karen")), ("User", s("michelle")), ("AccessRights", s("SendAs"))],
        );
        assert_eq!(
            e.err().map(|e| message(&e)).unwrap_or_default(),
            "Setting the Send As permission for the mailbox doesn't work. Add the Send As permission using Add-ADPermission cmdlet."
        );
        let args = [
            ("Identity", s("karen")),
            ("User", s("michelle")),
            ("AccessRights", s("ReadPermission")),
            ("AutoMapping", Value::Bool(true)),
        ];
        assert!(
            message(&run(&AddMailboxPermission, &mut c, &args).err().unwrap_or(missing("x")))
                .starts_with("Setting AutoMapping option to true")
        );
        let e = run(
            &AddMailboxPermission,
            &mut c,
            &[("Identity", s("karen")), ("User", s("michelle")), ("AccessRights", s("Fullaccess,Bogus"))],
        );
        assert!(message(&e.err().unwrap_or(missing("x"))).contains("Unable to match the identifier name Bogus"));
        assert!(c.changes.is_empty());
    }

    #[test]
    fn what_if_changes_nothing() {
        let mut c = cx();
        c.whatif = true;
        let args = [
            ("Identity", s("kim")),
            ("User", s("ben")),
            ("AccessRights", crate::cmdlets::testing::list(&["FullAccess", "ReadPermission"])),
        ];
        let e = run(&AddMailboxPermission, &mut c, &args);
        assert!(e.is_err(), "ben does not exist");
        let args = [
            ("Identity", s("kim")),
            ("User", s("david")),
            ("AccessRights", crate::cmdlets::testing::list(&["FullAccess", "ReadPermission"])),
        ];
        assert!(run(&AddMailboxPermission, &mut c, &args).is_ok());
        assert_eq!(
            c.what_if,
            [
                "What if: Adding Mailbox Permission on 'kim' for User 'david' with AccessRights ''FullAccess', 'ReadPermission''."
            ]
        );
        assert!(c.out.is_empty() && c.changes.is_empty());
        let args = [("Identity", s("kim")), ("User", s("david")), ("AccessRights", s("FullAccess"))];
        assert!(run(&RemoveMailboxPermission, &mut c, &args).is_ok());
        assert_eq!(
            c.what_if[1],
            "What if: Removing mailbox permission \"kim\" for user \"david\" with access rights \"'FullAccess'\"."
        );
    }

    #[test]
    fn remove_paths() {
        let mut c = cx();
        let add = [("Identity", s("karen")), ("User", s("michelle")), ("AccessRights", s("FullAccess"))];
        assert!(run(&AddMailboxPermission, &mut c, &add).is_ok());
        c.clear();
        assert!(run(&RemoveMailboxPermission, &mut c, &add).is_ok());
        assert!(c.out.is_empty() && c.warnings.is_empty());
        let karen = c.dir.resolve_recipient("karen", RecipientScope::Mailbox).unwrap_or(0);
        assert!(c.dir.recipients[karen].delegate_list_link.is_empty());
        assert_eq!(c.dir.recipients[karen].mailbox_acl.len(), 14);
        // Again: the ACE doesn't exist.
        assert!(run(&RemoveMailboxPermission, &mut c, &add).is_ok());
        assert_eq!(
            c.warnings,
            [format!(
                "Can't remove the access control entry on the object \"{KAREN_DN}\" for account \"CONTOSO\\michelle\" because the ACE doesn't exist on the object."
            )]
        );
        // Only an inherited entry matches.
        c.clear();
        let args = [("Identity", s("karen")), ("User", s("Administrator")), ("AccessRights", s("FullAccess"))];
        assert!(run(&RemoveMailboxPermission, &mut c, &args).is_ok());
        assert_eq!(
            c.warnings,
            [format!(
                "An inherited access control entry has been specified: [Rights: CreateChild, Delete, ReadControl, WriteDacl, WriteOwner, ControlType: Allow]  and was ignored on object \"{KAREN_DN}\"."
            )]
        );
        // A piped inherited row.
        c.clear();
        assert!(run(&GetMailboxPermission, &mut c, &[("Identity", s("karen"))]).is_ok());
        let inherited = c.out[2].clone();
        c.out.clear();
        assert!(run(&RemoveMailboxPermission, &mut c, &[("Identity", inherited)]).is_ok());
        assert_eq!(
            c.warnings,
            [format!("An inherited access control entry has been provided and was ignored on object \"{KAREN_DN}\".")]
        );
        assert!(c.changes.is_empty());
    }

    #[test]
    fn remove_piped_explicit_row_and_self_rights() {
        let mut c = cx();
        let add = [("Identity", s("karen")), ("User", s("amy")), ("AccessRights", s("ReadPermission"))];
        assert!(run(&AddMailboxPermission, &mut c, &add).is_ok());
        let row = c.out[0].clone();
        assert!(run(&RemoveMailboxPermission, &mut c, &[("Identity", row)]).is_ok());
        assert_eq!(
            c.actions[1],
            "Removing mailbox permission \"contoso.com/Users/Karen Berg\" for user \"CONTOSO\\amy\" with access rights \"'ReadPermission'\"."
        );
        assert!(c.warnings.is_empty());
        let karen = c.dir.resolve_recipient("karen", RecipientScope::Mailbox).unwrap_or(0);
        assert_eq!(c.dir.recipients[karen].mailbox_acl.len(), 14);
        let args = [("Identity", s("karen")), ("User", s("NT AUTHORITY\\SELF")), ("AccessRights", s("FullAccess"))];
        assert!(run(&RemoveMailboxPermission, &mut c, &args).is_ok());
        assert_eq!(c.dir.recipients[karen].mailbox_acl[0].rights, mr::READ_PERMISSION);
    }

    #[test]
    fn database_grants_show_as_inherited_rows() {
        let mut c = cx();
        c.dir.databases[0].ad_acl.push(crate::directory::AdAce {
            sid: c.dir.recipients[4].sid.clone().unwrap_or_default(),
            rights: crate::directory::rights::ad::EXTENDED_RIGHT,
            extended_rights: vec!["Receive-As".into()],
            properties: Vec::new(),
            deny: false,
            inheritance: Inheritance::All,
            inherited: false,
        });
        assert!(run(&GetMailboxPermission, &mut c, &[("Identity", s("karen")), ("User", s("john"))]).is_ok());
        assert_eq!(c.out.len(), 1);
        assert_eq!(prop(&c.out[0], "IsInherited"), "True");
        assert_eq!(prop(&c.out[0], "AccessRights"), "FullAccess");
        c.clear();
        assert!(run(&GetMailboxPermission, &mut c, &[("Identity", s("kim")), ("User", s("john"))]).is_ok());
        assert!(c.out.is_empty(), "kim is on DB02");
    }

    #[test]
    fn piped_mailbox_binds_identity() {
        let mut c = cx();
        let mbx = super::super::objects::mailbox_object(&c.dir, 1);
        assert!(run(&GetMailboxPermission, &mut c, &[("Identity", mbx)]).is_ok());
        assert_eq!(prop(&c.out[0], "Identity"), "contoso.com/Users/Karen Berg");
    }
}
