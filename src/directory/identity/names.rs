//! The names objects print as: distinguished names, canonical names, LegacyExchangeDN.

use super::ADMIN_GROUP;
use crate::directory::Directory;
use crate::directory::model::{Database, Recipient};

/// Escapes an RDN value for a distinguished name (RFC 4514 specials).
pub(super) fn escape_rdn(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        let special = matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=')
            || (i == 0 && (c == '#' || c == ' '))
            || (i == last && c == ' ');
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The OU under which Exchange Online keeps every tenant's objects.
const HOSTED_ORGANIZATIONS: &str = "Microsoft Exchange Hosted Organizations";

impl Directory {
    /// `DC=contoso,DC=com` for the org domain.
    pub fn domain_dn(&self) -> String {
        self.org.domain.split('.').map(|p| format!("DC={p}")).collect::<Vec<_>>().join(",")
    }

    /// Exchange Online: the tenant's initial domain, `contoso.onmicrosoft.com`.
    pub fn tenant_domain(&self) -> String {
        format!("{}.onmicrosoft.com", self.org.name.to_ascii_lowercase())
    }

    /// Exchange Online: the directory forest the tenant lives in, `NAMPR04A003.PROD.OUTLOOK.COM`
    /// (the domain controller's domain).
    fn hosted_forest(&self) -> Option<&str> {
        if self.org.version.is_on_premises() {
            return None;
        }
        self.org.domain_controller.split_once('.').map(|(_, forest)| forest)
    }

    /// Where recipients live, as a canonical name: `contoso.com/Users` on-premises,
    /// `NAMPR04A003.PROD.OUTLOOK.COM/Microsoft Exchange Hosted Organizations/contoso.onmicrosoft.com`
    /// in Exchange Online.
    pub fn users_container(&self) -> String {
        match self.hosted_forest() {
            Some(forest) => format!("{forest}/{HOSTED_ORGANIZATIONS}/{}", self.tenant_domain()),
            None => format!("{}/Users", self.org.domain),
        }
    }

    /// The same container as a distinguished name: `CN=Users,DC=contoso,DC=com`, or
    /// `OU=contoso.onmicrosoft.com,OU=Microsoft Exchange Hosted Organizations,DC=NAMPR04A003,…`.
    pub fn users_container_dn(&self) -> String {
        match self.hosted_forest() {
            Some(forest) => {
                let dcs: Vec<String> = forest.split('.').map(|p| format!("DC={p}")).collect();
                format!("OU={},OU={HOSTED_ORGANIZATIONS},{}", self.tenant_domain(), dcs.join(","))
            }
            None => format!("CN=Users,{}", self.domain_dn()),
        }
    }

    /// `contoso.com/Users/Karen Berg` (a `/` in the name prints as `\/`); Online under the
    /// hosted organization.
    pub fn canonical_name(&self, r: &Recipient) -> String {
        format!("{}/{}", self.users_container(), r.name.replace('/', "\\/"))
    }

    /// `CN=Karen Berg,CN=Users,DC=contoso,DC=com`; Online under the hosted organization.
    pub fn distinguished_name(&self, r: &Recipient) -> String {
        format!("CN={},{}", escape_rdn(&r.name), self.users_container_dn())
    }

    /// A new recipient's proxy addresses: the primary SMTP address, and in Exchange Online also
    /// the tenant's routing address `alias@contoso.onmicrosoft.com` (not for mail contacts).
    pub fn new_proxy_addresses(&self, alias: &str, primary_smtp: &str, contact: bool) -> Vec<String> {
        let mut out = vec![format!("SMTP:{primary_smtp}")];
        if !self.org.version.is_on_premises() && !contact {
            let routing = format!("{alias}@{}", self.tenant_domain());
            if !routing.eq_ignore_ascii_case(primary_smtp) {
                out.push(format!("smtp:{routing}"));
            }
        }
        out
    }

    /// `CN=DB01,CN=Databases,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),…,DC=contoso,DC=com`.
    pub fn database_dn(&self, db: &Database) -> String {
        format!(
            "CN={},CN=Databases,CN={ADMIN_GROUP},CN=Administrative Groups,CN={},CN=Microsoft Exchange,CN=Services,CN=Configuration,{}",
            escape_rdn(&db.name),
            escape_rdn(&self.org.name),
            self.domain_dn()
        )
    }

    /// `/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=karen`;
    /// Exchange Online: `/o=ExchangeLabs/ou=…/cn=Recipients/cn=<32 hex digits>-karen`, the hex
    /// digits taken from the recipient's Guid.
    pub fn legacy_exchange_dn(&self, r: &Recipient) -> String {
        if self.org.version.is_on_premises() {
            format!("/o={}/ou={ADMIN_GROUP}/cn=Recipients/cn={}", self.org.name, r.alias)
        } else {
            let hex: String = r.guid.chars().filter(char::is_ascii_hexdigit).collect::<String>().to_ascii_lowercase();
            format!("/o={}/ou={ADMIN_GROUP}/cn=Recipients/cn={hex}-{}", Self::ONLINE_LEGACY_ORG, r.alias)
        }
    }

    /// The organization every Exchange Online LegacyExchangeDN names.
    pub(crate) const ONLINE_LEGACY_ORG: &'static str = "ExchangeLabs";
}
