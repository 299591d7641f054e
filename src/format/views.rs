//! The default views: for a type name, which columns (and widths) Out-Default shows, or which list.
//!
//! Owns the one table of views keyed by type name. Type names match with a leading `Deserialized.`
//! stripped (EMS objects arrive through implicit remoting), trying each of an object's type names in
//! order, as PowerShell's view lookup does.
//!
//! Widths come from console transcripts, since Exchange's `Exchange.format.ps1xml` is not public:
//! - A width of 0 means "unsized". Windows PowerShell 5.1 then autosizes the table to the content of
//!   the objects it has collected (its 300 ms cache, `OutCommandInner.ProcessObject`) when the *first*
//!   column is unsized; otherwise unsized columns share what is left of the screen.
//! - Get-Mailbox on-prem: Name 25, Alias 20, ServerName 16, ProhibitSendQuota rest (seen: the
//!   Exchange 2013 help page prints `ProhibitSendQuo` / `ta` at 80 columns, which only fits these widths).
//! - Get-Mailbox in Exchange Online: Name 25, Alias 15, Database 30, ProhibitSendQuota 20,
//!   ExternalDirectoryObjectId rest (seen in several EXO transcripts).
//! - Get-MailboxPermission: Identity 20, User 20, AccessRights rest, IsInherited 11, Deny 5 (seen; the
//!   11 and 5 are inferred from transcripts where AccessRights alone absorbs the console width).
//! - Get-ADPermission: Identity 20, User 20, Deny 5, Inherited (IsInherited) rest (seen).
//! - Get-MailboxFolderPermission: FolderName 20, User 20, AccessRights rest; Exchange Online adds
//!   SharingPermissionFlags, unsized like AccessRights (the EXO transcript's 34-wide AccessRights fits
//!   two unsized columns sharing the rest). Exchange 2010 prints a list instead.
//! - Get-MailboxDatabase: Name 30, Server 15, Recovery 15, ReplicationType rest (seen, Exchange 2010).
//! - Get-User and Get-Recipient: Name and RecipientType unsized (an Exchange 2010 transcript at 120
//!   columns shows two 59-wide columns: the round-robin split of two unsized columns).
//! - Get-DistributionGroup and Get-RecipientPermission: all columns unsized (EXO transcripts show
//!   content-sized columns), so 5.1 autosizes them.
//! - Group-Object's GroupInfo: Count 5 right-aligned, Name 25, Group rest (PowerShellCore.format.ps1xml).
//! - Get-Help's search results (HelpInfoShort): Name 33, Category 9, Module 25, Synopsis rest
//!   (PowerShell's Help_format_ps1xml.cs).
//! - Get-Module (PSModuleInfo): ModuleType 10, Version 10, Name 35, ExportedCommands rest
//!   (PowerShell's PowerShellCore_format_ps1xml.cs, without 7's PreRelease column); Get-PSSnapin
//!   (PSSnapInInfo) prints a list of Name, PSVersion, Description.
//! - Get-PSSession (PSSession): Id 3 right, Name 15, ComputerName 15, ComputerType 15, State 13,
//!   ConfigurationName 20, Availability 13 right (PowerShellCore_format_ps1xml.cs less Transport).
//! - Get-MailboxStatistics (DisplayName, ItemCount, StorageLimitStatus, LastLogonTime),
//!   Get-CalendarProcessing (Identity, AutomateProcessing, ResourceDelegates) and Get-MailboxFolder
//!   (Name, FolderPath, HasSubfolders): columns per docs/reference/folders-and-calendar.md, unsized.
//! - Get-Member's MemberDefinition: Name, MemberType, Definition, `autoSize: true`, grouped by
//!   TypeName (`   TypeName: X` then a blank line), each group autosized on its own
//!   (PowerShellCore_format_ps1xml.cs).
//! - exsh's own Test-MailboxAccess (a list) and Get-MailboxAccess (Mailbox, User, Access, Path,
//!   unsized): no real view exists; docs/access-model.md.
//! - Hashtables print their entries with the `DictionaryEntry` view: Name 30, Value rest.

use std::rc::Rc;

use super::ViewOptions;
use super::table::Align;
use crate::value::Value;

/// Type name of a mailbox (Get-Mailbox).
pub const MAILBOX: &str = "Microsoft.Exchange.Data.Directory.Management.Mailbox";
/// Type name of a Get-MailboxPermission / Add-MailboxPermission row.
pub const MAILBOX_ACE: &str = "Microsoft.Exchange.Management.RecipientTasks.MailboxAcePresentationObject";
/// Type name of a Get-ADPermission / Add-ADPermission row.
pub const AD_ACE: &str = "Microsoft.Exchange.Management.RecipientTasks.ADAcePresentationObject";
/// Type name of a Get-MailboxFolderPermission row.
pub const FOLDER_PERMISSION: &str = "Microsoft.Exchange.Management.StoreTasks.MailboxFolderPermission";
/// Type name of a Get-RecipientPermission row (Exchange Online).
pub const RECIPIENT_PERMISSION: &str = "Microsoft.Exchange.Management.RecipientTasks.RecipientPermission";
/// The data-layer name of the same object, as some EXO builds report it.
pub const RECIPIENT_PERMISSION_DATA: &str = "Microsoft.Exchange.Data.Directory.Permission.RecipientPermission";
/// Type name of Get-Recipient and Get-DistributionGroupMember results.
pub const REDUCED_RECIPIENT: &str = "Microsoft.Exchange.Data.Directory.Management.ReducedRecipient";
/// Type name of a Get-User result.
pub const USER: &str = "Microsoft.Exchange.Data.Directory.Management.User";
/// Type name of a Get-DistributionGroup result.
pub const DISTRIBUTION_GROUP: &str = "Microsoft.Exchange.Data.Directory.Management.DistributionGroup";
/// Type name of a Get-MailboxDatabase result.
pub const MAILBOX_DATABASE: &str = "Microsoft.Exchange.Data.Directory.SystemConfiguration.MailboxDatabase";
/// Type name of a Get-Culture result.
pub const CULTURE_INFO: &str = "System.Globalization.CultureInfo";
/// Type name of a Get-Variable result.
pub const PS_VARIABLE: &str = "System.Management.Automation.PSVariable";
/// Type name of a Group-Object result.
pub const GROUP_INFO: &str = "Microsoft.PowerShell.Commands.GroupInfo";
/// Get-Command's objects (`CmdletInfo`, `FunctionInfo`, `AliasInfo` all derive from it).
pub const COMMAND_INFO: &str = "System.Management.Automation.CommandInfo";
/// Type name of a Get-ExchangeServer result.
pub const EXCHANGE_SERVER: &str = "Microsoft.Exchange.Data.Directory.Management.ExchangeServer";
/// Type name of a Get-MailboxStatistics result.
pub const MAILBOX_STATISTICS: &str = "Microsoft.Exchange.Management.MapiTasks.Presentation.MailboxStatistics";
/// Type name of a Get-CalendarProcessing result.
pub const CALENDAR_CONFIGURATION: &str = "Microsoft.Exchange.Data.Storage.Management.CalendarConfiguration";
/// Type name of a Get-MailboxFolder / New-MailboxFolder result.
pub const MAILBOX_FOLDER: &str = "Microsoft.Exchange.Data.Storage.Management.MailboxFolder";
/// Get-Module's objects.
pub const PS_MODULE_INFO: &str = "System.Management.Automation.PSModuleInfo";
/// Get-PSSession's objects.
pub const PS_SESSION: &str = "System.Management.Automation.Runspaces.PSSession";
/// Get-PSSnapin's objects.
pub const PS_SNAPIN_INFO: &str = "System.Management.Automation.PSSnapInInfo";
/// Get-Help's search results (`Get-Help *Permission*`).
pub const HELP_INFO_SHORT: &str = "HelpInfoShort";

/// Get-Member's output type (PowerShellCore_format_ps1xml.cs: an autosized table of Name,
/// MemberType, Definition, grouped by TypeName).
pub const MEMBER_DEFINITION: &str = "Microsoft.PowerShell.Commands.MemberDefinition";
// Recipient cmdlets (Get-MailContact, Get-Contact, Get-MailUser, Get-Group, Get-AcceptedDomain).
/// Type name of a Get-MailContact / New-MailContact result.
pub const MAIL_CONTACT: &str = "Microsoft.Exchange.Data.Directory.Management.MailContact";
/// Type name of a Get-Contact result.
pub const CONTACT: &str = "Microsoft.Exchange.Data.Directory.Management.Contact";
/// Type name of a Get-MailUser result.
pub const MAIL_USER: &str = "Microsoft.Exchange.Data.Directory.Management.MailUser";
/// Type name of a Get-Group result.
pub const WINDOWS_GROUP: &str = "Microsoft.Exchange.Data.Directory.Management.WindowsGroup";
/// Type name of a Get-AcceptedDomain result.
pub const ACCEPTED_DOMAIN: &str = "Microsoft.Exchange.Data.Directory.SystemConfiguration.AcceptedDomain";
/// A Get-PermissionAudit finding (exsh's own type).
pub const PERMISSION_AUDIT_FINDING: &str = "Exsh.PermissionAuditFinding";
/// `$PWD`, Get-Location and Resolve-Path results.
pub const PATH_INFO: &str = "System.Management.Automation.PathInfo";
/// Files and folders (Get-ChildItem, Get-Item): both FileInfo and DirectoryInfo derive from it.
pub const FILE_SYSTEM_INFO: &str = "System.IO.FileSystemInfo";
/// Test-MailboxAccess's result (exsh's own; a list, the Explanation's lines under its label).
pub const MAILBOX_ACCESS_TEST: &str = "Exsh.MailboxAccessTest";
/// A Get-MailboxAccess row (exsh's own; a table of Mailbox, User, Access, Path).
pub const MAILBOX_ACCESS: &str = "Exsh.MailboxAccess";
/// Type name of a hashtable entry (a hashtable prints as a table of these).
pub const DICTIONARY_ENTRY: &str = "System.Collections.DictionaryEntry";

/// One column of a table view.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewColumn {
    /// Header text.
    pub label: String,
    /// The property whose value fills the column.
    pub property: String,
    /// Width in screen cells; 0 = unsized.
    pub width: usize,
    /// Alignment.
    pub align: Align,
}

/// What a view shows.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewShape {
    /// A table with these columns.
    Table(Vec<ViewColumn>),
    /// A list of (label, property) pairs.
    List(Vec<(String, String)>),
}

/// A default view and the type it was selected for.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// The type name (without `Deserialized.`) the view applies to; an object belongs to the same
    /// table when one of its type names is this one.
    pub applies_to: &'static str,
    /// Its shape.
    pub shape: ViewShape,
}

fn col(label: &str, property: &str, width: usize) -> ViewColumn {
    ViewColumn { label: label.into(), property: property.into(), width, align: Align::Left }
}

fn table(applies_to: &'static str, cols: Vec<ViewColumn>) -> View {
    View { applies_to, shape: ViewShape::Table(cols) }
}

/// The same column, right-aligned.
fn right(c: ViewColumn) -> ViewColumn {
    ViewColumn { align: Align::Right, ..c }
}

/// A table whose columns show the properties they are named after: (name, width) pairs, left-aligned.
fn named(applies_to: &'static str, cols: &[(&str, usize)]) -> View {
    table(applies_to, cols.iter().map(|(name, width)| col(name, name, *width)).collect())
}

/// A list of the properties named, each labelled with its name.
fn list(applies_to: &'static str, props: &[&str]) -> View {
    View { applies_to, shape: ViewShape::List(props.iter().map(|p| (p.to_string(), p.to_string())).collect()) }
}

/// The view registered for exactly this type name (no prefix handling), if any.
fn view_for(name: &str, opts: &ViewOptions) -> Option<View> {
    let is = |t: &str| name.eq_ignore_ascii_case(t);
    let v = if is(MAILBOX) {
        if opts.online {
            named(
                MAILBOX,
                &[
                    ("Name", 25),
                    ("Alias", 15),
                    ("Database", 30),
                    ("ProhibitSendQuota", 20),
                    ("ExternalDirectoryObjectId", 0),
                ],
            )
        } else {
            named(MAILBOX, &[("Name", 25), ("Alias", 20), ("ServerName", 16), ("ProhibitSendQuota", 0)])
        }
    } else if is(MAILBOX_ACE) {
        named(MAILBOX_ACE, &[("Identity", 20), ("User", 20), ("AccessRights", 0), ("IsInherited", 11), ("Deny", 5)])
    } else if is(AD_ACE) {
        table(
            AD_ACE,
            vec![
                col("Identity", "Identity", 20),
                col("User", "User", 20),
                col("Deny", "Deny", 5),
                col("Inherited", "IsInherited", 0),
            ],
        )
    } else if is(FOLDER_PERMISSION) {
        if opts.exchange2010 {
            list(FOLDER_PERMISSION, &["FolderName", "User", "AccessRights", "Identity", "IsValid"])
        } else {
            let mut cols = vec![
                col("FolderName", "FolderName", 20),
                col("User", "User", 20),
                col("AccessRights", "AccessRights", 0),
            ];
            if opts.online {
                cols.push(col("SharingPermissionFlags", "SharingPermissionFlags", 0));
            }
            table(FOLDER_PERMISSION, cols)
        }
    } else if is(RECIPIENT_PERMISSION) || is(RECIPIENT_PERMISSION_DATA) {
        table(
            if is(RECIPIENT_PERMISSION) { RECIPIENT_PERMISSION } else { RECIPIENT_PERMISSION_DATA },
            vec![
                col("Identity", "Identity", 0),
                col("Trustee", "Trustee", 0),
                col("AccessControlType", "AccessControlType", 0),
                col("AccessRights", "AccessRights", 0),
                col("Inherited", "IsInherited", 0),
            ],
        )
    } else if is(REDUCED_RECIPIENT) || is(USER) {
        named(if is(USER) { USER } else { REDUCED_RECIPIENT }, &[("Name", 0), ("RecipientType", 0)])
    } else if is(DISTRIBUTION_GROUP) {
        named(DISTRIBUTION_GROUP, &[("Name", 0), ("DisplayName", 0), ("GroupType", 0), ("PrimarySmtpAddress", 0)])
    } else if is(MAILBOX_DATABASE) {
        named(MAILBOX_DATABASE, &[("Name", 30), ("Server", 15), ("Recovery", 15), ("ReplicationType", 0)])
    } else if is(PATH_INFO) {
        // PowerShellCore.format.ps1xml: a table of Path.
        named(PATH_INFO, &[("Path", 0)])
    } else if is(FILE_SYSTEM_INFO) {
        // FileSystem.format.ps1xml (5.1): Mode 7, LastWriteTime 25 (right), Length 14 (right), Name rest.
        table(
            FILE_SYSTEM_INFO,
            vec![
                col("Mode", "Mode", 7),
                right(col("LastWriteTime", "LastWriteTime", 25)),
                right(col("Length", "Length", 14)),
                col("Name", "Name", 0),
            ],
        )
    } else if is("System.RuntimeType") {
        // PowerShellCore.format.ps1xml: IsPublic 8, IsSerial 8 (IsSerializable), Name 40, BaseType.
        table(
            "System.RuntimeType",
            vec![
                col("IsPublic", "IsPublic", 8),
                col("IsSerial", "IsSerializable", 8),
                col("Name", "Name", 40),
                col("BaseType", "BaseType", 0),
            ],
        )
    } else if is("System.Version") {
        // `$PSVersionTable.PSVersion` in 5.1 prints `Major  Minor  Build  Revision` (seen in many
        // transcripts): left-aligned columns of 6, 6, 6 and 8 (inferred from the two-space gaps).
        named("System.Version", &[("Major", 6), ("Minor", 6), ("Build", 6), ("Revision", 8)])
    } else if is(CULTURE_INFO) {
        // PowerShellCore.format.ps1xml: LCID 16, Name 16, DisplayName rest, all left-aligned.
        named(CULTURE_INFO, &[("LCID", 16), ("Name", 16), ("DisplayName", 0)])
    } else if is(PS_VARIABLE) {
        // PowerShellCore.format.ps1xml: Name 30, Value rest.
        named(PS_VARIABLE, &[("Name", 30), ("Value", 0)])
    } else if is(GROUP_INFO) {
        // PowerShellCore.format.ps1xml: Count 5 (right), Name 25, Group rest.
        table(GROUP_INFO, vec![right(col("Count", "Count", 5)), col("Name", "Name", 25), col("Group", "Group", 0)])
    } else if is(COMMAND_INFO) {
        // PowerShellCore.format.ps1xml (5.1): CommandType 15, Name 50, Version 10, Source rest;
        // the Name column shows an alias's DisplayName (`ls -> Get-ChildItem`), every command
        // object here carries one.
        table(
            COMMAND_INFO,
            vec![
                col("CommandType", "CommandType", 15),
                col("Name", "DisplayName", 50),
                col("Version", "Version", 10),
                col("Source", "Source", 0),
            ],
        )
    } else if is(MAILBOX_STATISTICS) {
        // The columns of Get-MailboxStatistics; widths not public, so unsized (as Get-ExchangeServer).
        named(
            MAILBOX_STATISTICS,
            &[("DisplayName", 0), ("ItemCount", 0), ("StorageLimitStatus", 0), ("LastLogonTime", 0)],
        )
    } else if is(CALENDAR_CONFIGURATION) {
        named(CALENDAR_CONFIGURATION, &[("Identity", 0), ("AutomateProcessing", 0), ("ResourceDelegates", 0)])
    } else if is(MAILBOX_FOLDER) {
        named(MAILBOX_FOLDER, &[("Name", 0), ("FolderPath", 0), ("HasSubfolders", 0)])
    } else if is(EXCHANGE_SERVER) {
        // Columns seen in an EMS transcript (`Get-ExchangeServer | ft -AutoSize`); their widths in
        // Exchange.format.ps1xml are not public, so they are unsized and 5.1 autosizes them.
        named(
            EXCHANGE_SERVER,
            &[("Name", 0), ("Site", 0), ("ServerRole", 0), ("Edition", 0), ("AdminDisplayVersion", 0)],
        )
    } else if is(PS_MODULE_INFO) {
        // PowerShellCore.format.ps1xml (5.1, no PreRelease column): ModuleType 10, Version 10,
        // Name 35, ExportedCommands rest.
        named(PS_MODULE_INFO, &[("ModuleType", 10), ("Version", 10), ("Name", 35), ("ExportedCommands", 0)])
    } else if is(PS_SESSION) {
        // Windows PowerShell 5.1's PSSession view: PowerShell 7's without its Transport column
        // (added with SSH remoting in 6.0).
        table(
            PS_SESSION,
            vec![
                right(col("Id", "Id", 3)),
                col("Name", "Name", 15),
                col("ComputerName", "ComputerName", 15),
                col("ComputerType", "ComputerType", 15),
                col("State", "State", 13),
                col("ConfigurationName", "ConfigurationName", 20),
                right(col("Availability", "Availability", 13)),
            ],
        )
    } else if is(PS_SNAPIN_INFO) {
        list(PS_SNAPIN_INFO, &["Name", "PSVersion", "Description"])
    } else if is(MEMBER_DEFINITION) {
        named(MEMBER_DEFINITION, &[("Name", 0), ("MemberType", 0), ("Definition", 0)])
    } else if is(HELP_INFO_SHORT) {
        // Help.format.ps1xml (PowerShell's Help_format_ps1xml.cs): Name 33, Category 9, Module 25
        // (ModuleName, else PSSnapIn), Synopsis rest.
        table(
            HELP_INFO_SHORT,
            vec![
                col("Name", "Name", 33),
                col("Category", "Category", 9),
                col("Module", "ModuleName", 25),
                col("Synopsis", "Synopsis", 0),
            ],
        )
    } else if is(MAILBOX_ACCESS_TEST) {
        // exsh's own object: a list, so the multi-line Explanation reads at the console.
        list(
            MAILBOX_ACCESS_TEST,
            &[
                "Identity",
                "User",
                "CanOpen",
                "CanSendAs",
                "CanSendOnBehalf",
                "FolderRights",
                "IsDelegate",
                "From",
                "Explanation",
            ],
        )
    } else if is(MAILBOX_ACCESS) {
        // exsh's own object: unsized columns, so 5.1's autosizing fits them to the rows.
        named(MAILBOX_ACCESS, &[("Mailbox", 0), ("User", 0), ("Access", 0), ("Path", 0)])
    } else if is(PERMISSION_AUDIT_FINDING) {
        // exsh's own Get-PermissionAudit (docs/audit.md): Fix shows in Format-List.
        named(PERMISSION_AUDIT_FINDING, &[("Kind", 0), ("Object", 0), ("Trustee", 0), ("Detail", 0)])
    } else if let Some(v) = recipient_view(name) {
        v
    } else if is(DICTIONARY_ENTRY) {
        named(DICTIONARY_ENTRY, &[("Name", 30), ("Value", 0)])
    } else {
        return None;
    };
    Some(v)
}

/// The recipient cmdlets' views (docs/reference/recipients.md; no transcript pins their
/// widths, so every column is unsized and 5.1 autosizes them, as for Get-DistributionGroup).
fn recipient_view(name: &str) -> Option<View> {
    let is = |t: &str| name.eq_ignore_ascii_case(t);
    let name_type = |t: &'static str| named(t, &[("Name", 0), ("RecipientType", 0)]);
    Some(if is(MAIL_CONTACT) {
        named(MAIL_CONTACT, &[("Name", 0), ("Alias", 0), ("RecipientType", 0)])
    } else if is(CONTACT) {
        name_type(CONTACT)
    } else if is(MAIL_USER) {
        name_type(MAIL_USER)
    } else if is(WINDOWS_GROUP) {
        name_type(WINDOWS_GROUP)
    } else if is(ACCEPTED_DOMAIN) {
        named(ACCEPTED_DOMAIN, &[("Name", 0), ("DomainName", 0), ("DomainType", 0), ("Default", 0)])
    } else {
        return None;
    })
}

/// A type name without its `Deserialized.` prefix.
pub fn strip_deserialized(name: &str) -> &str {
    match name.get(..13) {
        Some(p) if p.eq_ignore_ascii_case("Deserialized.") => &name[13..],
        _ => name,
    }
}

/// The default view for an object with these type names (most derived first): the first type name
/// that has a registered view wins.
pub fn find_view(type_names: &[Rc<str>], opts: &ViewOptions) -> Option<View> {
    type_names.iter().find_map(|t| view_for(strip_deserialized(t), opts))
}

/// True when an object with these type names belongs to `view` (PowerShell's `IsObjectApplicable`):
/// one of its type names, `Deserialized.` stripped, is the view's type.
pub fn applies(view: &View, type_names: &[Rc<str>]) -> bool {
    type_names.iter().any(|t| strip_deserialized(t).eq_ignore_ascii_case(view.applies_to))
}

/// The type names the view lookup sees for a value.
pub(super) fn type_names_of(v: &Value) -> Vec<Rc<str>> {
    match v {
        Value::Object(o) => o.borrow().type_names.clone(),
        other => vec![Rc::from(other.type_name().as_str())],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<Rc<str>> {
        v.iter().map(|s| Rc::from(*s)).collect()
    }

    #[test]
    fn deserialized_names_and_later_type_names_match() {
        let o = ViewOptions::default();
        let v = find_view(&names(&["Deserialized.Microsoft.Exchange.Data.Directory.Management.Mailbox"]), &o);
        assert_eq!(v.map(|v| v.applies_to), Some(MAILBOX));
        let v = find_view(&names(&["Custom.Thing", MAILBOX_ACE, "System.Object"]), &o).expect("view");
        assert_eq!(v.applies_to, MAILBOX_ACE);
        assert!(applies(
            &v,
            &names(&["Deserialized.Microsoft.Exchange.Management.RecipientTasks.MailboxAcePresentationObject"])
        ));
        assert!(!applies(&v, &names(&[MAILBOX])));
        assert!(find_view(&names(&["System.Management.Automation.PSCustomObject"]), &o).is_none());
    }

    #[test]
    fn folder_permissions_depend_on_the_profile() {
        let shape = |o: ViewOptions| find_view(&names(&[FOLDER_PERMISSION]), &o).map(|v| v.shape);
        let Some(ViewShape::Table(c)) = shape(ViewOptions::default()) else { panic!("table") };
        assert_eq!(c.len(), 3);
        let Some(ViewShape::Table(c)) = shape(ViewOptions { online: true, ..ViewOptions::default() }) else {
            panic!("table")
        };
        assert_eq!(c[3].label, "SharingPermissionFlags");
        let Some(ViewShape::List(p)) = shape(ViewOptions { exchange2010: true, ..ViewOptions::default() }) else {
            panic!("list")
        };
        assert_eq!(p.len(), 5);
    }
}
