//! Add-, Remove- and Get-DistributionGroupMember, plus what every distribution-group cmdlet
//! shares: the account exsh runs as, Exchange's owner check on mail-enabled security groups, and
//! the resolution of recipient references (`-Member`, `-Members`, `-ManagedBy`).
//!
//! Texts come from Exchange 2013's resource tables (MemberAlreadyExistsException,
//! MemberNotFoundException, ErrorRecipientNotFound, ErrorOperationRequiresManager) and the order
//! of checks from the decompiled `DistributionGroupMemberTaskBase`: group, owner check, member,
//! membership; all of them before ShouldProcess, so they fail under -WhatIf too.

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, ConfirmImpact, Context, ExchangeErrorKind, IdentityKind, Origin,
    Param, ParamType, Signature,
};
use crate::directory::{Change, Directory, RecipientKind, ResolveError};
use crate::value::Value;

use super::objects::recipient_object;
use super::params;
use super::{IdArg, ON_PREMISES, ONLINE, arg_id, identity_display, resolve_one, scope_of};

/// Add-DistributionGroupMember.
pub struct AddDistributionGroupMember;
/// Remove-DistributionGroupMember.
pub struct RemoveDistributionGroupMember;
/// Get-DistributionGroupMember.
pub struct GetDistributionGroupMember;

/// What -Identity of the *-DistributionGroupMember cmdlets names.
const GROUP: IdentityKind = IdentityKind::DistributionGroup;

/// What recipient-reference parameters name (-Member, -Members, -ManagedBy,
/// -GrantSendOnBehalfTo); [`resolve_reference`] resolves by it.
pub const REFERENCE: IdentityKind = IdentityKind::Recipient;

/// The recipient exsh runs as: the domain's built-in Administrator (RID 500), a member of
/// Organization Management. `None` when the org has no such account.
pub fn executing_user(dir: &Directory) -> Option<usize> {
    dir.recipient_by_sid(&dir.account_sid(500))
}

/// Exchange's owner check (`GetExecutingUserAndCheckGroupOwnership`): changing a mail-enabled
/// security group needs the executing user in its ManagedBy, directly or through a group there,
/// unless -BypassSecurityGroupManagerCheck is given. Distribution groups are not checked.
pub fn check_group_manager(dir: &Directory, group: usize, bypass: bool) -> CmdletResult {
    let g = &dir.recipients[group];
    if bypass || g.kind != RecipientKind::MailUniversalSecurityGroup {
        return Ok(());
    }
    let me = executing_user(dir).map(|i| &dir.recipients[i]);
    let owner = me.is_some_and(|me| {
        g.managed_by.iter().any(|o| o.eq_ignore_ascii_case(&me.guid))
            || g.managed_by.iter().filter_map(|o| dir.recipient_by_guid(o)).any(|o| {
                match (&me.sid, &dir.recipients[o].sid) {
                    (Some(m), Some(s)) if dir.recipients[o].kind.is_group() => dir.is_member(m, s),
                    _ => false,
                }
            })
    });
    if owner {
        Ok(())
    } else {
        Err(CmdletError::exchange(
            ExchangeErrorKind::OperationRequiresGroupManager,
            "You don't have sufficient permissions. This operation can only be performed by a manager of the group.",
        ))
    }
}

/// Resolves a recipient reference (a member or an owner) with the texts reference parameters
/// use: `Couldn't find object "<x>". …` and `There are multiple recipients matching the identity "<x>". …`.
pub fn resolve_reference(dir: &Directory, id: &IdArg) -> Result<usize, CmdletError> {
    if let Some(i) = id.guid.as_deref().and_then(|g| dir.recipient_by_guid(g)) {
        return Ok(i);
    }
    dir.resolve_recipient(&id.text, scope_of(dir, REFERENCE)).map_err(|e| match e {
        ResolveError::NotFound => CmdletError::exchange(
            ExchangeErrorKind::NotFound,
            format!(
                "Couldn't find object \"{}\". Please make sure that it was spelled correctly or specify a different object.",
                id.text
            ),
        ),
        ResolveError::Ambiguous => CmdletError::exchange(
            ExchangeErrorKind::Ambiguous,
            format!("There are multiple recipients matching the identity \"{}\". Please specify a unique value.", id.text),
        ),
    })
}

/// `The recipient "<member as typed>" is already a member of the group "<group Id>".`
pub fn member_exists(dir: &Directory, member: &str, group: usize) -> CmdletError {
    CmdletError::exchange(
        ExchangeErrorKind::MemberAlreadyExists,
        format!("The recipient \"{member}\" is already a member of the group \"{}\".", identity_display(dir, group)),
    )
}

/// `The operation failed because a group can't have itself as a member. Specified group: <name>`
pub fn member_is_group_itself(name: &str) -> CmdletError {
    CmdletError::exchange(
        ExchangeErrorKind::RecipientTask,
        format!("The operation failed because a group can't have itself as a member. Specified group: {name}"),
    )
}

fn is_member(dir: &Directory, group: usize, member: usize) -> bool {
    let m = &dir.recipients[member].guid;
    dir.recipients[group].members.iter().any(|x| x.eq_ignore_ascii_case(m))
}

fn group_identity() -> Param {
    Param::new("Identity", ParamType::Identity(GROUP))
        .position(0)
        .mandatory()
        .from_pipeline()
        .help("The group: name, alias, DN, canonical DN, email address or GUID.")
}

fn bypass_param() -> Param {
    Param::new("BypassSecurityGroupManagerCheck", ParamType::Switch).help(
        "Lets a user who isn't an owner (ManagedBy) of a security group change it (needs Organization Management).",
    )
}

/// The member a -Member argument or its absence names: the argument as typed, or the executing
/// user (the "join the group yourself" form).
fn member_arg(dir: &Directory, args: &BoundArgs) -> Result<(usize, String), CmdletError> {
    match arg_id(args, "Member") {
        Some(id) => Ok((resolve_reference(dir, &id)?, id.text)),
        None => match executing_user(dir) {
            Some(me) => Ok((me, identity_display(dir, me))),
            None => Err(CmdletError::exchange(ExchangeErrorKind::RecipientTask, "The requester cannot be determined.")),
        },
    }
}

impl Cmdlet for AddDistributionGroupMember {
    fn signature(&self) -> Signature {
        Signature::new(
            "Add-DistributionGroupMember",
            "Microsoft.Exchange.Management.RecipientTasks.AddDistributionGroupMember",
            Origin::Exchange,
        )
        .synopsis("Adds a single recipient to a distribution group or a mail-enabled security group.")
        .should_process(ConfirmImpact::Medium)
        .param(group_identity())
        .param(
            Param::new("Member", ParamType::Identity(REFERENCE))
                .from_pipeline()
                .type_display("RecipientWithAdUserGroupIdParameter")
                .help("The recipient to add: name, alias, DN, canonical DN, email address or GUID."),
        )
        .param(bypass_param())
        .param(params::domain_controller())
        .example(
            "Add-DistributionGroupMember -Identity \"Staff\" -Member \"JohnEvans@contoso.com\"",
            "Adds John Evans to the distribution group named Staff.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let Some((gid, g, m, member_text)) = group_and_member(dir, args)? else {
            return Ok(());
        };
        if is_member(dir, g, m) {
            return Err(member_exists(dir, &member_text, g));
        }
        if m == g {
            return Err(member_is_group_itself(&dir.recipients[g].name));
        }
        let change =
            Change::AddGroupMember { group: dir.recipients[g].guid.clone(), member: dir.recipients[m].guid.clone() };
        let action =
            format!("Adding distribution group member \"{member_text}\" on distribution group \"{}\".", gid.text);
        if cx.should_process(&action)? {
            cx.apply(change)?;
        }
        Ok(())
    }
}

impl Cmdlet for RemoveDistributionGroupMember {
    fn signature(&self) -> Signature {
        Signature::new(
            "Remove-DistributionGroupMember",
            "Microsoft.Exchange.Management.RecipientTasks.RemoveDistributionGroupMember",
            Origin::Exchange,
        )
        .synopsis("Removes a single member from a distribution group or a mail-enabled security group.")
        .should_process(ConfirmImpact::High)
        .param(group_identity())
        .param(
            Param::new("Member", ParamType::Identity(REFERENCE))
                .from_pipeline()
                .type_display("GeneralRecipientIdParameter")
                .help("The member to remove: name, alias, DN, canonical DN, email address or GUID."),
        )
        .param(bypass_param())
        .param(params::domain_controller())
        .example(
            "Remove-DistributionGroupMember -Identity \"Technical Support\" -Member \"Jan Dryml\"",
            "Removes Jan Dryml from the distribution group Technical Support.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let Some((gid, g, m, member_text)) = group_and_member(dir, args)? else {
            return Ok(());
        };
        if !is_member(dir, g, m) {
            // The group as typed (its raw identity), category InvalidData (WriteMemberNotFoundError).
            return Err(CmdletError::Exchange {
                kind: ExchangeErrorKind::MemberNotFound,
                message: format!("The recipient \"{member_text}\" isn't a member of the group \"{}\".", gid.text),
                category: "InvalidData",
            });
        }
        let change =
            Change::RemoveGroupMember { group: dir.recipients[g].guid.clone(), member: dir.recipients[m].guid.clone() };
        let action =
            format!("Removing distribution group member \"{member_text}\" from distribution group \"{}\".", gid.text);
        if cx.should_process(&action)? {
            cx.apply(change)?;
        }
        Ok(())
    }
}

impl Cmdlet for GetDistributionGroupMember {
    fn signature(&self) -> Signature {
        Signature::new(
            "Get-DistributionGroupMember",
            "Microsoft.Exchange.Management.RecipientTasks.GetDistributionGroupMember",
            Origin::Exchange,
        )
        .synopsis("Gets the members of a distribution group or a mail-enabled security group.")
        .param(
            Param::new("Identity", ParamType::Identity(GROUP))
                .position(0)
                .mandatory()
                .from_pipeline()
                .type_display("DistributionGroupMemberIdParameter")
                .help("The group: name, alias, DN, canonical DN, email address or GUID."),
        )
        .param(params::result_size())
        .param(params::credential())
        .param(params::domain_controller())
        .param(params::ignore_default_scope().versions(ON_PREMISES))
        .param(params::read_from_domain_controller().versions(ON_PREMISES))
        .param(
            Param::new("IncludeSoftDeletedObjects", ParamType::Switch)
                .versions(ONLINE)
                .help("Includes soft-deleted members."),
        )
        .example("Get-DistributionGroupMember -Identity \"Marketing USA\"", "Lists the members of Marketing USA.")
        .example(
            "Get-DistributionGroupMember -Identity \"Marketing Worldwide\"",
            "Lists the members of a group in a multi-domain forest (after Set-ADServerSettings -ViewEntireForest $true).",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(gid) = arg_id(args, "Identity") else {
            return Ok(());
        };
        let dir = cx.directory();
        let g = resolve_one(dir, &gid, GROUP)?;
        let members: Vec<Value> = dir.recipients[g]
            .members
            .iter()
            .filter_map(|m| dir.recipient_by_guid(m))
            .map(|m| recipient_object(dir, m))
            .collect();
        super::write_limited(cx, args, members);
        Ok(())
    }
}

/// Add- and Remove-DistributionGroupMember: the group (whose manager the caller must be, unless
/// bypassed) as typed and resolved, the member, and the member as typed. `None` when no group was given.
fn group_and_member(dir: &Directory, args: &BoundArgs) -> Result<Option<(IdArg, usize, usize, String)>, CmdletError> {
    let Some(gid) = arg_id(args, "Identity") else {
        return Ok(None);
    };
    let g = resolve_one(dir, &gid, GROUP)?;
    check_group_manager(dir, g, args.switch("BypassSecurityGroupManagerCheck"))?;
    let (m, member_text) = member_arg(dir, args)?;
    Ok(Some((gid, g, m, member_text)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, message, prop, run, s};
    use crate::directory::ExchangeVersion;

    fn err(r: CmdletResult) -> String {
        r.err().map(|e| message(&e)).unwrap_or_default()
    }

    fn members(c: &mut MockContext, group: &str) -> Vec<String> {
        c.out.clear();
        assert!(run(&GetDistributionGroupMember, c, &[("Identity", s(group))]).is_ok());
        let names = c.out.iter().map(|v| prop(v, "Name")).collect();
        c.out.clear();
        names
    }

    #[test]
    fn add_get_remove_members() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        assert_eq!(members(&mut c, "Help Desk Agents"), ["Kim Akers", "David Hamilton"]);
        assert!(
            run(&AddDistributionGroupMember, &mut c, &[("Identity", s("helpdeskagents")), ("Member", s("amy"))])
                .is_ok()
        );
        assert_eq!(c.actions, ["Adding distribution group member \"amy\" on distribution group \"helpdeskagents\"."]);
        assert_eq!(members(&mut c, "helpdeskagents"), ["Kim Akers", "David Hamilton", "Amy Alberts"]);
        let again =
            run(&AddDistributionGroupMember, &mut c, &[("Identity", s("helpdeskagents")), ("Member", s("amy"))]);
        assert_eq!(
            err(again),
            "The recipient \"amy\" is already a member of the group \"contoso.com/Users/Help Desk Agents\"."
        );
        c.clear();
        let args = [("Identity", s("Help Desk Agents")), ("Member", s("Amy Alberts"))];
        assert!(run(&RemoveDistributionGroupMember, &mut c, &args).is_ok());
        assert_eq!(
            c.actions,
            ["Removing distribution group member \"Amy Alberts\" from distribution group \"Help Desk Agents\"."]
        );
        let gone = run(&RemoveDistributionGroupMember, &mut c, &args);
        assert_eq!(err(gone), "The recipient \"Amy Alberts\" isn't a member of the group \"Help Desk Agents\".");
        assert_eq!(members(&mut c, "helpdeskagents"), ["Kim Akers", "David Hamilton"]);
        // The Get-DistributionGroupMember objects are recipients (Name RecipientType table).
        assert!(run(&GetDistributionGroupMember, &mut c, &[("Identity", s("allstaff"))]).is_ok());
        assert_eq!(c.out.len(), 6);
        assert_eq!(prop(&c.out[0], "RecipientType"), "UserMailbox");
    }

    #[test]
    fn member_and_group_errors() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let r = run(&AddDistributionGroupMember, &mut c, &[("Identity", s("nogroup")), ("Member", s("amy"))]);
        assert_eq!(
            err(r),
            "The operation couldn't be performed because object 'nogroup' couldn't be found on 'DC01.contoso.com'."
        );
        let r = run(&AddDistributionGroupMember, &mut c, &[("Identity", s("karen")), ("Member", s("amy"))]);
        assert!(err(r).contains("object 'karen' couldn't be found"));
        let r = run(&AddDistributionGroupMember, &mut c, &[("Identity", s("allstaff")), ("Member", s("ghost"))]);
        assert_eq!(
            err(r),
            "Couldn't find object \"ghost\". Please make sure that it was spelled correctly or specify a different object."
        );
        let r = run(&AddDistributionGroupMember, &mut c, &[("Identity", s("allstaff")), ("Member", s("allstaff"))]);
        assert_eq!(
            err(r),
            "The operation failed because a group can't have itself as a member. Specified group: All Staff"
        );
        // Errors come before ShouldProcess: -WhatIf still reports them and asks nothing.
        c.whatif = true;
        let r = run(&AddDistributionGroupMember, &mut c, &[("Identity", s("allstaff")), ("Member", s("karen"))]);
        assert!(err(r).contains("is already a member"));
        assert!(c.actions.is_empty() && c.changes.is_empty());
        assert!(
            run(&AddDistributionGroupMember, &mut c, &[("Identity", s("allstaff")), ("Member", s("partner"))]).is_ok()
        );
        assert_eq!(
            c.what_if,
            ["What if: Adding distribution group member \"partner\" on distribution group \"allstaff\"."]
        );
        assert!(c.changes.is_empty());
    }

    #[test]
    fn security_groups_need_an_owner_or_the_bypass_switch() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        // Administrator owns the sample groups.
        assert!(
            run(&AddDistributionGroupMember, &mut c, &[("Identity", s("helpdeskagents")), ("Member", s("john"))])
                .is_ok()
        );
        let g = c.dir.recipients.iter().position(|r| r.alias == "helpdeskagents").unwrap_or(0);
        c.dir.recipients[g].managed_by.clear();
        let r = run(&AddDistributionGroupMember, &mut c, &[("Identity", s("helpdeskagents")), ("Member", s("amy"))]);
        assert_eq!(
            err(r),
            "You don't have sufficient permissions. This operation can only be performed by a manager of the group."
        );
        let args = [
            ("Identity", s("helpdeskagents")),
            ("Member", s("amy")),
            ("BypassSecurityGroupManagerCheck", Value::Switch(true)),
        ];
        assert!(run(&AddDistributionGroupMember, &mut c, &args).is_ok());
        // Ownership through a group in ManagedBy counts; distribution groups are never checked.
        let staff = c.dir.recipients.iter().position(|r| r.alias == "allstaff").unwrap_or(0);
        c.dir.recipients[staff].managed_by.clear();
        assert!(
            run(&AddDistributionGroupMember, &mut c, &[("Identity", s("allstaff")), ("Member", s("helpdesk"))]).is_ok()
        );
        let admin_in_agents = c.dir.recipients[0].guid.clone();
        c.dir.recipients[g].members.push(admin_in_agents);
        let agents_guid = c.dir.recipients[g].guid.clone();
        c.dir.recipients[g].managed_by = vec![agents_guid];
        assert!(
            run(&RemoveDistributionGroupMember, &mut c, &[("Identity", s("helpdeskagents")), ("Member", s("amy"))])
                .is_ok()
        );
    }

    #[test]
    fn online_group_ids_print_the_name() {
        let mut c = MockContext::new(ExchangeVersion::Online);
        let r =
            run(&AddDistributionGroupMember, &mut c, &[("Identity", s("allstaff")), ("Member", s("john@contoso.com"))]);
        assert_eq!(err(r), "The recipient \"john@contoso.com\" is already a member of the group \"All Staff\".");
    }
}
