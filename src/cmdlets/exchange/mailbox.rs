//! Get-Mailbox and Set-Mailbox. Set-Mailbox changes GrantSendOnBehalfTo (replace list,
//! `@{Add=…; Remove=…}` with keys Add/+/Remove/- in any case, or `$null`), with Exchange's
//! validation and "no settings have been modified" warning.

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, ConfirmImpact, Context, ExchangeErrorKind, IdentityKind, Origin,
    Param, ParamType, Signature,
};
use crate::directory::{Change, Directory, ExchangeVersion, MailFlow, RecipientField, RecipientKind, ResolveError};
use crate::value::Value;
use crate::value::convert::{to_bool, to_string};

use super::group_member::REFERENCE;
use super::objects::mailbox_object;
use super::params;
use super::recipient::{candidates, common_filters, query_params, write_results};
use super::{
    FROM_2013, FROM_2013_ON_PREMISES, FROM_2016, FROM_2016_ON_PREMISES, IdArg, ON_PREMISES, ONLINE, arg_id, id_arg,
    identity_display, resolve_one, scope_of,
};

/// Get-Mailbox.
pub struct GetMailbox;
/// Set-Mailbox.
pub struct SetMailbox;

/// What -Identity of Get-Mailbox and Set-Mailbox names.
const IDENTITY: IdentityKind = IdentityKind::Mailbox;

/// Switches of Get-Mailbox that return only a kind of mailbox exsh's organizations never hold
/// (archives, arbitration, audit log, monitoring, public folder, migration, group mailboxes…),
/// with the profiles that have each (DOC-Get-Mailbox, docs/reference/recipients.md §1).
const ONLY_KIND_SWITCHES: &[(&str, &str, &[ExchangeVersion])] = &[
    ("Archive", "Returns only mailboxes that have an archive.", &ExchangeVersion::ALL),
    ("Arbitration", "Returns only arbitration mailboxes.", ON_PREMISES),
    ("AuditLog", "Returns only audit log mailboxes.", FROM_2016_ON_PREMISES),
    ("AuxAuditLog", "Returns only auxiliary audit log mailboxes.", FROM_2016_ON_PREMISES),
    ("GroupMailbox", "Returns only Microsoft 365 Group mailboxes.", FROM_2016),
    ("Migration", "Returns only the migration mailbox.", FROM_2016),
    ("Monitoring", "Returns only monitoring mailboxes.", FROM_2013_ON_PREMISES),
    ("PublicFolder", "Returns only public folder mailboxes.", FROM_2013),
    ("RemoteArchive", "Returns only mailboxes with a remote archive.", ON_PREMISES),
];

impl Cmdlet for GetMailbox {
    fn signature(&self) -> Signature {
        let sig =
            Signature::new("Get-Mailbox", "Microsoft.Exchange.Management.RecipientTasks.GetMailbox", Origin::Exchange)
                .synopsis("Gets mailbox objects and attributes.")
                .sets(&["Identity", "AnrSet", "DatabaseSet", "ServerSet", "MailboxPlanSet"]);
        let identity = params::mailbox_identity(IDENTITY)
            .sets(&["Identity"])
            .help("The mailbox: name, alias, DN, canonical DN, domain\\user, email address, GUID, LegacyExchangeDN, SamAccountName or UPN. Wildcards are allowed.");
        let mut sig = query_params(
            sig,
            identity,
            "Filters by mailbox type: UserMailbox, SharedMailbox, RoomMailbox, EquipmentMailbox, LinkedMailbox, DiscoveryMailbox…",
            ON_PREMISES,
        )
        .param(
            Param::new("Database", ParamType::Identity(IdentityKind::Database))
                .sets(&["DatabaseSet"])
                .mandatory()
                .from_pipeline_by_name()
                .versions(ON_PREMISES)
                .help("Only mailboxes on this database (name, DN or GUID)."),
        )
        .param(
            Param::new("Server", ParamType::String)
                .sets(&["ServerSet"])
                .mandatory()
                .from_pipeline_by_name()
                .versions(ON_PREMISES)
                .type_display("ServerIdParameter")
                .help("Only mailboxes on this server (name, FQDN, DN or Exchange legacy DN)."),
        )
        .param(
            Param::new("MailboxPlan", ParamType::String)
                .sets(&["MailboxPlanSet"])
                .mandatory()
                .versions(ONLINE)
                .type_display("MailboxPlanIdParameter")
                .help("Only mailboxes with this mailbox plan."),
        );
        for (name, help, versions) in ONLY_KIND_SWITCHES {
            sig = sig.param(Param::new(name, ParamType::Switch).versions(versions).help(help));
        }
        sig.param(
            Param::new("SoftDeletedMailbox", ParamType::Switch)
                .versions(ONLINE)
                .help("Returns only soft-deleted mailboxes."),
        )
        .param(
            Param::new("InactiveMailboxOnly", ParamType::Switch)
                .versions(ONLINE)
                .help("Returns only inactive mailboxes."),
        )
        .param(
            Param::new("IncludeInactiveMailbox", ParamType::Switch)
                .versions(ONLINE)
                .help("Adds inactive mailboxes to the results."),
        )
        .example("Get-Mailbox -ResultSize unlimited", "Lists every mailbox.")
        .example("Get-Mailbox -OrganizationalUnit Users", "Lists the mailboxes in the Users OU.")
        .example("Get-Mailbox -Anr Chr", "Lists mailboxes whose names start with Chr.")
        .example("Get-Mailbox -Archive -Database MBXDB01", "Lists the archive mailboxes on a database.")
        .example("Get-Mailbox -Identity ed@contoso.com -RemoteArchive", "Shows Ed's remote archive.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let mut found = candidates(dir, args, IDENTITY)?;
        found = common_filters(dir, args, found)?;
        if let Some(db) = arg_id(args, "Database") {
            let d = database_arg(dir, &db)?;
            let name = dir.databases[d].name.clone();
            found.retain(|i| dir.recipients[*i].database.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(&name)));
        }
        if let Some(server) = args.opt::<String>("Server") {
            let fqdn = format!("{}.{}", dir.org.server, dir.org.domain);
            if !server.eq_ignore_ascii_case(&dir.org.server) && !server.eq_ignore_ascii_case(&fqdn) {
                return Err(super::not_found(dir, &server));
            }
        }
        let only_kind = ONLY_KIND_SWITCHES.iter().any(|(n, _, _)| args.switch(n))
            || args.switch("SoftDeletedMailbox")
            || args.switch("InactiveMailboxOnly")
            || args.has("MailboxPlan");
        if only_kind {
            if let Some(id) = arg_id(args, "Identity") {
                return Err(super::not_found(dir, &id.text));
            }
            found.clear();
        }
        write_results(cx, args, found, mailbox_object, super::opath_schema::Target::Mailbox)
    }
}

fn database_arg(dir: &Directory, db: &IdArg) -> Result<usize, CmdletError> {
    if let Some(g) = &db.guid
        && let Some(d) = dir.databases.iter().position(|d| d.guid.eq_ignore_ascii_case(g))
    {
        return Ok(d);
    }
    dir.resolve_database(&db.text).map_err(|_| {
        CmdletError::exchange(
            ExchangeErrorKind::NotFound,
            format!("Couldn't find database \"{}\". Make sure you have typed it correctly.", db.text),
        )
    })
}

/// What -GrantSendOnBehalfTo asks for.
pub(super) enum Delegates {
    /// Replace the list (`$null` is an empty list).
    Replace(Vec<IdArg>),
    /// `@{Add=…; Remove=…}`.
    Update { add: Vec<IdArg>, remove: Vec<IdArg> },
}

fn id_list(v: &Value) -> Vec<IdArg> {
    v.enumerate().iter().map(id_arg).collect()
}

pub(super) fn delegates_arg(v: &Value) -> Result<Delegates, CmdletError> {
    match v {
        Value::Null => Ok(Delegates::Replace(Vec::new())),
        Value::Hashtable(h) => {
            let (mut add, mut remove) = (Vec::new(), Vec::new());
            for (k, val) in h.borrow().iter() {
                let key = to_string(k);
                if key.eq_ignore_ascii_case("Add") || key == "+" {
                    add.extend(id_list(val));
                } else if key.eq_ignore_ascii_case("Remove") || key == "-" {
                    remove.extend(id_list(val));
                } else {
                    return Err(CmdletError::exchange(
                        ExchangeErrorKind::Argument,
                        format!(
                            "Unknown operation: '{key}'. The supported keys to add values are: 'Add', '+'. The supported keys to remove values are: 'Remove', '-'."
                        ),
                    ));
                }
            }
            Ok(Delegates::Update { add, remove })
        }
        other => Ok(Delegates::Replace(id_list(other))),
    }
}

/// Resolves one delegate of GrantSendOnBehalfTo to a recipient Guid, with Exchange's texts.
fn resolve_delegate(dir: &Directory, id: &IdArg) -> Result<String, CmdletError> {
    let i = match id.guid.as_deref().and_then(|g| dir.recipient_by_guid(g)) {
        Some(i) => i,
        None => match dir.resolve_recipient(&id.text, scope_of(dir, REFERENCE)) {
            Ok(i) => i,
            Err(ResolveError::NotFound) => {
                return Err(CmdletError::exchange(
                    ExchangeErrorKind::NotFound,
                    format!(
                        "Couldn't find object \"{}\". Please make sure that it was spelled correctly or specify a different object.",
                        id.text
                    ),
                ));
            }
            Err(ResolveError::Ambiguous) => {
                return Err(CmdletError::exchange(
                    ExchangeErrorKind::Ambiguous,
                    format!(
                        "There are multiple recipients matching the identity \"{}\". Please specify a unique value.",
                        id.text
                    ),
                ));
            }
        },
    };
    let r = &dir.recipients[i];
    let allowed = r.kind.is_mailbox()
        || matches!(
            r.kind,
            RecipientKind::MailUser
                | RecipientKind::MailUniversalDistributionGroup
                | RecipientKind::MailUniversalSecurityGroup
        );
    if !allowed {
        return Err(CmdletError::exchange(
            ExchangeErrorKind::RecipientTask,
            format!(
                "You can't grant SendOnBehalfTo to \"{}\". You can only grant SendOnBehalfTo to mailboxes, mail users, security groups, distribution groups  (if you enabled automatic conversion of universal distribution groups to universal security groups), or mail contacts with MasterAccountSid.",
                id.text
            ),
        ));
    }
    Ok(r.guid.clone())
}

pub(super) fn resolve_all(dir: &Directory, ids: &[IdArg]) -> Result<Vec<String>, CmdletError> {
    ids.iter().map(|id| resolve_delegate(dir, id)).collect()
}

impl Cmdlet for SetMailbox {
    fn signature(&self) -> Signature {
        Signature::new("Set-Mailbox", "Microsoft.Exchange.Management.RecipientTasks.SetMailbox", Origin::Exchange)
            .synopsis("Modifies the settings of an existing mailbox.")
            .should_process(ConfirmImpact::Medium)
            .param(
                params::mailbox_identity(IDENTITY).mandatory(),
            )
            .param(
                Param::new("GrantSendOnBehalfTo", ParamType::MultiValued(REFERENCE))
                    .help("Who may send on behalf of this mailbox: a list replaces the delegates, @{Add=...; Remove=...} changes them, $null clears them."),
            )
            .param(
                Param::new("DisplayName", ParamType::String)
                    .help("The display name shown in the EAC, address lists and Outlook (up to 256 characters)."),
            )
            .param(
                Param::new("HiddenFromAddressListsEnabled", ParamType::Bool)
                    .help("$true hides the mailbox from address lists; $false (default) shows it."),
            )
            .param(
                Param::new("DeliverToMailboxAndForward", ParamType::Bool)
                    .help("With a forwarding address: $true delivers to this mailbox and forwards; $false (default) only forwards."),
            )
            .param(
                Param::new("ForwardingAddress", ParamType::Identity(REFERENCE))
                    .type_display("RecipientIdParameter")
                    .help("Forwards messages to this recipient in the organization (name, alias, DN, canonical DN, email address or GUID); $null removes it. It wins over -ForwardingSmtpAddress."),
            )
            .param(
                Param::new("ForwardingSmtpAddress", ParamType::String)
                    .type_display("ProxyAddress")
                    .help("Forwards messages to this SMTP address (usually external; not validated); $null removes it."),
            )
            .param(
                Param::new("MessageCopyForSentAsEnabled", ParamType::Bool)
                    .versions(FROM_2013)
                    .help("$true puts a copy of what a Send As delegate sends in this mailbox's Sent Items; $false (default) does not."),
            )
            .param(
                Param::new("MessageCopyForSendOnBehalfEnabled", ParamType::Bool)
                    .versions(FROM_2013)
                    .help("$true puts a copy of what a Send on Behalf delegate sends in this mailbox's Sent Items; $false (default) does not."),
            )
            .param(
                Param::new("EnableRoomMailboxAccount", ParamType::Bool)
                    .versions(FROM_2013)
                    .help("A room mailbox: $true enables its account (give -RoomMailboxPassword), $false disables it. No effect in Exchange Online."),
            )
            .param(
                Param::new("RoomMailboxPassword", ParamType::Object)
                    .versions(FROM_2013)
                    .type_display("SecureString")
                    .help("The password of a room mailbox's enabled account, as a SecureString. No effect in Exchange Online."),
            )
            .param(super::mailbox_lifecycle::type_param())
            .param(
                Param::new("Password", ParamType::Object)
                    .versions(FROM_2013)
                    .type_display("SecureString")
                    .help("Resets the account's password (a SecureString); with -Type Regular it enables the converted account."),
            )
            .param(
                Param::new("ResetPasswordOnNextLogon", ParamType::Bool)
                    .versions(FROM_2013_ON_PREMISES)
                    .help("$true makes the user change the password at the next logon."),
            )
            .param(
                Param::new("Force", ParamType::Switch)
                    .help("Suppresses warning and confirmation messages."),
            )
            .param(params::domain_controller())
            .param(params::ignore_default_scope().versions(ON_PREMISES))
            .example("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh", "Makes hollyh the only Send on Behalf delegate of seanc.")
            .example(
                "Set-Mailbox \"Contoso Executives\" -GrantSendOnBehalfTo @{Add=\"tempassistants@contoso.com\"}",
                "Adds a delegate without touching the others.",
            )
            .example("Set-Mailbox -Identity Sales -GrantSendOnBehalfTo MarketingSG", "Lets the MarketingSG group send on behalf of Sales.")
            .example("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo @{Remove=\"hollyh\"}", "Removes hollyh from the Send on Behalf delegates of seanc.")
            .example(
                "Set-Mailbox -Identity \"Marketing Dept 01\" -Type Regular -Password (ConvertTo-SecureString -String 'P@ssw0rd25' -AsPlainText -Force) -ResetPasswordOnNextLogon $true",
                "Converts a shared mailbox to a user mailbox and enables its account with a password.",
            )
            .example(
                "Set-Mailbox -Identity \"John Evans\" -DeliverToMailboxAndForward $true -ForwardingSmtpAddress manuel@fabrikam.com",
                "Forwards John's mail to an external address and keeps a copy in his mailbox.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(identity) = arg_id(args, "Identity") else {
            return Ok(());
        };
        let dir = cx.directory();
        let i = resolve_one(dir, &identity, IDENTITY)?;
        let mailbox = dir.recipients[i].guid.clone();
        let current = dir.recipients[i].grant_send_on_behalf_to.clone();
        let change = match args.get("GrantSendOnBehalfTo") {
            None => None,
            Some(v) => match delegates_arg(v)? {
                Delegates::Replace(ids) => {
                    let guids = resolve_all(dir, &ids)?;
                    for (k, g) in guids.iter().enumerate() {
                        if guids[..k].iter().any(|x| x.eq_ignore_ascii_case(g)) {
                            return Err(CmdletError::exchange(
                                ExchangeErrorKind::RecipientTask,
                                format!(
                                    "The parameter \"GrantSendOnBehalfTo\" contains the following duplicated recipient identity: \"{}\".",
                                    ids[k].text
                                ),
                            ));
                        }
                    }
                    let same = guids.len() == current.len()
                        && guids.iter().all(|g| current.iter().any(|c| c.eq_ignore_ascii_case(g)));
                    (!same).then_some(Change::SetGrantSendOnBehalfTo { mailbox, delegates: guids })
                }
                Delegates::Update { add, remove } => {
                    let add = resolve_all(dir, &add)?;
                    let remove = resolve_all(dir, &remove)?;
                    let has = |g: &String| current.iter().any(|c| c.eq_ignore_ascii_case(g));
                    let changes = add.iter().any(|g| !has(g)) || remove.iter().any(has);
                    changes.then_some(Change::UpdateGrantSendOnBehalfTo { mailbox, add, remove })
                }
            },
        };
        let r = &dir.recipients[i];
        let conversion = super::mailbox_type::conversion(dir, args, &identity.text, r)?;
        let mut fields = conversion.fields;
        if let Some(name) = args.opt::<String>("DisplayName") {
            if name != r.display_name {
                fields.push(RecipientField::DisplayName(name));
            }
        }
        if let Some(hidden) = args.opt::<bool>("HiddenFromAddressListsEnabled") {
            if hidden != r.hidden {
                fields.push(RecipientField::Hidden(hidden));
            }
        }
        // Functional only on-premises, and only for room mailboxes (Set-Mailbox doc).
        super::mailbox_lifecycle::check_secure_string(args, "RoomMailboxPassword")?;
        let room_password = args.get("RoomMailboxPassword").is_some_and(|v| !v.is_null());
        if let Some(enable) = args.opt::<bool>("EnableRoomMailboxAccount")
            && r.kind == RecipientKind::RoomMailbox
            && dir.org.version.is_on_premises()
            && enable == r.account_disabled
        {
            fields.push(RecipientField::AccountDisabled(!enable));
        }
        if let Some(flow) = mail_flow(dir, args, r.mail_flow.clone().unwrap_or_default())? {
            fields.push(RecipientField::MailFlow(flow));
        }
        let fields_change =
            (!fields.is_empty()).then(|| Change::SetRecipientFields { recipient: r.guid.clone(), fields });
        if let Some(w) = &conversion.warning {
            cx.warning(w);
        }
        if !cx.should_process(&format!("Setting mailbox \"{}\".", identity.text))? {
            return Ok(());
        }
        let changes: Vec<Change> = change.into_iter().chain(fields_change).collect();
        match changes.is_empty() && !conversion.password && !room_password {
            false => {
                for c in changes {
                    cx.apply(c)?;
                }
                Ok(())
            }
            true => {
                let suppressed = cx.variable("ExchangeDisableNotChangedWarning").is_some_and(|v| to_bool(&v));
                if !suppressed {
                    let name = identity_display(cx.directory(), i);
                    cx.warning(&format!(
                        "The command completed successfully but no settings of '{name}' have been modified."
                    ));
                }
                Ok(())
            }
        }
    }
}

/// The mailbox's delivery settings with Set-Mailbox's arguments applied, when they change them.
fn mail_flow(dir: &Directory, args: &BoundArgs, current: MailFlow) -> Result<Option<MailFlow>, CmdletError> {
    let mut flow = current.clone();
    if args.get("ForwardingAddress").is_some() {
        flow.forwarding_address = match arg_id(args, "ForwardingAddress") {
            None => None,
            Some(id) => Some(dir.recipients[super::group_member::resolve_reference(dir, &id)?].guid.clone()),
        };
    }
    if let Some(v) = args.get("ForwardingSmtpAddress") {
        let text = if v.is_null() { String::new() } else { to_string(v) };
        flow.forwarding_smtp_address = match text.is_empty() {
            true => None,
            false => Some(format!("smtp:{}", super::contact::smtp_address(&text)?)),
        };
    }
    if let Some(b) = args.opt::<bool>("DeliverToMailboxAndForward") {
        flow.deliver_to_mailbox_and_forward = b;
    }
    if let Some(b) = args.opt::<bool>("MessageCopyForSentAsEnabled") {
        flow.message_copy_for_sent_as = b;
    }
    if let Some(b) = args.opt::<bool>("MessageCopyForSendOnBehalfEnabled") {
        flow.message_copy_for_send_on_behalf = b;
    }
    Ok((flow != current).then_some(flow))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, list, message, prop, run, s};
    use crate::directory::ExchangeVersion;
    use crate::value::Hashtable;

    fn err_text(r: CmdletResult) -> String {
        r.err().map(|e| message(&e)).unwrap_or_default()
    }

    fn gsob(c: &mut MockContext, who: &str) -> String {
        c.out.clear();
        assert!(run(&GetMailbox, c, &[("Identity", s(who))]).is_ok());
        let v = c.out.pop().unwrap_or(Value::Null);
        c.out.clear();
        prop(&v, "GrantSendOnBehalfTo")
    }

    fn table(pairs: &[(&str, Value)]) -> Value {
        let mut h = Hashtable::new();
        for (k, v) in pairs {
            h.insert(Value::str(k), v.clone());
        }
        Value::hashtable(h)
    }

    #[test]
    fn replace_add_remove_clear() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        assert!(run(&SetMailbox, &mut c, &[("Identity", s("karen")), ("GrantSendOnBehalfTo", s("michelle"))]).is_ok());
        assert_eq!(c.actions, ["Setting mailbox \"karen\"."]);
        assert!(c.out.is_empty() && c.warnings.is_empty());
        assert_eq!(gsob(&mut c, "karen"), "contoso.com/Users/Michelle Dubois");
        let add = table(&[("add", list(&["amy@contoso.com", "john"]))]);
        assert!(run(&SetMailbox, &mut c, &[("Identity", s("karen")), ("GrantSendOnBehalfTo", add)]).is_ok());
        let now = gsob(&mut c, "karen");
        assert!(now.contains("Amy Alberts") && now.contains("John Evans") && now.contains("Michelle Dubois"), "{now}");
        let rm = table(&[("-", s("john")), ("+", s("michelle"))]);
        assert!(run(&SetMailbox, &mut c, &[("Identity", s("karen")), ("GrantSendOnBehalfTo", rm)]).is_ok());
        assert!(!gsob(&mut c, "karen").contains("John"));
        assert!(run(&SetMailbox, &mut c, &[("Identity", s("karen")), ("GrantSendOnBehalfTo", Value::Null)]).is_ok());
        assert_eq!(gsob(&mut c, "karen"), "");
        // Groups may be delegates.
        assert!(
            run(&SetMailbox, &mut c, &[("Identity", s("helpdesk")), ("GrantSendOnBehalfTo", s("Help Desk Agents"))])
                .is_ok()
        );
        assert_eq!(gsob(&mut c, "helpdesk"), "contoso.com/Users/Help Desk Agents");
    }

    #[test]
    fn display_name_and_hidden() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let args = [
            ("Identity", s("karen")),
            ("DisplayName", s("Karen B.")),
            ("HiddenFromAddressListsEnabled", Value::Bool(true)),
        ];
        assert!(run(&SetMailbox, &mut c, &args).is_ok());
        assert!(c.warnings.is_empty());
        assert!(run(&GetMailbox, &mut c, &[("Identity", s("karen"))]).is_ok());
        assert_eq!(prop(&c.out[0], "DisplayName"), "Karen B.");
        assert_eq!(prop(&c.out[0], "HiddenFromAddressListsEnabled"), "True");
        assert!(run(&SetMailbox, &mut c, &args).is_ok());
        assert_eq!(c.warnings.len(), 1);
    }

    #[test]
    fn no_change_warning_and_its_switch() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        assert!(run(&SetMailbox, &mut c, &[("Identity", s("karen")), ("GrantSendOnBehalfTo", s("michelle"))]).is_ok());
        assert!(run(&SetMailbox, &mut c, &[("Identity", s("karen")), ("GrantSendOnBehalfTo", s("michelle"))]).is_ok());
        let add = table(&[("Add", s("michelle"))]);
        assert!(run(&SetMailbox, &mut c, &[("Identity", s("karen")), ("GrantSendOnBehalfTo", add)]).is_ok());
        let expected =
            "The command completed successfully but no settings of 'contoso.com/Users/Karen Berg' have been modified.";
        assert_eq!(c.warnings, [expected, expected]);
        c.vars.insert("exchangedisablenotchangedwarning".into(), Value::Bool(true));
        c.clear();
        assert!(run(&SetMailbox, &mut c, &[("Identity", s("karen"))]).is_ok());
        assert!(c.warnings.is_empty());
        let mut c = MockContext::new(ExchangeVersion::Online);
        assert!(run(&SetMailbox, &mut c, &[("Identity", s("karen"))]).is_ok());
        assert_eq!(
            c.warnings,
            ["The command completed successfully but no settings of 'Karen Berg' have been modified."]
        );
    }

    #[test]
    fn delegate_errors() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let r = run(&SetMailbox, &mut c, &[("Identity", s("karen")), ("GrantSendOnBehalfTo", s("ghost"))]);
        assert_eq!(
            err_text(r),
            "Couldn't find object \"ghost\". Please make sure that it was spelled correctly or specify a different object."
        );
        let r = run(&SetMailbox, &mut c, &[("Identity", s("karen")), ("GrantSendOnBehalfTo", s("partner"))]);
        assert_eq!(
            err_text(r),
            "You can't grant SendOnBehalfTo to \"partner\". You can only grant SendOnBehalfTo to mailboxes, mail users, security groups, distribution groups  (if you enabled automatic conversion of universal distribution groups to universal security groups), or mail contacts with MasterAccountSid."
        );
        let r = run(
            &SetMailbox,
            &mut c,
            &[("Identity", s("karen")), ("GrantSendOnBehalfTo", list(&["amy", "amy@contoso.com"]))],
        );
        assert_eq!(
            err_text(r),
            "The parameter \"GrantSendOnBehalfTo\" contains the following duplicated recipient identity: \"amy@contoso.com\"."
        );
        let r = run(
            &SetMailbox,
            &mut c,
            &[("Identity", s("karen")), ("GrantSendOnBehalfTo", table(&[("Append", s("amy"))]))],
        );
        assert_eq!(
            err_text(r),
            "Unknown operation: 'Append'. The supported keys to add values are: 'Add', '+'. The supported keys to remove values are: 'Remove', '-'."
        );
        let r = run(&SetMailbox, &mut c, &[("Identity", s("nobody")), ("GrantSendOnBehalfTo", s("amy"))]);
        assert_eq!(
            err_text(r),
            "The operation couldn't be performed because object 'nobody' couldn't be found on 'DC01.contoso.com'."
        );
        assert!(c.changes.is_empty());
        c.whatif = true;
        assert!(run(&SetMailbox, &mut c, &[("Identity", s("karen")), ("GrantSendOnBehalfTo", s("amy"))]).is_ok());
        assert_eq!(c.what_if, ["What if: Setting mailbox \"karen\"."]);
        assert!(c.changes.is_empty() && c.warnings.is_empty());
    }

    #[test]
    fn get_mailbox_objects_and_filters() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        assert!(run(&GetMailbox, &mut c, &[]).is_ok());
        assert_eq!(c.out.len(), 10);
        let karen = &c.out[1];
        assert_eq!(karen.type_name(), "Deserialized.Microsoft.Exchange.Data.Directory.Management.Mailbox");
        for (p, v) in [
            ("Name", "Karen Berg"),
            ("Alias", "karen"),
            ("ServerName", "ex01"),
            ("ProhibitSendQuota", "Unlimited"),
            ("Database", "DB01"),
            ("RecipientTypeDetails", "UserMailbox"),
            ("PrimarySmtpAddress", "karen@contoso.com"),
            ("UserPrincipalName", "karen@contoso.com"),
            ("DistinguishedName", "CN=Karen Berg,CN=Users,DC=contoso,DC=com"),
            ("Identity", "contoso.com/Users/Karen Berg"),
            ("SamAccountName", "karen"),
        ] {
            assert_eq!(prop(karen, p), v, "{p}");
        }
        assert_eq!(crate::value::convert::to_string(karen), "contoso.com/Users/Karen Berg");
        let id = karen.property("Identity").unwrap_or(Value::Null);
        assert_eq!(prop(&id, "Name"), "Karen Berg");
        assert_eq!(prop(&id, "DistinguishedName"), "CN=Karen Berg,CN=Users,DC=contoso,DC=com");
        c.clear();
        assert!(run(&GetMailbox, &mut c, &[("RecipientTypeDetails", list(&["SharedMailbox", "RoomMailbox"]))]).is_ok());
        let names: Vec<String> = c.out.iter().map(|v| prop(v, "Name")).collect();
        assert_eq!(names, ["Help Desk", "Conference Room 1"]);
        c.clear();
        let f = s("(RecipientTypeDetails -eq 'UserMailbox') -and (Alias -ne 'Administrator')");
        assert!(run(&GetMailbox, &mut c, &[("Filter", f), ("ResultSize", s("Unlimited"))]).is_ok());
        assert_eq!(c.out.len(), 6);
        c.clear();
        // Department is a user attribute: Get-Mailbox's filter doesn't recognize it (filter-properties.md).
        let e = run(&GetMailbox, &mut c, &[("Filter", s("Department -eq 'IT'"))]).err().map(|e| message(&e));
        assert!(e.is_some_and(|m| m.contains("\"Department\" is not a recognized filterable property.")));
        c.clear();
        assert!(run(&GetMailbox, &mut c, &[("Anr", s("Ka"))]).is_ok());
        assert_eq!(c.out.len(), 1);
        c.clear();
        assert!(run(&GetMailbox, &mut c, &[("Identity", s("k*"))]).is_ok());
        assert_eq!(c.out.len(), 2);
        c.clear();
        assert!(run(&GetMailbox, &mut c, &[("Database", s("DB02"))]).is_ok());
        assert_eq!(c.out.len(), 5);
        assert_eq!(
            err_text(run(&GetMailbox, &mut c, &[("Database", s("DB09"))])),
            "Couldn't find database \"DB09\". Make sure you have typed it correctly."
        );
        assert_eq!(
            err_text(run(&GetMailbox, &mut c, &[("Identity", s("allstaff"))])),
            "The operation couldn't be performed because object 'allstaff' couldn't be found on 'DC01.contoso.com'."
        );
        c.clear();
        assert!(run(&GetMailbox, &mut c, &[("Identity", Value::Null)]).is_ok());
        assert_eq!(c.out.len(), 10);
        c.clear();
        assert!(run(&GetMailbox, &mut c, &[("ResultSize", Value::Int(3))]).is_ok());
        assert_eq!(c.out.len(), 3);
        assert_eq!(c.warnings.len(), 1);
        c.clear();
        assert!(run(&GetMailbox, &mut c, &[("Archive", Value::Switch(true))]).is_ok());
        assert!(c.out.is_empty());
    }

    #[test]
    fn online_mailbox_values() {
        let mut c = MockContext::new(ExchangeVersion::Online);
        assert!(run(&GetMailbox, &mut c, &[("Identity", s("karen"))]).is_ok());
        assert_eq!(prop(&c.out[0], "Identity"), "Karen Berg");
        assert_eq!(prop(&c.out[0], "ProhibitSendQuota"), "99 GB (106,300,440,576 bytes)");
    }
}
