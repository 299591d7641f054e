//! Files and folders as items: Get-ChildItem (`dir`, `ls`, `gci`), Get-Item (`gi`), New-Item
//! (`ni`), Copy-Item (`copy`, `cp`, `cpi`), Move-Item (`move`, `mv`, `mi`), Rename-Item (`ren`,
//! `rni`), Remove-Item (`del`, `rm`, `rmdir`, `ri`, `erase`, `rd`) and Test-Path. Items are
//! `System.IO.FileInfo` / `System.IO.DirectoryInfo` objects with the FileSystem provider's notes
//! (PSPath, PSParentPath, PSChildName, PSIsContainer, Mode). All access goes through
//! [`Context::files`]. Facts: docs/reference/files.md.

use crate::cmdlet::files::FILE_SYSTEM_PROVIDER;
use crate::cmdlet::path::{self, Root};
use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, ConfirmImpact, Context, FileError, ItemInfo, Origin, Param,
    ParamType, Signature, WinPath,
};
use crate::value::{ErrorRecord, PsObject, Value};

/// How deep -Recurse goes at most.
const MAX_DEPTH: usize = 64;

/// Type name of a file item.
pub const FILE_INFO: &str = "System.IO.FileInfo";
/// Type name of a folder item.
pub const DIRECTORY_INFO: &str = "System.IO.DirectoryInfo";

/// `Cannot find path '…' because it does not exist.` (ItemNotFoundException, PathNotFound).
pub(crate) fn not_found(cx: &dyn Context, path: &str) -> CmdletError {
    path_not_found(&full_text(cx, path))
}

/// The same error for a path already written out in full (`C:\temp\x.csv`, `Alias:\x`).
pub(crate) fn path_not_found(full: &str) -> CmdletError {
    CmdletError::Record(Box::new(ErrorRecord {
        message: format!("Cannot find path '{full}' because it does not exist."),
        exception_type: "System.Management.Automation.ItemNotFoundException".into(),
        category: "ObjectNotFound".into(),
        target: format!("{full}:String"),
        fqid: "PathNotFound".into(),
        ..Default::default()
    }))
}

/// The full path of what the script wrote, for messages (the text itself when it is no path).
fn full_text(cx: &dyn Context, path: &str) -> String {
    // `Context::files` needs `&mut`; resolve against `$PWD` the same way.
    let here = cx
        .variable("PWD")
        .map(|v| crate::value::convert::to_string(&v))
        .and_then(|s| path::resolve(&WinPath::drive('C'), &s).ok())
        .unwrap_or_else(|| WinPath::drive('C'));
    path::resolve(&here, path).map(|p| p.to_string()).unwrap_or_else(|_| path.to_string())
}

/// A file error on a path as PowerShell reports it.
pub(crate) fn item_error(cx: &dyn Context, path: &str, e: FileError) -> CmdletError {
    match e {
        FileError::NotFound | FileError::PartNotFound => not_found(cx, path),
        FileError::Path(p) => CmdletError::core(
            p.message(),
            "System.NotSupportedException",
            "InvalidArgument",
            "ItemExistsNotSupportedError",
        ),
        FileError::Denied => {
            let full = full_text(cx, path);
            CmdletError::core(
                format!("Access to the path '{full}' is denied."),
                "System.UnauthorizedAccessException",
                "PermissionDenied",
                "ItemAccessDenied",
            )
        }
        other => {
            let full = full_text(cx, path);
            CmdletError::core(other.message(&full), "System.IO.IOException", "WriteError", "IOError")
        }
    }
}

/// The item object for a file or folder.
pub fn item_object(i: &ItemInfo) -> Value {
    let full = i.path.to_string();
    let name = i.path.name().to_string();
    let name = if name.is_empty() { full.clone() } else { name };
    let parent = i.path.parent().map(|p| p.to_string()).unwrap_or_default();
    let mut o = if i.is_dir {
        PsObject::new(&[DIRECTORY_INFO, "System.IO.FileSystemInfo", "System.MarshalByRefObject", "System.Object"])
    } else {
        PsObject::new(&[FILE_INFO, "System.IO.FileSystemInfo", "System.MarshalByRefObject", "System.Object"])
    };
    let ps_path = |p: &str| format!("{FILE_SYSTEM_PROVIDER}::{p}");
    o.set("PSPath", Value::str(ps_path(&full)));
    o.set("PSParentPath", Value::str(if parent.is_empty() { String::new() } else { ps_path(&parent) }));
    o.set("PSChildName", Value::str(name.clone()));
    o.set(
        "PSDrive",
        match &i.path.root {
            Root::Drive(d) => Value::str(d.to_string()),
            Root::Unc { .. } | Root::Native => Value::Null,
        },
    );
    o.set("PSProvider", Value::str(FILE_SYSTEM_PROVIDER));
    o.set("PSIsContainer", Value::Bool(i.is_dir));
    o.set("Mode", Value::str(mode(i)));
    let (base, ext) = split_ext(&name, i.is_dir);
    o.set("BaseName", Value::str(base));
    o.set("Name", Value::str(name.clone()));
    if i.is_dir {
        o.set("Parent", Value::str(i.path.parent().map(|p| p.name().to_string()).unwrap_or_default()));
        o.set("Root", Value::str(i.path.root_path().to_string()));
    } else {
        o.set("Length", Value::Int(i.len as i64));
        o.set("DirectoryName", Value::str(parent.clone()));
        o.set("Directory", Value::str(parent.clone()));
        o.set("IsReadOnly", Value::Bool(i.readonly));
    }
    o.set("Exists", Value::Bool(true));
    o.set("FullName", Value::str(full.clone()));
    o.set("Extension", Value::str(ext));
    o.set("CreationTime", Value::DateTime(i.modified, 0));
    o.set("CreationTimeUtc", Value::DateTime(i.modified, 0));
    o.set("LastAccessTime", Value::DateTime(i.modified, 0));
    o.set("LastAccessTimeUtc", Value::DateTime(i.modified, 0));
    o.set("LastWriteTime", Value::DateTime(i.modified, 0));
    o.set("LastWriteTimeUtc", Value::DateTime(i.modified, 0));
    o.set("Attributes", Value::str(attributes(i)));
    o.display = Some(name.into());
    Value::object(o)
}

/// The Mode column: `d-----` for a folder, `-a----` for a file, `r` when read-only.
fn mode(i: &ItemInfo) -> String {
    format!(
        "{}{}{}---",
        if i.is_dir { 'd' } else { '-' },
        if i.is_dir { '-' } else { 'a' },
        if i.readonly { 'r' } else { '-' }
    )
}

fn attributes(i: &ItemInfo) -> String {
    match (i.is_dir, i.readonly) {
        (true, _) => "Directory".into(),
        (false, true) => "ReadOnly, Archive".into(),
        (false, false) => "Archive".into(),
    }
}

/// BaseName and Extension (`report.csv` → `report`, `.csv`; a folder's BaseName is its name).
fn split_ext(name: &str, is_dir: bool) -> (String, String) {
    match name.rfind('.') {
        Some(i) if i > 0 || !is_dir => {
            let ext = name[i..].to_string();
            let base = if is_dir { name.to_string() } else { name[..i].to_string() };
            (base, ext)
        }
        _ => (name.to_string(), String::new()),
    }
}

/// The paths of a `-Path` (wildcards) or `-LiteralPath` argument.
fn arg_paths(args: &BoundArgs) -> (Vec<String>, bool) {
    match args.opt::<Vec<String>>("LiteralPath") {
        Some(l) => (l, true),
        None => (args.opt::<Vec<String>>("Path").unwrap_or_default(), false),
    }
}

/// Expands one path argument into existing items; reports a missing one.
fn existing_items(cx: &mut dyn Context, text: &str, literal: bool) -> Result<Vec<ItemInfo>, CmdletError> {
    let found = if literal { cx.files().resolve(text).map(|p| vec![p]) } else { cx.files().expand(text) };
    let found = match found {
        Ok(v) => v,
        Err(e) => {
            cx.error(item_error(cx, text, e))?;
            return Ok(Vec::new());
        }
    };
    let items: Vec<ItemInfo> = found.iter().filter_map(|p| cx.files().stat(p)).collect();
    if items.is_empty() && (literal || !path::has_wildcard(text)) {
        cx.error(not_found(cx, text))?;
    }
    Ok(items)
}

fn path_param(help: &'static str, mandatory: bool) -> Param {
    let p = Param::new("Path", ParamType::String)
        .array()
        .position(0)
        .from_pipeline()
        .from_pipeline_by_name()
        .sets(&["Path"])
        .help(help);
    if mandatory { p.mandatory() } else { p }
}

fn literal_param() -> Param {
    Param::new("LiteralPath", ParamType::String)
        .array()
        .aliases(&["PSPath", "LP"])
        .mandatory()
        .from_pipeline_by_name()
        .sets(&["LiteralPath"])
        .help("The paths, taken literally (no wildcards).")
}

fn filter_params(s: Signature) -> Signature {
    // Get-ChildItem's -Filter is also its second positional parameter.
    let filter = Param::new("Filter", ParamType::String).help("A wildcard the names must match.");
    let filter = if s.name == "Get-ChildItem" { filter.position(1) } else { filter };
    s.param(filter)
        .param(Param::new("Include", ParamType::String).array().help("Only names matching one of these wildcards."))
        .param(Param::new("Exclude", ParamType::String).array().help("Leaves out names matching these wildcards."))
        .param(Param::new("Force", ParamType::Switch).help("Also hidden and read-only items."))
}

/// True when the name passes -Filter, -Include and -Exclude.
fn passes(args: &BoundArgs, name: &str) -> bool {
    if let Some(f) = args.string("Filter") {
        if !path::wildcard_match(&f, name) {
            return false;
        }
    }
    if let Some(inc) = args.opt::<Vec<String>>("Include") {
        if !inc.iter().any(|p| path::wildcard_match(p, name)) {
            return false;
        }
    }
    if let Some(exc) = args.opt::<Vec<String>>("Exclude") {
        if exc.iter().any(|p| path::wildcard_match(p, name)) {
            return false;
        }
    }
    true
}

/// `Get-ChildItem` (`dir`, `ls`, `gci`).
pub struct GetChildItem;

impl Cmdlet for GetChildItem {
    fn signature(&self) -> Signature {
        filter_params(
            Signature::new("Get-ChildItem", "Microsoft.PowerShell.Commands.GetChildItemCommand", Origin::Core)
                .synopsis("Gets the files and folders in a folder.")
                .param(path_param("The folders (or files) to list; the current location by default.", false))
                .param(literal_param()),
        )
        .param(Param::new("Recurse", ParamType::Switch).aliases(&["s"]).help("Also the folders below."))
        .param(Param::new("Depth", ParamType::Int).help("How many levels -Recurse goes down."))
        .param(Param::new("File", ParamType::Switch).help("Only files."))
        .param(Param::new("Directory", ParamType::Switch).aliases(&["ad", "d"]).help("Only folders."))
        .param(Param::new("Name", ParamType::Switch).help("Only the names (relative paths with -Recurse), as strings."))
        .sets(&["Path", "LiteralPath"])
        .example("Get-ChildItem C:\\temp -Filter *.csv", "The CSV files in C:\\temp.")
        .example("Get-ChildItem -Recurse -File | Select-Object Name, Length", "Every file below here.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let (mut names, literal) = arg_paths(args);
        if names.is_empty() {
            names.push(".".into());
        }
        let depth = match args.opt::<i64>("Depth") {
            Some(d) => Some((d.max(0) as usize).min(MAX_DEPTH)),
            // Deep enough for any real tree; a link loop cannot recurse for ever.
            None if args.switch("Recurse") => Some(MAX_DEPTH),
            None => Some(0),
        };
        for text in names {
            if let Some(dp) = super::drives::parse(&text) {
                super::drives::get(cx, &dp, args.switch("Name"), &|n| passes(args, n))?;
                continue;
            }
            for item in existing_items(cx, &text, literal)? {
                if item.is_dir {
                    let base = item.path.clone();
                    self.walk(cx, args, &base, &base, depth.unwrap_or(0))?;
                } else if self.wanted(args, &item) {
                    self.emit(cx, args, &item, &item.path.parent().unwrap_or_else(|| item.path.root_path()));
                }
            }
        }
        Ok(())
    }
}

impl GetChildItem {
    fn wanted(&self, args: &BoundArgs, i: &ItemInfo) -> bool {
        if args.switch("File") && i.is_dir || args.switch("Directory") && !i.is_dir {
            return false;
        }
        passes(args, i.path.name())
    }

    fn emit(&self, cx: &mut dyn Context, args: &BoundArgs, i: &ItemInfo, base: &WinPath) {
        if args.switch("Name") {
            let rel = i.path.strip_prefix(base).map(|p| p.join("\\")).unwrap_or_else(|| i.path.name().to_string());
            cx.output(Value::str(rel));
        } else {
            cx.output(item_object(i));
        }
    }

    fn walk(
        &self,
        cx: &mut dyn Context,
        args: &BoundArgs,
        dir: &WinPath,
        base: &WinPath,
        depth: usize,
    ) -> CmdletResult {
        // The FileSystem provider lists a folder's folders first, then its files.
        let entries = match cx.files().list(dir) {
            Ok(mut e) => {
                e.sort_by_key(|i| !i.is_dir);
                e
            }
            Err(e) => return cx.error(item_error(cx, &dir.to_string(), e)),
        };
        for i in &entries {
            if self.wanted(args, i) {
                self.emit(cx, args, i, base);
            }
        }
        if depth > 0 {
            for i in entries.iter().filter(|i| i.is_dir) {
                self.walk(cx, args, &i.path, base, depth - 1)?;
            }
        }
        Ok(())
    }
}

/// `Get-Item` (`gi`).
pub struct GetItem;

impl Cmdlet for GetItem {
    fn signature(&self) -> Signature {
        filter_params(
            Signature::new("Get-Item", "Microsoft.PowerShell.Commands.GetItemCommand", Origin::Core)
                .synopsis("Gets a file or folder.")
                .param(path_param("The items (wildcards allowed).", true))
                .param(literal_param()),
        )
        .sets(&["Path", "LiteralPath"])
        .example("(Get-Item .\\report.csv).Length", "A file's size in bytes.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let (names, literal) = arg_paths(args);
        for text in names {
            if let Some(dp) = super::drives::parse(&text) {
                super::drives::get(cx, &dp, false, &|n| passes(args, n))?;
                continue;
            }
            for item in existing_items(cx, &text, literal)? {
                if passes(args, item.path.name()) {
                    let mut v = item_object(&item);
                    if let Value::Object(o) = &mut v {
                        // Get-Item's objects print as the path they were asked by.
                        o.borrow_mut().display = Some(item.path.to_string().into());
                    }
                    cx.output(v);
                }
            }
        }
        Ok(())
    }
}

/// `Invoke-Item` (`ii`): opens each item in its default program. exsh starts no program, so an
/// existing item gets the refusal error after ShouldProcess ("Invoke Item" on "Item: <path>",
/// FileSystemProviderStrings); a missing one gets PathNotFound as in PowerShell.
pub struct InvokeItem;

impl Cmdlet for InvokeItem {
    fn signature(&self) -> Signature {
        filter_params(
            Signature::new("Invoke-Item", "Microsoft.PowerShell.Commands.InvokeItemCommand", Origin::Core)
                .synopsis("Opens a file in its default program (exsh refuses: nothing may start a program).")
                .param(path_param("The items (wildcards allowed).", true))
                .param(literal_param())
                .param(Param::new("Credential", ParamType::Object).help("Accepted, as for the other item cmdlets.")),
        )
        .sets(&["Path", "LiteralPath"])
        .should_process(ConfirmImpact::Medium)
        .example("Invoke-Item C:\\temp\\report.csv", "Refused: exsh opens no program.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let (names, literal) = arg_paths(args);
        for text in names {
            for item in existing_items(cx, &text, literal)? {
                if !passes(args, item.path.name()) {
                    continue;
                }
                let action = format!("Performing the operation \"Invoke Item\" on target \"Item: {}\".", item.path);
                if !cx.should_process(&action)? {
                    continue;
                }
                let reason = format!("it would open '{}' in its default program outside the sandbox.", item.path);
                cx.error(super::sandbox::refused("Invoke-Item", &reason))?;
            }
        }
        Ok(())
    }
}

/// `New-Item` (`ni`): a file (empty, or with `-Value`) or a folder.
pub struct NewItem;

impl Cmdlet for NewItem {
    fn signature(&self) -> Signature {
        Signature::new("New-Item", "Microsoft.PowerShell.Commands.NewItemCommand", Origin::Core)
            .synopsis("Creates a file or a folder.")
            .param(
                Param::new("Path", ParamType::String)
                    .array()
                    .position(0)
                    .mandatory_in(&["pathSet"])
                    .sets(&["pathSet", "nameSet"])
                    .from_pipeline_by_name()
                    .help("Where to create it (with -Name: the folder to create it in)."),
            )
            .param(
                Param::new("Name", ParamType::String)
                    .mandatory_in(&["nameSet"])
                    .sets(&["nameSet"])
                    .from_pipeline_by_name()
                    .help("The new item's name."),
            )
            .param(
                Param::new("ItemType", ParamType::String)
                    .aliases(&["Type"])
                    .from_pipeline_by_name()
                    .help("File (the default) or Directory."),
            )
            .param(
                Param::new("Value", ParamType::Object).aliases(&["Target"]).from_pipeline().help("A new file's text."),
            )
            .param(Param::new("Force", ParamType::Switch).help("Replaces an existing file; creates missing folders."))
            .sets(&["pathSet", "nameSet"])
            .should_process(ConfirmImpact::Medium)
            .example("New-Item -ItemType Directory -Path C:\\temp\\reports", "A folder.")
            .example("New-Item .\\log.txt -Value 'started'", "A file with one line.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let mut targets = args.opt::<Vec<String>>("Path").unwrap_or_default();
        if let Some(n) = args.string("Name") {
            if targets.is_empty() {
                targets.push(".".into());
            }
            targets = targets.iter().map(|t| format!("{}\\{n}", t.trim_end_matches(['\\', '/']))).collect();
        }
        let drive_paths: Vec<super::drives::DrivePath> =
            targets.iter().filter_map(|t| super::drives::parse(t)).collect();
        if !drive_paths.is_empty() {
            let value = args.get("Value").cloned().unwrap_or(Value::Null);
            for dp in drive_paths {
                super::drives::set(cx, &dp, value.clone(), true, args.switch("Force"), true)?;
            }
            return Ok(());
        }
        let kind = args.string("ItemType").unwrap_or_else(|| "File".into());
        let dir = match kind.to_ascii_lowercase().as_str() {
            "directory" | "container" => true,
            "file" => false,
            _ => {
                return Err(CmdletError::core(
                    "The type is not a known type for the file system. Only \"file\" and \"directory\" can be created.",
                    "System.IO.IOException",
                    "WriteError",
                    "NewItemIOError",
                ));
            }
        };
        let force = args.switch("Force");
        for text in targets {
            let p = match cx.files().resolve(&text) {
                Ok(p) => p,
                Err(e) => {
                    cx.error(item_error(cx, &text, e))?;
                    continue;
                }
            };
            let full = p.to_string();
            let existing = cx.files().stat(&p);
            if let Some(e) = &existing {
                if !(force && (dir == e.is_dir)) {
                    let what = if dir { "An item with the specified name" } else { "The file" };
                    let message = if dir {
                        format!("{what} {full} already exists.")
                    } else {
                        format!("The file '{full}' already exists.")
                    };
                    cx.error(CmdletError::Record(Box::new(ErrorRecord {
                        message,
                        exception_type: "System.IO.IOException".into(),
                        category: "ResourceExists".into(),
                        target: format!("{full}:String"),
                        fqid: "NewItemIOError".into(),
                        ..Default::default()
                    })))?;
                    continue;
                }
            }
            let action = if dir { "Create Directory" } else { "Create File" };
            if !cx
                .should_process(&format!("Performing the operation \"{action}\" on target \"Destination: {full}\"."))?
            {
                continue;
            }
            let r = if dir {
                cx.files().create_dir(&p)
            } else {
                if force {
                    if let Some(parent) = p.parent() {
                        let _ = cx.files().create_dir(&parent);
                    }
                }
                let text = args.get("Value").map(crate::value::convert::to_string).unwrap_or_default();
                cx.files().write_bytes(&p, text.as_bytes(), false)
            };
            match r {
                Ok(()) => {
                    if let Some(i) = cx.files().stat(&p) {
                        cx.output(item_object(&i));
                    }
                }
                Err(e) => cx.error(item_error(cx, &text, e))?,
            }
        }
        Ok(())
    }
}

fn dest_param() -> Param {
    Param::new("Destination", ParamType::String).position(1).from_pipeline_by_name().help("Where to.")
}

/// Where an item goes: into the destination when it is a folder, else as the destination.
fn destination(cx: &mut dyn Context, item: &ItemInfo, dest: &WinPath) -> WinPath {
    match cx.files().stat(dest) {
        Some(d) if d.is_dir => dest.join(item.path.name()),
        _ => dest.clone(),
    }
}

/// `Copy-Item` (`copy`, `cp`, `cpi`).
pub struct CopyItem;

impl Cmdlet for CopyItem {
    fn signature(&self) -> Signature {
        filter_params(
            Signature::new("Copy-Item", "Microsoft.PowerShell.Commands.CopyItemCommand", Origin::Core)
                .synopsis("Copies files and folders.")
                .param(path_param("What to copy (wildcards allowed).", true))
                .param(literal_param()),
        )
        .param(dest_param())
        .param(Param::new("Recurse", ParamType::Switch).help("Copies a folder with its contents."))
        .param(Param::new("PassThru", ParamType::Switch).help("Writes the copies."))
        .sets(&["Path", "LiteralPath"])
        .should_process(ConfirmImpact::Medium)
        .example("Copy-Item .\\report.csv C:\\temp\\", "A copy in C:\\temp.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let recurse = args.switch("Recurse");
        transfer(cx, args, COPY, |cx, item, to| copy_tree(cx, item, to, recurse))
    }
}

/// The verbs of Copy-Item's and Move-Item's ShouldProcess actions (`Copy File`, `Move Directory`).
const COPY: &str = "Copy";
const MOVE: &str = "Move";

/// Copy-Item's and Move-Item's shared walk: each item matching `-Path`/`-LiteralPath` and the
/// filters goes to `-Destination` (into it when it is a folder) after ShouldProcess
/// (`<verb> File`/`<verb> Directory`), `op` does the work, `-PassThru` writes the result.
fn transfer<F>(cx: &mut dyn Context, args: &BoundArgs, verb: &str, mut op: F) -> CmdletResult
where
    F: FnMut(&mut dyn Context, &ItemInfo, &WinPath) -> Result<(), FileError>,
{
    let dest_text = args.string("Destination").unwrap_or_else(|| ".".into());
    let dest = match cx.files().resolve(&dest_text) {
        Ok(d) => d,
        Err(e) => return cx.error(item_error(cx, &dest_text, e)),
    };
    let (names, literal) = arg_paths(args);
    for text in names {
        for item in existing_items(cx, &text, literal)? {
            if !passes(args, item.path.name()) {
                continue;
            }
            let to = destination(cx, &item, &dest);
            let what = format!("{verb} {}", if item.is_dir { "Directory" } else { "File" });
            let action =
                format!("Performing the operation \"{what}\" on target \"Item: {} Destination: {to}\".", item.path);
            if !cx.should_process(&action)? {
                continue;
            }
            match op(cx, &item, &to) {
                Ok(()) => {
                    if args.switch("PassThru") {
                        if let Some(i) = cx.files().stat(&to) {
                            cx.output(item_object(&i));
                        }
                    }
                }
                // Moving onto an existing file (IOException, MoveFileInfoItemIOError).
                Err(FileError::Exists) if verb == MOVE => {
                    let mut e = CmdletError::core(
                        "Cannot create a file when that file already exists.",
                        "System.IO.IOException",
                        "WriteError",
                        "MoveFileInfoItemIOError",
                    );
                    // The target is the item being moved (`C:\temp\a.txt:FileInfo`).
                    if let CmdletError::Record(r) = &mut e {
                        let kind = if item.is_dir { "DirectoryInfo" } else { "FileInfo" };
                        r.target = format!("{}:{kind}", item.path);
                    }
                    cx.error(e)?
                }
                Err(e) => cx.error(item_error(cx, &to.to_string(), e))?,
            }
        }
    }
    Ok(())
}

/// Copies a file, or a folder (its contents only with `recurse`, as Copy-Item does).
fn copy_tree(cx: &mut dyn Context, item: &ItemInfo, to: &WinPath, recurse: bool) -> Result<(), FileError> {
    copy_level(cx, item, to, recurse, 0)
}

fn copy_level(
    cx: &mut dyn Context,
    item: &ItemInfo,
    to: &WinPath,
    recurse: bool,
    depth: usize,
) -> Result<(), FileError> {
    if !item.is_dir {
        return cx.files().copy_file(&item.path, to);
    }
    cx.files().create_dir(to)?;
    // A folder copied into itself (or through a link loop) stops at MAX_DEPTH.
    if recurse && depth < MAX_DEPTH {
        let children = cx.files().list(&item.path)?;
        for child in children {
            if child.path.same(to) {
                continue;
            }
            copy_level(cx, &child, &to.join(child.path.name()), true, depth + 1)?;
        }
    }
    Ok(())
}

/// `Move-Item` (`move`, `mv`, `mi`).
pub struct MoveItem;

impl Cmdlet for MoveItem {
    fn signature(&self) -> Signature {
        filter_params(
            Signature::new("Move-Item", "Microsoft.PowerShell.Commands.MoveItemCommand", Origin::Core)
                .synopsis("Moves files and folders.")
                .param(path_param("What to move (wildcards allowed).", true))
                .param(literal_param()),
        )
        .param(dest_param())
        .param(Param::new("PassThru", ParamType::Switch).help("Writes the moved items."))
        .sets(&["Path", "LiteralPath"])
        .should_process(ConfirmImpact::Medium)
        .example("Move-Item .\\report.csv C:\\temp\\archive\\", "Into the archive folder.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        transfer(cx, args, MOVE, |cx, item, to| cx.files().rename(&item.path, to))
    }
}

/// `Rename-Item` (`ren`, `rni`).
pub struct RenameItem;

impl Cmdlet for RenameItem {
    fn signature(&self) -> Signature {
        Signature::new("Rename-Item", "Microsoft.PowerShell.Commands.RenameItemCommand", Origin::Core)
            .synopsis("Renames a file or folder.")
            .param(
                Param::new("Path", ParamType::String)
                    .position(0)
                    .mandatory()
                    .from_pipeline()
                    .from_pipeline_by_name()
                    .sets(&["ByPath"])
                    .help("The item."),
            )
            .param(
                Param::new("LiteralPath", ParamType::String)
                    .aliases(&["PSPath", "LP"])
                    .mandatory()
                    .from_pipeline_by_name()
                    .sets(&["ByLiteralPath"])
                    .help("The item, taken literally."),
            )
            .param(
                Param::new("NewName", ParamType::String)
                    .position(1)
                    .mandatory()
                    .from_pipeline_by_name()
                    .help("Its new name."),
            )
            .param(Param::new("Force", ParamType::Switch).help("Also read-only items."))
            .param(Param::new("PassThru", ParamType::Switch).help("Writes the renamed item."))
            .sets(&["ByPath", "ByLiteralPath"])
            .should_process(ConfirmImpact::Medium)
            .example("Rename-Item .\\report.csv report-old.csv", "A new name, same folder.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let text = args.string("LiteralPath").or_else(|| args.string("Path")).unwrap_or_default();
        let new_name = args.string("NewName").unwrap_or_default();
        let Some(item) = existing_items(cx, &text, true)?.into_iter().next() else { return Ok(()) };
        if new_name.contains(['\\', '/']) {
            return cx.error(CmdletError::core(
                "Cannot rename the specified target, because it represents a path or device name.",
                "System.ArgumentException",
                "InvalidArgument",
                "RenameItemArgumentError",
            ));
        }
        let to = item.path.parent().unwrap_or_else(|| item.path.root_path()).join(&new_name);
        let what = if item.is_dir { "Rename Directory" } else { "Rename File" };
        let action =
            format!("Performing the operation \"{what}\" on target \"Item: {} Destination: {to}\".", item.path);
        if !cx.should_process(&action)? {
            return Ok(());
        }
        match cx.files().rename(&item.path, &to) {
            Ok(()) => {
                if args.switch("PassThru") {
                    if let Some(i) = cx.files().stat(&to) {
                        cx.output(item_object(&i));
                    }
                }
                Ok(())
            }
            Err(FileError::Exists) => cx.error(CmdletError::core(
                "Cannot create a file when that file already exists.",
                "System.IO.IOException",
                "WriteError",
                "RenameItemIOError",
            )),
            Err(e) => cx.error(item_error(cx, &text, e)),
        }
    }
}

/// `Remove-Item` (`del`, `rm`, `rmdir`, `rd`, `erase`, `ri`).
pub struct RemoveItem;

impl Cmdlet for RemoveItem {
    fn signature(&self) -> Signature {
        filter_params(
            Signature::new("Remove-Item", "Microsoft.PowerShell.Commands.RemoveItemCommand", Origin::Core)
                .synopsis("Deletes files and folders.")
                .param(path_param("What to delete (wildcards allowed).", true))
                .param(literal_param()),
        )
        .param(Param::new("Recurse", ParamType::Switch).help("Deletes a folder with everything in it."))
        .sets(&["Path", "LiteralPath"])
        .should_process(ConfirmImpact::Medium)
        .example("Remove-Item .\\report.csv", "Deletes a file.")
        .example("Remove-Item C:\\temp\\old -Recurse", "Deletes a folder and its contents.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let (names, literal) = arg_paths(args);
        for text in names {
            if let Some(dp) = super::drives::parse(&text) {
                super::drives::remove(cx, &dp, args.switch("Force"))?;
                continue;
            }
            for item in existing_items(cx, &text, literal)? {
                if !passes(args, item.path.name()) {
                    continue;
                }
                let target = item.path.to_string();
                let recurse = args.switch("Recurse");
                if item.is_dir && !recurse && !cx.files().list(&item.path).unwrap_or_default().is_empty() {
                    // The console would ask; a script without an answer gets the IO error.
                    cx.error(CmdletError::core(
                        format!("Cannot remove item {target}: The directory is not empty."),
                        "System.IO.IOException",
                        "WriteError",
                        "RemoveFileSystemItemIOError",
                    ))?;
                    continue;
                }
                let what = if item.is_dir { "Remove Directory" } else { "Remove File" };
                if !cx.should_process(&format!("Performing the operation \"{what}\" on target \"{target}\"."))? {
                    continue;
                }
                if let Err(e) = cx.files().remove_item(&item.path, true) {
                    cx.error(CmdletError::core(
                        format!("Cannot remove item {target}: {}", e.message(&target)),
                        "System.IO.IOException",
                        "WriteError",
                        "RemoveFileSystemItemIOError",
                    ))?;
                }
            }
        }
        Ok(())
    }
}

/// `Set-Item` (`si`): gives an item of the `Alias:`, `Function:`, `Variable:` or `Env:` drive a
/// value (`Set-Item env:X v`); the FileSystem provider has no item values.
pub struct SetItem;

impl Cmdlet for SetItem {
    fn signature(&self) -> Signature {
        Signature::new("Set-Item", "Microsoft.PowerShell.Commands.SetItemCommand", Origin::Core)
            .synopsis("Changes the value of an item (an alias, function, variable or environment variable).")
            .param(path_param("The items to set.", true))
            .param(literal_param())
            .param(Param::new("Value", ParamType::Object).position(1).from_pipeline().help("The new value."))
            .param(Param::new("Force", ParamType::Switch).help("Also read-only items."))
            .param(Param::new("PassThru", ParamType::Switch).help("Outputs the item."))
            .sets(&["Path", "LiteralPath"])
            .should_process(ConfirmImpact::Medium)
            .example("Set-Item env:EXSH_MODE test", "$env:EXSH_MODE is 'test'.")
            .example("Set-Item function:Get-Greeting { 'hello' }", "Defines (or replaces) a function.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let (names, _) = arg_paths(args);
        let value = args.get("Value").cloned().unwrap_or(Value::Null);
        for text in names {
            match super::drives::parse(&text) {
                Some(dp) => {
                    super::drives::set(cx, &dp, value.clone(), false, args.switch("Force"), args.switch("PassThru"))?
                }
                None => cx.error(CmdletError::core(
                    "Provider operation stopped because the provider does not support this operation.",
                    "System.Management.Automation.PSNotSupportedException",
                    "NotImplemented",
                    "NotSupported",
                ))?,
            }
        }
        Ok(())
    }
}

/// `Test-Path`.
pub struct TestPath;

impl Cmdlet for TestPath {
    fn signature(&self) -> Signature {
        filter_params(
            Signature::new("Test-Path", "Microsoft.PowerShell.Commands.TestPathCommand", Origin::Core)
                .synopsis("Determines whether a path exists (or, with -IsValid, could exist).")
                .param(path_param("Paths to test (wildcards allowed).", true))
                .param(literal_param()),
        )
        .param(
            Param::new("PathType", ParamType::Set(&["Any", "Container", "Leaf"]))
                .aliases(&["Type"])
                .help("Any, Container (a folder) or Leaf (a file)."),
        )
        .param(Param::new("IsValid", ParamType::Switch).help("Only checks the path's syntax."))
        .sets(&["Path", "LiteralPath"])
        .example("Test-Path .\\users.csv", "True when the file exists.")
        .example("Test-Path C:\\temp -PathType Container", "True when C:\\temp is a folder.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let (names, literal) = arg_paths(args);
        let kind = args.string("PathType").unwrap_or_else(|| "Any".into()).to_ascii_lowercase();
        for text in names {
            if text.is_empty() {
                // Mandatory [string[]] refuses an empty element, as the binder does for [string].
                return Err(CmdletError::core(
                    "Cannot bind argument to parameter 'Path' because it is an empty string.",
                    "System.Management.Automation.ParameterBindingValidationException",
                    "InvalidData",
                    "ParameterArgumentValidationErrorEmptyStringNotAllowed",
                ));
            }
            if let Some(dp) = super::drives::parse(&text) {
                let ok = args.switch("IsValid") || super::drives::test(cx, &dp)?;
                cx.output(Value::Bool(ok));
                continue;
            }
            if args.switch("IsValid") {
                let ok = cx.files().resolve(&text).is_ok();
                cx.output(Value::Bool(ok));
                continue;
            }
            let found = if literal { cx.files().resolve(&text).map(|p| vec![p]) } else { cx.files().expand(&text) };
            let items: Vec<ItemInfo> = found.unwrap_or_default().iter().filter_map(|p| cx.files().stat(p)).collect();
            let ok = items.iter().any(|i| match kind.as_str() {
                "container" => i.is_dir,
                "leaf" => !i.is_dir,
                _ => true,
            } && passes(args, i.path.name()));
            cx.output(Value::Bool(ok));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_name_and_extension() {
        assert_eq!(split_ext("report.csv", false), ("report".into(), ".csv".into()));
        assert_eq!(split_ext("a.b.txt", false), ("a.b".into(), ".txt".into()));
        assert_eq!(split_ext("README", false), ("README".into(), String::new()));
        assert_eq!(split_ext("logs.old", true), ("logs.old".into(), ".old".into()));
    }

    #[test]
    fn modes() {
        let p = WinPath::absolute("C:\\a").expect("a path");
        let f = ItemInfo { path: p.clone(), is_dir: false, len: 1, modified: 0, readonly: false };
        assert_eq!(mode(&f), "-a----");
        assert_eq!(mode(&ItemInfo { is_dir: true, ..f.clone() }), "d-----");
        assert_eq!(mode(&ItemInfo { readonly: true, ..f }), "-ar---");
    }
}
