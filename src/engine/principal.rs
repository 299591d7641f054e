//! The Windows security principal scripts check before they run: `[Security.Principal.
//! WindowsIdentity]::GetCurrent()`, `[Security.Principal.WindowsPrincipal]` (cast, `New-Object`,
//! `::new`) and `.IsInRole(…)`. exsh runs as the org's `Administrator` account in an elevated
//! session, so the usual "am I an administrator?" check passes; group roles are answered from the
//! org's own group membership. Facts and choices are in docs/reference/host.md.

use super::eval::EvalResult;
use super::{Engine, errors};
use crate::syntax::Span;
use crate::value::{PsObject, Value, convert};

pub(crate) const IDENTITY: &str = "System.Security.Principal.WindowsIdentity";
pub(crate) const PRINCIPAL: &str = "System.Security.Principal.WindowsPrincipal";
const SID_TYPE: &str = "System.Security.Principal.SecurityIdentifier";

/// The BUILTIN groups with the `WindowsBuiltInRole` value (their RID) and whether the elevated
/// Administrator's token holds them: Administrators and Users do; the operator groups, Guests,
/// Power Users and Replicator do not.
const BUILTIN_ROLES: &[(&str, u64, bool)] = &[
    ("Administrators", 544, true),
    ("Users", 545, true),
    ("Guests", 546, false),
    ("Power Users", 547, false),
    ("Account Operators", 548, false),
    ("Server Operators", 549, false),
    ("Print Operators", 550, false),
    ("Backup Operators", 551, false),
    ("Replicator", 552, false),
];

fn is(v: &Value, type_name: &str) -> bool {
    matches!(v, Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| &**t == type_name))
}

fn sid_object(sid: &str) -> Value {
    let mut o = PsObject::new(&[SID_TYPE, "System.Security.Principal.IdentityReference", "System.Object"]);
    let domain = sid.rsplit_once('-').map(|(d, _)| d).filter(|d| d.starts_with("S-1-5-21-"));
    o.set("BinaryLength", Value::Int(if domain.is_some() { 28 } else { 16 }));
    o.set("AccountDomainSid", domain.map(Value::str).unwrap_or(Value::Null));
    o.set("Value", Value::str(sid));
    o.display = Some(sid.into());
    Value::object(o)
}

impl Engine {
    /// The account exsh runs as: `$env:USERDOMAIN\$env:USERNAME` in the org, its SID (the org's
    /// Administrator is `<domain SID>-500`).
    fn current_account(&self) -> (String, String) {
        let domain = self.host.env("USERDOMAIN").unwrap_or_else(|| self.directory.org.netbios.clone());
        let user = self.host.env("USERNAME").unwrap_or_else(|| "Administrator".into());
        let name = format!("{domain}\\{user}");
        let sid = match self.directory.resolve_principal(&name) {
            Ok(t) if !t.sid.is_empty() => t.sid,
            _ => format!("{}-500", self.directory.org.domain_sid),
        };
        (name, sid)
    }

    /// `[Security.Principal.WindowsIdentity]::GetCurrent()`.
    pub(crate) fn current_identity(&self) -> Value {
        let (name, sid) = self.current_account();
        let mut o = PsObject::new(&[IDENTITY, "System.Security.Claims.ClaimsIdentity", "System.Object"]);
        o.set("AuthenticationType", Value::str("Kerberos"));
        o.set("ImpersonationLevel", Value::str("None"));
        o.set("IsAuthenticated", Value::Bool(true));
        o.set("IsGuest", Value::Bool(false));
        o.set("IsSystem", Value::Bool(false));
        o.set("IsAnonymous", Value::Bool(false));
        o.set("Name", Value::str(&name));
        o.set("Owner", sid_object(&sid));
        o.set("User", sid_object(&sid));
        let groups: Vec<Value> = self.directory.group_sids_of(&sid).iter().map(|g| sid_object(g)).collect();
        o.set("Groups", Value::array(groups));
        o.display = Some(IDENTITY.into());
        Value::object(o)
    }

    /// `$principal.IsInRole(role)`: a `WindowsBuiltInRole` or its RID, or a group name
    /// (`BUILTIN\Administrators`, `CONTOSO\Domain Admins`, `Organization Management`).
    fn is_in_role(&self, principal: &Value, role: &Value) -> bool {
        let sid = principal
            .property("Identity")
            .and_then(|i| i.property("User"))
            .and_then(|u| u.property("Value"))
            .map(|v| convert::to_string(&v))
            .unwrap_or_default();
        let builtin = |rid: u64| BUILTIN_ROLES.iter().any(|(_, r, held)| *r == rid && *held);
        match role {
            Value::Enum(e) => builtin(e.bits),
            Value::Int(_) | Value::Long(_) => convert::to_int(role).is_some_and(|r| r >= 0 && builtin(r as u64)),
            _ => {
                let name = convert::to_string(role);
                let local = name.strip_prefix("BUILTIN\\").unwrap_or(&name);
                if let Some((_, rid, _)) = BUILTIN_ROLES.iter().find(|(n, _, _)| n.eq_ignore_ascii_case(local)) {
                    return builtin(*rid);
                }
                match self.directory.resolve_principal(&name) {
                    Ok(t) => !t.sid.is_empty() && self.directory.is_member(&sid, &t.sid),
                    Err(_) => false,
                }
            }
        }
    }

    /// Methods on identities and principals; `None` when `target` is neither.
    pub(crate) fn principal_method(
        &mut self,
        target: &Value,
        name: &str,
        args: &[Value],
        span: Span,
    ) -> Option<EvalResult<Value>> {
        if is(target, PRINCIPAL) && name.eq_ignore_ascii_case("IsInRole") {
            if args.len() != 1 {
                return Some(Err(super::statics::no_overload(self, "IsInRole", args.len(), span)));
            }
            return Some(Ok(Value::Bool(self.is_in_role(target, &args[0]))));
        }
        if is(target, IDENTITY) && name.eq_ignore_ascii_case("Dispose") && args.is_empty() {
            return Some(Ok(Value::Null));
        }
        None
    }

    /// `New-Object Security.Principal.WindowsPrincipal($identity)` / `::new($identity)`.
    pub(crate) fn construct_principal(&self, args: &[Value], span: Span) -> EvalResult<Value> {
        if args.len() != 1 {
            return Err(super::statics::no_overload(self, "new", args.len(), span));
        }
        principal_of(&args[0]).ok_or_else(|| {
            // ExtendedTypeSystem.resx MethodArgumentConversionException.
            let v = &args[0];
            let inner = format!(
                "Cannot convert the \"{}\" value of type \"{}\" to type \"{IDENTITY}\".",
                convert::to_string(v),
                v.type_name()
            );
            let msg = format!(
                "Cannot convert argument \"ntIdentity\", with value: \"{}\", for \"WindowsPrincipal\" to type \"{IDENTITY}\": \"{inner}\"",
                convert::to_string(v)
            );
            errors::runtime(
                msg,
                "MethodArgumentConversionInvalidCastArgument",
                "NotSpecified",
                ":",
                Some(self.position(span)),
            ).with_exception("System.Management.Automation.MethodException").flow()
        })
    }
}

/// A WindowsPrincipal for an identity (or the principal itself); `None` for anything else.
pub(crate) fn principal_of(v: &Value) -> Option<Value> {
    if is(v, PRINCIPAL) {
        return Some(v.clone());
    }
    if !is(v, IDENTITY) {
        return None;
    }
    let mut o = PsObject::new(&[PRINCIPAL, "System.Security.Claims.ClaimsPrincipal", "System.Object"]);
    o.set("Identity", v.clone());
    o.set("Identities", Value::array(vec![v.clone()]));
    o.display = Some(PRINCIPAL.into());
    Some(Value::object(o))
}
