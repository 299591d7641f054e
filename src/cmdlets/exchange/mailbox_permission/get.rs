//! Get-MailboxPermission: the explicit, inherited and database-granted rows of a mailbox, or its owner.

use super::*;

impl Cmdlet for GetMailboxPermission {
    fn signature(&self) -> Signature {
        let sig = Signature::new(
            "Get-MailboxPermission",
            "Microsoft.Exchange.Management.RecipientTasks.GetMailboxPermission",
            Origin::Exchange,
        )
        .synopsis("Gets the permissions on a mailbox.")
        .sets(&["AccessRights", "Owner"])
        .param(identity_param(&["AccessRights", "Owner"]))
        .param(user_param(&["AccessRights"], &[], "Returns only the entries of this user or group."))
        .param(
            Param::new("Owner", ParamType::Switch)
                .sets(&["Owner"])
                .mandatory()
                .help("Returns the mailbox owner instead of the permissions."),
        )
        .param(params::credential())
        .param(params::read_from_domain_controller())
        .param(params::result_size())
        .param(
            Param::new("GroupMailbox", ParamType::Switch)
                .versions(ONLINE)
                .help("Includes Microsoft 365 Group mailboxes."),
        )
        .param(
            Param::new("SoftDeletedMailbox", ParamType::Switch)
                .sets(&["AccessRights"])
                .versions(ONLINE)
                .help("Targets a soft-deleted mailbox."),
        )
        .param(
            Param::new("IncludeSoftDeletedUserPermissions", ParamType::Switch)
                .sets(&["AccessRights"])
                .versions(ONLINE)
                .help("Includes permissions of soft-deleted users."),
        )
        .param(
            Param::new("IncludeUnresolvedPermissions", ParamType::Switch)
                .sets(&["AccessRights"])
                .versions(ONLINE)
                .help("Includes permissions whose trustee no longer resolves."),
        )
        .param(
            Param::new("IncludeUserWithDisplayName", ParamType::Switch)
                .versions(ONLINE)
                .help("Includes the user's display name."),
        )
        .param(
            Param::new("UseCustomRouting", ParamType::Switch)
                .versions(ONLINE)
                .help("Routes the request to the mailbox's server."),
        )
        .param(params::domain_controller());
        sig.example("Get-MailboxPermission -Identity john@contoso.com | Format-List", "Lists the permissions on John's mailbox.")
            .example("Get-MailboxPermission -Identity john@contoso.com -User \"Ayla\"", "Shows Ayla's permissions on John's mailbox.")
            .example("Get-MailboxPermission -Identity Room222 -Owner", "Shows the owner of the resource mailbox Room222.")
            .example(
                "Get-MailboxPermission karen | where {$_.AccessRights -like 'Full*'} | Format-Table -Auto User,Deny,IsInherited,AccessRights",
                "Lists who has Full Access.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(identity) = arg_id(args, "Identity") else {
            return Err(missing("Identity"));
        };
        let dir = cx.directory();
        let found = resolve_many(dir, &identity, IDENTITY)?;
        let user_sid = match arg_id(args, "User") {
            Some(u) => Some(dir.resolve_principal(&u.text).map_err(|e| principal_error(&u.text, e))?.sid),
            None => None,
        };
        let owner = args.switch("Owner");
        let hide_unresolved = is_online(dir) && !args.switch("IncludeUnresolvedPermissions");
        let mut out = Vec::new();
        for i in found {
            if owner {
                out.push(owner_object(dir, i, &mailbox_owner(dir, i)));
                continue;
            }
            let grants = database_grants(dir, i);
            for ace in dir.recipients[i].mailbox_acl.iter().chain(grants.iter()) {
                if user_sid.as_deref().is_some_and(|s| !s.eq_ignore_ascii_case(&ace.sid)) {
                    continue;
                }
                if hide_unresolved && dir.account_name(&ace.sid) == ace.sid {
                    continue;
                }
                out.push(mailbox_ace(dir, i, ace));
            }
        }
        for v in out {
            cx.output(v);
        }
        Ok(())
    }
}
