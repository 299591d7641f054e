//! Get-ExchangeServer (Exchange Server only): the organization's one server, EX01, as the org's
//! version reports it (AdminDisplayVersion, ServerRole, ExchangeVersion). Facts and their
//! sources: docs/reference/version-profiles.md.

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Origin, Param, ParamType, Signature};
use crate::directory::{Directory, ExchangeVersion};
use crate::value::{PsObject, Value};

use super::params;
use super::{ON_PREMISES, arg_id, not_found};

/// Get-ExchangeServer.
pub struct GetExchangeServer;

/// The type name of Get-ExchangeServer's objects.
pub const EXCHANGE_SERVER_TYPE: &str = "Microsoft.Exchange.Data.Directory.Management.ExchangeServer";

/// What a version's server reports: AdminDisplayVersion, ServerRole, ExchangeVersion.
fn server_facts(v: ExchangeVersion) -> (&'static str, &'static str, &'static str) {
    match v {
        ExchangeVersion::Exchange2010 => {
            ("Version 14.3 (Build 123.4)", "Mailbox, ClientAccess, HubTransport", "0.1 (14.0.100.0)")
        }
        ExchangeVersion::Exchange2013 => ("Version 15.0 (Build 1497.2)", "Mailbox, ClientAccess", "0.1 (15.0.0.0)"),
        ExchangeVersion::Exchange2016 => ("Version 15.1 (Build 2507.6)", "Mailbox", "0.1 (15.0.0.0)"),
        ExchangeVersion::Exchange2019 | ExchangeVersion::Online => {
            ("Version 15.2 (Build 1544.4)", "Mailbox", "0.1 (15.0.0.0)")
        }
    }
}

fn server_object(dir: &Directory) -> Value {
    let org = &dir.org;
    let (display_version, roles, exchange_version) = server_facts(org.version);
    let display_version = org.update_level.map_or(display_version, |l| l.admin_display_version());
    let mut o = PsObject::new(&[
        &format!("Deserialized.{EXCHANGE_SERVER_TYPE}"),
        "Deserialized.Microsoft.Exchange.Data.Directory.ADLegacyVersionableObject",
        "Deserialized.Microsoft.Exchange.Data.Directory.ADObject",
        "Deserialized.Microsoft.Exchange.Data.Directory.ADRawEntry",
        "Deserialized.Microsoft.Exchange.Data.ConfigurableObject",
        "Deserialized.System.Object",
    ]);
    let fqdn = format!("{}.{}", org.server, org.domain);
    let dn = format!(
        "CN={},CN=Servers,CN={},CN=Administrative Groups,CN={},CN=Microsoft Exchange,CN=Services,CN=Configuration,{}",
        org.server,
        crate::directory::identity::ADMIN_GROUP,
        org.name,
        dir.domain_dn()
    );
    o.set("Name", Value::str(&org.server));
    o.set("Site", Value::str(format!("{}/Configuration/Sites/Default-First-Site-Name", org.domain)));
    o.set("ServerRole", Value::str(roles));
    o.set("Edition", Value::str("Enterprise"));
    o.set("AdminDisplayVersion", Value::str(display_version));
    o.set("Domain", Value::str(&org.domain));
    o.set("Fqdn", Value::str(fqdn));
    o.set("IsExchangeTrialEdition", Value::Bool(false));
    o.set("IsMemberOfCluster", Value::str("No"));
    o.set("ExchangeVersion", Value::str(exchange_version));
    o.set("Identity", Value::str(&org.server));
    o.set("DistinguishedName", Value::str(dn));
    o.display = Some(org.server.clone().into());
    Value::object(o)
}

impl Cmdlet for GetExchangeServer {
    fn signature(&self) -> Signature {
        Signature::new(
            "Get-ExchangeServer",
            "Microsoft.Exchange.Management.SystemConfigurationTasks.GetExchangeServer",
            Origin::Exchange,
        )
        .synopsis("Gets the properties of the Exchange servers.")
        .versions(ON_PREMISES)
        .sets(&["Identity", "Domain"])
        .param(
            Param::new("Identity", ParamType::String)
                .sets(&["Identity"])
                .position(0)
                .from_pipeline()
                .type_display("ServerIdParameter")
                .help("The server: name, GUID, DN or Exchange legacy DN."),
        )
        .param(
            Param::new("Domain", ParamType::String)
                .sets(&["Domain"])
                .mandatory()
                .type_display("Fqdn")
                .help("Only the servers in this domain (FQDN)."),
        )
        .param(params::domain_controller())
        .param(Param::new("Status", ParamType::Switch).help("Adds values read from the server itself."))
        .example("Get-ExchangeServer | Format-List Name,Edition,AdminDisplayVersion", "The build of every server.")
        .example("Get-ExchangeServer -Identity EX01 | Format-List", "All properties of one server.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let org = &dir.org;
        if let Some(id) = arg_id(args, "Identity") {
            let text = id.text.as_str();
            let fqdn = format!("{}.{}", org.server, org.domain);
            let matches = if crate::directory::identity::has_wildcard(text) {
                crate::directory::identity::wildcard_match(text, &org.server)
            } else {
                text.eq_ignore_ascii_case(&org.server) || text.eq_ignore_ascii_case(&fqdn)
            };
            if !matches {
                if crate::directory::identity::has_wildcard(text) {
                    return Ok(());
                }
                return Err(not_found(dir, text));
            }
        }
        if let Some(domain) = args.opt::<String>("Domain")
            && !domain.eq_ignore_ascii_case(&org.domain)
        {
            return Ok(());
        }
        let v = server_object(dir);
        cx.output(v);
        Ok::<(), CmdletError>(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, prop, run, s};

    #[test]
    fn each_profile_reports_its_own_build() {
        for (v, build) in [
            (ExchangeVersion::Exchange2010, "Version 14.3"),
            (ExchangeVersion::Exchange2013, "Version 15.0"),
            (ExchangeVersion::Exchange2016, "Version 15.1"),
            (ExchangeVersion::Exchange2019, "Version 15.2"),
        ] {
            let mut c = MockContext::new(v);
            assert!(run(&GetExchangeServer, &mut c, &[]).is_ok());
            assert!(prop(&c.out[0], "AdminDisplayVersion").starts_with(build), "{v:?}");
        }
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        assert!(run(&GetExchangeServer, &mut c, &[("Identity", s("ex01.contoso.com"))]).is_ok());
        assert_eq!(c.out.len(), 1);
        assert!(run(&GetExchangeServer, &mut c, &[("Identity", s("EX02"))]).is_err());
    }
}
