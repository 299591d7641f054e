//! The session-state drives `Alias:`, `Function:`, `Variable:` and `Env:`: the item cmdlets
//! (Test-Path, Get-ChildItem, Get-Item, Get-Content, Remove-Item, Set-Item, New-Item) route a
//! path on one of these drives here instead of to the file system. Each drive is a flat list of
//! named items over the session's aliases ([`crate::cmdlet::AliasStore`]), variables
//! ([`crate::cmdlet::VariableStore`]), functions and environment variables
//! ([`crate::cmdlet::SessionItems`]). Facts: docs/reference/host.md.

use std::rc::Rc;

use super::alias;
use super::variable;
use crate::cmdlet::variable_options::{CONSTANT, READ_ONLY};
use crate::cmdlet::{AliasEntry, CmdletError, CmdletResult, Context};
use crate::value::{ErrorRecord, PsObject, Value, convert};

/// One of the session-state drives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drive {
    /// `Alias:` (the Alias provider).
    Alias,
    /// `Function:` (the Function provider).
    Function,
    /// `Variable:` (the Variable provider).
    Variable,
    /// `Env:` (the Environment provider).
    Env,
}

impl Drive {
    /// The drive's name as PowerShell spells it in paths (`Alias:\ls`).
    pub fn name(self) -> &'static str {
        match self {
            Drive::Alias => "Alias",
            Drive::Function => "Function",
            Drive::Variable => "Variable",
            Drive::Env => "Env",
        }
    }
}

/// A path on a session-state drive: the drive and the item name (empty for the drive's root;
/// wildcards allowed).
#[derive(Debug, Clone, PartialEq)]
pub struct DrivePath {
    /// The drive.
    pub drive: Drive,
    /// The item name after `drive:` and an optional `\` or `/`.
    pub name: String,
}

impl DrivePath {
    /// The path as PowerShell's messages show it (`Alias:\ls`).
    pub fn full(&self) -> String {
        format!("{}:\\{}", self.drive.name(), self.name)
    }
}

/// The drive path `text` names (`alias:ls`, `Env:\PATH`, `function:`), if it is on one of these
/// drives.
pub fn parse(text: &str) -> Option<DrivePath> {
    let (drive, rest) = text.split_once(':')?;
    let drive = match drive.to_ascii_lowercase().as_str() {
        "alias" => Drive::Alias,
        "function" => Drive::Function,
        "variable" => Drive::Variable,
        "env" => Drive::Env,
        _ => return None,
    };
    let name = rest.trim_start_matches(['\\', '/']).to_string();
    Some(DrivePath { drive, name })
}

/// One item of a drive: its name, the object Get-Item and Get-ChildItem write, and the value
/// Get-Content (and `$drive:name`) reads.
struct Item {
    name: String,
    object: Value,
    content: Value,
}

fn no_session() -> CmdletError {
    CmdletError::core(
        "This context has no session state.",
        "System.InvalidOperationException",
        "InvalidOperation",
        "NoSession",
    )
}

/// `Cannot find path 'Alias:\x' because it does not exist.` (ItemNotFoundException, PathNotFound).
fn not_found(p: &DrivePath) -> CmdletError {
    super::items::path_not_found(&p.full())
}

fn function_object(name: &str, body: &Rc<crate::syntax::ScriptBlock>) -> Value {
    let mut o = PsObject::new(&[
        "System.Management.Automation.FunctionInfo",
        "System.Management.Automation.CommandInfo",
        "System.Object",
    ])
    .with("HelpUri", "")
    .with("ScriptBlock", Value::ScriptBlock(body.clone()))
    .with("CmdletBinding", false)
    .with("DefaultParameterSet", Value::Null)
    .with("Definition", body.text.as_str())
    .with("Options", "None")
    .with("Description", "")
    .with("Verb", name.split_once('-').map(|(v, _)| v).unwrap_or(""))
    .with("Noun", name.split_once('-').map(|(_, n)| n).unwrap_or(""))
    .with("Name", name)
    .with("DisplayName", name)
    .with("CommandType", "Function")
    .with("Source", "")
    .with("Version", "")
    .with("Visibility", "Public")
    .with("ModuleName", "")
    .with("Module", Value::Null);
    o.display = Some(name.into());
    Value::object(o)
}

fn env_object(name: &str, value: &str) -> Value {
    let mut o = PsObject::new(&[crate::format::views::DICTIONARY_ENTRY, "System.ValueType", "System.Object"])
        .with("Name", name)
        .with("Key", name)
        .with("Value", value);
    o.display = Some(Rc::from("System.Collections.DictionaryEntry"));
    Value::object(o)
}

/// Every item of the drive, sorted by name.
fn all_items(cx: &mut dyn Context, drive: Drive) -> Result<Vec<Item>, CmdletError> {
    Ok(match drive {
        Drive::Alias => {
            let store = cx.aliases().ok_or_else(no_session)?;
            let top = store.alias_top();
            store
                .aliases_from(top, false)
                .iter()
                .map(|a| Item {
                    name: a.name.clone(),
                    object: alias::alias_object(a, &alias::resolved_name(store, a)),
                    content: Value::str(&a.definition),
                })
                .collect()
        }
        Drive::Function => {
            let items = cx.session_items().ok_or_else(no_session)?;
            items
                .functions()
                .iter()
                .map(|(n, body)| Item {
                    name: n.clone(),
                    object: function_object(n, body),
                    content: Value::ScriptBlock(body.clone()),
                })
                .collect()
        }
        Drive::Variable => {
            let store = cx.variables().ok_or_else(no_session)?;
            let top = store.top();
            let mut out = Vec::new();
            for n in store.names_from(top, false) {
                let Some(f) = store.frame_of(&n, top) else { continue };
                let Some((written, v)) = store.in_frame(f, &n) else { continue };
                let bits = store.options_in_frame(f, &n);
                out.push(Item {
                    name: written.clone(),
                    object: variable::variable_object(&written, v.clone(), bits, ""),
                    content: v,
                });
            }
            out
        }
        Drive::Env => {
            let items = cx.session_items().ok_or_else(no_session)?;
            items
                .env_vars()
                .iter()
                .map(|(n, v)| Item { name: n.clone(), object: env_object(n, v), content: Value::str(v) })
                .collect()
        }
    })
}

/// The items a path names: all of them for the root, those whose names match otherwise. An
/// environment variable of the process (not listed) is found by its exact name.
fn items(cx: &mut dyn Context, p: &DrivePath) -> Result<Vec<Item>, CmdletError> {
    let mut all = all_items(cx, p.drive)?;
    if p.name.is_empty() {
        return Ok(all);
    }
    all.retain(|i| convert::wildcard_match(&p.name, &i.name, false));
    if all.is_empty() && p.drive == Drive::Env && !crate::cmdlet::path::has_wildcard(&p.name) {
        if let Some(v) = cx.session_items().and_then(|s| s.env_var(&p.name)) {
            all.push(Item { name: p.name.clone(), object: env_object(&p.name, &v), content: Value::str(v) });
        }
    }
    Ok(all)
}

/// Test-Path: the root always exists; a name when an item matches it.
pub fn test(cx: &mut dyn Context, p: &DrivePath) -> Result<bool, CmdletError> {
    Ok(p.name.is_empty() || !items(cx, p)?.is_empty())
}

/// Writes the items of a path: Get-ChildItem (`names` for -Name) and Get-Item. A name without
/// wildcards that no item has is PathNotFound.
pub fn get(cx: &mut dyn Context, p: &DrivePath, names: bool, passes: &dyn Fn(&str) -> bool) -> CmdletResult {
    let found = items(cx, p)?;
    if found.is_empty() && !crate::cmdlet::path::has_wildcard(&p.name) && !p.name.is_empty() {
        return cx.error(not_found(p));
    }
    for i in found.into_iter().filter(|i| passes(&i.name)) {
        cx.output(if names { Value::str(i.name) } else { i.object });
    }
    Ok(())
}

/// Get-Content: each item's value (an alias's definition, a function's script block, a
/// variable's value, an environment variable's text).
pub fn content(cx: &mut dyn Context, p: &DrivePath) -> CmdletResult {
    let found = items(cx, p)?;
    if found.is_empty() {
        return cx.error(not_found(p));
    }
    for i in found {
        cx.output(i.content);
    }
    Ok(())
}

/// Remove-Item: each item the path names, after ShouldProcess (`Remove Item`, `Item: x`).
pub fn remove(cx: &mut dyn Context, p: &DrivePath, force: bool) -> CmdletResult {
    let found = items(cx, p)?;
    if found.is_empty() && !crate::cmdlet::path::has_wildcard(&p.name) {
        return cx.error(not_found(p));
    }
    for i in found {
        if !cx.should_process(&format!("Performing the operation \"Remove Item\" on target \"Item: {}\".", i.name))? {
            continue;
        }
        let r = match p.drive {
            Drive::Alias => {
                let store = cx.aliases().ok_or_else(no_session)?;
                alias::remove_alias(store, &i.name, None, force).map(|_| ())
            }
            Drive::Function => {
                cx.session_items().ok_or_else(no_session)?.remove_function(&i.name);
                Ok(())
            }
            Drive::Variable => {
                let store = cx.variables().ok_or_else(no_session)?;
                let top = store.top();
                match store.frame_of(&i.name, top) {
                    Some(f) => {
                        let bits = store.options_in_frame(f, &i.name);
                        if bits & CONSTANT != 0 || (bits & READ_ONLY != 0 && !force) {
                            Err(variable::not_removable(&i.name))
                        } else {
                            store.remove_in_frame(f, &i.name);
                            Ok(())
                        }
                    }
                    None => Ok(()),
                }
            }
            Drive::Env => {
                cx.session_items().ok_or_else(no_session)?.set_env_var(&i.name, None);
                Ok(())
            }
        };
        if let Err(e) = r {
            cx.error(e)?;
        }
    }
    Ok(())
}

/// Set-Item and New-Item: one named item gets a value, after ShouldProcess (`Set Item` /
/// `New Item`). An alias's value is the command it names, a function's a script block; `new`
/// refuses an existing item unless `force`; `write` outputs the item afterwards (New-Item always,
/// Set-Item with -PassThru).
pub fn set(cx: &mut dyn Context, p: &DrivePath, value: Value, new: bool, force: bool, write: bool) -> CmdletResult {
    if p.name.is_empty() || crate::cmdlet::path::has_wildcard(&p.name) {
        return Err(CmdletError::core(
            format!("Cannot process the path '{}': an item name is needed.", p.full()),
            "System.Management.Automation.PSArgumentException",
            "InvalidArgument",
            "SetItemNullName",
        ));
    }
    let name = p.name.clone();
    if new && !force && !items(cx, p)?.is_empty() {
        return cx.error(CmdletError::Record(Box::new(ErrorRecord {
            message: format!("The item at path '{name}' already exists."),
            exception_type: "System.Management.Automation.SessionStateException".into(),
            category: "ResourceExists".into(),
            target: format!("{name}:String"),
            fqid: "NewItemAlreadyExists".into(),
            ..Default::default()
        })));
    }
    let shown = convert::to_string(&value);
    let action = if new {
        format!("Performing the operation \"New Item\" on target \"Item: {name} Type:  Value: {shown}\".")
    } else {
        format!("Performing the operation \"Set Item\" on target \"Item: {name} Value: {shown}\".")
    };
    if !cx.should_process(&action)? {
        return Ok(());
    }
    let r = match p.drive {
        Drive::Alias => {
            let store = cx.aliases().ok_or_else(no_session)?;
            let top = store.alias_top();
            match store.alias_visible(&name, top) {
                Some((_, a)) if a.options & CONSTANT != 0 || (a.options & READ_ONLY != 0 && !force) => {
                    Err(alias::not_writable(&a.name))
                }
                Some((f, a)) => {
                    store.set_alias(f, AliasEntry { definition: shown, ..a });
                    Ok(())
                }
                None => {
                    store.set_alias(
                        top,
                        AliasEntry { name: name.clone(), definition: shown, options: 0, description: String::new() },
                    );
                    Ok(())
                }
            }
        }
        Drive::Function => match value {
            Value::ScriptBlock(body) => {
                cx.session_items().ok_or_else(no_session)?.define_function(&name, body);
                Ok(())
            }
            _ => Err(CmdletError::core(
                "exsh defines a function from a script block only ({ … }).",
                "System.Management.Automation.PSArgumentException",
                "InvalidArgument",
                "Argument",
            )),
        },
        Drive::Variable => {
            let store = cx.variables().ok_or_else(no_session)?;
            let top = store.top();
            let f = store.frame_of(&name, top).unwrap_or(top);
            let bits = store.options_in_frame(f, &name);
            if store.in_frame(f, &name).is_some() && (bits & CONSTANT != 0 || (bits & READ_ONLY != 0 && !force)) {
                Err(variable::not_writable(&name))
            } else {
                store.set_in_frame(f, &name, value);
                Ok(())
            }
        }
        Drive::Env => {
            cx.session_items().ok_or_else(no_session)?.set_env_var(&name, Some(shown));
            Ok(())
        }
    };
    if let Err(e) = r {
        return cx.error(e);
    }
    if write {
        let exact = DrivePath { drive: p.drive, name: p.name.clone() };
        if let Some(i) = items(cx, &exact)?.into_iter().find(|i| i.name.eq_ignore_ascii_case(&p.name)) {
            cx.output(i.object);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drive_paths() {
        let p = parse("alias:ls").expect("alias");
        assert_eq!((p.drive, p.name.as_str()), (Drive::Alias, "ls"));
        let p = parse("Env:\\PATH").expect("env");
        assert_eq!((p.drive, p.name.as_str(), p.full().as_str()), (Drive::Env, "PATH", "Env:\\PATH"));
        assert_eq!(parse("function:").expect("root").name, "");
        assert_eq!(parse("Variable:/x").expect("var").name, "x");
        assert!(parse("C:\\temp").is_none());
        assert!(parse("report.csv").is_none());
    }
}
