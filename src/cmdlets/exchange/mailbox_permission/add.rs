//! Add-MailboxPermission: grants (or the owner) on a mailbox, with auto-mapping for Full Access.

use super::*;

impl Cmdlet for AddMailboxPermission {
    fn signature(&self) -> Signature {
        let sig = Signature::new(
            "Add-MailboxPermission",
            "Microsoft.Exchange.Management.RecipientTasks.AddMailboxPermission",
            Origin::Exchange,
        )
        .synopsis("Adds permissions to a mailbox or mail user.")
        .sets(&["AccessRights", "Owner", "Instance"])
        .should_process(ConfirmImpact::Medium)
        .param(identity_param(&["AccessRights", "Owner"]))
        .param(access_rights_param(&["AccessRights", "Instance"], &["AccessRights"]))
        .param(user_param(
            &["AccessRights", "Instance"],
            &["AccessRights"],
            "The grantee: a mailbox user, mail user or mail-enabled security group.",
        ))
        .param(
            Param::new("Owner", ParamType::Identity(IdentityKind::SecurityPrincipal))
                .sets(&["Owner"])
                .mandatory()
                .help("Sets the mailbox owner (default NT AUTHORITY\\SELF)."),
        )
        .param(
            Param::new("Instance", ParamType::Object)
                .sets(&["Instance"])
                .mandatory()
                .from_pipeline()
                .versions(ON_PREMISES)
                .type_display("MailboxAcePresentationObject")
                .help("A permission object to add (deprecated)."),
        )
        .param(
            Param::new("AutoMapping", ParamType::Bool)
                .sets(&["AccessRights", "Instance"])
                .help("$true (default) lets Outlook open the mailbox automatically for a Full Access grantee; $false prevents it."),
        )
        .param(
            Param::new("Deny", ParamType::Switch)
                .sets(&["AccessRights", "Instance"])
                .help("Adds a Deny entry."),
        )
        .param(
            Param::new("GroupMailbox", ParamType::Switch)
                .versions(ONLINE)
                .help("Required when the target is a Microsoft 365 Group mailbox."),
        )
        .param(
            params::inheritance_type().sets(&["AccessRights", "Instance"]),
        );
        common_tail(sig)
            .example(
                "Add-MailboxPermission -Identity \"Terry Adams\" -User \"Kevin Kelly\" -AccessRights FullAccess -InheritanceType All",
                "Gives Kevin Kelly Full Access to Terry Adams's mailbox.",
            )
            .example("Add-MailboxPermission -Identity \"Room 222\" -Owner \"Tony Smith\"", "Makes Tony Smith the owner of the resource mailbox Room 222.")
            .example(
                "Add-MailboxPermission -Identity \"Jeroen Cool\" -User \"Mark Steele\" -AccessRights FullAccess -InheritanceType All -AutoMapping $false",
                "Gives Full Access without auto-mapping.",
            )
            .example(
                "Get-Mailbox -ResultSize unlimited -Filter \"(RecipientTypeDetails -eq 'UserMailbox') -and (Alias -ne 'Admin')\" | Add-MailboxPermission -User admin@contoso.com -AccessRights FullAccess -InheritanceType All",
                "Gives the admin Full Access to every user mailbox except Admin's.",
            )
            .example(
                "Add-MailboxPermission -Identity \"Helpdesk Tickets\" -User Helpdesk -AccessRights FullAccess -InheritanceType All",
                "Gives the Helpdesk group Full Access to a shared mailbox.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let (identity, instance) = identity_and_instance(args);
        let Some(identity) = identity else {
            return Err(missing("Identity"));
        };
        let dir = cx.directory();
        let i = resolve_one(dir, &identity, IDENTITY)?;

        if let Some(owner) = arg_id(args, "Owner") {
            let trustee = dir.resolve_principal(&owner.text).map_err(|e| principal_error(&owner.text, e))?;
            let action = format!("Changing the owner of mailbox '{}' to '{}'.", identity.text, owner.text);
            if !cx.should_process(&action)? {
                return Ok(());
            }
            let mailbox = cx.directory().recipients[i].guid.clone();
            cx.apply(Change::SetOwner { object: mailbox, of: OwnerOf::Mailbox, owner: trustee.sid.clone() })?;
            let dir = cx.directory();
            let v = owner_object(dir, i, &dir.account_name(&trustee.sid));
            cx.output(v);
            return Ok(());
        }

        let Some(Requested { req, user_text, trustee, bits }) = requested(cx, args, instance, i)? else {
            return Ok(());
        };
        let grants_full_access = bits & mr::FULL_ACCESS != 0 && !req.deny;
        if opt_bool(args, "AutoMapping") == Some(true) && !grants_full_access {
            return Err(CmdletError::Exchange {
                kind: ExchangeErrorKind::InvalidOperation,
                message: "Setting AutoMapping option to true for non-FullAccess rights is not allowed. AutoMapping=true option can only be used together with FullAccess permission.".into(),
                category: "InvalidOperation",
            });
        }
        if req.rights.iter().any(|r| r & mr::SEND_AS != 0) {
            return Err(CmdletError::Exchange {
                kind: ExchangeErrorKind::InvalidOperation,
                message: "Setting the Send As permission for the mailbox doesn't work. Add the Send As permission using Add-ADPermission cmdlet.".into(),
                category: "InvalidOperation",
            });
        }
        if req.rights.is_empty() {
            return Err(CmdletError::exchange(
                ExchangeErrorKind::Argument,
                "AccessRights parameter cannot be null or an empty array.",
            ));
        }
        let action = format!(
            "Adding Mailbox Permission on '{}' for User '{}' with AccessRights '{}'.",
            identity.text,
            user_text,
            quote_list(&enum_names(&MAILBOX_RIGHTS, &req.rights))
        );
        if !cx.should_process(&action)? {
            return Ok(());
        }
        let dir = cx.directory();
        let r = &dir.recipients[i];
        let present = r.mailbox_acl.iter().any(|a| {
            !a.inherited
                && a.sid.eq_ignore_ascii_case(&trustee.sid)
                && a.deny == req.deny
                && a.inheritance == req.inheritance
                && a.rights & bits == bits
        });
        let ace = MailboxAce {
            sid: trustee.sid.clone(),
            rights: bits,
            deny: req.deny,
            inheritance: req.inheritance,
            inherited: false,
        };
        let mailbox_guid = r.guid.clone();
        if present {
            let msg = format!(
                "The appropriate access control entry is already present on the object \"{}\" for account \"{}\".",
                dn_of(dir, i),
                trustee.account
            );
            cx.warning(&msg);
        } else {
            cx.apply(Change::AddMailboxAce { mailbox: mailbox_guid.clone(), ace: ace.clone() })?;
        }
        // Auto-mapping (msExchDelegateListLink); -AutoMapping $false removes the link.
        if grants_full_access {
            let enable = opt_bool(args, "AutoMapping") != Some(false);
            if let Some(user_guid) = apply_delegation(cx, i, &trustee, &user_text, !enable)?
                && enable
            {
                // The mailboxes the user now auto-maps: a count kept by the recipient list, so
                // a long run of grants does not walk every recipient per grant.
                if cx.directory().recipients.auto_mapped_count(&user_guid) >= 16 {
                    cx.warning("Some delegates added may not show up automatically in Outlook. Outlook is limited to displaying only the first 32 entries (If a delegate user has an archive, the user counts as 2 entries).");
                }
            }
        }
        let v = mailbox_ace(cx.directory(), i, &ace);
        cx.output(v);
        Ok(())
    }
}
