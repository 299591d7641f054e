//! Get-, New-, Set- and Remove-DistributionGroup: universal distribution groups and
//! mail-enabled universal security groups (the ones that can hold permissions), with their
//! owners (ManagedBy), members and Send on Behalf delegates.
//!
//! What if texts and errors are Exchange 2013's (resource tables); the security-group owner
//! check is the one Add-DistributionGroupMember uses (see `group_member`).

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, ConfirmImpact, Context, ExchangeErrorKind, IdentityKind, Origin,
    Param, ParamType, Signature,
};
use crate::directory::{Change, NewRecipient, RecipientField, RecipientKind};
use crate::value::convert::{to_bool, to_string};
use crate::value::{EnumType, Value};

use super::group_member::{REFERENCE, check_group_manager, executing_user, resolve_reference};
use super::mailbox::{Delegates, delegates_arg, resolve_all};
use super::mailbox_lifecycle::{
    check_new_recipient, check_online_name, check_organizational_unit, string_arg, unique_alias,
};
use super::objects::distribution_group_object;
use super::params;
use super::recipient::{candidates, common_filters, query_params, write_results};
use super::{FROM_2016, IdArg, ON_PREMISES, ONLINE, arg_id, id_arg, identity_display, resolve_one};

/// Get-DistributionGroup.
pub struct GetDistributionGroup;
/// New-DistributionGroup.
pub struct NewDistributionGroup;
/// Set-DistributionGroup.
pub struct SetDistributionGroup;
/// Remove-DistributionGroup.
pub struct RemoveDistributionGroup;

/// What -Identity of the *-DistributionGroup cmdlets names.
const IDENTITY: IdentityKind = IdentityKind::DistributionGroup;

/// `Microsoft.Exchange.Management.RecipientTasks.GroupType` (New-DistributionGroup -Type).
pub static GROUP_TYPE: EnumType = EnumType {
    name: "Microsoft.Exchange.Management.RecipientTasks.GroupType",
    flags: false,
    members: &[("Distribution", 0), ("Security", 1)],
};

/// `Microsoft.Exchange.Data.Directory.Recipient.MemberUpdateType` (join/depart restrictions).
pub static MEMBER_UPDATE_TYPE: EnumType = EnumType {
    name: "Microsoft.Exchange.Data.Directory.Recipient.MemberUpdateType",
    flags: false,
    members: &[("Closed", 0), ("Open", 1), ("ApprovalRequired", 2)],
};

fn ids(v: Option<&Value>) -> Vec<IdArg> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => v.enumerate().iter().map(id_arg).collect(),
    }
}

/// Resolves a list of recipient references to Guids, in order.
fn resolve_refs(cx: &dyn Context, list: &[IdArg]) -> Result<Vec<usize>, CmdletError> {
    list.iter().map(|id| resolve_reference(cx.directory(), id)).collect()
}

/// The RecipientTypeDetails a group owner may have, in Exchange's order
/// (`RecipientConstants.DistributionGroup_OwnerRecipientTypeDetails`).
const OWNER_TYPES: &[&str] = &[
    "UserMailbox",
    "LegacyMailbox",
    "SharedMailbox",
    "TeamMailbox",
    "MailUser",
    "LinkedMailbox",
    "RemoteUserMailbox",
    "RemoteSharedMailbox",
    "RemoteTeamMailbox",
    "MailContact",
    "User",
    "UniversalSecurityGroup",
    "MailUniversalSecurityGroup",
];

/// `MailboxTaskHelper.ValidateGroupManagedBy`: each owner must be of an [`OWNER_TYPES`] kind
/// (rooms, equipment and distribution groups are not). `group` is the group's Id as printed.
fn check_owners(dir: &crate::directory::Directory, group: &str, owners: &[usize]) -> CmdletResult {
    for o in owners {
        let kind = dir.recipients[*o].kind.details_name();
        if !OWNER_TYPES.contains(&kind) {
            return Err(CmdletError::exchange(
                ExchangeErrorKind::RecipientTask,
                format!(
                    "The group \"{group}\" can't be managed by recipient \"{}\". The owner of the group should have the following recipient type details: {}",
                    identity_display(dir, *o),
                    OWNER_TYPES.join(",")
                ),
            ));
        }
    }
    Ok(())
}

fn switch(name: &'static str, help: &'static str) -> Param {
    Param::new(name, ParamType::Switch).help(help)
}

fn group_identity(mandatory: bool) -> Param {
    let p = Param::new("Identity", ParamType::Identity(IDENTITY))
        .position(0)
        .from_pipeline()
        .help("The group: name, alias, DN, canonical DN, email address or GUID.");
    if mandatory { p.mandatory() } else { p }
}

fn bypass() -> Param {
    switch(
        "BypassSecurityGroupManagerCheck",
        "Lets a user who isn't an owner (ManagedBy) of a security group change or remove it.",
    )
}

impl Cmdlet for GetDistributionGroup {
    fn signature(&self) -> Signature {
        let sig = Signature::new(
            "Get-DistributionGroup",
            "Microsoft.Exchange.Management.RecipientTasks.GetDistributionGroup",
            Origin::Exchange,
        )
        .synopsis("Gets distribution groups and mail-enabled security groups.")
        .sets(&["Identity", "AnrSet", "ManagedBySet"]);
        let identity = group_identity(false).sets(&["Identity"]).from_pipeline_by_name();
        query_params(
            sig,
            identity,
            "Filters by group type: MailUniversalDistributionGroup, MailUniversalSecurityGroup, MailNonUniversalGroup, RoomList.",
            &[],
        )
        .param(
            Param::new("ManagedBy", ParamType::Identity(REFERENCE))
                .sets(&["ManagedBySet"])
                .type_display("GeneralRecipientIdParameter")
                .help("Only groups this recipient owns (name, alias, DN, canonical DN, email address or GUID)."),
        )
        .example("Get-DistributionGroup", "Lists every distribution group and mail-enabled security group.")
        .example("Get-DistributionGroup -Identity \"Marketing Reports\" | Format-List", "Shows one group in detail.")
        .example("Get-DistributionGroup -Anr marketing | Format-Table Name, ManagedBy -Auto", "Lists groups whose names start with marketing, with their owners.")
        .example("Get-DistributionGroup -Identity \"All Staff\" | Format-List GrantSendOnBehalfTo", "Shows a group's Send on Behalf delegates.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let mut found = candidates(dir, args, IDENTITY)?;
        found = common_filters(dir, args, found)?;
        if let Some(owner) = arg_id(args, "ManagedBy") {
            let o = resolve_reference(dir, &owner)?;
            let g = dir.recipients[o].guid.clone();
            found.retain(|i| dir.recipients[*i].managed_by.iter().any(|m| m.eq_ignore_ascii_case(&g)));
        }
        write_results(cx, args, found, distribution_group_object, super::opath_schema::Target::DistributionGroup)
    }
}

impl Cmdlet for NewDistributionGroup {
    fn signature(&self) -> Signature {
        Signature::new(
            "New-DistributionGroup",
            "Microsoft.Exchange.Management.RecipientTasks.NewDistributionGroup",
            Origin::Exchange,
        )
        .synopsis("Creates a universal distribution group or a mail-enabled universal security group.")
        .should_process(ConfirmImpact::Medium)
        .param(
            Param::new("Name", ParamType::String)
                .position(0)
                .mandatory()
                .help("The unique name of the group (up to 64 characters); also the display name when -DisplayName is omitted."),
        )
        .param(
            Param::new("Type", ParamType::Enum(&GROUP_TYPE))
                .help("Distribution (default; can't hold permissions) or Security (a mail-enabled security group that can)."),
        )
        .param(Param::new("Alias", ParamType::String).help("The alias; the Name without spaces when omitted."))
        .param(Param::new("DisplayName", ParamType::String).help("The display name (up to 256 characters); the Name when omitted."))
        .param(
            Param::new("Members", ParamType::MultiValued(REFERENCE))
                .help("The initial members, comma-separated (name, alias, DN, canonical DN, email address or GUID)."),
        )
        .param(
            Param::new("ManagedBy", ParamType::MultiValued(REFERENCE))
                .help("The owners; the user who creates the group when omitted. Owners aren't members unless -CopyOwnerToMember is used."),
        )
        .param(switch("CopyOwnerToMember", "Makes the owners (ManagedBy) members too."))
        .param(
            Param::new("MemberJoinRestriction", ParamType::Enum(&MEMBER_UPDATE_TYPE))
                .help("Open, Closed (default) or ApprovalRequired."),
        )
        .param(
            Param::new("MemberDepartRestriction", ParamType::Enum(&MEMBER_UPDATE_TYPE))
                .help("Open (default for distribution groups), Closed (default for security groups) or ApprovalRequired."),
        )
        .param(Param::new("PrimarySmtpAddress", ParamType::String).type_display("SmtpAddress").help("The primary return address."))
        .param(
            Param::new("OrganizationalUnit", ParamType::String)
                .type_display("OrganizationalUnitIdParameter")
                .help("The OU to create the group in (exsh has only the Users container)."),
        )
        .param(
            Param::new("SamAccountName", ParamType::String)
                .versions(ON_PREMISES)
                .help("The pre-Windows 2000 group name; exsh uses the alias."),
        )
        .param(Param::new("Notes", ParamType::String).help("Notes about the group."))
        .param(
            Param::new("RequireSenderAuthenticationEnabled", ParamType::Bool)
                .versions(FROM_2016)
                .help("$true (default) accepts messages only from authenticated (internal) senders."),
        )
        .param(switch("RoomList", "Creates a room list (a group of room mailboxes)."))
        .param(switch("IgnoreNamingPolicy", "Ignores the group naming policy."))
        .param(switch("HiddenGroupMembershipEnabled", "Hides the membership from non-members.").versions(ONLINE))
        .param(params::domain_controller())
        .example("New-DistributionGroup -Name \"Managers\" -Type \"Security\"", "Creates a mail-enabled security group with no members.")
        .example(
            "New-DistributionGroup -Name \"ITDepartment\" -Members chris@contoso.com,michelle@contoso.com,laura@contoso.com,julia@contoso.com",
            "Creates a distribution group with members.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        // The binder refuses an empty -Name (a mandatory [string]).
        let name: String = args.req("Name")?;
        let security = match args.get("Type") {
            None | Some(Value::Null) => false,
            Some(Value::Enum(e)) => e.bits == 1,
            Some(v) => {
                let t = to_string(v);
                GROUP_TYPE
                    .parse(&t)
                    .map(|e| e.bits == 1)
                    .map_err(|e| super::conversion_error("Type", &t, &GROUP_TYPE, &e.identifier))?
            }
        };
        let dir = cx.directory();
        check_online_name(dir, &name)?;
        check_organizational_unit(dir, args)?;
        let owners: Vec<usize> = match args.get("ManagedBy") {
            Some(v) if !v.is_null() => resolve_refs(cx, &ids(Some(v)))?,
            _ => executing_user(dir).into_iter().collect(),
        };
        let dir = cx.directory();
        let shown = if super::is_online(dir) { name.clone() } else { format!("{}/{name}", dir.users_container()) };
        check_owners(dir, &shown, &owners)?;
        let mut owner_guids: Vec<String> = Vec::new();
        for o in &owners {
            let g = dir.recipients[*o].guid.clone();
            if owner_guids.iter().any(|x| x.eq_ignore_ascii_case(&g)) {
                return Err(CmdletError::exchange(
                    ExchangeErrorKind::InvalidOperation,
                    format!(
                        "Group \"{}/{name}\" is already managed by recipient \"{}\".",
                        dir.users_container(),
                        identity_display(dir, *o)
                    ),
                ));
            }
            owner_guids.push(g);
        }
        let member_ids = ids(args.get("Members"));
        let members = resolve_refs(cx, &member_ids)?;
        let dir = cx.directory();
        let alias = string_arg(args, "Alias").unwrap_or_else(|| unique_alias(dir, &name));
        let primary = string_arg(args, "PrimarySmtpAddress").unwrap_or_else(|| format!("{alias}@{}", dir.org.domain));
        let spec = NewRecipient {
            name: name.clone(),
            alias: alias.clone(),
            display_name: string_arg(args, "DisplayName"),
            first_name: String::new(),
            last_name: String::new(),
            kind: if security {
                RecipientKind::MailUniversalSecurityGroup
            } else {
                RecipientKind::MailUniversalDistributionGroup
            },
            database: None,
            external_email: None,
        };
        let mut group = dir.build_recipient(&spec);
        for (m, id) in members.iter().zip(&member_ids) {
            let g = dir.recipients[*m].guid.clone();
            if group.members.iter().any(|x| x.eq_ignore_ascii_case(&g)) {
                // The new group's Id prints as its canonical name (or Name on Online).
                let shown =
                    if super::is_online(dir) { name.clone() } else { format!("{}/{name}", dir.users_container()) };
                return Err(CmdletError::exchange(
                    ExchangeErrorKind::MemberAlreadyExists,
                    format!("The recipient \"{}\" is already a member of the group \"{shown}\".", id.text),
                ));
            }
            group.members.push(g);
        }
        if args.switch("CopyOwnerToMember") {
            for g in &owner_guids {
                if !group.members.iter().any(|x| x.eq_ignore_ascii_case(g)) {
                    group.members.push(g.clone());
                }
            }
        }
        group.managed_by = owner_guids;
        group.primary_smtp = primary.clone();
        group.email_addresses = vec![format!("SMTP:{primary}")];
        check_new_recipient(dir, &name, &alias, &primary)?;
        let action = format!("Creating Group \"{name}\", Organizational Unit \"{}\".", dir.users_container());
        super::create_recipient(cx, &action, group, distribution_group_object)
    }
}

impl Cmdlet for SetDistributionGroup {
    fn signature(&self) -> Signature {
        Signature::new(
            "Set-DistributionGroup",
            "Microsoft.Exchange.Management.RecipientTasks.SetDistributionGroup",
            Origin::Exchange,
        )
        .synopsis("Modifies the settings of a distribution group or mail-enabled security group.")
        .should_process(ConfirmImpact::Medium)
        .param(group_identity(true).from_pipeline_by_name())
        .param(
            Param::new("Name", ParamType::String)
                .help("The unique name (up to 64 characters), also the group's CN; the display name does not change."),
        )
        .param(Param::new("DisplayName", ParamType::String).help("The display name (up to 256 characters)."))
        .param(
            Param::new("GrantSendOnBehalfTo", ParamType::MultiValued(REFERENCE))
                .help("Who may send on behalf of the group: a list replaces the delegates, @{Add=...; Remove=...} changes them, $null clears them."),
        )
        .param(
            Param::new("ManagedBy", ParamType::MultiValued(REFERENCE))
                .help("The owners: a list replaces them, @{Add=...; Remove=...} changes them."),
        )
        .param(
            Param::new("HiddenFromAddressListsEnabled", ParamType::Bool)
                .help("$true hides the group from address lists."),
        )
        .param(bypass())
        .param(switch(
            "IgnoreNamingPolicy",
            "Keeps the group out of the organization's group naming policy (exsh's org has none).",
        ))
        .param(switch(
            "ForceUpgrade",
            "Suppresses the confirmation for an object made by an older Exchange version (exsh has none); -Force binds here as a prefix.",
        ))
        .param(params::domain_controller())
        .param(params::ignore_default_scope().versions(ON_PREMISES))
        .example(
            "Set-DistributionGroup -Identity \"Accounting\" -DisplayName \"Accounting Group\"",
            "Changes the display name of the Accounting group.",
        )
        .example(
            "Set-DistributionGroup -Identity \"Sales\" -GrantSendOnBehalfTo @{Add=\"chris@contoso.com\"}",
            "Lets Chris send on behalf of the Sales group without touching the other delegates.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(identity) = arg_id(args, "Identity") else {
            return Ok(());
        };
        let dir = cx.directory();
        let i = resolve_one(dir, &identity, IDENTITY)?;
        let r = &dir.recipients[i];
        let guid = r.guid.clone();
        // The owner check applies when ManagedBy or GrantSendOnBehalfTo change (SetDistributionGroupBase).
        if args.has("ManagedBy") || args.has("GrantSendOnBehalfTo") {
            check_group_manager(dir, i, args.switch("BypassSecurityGroupManagerCheck"))?;
        }
        let mut changes: Vec<Change> = Vec::new();
        if let Some(v) = args.get("GrantSendOnBehalfTo") {
            let current = &r.grant_send_on_behalf_to;
            let has = |g: &String| current.iter().any(|c| c.eq_ignore_ascii_case(g));
            match delegates_arg(v)? {
                Delegates::Replace(list) => {
                    let guids = resolve_all(dir, &list)?;
                    if guids.len() != current.len() || !guids.iter().all(has) {
                        changes.push(Change::SetGrantSendOnBehalfTo { mailbox: guid.clone(), delegates: guids });
                    }
                }
                Delegates::Update { add, remove } => {
                    let (add, remove) = (resolve_all(dir, &add)?, resolve_all(dir, &remove)?);
                    if add.iter().any(|g| !has(g)) || remove.iter().any(has) {
                        changes.push(Change::UpdateGrantSendOnBehalfTo { mailbox: guid.clone(), add, remove });
                    }
                }
            }
        }
        let mut fields = Vec::new();
        if let Some(v) = args.get("ManagedBy") {
            let shown = identity_display(dir, i);
            let owners: Vec<String> = match delegates_arg(v)? {
                Delegates::Replace(list) => {
                    let owners = resolve_refs(cx, &list)?;
                    check_owners(dir, &shown, &owners)?;
                    owners.into_iter().map(|o| dir.recipients[o].guid.clone()).collect()
                }
                Delegates::Update { add, remove } => {
                    let add = resolve_refs(cx, &add)?;
                    check_owners(dir, &shown, &add)?;
                    let add: Vec<String> = add.into_iter().map(|o| dir.recipients[o].guid.clone()).collect();
                    let remove: Vec<String> =
                        resolve_refs(cx, &remove)?.into_iter().map(|o| dir.recipients[o].guid.clone()).collect();
                    let mut list: Vec<String> = r
                        .managed_by
                        .iter()
                        .filter(|g| !remove.iter().any(|x| x.eq_ignore_ascii_case(g)))
                        .cloned()
                        .collect();
                    for g in add {
                        if !list.iter().any(|x| x.eq_ignore_ascii_case(&g)) {
                            list.push(g);
                        }
                    }
                    list
                }
            };
            if owners.is_empty() {
                // SetDistributionGroup.InternalValidate (AutoGroupManagedByCannotBeEmpty).
                return Err(CmdletError::exchange(
                    ExchangeErrorKind::RecipientTask,
                    "All groups must have at least one owner who manages membership, message approval, and other settings for the group. Make sure you assign an owner for this group.",
                ));
            }
            let same = owners.len() == r.managed_by.len()
                && owners.iter().all(|o: &String| r.managed_by.iter().any(|m| m.eq_ignore_ascii_case(o)));
            if !same {
                fields.push(RecipientField::ManagedBy(owners));
            }
        }
        if let Some(name) = string_arg(args, "Name")
            && name != r.name
        {
            super::mailbox_lifecycle::check_name_free(dir, &name, Some(i))?;
            fields.push(RecipientField::Name(name));
        }
        if let Some(name) = string_arg(args, "DisplayName")
            && name != r.display_name
        {
            fields.push(RecipientField::DisplayName(name));
        }
        if let Some(hidden) = args.opt::<bool>("HiddenFromAddressListsEnabled")
            && hidden != r.hidden
        {
            fields.push(RecipientField::Hidden(hidden));
        }
        if !fields.is_empty() {
            changes.push(Change::SetRecipientFields { recipient: guid, fields });
        }
        if !cx.should_process(&format!("Setting distribution group \"{}\".", identity.text))? {
            return Ok(());
        }
        if changes.is_empty() {
            let suppressed = cx.variable("ExchangeDisableNotChangedWarning").is_some_and(|v| to_bool(&v));
            if !suppressed {
                let shown = identity_display(cx.directory(), i);
                cx.warning(&format!(
                    "The command completed successfully but no settings of '{shown}' have been modified."
                ));
            }
            return Ok(());
        }
        for c in changes {
            cx.apply(c)?;
        }
        Ok(())
    }
}

impl Cmdlet for RemoveDistributionGroup {
    fn signature(&self) -> Signature {
        Signature::new(
            "Remove-DistributionGroup",
            "Microsoft.Exchange.Management.RecipientTasks.RemoveDistributionGroup",
            Origin::Exchange,
        )
        .synopsis("Removes a distribution group or mail-enabled security group.")
        .should_process(ConfirmImpact::High)
        .param(group_identity(true))
        .param(bypass())
        .param(params::domain_controller())
        .param(params::ignore_default_scope().versions(ON_PREMISES))
        .example("Remove-DistributionGroup -Identity \"Accounting Group\"", "Removes the group Accounting Group.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(identity) = arg_id(args, "Identity") else {
            return Ok(());
        };
        let dir = cx.directory();
        let i = resolve_one(dir, &identity, IDENTITY)?;
        check_group_manager(dir, i, args.switch("BypassSecurityGroupManagerCheck"))?;
        let guid = dir.recipients[i].guid.clone();
        let action =
            format!("Removing distribution group \"{}\" will remove the Active Directory group object.", identity.text);
        if cx.should_process(&action)? {
            cx.apply(Change::RemoveRecipient { recipient: guid })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, list, message, prop, run, s};
    use crate::directory::ExchangeVersion;
    use crate::value::Hashtable;

    fn err(r: CmdletResult) -> String {
        r.err().map(|e| message(&e)).unwrap_or_default()
    }

    #[test]
    fn get_groups_and_filters() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        assert!(run(&GetDistributionGroup, &mut c, &[]).is_ok());
        let names: Vec<String> = c.out.iter().map(|v| prop(v, "Name")).collect();
        assert_eq!(names, ["Help Desk Agents", "All Staff"]);
        assert_eq!(c.out[0].type_name(), "Deserialized.Microsoft.Exchange.Data.Directory.Management.DistributionGroup");
        assert_eq!(prop(&c.out[0], "GroupType"), "Universal, SecurityEnabled");
        assert_eq!(prop(&c.out[1], "GroupType"), "Universal");
        assert_eq!(prop(&c.out[1], "ManagedBy"), "contoso.com/Users/Administrator");
        assert_eq!(prop(&c.out[1], "PrimarySmtpAddress"), "allstaff@contoso.com");
        c.clear();
        assert!(
            run(&GetDistributionGroup, &mut c, &[("RecipientTypeDetails", s("MailUniversalSecurityGroup"))]).is_ok()
        );
        assert_eq!(c.out.len(), 1);
        c.clear();
        assert!(run(&GetDistributionGroup, &mut c, &[("ManagedBy", s("karen"))]).is_ok());
        assert!(c.out.is_empty());
        assert!(
            err(run(&GetDistributionGroup, &mut c, &[("Identity", s("karen"))]))
                .contains("object 'karen' couldn't be found")
        );
    }

    #[test]
    fn new_group_with_members_and_owner() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let args = [("Name", s("Managers")), ("Type", s("Security"))];
        assert!(run(&NewDistributionGroup, &mut c, &args).is_ok());
        assert_eq!(c.actions, ["Creating Group \"Managers\", Organizational Unit \"contoso.com/Users\"."]);
        let g = &c.out[0];
        assert_eq!(prop(g, "RecipientTypeDetails"), "MailUniversalSecurityGroup");
        assert_eq!(prop(g, "Alias"), "Managers");
        assert_eq!(prop(g, "ManagedBy"), "contoso.com/Users/Administrator");
        assert!(c.dir.recipients[13].sid.is_some());
        c.clear();
        let args = [
            ("Name", s("IT Department")),
            ("Members", list(&["john@contoso.com", "kim", "David Hamilton"])),
            ("ManagedBy", s("john")),
            ("CopyOwnerToMember", Value::Switch(true)),
        ];
        assert!(run(&NewDistributionGroup, &mut c, &args).is_ok());
        assert_eq!(prop(&c.out[0], "Alias"), "ITDepartment");
        assert_eq!(prop(&c.out[0], "RecipientTypeDetails"), "MailUniversalDistributionGroup");
        assert_eq!(c.dir.recipients[14].members.len(), 3);
        assert_eq!(prop(&c.out[0], "ManagedBy"), "contoso.com/Users/John Evans");
        // Errors: a member twice, an unknown member, a bad type, a name in use.
        let args = [("Name", s("X")), ("Members", list(&["kim", "kim@contoso.com"]))];
        assert_eq!(
            err(run(&NewDistributionGroup, &mut c, &args)),
            "The recipient \"kim@contoso.com\" is already a member of the group \"contoso.com/Users/X\"."
        );
        let args = [("Name", s("X")), ("Members", s("nobody"))];
        assert!(err(run(&NewDistributionGroup, &mut c, &args)).starts_with("Couldn't find object \"nobody\""));
        let args = [("Name", s("X")), ("Type", s("Mail"))];
        let e = crate::cmdlets::testing::bind(&NewDistributionGroup, &c, &args).err().unwrap_or_default();
        assert!(e.contains("Unable to match the identifier name Mail"), "{e}");
        assert!(err(run(&NewDistributionGroup, &mut c, &[("Name", s("all staff"))])).contains("already exists"));
    }

    #[test]
    fn set_group_delegates_owners_display_name() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let args =
            [("Identity", s("allstaff")), ("GrantSendOnBehalfTo", s("michelle")), ("DisplayName", s("Everyone"))];
        assert!(run(&SetDistributionGroup, &mut c, &args).is_ok());
        assert_eq!(c.actions, ["Setting distribution group \"allstaff\"."]);
        c.clear();
        assert!(run(&GetDistributionGroup, &mut c, &[("Identity", s("allstaff"))]).is_ok());
        assert_eq!(prop(&c.out[0], "GrantSendOnBehalfTo"), "contoso.com/Users/Michelle Dubois");
        assert_eq!(prop(&c.out[0], "DisplayName"), "Everyone");
        c.clear();
        let mut h = Hashtable::new();
        h.insert(Value::str("Add"), Value::str("karen"));
        let args = [("Identity", s("allstaff")), ("ManagedBy", Value::hashtable(h))];
        assert!(run(&SetDistributionGroup, &mut c, &args).is_ok());
        assert_eq!(c.dir.recipients[11].managed_by.len(), 2);
        assert!(
            run(&SetDistributionGroup, &mut c, &[("Identity", s("allstaff")), ("DisplayName", s("Everyone"))]).is_ok()
        );
        assert_eq!(
            c.warnings,
            ["The command completed successfully but no settings of 'contoso.com/Users/All Staff' have been modified."]
        );
    }

    #[test]
    fn remove_group_and_owner_check() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        c.dir.recipients[10].managed_by.clear();
        assert!(
            err(run(&RemoveDistributionGroup, &mut c, &[("Identity", s("helpdeskagents"))]))
                .contains("manager of the group")
        );
        let args = [("Identity", s("helpdeskagents")), ("BypassSecurityGroupManagerCheck", Value::Switch(true))];
        assert!(run(&RemoveDistributionGroup, &mut c, &args).is_ok());
        assert_eq!(
            c.actions,
            ["Removing distribution group \"helpdeskagents\" will remove the Active Directory group object."]
        );
        assert!(c.dir.recipients.iter().all(|r| r.alias != "helpdeskagents"));
    }
}
