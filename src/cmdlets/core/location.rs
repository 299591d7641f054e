//! The current location: Get-Location (`gl`, `pwd`), Set-Location (`sl`, `cd`, `chdir`),
//! Push-Location (`pushd`), Pop-Location (`popd`) and Resolve-Path (`rvpa`). The location is the
//! file edge's (`Context::files`): relative paths go where Get-Location says. docs/files.md.

use super::items::{item_error, not_found};
use crate::cmdlet::files::path_info;
use crate::cmdlet::{BoundArgs, Cmdlet, CmdletResult, Context, Origin, Param, ParamType, Signature, WinPath};
use crate::value::Value;

/// The default stack's key.
const DEFAULT_STACK: &str = "default";

fn stack_key(args: &BoundArgs) -> String {
    args.string("StackName").map(|s| s.to_lowercase()).unwrap_or_else(|| DEFAULT_STACK.into())
}

/// The path a location cmdlet was given (`-Path` with wildcards, or `-LiteralPath`), resolved to
/// one existing folder; `Ok(None)` after reporting the error.
fn target_folder(cx: &mut dyn Context, args: &BoundArgs) -> Result<Option<WinPath>, crate::cmdlet::CmdletError> {
    let (text, literal) = match args.string("LiteralPath") {
        Some(l) => (l, true),
        None => match args.string("Path") {
            Some(p) => (p, false),
            None => return Ok(None),
        },
    };
    let found = if literal { cx.files().resolve(&text).map(|p| vec![p]) } else { cx.files().expand(&text) };
    let candidates = match found {
        Ok(v) => v,
        Err(e) => {
            cx.error(item_error(cx, &text, e))?;
            return Ok(None);
        }
    };
    for p in candidates {
        if cx.files().stat(&p).is_some_and(|i| i.is_dir) {
            return Ok(Some(p));
        }
    }
    cx.error(not_found(cx, &text))?;
    Ok(None)
}

fn location_params(s: Signature) -> Signature {
    s.param(
        Param::new("Path", ParamType::String)
            .position(0)
            .from_pipeline()
            .from_pipeline_by_name()
            .sets(&["Path"])
            .help("The new location (wildcards allowed)."),
    )
    .param(
        Param::new("LiteralPath", ParamType::String)
            .aliases(&["PSPath", "LP"])
            .from_pipeline_by_name()
            .sets(&["LiteralPath"])
            .mandatory()
            .help("The new location, taken literally."),
    )
    .param(Param::new("PassThru", ParamType::Switch).help("Writes the new location (a PathInfo)."))
    .sets(&["Path", "LiteralPath"])
}

/// `Get-Location` (`gl`, `pwd`).
pub struct GetLocation;

impl Cmdlet for GetLocation {
    fn signature(&self) -> Signature {
        Signature::new("Get-Location", "Microsoft.PowerShell.Commands.GetLocationCommand", Origin::Core)
            .synopsis("Gets the current working location (a PathInfo object).")
            .param(
                Param::new("PSProvider", ParamType::String).array().sets(&["Location"]).help("Accepted: FileSystem."),
            )
            .param(Param::new("PSDrive", ParamType::String).array().sets(&["Location"]).help("Accepted."))
            .param(Param::new("Stack", ParamType::Switch).sets(&["Stack"]).help("The locations Push-Location saved."))
            .param(Param::new("StackName", ParamType::String).array().sets(&["Stack"]).help("A named location stack."))
            .sets(&["Location", "Stack"])
            .example("Get-Location", "The current location.")
            .example("(Get-Location).Path", "Its path as a string.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        if args.set == "Stack" {
            let key = stack_key(args);
            let items: Vec<WinPath> =
                cx.files().location_stack().iter().rev().filter(|(k, _)| *k == key).map(|(_, p)| p.clone()).collect();
            for p in items {
                cx.output(path_info(&p));
            }
            return Ok(());
        }
        let here = cx.files().location();
        cx.output(path_info(&here));
        Ok(())
    }
}

/// `Set-Location` (`sl`, `cd`, `chdir`).
pub struct SetLocation;

impl Cmdlet for SetLocation {
    fn signature(&self) -> Signature {
        location_params(Signature::new(
            "Set-Location",
            "Microsoft.PowerShell.Commands.SetLocationCommand",
            Origin::Core,
        ))
        .synopsis("Sets the current working location.")
        .param(
            Param::new("StackName", ParamType::String)
                .help("Accepted: the stack Push-Location and Pop-Location use by default."),
        )
        .example("Set-Location C:\\temp", "Relative paths now go to C:\\temp.")
        .example("cd ..", "The parent folder.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        if args.string("Path").is_none() && args.string("LiteralPath").is_none() {
            // PowerShell 7 goes home; Windows PowerShell 5.1 stays.
            if !cx.directory().org.version.is_on_premises() {
                if let Ok(home) = cx.files().resolve("~") {
                    cx.files().set_location(home);
                }
            }
        } else if let Some(p) = target_folder(cx, args)? {
            cx.files().set_location(p);
        } else {
            return Ok(());
        }
        if args.switch("PassThru") {
            let here = cx.files().location();
            cx.output(path_info(&here));
        }
        Ok(())
    }
}

/// `Push-Location` (`pushd`).
pub struct PushLocation;

impl Cmdlet for PushLocation {
    fn signature(&self) -> Signature {
        location_params(Signature::new(
            "Push-Location",
            "Microsoft.PowerShell.Commands.PushLocationCommand",
            Origin::Core,
        ))
        .synopsis("Saves the current location on a stack, then moves to the given one.")
        .param(Param::new("StackName", ParamType::String).help("The stack to push on."))
        .example("Push-Location C:\\temp", "Go to C:\\temp; Pop-Location comes back.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let here = cx.files().location();
        let key = stack_key(args);
        let target = if args.string("Path").is_some() || args.string("LiteralPath").is_some() {
            match target_folder(cx, args)? {
                Some(p) => Some(p),
                None => return Ok(()),
            }
        } else {
            None
        };
        cx.files().location_stack().push((key, here));
        if let Some(p) = target {
            cx.files().set_location(p);
        }
        if args.switch("PassThru") {
            let here = cx.files().location();
            cx.output(path_info(&here));
        }
        Ok(())
    }
}

/// `Pop-Location` (`popd`).
pub struct PopLocation;

impl Cmdlet for PopLocation {
    fn signature(&self) -> Signature {
        Signature::new("Pop-Location", "Microsoft.PowerShell.Commands.PopLocationCommand", Origin::Core)
            .synopsis("Returns to the location Push-Location saved last.")
            .param(Param::new("PassThru", ParamType::Switch).help("Writes the new location (a PathInfo)."))
            .param(Param::new("StackName", ParamType::String).help("The stack to pop from."))
            .example("Pop-Location", "Back where Push-Location was called.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let key = stack_key(args);
        let stack = cx.files().location_stack();
        // An empty stack leaves the location as it is.
        let Some(i) = stack.iter().rposition(|(k, _)| *k == key) else { return Ok(()) };
        let (_, p) = stack.remove(i);
        cx.files().set_location(p);
        if args.switch("PassThru") {
            let here = cx.files().location();
            cx.output(path_info(&here));
        }
        Ok(())
    }
}

/// `Resolve-Path` (`rvpa`).
pub struct ResolvePath;

impl Cmdlet for ResolvePath {
    fn signature(&self) -> Signature {
        Signature::new("Resolve-Path", "Microsoft.PowerShell.Commands.ResolvePathCommand", Origin::Core)
            .synopsis("Resolves wildcards and relative paths to the full paths of existing items.")
            .param(
                Param::new("Path", ParamType::String)
                    .array()
                    .position(0)
                    .mandatory()
                    .from_pipeline()
                    .from_pipeline_by_name()
                    .sets(&["Path"])
                    .help("The paths (wildcards allowed)."),
            )
            .param(
                Param::new("LiteralPath", ParamType::String)
                    .array()
                    .aliases(&["PSPath", "LP"])
                    .mandatory()
                    .from_pipeline_by_name()
                    .sets(&["LiteralPath"])
                    .help("The paths, taken literally."),
            )
            .param(
                Param::new("Relative", ParamType::Switch).help("Paths relative to the current location, as strings."),
            )
            .sets(&["Path", "LiteralPath"])
            .example("Resolve-Path .\\*.csv", "The full path of each CSV file here.")
    }

    fn process(&self, cx: &mut dyn Context, args: &BoundArgs, _state: &mut Vec<Value>) -> CmdletResult {
        let literal = args.set == "LiteralPath";
        let names = args.opt::<Vec<String>>(if literal { "LiteralPath" } else { "Path" }).unwrap_or_default();
        for text in names {
            let found = if literal { cx.files().resolve(&text).map(|p| vec![p]) } else { cx.files().expand(&text) };
            let found = match found {
                Ok(v) => v,
                Err(e) => {
                    cx.error(item_error(cx, &text, e))?;
                    continue;
                }
            };
            let existing: Vec<WinPath> = found.into_iter().filter(|p| cx.files().stat(p).is_some()).collect();
            if existing.is_empty() {
                cx.error(not_found(cx, &text))?;
                continue;
            }
            for p in existing {
                if args.switch("Relative") {
                    let here = cx.files().location();
                    cx.output(Value::str(relative(&here, &p)));
                } else {
                    cx.output(path_info(&p));
                }
            }
        }
        Ok(())
    }
}

/// `p` relative to `base`, as Resolve-Path -Relative writes it (`.\x`, `..\y\x`).
fn relative(base: &WinPath, p: &WinPath) -> String {
    if p.root != base.root {
        return p.to_string();
    }
    let common = base.parts.iter().zip(&p.parts).take_while(|(a, b)| a.eq_ignore_ascii_case(b)).count();
    let ups = base.parts.len() - common;
    let mut out: Vec<String> = if ups == 0 { vec![".".into()] } else { vec!["..".into(); ups] };
    out.extend(p.parts[common..].iter().cloned());
    out.join("\\")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        let base = WinPath::absolute("C:\\a\\b").expect("a path");
        assert_eq!(relative(&base, &WinPath::absolute("C:\\a\\b\\x.txt").expect("a path")), ".\\x.txt");
        assert_eq!(relative(&base, &WinPath::absolute("C:\\a\\y\\x.txt").expect("a path")), "..\\y\\x.txt");
        assert_eq!(relative(&base, &WinPath::absolute("D:\\x").expect("a path")), "D:\\x");
    }
}
