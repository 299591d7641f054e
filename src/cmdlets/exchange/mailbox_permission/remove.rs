//! Remove-MailboxPermission: removes explicit entries, clears auto-mapping, resets the defaults.

use super::*;

impl Cmdlet for RemoveMailboxPermission {
    fn signature(&self) -> Signature {
        let sig = Signature::new(
            "Remove-MailboxPermission",
            "Microsoft.Exchange.Management.RecipientTasks.RemoveMailboxPermission",
            Origin::Exchange,
        )
        .synopsis("Removes permissions from a mailbox or mail user.")
        .sets(&["AccessRights", "Instance", "ClearAutoMapping", "ResetDefault"])
        .should_process(ConfirmImpact::High)
        .param(identity_param(&["AccessRights", "ClearAutoMapping", "ResetDefault"]))
        .param(access_rights_param(&["AccessRights", "Instance"], &["AccessRights"]))
        .param(user_param(
            &["AccessRights", "Instance"],
            &["AccessRights"],
            "The user or group whose permission is removed.",
        ))
        .param(
            Param::new("Instance", ParamType::Object)
                .sets(&["Instance"])
                .mandatory()
                .from_pipeline()
                .versions(ON_PREMISES)
                .type_display("MailboxAcePresentationObject")
                .help("A permission object to remove (Get-MailboxPermission output)."),
        )
        .param(
            Param::new("ClearAutoMapping", ParamType::Switch)
                .sets(&["ClearAutoMapping"])
                .mandatory()
                .versions(FROM_2016)
                .help("Removes the mailbox from auto-mapping for everyone with Full Access (works only in the cloud)."),
        )
        .param(
            Param::new("ResetDefault", ParamType::Switch).sets(&["ResetDefault"]).mandatory().versions(FROM_2016).help(
                "Resets the security descriptor so that only the owner keeps Full Access (works only in the cloud).",
            ),
        )
        .param(
            Param::new("BypassMasterAccountSid", ParamType::Switch)
                .sets(&["AccessRights", "ClearAutoMapping"])
                .versions(ONLINE)
                .help("Suppresses the ACE-doesn't-exist error (legacy dedicated environments)."),
        )
        .param(
            Param::new("Deny", ParamType::Switch)
                .sets(&["AccessRights", "Instance"])
                .help("The entry to remove is a Deny entry."),
        )
        .param(
            Param::new("GroupMailbox", ParamType::Switch)
                .sets(&["AccessRights", "Instance"])
                .versions(ONLINE)
                .help("Required for a Microsoft 365 Group mailbox."),
        )
        .param(params::inheritance_type().sets(&["AccessRights", "Instance"]))
        .param(
            Param::new("SoftDeletedMailbox", ParamType::Switch)
                .sets(&["AccessRights"])
                .versions(ONLINE)
                .help("Required when the mailbox is soft-deleted."),
        );
        common_tail(sig)
            .example(
                "Remove-MailboxPermission -Identity \"Yuuto Sasaki\" -User \"Pedro Pizarro\" -AccessRights FullAccess -InheritanceType All",
                "Removes Pedro Pizarro's Full Access to Yuuto Sasaki's mailbox.",
            )
            .example("Remove-MailboxPermission -Identity \"HR Project\" -ClearAutoMapping", "Turns off auto-mapping for everyone with Full Access.")
            .example(
                "Remove-MailboxPermission -Identity ayla -User \"Jim Hance\" -AccessRights FullAccess -InheritanceType All",
                "Removes Jim Hance's Full Access to Ayla's mailbox.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let (identity, instance) = identity_and_instance(args);
        let Some(identity) = identity else {
            return Err(missing("Identity"));
        };
        let dir = cx.directory();
        let i = resolve_one(dir, &identity, IDENTITY)?;
        let mailbox_guid = dir.recipients[i].guid.clone();

        if args.switch("ClearAutoMapping") || args.switch("ResetDefault") {
            let reset = args.switch("ResetDefault");
            let action =
                format!("Removing mailbox permission \"{}\" for user \"\" with access rights \"\".", identity.text);
            if !cx.should_process(&action)? || !is_online(cx.directory()) {
                return Ok(());
            }
            let dir = cx.directory();
            let links = dir.recipients[i].delegate_list_link.clone();
            let mut changes: Vec<Change> = links
                .into_iter()
                .map(|user| Change::SetAutoMapping { mailbox: mailbox_guid.clone(), user, enabled: false })
                .collect();
            if reset {
                for a in &dir.recipients[i].mailbox_acl {
                    if !a.inherited && a.sid != "S-1-5-10" {
                        changes.push(Change::RemoveMailboxAce { mailbox: mailbox_guid.clone(), ace: a.clone() });
                    }
                }
            }
            for c in changes {
                cx.apply(c)?;
            }
            return Ok(());
        }

        let Some(Requested { req, user_text, trustee, bits }) = requested(cx, args, instance, i)? else {
            return Ok(());
        };
        let action = format!(
            "Removing mailbox permission \"{}\" for user \"{}\" with access rights \"{}\".",
            identity.text,
            user_text,
            quote_list(&enum_names(&MAILBOX_RIGHTS, &req.rights))
        );
        if !cx.should_process(&action)? {
            return Ok(());
        }
        let dir = cx.directory();
        let acl = &dir.recipients[i].mailbox_acl;
        let same = |a: &MailboxAce| a.sid.eq_ignore_ascii_case(&trustee.sid) && a.rights & bits != 0;
        let explicit = acl
            .iter()
            .find(|a| !a.inherited && same(a) && a.deny == req.deny && a.inheritance == req.inheritance)
            .cloned();
        match explicit {
            Some(found) => {
                let ace = MailboxAce { rights: bits, inherited: false, ..found };
                cx.apply(Change::RemoveMailboxAce { mailbox: mailbox_guid.clone(), ace })?;
                if bits & mr::FULL_ACCESS != 0 && !req.deny {
                    apply_delegation(cx, i, &trustee, &user_text, true)?;
                }
            }
            None => {
                let dn = dn_of(dir, i);
                let inherited = acl.iter().find(|a| a.inherited && same(a) && a.deny == req.deny);
                let msg = match inherited.or_else(|| acl.iter().find(|a| a.inherited && same(a))) {
                    Some(inh) => format!(
                        "An inherited access control entry has been specified: [Rights: {}, ControlType: {}]  and was ignored on object \"{dn}\".",
                        AD_RIGHTS.format(inh.rights),
                        if inh.deny { "Deny" } else { "Allow" }
                    ),
                    None => format!(
                        "Can't remove the access control entry on the object \"{dn}\" for account \"{}\" because the ACE doesn't exist on the object.",
                        trustee.account
                    ),
                };
                cx.warning(&msg);
                // Exchange applies the delegation step whether or not an entry was removed.
                if bits & mr::FULL_ACCESS != 0 && !req.deny {
                    apply_delegation(cx, i, &trustee, &user_text, true)?;
                }
            }
        }
        Ok(())
    }
}
