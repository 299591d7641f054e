//! Get-MailboxFolder and New-MailboxFolder: a mailbox's folder tree, and new folders in it
//! (`[MailboxID]:\ParentFolder[\SubFolder]`; `:\` is the session user's own mailbox).
//!
//! The docs say these run on the caller's own mailbox, yet also that folders can be made in other
//! mailboxes "when you have the required permissions": the session user is an organization admin,
//! so exsh accepts a MailboxID (docs/reference/folders-and-calendar.md).

use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, ConfirmImpact, Context, ExchangeErrorKind, IdentityKind, Origin,
    Param, ParamType, Signature,
};
use crate::directory::stats::container_class;
use crate::directory::{Change, Directory, ResolveError};
use crate::value::{PsObject, Value};

use super::objects::{folder_name, recipient_id};
use super::params;
use super::{IdArg, ambiguous, arg_id, identity_display, not_found, scope_of};

/// Get-MailboxFolder.
pub struct GetMailboxFolder;
/// New-MailboxFolder.
pub struct NewMailboxFolder;

/// `Microsoft.Exchange.Data.Storage.Management.MailboxFolder`.
pub const MAILBOX_FOLDER_TYPE: &str = "Microsoft.Exchange.Data.Storage.Management.MailboxFolder";

const IDENTITY: IdentityKind = IdentityKind::MailboxFolder;

/// The session user's mailbox, which `:\…` names (Administrator in the sample org).
fn own_mailbox(dir: &Directory) -> Option<usize> {
    dir.recipients.iter().position(|r| r.kind.is_mailbox() && r.alias.eq_ignore_ascii_case("Administrator"))
}

/// `The operation couldn't be performed because '<x>' couldn't be found.` (a missing folder).
fn folder_not_found(text: &str) -> CmdletError {
    CmdletError::exchange(
        ExchangeErrorKind::NotFound,
        format!("The operation couldn't be performed because '{text}' couldn't be found."),
    )
}

/// Resolves `[MailboxID]:\path` (or a piped mailbox, its root) to (mailbox, folder index).
fn resolve(dir: &Directory, id: &IdArg) -> Result<(usize, usize), CmdletError> {
    if let Some(g) = &id.guid
        && let Some(i) = dir.recipient_by_guid(g)
        && scope_of(dir, IDENTITY).includes(dir.recipients[i].kind)
    {
        return Ok((i, 0));
    }
    let (mailbox_part, folder_part) = Directory::split_folder_identity(&id.text)
        .or_else(|| {
            super::statistics::split_folder_id(dir, &id.text, |m| {
                dir.resolve_recipient(m, scope_of(dir, IDENTITY)).ok()
            })
        })
        .or_else(|| id.text.strip_suffix(':').map(|m| (m, "")))
        .unwrap_or((id.text.as_str(), ""));
    let i = if mailbox_part.is_empty() {
        own_mailbox(dir).ok_or_else(|| not_found(dir, &id.text))?
    } else {
        match dir.resolve_recipient(mailbox_part, scope_of(dir, IDENTITY)) {
            Ok(i) => i,
            Err(ResolveError::NotFound) => return Err(not_found(dir, &id.text)),
            Err(ResolveError::Ambiguous) => return Err(ambiguous(&id.text)),
        }
    };
    let f = dir.folder_index(i, folder_part).ok_or_else(|| folder_not_found(&id.text))?;
    Ok((i, f))
}

fn is_child(parent: &str, path: &str) -> bool {
    match path.rsplit_once('\\') {
        Some((p, _)) => p.eq_ignore_ascii_case(parent),
        None => parent.is_empty() && !path.is_empty(),
    }
}

fn is_below(parent: &str, path: &str) -> bool {
    if parent.is_empty() {
        return !path.is_empty();
    }
    path.len() > parent.len() + 1
        && path.is_char_boundary(parent.len())
        && path[..parent.len()].eq_ignore_ascii_case(parent)
        && path.as_bytes()[parent.len()] == b'\\'
}

/// A `MailboxFolder` object: `FolderPath` is the list of names from the root.
pub fn mailbox_folder_object(dir: &Directory, r: usize, f: usize) -> Value {
    let folders = &dir.recipients[r].folders;
    let path = &folders[f].path;
    let mut o = PsObject::new(&[
        &format!("Deserialized.{MAILBOX_FOLDER_TYPE}"),
        "Deserialized.Microsoft.Exchange.Data.Storage.Management.XsoMailboxConfigurationObject",
        "Deserialized.Microsoft.Exchange.Data.ConfigurableObject",
        "Deserialized.System.Object",
    ]);
    let names: Vec<Value> = if path.is_empty() { Vec::new() } else { path.split('\\').map(Value::str).collect() };
    let has_subfolders = folders.iter().any(|x| is_child(path, &x.path));
    let default_type = crate::directory::stats::folder_type(path);
    o.set("Name", Value::str(folder_name(path)));
    o.set("FolderClass", Value::str(container_class(path)));
    o.set("FolderPath", Value::array(names));
    o.set(
        "DefaultFolderType",
        Value::str(if default_type == crate::directory::stats::USER_CREATED { "None" } else { default_type }),
    );
    o.set("HasSubfolders", Value::Bool(has_subfolders));
    o.set("MailboxOwnerId", recipient_id(dir, r));
    o.set("Identity", Value::str(format!("{}:\\{path}", identity_display(dir, r))));
    o.set("IsValid", Value::Bool(true));
    o.set("ObjectState", Value::str("Unchanged"));
    Value::object(o)
}

impl Cmdlet for GetMailboxFolder {
    fn signature(&self) -> Signature {
        Signature::new(
            "Get-MailboxFolder",
            "Microsoft.Exchange.Management.StoreTasks.GetMailboxFolder",
            Origin::Exchange,
        )
        .synopsis("Gets the folders of a mailbox.")
        .sets(&["Identity", "GetChildren", "Recurse"])
        .param(Param::new("Identity", ParamType::Identity(IDENTITY)).position(0).from_pipeline().help(
            "The folder: [MailboxID]:\\ParentFolder[\\SubFolder]; :\\ is your own mailbox. The root when omitted.",
        ))
        .param(
            Param::new("GetChildren", ParamType::Switch)
                .sets(&["GetChildren"])
                .mandatory()
                .help("Returns only the first level of subfolders of the folder."),
        )
        .param(
            Param::new("Recurse", ParamType::Switch)
                .sets(&["Recurse"])
                .mandatory()
                .help("Returns the folder and all of its subfolders."),
        )
        .param(Param::new("MailFolderOnly", ParamType::Switch).help("Returns only mail (IPF.Note) folders."))
        .param(params::domain_controller())
        .param(params::result_size())
        .example("Get-MailboxFolder -Identity :\\Inbox | Format-List", "Shows your own Inbox in detail.")
        .example("Get-MailboxFolder -Identity :\\Inbox -Recurse", "Lists the Inbox and every folder below it.")
        .example("Get-MailboxFolder -GetChildren -MailFolderOnly", "Lists the mail folders under your root.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let dir = cx.directory();
        let id = arg_id(args, "Identity").unwrap_or(IdArg { text: ":\\".into(), guid: None });
        let (r, f) = resolve(dir, &id)?;
        let folders = &dir.recipients[r].folders;
        let parent = folders[f].path.as_str();
        let mut picked: Vec<usize> = if args.switch("GetChildren") {
            (0..folders.len()).filter(|&i| is_child(parent, &folders[i].path)).collect()
        } else if args.switch("Recurse") {
            (0..folders.len()).filter(|&i| i == f || is_below(parent, &folders[i].path)).collect()
        } else {
            vec![f]
        };
        if args.switch("MailFolderOnly") {
            picked.retain(|&i| container_class(&folders[i].path) == "IPF.Note");
        }
        let rows: Vec<Value> = picked.into_iter().map(|i| mailbox_folder_object(dir, r, i)).collect();
        super::write_limited(cx, args, rows);
        Ok(())
    }
}

impl Cmdlet for NewMailboxFolder {
    fn signature(&self) -> Signature {
        Signature::new(
            "New-MailboxFolder",
            "Microsoft.Exchange.Management.StoreTasks.NewMailboxFolder",
            Origin::Exchange,
        )
        .synopsis("Creates a folder in a mailbox.")
        .should_process(ConfirmImpact::Medium)
        .param(Param::new("Name", ParamType::String).position(0).mandatory().help("The name of the new folder."))
        .param(
            Param::new("Parent", ParamType::Identity(IDENTITY)).mandatory().from_pipeline().help(
                "Where to create it: [MailboxID]:\\ParentFolder[\\SubFolder]; :\\ is the root of your own mailbox.",
            ),
        )
        .param(params::domain_controller())
        .example("New-MailboxFolder -Parent :\\Inbox -Name Personal", "Creates Personal under your own Inbox.")
        .example(
            "New-MailboxFolder -Parent karen:\\Inbox -Name Projects2",
            "Creates Projects2 under Karen's Inbox, so permissions can be granted on it.",
        )
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let (Some(parent), Some(name)) = (arg_id(args, "Parent"), args.opt::<String>("Name")) else {
            return Ok(());
        };
        let dir = cx.directory();
        let (r, f) = resolve(dir, &parent)?;
        if name.is_empty() || name.contains('\\') {
            return Err(CmdletError::exchange(
                ExchangeErrorKind::Argument,
                format!("The folder name \"{name}\" isn't valid. A folder name can't be empty or contain \"\\\"."),
            ));
        }
        let parent_path = dir.recipients[r].folders[f].path.clone();
        let path = if parent_path.is_empty() { name.clone() } else { format!("{parent_path}\\{name}") };
        if dir.folder_index(r, &path).is_some() {
            return Err(CmdletError::exchange(
                ExchangeErrorKind::ObjectExisted,
                format!("A folder with the name '{name}' already exists."),
            ));
        }
        let mailbox = dir.recipients[r].guid.clone();
        let sep = if parent.text.ends_with('\\') { "" } else { "\\" };
        let action = format!("Creating mailbox folder \"{}{sep}{name}\".", parent.text);
        if !cx.should_process(&action)? {
            return Ok(());
        }
        cx.apply(Change::AddFolder { mailbox, path: path.clone() })?;
        let dir = cx.directory();
        if let Some(i) = dir.folder_index(r, &path) {
            let v = mailbox_folder_object(dir, r, i);
            cx.output(v);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlets::testing::{MockContext, message, prop, run, s};
    use crate::directory::ExchangeVersion;

    fn err(r: CmdletResult) -> String {
        r.err().map(|e| message(&e)).unwrap_or_default()
    }

    #[test]
    fn new_then_get() {
        let mut c = MockContext::new(ExchangeVersion::Exchange2019);
        let args = [("Parent", s("karen:\\Inbox")), ("Name", s("Personal"))];
        assert!(run(&NewMailboxFolder, &mut c, &args).is_ok());
        assert_eq!(c.actions, ["Creating mailbox folder \"karen:\\Inbox\\Personal\"."]);
        assert_eq!(prop(&c.out[0], "Name"), "Personal");
        assert_eq!(err(run(&NewMailboxFolder, &mut c, &args)), "A folder with the name 'Personal' already exists.");
        c.clear();
        let args = [("Identity", s("karen:\\Inbox")), ("GetChildren", crate::value::Value::Bool(true))];
        assert!(run(&GetMailboxFolder, &mut c, &args).is_ok());
        let names: Vec<String> = c.out.iter().map(|o| prop(o, "Name")).collect();
        assert_eq!(names, ["Projects", "Personal"]);
        c.clear();
        assert!(run(&GetMailboxFolder, &mut c, &[]).is_ok());
        assert_eq!(prop(&c.out[0], "Identity"), "contoso.com/Users/Administrator:\\");
        let r = run(&NewMailboxFolder, &mut c, &[("Parent", s("karen:\\Nope")), ("Name", s("X"))]);
        assert_eq!(err(r), "The operation couldn't be performed because 'karen:\\Nope' couldn't be found.");
        let r = run(&NewMailboxFolder, &mut c, &[("Parent", s("ghost:\\Inbox")), ("Name", s("X"))]);
        assert!(err(r).contains("object 'ghost:\\Inbox' couldn't be found on 'DC01.contoso.com'"));
    }
}
