//! New-MailContact, Get-MailContact, Get-Contact and Get-MailUser: the external recipients
//! permission scripts look up (and the Full Access / Send As checks refuse). Mail contacts are
//! model recipients of kind `MailContact`, created through `Change::AddRecipient`; mail users
//! (`MailUser`) come from the org file. Facts: docs/reference/recipients.md.

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, ConfirmImpact, Context, ExchangeErrorKind, IdentityKind, Origin,
    Param, ParamType, Signature,
};
use crate::directory::{NewRecipient, RecipientKind};
use crate::value::Value;

use super::mailbox_lifecycle::{
    check_new_recipient, check_online_name, check_organizational_unit, check_password, string_arg, unique_alias,
    value_in_use,
};
use super::opath_schema::Target;
use super::params;
use super::recipient::{candidates, common_filters, write_results};
use super::recipient_objects::{contact_object, mail_contact_object, mail_user_object};
use super::types::RECIPIENT_TYPE_DETAILS;
use super::{ON_PREMISES, ONLINE};

/// New-MailContact.
pub struct NewMailContact;
/// Get-MailContact.
pub struct GetMailContact;
/// Get-Contact.
pub struct GetContact;
/// Get-MailUser.
pub struct GetMailUser;
/// New-MailUser.
pub struct NewMailUser;

/// The parameters the recipient Get-* cmdlets of this module share (their doc pages agree:
/// Credential, DomainController, IgnoreDefaultScope and ReadFromDomainController are
/// on-premises only). `rtd_help` adds -RecipientTypeDetails.
pub fn query(sig: Signature, identity: Param, rtd_help: Option<&'static str>) -> Signature {
    let sig = sig
        .sets(&["Identity", "AnrSet"])
        .param(identity.sets(&["Identity"]))
        .param(
            Param::new("Anr", ParamType::String)
                .sets(&["AnrSet"])
                .mandatory()
                .help("Ambiguous name resolution: a partial string matched against CommonName, DisplayName, FirstName, LastName and Alias."),
        )
        .param(Param::new("Filter", ParamType::String).help("An OPATH filter such as \"Department -eq 'Sales'\"."))
        .param(
            Param::new("OrganizationalUnit", ParamType::String)
                .type_display("OrganizationalUnitIdParameter")
                .help("Only objects in this OU or domain (name, canonical name, DN or GUID)."),
        )
        .param(params::result_size())
        .param(
            Param::new("SortBy", ParamType::String)
                .help("Sorts the results ascending by one property (Name, DisplayName, Alias, City, FirstName, LastName, Office)."),
        )
        .param(params::credential().versions(ON_PREMISES))
        .param(params::domain_controller())
        .param(params::ignore_default_scope().versions(ON_PREMISES))
        .param(params::read_from_domain_controller().versions(ON_PREMISES));
    match rtd_help {
        Some(help) => {
            sig.param(Param::new("RecipientTypeDetails", ParamType::Enum(&RECIPIENT_TYPE_DETAILS)).array().help(help))
        }
        None => sig,
    }
}

/// `[[-Identity] <kind>]`: positional, from the pipeline by value and by name.
pub fn identity(kind: IdentityKind, help: &'static str) -> Param {
    Param::new("Identity", ParamType::Identity(kind)).position(0).from_pipeline().from_pipeline_by_name().help(help)
}

const CONTACT_FORMS: &str = "The contact: name, alias, DN, canonical DN, email address or GUID.";

impl Cmdlet for GetMailContact {
    fn signature(&self) -> Signature {
        let sig = Signature::new(
            "Get-MailContact",
            "Microsoft.Exchange.Management.RecipientTasks.GetMailContact",
            Origin::Exchange,
        )
        .synopsis("Gets mail contacts: recipients with an external email address and no account.");
        query(
            sig,
            identity(IdentityKind::MailContact, CONTACT_FORMS),
            Some("Filters by contact type: MailContact or MailForestContact."),
        )
        .example("Get-MailContact", "Lists every mail contact.")
        .example("Get-MailContact -Identity \"Fabrikam Partner\" | Format-List", "Shows one mail contact in detail.")
        .example(
            "Get-MailContact -Identity partner@fabrikam.com | Format-List Name,ExternalEmailAddress",
            "Shows the external address of a contact found by its email address.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let found = common_filters(dir, args, candidates(dir, args, IdentityKind::MailContact)?)?;
        write_results(cx, args, found, mail_contact_object, Target::Recipient)
    }
}

impl Cmdlet for GetContact {
    fn signature(&self) -> Signature {
        let sig =
            Signature::new("Get-Contact", "Microsoft.Exchange.Management.RecipientTasks.GetContact", Origin::Exchange)
                .synopsis("Gets contact objects (mail-enabled or not) with their person data; no mail properties.");
        query(
            sig,
            identity(IdentityKind::Contact, CONTACT_FORMS),
            Some("Filters by contact type: Contact, MailContact or MailForestContact."),
        )
        .example("Get-Contact", "Lists every contact.")
        .example("Get-Contact -Identity \"Fabrikam Partner\" | Format-List", "Shows one contact's person data.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let found = common_filters(dir, args, candidates(dir, args, IdentityKind::Contact)?)?;
        write_results(cx, args, found, contact_object, Target::Recipient)
    }
}

impl Cmdlet for GetMailUser {
    fn signature(&self) -> Signature {
        let sig = Signature::new(
            "Get-MailUser",
            "Microsoft.Exchange.Management.RecipientTasks.GetMailUser",
            Origin::Exchange,
        )
        .synopsis("Gets mail users: accounts in the organization with an external email address.");
        let switch =
            |name: &'static str, help: &'static str| Param::new(name, ParamType::Switch).versions(ONLINE).help(help);
        query(
            sig,
            identity(
                IdentityKind::MailUser,
                "The mail user: name, alias, DN, canonical DN, domain\\user, email address, GUID, LegacyExchangeDN, SamAccountName or UPN.",
            ),
            None,
        )
        .param(switch("HVEAccount", "Returns only high volume email accounts."))
        .param(switch("SharedWithMailUser", "Returns only SharedWithMailUser mail users."))
        .param(switch("SoftDeletedMailUser", "Returns only soft-deleted mail users."))
        .example("Get-MailUser", "Lists every mail user.")
        .example("Get-MailUser -Identity \"Ed Meadows\" | Format-List", "Shows one mail user in detail.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let mut found = common_filters(dir, args, candidates(dir, args, IdentityKind::MailUser)?)?;
        // exsh models no high volume, shared-with or soft-deleted mail users.
        if ["HVEAccount", "SharedWithMailUser", "SoftDeletedMailUser"].iter().any(|s| args.switch(s)) {
            found.clear();
        }
        write_results(cx, args, found, mail_user_object, Target::Recipient)
    }
}

/// A ProxyAddress argument: `SMTP:` (any case) or no prefix is an SMTP address; the bare address.
pub(super) fn smtp_address(text: &str) -> Result<String, CmdletError> {
    let bare = match text.split_once(':') {
        Some((p, rest)) if p.eq_ignore_ascii_case("smtp") => rest,
        Some(_) => text,
        None => text,
    };
    let valid = bare.split_once('@').is_some_and(|(l, d)| !l.is_empty() && d.contains('.') && !d.starts_with('.'))
        && !bare.contains(' ');
    if valid {
        Ok(bare.to_string())
    } else {
        // The text is DataStrings.ExceptionInvalidSmtpAddress, which ProxyAddress parsing keeps
        // in an InvalidProxyAddress; the exception type it surfaces with is inferred.
        Err(CmdletError::exchange(
            ExchangeErrorKind::RecipientTask,
            format!("The address '{bare}' is not a valid SMTP address."),
        ))
    }
}

impl Cmdlet for NewMailContact {
    fn signature(&self) -> Signature {
        Signature::new(
            "New-MailContact",
            "Microsoft.Exchange.Management.RecipientTasks.NewMailContact",
            Origin::Exchange,
        )
        .synopsis("Creates a mail contact: a recipient with an external email address.")
        .should_process(ConfirmImpact::Medium)
        .param(Param::new("Name", ParamType::String).position(0).mandatory().help(
            "The unique name of the contact (up to 64 characters); also the display name when -DisplayName is omitted.",
        ))
        .param(
            Param::new("ExternalEmailAddress", ParamType::String)
                .mandatory()
                .type_display("ProxyAddress")
                .help("The contact's external email address, such as chris@tailspintoys.com (SMTP: prefix optional)."),
        )
        .param(
            Param::new("Alias", ParamType::String).help("The alias; made from the Name without spaces when omitted."),
        )
        .param(
            Param::new("DisplayName", ParamType::String)
                .help("The display name (up to 256 characters); the Name when omitted."),
        )
        .param(Param::new("FirstName", ParamType::String).help("The contact's first name."))
        .param(Param::new("Initials", ParamType::String).help("The contact's middle initials."))
        .param(Param::new("LastName", ParamType::String).help("The contact's last name."))
        .param(
            Param::new("OrganizationalUnit", ParamType::String)
                .type_display("OrganizationalUnitIdParameter")
                .help("The OU to create the contact in (exsh has only the Users container)."),
        )
        .param(
            Param::new("PrimarySmtpAddress", ParamType::String)
                .versions(ON_PREMISES)
                .type_display("SmtpAddress")
                .help("The primary return address; the external address when omitted."),
        )
        .param(params::domain_controller())
        .example(
            "New-MailContact -Name \"Chris Ashton\" -ExternalEmailAddress \"chris@tailspintoys.com\"",
            "Creates a mail contact named Chris Ashton.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        // The binder refuses an empty -Name (a mandatory [string]).
        let name: String = args.req("Name")?;
        let external_text = string_arg(args, "ExternalEmailAddress").unwrap_or_default();
        let external = smtp_address(&external_text)?;
        let dir = cx.directory();
        check_online_name(dir, &name)?;
        check_organizational_unit(dir, args)?;
        let alias = string_arg(args, "Alias").unwrap_or_else(|| unique_alias(dir, &name));
        let primary = string_arg(args, "PrimarySmtpAddress").unwrap_or_else(|| external.clone());
        check_new_recipient(dir, &name, &alias, &primary)?;
        let spec = NewRecipient {
            name: name.clone(),
            alias,
            display_name: string_arg(args, "DisplayName"),
            first_name: string_arg(args, "FirstName").unwrap_or_default(),
            last_name: string_arg(args, "LastName").unwrap_or_default(),
            kind: RecipientKind::MailContact,
            database: None,
            external_email: Some(external.clone()),
        };
        let mut contact = dir.build_recipient(&spec);
        if !primary.eq_ignore_ascii_case(&external) {
            contact.primary_smtp = primary.clone();
            contact.email_addresses = vec![format!("SMTP:{primary}"), format!("smtp:{external}")];
        }
        let action = format!(
            "Creating mail contact \"{name}\" with external e-mail address \"SMTP:{external}\", and organizational unit \"{}\".",
            dir.users_container()
        );
        super::create_recipient(cx, &action, contact, mail_contact_object)
    }
}

/// The parameter sets of New-MailUser exsh has (NewMailUserBase.cs; DisabledUser is the default).
const MAIL_USER_SETS: &[&str] = &["DisabledUser", "EnabledUser", "MicrosoftOnlineServicesID"];

impl Cmdlet for NewMailUser {
    fn signature(&self) -> Signature {
        Signature::new("New-MailUser", "Microsoft.Exchange.Management.RecipientTasks.NewMailUser", Origin::Exchange)
            .synopsis("Creates a mail user: an account in the organization whose mail goes to an external address.")
            .sets(MAIL_USER_SETS)
            .default_set("DisabledUser")
            .should_process(ConfirmImpact::Medium)
            .param(
                Param::new("Name", ParamType::String)
                    .position(0)
                    .mandatory()
                    .help("The unique name of the mail user (up to 64 characters); also the display name when -DisplayName is omitted."),
            )
            .param(
                Param::new("ExternalEmailAddress", ParamType::String)
                    .sets(MAIL_USER_SETS)
                    .mandatory_in(&["DisabledUser", "EnabledUser"])
                    .type_display("ProxyAddress")
                    .help("The external address messages to the mail user are delivered to."),
            )
            .param(
                Param::new("Password", ParamType::Object)
                    .sets(&["EnabledUser", "MicrosoftOnlineServicesID"])
                    .mandatory()
                    .type_display("SecureString")
                    .help("The account password, as a SecureString; the DisabledUser set creates the account disabled, without one."),
            )
            .param(
                Param::new("UserPrincipalName", ParamType::String)
                    .sets(&["EnabledUser"])
                    .mandatory()
                    .versions(ON_PREMISES)
                    .help("The logon name, user@domain (EnabledUser set)."),
            )
            .param(
                Param::new("MicrosoftOnlineServicesID", ParamType::String)
                    .sets(&["MicrosoftOnlineServicesID"])
                    .mandatory()
                    .versions(ONLINE)
                    .type_display("WindowsLiveId")
                    .help("The account's user ID in the organization, such as ed@contoso.com."),
            )
            .param(Param::new("Alias", ParamType::String).help("The alias; made from the Name without spaces when omitted."))
            .param(Param::new("DisplayName", ParamType::String).help("The display name (up to 256 characters); the Name when omitted."))
            .param(Param::new("FirstName", ParamType::String).help("The user's first name."))
            .param(Param::new("LastName", ParamType::String).help("The user's last name."))
            .param(
                Param::new("OrganizationalUnit", ParamType::String)
                    .type_display("OrganizationalUnitIdParameter")
                    .help("The OU to create the mail user in (exsh has only the Users container)."),
            )
            .param(
                Param::new("PrimarySmtpAddress", ParamType::String)
                    .type_display("SmtpAddress")
                    .help("The primary return address; the email address policy's alias@domain when omitted."),
            )
            .param(
                Param::new("ResetPasswordOnNextLogon", ParamType::Bool)
                    .versions(ON_PREMISES)
                    .help("$true makes the user change the password at the next logon."),
            )
            .param(params::domain_controller())
            .example(
                "New-MailUser -Name \"Ed Meadows\" -ExternalEmailAddress ed@tailspintoys.com -MicrosoftOnlineServicesID ed@contoso.com -Password (Get-Credential).password",
                "Creates a mail user for Ed Meadows: an account in contoso.com whose mail goes to his tailspintoys.com address.",
            )
            .example(
                "New-MailUser -Name \"Ed Meadows\" -ExternalEmailAddress ed@tailspintoys.com -UserPrincipalName ed@contoso.com -Password (ConvertTo-SecureString 'P@ssw0rd25' -AsPlainText -Force)",
                "Creates an enabled mail user on-premises.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        // The binder refuses an empty -Name (a mandatory [string]).
        let name: String = args.req("Name")?;
        check_password(args)?;
        let external = match string_arg(args, "ExternalEmailAddress") {
            Some(t) => Some(smtp_address(&t)?),
            None => None,
        };
        let msoid = string_arg(args, "MicrosoftOnlineServicesID");
        let enabled = args.has("Password");
        let dir = cx.directory();
        check_online_name(dir, &name)?;
        check_organizational_unit(dir, args)?;
        let alias = string_arg(args, "Alias").unwrap_or_else(|| unique_alias(dir, &name));
        let upn = msoid.clone().or_else(|| string_arg(args, "UserPrincipalName"));
        if let Some(u) = &upn
            && dir.recipients.iter().any(|r| r.upn.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(u)))
        {
            let property = if msoid.is_some() { "WindowsLiveID" } else { "UserPrincipalName" };
            return Err(value_in_use(property, u));
        }
        let primary = string_arg(args, "PrimarySmtpAddress")
            .or_else(|| msoid.clone())
            .unwrap_or_else(|| format!("{alias}@{}", dir.org.domain));
        check_new_recipient(dir, &name, &alias, &primary)?;
        let spec = NewRecipient {
            name: name.clone(),
            alias,
            display_name: string_arg(args, "DisplayName"),
            first_name: string_arg(args, "FirstName").unwrap_or_default(),
            last_name: string_arg(args, "LastName").unwrap_or_default(),
            kind: RecipientKind::MailUser,
            database: None,
            external_email: external.clone(),
        };
        let mut user = dir.build_recipient(&spec);
        user.upn = upn.clone();
        user.primary_smtp = primary.clone();
        user.email_addresses = vec![format!("SMTP:{primary}")];
        // The DisabledUser set creates the account without a password, disabled.
        user.account_disabled = !enabled;
        let container = dir.users_container();
        let action = match &msoid {
            Some(id) => {
                format!("Creating mail user \"{name}\" with Windows Live ID \"{id}\" in organization \"{container}\".")
            }
            None => format!(
                "Creating mail user \"{name}\" with external e-mail address \"{}\" and user principal name \"{}\" in organizational unit \"{container}\".",
                external.as_deref().map(|x| format!("SMTP:{x}")).unwrap_or_default(),
                upn.unwrap_or_default()
            ),
        };
        super::create_recipient(cx, &action, user, mail_user_object)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, message, prop, run, s};
    use crate::directory::ExchangeVersion;

    fn err(r: CmdletResult) -> String {
        r.err().map(|e| message(&e)).unwrap_or_default()
    }

    #[test]
    fn new_mail_contact_persists_and_resolves_as_a_contact() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let args = [("Name", s("Chris Ashton")), ("ExternalEmailAddress", s("chris@tailspintoys.com"))];
        assert!(run(&NewMailContact, &mut c, &args).is_ok());
        assert_eq!(
            c.actions,
            [
                "Creating mail contact \"Chris Ashton\" with external e-mail address \"SMTP:chris@tailspintoys.com\", and organizational unit \"contoso.com/Users\"."
            ]
        );
        let v = &c.out[0];
        assert_eq!(v.type_name(), "Deserialized.Microsoft.Exchange.Data.Directory.Management.MailContact");
        assert_eq!(prop(v, "Alias"), "ChrisAshton");
        assert_eq!(prop(v, "ExternalEmailAddress"), "SMTP:chris@tailspintoys.com");
        assert_eq!(prop(v, "RecipientTypeDetails"), "MailContact");
        let r = &c.dir.recipients[13];
        assert_eq!((r.kind, r.sid.as_deref()), (RecipientKind::MailContact, None));
        c.clear();
        assert!(run(&GetMailContact, &mut c, &[("Identity", s("chris@tailspintoys.com"))]).is_ok());
        assert_eq!(prop(&c.out[0], "Name"), "Chris Ashton");
        c.clear();
        assert!(run(&GetContact, &mut c, &[]).is_ok());
        let names: Vec<String> = c.out.iter().map(|v| prop(v, "Name")).collect();
        assert_eq!(names, ["Fabrikam Partner", "Chris Ashton"]);
        // A mailbox is no contact; the address is in use; a bad address fails binding.
        assert!(
            err(run(&GetMailContact, &mut c, &[("Identity", s("karen"))])).contains("object 'karen' couldn't be found")
        );
        let again = [("Name", s("Chris Two")), ("ExternalEmailAddress", s("SMTP:chris@tailspintoys.com"))];
        assert!(err(run(&NewMailContact, &mut c, &again)).contains("is already being used"));
        let bad = [("Name", s("X")), ("ExternalEmailAddress", s("nobody"))];
        assert!(err(run(&NewMailContact, &mut c, &bad)).contains("is not a valid SMTP address"));
    }

    #[test]
    fn get_mail_user_lists_only_mail_users() {
        let mut c = MockContext::new(ExchangeVersion::Online);
        assert!(run(&GetMailUser, &mut c, &[]).is_ok());
        assert!(c.out.is_empty());
        assert!(err(run(&GetMailUser, &mut c, &[("Identity", s("partner"))])).contains("couldn't be found"));
    }
}
