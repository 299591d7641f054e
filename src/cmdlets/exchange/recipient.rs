//! Get-Recipient and Get-User, plus the query pipeline Get-Mailbox shares with them: Identity
//! (with wildcards), -Anr, -RecipientTypeDetails, -OrganizationalUnit, OPATH -Filter, -SortBy and
//! -ResultSize with Exchange's truncation warnings.

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, ExchangeErrorKind, IdentityKind, Origin, Param, ParamType,
    Signature,
};
use crate::directory::{Directory, ExchangeVersion};
use crate::value::Value;
use crate::value::convert::{compare, to_string};

use super::objects::{recipient_object, user_object};
use super::params;
use super::types::{RECIPIENT_TYPE, RECIPIENT_TYPE_DETAILS};
use super::{
    FROM_2013, FROM_2016, ON_PREMISES, ONLINE, arg_id, enum_list, opath, opath_schema, resolve_many, result_size,
    scope_of,
};

/// Get-Recipient.
pub struct GetRecipient;
/// Get-User.
pub struct GetUser;

/// What Get-Recipient's -Identity names.
const RECIPIENT_IDENTITY: IdentityKind = IdentityKind::Recipient;
/// What Get-User's -Identity names.
const USER_IDENTITY: IdentityKind = IdentityKind::User;

/// Which recipients a query starts from, before filters: every match of -Identity (declared as
/// `kind`), or all that kind names.
pub fn candidates(dir: &Directory, args: &BoundArgs, kind: IdentityKind) -> Result<Vec<usize>, CmdletError> {
    match arg_id(args, "Identity") {
        Some(id) if !id.text.is_empty() || id.guid.is_some() => resolve_many(dir, &id, kind),
        _ => {
            let scope = scope_of(dir, kind);
            Ok((0..dir.recipients.len()).filter(|i| scope.includes(dir.recipients[*i].kind)).collect())
        }
    }
}

/// Applies -Anr, -RecipientTypeDetails and -OrganizationalUnit.
pub fn common_filters(dir: &Directory, args: &BoundArgs, found: Vec<usize>) -> Result<Vec<usize>, CmdletError> {
    let mut found = found;
    if let Some(anr) = args.opt::<String>("Anr") {
        let a = anr.to_lowercase();
        found.retain(|i| {
            let r = &dir.recipients[*i];
            [&r.name, &r.display_name, &r.first_name, &r.last_name, &r.alias]
                .iter()
                .any(|s| s.to_lowercase().starts_with(&a))
        });
    }
    if args.has("RecipientTypeDetails") {
        let wanted = enum_list(args, "RecipientTypeDetails", &RECIPIENT_TYPE_DETAILS)?;
        let mask = wanted.iter().fold(0, |a, b| a | b);
        found.retain(|i| {
            let bits = RECIPIENT_TYPE_DETAILS.lookup(dir.recipients[*i].kind.details_name()).unwrap_or(0);
            bits & mask != 0
        });
    }
    super::mailbox_lifecycle::check_organizational_unit(dir, args)?;
    Ok(found)
}

/// Builds the objects, applies -Filter and -SortBy and -ResultSize, and writes them.
pub fn write_results(
    cx: &mut dyn Context,
    args: &BoundArgs,
    found: Vec<usize>,
    build: fn(&Directory, usize) -> Value,
    target: opath_schema::Target,
) -> CmdletResult {
    // GetRecipientObjectTask.InternalBeginProcessing (strict-rules.md §2).
    if result_size(args) == Some(0) {
        return Err(CmdletError::Exchange {
            kind: ExchangeErrorKind::Task,
            message: "The Result size must be greater than 0 or 'Unlimited'".into(),
            category: "InvalidArgument",
        });
    }
    let filter = match args.get("Filter") {
        None | Some(Value::Null) => None,
        Some(f) => Some(opath::parse_for(&to_string(f), target)?),
    };
    let dir = cx.directory();
    let mut objects: Vec<Value> = Vec::with_capacity(found.len());
    for i in found {
        let v = build(dir, i);
        // Attributes the output object lacks (a mailbox's Department, Title…) come from the user.
        let user = std::cell::OnceCell::new();
        let lookup = |p: &str| v.property(p).or_else(|| user.get_or_init(|| user_object(dir, i)).property(p));
        if filter.as_ref().is_none_or(|f| f.matches_with(&lookup)) {
            objects.push(v);
        }
    }
    if let Some(key) = args.opt::<String>("SortBy") {
        objects.sort_by(|a, b| {
            let (x, y) = (a.property(&key).unwrap_or(Value::Null), b.property(&key).unwrap_or(Value::Null));
            compare(&x, &y, false).unwrap_or(std::cmp::Ordering::Equal)
        });
    }
    super::write_limited(cx, args, objects);
    Ok(())
}

/// Parameters every Get-Mailbox / Get-Recipient / Get-User / Get-DistributionGroup query takes.
/// -IgnoreDefaultScope and -ReadFromDomainController are on-premises only on all four pages;
/// -Credential is too, except on Get-DistributionGroup's (`credential_versions`, empty: all).
/// (docs/reference/version-profiles.md, "Parameters per version")
pub fn query_params(
    sig: Signature,
    identity: Param,
    rtd_help: &'static str,
    credential_versions: &'static [ExchangeVersion],
) -> Signature {
    sig.param(identity)
        .param(
            Param::new("Anr", ParamType::String)
                .sets(&["AnrSet"])
                .mandatory()
                .help("Ambiguous name resolution: a partial string matched against CommonName, DisplayName, FirstName, LastName and Alias."),
        )
        .param(
            Param::new("Filter", ParamType::String)
                .help("An OPATH filter such as \"Department -eq 'Sales'\"."),
        )
        .param(
            Param::new("OrganizationalUnit", ParamType::String)
                .type_display("OrganizationalUnitIdParameter")
                .help("Only objects in this OU or domain (name, canonical name, DN or GUID)."),
        )
        .param(
            Param::new("RecipientTypeDetails", ParamType::Enum(&RECIPIENT_TYPE_DETAILS))
                .array()
                .help(rtd_help),
        )
        .param(params::result_size())
        .param(
            Param::new("SortBy", ParamType::String)
                .help("Sorts the results ascending by one property (Name, DisplayName, Alias, Office…)."),
        )
        .param(params::credential().versions(credential_versions))
        .param(params::domain_controller())
        .param(params::ignore_default_scope().versions(ON_PREMISES))
        .param(params::read_from_domain_controller().versions(ON_PREMISES))
}

impl Cmdlet for GetRecipient {
    fn signature(&self) -> Signature {
        let sig = Signature::new(
            "Get-Recipient",
            "Microsoft.Exchange.Management.RecipientTasks.GetRecipient",
            Origin::Exchange,
        )
        .synopsis("Gets recipient objects: mailboxes, mail users, mail contacts and groups.")
        .sets(&["Identity", "AnrSet", "DatabaseSet", "RecipientPreviewFilterSet"]);
        let identity = Param::new("Identity", ParamType::Identity(RECIPIENT_IDENTITY))
            .sets(&["Identity"])
            .position(0)
            .from_pipeline()
            .from_pipeline_by_name()
            .help("The recipient: name, alias, DN, canonical DN, email address or GUID.");
        query_params(
            sig,
            identity,
            "Filters by recipient subtype, e.g. UserMailbox, SharedMailbox, MailUniversalSecurityGroup.",
            ON_PREMISES,
        )
        .param(Param::new("RecipientType", ParamType::Enum(&RECIPIENT_TYPE)).array().help(
            "Filters by recipient type, e.g. UserMailbox, MailUser, MailContact, MailUniversalDistributionGroup.",
        ))
        .param(
            Param::new("Database", ParamType::Identity(IdentityKind::Database))
                .sets(&["DatabaseSet"])
                .mandatory()
                .from_pipeline_by_name()
                .versions(&[
                    crate::directory::ExchangeVersion::Exchange2013,
                    crate::directory::ExchangeVersion::Exchange2016,
                    crate::directory::ExchangeVersion::Exchange2019,
                ])
                .help("Only recipients on this mailbox database."),
        )
        .param(
            Param::new("RecipientPreviewFilter", ParamType::String)
                .sets(&["RecipientPreviewFilterSet"])
                .mandatory()
                .help("Tests a recipient filter (OPATH) by listing the recipients it selects."),
        )
        .param(
            Param::new("Properties", ParamType::String)
                .array()
                .versions(FROM_2013)
                .help("Reserved for internal Microsoft use; accepted and ignored (the objects carry every property)."),
        )
        .param(
            Param::new("IncludeSoftDeletedRecipients", ParamType::Switch)
                .versions(FROM_2016)
                .help("Includes soft-deleted recipients."),
        )
        .param(
            Param::new("AuthenticationType", ParamType::Set(&["Federated", "Managed"]))
                .versions(ONLINE)
                .type_display("AuthenticationType")
                .help("Filters by the domain's authentication type."),
        )
        .param(
            Param::new("IncludeManagerWithDisplayName", ParamType::Switch)
                .versions(ONLINE)
                .help("Includes the manager's display name."),
        )
        .example("Get-Recipient -ResultSize unlimited", "Lists every recipient.")
        .example(
            "Get-Recipient -Identity \"Marketing Department\" | Format-List",
            "Shows the details of one recipient.",
        )
        .example(
            "Get-Recipient -RecipientType MailContact -SortBy Office | Format-Table -Auto Office,Name",
            "Lists mail contacts sorted by office.",
        )
        .example(
            "Get-Recipient -Identity helpdesk@contoso.com | Format-List Name,DistinguishedName",
            "Shows a recipient's name and DN.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let mut found = candidates(dir, args, RECIPIENT_IDENTITY)?;
        found = common_filters(dir, args, found)?;
        if args.has("RecipientType") {
            let types = enum_list(args, "RecipientType", &RECIPIENT_TYPE)?;
            if args.has("RecipientTypeDetails") {
                let details = enum_list(args, "RecipientTypeDetails", &RECIPIENT_TYPE_DETAILS)?;
                let fits = details.iter().any(|d| {
                    crate::directory::RecipientKind::from_details_name(&RECIPIENT_TYPE_DETAILS.format(*d))
                        .is_some_and(|k| types.contains(&RECIPIENT_TYPE.lookup(k.type_name()).unwrap_or(0)))
                });
                if !fits {
                    return Err(CmdletError::exchange(
                        ExchangeErrorKind::Argument,
                        "None of the specified RecipientTypeDetails are included in any specified recipient type.",
                    ));
                }
            }
            found.retain(|i| types.contains(&RECIPIENT_TYPE.lookup(dir.recipients[*i].kind.type_name()).unwrap_or(0)));
        }
        if let Some(db) = arg_id(args, "Database") {
            let d = dir.resolve_database(&db.text).map_err(|_| {
                CmdletError::exchange(
                    ExchangeErrorKind::NotFound,
                    format!("Couldn't find database \"{}\". Make sure you have typed it correctly.", db.text),
                )
            })?;
            let name = dir.databases[d].name.clone();
            found.retain(|i| dir.recipients[*i].database.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(&name)));
        }
        let mut args2 = args.clone();
        if let Some(f) = args.get("RecipientPreviewFilter") {
            args2.insert("Filter", f.clone());
        }
        write_results(cx, &args2, found, recipient_object, opath_schema::Target::Recipient)
    }
}

impl Cmdlet for GetUser {
    fn signature(&self) -> Signature {
        let sig = Signature::new("Get-User", "Microsoft.Exchange.Management.RecipientTasks.GetUser", Origin::Exchange)
            .synopsis("Gets user objects (mail-enabled or not); returns no mail-related properties.")
            .sets(&["Identity", "AnrSet"]);
        let identity = Param::new("Identity", ParamType::Identity(USER_IDENTITY))
            .sets(&["Identity"])
            .position(0)
            .from_pipeline()
            .from_pipeline_by_name()
            .help("The user: name, UPN, DN, canonical DN or GUID.");
        let switch = |name: &'static str, help: &'static str| {
            Param::new(name, ParamType::Switch).versions(ON_PREMISES).help(help)
        };
        query_params(
            sig,
            identity,
            "Filters by user subtype, e.g. UserMailbox, SharedMailbox, User, DisabledUser.",
            ON_PREMISES,
        )
        .param(switch("Arbitration", "Includes arbitration mailboxes."))
        .param(switch("AuditLog", "Includes audit log mailboxes.").versions(super::FROM_2016_ON_PREMISES))
        .param(switch("AuxAuditLog", "Includes auxiliary audit log mailboxes.").versions(super::FROM_2016_ON_PREMISES))
        .param(
            Param::new("PublicFolder", ParamType::Switch).versions(FROM_2013).help("Includes public folder mailboxes."),
        )
        .param(Param::new("IsVIP", ParamType::Switch).versions(ONLINE).help("Returns only priority accounts."))
        .param(
            Param::new("IncludeDirectReportsWithDisplayNames", ParamType::Switch)
                .versions(ONLINE)
                .help("Includes the display names of direct reports."),
        )
        .param(
            Param::new("IncludeManagerWithDisplayName", ParamType::Switch)
                .versions(ONLINE)
                .help("Includes the manager's display name."),
        )
        .example("Get-User -ResultSize unlimited", "Lists every user.")
        .example("Get-User -Identity \"Coy Damon\" | Format-List", "Shows the details of one user.")
        .example("Get-User -OrganizationalUnit \"Marketing\"", "Lists the users in an OU.")
        .example("Get-User -Filter \"Title -like 'Manager*'\"", "Lists users whose title starts with Manager.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let mut found = candidates(dir, args, USER_IDENTITY)?;
        found = common_filters(dir, args, found)?;
        // Each system switch limits the results to that kind of system mailbox (GetUser.cs), which
        // exsh's organizations never hold; -IsVIP to priority accounts, of which there are none.
        if ["IsVIP", "Arbitration", "AuditLog", "AuxAuditLog", "PublicFolder"].iter().any(|s| args.switch(s)) {
            found.clear();
        }
        write_results(cx, args, found, user_object, opath_schema::Target::User)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, message, prop, run, s};
    use crate::directory::ExchangeVersion;

    #[test]
    fn get_recipient_all_kinds_and_filters() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        assert!(run(&GetRecipient, &mut c, &[]).is_ok());
        assert_eq!(c.out.len(), 13);
        let contact = &c.out[12];
        assert_eq!(contact.type_name(), "Deserialized.Microsoft.Exchange.Data.Directory.Management.ReducedRecipient");
        assert_eq!(prop(contact, "RecipientType"), "MailContact");
        assert_eq!(prop(contact, "ExternalEmailAddress"), "SMTP:partner@fabrikam.com");
        c.clear();
        assert!(run(&GetRecipient, &mut c, &[("RecipientType", s("MailUniversalSecurityGroup"))]).is_ok());
        assert_eq!(c.out.len(), 1);
        assert_eq!(prop(&c.out[0], "Name"), "Help Desk Agents");
        c.clear();
        let args = [("RecipientType", s("MailContact")), ("RecipientTypeDetails", s("UserMailbox"))];
        let r = run(&GetRecipient, &mut c, &args);
        assert_eq!(
            r.err().map(|e| message(&e)).unwrap_or_default(),
            "None of the specified RecipientTypeDetails are included in any specified recipient type."
        );
        assert!(run(&GetRecipient, &mut c, &[("Identity", s("helpdesk@contoso.com"))]).is_ok());
        assert_eq!(prop(&c.out[0], "DistinguishedName"), "CN=Help Desk,CN=Users,DC=contoso,DC=com");
        c.clear();
        assert!(run(&GetRecipient, &mut c, &[("Filter", s("Department -eq 'IT'")), ("SortBy", s("Name"))]).is_ok());
        let names: Vec<String> = c.out.iter().map(|v| prop(v, "Name")).collect();
        assert_eq!(names, ["David Hamilton", "John Evans", "Kim Akers"]);
        let r = run(&GetRecipient, &mut c, &[("Filter", s("Department -eq"))]);
        assert!(r.err().map(|e| message(&e)).unwrap_or_default().contains("Invalid filter syntax"));
        let r = run(&GetRecipient, &mut c, &[("OrganizationalUnit", s("Marketing"))]);
        assert!(r.is_err());
    }

    #[test]
    fn get_user_has_users_only() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        assert!(run(&GetUser, &mut c, &[]).is_ok());
        assert_eq!(c.out.len(), 10);
        assert_eq!(c.out[1].type_name(), "Deserialized.Microsoft.Exchange.Data.Directory.Management.User");
        assert_eq!(prop(&c.out[1], "Title"), "Sales Manager");
        assert_eq!(prop(&c.out[1], "Sid"), format!("{}-1105", c.dir.org.domain_sid));
        assert_eq!(prop(&c.out[7], "AccountDisabled"), "True");
        c.clear();
        assert!(run(&GetUser, &mut c, &[("Filter", s("Title -like '*Manager'"))]).is_ok());
        assert_eq!(c.out.len(), 1);
        c.clear();
        assert!(
            run(&GetUser, &mut c, &[("Identity", s("Karen Berg")), ("OrganizationalUnit", s("contoso.com/Users"))])
                .is_ok()
        );
        assert_eq!(c.out.len(), 1);
        let r = run(&GetUser, &mut c, &[("Identity", s("allstaff"))]);
        assert!(r.is_err());
    }
}
