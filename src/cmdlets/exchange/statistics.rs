//! Get-MailboxFolderStatistics and Get-MailboxStatistics: per-folder and per-mailbox item counts
//! and sizes (the fixed sample numbers of `directory::stats`), with sizes as the
//! `ByteQuantifiedSize` strings an EMS session receives (`1.234 GB (1,325,000,000 bytes)`).

use crate::cmdlet::{BoundArgs, Cmdlet, CmdletResult, Context, IdentityKind, Origin, Param, ParamType, Signature};
use crate::directory::stats::{container_class, folder_type, scope_includes};
use crate::directory::{Directory, ExchangeVersion, FolderStats};
use crate::value::{PsObject, Value};

use super::objects::{ROOT_FOLDER_NAME, recipient_id};
use super::params;
use super::types::ELC_FOLDER_TYPE;
use super::{ONLINE, arg_id, identity_display, is_online, limit_results, resolve_one};

/// Get-MailboxFolderStatistics.
pub struct GetMailboxFolderStatistics;
/// Get-MailboxStatistics.
pub struct GetMailboxStatistics;

/// `Microsoft.Exchange.Management.Tasks.MailboxFolderConfiguration`.
pub const FOLDER_STATISTICS_TYPE: &str = "Microsoft.Exchange.Management.Tasks.MailboxFolderConfiguration";
/// `Microsoft.Exchange.Management.MapiTasks.Presentation.MailboxStatistics`.
pub const MAILBOX_STATISTICS_TYPE: &str = "Microsoft.Exchange.Management.MapiTasks.Presentation.MailboxStatistics";

/// What -Identity of both cmdlets names: mailboxes (`GeneralMailboxOrMailUserIdParameter`; the
/// model's mail users have no mailbox to report on).
const IDENTITY: IdentityKind = IdentityKind::Mailbox;

pub use crate::value::size::byte_size;
use crate::value::size::{byte_quantified, unlimited_size};

/// `FolderPath`: `/`-separated from the root (`/Inbox/Projects`; the root is
/// `/Top of Information Store`); a `/` inside a folder name prints as U+F8FF.
pub fn folder_path(path: &str) -> String {
    if path.is_empty() {
        return format!("/{ROOT_FOLDER_NAME}");
    }
    path.split('\\').map(|seg| format!("/{}", seg.replace('/', "\u{F8FF}"))).collect()
}

/// A stable `FolderId`: base64 of the mailbox's ExchangeGuid and the folder's path, prefixed as
/// Exchange's entry ids print (`LgAAAA…`).
pub(super) fn folder_id(dir: &Directory, r: usize, path: &str) -> String {
    let guid = dir.recipients[r].exchange_guid.clone().unwrap_or_default();
    let mut bytes: Vec<u8> = guid.bytes().filter(u8::is_ascii_hexdigit).collect();
    bytes.extend(path.to_lowercase().bytes());
    format!("LgAAAAA{}", base64(&bytes))
}

/// `mailbox:FolderId` (a FolderId as Get-MailboxFolderStatistics prints it, after one colon, the
/// form scripts use to reach a calendar whatever its localized name): the mailbox part and the
/// folder's path. `None` when the text has no colon, or the part after the last colon is not the
/// FolderId of a folder of that mailbox.
pub(super) fn split_folder_id<'a>(
    dir: &'a Directory,
    text: &'a str,
    resolve: impl Fn(&str) -> Option<usize>,
) -> Option<(&'a str, &'a str)> {
    let (mailbox, id) = text.rsplit_once(':')?;
    if !id.starts_with("LgAAAA") {
        return None;
    }
    let r = resolve(mailbox)?;
    let folder = dir.recipients[r].folders.iter().find(|f| folder_id(dir, r, &f.path) == id)?;
    Some((mailbox, folder.path.as_str()))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn deserialized(types: &[&str]) -> PsObject {
    let names: Vec<String> = types.iter().map(|t| format!("Deserialized.{t}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    PsObject::new(&refs)
}

fn count(n: u64) -> Value {
    Value::Int(n as i64)
}

/// One `MailboxFolderConfiguration` row of Get-MailboxFolderStatistics.
pub fn folder_statistics_object(dir: &Directory, r: usize, f: usize) -> Value {
    let folder = &dir.recipients[r].folders[f];
    let own = dir.folder_stats(r, f);
    let all = dir.subtree_stats(r, f);
    let path = folder_path(&folder.path);
    let mut o = deserialized(&[FOLDER_STATISTICS_TYPE, "Microsoft.Exchange.Data.ConfigurableObject", "System.Object"]);
    o.set("Name", Value::str(super::objects::folder_name(&folder.path)));
    o.set("FolderPath", Value::str(&path));
    o.set("FolderId", Value::str(folder_id(dir, r, &folder.path)));
    o.set("FolderType", Value::str(folder_type(&folder.path)));
    o.set("ContainerClass", Value::str(container_class(&folder.path)));
    o.set("ItemsInFolder", count(own.items));
    o.set("DeletedItemsInFolder", count(0));
    o.set("FolderSize", byte_quantified(own.bytes));
    o.set("ItemsInFolderAndSubfolders", count(all.items));
    o.set("DeletedItemsInFolderAndSubfolders", count(0));
    o.set("FolderAndSubfolderSize", byte_quantified(all.bytes));
    o.set("OldestItemReceivedDate", Value::Null);
    o.set("NewestItemReceivedDate", Value::Null);
    o.set("ManagedFolder", Value::Null);
    o.set("VisibleItemsInFolder", count(own.items));
    o.set("HiddenItemsInFolder", count(0));
    o.set("Identity", Value::str(format!("{}{}", identity_display(dir, r), path.replace('/', "\\"))));
    o.set("IsValid", Value::Bool(true));
    o.set("ObjectState", Value::str("New"));
    Value::object(o)
}

/// The `MailboxStatistics` object of Get-MailboxStatistics.
pub fn mailbox_statistics_object(dir: &Directory, r: usize) -> Value {
    let rec = &dir.recipients[r];
    let total: FolderStats = dir.mailbox_stats(r);
    let mut o = deserialized(&[
        MAILBOX_STATISTICS_TYPE,
        "Microsoft.Exchange.Data.Mapi.MailboxStatistics",
        "Microsoft.Exchange.Data.Mapi.MapiObject",
        "Microsoft.Exchange.Data.ConfigurableObject",
        "System.Object",
    ]);
    o.set("DisplayName", Value::str(&rec.display_name));
    o.set("ItemCount", count(total.items));
    o.set("DeletedItemCount", count(0));
    o.set("TotalItemSize", unlimited_size(total.bytes));
    o.set("TotalDeletedItemSize", unlimited_size(0));
    o.set("MailboxTypeDetail", Value::str(rec.kind.details_name()));
    o.set("LastLogonTime", Value::Null);
    o.set("LastLogoffTime", Value::Null);
    // Exchange 2013 and later leave StorageLimitStatus empty; 2010 reports BelowLimit.
    let status = if dir.org.version == ExchangeVersion::Exchange2010 { Value::str("BelowLimit") } else { Value::Null };
    o.set("StorageLimitStatus", status);
    let database = rec.database.clone().unwrap_or_default();
    o.set("Database", Value::str(&database));
    o.set("ServerName", Value::str(if is_online(dir) { String::new() } else { dir.org.server.clone() }));
    o.set("MailboxGuid", Value::str(rec.exchange_guid.clone().unwrap_or_default()));
    o.set("IsArchiveMailbox", Value::Bool(false));
    o.set("IsQuarantined", Value::Bool(false));
    o.set("OwnerADGuid", Value::str(&rec.guid));
    o.set("Identity", Value::str(rec.exchange_guid.clone().unwrap_or_default()));
    o.set("MailboxOwnerId", recipient_id(dir, r));
    o.set("IsValid", Value::Bool(true));
    o.set("ObjectState", Value::str("Unchanged"));
    o.display = Some(rec.display_name.clone().into());
    Value::object(o)
}

fn identity_param() -> Param {
    Param::new("Identity", ParamType::Identity(IDENTITY))
        .position(0)
        .mandatory()
        .type_display("GeneralMailboxOrMailUserIdParameter")
        .help("The mailbox or mail user: name, alias, DN, canonical DN, domain\\user, email address, GUID, LegacyExchangeDN, SamAccountName or UPN.")
}

impl Cmdlet for GetMailboxFolderStatistics {
    fn signature(&self) -> Signature {
        Signature::new(
            "Get-MailboxFolderStatistics",
            "Microsoft.Exchange.Management.Tasks.GetMailboxFolderStatistics",
            Origin::Exchange,
        )
        .synopsis("Gets the folders of a mailbox with their item counts and sizes.")
        .param(identity_param().from_pipeline_by_name())
        .param(
            Param::new("FolderScope", ParamType::Enum(&ELC_FOLDER_TYPE))
                .help("Only folders of this type and their subfolders (All, Calendar, Contacts, DeletedItems, Drafts, Inbox, JunkEmail, Journal, Notes, Outbox, Personal, SentItems, Tasks, …); every folder when omitted."),
        )
        .param(
            Param::new("IncludeOldestAndNewestItems", ParamType::Switch)
                .help("Adds the dates of the oldest and newest items of each folder."),
        )
        .param(
            Param::new("IncludeAnalysis", ParamType::Switch)
                .help("Scans every item for size statistics (slow; for troubleshooting)."),
        )
        .param(params::domain_controller())
        .param(params::result_size().versions(ONLINE))
        .param(Param::new("SkipCount", ParamType::Int).versions(ONLINE).help("Number of folders to skip."))
        .param(
            Param::new("UseCustomRouting", ParamType::Switch)
                .versions(ONLINE)
                .help("Routes the request to the mailbox's server."),
        )
        .example(
            "Get-MailboxFolderStatistics -Identity contoso\\chris",
            "Lists every folder of Chris's mailbox with its statistics.",
        )
        .example(
            "Get-MailboxFolderStatistics -Identity Chris -FolderScope Calendar",
            "Lists Chris's calendar folders; scripts read the Name of the result to find a calendar whatever its language.",
        )
        .example(
            "Get-Mailbox | ForEach-Object { Get-MailboxFolderStatistics $_ -FolderScope Inbox } | Format-Table Identity,ItemsInFolderAndSubfolders,FolderAndSubfolderSize -AutoSize",
            "Shows the size of every mailbox's Inbox.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(id) = arg_id(args, "Identity") else {
            return Ok(());
        };
        let dir = cx.directory();
        let r = resolve_one(dir, &id, IDENTITY)?;
        let scope = match args.get("FolderScope").filter(|v| !v.is_null()) {
            None => None,
            Some(_) => {
                super::enum_list(args, "FolderScope", &ELC_FOLDER_TYPE)?.first().map(|b| ELC_FOLDER_TYPE.format(*b))
            }
        };
        let skip = args.opt::<i64>("SkipCount").unwrap_or(0).max(0) as usize;
        let rows: Vec<Value> = (0..dir.recipients[r].folders.len())
            .filter(|&f| scope.as_deref().is_none_or(|s| scope_includes(s, &dir.recipients[r].folders[f].path)))
            .skip(skip)
            .map(|f| folder_statistics_object(dir, r, f))
            .collect();
        let (rows, warning) = if is_online(dir) { limit_results(args, rows) } else { (rows, None) };
        for v in rows {
            cx.output(v);
        }
        if let Some(w) = warning {
            cx.warning(w);
        }
        Ok(())
    }
}

impl Cmdlet for GetMailboxStatistics {
    fn signature(&self) -> Signature {
        Signature::new(
            "Get-MailboxStatistics",
            "Microsoft.Exchange.Management.MapiTasks.GetMailboxStatistics",
            Origin::Exchange,
        )
        .synopsis("Gets a mailbox's size, item count and last logon time.")
        .param(identity_param().from_pipeline().from_pipeline_by_name())
        .param(params::domain_controller())
        .param(
            Param::new("IncludeMoveHistory", ParamType::Switch).help("Adds the history of completed move requests."),
        )
        .param(
            Param::new("IncludeMoveReport", ParamType::Switch)
                .help("Adds the detailed report of completed move requests."),
        )
        .param(
            Param::new("UseCustomRouting", ParamType::Switch)
                .versions(ONLINE)
                .help("Routes the request to the mailbox's server."),
        )
        .example("Get-MailboxStatistics -Identity AylaKol", "Shows the statistics of Ayla Kol's mailbox.")
        .example(
            "Get-Mailbox | Get-MailboxStatistics | Select-Object DisplayName,ItemCount,TotalItemSize",
            "Lists every mailbox's item count and size; TotalItemSize arrives as a string such as 1.234 GB (1,325,000,000 bytes).",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let Some(id) = arg_id(args, "Identity") else {
            return Ok(());
        };
        let dir = cx.directory();
        let r = resolve_one(dir, &id, IDENTITY)?;
        let v = mailbox_statistics_object(dir, r);
        cx.output(v);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, message, prop, run, s};

    #[test]
    fn sizes_print_as_byte_quantified_size() {
        assert_eq!(byte_size(0), "0 B (0 bytes)");
        assert_eq!(byte_size(512), "512 B (512 bytes)");
        assert_eq!(byte_size(894_166), "873.2 KB (894,166 bytes)");
        assert_eq!(byte_size(1_325_000_000), "1.234 GB (1,325,000,000 bytes)");
        assert_eq!(byte_size(53_687_091_200), "50 GB (53,687,091,200 bytes)");
        assert_eq!(byte_size(13_348_722), "12.73 MB (13,348,722 bytes)");
        assert_eq!(folder_path("Inbox\\Projects"), "/Inbox/Projects");
        assert_eq!(folder_path(""), "/Top of Information Store");
        assert_eq!(folder_path("A/B"), "/A\u{F8FF}B");
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
    }

    #[test]
    fn folder_statistics_with_scope() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        assert!(run(&GetMailboxFolderStatistics, &mut c, &[("Identity", s("karen"))]).is_ok());
        assert_eq!(c.out.len(), 13);
        assert_eq!(prop(&c.out[0], "FolderType"), "Root");
        assert_eq!(prop(&c.out[2], "FolderPath"), "/Inbox/Projects");
        assert_eq!(prop(&c.out[2], "Identity"), "contoso.com/Users/Karen Berg\\Inbox\\Projects");
        c.clear();
        let args = [("Identity", s("karen")), ("FolderScope", s("Calendar"))];
        assert!(run(&GetMailboxFolderStatistics, &mut c, &args).is_ok());
        assert_eq!(c.out.len(), 1);
        assert_eq!(prop(&c.out[0], "Name"), "Calendar");
        let r = run(&GetMailboxFolderStatistics, &mut c, &[("Identity", s("allstaff"))]);
        assert_eq!(
            r.err().map(|e| message(&e)).unwrap_or_default(),
            "The operation couldn't be performed because object 'allstaff' couldn't be found on 'DC01.contoso.com'."
        );
    }

    #[test]
    fn mailbox_statistics_sum_the_folders() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2016);
        assert!(run(&GetMailboxStatistics, &mut c, &[("Identity", s("karen"))]).is_ok());
        let total = c.dir.mailbox_stats(1);
        assert_eq!(prop(&c.out[0], "ItemCount"), total.items.to_string());
        assert_eq!(prop(&c.out[0], "TotalItemSize"), byte_size(total.bytes));
        assert_eq!(prop(&c.out[0], "StorageLimitStatus"), "");
    }
}
