//! Get-OrganizationConfig, Get-AcceptedDomain and Get-Group: the organization facts and the
//! group list permission scripts read before granting (the org's name, its SMTP domains, whether
//! a group can hold permissions). Contoso's values per profile: docs/reference/recipients.md.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletResult, Context, IdentityKind, Origin, Param, ParamType, Signature};
use crate::value::Value;
use crate::value::convert::to_string;

use super::contact::{identity, query};
use super::params;
use super::recipient::{candidates, common_filters};
use super::recipient_objects::{
    accepted_domain_object, accepted_domains, group_object, organization_config_object, principal_group_guid,
    principal_group_names, principal_group_object,
};
use super::types::RECIPIENT_TYPE_DETAILS;
use super::{ONLINE, arg_id};

/// Get-OrganizationConfig.
pub struct GetOrganizationConfig;
/// Get-AcceptedDomain.
pub struct GetAcceptedDomain;
/// Get-Group.
pub struct GetGroup;

impl Cmdlet for GetOrganizationConfig {
    fn signature(&self) -> Signature {
        Signature::new(
            "Get-OrganizationConfig",
            "Microsoft.Exchange.Management.SystemConfigurationTasks.GetOrganizationConfig",
            Origin::Exchange,
        )
        .synopsis("Gets the configuration of the Exchange organization.")
        .param(params::domain_controller())
        .example("Get-OrganizationConfig", "Shows the organization's configuration.")
        .example("(Get-OrganizationConfig).Name", "Prints the organization's name.")
    }

    fn process(&self, cx: &mut dyn Context, _args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let v = organization_config_object(cx.directory());
        cx.output(v);
        Ok(())
    }
}

impl Cmdlet for GetAcceptedDomain {
    fn signature(&self) -> Signature {
        Signature::new(
            "Get-AcceptedDomain",
            "Microsoft.Exchange.Management.SystemConfigurationTasks.GetAcceptedDomain",
            Origin::Exchange,
        )
        .synopsis("Gets the accepted domains: the SMTP domains the organization receives mail for.")
        .param(
            Param::new("Identity", ParamType::String)
                .position(0)
                .from_pipeline()
                .type_display("AcceptedDomainIdParameter")
                .help("The accepted domain: its name, DN or GUID. Wildcards are allowed."),
        )
        .param(params::domain_controller())
        .param(params::result_size().versions(ONLINE))
        .example("Get-AcceptedDomain", "Lists the organization's accepted domains.")
        .example(
            "Get-AcceptedDomain | Where-Object {$_.Default} | Select-Object -ExpandProperty DomainName",
            "Prints the default accepted domain.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let mut objects: Vec<Value> =
            accepted_domains(dir).iter().map(|(d, default)| accepted_domain_object(dir, d, *default)).collect();
        if let Some(id) = args.get("Identity").filter(|v| !v.is_null()) {
            let text = super::id_arg(id).text;
            let wanted = |v: &Value| {
                ["Name", "DistinguishedName", "Guid"].iter().any(|p| {
                    let value = v.property(p).map(|x| to_string(&x)).unwrap_or_default();
                    crate::directory::identity::wildcard_match(&text, &value)
                })
            };
            objects.retain(wanted);
            if objects.is_empty() {
                return Err(super::not_found(dir, &text));
            }
        }
        super::write_limited(cx, args, objects);
        Ok(())
    }
}

impl Cmdlet for GetGroup {
    fn signature(&self) -> Signature {
        let sig =
            Signature::new("Get-Group", "Microsoft.Exchange.Management.RecipientTasks.GetGroup", Origin::Exchange)
                .synopsis("Gets group objects: distribution groups and security groups, mail-enabled or not.");
        query(
            sig,
            identity(IdentityKind::Group, "The group: name, alias, DN, canonical DN, email address or GUID."),
            Some("Filters by group type: MailUniversalDistributionGroup, MailUniversalSecurityGroup, UniversalSecurityGroup, RoomList…"),
        )
        .example("Get-Group", "Lists every group.")
        .example("Get-Group -Identity \"All Staff\" | Format-List", "Shows one group in detail.")
        .example("Get-Group -Filter \"RecipientTypeDetails -eq 'MailUniversalSecurityGroup'\"", "Lists the mail-enabled security groups.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let id = arg_id(args, "Identity").filter(|id| !id.text.is_empty() || id.guid.is_some());
        // Mail-enabled groups resolve like every GroupIdParameter; the domain's and Exchange's
        // built-in security groups (on-premises) by name, account, SID, DN, canonical name or Guid.
        let (recipients, principals) = match &id {
            None => (candidates(dir, args, IdentityKind::Group)?, builtin_groups(dir)),
            Some(id) => {
                let scope = super::scope_of(dir, IdentityKind::Group);
                let by_guid = id.guid.as_deref().and_then(|g| dir.recipient_by_guid(g));
                let r = match by_guid {
                    Some(i) if scope.includes(dir.recipients[i].kind) => vec![i],
                    _ => dir.find_recipients(&id.text, scope),
                };
                let p: Vec<usize> =
                    builtin_groups(dir).into_iter().filter(|p| principal_matches(dir, *p, id)).collect();
                if r.is_empty() && p.is_empty() {
                    return Err(super::not_found(dir, &id.text));
                }
                (r, p)
            }
        };
        let recipients = common_filters(dir, args, recipients)?;
        let mut objects: Vec<Value> = recipients.iter().map(|i| group_object(dir, *i)).collect();
        objects.extend(principals.iter().map(|p| principal_group_object(dir, *p)));
        if let Some(anr) = args.opt::<String>("Anr") {
            let a = anr.to_lowercase();
            objects.retain(|v| ["Name", "DisplayName"].iter().any(|p| prop_text(v, p).to_lowercase().starts_with(&a)));
        }
        if args.has("RecipientTypeDetails") {
            let wanted = super::enum_list(args, "RecipientTypeDetails", &RECIPIENT_TYPE_DETAILS)?;
            let mask = wanted.iter().fold(0, |a, b| a | b);
            objects.retain(|v| {
                RECIPIENT_TYPE_DETAILS.lookup(&prop_text(v, "RecipientTypeDetails")).unwrap_or(0) & mask != 0
            });
        }
        if let Some(f) = args.get("Filter").filter(|f| !f.is_null()) {
            let filter = super::opath::parse(&to_string(f))?;
            objects.retain(|v| filter.matches_with(&|p: &str| v.property(p)));
        }
        if let Some(key) = args.opt::<String>("SortBy") {
            objects.sort_by(|a, b| {
                let (x, y) = (a.property(&key).unwrap_or(Value::Null), b.property(&key).unwrap_or(Value::Null));
                crate::value::convert::compare(&x, &y, false).unwrap_or(std::cmp::Ordering::Equal)
            });
        }
        super::write_limited(cx, args, objects);
        Ok(())
    }
}

/// A property of an object as text (empty when absent).
fn prop_text(v: &Value, name: &str) -> String {
    v.property(name).map(|x| to_string(&x)).unwrap_or_default()
}

/// The built-in security groups Get-Group lists besides the mail-enabled ones: on-premises the
/// domain's and Exchange's groups; Exchange Online's directory holds none of exsh's principals.
fn builtin_groups(dir: &crate::directory::Directory) -> Vec<usize> {
    if super::is_online(dir) {
        return Vec::new();
    }
    (0..dir.principals.len()).filter(|p| dir.principals[*p].is_group).collect()
}

/// True when a built-in group is what `id` names.
fn principal_matches(dir: &crate::directory::Directory, p: usize, id: &super::IdArg) -> bool {
    use crate::directory::identity::wildcard_match;
    let g = &dir.principals[p];
    let (canonical, dn) = principal_group_names(dir, p);
    let guid = principal_group_guid(dir, p);
    if id.guid.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(&guid)) {
        return true;
    }
    [g.name.as_str(), g.account.as_str(), g.sid.as_str(), canonical.as_str(), dn.as_str(), guid.as_str()]
        .iter()
        .any(|v| wildcard_match(&id.text, v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, message, prop, run, s};
    use crate::directory::ExchangeVersion;

    #[test]
    fn accepted_domains_per_profile() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2016);
        assert!(run(&GetAcceptedDomain, &mut c, &[]).is_ok());
        assert_eq!(c.out.len(), 1);
        assert_eq!(prop(&c.out[0], "DomainName"), "contoso.com");
        assert_eq!(prop(&c.out[0], "Default"), "True");
        let mut c = MockContext::new(ExchangeVersion::Online);
        assert!(run(&GetAcceptedDomain, &mut c, &[]).is_ok());
        let names: Vec<String> = c.out.iter().map(|v| prop(v, "Name")).collect();
        assert_eq!(names, ["contoso.com", "contoso.onmicrosoft.com"]);
        c.clear();
        assert!(run(&GetAcceptedDomain, &mut c, &[("Identity", s("*.onmicrosoft.com"))]).is_ok());
        assert_eq!(c.out.len(), 1);
        let r = run(&GetAcceptedDomain, &mut c, &[("Identity", s("fabrikam.com"))]);
        assert!(r.err().map(|e| message(&e)).unwrap_or_default().contains("object 'fabrikam.com' couldn't be found"));
    }

    #[test]
    fn organization_config_and_groups() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        assert!(run(&GetOrganizationConfig, &mut c, &[]).is_ok());
        assert_eq!(prop(&c.out[0], "Name"), "Contoso");
        let mut c = MockContext::new(ExchangeVersion::Online);
        assert!(run(&GetOrganizationConfig, &mut c, &[]).is_ok());
        assert_eq!(prop(&c.out[0], "Name"), "contoso.onmicrosoft.com");
        c.clear();
        assert!(run(&GetGroup, &mut c, &[]).is_ok());
        let names: Vec<String> = c.out.iter().map(|v| prop(v, "Name")).collect();
        assert_eq!(names, ["Help Desk Agents", "All Staff"]);
        assert_eq!(prop(&c.out[0], "RecipientTypeDetails"), "MailUniversalSecurityGroup");
        assert!(run(&GetGroup, &mut c, &[("Identity", s("karen"))]).is_err());
        // On-premises the built-in security groups are groups too.
        let mut c = MockContext::new(ExchangeVersion::Exchange2013);
        assert!(run(&GetGroup, &mut c, &[("Identity", s("S-1-5-21-3623811015-3361044348-30300820-512"))]).is_ok());
        assert_eq!(prop(&c.out[0], "Name"), "Domain Admins");
        assert_eq!(prop(&c.out[0], "RecipientTypeDetails"), "NonUniversalGroup");
        c.clear();
        assert!(run(&GetGroup, &mut c, &[("Identity", s("*Admins"))]).is_ok());
        assert_eq!(c.out.len(), 2);
    }
}
