//! Script files run from scripts: `& .\x.ps1`, `. .\x.ps1`, `.\x.ps1 -Param v`, `& $path`.
//!
//! A called script is a [`Function`] whose body is the file's text: it binds its `param()` block
//! through the one binder as functions do, runs in a new script scope (or the caller's, dot-sourced)
//! with its own `$PSScriptRoot` and `$PSCommandPath`, and `exit N` ends only the script and sets
//! `$LASTEXITCODE`. `#Requires` lines are checked before anything runs. `$MyInvocation` is built
//! from the stack of calls kept here. Facts and sources: docs/reference/host.md.

use std::rc::Rc;

use super::errors::{self, RuntimeError};
use super::eval::EvalResult;
use super::{Engine, Flow, Function};
use crate::syntax::{self, CommandArg, ExprKind, ScriptBlock, Span, StatementKind, TokenKind};
use crate::value::{Hashtable, PsObject, Value, convert};

/// One call on the invocation stack, for `$MyInvocation`.
#[derive(Clone)]
pub(crate) struct Invocation {
    /// `MyInvocation.MyCommand`.
    pub command: Value,
    /// `MyInvocation.InvocationName`: the name as typed, or `&` / `.`.
    pub invocation_name: Rc<str>,
    /// `MyInvocation.Line`: the text of the line the call is on.
    pub line: Rc<str>,
    /// The script file the call is in (`ScriptName`, `PSCommandPath`, `PSScriptRoot`).
    pub caller_file: Option<Rc<str>>,
}

/// The folder part of a script path, `\` and `/` alike; a bare file name lives in `.`.
pub(crate) fn script_folder(path: &str) -> String {
    match path.rfind(['\\', '/']) {
        Some(0) => path[..1].to_string(),
        Some(i) => path[..i].to_string(),
        None => ".".to_string(),
    }
}

/// The file-name part of a script path.
pub(crate) fn file_name(path: &str) -> &str {
    path.rsplit(['\\', '/']).next().unwrap_or(path)
}

/// True when a command name names a file rather than a command: it has a folder in it.
pub(crate) fn names_a_file(name: &str) -> bool {
    name.contains(['\\', '/'])
}

/// `ExternalScriptInfo`, the `MyCommand` of a script.
fn script_info(path: &str) -> Value {
    let mut o = PsObject::new(&[
        "System.Management.Automation.ExternalScriptInfo",
        "System.Management.Automation.CommandInfo",
        "System.Object",
    ]);
    o.set("CommandType", Value::str("ExternalScript"));
    o.set("Name", Value::str(file_name(path)));
    o.set("Path", Value::str(path));
    o.set("Definition", Value::str(path));
    o.set("Source", Value::str(path));
    o.display = Some(Rc::from(file_name(path)));
    Value::object(o)
}

/// `FunctionInfo`, the `MyCommand` of a function (`ScriptInfo` for a script block).
fn function_info(func: &Function) -> Value {
    let block = func.name.as_ref() == "<ScriptBlock>";
    let types: &[&str] = if block {
        &["System.Management.Automation.ScriptInfo", "System.Management.Automation.CommandInfo", "System.Object"]
    } else {
        &["System.Management.Automation.FunctionInfo", "System.Management.Automation.CommandInfo", "System.Object"]
    };
    let mut o = PsObject::new(types);
    let name = if block { "" } else { func.name.as_ref() };
    o.set("CommandType", Value::str(if block { "Script" } else { "Function" }));
    o.set("Name", Value::str(name));
    o.set("Definition", Value::str(func.body.text.as_str()));
    o.set("Source", Value::str(""));
    o.display = Some(Rc::from(if block { func.body.text.as_str() } else { name }));
    Value::object(o)
}

/// What a `#Requires` line asks for.
#[derive(Default)]
struct Requirements {
    version: Option<(u32, u32)>,
    editions: Vec<String>,
    modules: Vec<String>,
    snapins: Vec<String>,
    elevation: bool,
}

/// The text of exsh's RemoteExchange.ps1 (see `is_remote_exchange_script`).
const REMOTE_EXCHANGE: &str = include_str!("remote_exchange.ps1");

impl Engine {
    /// The path a script named as `written` is read from. The one place a script path is
    /// resolved: relative paths are relative to the process's current directory for now.
    pub(crate) fn resolve_script_path(&mut self, written: &str) -> String {
        written.to_string()
    }

    /// True for `<Exchange install path>\bin\RemoteExchange.ps1` on-premises, the script the EMS
    /// shortcut dot-sources: exsh provides it when the sandbox has no such file.
    fn is_remote_exchange_script(&self, path: &str) -> bool {
        use crate::cmdlet::WinPath;
        let Some(install) = self.directory.org.version.install_path() else { return false };
        let want = WinPath::absolute(install).map(|p| p.join("bin\\RemoteExchange.ps1"));
        let got = WinPath::absolute(path);
        match (want, got) {
            (Some(w), Some(g)) => g.starts_with(&w) && g.parts.len() == w.parts.len(),
            _ => false,
        }
    }

    /// Loads the script file a command name names, or `None` when there is no such file (the
    /// caller reports the command as not found). A parse error or an unmet `#Requires` is an error.
    /// `prefix` is the name the error view puts first (`&`, `.` or the path as typed).
    pub(crate) fn load_script(&mut self, written: &str, span: Span, prefix: &str) -> EvalResult<Option<Function>> {
        if !file_name(written).to_ascii_lowercase().ends_with(".ps1") {
            return Ok(None);
        }
        let path = self.resolve_script_path(written);
        let text = if self.host.files().exists(&path) {
            match self.host.files().read_text(&path) {
                Ok(t) => t,
                Err(m) => {
                    let pos = self.position(span);
                    return Err(Flow::Error(Box::new(errors::runtime(m, "ReadError", "ReadError", &path, Some(pos)))));
                }
            }
        } else if self.is_remote_exchange_script(&path) {
            REMOTE_EXCHANGE.to_string()
        } else {
            return Ok(None);
        };
        let script = match syntax::parse_with(&text, self.parse_options()) {
            Ok(s) => s,
            Err(e) => {
                let rec = errors::parse_error_record(&e, &text, Some(&path));
                return Err(Flow::Error(Box::new(RuntimeError { record: rec, thrown: Value::Null, fatal: false })));
            }
        };
        if let Some(mut e) = self.check_requires(&text, &path) {
            // An unmet requirement is reported at the call, as the command that could not run.
            if e.record.category != "ParserError" {
                e.record.position = Some(self.position(span));
                e.record.prefix = Some(format!("{prefix} : "));
            }
            return Err(Flow::Error(Box::new(e)));
        }
        let body = ScriptBlock {
            param_block: script.param_block,
            begin: None,
            process: None,
            end: script.statements,
            text: text.clone(),
            span: script.span,
        };
        Ok(Some(Function {
            name: Rc::from(file_name(&path)),
            body: Rc::new(body),
            source: Rc::from(text.as_str()),
            file: Some(Rc::from(path.as_str())),
            dot: false,
            script: true,
            invoked_as: None,
            module: None,
        }))
    }

    /// Checks a script's `#Requires` lines (DiscoveryExceptions.resx texts); `Some` is the error
    /// that stops the script before anything in it runs.
    pub(crate) fn check_requires(&mut self, text: &str, path: &str) -> Option<RuntimeError> {
        let name = file_name(path).to_string();
        let mut req = Requirements::default();
        for t in syntax::tokens(text) {
            if t.kind != TokenKind::Comment {
                continue;
            }
            let c = t.span.slice(text);
            let Some(body) = c.strip_prefix('#') else { continue };
            if !body.get(..8).is_some_and(|w| w.eq_ignore_ascii_case("requires")) {
                continue;
            }
            if body[8..].chars().next().is_some_and(|ch| !ch.is_whitespace()) {
                continue;
            }
            if let Err((message, id, at)) = self.read_requires(body, &mut req) {
                // A malformed line is a parse error of the script, at the offending element.
                let start = t.span.start + 1;
                let at = at.map(|a| Span { start: a.start + start, end: a.end + start }).unwrap_or(t.span);
                let e = syntax::ParseError::new(message, id, at);
                let record = errors::parse_error_record(&e, text, Some(path));
                return Some(RuntimeError { record, thrown: Value::Null, fatal: false });
            }
        }
        let online = !self.directory.org.version.is_on_premises();
        let (ps, edition) = if online { (PS7_VERSION, "Core") } else { (PS51_VERSION, "Desktop") };
        let shell = if online { "PowerShell" } else { "Windows PowerShell" };
        // The session runs as Administrator (an Exchange admin's elevated shell).
        if let Some((major, minor)) = req.version {
            let ok = match major {
                1..=4 => minor == 0,
                5 => minor <= 1 || online,
                6 => online && minor <= 2,
                7 => online && minor <= 4,
                _ => false,
            };
            if !ok {
                return Some(requires_error(
                    format!(
                        "The script '{name}' cannot be run because it contained a \"#requires\" statement for {shell} {major}.{minor}. The version of {shell} that is required by the script does not match the currently running version of {shell} {ps}."
                    ),
                    "ScriptRequiresUnmatchedPSVersion",
                    "ResourceUnavailable",
                    &name,
                ));
            }
        }
        if !req.editions.is_empty() && !req.editions.iter().any(|e| e.eq_ignore_ascii_case(edition)) {
            return Some(requires_error(
                format!(
                    "The script '{name}' cannot be run because it contained a \"#requires\" statement for {shell} editions '{}'. The edition of {shell} that is required by the script does not match the currently running {shell} {edition} edition.",
                    req.editions.join(",")
                ),
                "ScriptRequiresUnmatchedPSEdition",
                "NotSpecified",
                &name,
            ));
        }
        let missing_snapins: Vec<String> = req.snapins.iter().filter(|s| !self.snapin_available(s)).cloned().collect();
        if !missing_snapins.is_empty() {
            return Some(requires_error(
                format!(
                    "The script '{name}' cannot be run because the following snap-ins that are specified by the \"#requires\" statements of the script are missing: {}.",
                    missing_snapins.join(", ")
                ),
                "ScriptRequiresMissingPSSnapIns",
                "ResourceUnavailable",
                &name,
            ));
        }
        let missing: Vec<String> = req.modules.iter().filter(|m| !self.module_available(m)).cloned().collect();
        if !missing.is_empty() {
            return Some(requires_error(
                format!(
                    "The script '{name}' cannot be run because the following modules that are specified by the \"#requires\" statements of the script are missing: {}.",
                    missing.join(", ")
                ),
                "ScriptRequiresMissingModules",
                "ResourceUnavailable",
                &name,
            ));
        }
        let _ = req.elevation;
        None
    }

    /// Reads one `#requires` line as PowerShell's tokenizer does: the text after `#` is a command
    /// `requires -Name value …` whose parameter names may be abbreviated.
    fn read_requires(&mut self, body: &str, req: &mut Requirements) -> Result<(), RequiresError> {
        let invalid = |at: Option<Span>| (INVALID_FORMAT.to_string(), "ScriptRequiresInvalidFormat", at);
        let script = syntax::parse(body).map_err(|_| invalid(None))?;
        let Some(first) = script.statements.first() else { return Err(invalid(None)) };
        let StatementKind::Pipeline(p) = &first.kind else { return Err(invalid(None)) };
        let Some(syntax::PipelineElement::Command(c)) = p.elements.first() else { return Err(invalid(None)) };
        let mut args = c.args.iter().peekable();
        let snapin = c
            .args
            .iter()
            .any(|a| matches!(a, CommandArg::Parameter { name, .. } if !name.is_empty() && "pssnapin".starts_with(&name.to_ascii_lowercase())));
        while let Some(a) = args.next() {
            let (name, value, pspan) = match a {
                CommandArg::Parameter { name, value, span } => (name, value, *span),
                CommandArg::Positional(e) => return Err(invalid(Some(e.span))),
                CommandArg::Splat(_, sp) => return Err(invalid(Some(*sp))),
            };
            let lname = name.to_ascii_lowercase();
            if lname.is_empty() {
                return Err(invalid(Some(pspan)));
            }
            if "runasadministrator".starts_with(&lname) {
                if value.is_some() {
                    return Err((
                        format!("Parameter {name} cannot have an argument."),
                        "ParameterCannotHaveArgument",
                        Some(pspan),
                    ));
                }
                req.elevation = true;
                continue;
            }
            let arg = match value {
                Some(v) => v.clone(),
                None => match args.next() {
                    Some(CommandArg::Positional(e)) => e.clone(),
                    _ => {
                        return Err((
                            format!("Parameter {name} requires an argument."),
                            "ParameterRequiresArgument",
                            Some(pspan),
                        ));
                    }
                },
            };
            let constant = |e: &syntax::Expr| -> bool {
                matches!(
                    e.kind,
                    ExprKind::BareWord(_)
                        | ExprKind::Literal(_)
                        | ExprKind::Expandable(_)
                        | ExprKind::Hashtable(_)
                        | ExprKind::ArrayLiteral(_)
                )
            };
            let not_constant =
                || ("Argument must be constant.".to_string(), "RequiresArgumentMustBeConstant", Some(arg.span));
            if !constant(&arg) {
                return Err(not_constant());
            }
            let v = self.eval_expr(&arg).map_err(|_| not_constant())?;
            if "shellid".starts_with(&lname) {
                continue;
            } else if "pssnapin".starts_with(&lname) {
                req.snapins.push(convert::to_string(&v));
            } else if "psedition".starts_with(&lname) {
                req.editions.extend(v.enumerate().iter().map(convert::to_string));
            } else if "version".starts_with(&lname) {
                let text = convert::to_string(&v);
                let mut parts = text.split('.');
                let major = parts.next().and_then(|p| p.trim().parse::<u32>().ok());
                let minor = parts.next().map(|p| p.trim().parse::<u32>().ok()).unwrap_or(Some(0));
                let (Some(major), Some(minor)) = (major, minor) else {
                    return Err((
                        "The argument for the Version parameter is not valid. Specify a valid PowerShell version, in the format major.minor version.".into(),
                        "RequiresVersionInvalid",
                        Some(arg.span),
                    ));
                };
                if !snapin {
                    req.version = Some((major, minor));
                }
            } else if "assembly".starts_with(&lname) {
                continue;
            } else if "modules".starts_with(&lname) {
                for m in v.enumerate() {
                    let n = match &m {
                        Value::Hashtable(h) => h
                            .borrow()
                            .get(&Value::str("ModuleName"))
                            .map(|n| convert::to_string(&n))
                            .unwrap_or_default(),
                        other => convert::to_string(other),
                    };
                    req.modules.push(n);
                }
            } else {
                return Err(invalid(Some(pspan)));
            }
        }
        Ok(())
    }

    /// A module a `#Requires -Modules` line can name: one the session has loaded, or one exsh
    /// provides.
    fn module_available(&self, name: &str) -> bool {
        let base = file_name(name);
        let base = base.rsplit_once('.').map(|(b, _)| b).unwrap_or(base);
        // ExchangeOnlineManagement counts as installed everywhere, as Import-Module of it succeeds.
        self.session.has_module(base) || base.eq_ignore_ascii_case(crate::cmdlet::session::EXO_MODULE)
    }

    fn snapin_available(&self, name: &str) -> bool {
        name.eq_ignore_ascii_case("Microsoft.PowerShell.Core")
            || (self.directory.org.version.is_on_premises()
                && self.session.snapins.iter().any(|s| s.eq_ignore_ascii_case(name)))
    }

    /// The invocation record of a call about to run, built in the caller's context.
    pub(crate) fn invocation_of(&self, func: &Function, call_site: Span) -> Invocation {
        let command = if func.script { script_info(func.file.as_deref().unwrap_or("")) } else { function_info(func) };
        if let Value::Object(o) = &command
            && !func.script
        {
            let mut o = o.borrow_mut();
            o.set("ModuleName", Value::str(func.module.as_deref().unwrap_or("")));
            o.set("Module", self.module_of_function(func));
        }
        let invocation_name = func.invoked_as.clone().unwrap_or_else(|| func.name.clone());
        let line = if call_site == Span::default() {
            Rc::from("")
        } else {
            Rc::from(crate::syntax::span::line_text(&self.source, call_site.start))
        };
        Invocation { command, invocation_name, line, caller_file: self.file.clone() }
    }

    /// Sets up a called script's own variables: `$PSScriptRoot` and `$PSCommandPath` (and, for a
    /// script run in a new scope, makes that scope the script scope). Returns what a dot-sourced
    /// script replaced, to put back afterwards.
    pub(crate) fn enter_script(&mut self, func: &Function) -> Vec<(&'static str, Option<Value>)> {
        let path = func.file.as_deref().unwrap_or("").to_string();
        let mut saved = Vec::new();
        if func.dot {
            for n in ["PSScriptRoot", "PSCommandPath"] {
                saved.push((n, self.scopes.get_local(n)));
            }
        } else {
            self.scopes.mark_script();
        }
        self.scopes.set_local("PSScriptRoot", Value::str(script_folder(&path)));
        self.scopes.set_local("PSCommandPath", Value::str(path));
        saved
    }

    /// Undoes [`Engine::enter_script`].
    pub(crate) fn leave_script(&mut self, func: &Function, saved: Vec<(&'static str, Option<Value>)>) {
        if !func.dot {
            self.scopes.unmark_script();
            return;
        }
        for (n, v) in saved {
            match v {
                Some(v) => self.scopes.set_local(n, v),
                None => self.scopes.remove_local(n),
            }
        }
    }

    /// A called script's `exit N`: the script ends, `$LASTEXITCODE` is N, `$?` is false unless 0.
    pub(crate) fn script_exited(&mut self, func: &Function, r: EvalResult<()>) -> EvalResult<()> {
        match r {
            Err(Flow::Exit(code)) if func.script => {
                self.scopes.set(Some("global"), "LASTEXITCODE", Value::Int(code as i64));
                self.last_success = code == 0;
                Ok(())
            }
            other => other,
        }
    }

    /// `$MyInvocation`: how the running script, function or script block was called.
    pub(crate) fn my_invocation(&self) -> Value {
        let mut o = PsObject::new(&["System.Management.Automation.InvocationInfo", "System.Object"]);
        let top = self.invocations.last().cloned().unwrap_or_else(|| {
            let file = self.file.clone();
            let command = match &file {
                Some(f) => script_info(f),
                None => {
                    let mut s = PsObject::new(&[
                        "System.Management.Automation.ScriptInfo",
                        "System.Management.Automation.CommandInfo",
                        "System.Object",
                    ]);
                    s.set("CommandType", Value::str("Script"));
                    s.set("Name", Value::str(""));
                    s.set("Definition", Value::str(self.source.as_ref()));
                    s.display = Some(self.source.clone());
                    Value::object(s)
                }
            };
            let name = file.clone().unwrap_or_else(|| Rc::from(""));
            Invocation { command, invocation_name: name, line: Rc::from(""), caller_file: None }
        });
        let bound = self.scopes.get(None, "PSBoundParameters").unwrap_or_else(|| Value::hashtable(Hashtable::new()));
        let unbound = self.scopes.get(None, "args").unwrap_or_else(|| Value::array(Vec::new()));
        let caller = top.caller_file.as_deref();
        o.set("MyCommand", top.command.clone());
        o.set("BoundParameters", bound);
        o.set("UnboundArguments", unbound);
        o.set("ScriptLineNumber", Value::Int(0));
        o.set("OffsetInLine", Value::Int(0));
        o.set("HistoryId", Value::Int(1));
        o.set("ScriptName", Value::str(caller.unwrap_or("")));
        o.set("Line", Value::str(top.line.as_ref()));
        o.set("PositionMessage", Value::str(""));
        o.set("PSScriptRoot", Value::str(caller.map(script_folder).unwrap_or_default()));
        o.set("PSCommandPath", caller.map(Value::str).unwrap_or(Value::Null));
        o.set("InvocationName", Value::str(top.invocation_name.as_ref()));
        o.set("PipelineLength", Value::Int(1));
        o.set("PipelinePosition", Value::Int(1));
        o.set("ExpectingInput", Value::Bool(false));
        o.set("CommandOrigin", Value::str(if self.invocations.is_empty() { "Runspace" } else { "Internal" }));
        o.set("DisplayScriptPosition", Value::Null);
        Value::object(o)
    }
}

/// A malformed `#requires` line: message, error id, where in the line (after the `#`).
type RequiresError = (String, &'static str, Option<Span>);

const PS51_VERSION: &str = "5.1.17763.1";
const PS7_VERSION: &str = "7.4.6";

const INVALID_FORMAT: &str = "Cannot process the #requires statement because it is not in the correct format.
The #requires statement must be in one of the following formats:
 \"#requires -shellid <shellID>\"
 \"#requires -version <major.minor>\"
 \"#requires -psedition <edition>\"
 \"#requires -pssnapin <psSnapInName> [-version <major.minor>]\"
 \"#requires -modules <ModuleSpecification>\"
 \"#requires -runasadministrator\"";

fn requires_error(message: impl Into<String>, fqid: &str, category: &str, name: &str) -> RuntimeError {
    let record = errors::local_record(
        message,
        "System.Management.Automation.ScriptRequiresException",
        category,
        &format!("{name}:String"),
        "",
        fqid,
        None,
        None,
    );
    RuntimeError { record, thrown: Value::Null, fatal: false }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_of_windows_and_unix_paths() {
        assert_eq!(script_folder(".\\lib\\a.ps1"), ".\\lib");
        assert_eq!(script_folder("lib/a.ps1"), "lib");
        assert_eq!(script_folder("a.ps1"), ".");
        assert_eq!(script_folder("\\a.ps1"), "\\");
        assert_eq!(file_name("C:\\x\\y.ps1"), "y.ps1");
        assert!(names_a_file(".\\x.ps1"));
        assert!(!names_a_file("Get-Mailbox"));
    }
}
