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

impl Directory {
    /// `DC=contoso,DC=com` for the org domain.
    pub fn domain_dn(&self) -> String {
        self.org.domain.split('.').map(|p| format!("DC={p}")).collect::<Vec<_>>().join(",")
    }

    /// `contoso.com/Users/Karen Berg` (a `/` in the name prints as `\/`).
    pub fn canonical_name(&self, r: &Recipient) -> String {
        format!("{}/Users/{}", self.org.domain, r.name.replace('/', "\\/"))
    }

    /// `CN=Karen Berg,CN=Users,DC=contoso,DC=com`.
    pub fn distinguished_name(&self, r: &Recipient) -> String {
        format!("CN={},CN=Users,{}", escape_rdn(&r.name), self.domain_dn())
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

    /// `/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=karen`.
    pub fn legacy_exchange_dn(&self, r: &Recipient) -> String {
        format!("/o={}/ou={ADMIN_GROUP}/cn=Recipients/cn={}", self.org.name, r.alias)
    }
}
