//! Add-, Get- and Remove-MailboxPermission: the mailbox security descriptor (Full Access and the
//! other MailboxRights), plus auto-mapping links for Full Access grants to user mailboxes.
//! This module has the shared parameters and ACE request parsing; `add`, `get` and `remove` hold
//! one cmdlet each.

mod add;
mod get;
mod remove;
#[cfg(test)]
mod tests;

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, ConfirmImpact, Context, ExchangeErrorKind, IdentityKind, Origin,
    Param, ParamType, Signature,
};
use crate::directory::rights::mailbox as mr;
use crate::directory::{Change, Directory, Inheritance, MailboxAce, OwnerOf, Trustee};
use crate::value::convert::{to_bool, to_string};
use crate::value::{PsObject, Value};

use super::objects::{MAILBOX_ACE_TYPE, mailbox_ace, owner_object};
use super::params;
use super::types::{AD_RIGHTS, INHERITANCE, MAILBOX_RIGHTS, inheritance_from_bits};
use super::{
    FROM_2016, IdArg, ON_PREMISES, ONLINE, Target, arg_id, enum_list, enum_names, is_online, opt_bool, principal_error,
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
    params::mailbox_identity(IDENTITY).mandatory_in(mandatory_in)
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
    super::objects::is_presentation_object(v, MAILBOX_ACE_TYPE)
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
    let t = Target::of(args, is_ace_object);
    let instance = match &t.instance {
        Some(Value::Object(o)) => Some(ace_from_object(&o.borrow())),
        _ => None,
    };
    (t.identity, instance)
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

/// An entry to add or remove, as Add- and Remove-MailboxPermission both read it: the request
/// (from the arguments over a piped row), the trustee as typed and resolved, and the rights bits.
/// `None` when the piped row is an inherited entry (warned about and ignored).
struct Requested {
    req: AceRequest,
    user_text: String,
    trustee: Trustee,
    bits: u64,
}

fn requested(
    cx: &mut dyn Context,
    args: &BoundArgs,
    instance: Option<AceRequest>,
    i: usize,
) -> Result<Option<Requested>, CmdletError> {
    let req = ace_request(args, instance)?;
    if req.inherited {
        inherited_provided(cx, i);
        return Ok(None);
    }
    let Some(user_text) = req.user.clone() else {
        return Err(missing("User"));
    };
    let trustee = cx.directory().resolve_principal(&user_text).map_err(|e| principal_error(&user_text, e))?;
    let bits = req.rights.iter().fold(0, |a, b| a | b);
    Ok(Some(Requested { req, user_text, trustee, bits }))
}

fn inherited_provided(cx: &mut dyn Context, i: usize) {
    let dn = dn_of(cx.directory(), i);
    cx.warning(&format!("An inherited access control entry has been provided and was ignored on object \"{dn}\"."));
}

/// The mailbox security descriptor's owner as Get-MailboxPermission -Owner prints it (an NT
/// account): the one Add-MailboxPermission -Owner set, else `NT AUTHORITY\SELF`.
fn mailbox_owner(dir: &Directory, i: usize) -> String {
    dir.recipients[i].mailbox_owner.as_deref().map_or_else(|| "NT AUTHORITY\\SELF".to_string(), |s| dir.account_name(s))
}

/// `ApplyDelegationInternal` (strict-rules.md §5): a Full Access trustee whose RecipientType is
/// UserMailbox (any of the four mailbox kinds; `NT AUTHORITY\SELF` stands for the mailbox itself)
/// is added to (or, with `remove`, taken from) the mailbox's delegate list (msExchDelegateListLink),
/// each step reported on the verbose stream; any other trustee only gets the "isn't a user
/// mailbox" line. Returns the linked user's Guid when the trustee is a mailbox.
fn apply_delegation(
    cx: &mut dyn Context,
    i: usize,
    trustee: &Trustee,
    user_text: &str,
    remove: bool,
) -> Result<Option<String>, CmdletError> {
    let dir = cx.directory();
    let delegate = if trustee.sid == SELF_SID { Some(i) } else { trustee.recipient };
    let Some(t) = delegate.filter(|t| dir.recipients[*t].kind.is_mailbox()) else {
        cx.verbose(&format!("{user_text} isn't a user mailbox. Delegation didn't changed."));
        return Ok(None);
    };
    let (who, of) = (super::identity_display(dir, t), super::identity_display(dir, i));
    let (mailbox, user) = (dir.recipients[i].guid.clone(), dir.recipients[t].guid.clone());
    let linked = dir.recipients[i].delegate_list_link.iter().any(|g| g.eq_ignore_ascii_case(&user));
    let message = match (remove, linked) {
        (false, false) => format!("{who} is added as a mailbox delegate of {of}."),
        (false, true) => format!("{who} is already a mailbox delegate of {of}. It wasn't added."),
        (true, true) => format!("{who} is removed from mailbox delegates of {of}."),
        (true, false) => format!("{who} isn't a mailbox delegate of {of}. It wasn't removed."),
    };
    if remove == linked {
        cx.apply(Change::SetAutoMapping { mailbox, user: user.clone(), enabled: !remove })?;
    }
    cx.verbose(&message);
    Ok(Some(user))
}

/// `NT AUTHORITY\SELF`.
const SELF_SID: &str = "S-1-5-10";
