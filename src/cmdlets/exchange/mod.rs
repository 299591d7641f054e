//! The Exchange cmdlets: permissions (mailbox, AD, recipient, folder), Get/Set-Mailbox,
//! Get-Recipient, Get-User and the session no-ops. They read the directory through the
//! [`Context`], mutate it only with `cx.apply(Change::…)` after `cx.should_process` agreed, and
//! report remote warnings and errors with Exchange's exact texts (reference/behavior.md §2).
//!
//! This module holds the helpers every cmdlet shares: identity arguments (strings or piped
//! objects), resolution errors, the quoted lists of What if lines, and version checks.

pub mod ad_permission;
pub mod calendar_processing;
pub mod connection;
pub mod contact;
pub mod database;
pub mod distribution_group;
pub mod exo;
pub mod folder_permission;
pub mod group_member;
pub mod mailbox;
pub mod mailbox_folder;
pub mod mailbox_lifecycle;
pub mod mailbox_permission;
pub mod mailbox_type;
pub mod objects;
pub mod opath;
pub mod opath_schema;
pub mod org_config;
pub mod params;
pub mod permission_audit;
pub mod recipient;
pub mod recipient_objects;
pub mod recipient_permission;
pub mod server;
pub mod session;
pub mod statistics;
pub mod types;
pub mod user;

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, ExchangeErrorKind, IdentityKind};
use crate::directory::{Directory, ExchangeVersion, RecipientScope, ResolveError};
use crate::value::convert::to_string;
use crate::value::{EnumType, Value};

/// Every Exchange cmdlet, alphabetically.
pub fn all() -> Vec<Box<dyn Cmdlet>> {
    let mut v: Vec<Box<dyn Cmdlet>> = vec![
        Box::new(ad_permission::AddAdPermission),
        Box::new(folder_permission::AddMailboxFolderPermission),
        Box::new(mailbox_permission::AddMailboxPermission),
        Box::new(recipient_permission::AddRecipientPermission),
        Box::new(ad_permission::GetAdPermission),
        Box::new(mailbox::GetMailbox),
        Box::new(folder_permission::GetMailboxFolderPermission),
        Box::new(mailbox_permission::GetMailboxPermission),
        Box::new(recipient::GetRecipient),
        Box::new(recipient_permission::GetRecipientPermission),
        Box::new(recipient::GetUser),
        Box::new(ad_permission::RemoveAdPermission),
        Box::new(folder_permission::RemoveMailboxFolderPermission),
        Box::new(mailbox_permission::RemoveMailboxPermission),
        Box::new(recipient_permission::RemoveRecipientPermission),
        Box::new(mailbox::SetMailbox),
        Box::new(folder_permission::SetMailboxFolderPermission),
        Box::new(statistics::GetMailboxFolderStatistics),
        Box::new(statistics::GetMailboxStatistics),
        Box::new(mailbox_folder::GetMailboxFolder),
        Box::new(mailbox_folder::NewMailboxFolder),
        Box::new(calendar_processing::GetCalendarProcessing),
        Box::new(calendar_processing::SetCalendarProcessing),
        Box::new(permission_audit::GetPermissionAudit),
    ];
    v.extend(lifecycle());
    v.extend(recipients());
    v.extend(session::all());
    v.extend(connection::all());
    v.extend(exo::all());
    v.sort_by_key(|a| a.signature().name.to_ascii_lowercase());
    v
}

/// The recipient lifecycle cmdlets: mailboxes, groups, members, databases.
fn lifecycle() -> Vec<Box<dyn Cmdlet>> {
    vec![
        Box::new(group_member::AddDistributionGroupMember),
        Box::new(distribution_group::GetDistributionGroup),
        Box::new(group_member::GetDistributionGroupMember),
        Box::new(database::GetMailboxDatabase),
        Box::new(server::GetExchangeServer),
        Box::new(distribution_group::NewDistributionGroup),
        Box::new(mailbox_lifecycle::NewMailbox),
        Box::new(distribution_group::RemoveDistributionGroup),
        Box::new(group_member::RemoveDistributionGroupMember),
        Box::new(mailbox_lifecycle::RemoveMailbox),
        Box::new(distribution_group::SetDistributionGroup),
    ]
}

/// The recipient cmdlets scripts call around permissions: contacts, mail users, groups, users,
/// accepted domains and the organization configuration.
fn recipients() -> Vec<Box<dyn Cmdlet>> {
    vec![
        Box::new(org_config::GetAcceptedDomain),
        Box::new(contact::GetContact),
        Box::new(org_config::GetGroup),
        Box::new(contact::GetMailContact),
        Box::new(contact::GetMailUser),
        Box::new(org_config::GetOrganizationConfig),
        Box::new(contact::NewMailContact),
        Box::new(contact::NewMailUser),
        Box::new(user::SetUser),
    ]
}

/// On-premises versions (every `ExchangeVersion` but Online), for `.versions(…)`.
pub const ON_PREMISES: &[ExchangeVersion] = &[
    ExchangeVersion::Exchange2010,
    ExchangeVersion::Exchange2013,
    ExchangeVersion::Exchange2016,
    ExchangeVersion::Exchange2019,
];

/// Exchange 2013, 2016 and 2019 (on-premises).
pub const FROM_2013_ON_PREMISES: &[ExchangeVersion] =
    &[ExchangeVersion::Exchange2013, ExchangeVersion::Exchange2016, ExchangeVersion::Exchange2019];

/// Exchange 2016 and 2019 (on-premises).
pub const FROM_2016_ON_PREMISES: &[ExchangeVersion] = &[ExchangeVersion::Exchange2016, ExchangeVersion::Exchange2019];

/// Exchange 2010 only (parameters a later version dropped or renamed).
pub const ONLY_2010: &[ExchangeVersion] = &[ExchangeVersion::Exchange2010];

/// Exchange Online only.
pub const ONLINE: &[ExchangeVersion] = &[ExchangeVersion::Online];

/// Exchange 2016 and later, on-premises and Online.
pub const FROM_2016: &[ExchangeVersion] =
    &[ExchangeVersion::Exchange2016, ExchangeVersion::Exchange2019, ExchangeVersion::Online];

/// Exchange 2013 and later, on-premises and Online.
pub const FROM_2013: &[ExchangeVersion] = &[
    ExchangeVersion::Exchange2013,
    ExchangeVersion::Exchange2016,
    ExchangeVersion::Exchange2019,
    ExchangeVersion::Online,
];

/// Exchange 2019 and Online.
pub const FROM_2019: &[ExchangeVersion] = &[ExchangeVersion::Exchange2019, ExchangeVersion::Online];

/// New-* cmdlets: after ShouldProcess, adds the recipient and writes it as `present` shows it.
pub fn create_recipient(
    cx: &mut dyn crate::cmdlet::Context,
    action: &str,
    r: crate::directory::Recipient,
    present: fn(&Directory, usize) -> Value,
) -> crate::cmdlet::CmdletResult {
    let guid = r.guid.clone();
    if !cx.should_process(action)? {
        return Ok(());
    }
    cx.apply(crate::directory::Change::AddRecipient { recipient: Box::new(r) })?;
    let dir = cx.directory();
    if let Some(i) = dir.recipient_by_guid(&guid) {
        let v = present(dir, i);
        cx.output(v);
    }
    Ok(())
}

/// True when the org behaves as Exchange Online.
pub fn is_online(dir: &Directory) -> bool {
    dir.org.version == ExchangeVersion::Online
}

/// An identity argument: the text as typed (or the piped object's string form) plus, for piped
/// Exchange objects, the Guid that names the object exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdArg {
    /// What error and What if texts print ("as typed").
    pub text: String,
    /// The object's Guid when it came from a piped object.
    pub guid: Option<String>,
}

/// Reads an identity argument from a bound value (a string, or a piped Exchange object).
pub fn id_arg(v: &Value) -> IdArg {
    match v {
        Value::Array(a) => {
            let a = a.borrow();
            match a.first() {
                Some(first) if a.len() == 1 => id_arg(first),
                _ => IdArg { text: to_string(v), guid: None },
            }
        }
        Value::Object(o) => {
            let o = o.borrow();
            let mut guid = None;
            for prop in ["Guid", "ObjectGuid"] {
                if let Some(g) = o.get(prop) {
                    let g = to_string(&g);
                    if !g.is_empty() {
                        guid = Some(g);
                        break;
                    }
                }
            }
            if guid.is_none() {
                // An ACE or folder-permission object names its mailbox through Identity.
                if let Some(id @ Value::Object(_)) = o.get("Identity") {
                    let inner = id_arg(&id);
                    guid = inner.guid;
                }
            }
            let text = match &o.display {
                Some(d) => d.to_string(),
                None => o.get("Identity").map(|i| to_string(&i)).unwrap_or_else(|| to_string(v)),
            };
            IdArg { text, guid }
        }
        other => IdArg { text: to_string(other), guid: None },
    }
}

/// The identity argument of a parameter, if bound and not `$null`.
pub fn arg_id(args: &BoundArgs, name: &str) -> Option<IdArg> {
    match args.get(name) {
        None | Some(Value::Null) => None,
        Some(v) => Some(id_arg(v)),
    }
}

/// What a cmdlet with an `Instance` parameter set was pointed at. The binder puts a piped
/// presentation object (a Get-MailboxPermission or Get-ADPermission row) into `-Instance`,
/// which takes only values; it can also reach `-Identity` by property name, or be passed to
/// either by hand. This is the one place that sorts that out.
#[derive(Debug, Clone, Default)]
pub struct Target {
    /// The object to act on: `-Identity`, else the instance's own Identity (its Guid first).
    pub identity: Option<IdArg>,
    /// The presentation object given, from `-Instance`, or from `-Identity` when it is one.
    pub instance: Option<Value>,
}

impl Target {
    /// Reads `-Identity` and `-Instance`; `is_instance` tells a presentation object of the
    /// cmdlet's family from any other value.
    pub fn of(args: &BoundArgs, is_instance: impl Fn(&Value) -> bool) -> Target {
        let given = |name: &str| args.get(name).filter(|v| !v.is_null());
        let (identity_arg, instance_arg) = (given("Identity"), given("Instance"));
        let instance = instance_arg.filter(|v| is_instance(v)).or(identity_arg.filter(|v| is_instance(v))).cloned();
        let identity = identity_arg.or(instance_arg).map(id_arg);
        Target { identity, instance }
    }

    /// A property of the instance, if one was given and has it (not `$null`).
    pub fn instance_property(&self, name: &str) -> Option<Value> {
        self.instance.as_ref().and_then(|i| i.property(name)).filter(|v| !v.is_null())
    }
}

/// `The operation couldn't be performed because object '<x>' couldn't be found on '<dc>'.`
pub fn not_found(dir: &Directory, typed: &str) -> CmdletError {
    CmdletError::exchange(
        ExchangeErrorKind::NotFound,
        format!(
            "The operation couldn't be performed because object '{typed}' couldn't be found on '{}'.",
            dir.org.domain_controller
        ),
    )
}

/// `The operation couldn't be performed because '<x>' matches multiple entries.`
pub fn ambiguous(typed: &str) -> CmdletError {
    CmdletError::exchange(
        ExchangeErrorKind::Ambiguous,
        format!("The operation couldn't be performed because '{typed}' matches multiple entries."),
    )
}

/// The identity error for a failed `-Identity` resolution.
pub fn identity_error(dir: &Directory, typed: &str, e: ResolveError) -> CmdletError {
    match e {
        ResolveError::NotFound => not_found(dir, typed),
        ResolveError::Ambiguous => ambiguous(typed),
    }
}

/// The error for a `-User` / `-Trustee` / `-Owner` principal that did not resolve (category InvalidData).
pub fn principal_error(typed: &str, e: ResolveError) -> CmdletError {
    match e {
        ResolveError::NotFound => CmdletError::Exchange {
            kind: ExchangeErrorKind::NotFound,
            message: format!("User or group \"{typed}\" wasn't found. Please make sure you've typed it correctly."),
            category: "InvalidData",
        },
        ResolveError::Ambiguous => CmdletError::Exchange {
            kind: ExchangeErrorKind::Ambiguous,
            message: format!(
                "There are multiple users or groups matching the identity \"{typed}\". Please specify a unique value."
            ),
            category: "InvalidData",
        },
    }
}

/// The recipients an identity parameter declared as `kind` names in this org (see
/// [`IdentityKind::recipient_scope`]). Cmdlets resolve through this rather than picking a scope,
/// so the kind their signature declares (which tab completion reads too) drives resolution.
pub fn scope_of(dir: &Directory, kind: IdentityKind) -> RecipientScope {
    kind.recipient_scope(dir.org.version).expect("an identity kind that names recipients")
}

/// Resolves an identity argument of a parameter declared as `kind` to exactly one recipient.
pub fn resolve_one(dir: &Directory, id: &IdArg, kind: IdentityKind) -> Result<usize, CmdletError> {
    let scope = scope_of(dir, kind);
    if let Some(g) = &id.guid
        && let Some(i) = dir.recipient_by_guid(g)
        && scope.includes(dir.recipients[i].kind)
    {
        return Ok(i);
    }
    dir.resolve_recipient(&id.text, scope).map_err(|e| identity_error(dir, &id.text, e))
}

/// Every recipient an identity argument of a parameter declared as `kind` names (Get-* cmdlets
/// write all matches); NotFound when none.
pub fn resolve_many(dir: &Directory, id: &IdArg, kind: IdentityKind) -> Result<Vec<usize>, CmdletError> {
    let scope = scope_of(dir, kind);
    if let Some(g) = &id.guid
        && let Some(i) = dir.recipient_by_guid(g)
        && scope.includes(dir.recipients[i].kind)
    {
        return Ok(vec![i]);
    }
    let found = dir.find_recipients(&id.text, scope);
    if found.is_empty() { Err(not_found(dir, &id.text)) } else { Ok(found) }
}

/// Quotes each element and joins with `, ` (Exchange's `FormatMultiValuedProperty`).
pub fn quote_list<S: AsRef<str>>(items: &[S]) -> String {
    items.iter().map(|s| format!("'{}'", s.as_ref())).collect::<Vec<_>>().join(", ")
}

/// Flattens a bound value into strings (arrays become their elements; `$null` nothing).
pub fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.borrow().iter().flat_map(|x| strings(Some(x))).collect(),
        Some(other) => vec![to_string(other)],
    }
}

/// The enum values of a parameter, one per element (strings are parsed; invalid ones fail with
/// PowerShell's conversion text).
pub fn enum_list(args: &BoundArgs, param: &str, ty: &'static EnumType) -> Result<Vec<u64>, CmdletError> {
    let mut out = Vec::new();
    let items: Vec<Value> = match args.get(param) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.borrow().to_vec(),
        Some(v) => vec![v.clone()],
    };
    for item in items {
        match item {
            Value::Enum(e) if std::ptr::eq(e.ty, ty) => out.push(e.bits),
            other => {
                let text = to_string(&other);
                match ty.parse(&text) {
                    Ok(v) => out.push(v.bits),
                    Err(e) => return Err(conversion_error(param, &text, ty, &e.identifier)),
                }
            }
        }
    }
    Ok(out)
}

/// PowerShell's enum conversion failure for a parameter.
pub fn conversion_error(param: &str, value: &str, ty: &EnumType, ident: &str) -> CmdletError {
    CmdletError::core(
        format!(
            "Cannot process argument transformation on parameter '{param}'. Cannot convert value \"{value}\" to type \"{}\". Error: \"Unable to match the identifier name {ident} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{}\"",
            ty.name,
            ty.names_list()
        ),
        "System.Management.Automation.ParameterBindingArgumentTransformationException",
        "InvalidData",
        &format!("ParameterArgumentTransformationError,{param}"),
    )
}

/// The names of the enum values (each element printed on its own).
pub fn enum_names(ty: &'static EnumType, values: &[u64]) -> Vec<String> {
    values.iter().map(|b| ty.format(*b)).collect()
}

/// An optional boolean parameter (`-AutoMapping $false`), `None` when not given.
pub fn opt_bool(args: &BoundArgs, name: &str) -> Option<bool> {
    args.get(name).map(crate::value::convert::to_bool)
}

/// The principal display a permission row's `User` / `Trustee` prints: the NT account on-premises;
/// on Online the recipient's UPN (or display name), built-in principals by account.
pub fn principal_display(dir: &Directory, sid: &str) -> String {
    if is_online(dir)
        && let Some(i) = dir.recipient_by_sid(sid)
    {
        let r = &dir.recipients[i];
        if let Some(u) = &r.upn {
            return u.clone();
        }
        return if r.display_name.is_empty() { r.name.clone() } else { r.display_name.clone() };
    }
    dir.account_name(sid)
}

/// The string an object's Identity prints: the canonical name on-premises, the Name on Online.
pub fn identity_display(dir: &Directory, i: usize) -> String {
    let r = &dir.recipients[i];
    if is_online(dir) { r.name.clone() } else { dir.canonical_name(r) }
}

/// The ResultSize limit: `None` for Unlimited, else the number (default 1000).
pub fn result_size(args: &BoundArgs) -> Option<usize> {
    match args.get("ResultSize") {
        None | Some(Value::Null) => Some(1000),
        Some(v) => {
            let s = to_string(v);
            if s.eq_ignore_ascii_case("unlimited") {
                None
            } else {
                crate::value::convert::to_int(v).map(|n| n.max(0) as usize).or(Some(1000))
            }
        }
    }
}

/// Applies the ResultSize limit; returns the kept items and, when results were cut, Exchange's
/// warning (written after the results, as Exchange does).
pub fn limit_results<T>(args: &BoundArgs, found: Vec<T>) -> (Vec<T>, Option<&'static str>) {
    limit_results_with(args, found, RPS_DEFAULT_LIMIT_WARNING)
}

/// Writes the objects -ResultSize lets through, then Exchange's warning when results were cut.
pub fn write_limited(cx: &mut dyn crate::cmdlet::Context, args: &BoundArgs, found: Vec<Value>) {
    let (rows, warning) = limit_results(args, found);
    for v in rows {
        cx.output(v);
    }
    if let Some(w) = warning {
        cx.warning(w);
    }
}

/// [`limit_results`] with another text for the default limit's warning (the REST cmdlets word it
/// differently).
pub fn limit_results_with<T>(
    args: &BoundArgs,
    mut found: Vec<T>,
    default_warning: &'static str,
) -> (Vec<T>, Option<&'static str>) {
    let Some(n) = result_size(args) else {
        return (found, None);
    };
    if found.len() <= n {
        return (found, None);
    }
    found.truncate(n);
    let warning = if args.has("ResultSize") {
        "There are more results available than are currently displayed. To view them, increase the value for the ResultSize parameter."
    } else {
        default_warning
    };
    (found, Some(warning))
}

/// The warning when the default limit of 1000 cut the results.
const RPS_DEFAULT_LIMIT_WARNING: &str = "By default only the first 1000 items are returned. Use the ResultSize parameter to specify the number of items returned. To return all items, specify \"-ResultSize Unlimited\". Be aware that, depending on the actual number of items, returning all items can take a long time and consume a large amount of memory. Also, we don't recommend storing the results in a variable. Instead, pipe the results to another task or script to perform batch changes.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_finds_the_instance_wherever_the_binder_put_it() {
        let ace = || {
            let mut o = crate::value::PsObject::new(&[objects::MAILBOX_ACE_TYPE]);
            o.set("Identity", Value::str("contoso.com/Users/Karen Berg"));
            o.set("User", Value::str("CONTOSO\\amy"));
            Value::object(o)
        };
        let is_ace = |v: &Value| objects::is_presentation_object(v, objects::MAILBOX_ACE_TYPE);
        let mut args = BoundArgs::default();
        args.insert("Instance", ace());
        let t = Target::of(&args, is_ace);
        assert_eq!(t.identity.as_ref().map(|i| i.text.as_str()), Some("contoso.com/Users/Karen Berg"));
        assert_eq!(t.instance_property("User").map(|u| to_string(&u)).as_deref(), Some("CONTOSO\\amy"));
        // -Identity wins as the target; a row given to -Identity is still the instance.
        args.insert("Identity", Value::str("karen"));
        assert_eq!(Target::of(&args, is_ace).identity.map(|i| i.text).as_deref(), Some("karen"));
        let mut args = BoundArgs::default();
        args.insert("Identity", ace());
        assert!(Target::of(&args, is_ace).instance.is_some());
        // A plain identity is no instance; $null is nothing.
        let mut args = BoundArgs::default();
        args.insert("Identity", Value::str("karen"));
        args.insert("Instance", Value::Null);
        let t = Target::of(&args, is_ace);
        assert!(t.instance.is_none() && t.identity.is_some());
    }

    #[test]
    fn quoting_and_id_args() {
        assert_eq!(quote_list(&["FullAccess", "ReadPermission"]), "'FullAccess', 'ReadPermission'");
        let id = id_arg(&Value::str("karen"));
        assert_eq!(id, IdArg { text: "karen".into(), guid: None });
        let mut o = crate::value::PsObject::new(&["Deserialized.X"]);
        o.set("Guid", Value::str("abc"));
        o.display = Some("contoso.com/Users/Karen Berg".into());
        let id = id_arg(&Value::object(o));
        assert_eq!(id.guid.as_deref(), Some("abc"));
        assert_eq!(id.text, "contoso.com/Users/Karen Berg");
    }

    #[test]
    fn registry_is_sorted_and_unique() {
        let names: Vec<&str> = all().iter().map(|c| c.signature().name).collect();
        let mut sorted = names.clone();
        sorted.sort_by_key(|a| a.to_ascii_lowercase());
        sorted.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        assert_eq!(names, sorted);
    }
}
