//! Add-, Get- and Remove-ADPermission (on-premises): ACEs on Active Directory objects —
//! recipients' user and group objects (Send As, WriteProperty…) and mailbox databases (Receive As).

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, ConfirmImpact, Context, ExchangeErrorKind, IdentityKind, Origin,
    Param, ParamType, Signature,
};
use crate::directory::rights::ad;
use crate::directory::{AdAce, AdObject, Change, Directory, Inheritance, OwnerOf};
use crate::value::Value;

use super::objects::{AdTarget, ad_ace_rows, ad_target_dn};
use super::params;
use super::types::{AD_RIGHTS, INHERITANCE, inheritance_from_bits};
use super::{
    IdArg, ON_PREMISES, Target, arg_id, enum_list, enum_names, identity_error, principal_error, quote_list, strings,
};

/// Add-ADPermission.
pub struct AddAdPermission;
/// Get-ADPermission.
pub struct GetAdPermission;
/// Remove-ADPermission.
pub struct RemoveAdPermission;

/// Resolves `-Identity` of the ADPermission cmdlets (a DN or unique name; piped objects by Guid).
fn resolve_target(dir: &Directory, id: &IdArg) -> Result<AdTarget, CmdletError> {
    if let Some(g) = &id.guid {
        if let Some(i) = dir.recipient_by_guid(g) {
            return Ok(AdTarget::Recipient(i));
        }
        let g = g.trim_matches(|c| c == '{' || c == '}');
        if let Some(d) = dir.databases.iter().position(|d| d.guid.eq_ignore_ascii_case(g)) {
            return Ok(AdTarget::Database(d));
        }
    }
    match dir.resolve_ad_object(&id.text) {
        Ok(AdObject::Recipient(i)) => Ok(AdTarget::Recipient(i)),
        Ok(AdObject::Database(d)) => Ok(AdTarget::Database(d)),
        Err(e) => Err(identity_error(dir, &id.text, e)),
    }
}

/// The object's entries as Get-ADPermission lists them: a recipient's own entries, then those it
/// inherits from the domain (strict-rules.md §7); a database's stored entries.
fn acl(dir: &Directory, t: AdTarget) -> Vec<AdAce> {
    match t {
        AdTarget::Recipient(i) => dir.recipient_ad_acl(i),
        AdTarget::Database(d) => dir.databases[d].ad_acl.clone(),
    }
}

fn object_key(dir: &Directory, t: AdTarget) -> String {
    match t {
        AdTarget::Recipient(i) => dir.recipients[i].guid.clone(),
        AdTarget::Database(d) => dir.databases[d].name.clone(),
    }
}

/// The ACEs a set of AD parameters describes: one per extended right, else one for the rights.
struct AdRequest {
    /// The ACEs.
    aces: Vec<AdAce>,
    /// What the What if line lists (AccessRights names, or the extended rights as typed).
    listed: Vec<String>,
}

fn ad_request(cx: &dyn Context, args: &BoundArgs, sid: &str) -> Result<AdRequest, CmdletError> {
    let rights = enum_list(args, "AccessRights", &AD_RIGHTS)?;
    let bits = rights.iter().fold(0, |a, b| a | b);
    if rights.len() > 1 && rights.contains(&ad::GENERIC_ALL) {
        return Err(CmdletError::exchange(
            ExchangeErrorKind::Argument,
            "GenericAll cannot be used with other AccessRights.",
        ));
    }
    let typed_ext = strings(args.get("ExtendedRights"));
    let mut ext = Vec::new();
    for e in &typed_ext {
        match ad::extended_right_name(e) {
            Some(n) => ext.push(n.to_string()),
            None => return Err(super::not_found(cx.directory(), e)),
        }
    }
    let properties = strings(args.get("Properties"));
    let deny = args.switch("Deny");
    let inheritance = match enum_list(args, "InheritanceType", &INHERITANCE)?.first() {
        Some(b) => inheritance_from_bits(*b),
        None => Inheritance::All,
    };
    let base = AdAce {
        sid: sid.to_string(),
        rights: bits,
        extended_rights: Vec::new(),
        properties,
        deny,
        inheritance,
        inherited: false,
    };
    let aces: Vec<AdAce> = if ext.is_empty() {
        if bits == 0 {
            return Err(CmdletError::exchange(
                ExchangeErrorKind::Argument,
                "AccessRights parameter cannot be null or an empty array.",
            ));
        }
        vec![base]
    } else {
        ext.iter()
            .map(|e| AdAce { rights: bits | ad::EXTENDED_RIGHT, extended_rights: vec![e.clone()], ..base.clone() })
            .collect()
    };
    let listed = if rights.is_empty() { typed_ext } else { enum_names(&AD_RIGHTS, &rights) };
    Ok(AdRequest { aces, listed })
}

fn same_ext(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| x.eq_ignore_ascii_case(y)))
}

fn identity_param() -> Param {
    Param::new("Identity", ParamType::Identity(IdentityKind::AdRawEntry))
        .position(0)
        .mandatory_in(&["AccessRights", "Owner"])
        .from_pipeline()
        .from_pipeline_by_name()
        .help(
            "The Active Directory object: its DN, or its name if unique (a mailbox user, group, database, connector…).",
        )
}

fn ace_params(sig: Signature, user_help: &'static str) -> Signature {
    const SETS: &[&str] = &["AccessRights", "Instance"];
    sig.param(
        Param::new("User", ParamType::Identity(IdentityKind::SecurityPrincipal))
            .sets(SETS)
            .mandatory_in(&["AccessRights"])
            .help(user_help),
    )
    .param(
        Param::new("Instance", ParamType::Object)
            .sets(&["Instance"])
            .mandatory()
            .from_pipeline()
            .type_display("ADAcePresentationObject")
            .help("A permission object (Get-ADPermission output)."),
    )
    .param(
        Param::new("AccessRights", ParamType::Enum(&AD_RIGHTS))
            .array()
            .sets(SETS)
            .help("Rights such as ExtendedRight, GenericAll, ReadProperty, WriteProperty, CreateChild, DeleteChild (comma-separated)."),
    )
    .param(
        Param::new("ChildObjectTypes", ParamType::String)
            .array()
            .sets(SETS)
            .type_display("ADSchemaObjectIdParameter[]")
            .help("Object types the ACE applies to (only with CreateChild or DeleteChild)."),
    )
    .param(Param::new("Deny", ParamType::Switch).sets(SETS).help("The entry is a Deny entry."))
    .param(
        Param::new("ExtendedRights", ParamType::String)
            .array()
            .sets(SETS)
            .type_display("ExtendedRightIdParameter[]")
            .help("Extended rights such as \"Send As\" (Send-As), Receive-As, ms-Exch-SMTP-Submit."),
    )
    .param(params::inheritance_type().sets(SETS))
    .param(
        Param::new("InheritedObjectType", ParamType::String)
            .sets(SETS)
            .type_display("ADSchemaObjectIdParameter")
            .help("The object class that inherits the entry."),
    )
    .param(
        Param::new("Properties", ParamType::String)
            .array()
            .sets(SETS)
            .type_display("ADSchemaObjectIdParameter[]")
            .help("Properties the entry is limited to (only with ReadProperty, WriteProperty or Self)."),
    )
}

/// An `OwnerPresentationObject` for an AD object (Get-/Add-ADPermission -Owner).
fn owner_row(dir: &Directory, target: AdTarget, owner: &str) -> Value {
    let mut o = crate::value::PsObject::new(&[
        "Deserialized.Microsoft.Exchange.Management.RecipientTasks.OwnerPresentationObject",
        "Deserialized.System.Object",
    ]);
    o.set("Owner", Value::str(owner));
    o.set("Identity", super::objects::ad_target_id(dir, target));
    o.set("IsValid", Value::Bool(true));
    o.set("ObjectState", Value::str("Unchanged"));
    Value::object(o)
}

fn domain_controller(sig: Signature) -> Signature {
    sig.param(params::domain_controller())
}

/// The target and the piped ADAcePresentationObject, wherever the binder put them.
fn target_of(args: &BoundArgs) -> Target {
    Target::of(args, |v| super::objects::is_presentation_object(v, super::objects::AD_ACE_TYPE))
}

/// `-User`, else the piped entry's User.
fn user_of(args: &BoundArgs, t: &Target) -> Option<IdArg> {
    arg_id(args, "User").or_else(|| t.instance_property("User").map(|u| super::id_arg(&u)))
}

impl Cmdlet for AddAdPermission {
    fn signature(&self) -> Signature {
        let sig = Signature::new(
            "Add-ADPermission",
            "Microsoft.Exchange.Management.RecipientTasks.AddADPermission",
            Origin::Exchange,
        )
        .synopsis("Adds permissions to an Active Directory object.")
        .sets(&["AccessRights", "Owner", "Instance"])
        .versions(ON_PREMISES)
        .should_process(ConfirmImpact::Medium)
        .param(identity_param());
        let sig = ace_params(sig, "The user or group who gets the permission (UPN or domain\\user recommended).")
            .param(
                Param::new("Owner", ParamType::Identity(IdentityKind::SecurityPrincipal))
                    .sets(&["Owner"])
                    .mandatory()
                    .help("Sets the object's owner."),
            );
        domain_controller(sig)
            .example(
                "Add-ADPermission -Identity \"Terry Adams\" -User AaronPainter -AccessRights ExtendedRight -ExtendedRights \"Send As\"",
                "Gives Aaron Painter Send As on Terry Adams's mailbox.",
            )
            .example(
                "Add-AdPermission \"IP Secured Inbound\" -User \"NT AUTHORITY\\ANONYMOUS LOGON\" -ExtendedRights ms-Exch-SMTP-Submit,ms-Exch-SMTP-Accept-Any-Recipient,ms-Exch-Bypass-Anti-Spam",
                "Lets the Receive connector accept anonymous SMTP.",
            )
            .example("Add-ADPermission -Identity \"Helpdesk Support Team\" -User Helpdesk -ExtendedRights \"Send As\"", "Gives Helpdesk Send As on a group.")
            .example(
                "Add-ADPermission -Identity \"Mailbox Database 1900992314\" -User migadmin -ExtendedRights receive-as",
                "Gives migadmin Receive As on every mailbox of the database.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let t = target_of(args);
        let Some(id) = t.identity.clone() else {
            return Ok(());
        };
        let dir = cx.directory();
        let target = resolve_target(dir, &id)?;
        if let Some(owner) = arg_id(args, "Owner") {
            let trustee = dir.resolve_principal(&owner.text).map_err(|e| principal_error(&owner.text, e))?;
            let action = format!("Change the owner of Active Directory object '{}' to '{}'.", id.text, owner.text);
            if !cx.should_process(&action)? {
                return Ok(());
            }
            let object = object_key(cx.directory(), target);
            cx.apply(Change::SetOwner { object, of: OwnerOf::AdObject, owner: trustee.sid.clone() })?;
            let dir = cx.directory();
            let v = owner_row(dir, target, &dir.account_name(&trustee.sid));
            cx.output(v);
            return Ok(());
        }
        let Some(user) = user_of(args, &t) else {
            return Ok(());
        };
        let trustee = dir.resolve_principal(&user.text).map_err(|e| principal_error(&user.text, e))?;
        let req = ad_request(cx, args, &trustee.sid)?;
        let action = format!(
            "Adding Active Directory permission '{}' on '{}' for user or group '{}'.",
            quote_list(&req.listed),
            id.text,
            user.text
        );
        if !cx.should_process(&action)? {
            return Ok(());
        }
        let dir = cx.directory();
        let key = object_key(dir, target);
        let dn = ad_target_dn(dir, target);
        for ace in &req.aces {
            let present = acl(cx.directory(), target).iter().any(|e| {
                !e.inherited
                    && e.sid.eq_ignore_ascii_case(&ace.sid)
                    && e.deny == ace.deny
                    && e.inheritance == ace.inheritance
                    && same_ext(&e.extended_rights, &ace.extended_rights)
                    && same_ext(&e.properties, &ace.properties)
                    && e.rights & ace.rights == ace.rights
            });
            if present {
                cx.warning(&format!(
                    "The appropriate access control entry is already present on the object \"{dn}\" for account \"{}\".",
                    trustee.account
                ));
            } else {
                cx.apply(Change::AddAdAce { object: key.clone(), ace: ace.clone() })?;
            }
        }
        for ace in &req.aces {
            for v in ad_ace_rows(cx.directory(), target, ace) {
                cx.output(v);
            }
        }
        Ok(())
    }
}

impl Cmdlet for GetAdPermission {
    fn signature(&self) -> Signature {
        let sig = Signature::new(
            "Get-ADPermission",
            "Microsoft.Exchange.Management.RecipientTasks.GetADPermission",
            Origin::Exchange,
        )
        .synopsis("Gets the permissions on an Active Directory object.")
        .sets(&["AccessRights", "Owner"])
        .versions(ON_PREMISES)
        .param(identity_param())
        .param(
            Param::new("User", ParamType::Identity(IdentityKind::SecurityPrincipal))
                .sets(&["AccessRights"])
                .help("Returns only the entries of this user or group."),
        )
        .param(Param::new("Owner", ParamType::Switch).sets(&["Owner"]).mandatory().help("Returns the object's owner."));
        domain_controller(sig)
            .example("Get-ADPermission -Identity Ed", "Lists the permissions on the user Ed.")
            .example("Get-ADPermission \"Contoso.com\" -User Chris", "Lists Chris's permissions on the Receive connector Contoso.com.")
            .example(
                "Get-ADPermission -Identity karen | where {$_.ExtendedRights -like 'Send*'} | Format-Table -Auto User,Deny,ExtendedRights",
                "Checks who has Send As.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(id) = arg_id(args, "Identity") else {
            return Ok(());
        };
        let dir = cx.directory();
        let target = resolve_target(dir, &id)?;
        if args.switch("Owner") {
            let stored = match target {
                AdTarget::Recipient(i) => dir.recipients[i].ad_owner.as_deref(),
                AdTarget::Database(d) => dir.databases[d].ad_owner.as_deref(),
            };
            let owner = stored.map_or_else(|| format!("{}\\Domain Admins", dir.org.netbios), |s| dir.account_name(s));
            cx.output(owner_row(dir, target, &owner));
            return Ok(());
        }
        let sid = match arg_id(args, "User") {
            Some(u) => Some(dir.resolve_principal(&u.text).map_err(|e| principal_error(&u.text, e))?.sid),
            None => None,
        };
        let mut out = Vec::new();
        for ace in &acl(dir, target) {
            if sid.as_deref().is_some_and(|s| !s.eq_ignore_ascii_case(&ace.sid)) {
                continue;
            }
            out.extend(ad_ace_rows(dir, target, ace));
        }
        for v in out {
            cx.output(v);
        }
        Ok(())
    }
}

impl Cmdlet for RemoveAdPermission {
    fn signature(&self) -> Signature {
        let sig = Signature::new(
            "Remove-ADPermission",
            "Microsoft.Exchange.Management.RecipientTasks.RemoveADPermission",
            Origin::Exchange,
        )
        .synopsis("Removes permissions from an Active Directory object.")
        .sets(&["AccessRights", "Instance"])
        .versions(ON_PREMISES)
        .should_process(ConfirmImpact::High)
        .param(identity_param());
        domain_controller(ace_params(sig, "The user or group whose permission is removed."))
            .example("Remove-ADPermission -Identity Administrator -User Kim -ExtendedRights \"Send As\"", "Removes Kim's Send As on Administrator.")
            .example(
                "Remove-ADPermission \"IP Secured Inbound\" -User \"NT AUTHORITY\\ANONYMOUS LOGON\" -ExtendedRights ms-Exch-SMTP-Submit,ms-Exch-SMTP-Accept-Any-Recipient,ms-Exch-Bypass-Anti-Spam",
                "Stops the Receive connector accepting anonymous SMTP.",
            )
            .example("Remove-ADPermission -Identity \"James Alvord\" -User pilarp -ExtendedRights \"Send As\"", "Removes pilarp's Send As on James Alvord.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let t = target_of(args);
        let Some(id) = t.identity.clone() else {
            return Ok(());
        };
        let dir = cx.directory();
        let target = resolve_target(dir, &id)?;
        let Some(user) = user_of(args, &t) else {
            return Ok(());
        };
        let trustee = dir.resolve_principal(&user.text).map_err(|e| principal_error(&user.text, e))?;
        let instance_inherited = t.instance_property("IsInherited").is_some_and(|v| crate::value::convert::to_bool(&v));
        let dn = ad_target_dn(dir, target);
        if instance_inherited {
            cx.warning(&format!(
                "An inherited access control entry has been provided and was ignored on object \"{dn}\"."
            ));
            return Ok(());
        }
        let req = ad_request(cx, args, &trustee.sid)?;
        let action = format!(
            "Removing Active Directory permission \"{}\" for user \"{}\" with access rights \"{}\".",
            id.text,
            user.text,
            quote_list(&req.listed)
        );
        if !cx.should_process(&action)? {
            return Ok(());
        }
        let key = object_key(cx.directory(), target);
        for ace in &req.aces {
            let dir = cx.directory();
            let matches = |e: &AdAce| {
                e.sid.eq_ignore_ascii_case(&ace.sid)
                    && e.deny == ace.deny
                    && same_ext(&e.extended_rights, &ace.extended_rights)
                    && same_ext(&e.properties, &ace.properties)
                    && (e.rights & ace.rights != 0)
            };
            let explicit = acl(dir, target).iter().find(|e| !e.inherited && matches(e)).cloned();
            if let Some(found) = explicit {
                let ace = AdAce { inheritance: found.inheritance, ..ace.clone() };
                cx.apply(Change::RemoveAdAce { object: key.clone(), ace })?;
                continue;
            }
            let msg = if let Some(inh) = acl(dir, target).iter().find(|e| e.inherited && matches(e)) {
                format!(
                    "An inherited access control entry has been specified: [Rights: {}, ControlType: {}]  and was ignored on object \"{dn}\".",
                    AD_RIGHTS.format(inh.rights),
                    if inh.deny { "Deny" } else { "Allow" }
                )
            } else if let Some(ext) = ace.extended_rights.first() {
                let guid = ad::EXTENDED_RIGHTS
                    .iter()
                    .find(|(n, _, _)| n.eq_ignore_ascii_case(ext))
                    .map(|(_, _, g)| *g)
                    .unwrap_or("");
                format!(
                    "Can't remove the access control entry on the object \"{dn}\" for attribute \"ExtendedRight (ObjectType: {guid})\" because the ACE isn't present."
                )
            } else if !ace.properties.is_empty() {
                format!(
                    "Can't remove the access control entry on the object \"{dn}\" for attribute \"{}\" because the ACE isn't present.",
                    ace.properties.join(", ")
                )
            } else {
                format!(
                    "Can't remove the access control entry on the object \"{dn}\" for account \"{}\" because the ACE doesn't exist on the object.",
                    trustee.account
                )
            };
            cx.warning(&msg);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, list, message, prop, run, s};
    use crate::directory::ExchangeVersion;

    const KAREN_DN: &str = "CN=Karen Berg,CN=Users,DC=contoso,DC=com";

    fn err_text(r: CmdletResult) -> String {
        r.err().map(|e| message(&e)).unwrap_or_default()
    }

    #[test]
    fn add_send_as_then_duplicate() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let args = [("Identity", s("Karen Berg")), ("User", s("michelle")), ("ExtendedRights", s("Send As"))];
        assert!(run(&AddAdPermission, &mut c, &args).is_ok());
        assert_eq!(
            c.actions,
            ["Adding Active Directory permission ''Send As'' on 'Karen Berg' for user or group 'michelle'."]
        );
        assert_eq!(c.out.len(), 1);
        assert_eq!(prop(&c.out[0], "ExtendedRights"), "Send-As");
        assert_eq!(prop(&c.out[0], "User"), "CONTOSO\\michelle");
        assert_eq!(prop(&c.out[0], "AccessRights"), "ExtendedRight");
        assert_eq!(prop(&c.out[0], "IsInherited"), "False");
        assert_eq!(prop(&c.out[0], "Identity"), "contoso.com/Users/Karen Berg");
        assert_eq!(
            c.out[0].type_name(),
            "Deserialized.Microsoft.Exchange.Management.RecipientTasks.ADAcePresentationObject"
        );
        c.clear();
        let args = [
            ("Identity", s(KAREN_DN)),
            ("User", s("CONTOSO\\michelle")),
            ("AccessRights", s("ExtendedRight")),
            ("ExtendedRights", s("send-as")),
        ];
        assert!(run(&AddAdPermission, &mut c, &args).is_ok());
        assert_eq!(
            c.warnings,
            [format!(
                "The appropriate access control entry is already present on the object \"{KAREN_DN}\" for account \"CONTOSO\\michelle\"."
            )]
        );
        assert!(c.changes.is_empty());
        assert_eq!(c.out.len(), 1);
        assert_eq!(
            c.actions,
            [format!(
                "Adding Active Directory permission ''ExtendedRight'' on '{KAREN_DN}' for user or group 'CONTOSO\\michelle'."
            )]
        );
        c.clear();
        assert!(run(&GetAdPermission, &mut c, &[("Identity", s("Karen Berg")), ("User", s("michelle"))]).is_ok());
        assert_eq!(c.out.len(), 1);
    }

    #[test]
    fn get_lists_self_rights_and_database_rows() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        assert!(run(&GetAdPermission, &mut c, &[("Identity", s("Karen Berg"))]).is_ok());
        let own: Vec<String> =
            c.out.iter().filter(|v| prop(v, "IsInherited") == "False").map(|v| prop(v, "ExtendedRights")).collect();
        assert_eq!(own, ["Send-As", "Receive-As"]);
        assert_eq!(prop(&c.out[0], "User"), "NT AUTHORITY\\SELF");
        // Then the entries the user object inherits from the domain, inherited Deny first.
        assert_eq!(c.out.len(), 10);
        assert_eq!(prop(&c.out[2], "User"), "CONTOSO\\Exchange Trusted Subsystem");
        assert_eq!(prop(&c.out[2], "Deny"), "True");
        assert_eq!(prop(&c.out[9], "User"), "CONTOSO\\Exchange Windows Permissions");
        assert!(c.out[2..].iter().all(|v| prop(v, "IsInherited") == "True"));
        c.clear();
        assert!(run(&GetAdPermission, &mut c, &[("Identity", s("DB01"))]).is_ok());
        assert_eq!(c.out.len(), 6);
        assert_eq!(prop(&c.out[0], "Identity"), "DB01");
        assert_eq!(prop(&c.out[0], "Deny"), "True");
        assert_eq!(prop(&c.out[0], "IsInherited"), "True");
    }

    #[test]
    fn receive_as_on_database_and_multiple_rights() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let args = [
            ("Identity", s("DB01")),
            ("User", s("john")),
            ("ExtendedRights", list(&["Receive-As", "ms-Exch-Store-Admin"])),
        ];
        assert!(run(&AddAdPermission, &mut c, &args).is_ok());
        assert_eq!(c.out.len(), 2);
        assert_eq!(prop(&c.out[1], "ExtendedRights"), "ms-Exch-Store-Admin");
        assert_eq!(c.dir.databases[0].ad_acl.iter().filter(|a| !a.inherited).count(), 2);
        let args = [("Identity", s("Rainer")), ("User", s("john")), ("AccessRights", s("GenericAll,ReadProperty"))];
        assert!(run(&AddAdPermission, &mut c, &args).is_err());
        let args =
            [("Identity", s("karen")), ("User", s("john")), ("AccessRights", list(&["GenericAll", "ReadProperty"]))];
        assert_eq!(
            err_text(run(&AddAdPermission, &mut c, &args)),
            "The operation couldn't be performed because object 'karen' couldn't be found on 'DC01.contoso.com'."
        );
        let args = [
            ("Identity", s("Karen Berg")),
            ("User", s("john")),
            ("AccessRights", list(&["GenericAll", "ReadProperty"])),
        ];
        assert_eq!(
            err_text(run(&AddAdPermission, &mut c, &args)),
            "GenericAll cannot be used with other AccessRights."
        );
        let args = [("Identity", s("Karen Berg")), ("User", s("nobody")), ("ExtendedRights", s("Send As"))];
        assert_eq!(
            err_text(run(&AddAdPermission, &mut c, &args)),
            "User or group \"nobody\" wasn't found. Please make sure you've typed it correctly."
        );
        let args = [
            ("Identity", s("Karen Berg")),
            ("User", s("john")),
            ("AccessRights", s("WriteProperty")),
            ("Properties", s("TargetAddress")),
        ];
        assert!(run(&AddAdPermission, &mut c, &args).is_ok());
        assert_eq!(prop(c.out.last().unwrap_or(&Value::Null), "Properties"), "TargetAddress");
    }

    #[test]
    fn remove_paths() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let args = [("Identity", s("Karen Berg")), ("User", s("michelle")), ("ExtendedRights", s("Send As"))];
        assert!(run(&AddAdPermission, &mut c, &args).is_ok());
        c.clear();
        assert!(run(&RemoveAdPermission, &mut c, &args).is_ok());
        assert!(c.out.is_empty() && c.warnings.is_empty());
        assert_eq!(
            c.actions,
            [
                "Removing Active Directory permission \"Karen Berg\" for user \"michelle\" with access rights \"'Send As'\"."
            ]
        );
        assert!(run(&RemoveAdPermission, &mut c, &args).is_ok());
        assert_eq!(
            c.warnings,
            [format!(
                "Can't remove the access control entry on the object \"{KAREN_DN}\" for attribute \"ExtendedRight (ObjectType: ab721a54-1e2f-11d0-9819-00aa0040529b)\" because the ACE isn't present."
            )]
        );
        c.clear();
        let args = [("Identity", s("Karen Berg")), ("User", s("michelle")), ("AccessRights", s("GenericAll"))];
        assert!(run(&RemoveAdPermission, &mut c, &args).is_ok());
        assert_eq!(
            c.warnings,
            [format!(
                "Can't remove the access control entry on the object \"{KAREN_DN}\" for account \"CONTOSO\\michelle\" because the ACE doesn't exist on the object."
            )]
        );
        c.clear();
        let args = [
            ("Identity", s("DB01")),
            ("User", s("Domain Admins")),
            ("ExtendedRights", s("Receive-As")),
            ("Deny", Value::Switch(true)),
        ];
        assert!(run(&RemoveAdPermission, &mut c, &args).is_ok());
        assert!(c.warnings[0].starts_with("An inherited access control entry has been specified: [Rights: ExtendedRight, ControlType: Deny]  and was ignored"));
        // The default SELF Send-As can be removed.
        c.clear();
        let args = [("Identity", s("Karen Berg")), ("User", s("NT AUTHORITY\\SELF")), ("ExtendedRights", s("Send-As"))];
        assert!(run(&RemoveAdPermission, &mut c, &args).is_ok());
        assert!(c.warnings.is_empty());
        assert_eq!(c.changes.len(), 1);
    }

    #[test]
    fn piped_user_object_binds_identity() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let user = super::super::objects::user_object(&c.dir, 1);
        let args = [("Identity", user), ("User", s("michelle")), ("ExtendedRights", s("Send-As"))];
        assert!(run(&AddAdPermission, &mut c, &args).is_ok());
        assert_eq!(
            c.actions,
            [
                "Adding Active Directory permission ''Send-As'' on 'contoso.com/Users/Karen Berg' for user or group 'michelle'."
            ]
        );
    }
}
