//! Add-, Get- and Remove-RecipientPermission (Exchange Online): Send As, stored as the Send-As
//! extended-right ACE on the recipient's directory object.

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, ConfirmImpact, Context, ExchangeErrorKind, IdentityKind, Origin,
    Param, ParamType, Signature,
};
use crate::directory::rights::ad;
use crate::directory::{AdAce, Change, Inheritance};
use crate::value::Value;

use super::objects::{is_send_as, recipient_permission};
use super::params;
use super::types::RECIPIENT_ACCESS_RIGHT;
use super::{ONLINE, arg_id, enum_list, limit_results, principal_error, quote_list, resolve_many, resolve_one};

/// Add-RecipientPermission.
pub struct AddRecipientPermission;
/// Get-RecipientPermission.
pub struct GetRecipientPermission;
/// Remove-RecipientPermission.
pub struct RemoveRecipientPermission;

/// What -Identity of the *-RecipientPermission cmdlets names.
const IDENTITY: IdentityKind = IdentityKind::Recipient;

const SEND_AS_GUID: &str = "ab721a54-1e2f-11d0-9819-00aa0040529b";

fn identity_param(mandatory: bool) -> Param {
    let p = Param::new("Identity", ParamType::Identity(IDENTITY))
        .position(0)
        .from_pipeline()
        .from_pipeline_by_name()
        .help("The recipient: name, alias, DN, canonical DN, email address or GUID.");
    if mandatory { p.mandatory() } else { p }
}

fn access_rights_param(mandatory: bool) -> Param {
    let p = Param::new("AccessRights", ParamType::Enum(&RECIPIENT_ACCESS_RIGHT))
        .array()
        .from_pipeline_by_name()
        .type_display("MultiValuedProperty")
        .help("The permission; the only valid value is SendAs.");
    if mandatory { p.mandatory() } else { p }
}

fn trustee_param(mandatory: bool, help: &'static str) -> Param {
    let p = Param::new("Trustee", ParamType::Identity(IdentityKind::SecurityPrincipal)).help(help);
    if mandatory { p.mandatory().from_pipeline_by_name() } else { p }
}

fn send_as_ace(sid: &str, inheritance: Inheritance) -> AdAce {
    AdAce {
        sid: sid.to_string(),
        rights: ad::EXTENDED_RIGHT,
        extended_rights: vec![ad::SEND_AS.to_string()],
        properties: Vec::new(),
        deny: false,
        inheritance,
        inherited: false,
    }
}

fn check_rights(args: &BoundArgs) -> Result<Vec<String>, CmdletError> {
    let rights = enum_list(args, "AccessRights", &RECIPIENT_ACCESS_RIGHT)?;
    if rights.is_empty() {
        return Err(CmdletError::exchange(
            ExchangeErrorKind::Argument,
            "AccessRights parameter cannot be null or an empty array.",
        ));
    }
    Ok(rights.iter().map(|_| "SendAs".to_string()).collect())
}

impl Cmdlet for AddRecipientPermission {
    fn signature(&self) -> Signature {
        Signature::new(
            "Add-RecipientPermission",
            "Microsoft.Exchange.Management.RecipientTasks.AddRecipientPermission",
            Origin::Exchange,
        )
        .synopsis("Adds SendAs permission to recipients in a cloud-based organization.")
        .versions(ONLINE)
        .should_process(ConfirmImpact::High)
        .param(identity_param(true))
        .param(access_rights_param(true))
        .param(trustee_param(true, "Who gets SendAs: a mailbox user, mail user or security group."))
        .example(
            "Add-RecipientPermission \"Help Desk\" -AccessRights SendAs -Trustee \"Ayla Kol\"",
            "Lets Ayla Kol send mail that appears to come from the Help Desk mailbox.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(id) = arg_id(args, "Identity") else {
            return Ok(());
        };
        let Some(trustee_arg) = arg_id(args, "Trustee") else {
            return Ok(());
        };
        let dir = cx.directory();
        let i = resolve_one(dir, &id, IDENTITY)?;
        let trustee = dir.resolve_principal(&trustee_arg.text).map_err(|e| principal_error(&trustee_arg.text, e))?;
        let listed = check_rights(args)?;
        let action = format!(
            "Adding recipient permission {} for user or group '{}' on recipient '{}'.",
            quote_list(&listed),
            trustee_arg.text,
            id.text
        );
        if !cx.should_process(&action)? {
            return Ok(());
        }
        let dir = cx.directory();
        let r = &dir.recipients[i];
        let present = r.ad_acl.iter().any(|a| !a.deny && is_send_as(a) && a.sid.eq_ignore_ascii_case(&trustee.sid));
        let ace = send_as_ace(&trustee.sid, Inheritance::None);
        if present {
            let msg = format!(
                "The appropriate access control entry is already present on the object \"{}\" for account \"{}\".",
                dir.distinguished_name(r),
                trustee.account
            );
            cx.warning(&msg);
        } else {
            let object = r.guid.clone();
            cx.apply(Change::AddAdAce { object, ace: ace.clone() })?;
        }
        let v = recipient_permission(cx.directory(), i, &ace);
        cx.output(v);
        Ok(())
    }
}

impl Cmdlet for GetRecipientPermission {
    fn signature(&self) -> Signature {
        Signature::new(
            "Get-RecipientPermission",
            "Microsoft.Exchange.Management.RecipientTasks.GetRecipientPermission",
            Origin::Exchange,
        )
        .synopsis("Gets the SendAs permissions on recipients in a cloud-based organization.")
        .versions(ONLINE)
        .param(identity_param(false))
        .param(access_rights_param(false).help("Filters the results by permission; the only valid value is SendAs."))
        .param(trustee_param(false, "Returns only the recipients on which this user or group has SendAs."))
        .param(
            Param::new("IncludeTrusteeWithPrimarySmtpAddress", ParamType::Switch)
                .help("Includes the trustee's primary SMTP address."),
        )
        .param(params::read_from_domain_controller())
        .param(params::result_size())
        .example(
            "Get-RecipientPermission -Trustee \"Kim Akers\"",
            "Lists the recipients on which Kim Akers has SendAs.",
        )
        .example("Get-RecipientPermission \"Help Desk\"", "Lists who has SendAs on Help Desk.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        if args.has("AccessRights") {
            check_rights(args)?;
        }
        let dir = cx.directory();
        let recipients: Vec<usize> = match arg_id(args, "Identity") {
            Some(id) => resolve_many(dir, &id, IDENTITY)?,
            None => (0..dir.recipients.len()).collect(),
        };
        let sid = match arg_id(args, "Trustee") {
            Some(t) => Some(dir.resolve_principal(&t.text).map_err(|e| principal_error(&t.text, e))?.sid),
            None => None,
        };
        let mut rows: Vec<(usize, AdAce)> = Vec::new();
        for i in recipients {
            for a in dir.recipients[i].ad_acl.iter().filter(|a| is_send_as(a)) {
                if sid.as_deref().is_some_and(|s| !s.eq_ignore_ascii_case(&a.sid)) {
                    continue;
                }
                rows.push((i, a.clone()));
            }
        }
        let (rows, warning) = limit_results(args, rows);
        let out: Vec<Value> = rows.iter().map(|(i, a)| recipient_permission(dir, *i, a)).collect();
        for v in out {
            cx.output(v);
        }
        if let Some(w) = warning {
            cx.warning(w);
        }
        Ok(())
    }
}

impl Cmdlet for RemoveRecipientPermission {
    fn signature(&self) -> Signature {
        Signature::new(
            "Remove-RecipientPermission",
            "Microsoft.Exchange.Management.RecipientTasks.RemoveRecipientPermission",
            Origin::Exchange,
        )
        .synopsis("Removes SendAs permission from recipients in a cloud-based organization.")
        .versions(ONLINE)
        .should_process(ConfirmImpact::High)
        .param(identity_param(true))
        .param(access_rights_param(true))
        .param(trustee_param(true, "The user or group whose SendAs is removed."))
        .param(
            Param::new("Deny", ParamType::Switch).from_pipeline_by_name().help("The entry to remove is a Deny entry."),
        )
        .param(
            Param::new("MultiTrustees", ParamType::String)
                .array()
                .type_display("MultiValuedProperty")
                .help("Several trustees whose SendAs is removed."),
        )
        .param(
            Param::new("SkipDomainValidationForMailContact", ParamType::Switch)
                .from_pipeline_by_name()
                .help("Skips the accepted-domain check of a mail contact's proxy addresses."),
        )
        .param(
            Param::new("SkipDomainValidationForMailUser", ParamType::Switch)
                .from_pipeline_by_name()
                .help("Skips the accepted-domain check of a mail user's proxy addresses."),
        )
        .param(
            Param::new("SkipDomainValidationForSharedMailbox", ParamType::Switch)
                .from_pipeline_by_name()
                .help("Skips the accepted-domain check of a shared mailbox's proxy addresses."),
        )
        .example(
            "Remove-RecipientPermission \"Help Desk\" -AccessRights SendAs -Trustee \"Ayla Kol\"",
            "Removes Ayla Kol's SendAs on the Help Desk mailbox.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(id) = arg_id(args, "Identity") else {
            return Ok(());
        };
        let mut trustees: Vec<String> = arg_id(args, "Trustee").map(|t| vec![t.text]).unwrap_or_default();
        trustees.extend(super::strings(args.get("MultiTrustees")));
        let dir = cx.directory();
        let i = resolve_one(dir, &id, IDENTITY)?;
        let listed = check_rights(args)?;
        let deny = args.switch("Deny");
        for typed in trustees {
            let dir = cx.directory();
            let trustee = dir.resolve_principal(&typed).map_err(|e| principal_error(&typed, e))?;
            let action = format!(
                "Removing recipient permission {} for user or group '{typed}' from recipient '{}'.",
                quote_list(&listed),
                id.text
            );
            if !cx.should_process(&action)? {
                continue;
            }
            let dir = cx.directory();
            let r = &dir.recipients[i];
            let found = r
                .ad_acl
                .iter()
                .find(|a| !a.inherited && a.deny == deny && is_send_as(a) && a.sid.eq_ignore_ascii_case(&trustee.sid))
                .cloned();
            match found {
                Some(a) => {
                    let object = r.guid.clone();
                    cx.apply(Change::RemoveAdAce { object, ace: AdAce { properties: Vec::new(), ..a } })?;
                }
                None => {
                    let msg = format!(
                        "Can't remove the access control entry on the object \"{}\" for attribute \"ExtendedRight (ObjectType: {SEND_AS_GUID})\" because the ACE isn't present.",
                        dir.distinguished_name(r)
                    );
                    cx.warning(&msg);
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, message, prop, run, s};
    use crate::directory::ExchangeVersion;

    #[test]
    fn add_get_remove_send_as() {
        let mut c = MockContext::new(ExchangeVersion::Online);
        assert!(run(&GetRecipientPermission, &mut c, &[("Identity", s("helpdesk"))]).is_ok());
        assert_eq!(c.out.len(), 1);
        assert_eq!(prop(&c.out[0], "Trustee"), "NT AUTHORITY\\SELF");
        assert_eq!(prop(&c.out[0], "AccessControlType"), "Allow");
        assert_eq!(prop(&c.out[0], "AccessRights"), "SendAs");
        assert_eq!(prop(&c.out[0], "Identity"), "Help Desk");
        c.clear();
        let args = [("Identity", s("Help Desk")), ("AccessRights", s("SendAs")), ("Trustee", s("Kim Akers"))];
        assert!(run(&AddRecipientPermission, &mut c, &args).is_ok());
        assert_eq!(
            c.actions,
            ["Adding recipient permission 'SendAs' for user or group 'Kim Akers' on recipient 'Help Desk'."]
        );
        assert_eq!(prop(&c.out[0], "Trustee"), "kim@contoso.com");
        assert_eq!(prop(&c.out[0], "InheritanceType"), "None");
        assert!(run(&AddRecipientPermission, &mut c, &args).is_ok());
        assert_eq!(
            c.warnings,
            [
                "The appropriate access control entry is already present on the object \"CN=Help Desk,OU=contoso.onmicrosoft.com,OU=Microsoft Exchange Hosted Organizations,DC=NAMPR04A003,DC=PROD,DC=OUTLOOK,DC=COM\" for account \"NAMPR04A003\\kim\"."
            ]
        );
        c.clear();
        assert!(run(&GetRecipientPermission, &mut c, &[("Trustee", s("Kim Akers"))]).is_ok());
        assert_eq!(c.out.len(), 1);
        c.clear();
        assert!(run(&RemoveRecipientPermission, &mut c, &args).is_ok());
        assert_eq!(
            c.actions,
            ["Removing recipient permission 'SendAs' for user or group 'Kim Akers' from recipient 'Help Desk'."]
        );
        assert!(c.warnings.is_empty() && c.out.is_empty());
        assert!(run(&RemoveRecipientPermission, &mut c, &args).is_ok());
        assert_eq!(
            c.warnings,
            [
                "Can't remove the access control entry on the object \"CN=Help Desk,OU=contoso.onmicrosoft.com,OU=Microsoft Exchange Hosted Organizations,DC=NAMPR04A003,DC=PROD,DC=OUTLOOK,DC=COM\" for attribute \"ExtendedRight (ObjectType: ab721a54-1e2f-11d0-9819-00aa0040529b)\" because the ACE isn't present."
            ]
        );
    }

    #[test]
    fn errors_and_result_size() {
        let mut c = MockContext::new(ExchangeVersion::Online);
        let args = [("Identity", s("Help Desk")), ("AccessRights", s("FullAccess")), ("Trustee", s("kim"))];
        let e = crate::cmdlets::testing::bind(&AddRecipientPermission, &c, &args).err().unwrap_or_default();
        assert!(e.contains("Unable to match the identifier name FullAccess"), "{e}");
        let args = [("Identity", s("nobody")), ("AccessRights", s("SendAs")), ("Trustee", s("kim"))];
        assert_eq!(
            message(
                &run(&AddRecipientPermission, &mut c, &args)
                    .err()
                    .unwrap_or(CmdletError::exchange(ExchangeErrorKind::Argument, ""))
            ),
            "The operation couldn't be performed because object 'nobody' couldn't be found on 'BN8PR04A003DC05.NAMPR04A003.PROD.OUTLOOK.COM'."
        );
        assert!(run(&GetRecipientPermission, &mut c, &[("ResultSize", Value::Int(2))]).is_ok());
        assert_eq!(c.out.len(), 2);
        assert_eq!(
            c.warnings,
            [
                "There are more results available than are currently displayed. To view them, increase the value for the ResultSize parameter."
            ]
        );
    }
}
