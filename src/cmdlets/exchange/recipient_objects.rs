//! Presentation objects of the recipient cmdlets scripts call around permissions: mail contacts
//! (Get-/New-MailContact), contacts (Get-Contact), mail users (Get-MailUser), groups (Get-Group),
//! accepted domains and the organization configuration. Properties follow Exchange's classes
//! (docs/reference/recipients.md); values exsh does not model print as Exchange's defaults.

use crate::directory::{Directory, RecipientKind};
use crate::value::{PsObject, Value};

use super::is_online;
use super::objects::{custom_attributes, deserialized, identity_tail, recipient_ids, strs};
use super::types::{RECIPIENT_TYPE, RECIPIENT_TYPE_DETAILS, enum_value, recipient_type, recipient_type_details};

/// `Microsoft.Exchange.Data.Directory.Management.MailContact`.
pub const MAIL_CONTACT_TYPE: &str = "Microsoft.Exchange.Data.Directory.Management.MailContact";
/// `Microsoft.Exchange.Data.Directory.Management.Contact`.
pub const CONTACT_TYPE: &str = "Microsoft.Exchange.Data.Directory.Management.Contact";
/// `Microsoft.Exchange.Data.Directory.Management.MailUser`.
pub const MAIL_USER_TYPE: &str = "Microsoft.Exchange.Data.Directory.Management.MailUser";
/// `Microsoft.Exchange.Data.Directory.Management.WindowsGroup` (Get-Group).
pub const WINDOWS_GROUP_TYPE: &str = "Microsoft.Exchange.Data.Directory.Management.WindowsGroup";
/// `Microsoft.Exchange.Data.Directory.SystemConfiguration.AcceptedDomain`.
pub const ACCEPTED_DOMAIN_TYPE: &str = "Microsoft.Exchange.Data.Directory.SystemConfiguration.AcceptedDomain";
/// `Microsoft.Exchange.Data.Directory.Management.OrganizationConfig`.
pub const ORGANIZATION_CONFIG_TYPE: &str = "Microsoft.Exchange.Data.Directory.Management.OrganizationConfig";

const NULL_GUID: &str = "00000000-0000-0000-0000-000000000000";

/// The base classes of a mail-enabled recipient presentation object, most derived first.
fn mail_enabled(most_derived: &str, middle: &str) -> PsObject {
    deserialized(&[
        most_derived,
        middle,
        "Microsoft.Exchange.Data.Directory.Management.MailEnabledRecipient",
        "Microsoft.Exchange.Data.Directory.ADPresentationObject",
        "Microsoft.Exchange.Data.Directory.ADObject",
        "Microsoft.Exchange.Data.Directory.ADRawEntry",
        "Microsoft.Exchange.Data.ConfigurableObject",
        "System.Object",
    ])
}

/// The properties a mail contact and a mail user share (`MailEnabledRecipient` and the
/// external address), in Exchange's order.
fn mail_recipient_properties(dir: &Directory, i: usize, o: &mut PsObject) {
    let r = &dir.recipients[i];
    o.set("ExternalEmailAddress", r.external_email.as_deref().map(Value::str).unwrap_or(Value::Null));
    o.set("MacAttachmentFormat", Value::str("BinHex"));
    o.set("MessageBodyFormat", Value::str("TextAndHtml"));
    o.set("MessageFormat", Value::str("Mime"));
    o.set("UsePreferMessageFormat", Value::Bool(false));
    o.set("AcceptMessagesOnlyFrom", Value::array(Vec::new()));
    o.set("AcceptMessagesOnlyFromDLMembers", Value::array(Vec::new()));
    o.set("AcceptMessagesOnlyFromSendersOrMembers", Value::array(Vec::new()));
    o.set("AddressListMembership", Value::array(Vec::new()));
    o.set("Alias", Value::str(&r.alias));
    o.set("OrganizationalUnit", Value::str(dir.users_container()));
    custom_attributes(o);
    o.set("DisplayName", Value::str(&r.display_name));
    o.set("EmailAddresses", strs(&r.email_addresses));
    o.set("GrantSendOnBehalfTo", recipient_ids(dir, &r.grant_send_on_behalf_to));
    o.set("HiddenFromAddressListsEnabled", Value::Bool(r.hidden));
    o.set("LegacyExchangeDN", Value::str(dir.legacy_exchange_dn(r)));
    o.set("MaxSendSize", Value::str("Unlimited"));
    o.set("MaxReceiveSize", Value::str("Unlimited"));
    o.set("ModeratedBy", Value::array(Vec::new()));
    o.set("ModerationEnabled", Value::Bool(false));
    o.set("EmailAddressPolicyEnabled", Value::Bool(!is_online(dir)));
    o.set("PrimarySmtpAddress", Value::str(&r.primary_smtp));
    o.set("RecipientType", recipient_type(r.kind));
    o.set("RecipientTypeDetails", recipient_type_details(r.kind));
    o.set("RejectMessagesFrom", Value::array(Vec::new()));
    o.set("RejectMessagesFromDLMembers", Value::array(Vec::new()));
    o.set("RejectMessagesFromSendersOrMembers", Value::array(Vec::new()));
    o.set("RequireSenderAuthenticationEnabled", Value::Bool(false));
    o.set("SimpleDisplayName", Value::str(""));
    o.set("SendModerationNotifications", Value::str("Always"));
    o.set("WindowsEmailAddress", Value::str(&r.primary_smtp));
    o.set("MailTip", Value::Null);
    o.set("ExternalDirectoryObjectId", Value::str(if is_online(dir) { r.guid.clone() } else { String::new() }));
}

/// A `MailContact` object (Get-MailContact, New-MailContact).
pub fn mail_contact_object(dir: &Directory, i: usize) -> Value {
    let mut o = mail_enabled(MAIL_CONTACT_TYPE, "Microsoft.Exchange.Data.Directory.Management.MailEnabledOrgPerson");
    mail_recipient_properties(dir, i, &mut o);
    identity_tail(dir, i, &mut o, "contact");
    Value::object(o)
}

/// A `MailUser` object (Get-MailUser): a mail contact's properties plus the account's.
pub fn mail_user_object(dir: &Directory, i: usize) -> Value {
    let r = &dir.recipients[i];
    let mut o = mail_enabled(MAIL_USER_TYPE, "Microsoft.Exchange.Data.Directory.Management.MailEnabledOrgPerson");
    o.set("ArchiveGuid", Value::str(NULL_GUID));
    o.set("ExchangeGuid", Value::str(r.exchange_guid.clone().unwrap_or_else(|| NULL_GUID.into())));
    o.set("SamAccountName", Value::str(&r.alias));
    o.set("UserPrincipalName", Value::str(r.upn.clone().unwrap_or_default()));
    o.set("WindowsLiveID", Value::str(if is_online(dir) { r.upn.clone().unwrap_or_default() } else { String::new() }));
    o.set(
        "MicrosoftOnlineServicesID",
        Value::str(if is_online(dir) { r.upn.clone().unwrap_or_default() } else { String::new() }),
    );
    o.set("Sid", Value::str(r.sid.clone().unwrap_or_default()));
    mail_recipient_properties(dir, i, &mut o);
    identity_tail(dir, i, &mut o, "user");
    Value::object(o)
}

/// A `Contact` object (Get-Contact): the person data of a contact, no mail properties.
pub fn contact_object(dir: &Directory, i: usize) -> Value {
    let r = &dir.recipients[i];
    let mut o = deserialized(&[
        CONTACT_TYPE,
        "Microsoft.Exchange.Data.Directory.Management.OrgPerson",
        "Microsoft.Exchange.Data.Directory.ADPresentationObject",
        "Microsoft.Exchange.Data.Directory.ADObject",
        "Microsoft.Exchange.Data.Directory.ADRawEntry",
        "Microsoft.Exchange.Data.ConfigurableObject",
        "System.Object",
    ]);
    o.set("AssistantName", Value::str(""));
    o.set("City", Value::str(""));
    o.set("Company", Value::str(""));
    o.set("CountryOrRegion", Value::Null);
    o.set("Department", Value::str(&r.department));
    o.set("DisplayName", Value::str(&r.display_name));
    o.set("FirstName", Value::str(&r.first_name));
    o.set("Initials", Value::str(""));
    o.set("LastName", Value::str(&r.last_name));
    o.set("Manager", Value::Null);
    o.set("Notes", Value::str(""));
    o.set("Office", Value::str(""));
    o.set("Phone", Value::str(""));
    o.set("Title", Value::str(&r.title));
    o.set("OrganizationalUnit", Value::str(dir.users_container()));
    o.set("RecipientType", recipient_type(r.kind));
    o.set("RecipientTypeDetails", recipient_type_details(r.kind));
    o.set("WindowsEmailAddress", Value::str(&r.primary_smtp));
    identity_tail(dir, i, &mut o, "contact");
    Value::object(o)
}

/// A `WindowsGroup` object (Get-Group) of a mail-enabled group.
pub fn group_object(dir: &Directory, i: usize) -> Value {
    let r = &dir.recipients[i];
    let security = r.kind == RecipientKind::MailUniversalSecurityGroup;
    let mut o = deserialized(&[
        WINDOWS_GROUP_TYPE,
        "Microsoft.Exchange.Data.Directory.ADPresentationObject",
        "Microsoft.Exchange.Data.Directory.ADObject",
        "Microsoft.Exchange.Data.Directory.ADRawEntry",
        "Microsoft.Exchange.Data.ConfigurableObject",
        "System.Object",
    ]);
    o.set("DisplayName", Value::str(&r.display_name));
    o.set("GroupType", Value::str(if security { "Universal, SecurityEnabled" } else { "Universal" }));
    o.set("ManagedBy", recipient_ids(dir, &r.managed_by));
    o.set("SamAccountName", Value::str(&r.alias));
    o.set("Sid", Value::str(r.sid.clone().unwrap_or_default()));
    o.set("SidHistory", Value::array(Vec::new()));
    o.set("SimpleDisplayName", Value::str(""));
    o.set("RecipientType", recipient_type(r.kind));
    o.set("RecipientTypeDetails", recipient_type_details(r.kind));
    o.set("WindowsEmailAddress", Value::str(&r.primary_smtp));
    o.set("Notes", Value::str(""));
    o.set("Members", recipient_ids(dir, &r.members));
    o.set("PhoneticDisplayName", Value::str(""));
    o.set("SeniorityIndex", Value::Null);
    o.set("IsHierarchicalGroup", Value::Bool(false));
    o.set("IsSecurityPrincipal", Value::Bool(security));
    identity_tail(dir, i, &mut o, "group");
    Value::object(o)
}

/// The Exchange security groups Setup creates (in `OU=Microsoft Exchange Security Groups`).
const EXCHANGE_GROUPS: &[&str] =
    &["Organization Management", "Exchange Servers", "Exchange Trusted Subsystem", "Managed Availability Servers"];

/// Where a built-in (not mail-enabled) group lives: `(canonical name, DN)`. Domain Admins and
/// Enterprise Admins are in the Users container; Exchange's groups in their own OU.
pub fn principal_group_names(dir: &Directory, p: usize) -> (String, String) {
    let name = &dir.principals[p].name;
    if EXCHANGE_GROUPS.iter().any(|g| g.eq_ignore_ascii_case(name)) {
        (
            format!("{}/Microsoft Exchange Security Groups/{name}", dir.org.domain),
            format!("CN={name},OU=Microsoft Exchange Security Groups,{}", dir.domain_dn()),
        )
    } else {
        (format!("{}/{name}", dir.users_container()), format!("CN={name},{}", dir.users_container_dn()))
    }
}

/// The fixed Guid exsh gives a built-in group (principals have no Guid in the model).
pub fn principal_group_guid(dir: &Directory, p: usize) -> String {
    dir.derive_guid(&format!("group|{}", dir.principals[p].sid))
}

/// A `WindowsGroup` object of a built-in security group (Domain Admins, Organization Management…):
/// Domain Admins is a global group (`NonUniversalGroup`), Organization Management a role group,
/// the others universal security groups.
pub fn principal_group_object(dir: &Directory, p: usize) -> Value {
    let g = &dir.principals[p];
    let (canonical, dn) = principal_group_names(dir, p);
    let global = g.name.eq_ignore_ascii_case("Domain Admins");
    let details = if global {
        "NonUniversalGroup"
    } else if g.name.eq_ignore_ascii_case("Organization Management") {
        "RoleGroup"
    } else {
        "UniversalSecurityGroup"
    };
    let mut o = deserialized(&[
        WINDOWS_GROUP_TYPE,
        "Microsoft.Exchange.Data.Directory.ADPresentationObject",
        "Microsoft.Exchange.Data.Directory.ADObject",
        "Microsoft.Exchange.Data.Directory.ADRawEntry",
        "Microsoft.Exchange.Data.ConfigurableObject",
        "System.Object",
    ]);
    o.set("DisplayName", Value::str(&g.name));
    o.set("GroupType", Value::str(if global { "Global, SecurityEnabled" } else { "Universal, SecurityEnabled" }));
    o.set("ManagedBy", Value::array(Vec::new()));
    o.set("SamAccountName", Value::str(&g.name));
    o.set("Sid", Value::str(&g.sid));
    o.set("SidHistory", Value::array(Vec::new()));
    o.set("SimpleDisplayName", Value::str(""));
    o.set("RecipientType", enum_value(&RECIPIENT_TYPE, RECIPIENT_TYPE.lookup("Group").unwrap_or(0)));
    o.set(
        "RecipientTypeDetails",
        enum_value(&RECIPIENT_TYPE_DETAILS, RECIPIENT_TYPE_DETAILS.lookup(details).unwrap_or(0)),
    );
    o.set("WindowsEmailAddress", Value::str(""));
    o.set("Notes", Value::str(""));
    let members: Vec<String> = g
        .members
        .iter()
        .map(|m| match dir.recipient_by_guid(m) {
            Some(i) => dir.canonical_name(&dir.recipients[i]),
            None => dir.account_name(m),
        })
        .collect();
    o.set("Members", strs(&members));
    o.set("PhoneticDisplayName", Value::str(""));
    o.set("SeniorityIndex", Value::Null);
    o.set("IsHierarchicalGroup", Value::Bool(false));
    o.set("IsSecurityPrincipal", Value::Bool(true));
    o.set("Identity", Value::str(&canonical));
    o.set("IsValid", Value::Bool(true));
    // Exchange Setup's groups carry its 2010 object version; the domain's own groups none.
    let exchange_group = EXCHANGE_GROUPS.iter().any(|x| x.eq_ignore_ascii_case(&g.name));
    o.set("ExchangeVersion", Value::str(if exchange_group { "0.10 (14.0.100.0)" } else { "0.0 (6.5.6500.0)" }));
    o.set("Name", Value::str(&g.name));
    o.set("DistinguishedName", Value::str(dn));
    o.set("Guid", Value::str(principal_group_guid(dir, p)));
    o.set("ObjectCategory", Value::str(format!("{}/Configuration/Schema/Group", dir.org.domain)));
    o.set("ObjectClass", strs(&["top".into(), "group".into()]));
    o.set("OrganizationId", Value::str(""));
    o.set("Id", Value::str(&canonical));
    o.set("OriginatingServer", Value::str(dir.org.domain_controller.clone()));
    o.set("ObjectState", Value::str("Unchanged"));
    o.display = Some(canonical.into());
    Value::object(o)
}

/// The org's accepted domains: its DNS domain (the default), and on Online also the initial
/// `<org>.onmicrosoft.com` domain.
pub fn accepted_domains(dir: &Directory) -> Vec<(String, bool)> {
    let mut out = vec![(dir.org.domain.clone(), true)];
    if is_online(dir) {
        out.push((initial_domain(dir), false));
    }
    out
}

/// Exchange Online's initial domain, `<org name in lower case>.onmicrosoft.com`.
pub fn initial_domain(dir: &Directory) -> String {
    format!("{}.onmicrosoft.com", dir.org.name.to_lowercase())
}

/// An `AcceptedDomain` object.
pub fn accepted_domain_object(dir: &Directory, domain: &str, default: bool) -> Value {
    let online = is_online(dir);
    let mut o = deserialized(&[
        ACCEPTED_DOMAIN_TYPE,
        "Microsoft.Exchange.Data.Directory.ADConfigurationObject",
        "Microsoft.Exchange.Data.Directory.ADObject",
        "Microsoft.Exchange.Data.Directory.ADRawEntry",
        "Microsoft.Exchange.Data.ConfigurableObject",
        "System.Object",
    ]);
    o.set("DomainName", Value::str(domain));
    o.set("CatchAllRecipientID", Value::Null);
    o.set("DomainType", Value::str("Authoritative"));
    o.set("MatchSubDomains", Value::Bool(false));
    o.set("AddressBookEnabled", Value::Bool(true));
    o.set("Default", Value::Bool(default));
    o.set("AuthenticationType", if online { Value::str("Managed") } else { Value::Null });
    o.set("InitialDomain", Value::Bool(online && !default));
    o.set("SendingFromDomainDisabled", Value::Bool(false));
    o.set("AdminDisplayName", Value::str(""));
    o.set("Name", Value::str(domain));
    let dn = if online {
        format!(
            "CN={domain},CN=Transport Settings,CN=Configuration,CN={},CN=ConfigurationUnits,DC=NAMPR04A003,DC=PROD,DC=OUTLOOK,DC=COM",
            initial_domain(dir)
        )
    } else {
        format!(
            "CN={domain},CN=Accepted Domains,CN=Transport Settings,CN={},CN=Microsoft Exchange,CN=Services,CN=Configuration,{}",
            dir.org.name,
            dir.domain_dn()
        )
    };
    o.set("DistinguishedName", Value::str(dn));
    o.set("Identity", Value::str(domain));
    o.set("Guid", Value::str(dir.derive_guid(&format!("accepteddomain|{domain}"))));
    o.set("ObjectCategory", Value::str(format!("{}/Configuration/Schema/ms-Exch-Accepted-Domain", dir.org.domain)));
    o.set("ObjectClass", strs(&["top".into(), "msExchAcceptedDomain".into()]));
    o.set("IsValid", Value::Bool(true));
    o.set("ObjectState", Value::str("Unchanged"));
    o.display = Some(domain.into());
    Value::object(o)
}

/// The `OrganizationConfig` object (Get-OrganizationConfig): the org's name and the handful of
/// settings scripts read; on Online the organization is named after its initial domain.
pub fn organization_config_object(dir: &Directory) -> Value {
    let online = is_online(dir);
    let mut o = deserialized(&[
        ORGANIZATION_CONFIG_TYPE,
        "Microsoft.Exchange.Data.Directory.Management.OrganizationConfigBase",
        "Microsoft.Exchange.Data.Directory.ADPresentationObject",
        "Microsoft.Exchange.Data.Directory.ADObject",
        "Microsoft.Exchange.Data.Directory.ADRawEntry",
        "Microsoft.Exchange.Data.ConfigurableObject",
        "System.Object",
    ]);
    let name = if online { initial_domain(dir) } else { dir.org.name.clone() };
    o.set("DisplayName", Value::str(&dir.org.name));
    o.set("IsDehydrated", Value::Bool(false));
    o.set("MailTipsAllTipsEnabled", Value::Bool(true));
    o.set("MailTipsExternalRecipientsTipsEnabled", Value::Bool(false));
    o.set("MailTipsGroupMetricsEnabled", Value::Bool(true));
    o.set("MailTipsLargeAudienceThreshold", Value::Int(25));
    o.set("MailTipsMailboxSourcedTipsEnabled", Value::Bool(true));
    o.set("PublicFoldersEnabled", Value::str(if online { "Local" } else { "None" }));
    o.set("DefaultPublicFolderMailbox", Value::Null);
    o.set("ActivityBasedAuthenticationTimeoutEnabled", Value::Bool(true));
    o.set("OAuth2ClientProfileEnabled", Value::Bool(online));
    o.set("SendFromAliasEnabled", if online { Value::Bool(false) } else { Value::Null });
    o.set("IsMixedMode", Value::Bool(false));
    o.set("AdminDisplayName", Value::str(""));
    o.set("Name", Value::str(&name));
    let dn = if online {
        format!("CN=Configuration,CN={name},CN=ConfigurationUnits,DC=NAMPR04A003,DC=PROD,DC=OUTLOOK,DC=COM")
    } else {
        format!("CN={name},CN=Microsoft Exchange,CN=Services,CN=Configuration,{}", dir.domain_dn())
    };
    o.set("DistinguishedName", Value::str(dn));
    o.set("Identity", Value::str(&name));
    o.set("Guid", Value::str(dir.derive_guid("organizationconfig")));
    o.set("IsValid", Value::Bool(true));
    o.set("ObjectState", Value::str("Unchanged"));
    o.display = Some(name.into());
    Value::object(o)
}
