//! Get-OrganizationConfig, Get-AcceptedDomain and Get-Group: the organization facts and the
//! group list permission scripts read before granting (the org's name, its SMTP domains, whether
//! a group can hold permissions). Contoso's values per profile: docs/reference/recipients.md.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletResult, Context, IdentityKind, Origin, Param, ParamType, Signature};
use crate::value::Value;
use crate::value::convert::to_string;

use super::contact::{identity, query};
use super::params;
use super::recipient::{candidates, common_filters, write_results};
use super::recipient_objects::{accepted_domain_object, accepted_domains, group_object, organization_config_object};
use super::{ONLINE, limit_results};

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
        let (objects, warning) = limit_results(args, objects);
        for v in objects {
            cx.output(v);
        }
        if let Some(w) = warning {
            cx.warning(w);
        }
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
        let found = common_filters(dir, args, candidates(dir, args, IdentityKind::Group)?)?;
        write_results(cx, args, found, group_object)
    }
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
    }
}
