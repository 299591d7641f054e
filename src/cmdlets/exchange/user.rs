//! Set-User: the person data of a user account (mailbox or mail user) that exsh models — display,
//! first and last name, title, department — through `Change::SetRecipientFields`, with Exchange's
//! What if text and no-change warning (docs/reference/recipients.md §8).

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletResult, ConfirmImpact, Context, IdentityKind, Origin, Param, ParamType, Signature,
};
use crate::directory::{Change, RecipientField};
use crate::value::Value;
use crate::value::convert::{to_bool, to_string};

use super::{ON_PREMISES, arg_id, identity_display, params, resolve_one};

/// Set-User.
pub struct SetUser;

/// What Set-User's -Identity names.
const IDENTITY: IdentityKind = IdentityKind::User;

/// The string parameters Set-User maps onto model fields.
const FIELDS: &[(&str, &str)] = &[
    ("DisplayName", "The display name (up to 256 characters)."),
    ("FirstName", "The user's first name."),
    ("LastName", "The user's last name."),
    ("Title", "The user's title."),
    ("Department", "The user's department."),
];

impl Cmdlet for SetUser {
    fn signature(&self) -> Signature {
        let mut sig =
            Signature::new("Set-User", "Microsoft.Exchange.Management.RecipientTasks.SetUser", Origin::Exchange)
                .synopsis("Modifies user attributes in the directory (mailboxes and mail users).")
                .should_process(ConfirmImpact::Medium)
                .param(
                    Param::new("Identity", ParamType::Identity(IDENTITY))
                        .position(0)
                        .mandatory()
                        .from_pipeline()
                        .from_pipeline_by_name()
                        .help("The user: name, UPN, DN, canonical DN, domain\\user or GUID."),
                );
        for (name, help) in FIELDS {
            sig = sig.param(Param::new(name, ParamType::String).help(help));
        }
        sig.param(params::domain_controller())
            .param(params::ignore_default_scope().versions(ON_PREMISES))
            .example(
                "Set-User -Identity Contoso\\Jill -DisplayName \"Jill Frank\"",
                "Sets the display name of the user Jill Frank.",
            )
            .example(
                "Get-User -Filter \"Department -eq 'Sales'\" | Set-User -Title \"Sales Representative\"",
                "Sets the title of every user in the Sales department.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(identity) = arg_id(args, "Identity") else {
            return Ok(());
        };
        let dir = cx.directory();
        let i = resolve_one(dir, &identity, IDENTITY)?;
        let r = &dir.recipients[i];
        let mut fields = Vec::new();
        for (name, _) in FIELDS {
            let Some(v) = args.get(name) else { continue };
            let v = if v.is_null() { String::new() } else { to_string(v) };
            let (current, field) = match *name {
                "DisplayName" => (&r.display_name, RecipientField::DisplayName(v.clone())),
                "FirstName" => (&r.first_name, RecipientField::FirstName(v.clone())),
                "LastName" => (&r.last_name, RecipientField::LastName(v.clone())),
                "Title" => (&r.title, RecipientField::Title(v.clone())),
                _ => (&r.department, RecipientField::Department(v.clone())),
            };
            if *current != v {
                fields.push(field);
            }
        }
        let guid = r.guid.clone();
        if !cx.should_process(&format!("Setting user \"{}\".", identity.text))? {
            return Ok(());
        }
        if fields.is_empty() {
            let suppressed = cx.variable("ExchangeDisableNotChangedWarning").is_some_and(|v| to_bool(&v));
            if !suppressed {
                let shown = identity_display(cx.directory(), i);
                cx.warning(&format!(
                    "The command completed successfully but no settings of '{shown}' have been modified."
                ));
            }
            return Ok(());
        }
        cx.apply(Change::SetRecipientFields { recipient: guid, fields })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, message, run, s};
    use crate::directory::ExchangeVersion;

    #[test]
    fn set_user_changes_person_data_and_warns_when_unchanged() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let args = [("Identity", s("amy")), ("Title", s("Account Manager")), ("Department", s("Sales"))];
        assert!(run(&SetUser, &mut c, &args).is_ok());
        assert_eq!(c.actions, ["Setting user \"amy\"."]);
        assert_eq!(c.dir.recipients[3].title, "Account Manager");
        assert!(c.warnings.is_empty());
        assert!(run(&SetUser, &mut c, &args).is_ok());
        assert_eq!(
            c.warnings,
            [
                "The command completed successfully but no settings of 'contoso.com/Users/Amy Alberts' have been modified."
            ]
        );
        let r = run(&SetUser, &mut c, &[("Identity", s("partner")), ("Title", s("x"))]);
        assert!(r.err().map(|e| message(&e)).unwrap_or_default().contains("object 'partner' couldn't be found"));
    }
}
