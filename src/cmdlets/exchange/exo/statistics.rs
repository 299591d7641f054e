//! Get-EXOMailboxStatistics and Get-EXOMailboxFolderStatistics: the REST cmdlets' property sets
//! over the same counts and sizes Get-MailboxStatistics and Get-MailboxFolderStatistics report
//! (`directory::stats`: the sample mailboxes' fixed figures; deleted items and system messages 0).

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletResult, Context, IdentityKind, Origin, Param, ParamType, Signature};
use crate::directory::Directory;
use crate::value::{EnumType, PsObject, Value};

use super::super::objects::ROOT_FOLDER_NAME;
use super::super::{ONLINE, identity_display};
use super::{PropertySets, identity_param, project, rest_error, rest_error_of, target, target_params};
use crate::directory::stats::{folder_type, scope_includes};
use crate::value::size::{byte_quantified, unlimited_size};

/// Get-EXOMailboxStatistics.
pub struct GetExoMailboxStatistics;
/// Get-EXOMailboxFolderStatistics.
pub struct GetExoMailboxFolderStatistics;

const STATISTICS_CLASS: &str = "Microsoft.Exchange.Management.RestApiClient.GetExoMailboxStatistics";
const FOLDER_STATISTICS_CLASS: &str = "Microsoft.Exchange.Management.RestApiClient.GetExoMailboxFolderStatistics";

/// An empty size as Exchange prints a `ByteQuantifiedSize`.
const ZERO: &str = "0 B (0 bytes)";

/// `Microsoft.Exchange.Management.RestApiClient.GetExoMailboxStatistics+PropertySet`.
pub static STATISTICS_PROPERTY_SET: EnumType = EnumType {
    name: "Microsoft.Exchange.Management.RestApiClient.GetExoMailboxStatistics+PropertySet",
    flags: false,
    members: &[("All", 0), ("Minimum", 1)],
};

/// Get-EXOMailboxStatistics's minimum set (the doc's members, in its order); All is every
/// property of the object.
static STATISTICS_SETS: PropertySets = PropertySets {
    minimum: &["DeletedItemCount", "DisplayName", "ItemCount", "MailboxGuid", "TotalDeletedItemSize", "TotalItemSize"],
    sets: &[],
};

/// `Microsoft.Exchange.Data.Directory.SystemConfiguration.ElcFolderType`: the FolderScope values.
pub static ELC_FOLDER_TYPE: EnumType = EnumType {
    name: "Microsoft.Exchange.Data.Directory.SystemConfiguration.ElcFolderType",
    flags: false,
    members: &[
        ("All", 0),
        ("Archive", 1),
        ("Calendar", 2),
        ("Clutter", 3),
        ("Contacts", 4),
        ("ConversationHistory", 5),
        ("DeletedItems", 6),
        ("Drafts", 7),
        ("Inbox", 8),
        ("Journal", 9),
        ("JunkEmail", 10),
        ("LegacyArchiveJournals", 11),
        ("ManagedCustomFolder", 12),
        ("NonIpmRoot", 13),
        ("Notes", 14),
        ("Outbox", 15),
        ("Personal", 16),
        ("RecoverableItems", 17),
        ("RssSubscriptions", 18),
        ("SentItems", 19),
        ("SyncIssues", 20),
        ("Tasks", 21),
    ],
};

/// The mailbox the target parameters (or -ExchangeGuid) name; `None` when none was given.
fn mailbox(dir: &Directory, args: &BoundArgs) -> Result<Option<usize>, crate::cmdlet::CmdletError> {
    if let Some(g) = args.opt::<String>("ExchangeGuid").filter(|g| !g.is_empty()) {
        let i =
            dir.recipients.iter().position(|r| r.exchange_guid.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(&g)));
        return i.map(Some).ok_or_else(|| rest_error(super::super::not_found(dir, &g)));
    }
    target(dir, args, IdentityKind::MailboxOrMailUser)
}

/// `-Archive` on a mailbox without an archive (none has one in exsh).
fn no_archive(dir: &Directory, i: usize) -> crate::cmdlet::CmdletError {
    let r = &dir.recipients[i];
    let who = r.upn.clone().unwrap_or_else(|| r.primary_smtp.clone());
    rest_error_of(
        "Microsoft.Exchange.Management.MapiTasks.MdbAdminTaskException",
        &format!("The Archive Mailbox is not enabled for {who}."),
        "BadRequest",
    )
}

/// The statistics of mailbox `i` (every property All returns).
fn statistics_full(dir: &Directory, i: usize) -> PsObject {
    let r = &dir.recipients[i];
    let mut o = PsObject::custom();
    let zero = || Value::str(ZERO);
    let total = dir.mailbox_stats(i);
    let db = r.database.clone().unwrap_or_default();
    for (k, v) in [
        ("DeletedItemCount", Value::Int(0)),
        ("DisplayName", Value::str(&r.display_name)),
        ("ItemCount", Value::Int(total.items as i64)),
        ("MailboxGuid", Value::str(r.exchange_guid.clone().unwrap_or_default())),
        ("TotalDeletedItemSize", unlimited_size(0)),
        ("TotalItemSize", unlimited_size(total.bytes)),
        ("AssociatedItemCount", Value::Int(0)),
        ("DatabaseName", Value::str(db)),
        ("ExternalDirectoryOrganizationId", Value::str("c5a3e0d1-7b24-4f6e-8d19-2a6b3c4d5e6f")),
        ("IsArchiveMailbox", Value::Bool(false)),
        ("IsQuarantined", Value::Bool(false)),
        ("LastLoggedOnUserAccount", Value::Null),
        ("LastLogoffTime", Value::Null),
        ("LastLogonTime", Value::Null),
        ("LegacyDN", Value::str(dir.legacy_exchange_dn(r))),
        ("MailboxType", Value::str("Private")),
        ("MailboxTypeDetail", Value::str(r.kind.details_name())),
        ("OwnerADGuid", Value::str(&r.guid)),
        ("ServerName", Value::str(dir.org.server.to_lowercase())),
        ("StorageLimitStatus", Value::Null),
        ("SystemMessageCount", Value::Int(0)),
        ("SystemMessageSize", zero()),
    ] {
        o.set(k, v);
    }
    o
}

impl Cmdlet for GetExoMailboxStatistics {
    fn signature(&self) -> Signature {
        let sig = Signature::new("Get-EXOMailboxStatistics", STATISTICS_CLASS, Origin::Core)
            .synopsis("Gets a mailbox's size, item counts and last logon through the REST API.")
            .versions(ONLINE)
            .param(identity_param(
                IdentityKind::MailboxOrMailUser,
                &[],
                false,
                "The mailbox: UPN, user ID, name, alias, DN, domain\\user, email address, LegacyExchangeDN or SamAccountName.",
            ))
            .param(
                Param::new("PrimarySmtpAddress", ParamType::String)
                    .from_pipeline_by_name()
                    .help("The mailbox by its primary SMTP address."),
            )
            .param(
                Param::new("UserPrincipalName", ParamType::String)
                    .from_pipeline_by_name()
                    .help("The mailbox by its user principal name."),
            )
            .param(
                Param::new("ExchangeGuid", ParamType::Guid)
                    .from_pipeline_by_name()
                    .help("The mailbox by its mailbox GUID."),
            )
            .param(
                Param::new("DatabaseGuid", ParamType::Guid)
                    .from_pipeline_by_name()
                    .help("Filters by the GUID of the mailbox's database."),
            )
            .param(Param::new("Archive", ParamType::Switch).help("Returns the statistics of the archive mailbox."))
            .param(Param::new("IncludeMoveHistory", ParamType::Switch).help("Reserved for internal Microsoft use."))
            .param(Param::new("IncludeMoveReport", ParamType::Switch).help("Reserved for internal Microsoft use."))
            .param(
                Param::new("IncludeSoftDeletedRecipients", ParamType::Switch)
                    .help("Includes soft-deleted mailboxes."),
            );
        PropertySets::params(sig, &STATISTICS_PROPERTY_SET)
            .example(
                "Get-EXOMailboxStatistics -Identity john@contoso.com",
                "Shows the minimum set of John's statistics.",
            )
            .example(
                "Get-EXOMailboxStatistics -Identity john@contoso.com -Properties LastLogonTime",
                "Adds LastLogonTime to the minimum set.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        super::require_connection(cx, STATISTICS_CLASS)?;
        let dir = cx.directory();
        let Some(i) = mailbox(dir, args)? else {
            return Ok(());
        };
        if args.switch("Archive") {
            return Err(no_archive(dir, i));
        }
        let full = statistics_full(dir, i);
        let names = STATISTICS_SETS.selected(args, &full, STATISTICS_CLASS)?;
        let v = project(&full, &names);
        cx.output(v);
        Ok(())
    }
}

/// One folder's statistics: the same counts and sizes Get-MailboxFolderStatistics reports.
fn folder_row(dir: &Directory, i: usize, f: usize) -> Value {
    let path = dir.recipients[i].folders[f].path.as_str();
    let mut o = PsObject::custom();
    let name = if path.is_empty() {
        ROOT_FOLDER_NAME.to_string()
    } else {
        path.rsplit('\\').next().unwrap_or(path).to_string()
    };
    let folder_path = format!("/{}", path.replace('\\', "/"));
    let (own, all) = (dir.folder_stats(i, f), dir.subtree_stats(i, f));
    o.set("Name", Value::str(&name));
    o.set("FolderPath", Value::str(&folder_path));
    o.set("FolderType", Value::str(folder_type(path)));
    o.set("ItemsInFolder", Value::Int(own.items as i64));
    o.set("FolderSize", byte_quantified(own.bytes));
    o.set("ItemsInFolderAndSubfolders", Value::Int(all.items as i64));
    o.set("FolderAndSubfolderSize", byte_quantified(all.bytes));
    o.set("Identity", Value::str(format!("{}\\{}", identity_display(dir, i), path)));
    Value::object(o)
}

impl Cmdlet for GetExoMailboxFolderStatistics {
    fn signature(&self) -> Signature {
        let sig = Signature::new("Get-EXOMailboxFolderStatistics", FOLDER_STATISTICS_CLASS, Origin::Core)
            .synopsis("Gets the folders of a mailbox with their item counts and sizes through the REST API.")
            .versions(ONLINE)
            .param(identity_param(
                IdentityKind::MailboxOrMailUser,
                &[],
                false,
                "The mailbox or mail user: UPN, user ID, name, alias, DN, LegacyExchangeDN or SamAccountName.",
            ));
        target_params(sig, &[])
            .param(
                Param::new("Folderscope", ParamType::Enum(&ELC_FOLDER_TYPE))
                    .help("Only folders of this type (and their subfolders): All, Inbox, Calendar, SentItems…"),
            )
            .param(Param::new("Archive", ParamType::Switch).help("Returns the folders of the archive mailbox."))
            .param(Param::new("DiagnosticInfo", ParamType::String).help("Reserved for internal Microsoft use."))
            .param(Param::new("IncludeAnalysis", ParamType::Switch).help("Reserved for internal Microsoft use."))
            .param(
                Param::new("IncludeOldestAndNewestItems", ParamType::Switch)
                    .help("Adds the dates of the oldest and newest items of each folder."),
            )
            .param(
                Param::new("IncludeSoftDeletedRecipients", ParamType::Switch)
                    .help("Includes soft-deleted mailboxes."),
            )
            .example("Get-EXOMailboxFolderStatistics -Identity admin@contoso.com", "Lists every folder of the mailbox.")
            .example(
                "Get-EXOMailbox -ResultSize Unlimited | Get-EXOMailboxFolderStatistics -FolderScope Inbox | Format-Table Identity,ItemsInFolderAndSubfolders,FolderAndSubfolderSize -AutoSize",
                "Shows the Inbox of every mailbox.",
            )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        super::require_connection(cx, FOLDER_STATISTICS_CLASS)?;
        let dir = cx.directory();
        let Some(i) = target(dir, args, IdentityKind::MailboxOrMailUser)? else {
            return Ok(());
        };
        if args.switch("Archive") {
            return Err(no_archive(dir, i));
        }
        let scope = args.get("Folderscope").map(crate::value::convert::to_string).unwrap_or_else(|| "All".into());
        let rows: Vec<Value> = (0..dir.recipients[i].folders.len())
            .filter(|&f| scope_includes(&scope, &dir.recipients[i].folders[f].path))
            .map(|f| folder_row(dir, i, f))
            .collect();
        for v in rows {
            cx.output(v);
        }
        Ok(())
    }
}
