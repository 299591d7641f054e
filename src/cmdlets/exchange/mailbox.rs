//! Get-Mailbox and Set-Mailbox. Set-Mailbox changes GrantSendOnBehalfTo (replace list,
//! `@{Add=…; Remove=…}` with keys Add/+/Remove/- in any case, or `$null`), with Exchange's
//! validation and "no settings have been modified" warning.

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, ConfirmImpact, Context, ExchangeErrorKind,
    IdentityKind, Origin, Param, ParamType, Signature,
};
use crate::directory::{Change, Directory, RecipientKind, RecipientScope, ResolveError};
use crate::value::Value;
use crate::value::convert::{to_bool, to_string};

use super::objects::mailbox_object;
use super::recipient::{candidates, common_filters, query_params, write_results};
use super::{IdArg, ON_PREMISES, ONLINE, arg_id, id_arg, identity_display, resolve_one};

/// Get-Mailbox.
pub struct GetMailbox;
/// Set-Mailbox.
pub struct SetMailbox;

/// Switches of Get-Mailbox that return only a kind of mailbox exsh's organizations never hold
/// (archives, arbitration, audit log, monitoring, public folder, migration, group mailboxes…).
const ONLY_KIND_SWITCHES: &[(&str, &str, bool)] = &[
    (
        "Archive",
        "Returns only mailboxes that have an archive.",
        false,
    ),
    ("Arbitration", "Returns only arbitration mailboxes.", true),
    ("AuditLog", "Returns only audit log mailboxes.", true),
    (
        "AuxAuditLog",
        "Returns only auxiliary audit log mailboxes.",
        true,
    ),
    (
        "GroupMailbox",
        "Returns only Microsoft 365 Group mailboxes.",
        false,
    ),
    ("Migration", "Returns only the migration mailbox.", false),
    ("Monitoring", "Returns only monitoring mailboxes.", true),
    (
        "PublicFolder",
        "Returns only public folder mailboxes.",
        false,
    ),
    (
        "RemoteArchive",
        "Returns only mailboxes with a remote archive.",
        true,
    ),
];

impl Cmdlet for GetMailbox {
    fn signature(&self) -> Signature {
        let sig = Signature::new(
            "Get-Mailbox",
            "Microsoft.Exchange.Management.RecipientTasks.GetMailbox",
            Origin::Exchange,
        )
        .synopsis("Gets mailbox objects and attributes.")
        .sets(&[
            "Identity",
            "AnrSet",
            "DatabaseSet",
            "ServerSet",
            "MailboxPlanSet",
        ]);
        let identity = Param::new("Identity", ParamType::Identity(IdentityKind::Mailbox))
            .sets(&["Identity"])
            .position(0)
            .from_pipeline()
            .from_pipeline_by_name()
            .type_display("MailboxIdParameter")
            .help("The mailbox: name, alias, DN, canonical DN, domain\\user, email address, GUID, LegacyExchangeDN, SamAccountName or UPN. Wildcards are allowed.");
        let mut sig = query_params(
            sig,
            identity,
            "Filters by mailbox type: UserMailbox, SharedMailbox, RoomMailbox, EquipmentMailbox, LinkedMailbox, DiscoveryMailbox…",
        )
        .param(
            Param::new("Database", ParamType::Identity(IdentityKind::Database))
                .sets(&["DatabaseSet"])
                .mandatory()
                .from_pipeline_by_name()
                .versions(ON_PREMISES)
                .type_display("DatabaseIdParameter")
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
        for (name, help, on_prem_only) in ONLY_KIND_SWITCHES {
            let p = Param::new(name, ParamType::Switch)
                .type_display("SwitchParameter")
                .help(help);
            sig = sig.param(if *on_prem_only {
                p.versions(ON_PREMISES)
            } else {
                p
            });
        }
        sig.param(
            Param::new("SoftDeletedMailbox", ParamType::Switch)
                .versions(ONLINE)
                .type_display("SwitchParameter")
                .help("Returns only soft-deleted mailboxes."),
        )
        .param(
            Param::new("InactiveMailboxOnly", ParamType::Switch)
                .versions(ONLINE)
                .type_display("SwitchParameter")
                .help("Returns only inactive mailboxes."),
        )
        .param(
            Param::new("IncludeInactiveMailbox", ParamType::Switch)
                .versions(ONLINE)
                .type_display("SwitchParameter")
                .help("Adds inactive mailboxes to the results."),
        )
        .example("Get-Mailbox -ResultSize unlimited", "Lists every mailbox.")
        .example(
            "Get-Mailbox -OrganizationalUnit Users",
            "Lists the mailboxes in the Users OU.",
        )
        .example(
            "Get-Mailbox -Anr Chr",
            "Lists mailboxes whose names start with Chr.",
        )
        .example(
            "Get-Mailbox -Archive -Database MBXDB01",
            "Lists the archive mailboxes on a database.",
        )
        .example(
            "Get-Mailbox -Identity ed@contoso.com -RemoteArchive",
            "Shows Ed's remote archive.",
        )
    }

    fn process(
        &self,
        cx: &mut dyn Context,
        args: &BoundArgs,
        _state: &mut Vec<Value>,
    ) -> CmdletResult {
        let dir = cx.directory();
        let mut found = candidates(dir, args, RecipientScope::Mailbox)?;
        found = common_filters(dir, args, found)?;
        if let Some(db) = arg_id(args, "Database") {
            let d = database_arg(dir, &db)?;
            let name = dir.databases[d].name.clone();
            found.retain(|i| {
                dir.recipients[*i]
                    .database
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(&name))
            });
        }
        if let Some(server) = args.get("Server").map(to_string) {
            let fqdn = format!("{}.{}", dir.org.server, dir.org.domain);
            if !server.eq_ignore_ascii_case(&dir.org.server) && !server.eq_ignore_ascii_case(&fqdn)
            {
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
        write_results(cx, args, found, mailbox_object)
    }
}

fn database_arg(dir: &Directory, db: &IdArg) -> Result<usize, CmdletError> {
    if let Some(g) = &db.guid
        && let Some(d) = dir
            .databases
            .iter()
            .position(|d| d.guid.eq_ignore_ascii_case(g))
    {
        return Ok(d);
    }
    dir.resolve_database(&db.text).map_err(|_| {
        CmdletError::exchange(
            ExchangeErrorKind::NotFound,
            format!(
                "Couldn't find database \"{}\". Make sure you have typed it correctly.",
                db.text
            ),
        )
    })
}

/// What -GrantSendOnBehalfTo asks for.
enum Delegates {
    /// Replace the list (`$null` is an empty list).
    Replace(Vec<IdArg>),
    /// `@{Add=…; Remove=…}`.
    Update { add: Vec<IdArg>, remove: Vec<IdArg> },
}

fn id_list(v: &Value) -> Vec<IdArg> {
    v.enumerate().iter().map(id_arg).collect()
}

fn delegates_arg(v: &Value) -> Result<Delegates, CmdletError> {
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
        None => match dir.resolve_recipient(&id.text, RecipientScope::Recipient) {
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

fn resolve_all(dir: &Directory, ids: &[IdArg]) -> Result<Vec<String>, CmdletError> {
    ids.iter().map(|id| resolve_delegate(dir, id)).collect()
}

impl Cmdlet for SetMailbox {
    fn signature(&self) -> Signature {
        Signature::new("Set-Mailbox", "Microsoft.Exchange.Management.RecipientTasks.SetMailbox", Origin::Exchange)
            .synopsis("Modifies the settings of an existing mailbox.")
            .should_process(ConfirmImpact::Medium)
            .param(
                Param::new("Identity", ParamType::Identity(IdentityKind::Mailbox))
                    .position(0)
                    .mandatory()
                    .from_pipeline()
                    .from_pipeline_by_name()
                    .type_display("MailboxIdParameter")
                    .help("The mailbox: name, alias, DN, canonical DN, domain\\user, email address, GUID, LegacyExchangeDN, SamAccountName or UPN."),
            )
            .param(
                Param::new("GrantSendOnBehalfTo", ParamType::MultiValued(IdentityKind::Recipient))
                    .type_display("MultiValuedProperty")
                    .help("Who may send on behalf of this mailbox: a list replaces the delegates, @{Add=...; Remove=...} changes them, $null clears them."),
            )
            .param(
                Param::new("Force", ParamType::Switch)
                    .type_display("SwitchParameter")
                    .help("Suppresses warning and confirmation messages."),
            )
            .param(
                Param::new("DomainController", ParamType::String)
                    .versions(ON_PREMISES)
                    .type_display("Fqdn")
                    .help("The domain controller to write to (FQDN)."),
            )
            .param(
                Param::new("IgnoreDefaultScope", ParamType::Switch)
                    .versions(ON_PREMISES)
                    .type_display("SwitchParameter")
                    .help("Ignores the default recipient scope; Identity then accepts only a DN."),
            )
            .example("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh", "Makes hollyh the only Send on Behalf delegate of seanc.")
            .example(
                "Set-Mailbox \"Contoso Executives\" -GrantSendOnBehalfTo @{Add=\"tempassistants@contoso.com\"}",
                "Adds a delegate without touching the others.",
            )
            .example("Set-Mailbox -Identity Sales -GrantSendOnBehalfTo MarketingSG", "Lets the MarketingSG group send on behalf of Sales.")
            .example("Get-Mailbox -Identity <MailboxIdentity> | Format-List GrantSendOnBehalfTo", "Shows the delegates.")
    }

    fn process(
        &self,
        cx: &mut dyn Context,
        args: &BoundArgs,
        _state: &mut Vec<Value>,
    ) -> CmdletResult {
        let Some(identity) = arg_id(args, "Identity") else {
            return Ok(());
        };
        let dir = cx.directory();
        let i = resolve_one(dir, &identity, RecipientScope::Mailbox)?;
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
                        && guids
                            .iter()
                            .all(|g| current.iter().any(|c| c.eq_ignore_ascii_case(g)));
                    (!same).then_some(Change::SetGrantSendOnBehalfTo {
                        mailbox,
                        delegates: guids,
                    })
                }
                Delegates::Update { add, remove } => {
                    let add = resolve_all(dir, &add)?;
                    let remove = resolve_all(dir, &remove)?;
                    let has = |g: &String| current.iter().any(|c| c.eq_ignore_ascii_case(g));
                    let changes = add.iter().any(|g| !has(g)) || remove.iter().any(has);
                    changes.then_some(Change::UpdateGrantSendOnBehalfTo {
                        mailbox,
                        add,
                        remove,
                    })
                }
            },
        };
        if !cx.should_process(&format!("Setting mailbox \"{}\".", identity.text))? {
            return Ok(());
        }
        match change {
            Some(c) => cx.apply(c),
            None => {
                let suppressed = cx
                    .variable("ExchangeDisableNotChangedWarning")
                    .is_some_and(|v| to_bool(&v));
                if !suppressed {
                    let name = identity_display(cx.directory(), i);
                    cx.warning(&format!("The command completed successfully but no settings of '{name}' have been modified."));
                }
                Ok(())
            }
        }
    }
}
