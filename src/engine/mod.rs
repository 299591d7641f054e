//! The evaluator: runs an AST against a [`Host`], a command [`Registry`] and a [`Directory`].
//!
//! Owns scopes, functions, the object pipeline, the parameter binder, error and warning streams,
//! ShouldProcess, and the list of changes a run made. Invariants: no I/O except through the host;
//! never imports `cmdlets` (commands arrive through the registry) or `store`.

mod bind;
mod context;
mod dates;
mod error_action;
mod errors;
mod eval;
pub mod host;
mod invoke;
mod methods;
mod ops;
mod output;
mod pwsh7;
mod regex_methods;
mod scope;
mod should_process;

use std::rc::Rc;

pub use host::{BufferHost, Host};

use crate::cmdlet::Registry;
use crate::directory::{Change, Directory};
use crate::syntax::{self, ScriptBlock};
use crate::value::{ErrorRecord, Value};

use errors::RuntimeError;
use output::Output;
use scope::Scopes;

/// Non-local control flow while evaluating.
pub(crate) enum Flow {
    /// `break [label]`
    Break(Option<String>),
    /// `continue [label]`
    Continue(Option<String>),
    /// `return`
    Return,
    /// `exit N`
    Exit(i32),
    /// A terminating error (`throw`, `-ErrorAction Stop`, a runtime exception).
    Error(Box<RuntimeError>),
}

/// The result of running a script or a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// The process exit code this run asks for (`exit N`, 1 after an uncaught terminating error or a parse error).
    pub exit_code: i32,
    /// `$?` after the last statement.
    pub last_success: bool,
    /// True when `exit` was called.
    pub exited: bool,
}

/// An argument given to a script on the command line (`-User michelle` or a positional value).
#[derive(Debug, Clone)]
pub enum ScriptArg {
    /// `-Name` (with a value when `-Name:value`).
    Named(String, Option<String>),
    /// A positional value.
    Positional(String),
}

/// A user-defined function.
#[derive(Clone)]
pub(crate) struct Function {
    pub name: Rc<str>,
    pub body: Rc<ScriptBlock>,
    pub source: Rc<str>,
    pub file: Option<Rc<str>>,
    /// Dot-sourced (`. f`, `. { }`): runs in the caller's scope instead of a new one.
    pub dot: bool,
}

/// The interpreter.
pub struct Engine {
    host: Box<dyn Host>,
    registry: Registry,
    directory: Directory,
    changes: Vec<Change>,
    scopes: Scopes,
    functions: std::collections::HashMap<String, Function>,
    output: Output,
    /// Where emitted objects go, innermost last: a buffer (`capture`), or the rest of a pipeline
    /// a function is streaming into. Empty at the top: objects go to Out-Default.
    collectors: Vec<invoke::Collector>,
    /// The downstream stages of a pipeline, handed from the pipeline runner to the function step it
    /// is about to run (see `invoke::Collector::Stream`).
    pending_stream: Option<invoke::Tail>,
    /// Host lines held until the objects written before them have gone down the pipeline.
    held_lines: Vec<String>,
    /// The text spans refer to, and the file it came from.
    source: Rc<str>,
    file: Option<Rc<str>>,
    last_success: bool,
    request_counter: u64,
    /// Set while a confirmation prompt answered "Yes to All"/"No to All" for the current command.
    confirm_all: Option<bool>,
    /// `$Error`: one live list (newest first) that `$Error.Clear()` empties.
    errors: Rc<std::cell::RefCell<crate::value::Array>>,
    /// The errors being handled by the catch blocks running now (innermost last), for a bare `throw`.
    catching: Vec<RuntimeError>,
    /// Set by a bare `throw`: the record is already in `$Error` and is not added again.
    rethrown: Option<crate::value::ErrorRecord>,
    try_depth: usize,
    /// Write-Host -NoNewline text waiting for the rest of its line.
    host_partial: String,
    /// Functions being called, with the position of each call (Write-Error reports its caller).
    call_stack: Vec<(Rc<str>, crate::value::ErrorPosition)>,
    /// The top-level statement running now.
    top_statement: crate::syntax::Span,
    /// True while a script's own `param()` block is being bound.
    script_binding: bool,
    /// The clock when the session started.
    start_time: i64,
    /// What the session is connected to and has loaded.
    session: crate::cmdlet::Session,
}

impl Engine {
    /// True when a command can run now: its version has it, and an Exchange cmdlet needs the
    /// Exchange session (after Disconnect-ExchangeOnline its proxy functions are gone). The EXO
    /// REST cmdlets belong to the ExchangeOnlineManagement module itself, so they stay and
    /// report the missing connection themselves.
    pub(crate) fn command_available(&self, sig: &crate::cmdlet::Signature) -> bool {
        sig.available_in(self.directory.org.version)
            && (sig.origin != crate::cmdlet::Origin::Exchange
                || self.session.exchange_connected
                || crate::cmdlet::session::from_exo_module(sig.name))
    }

    pub(crate) fn init_variables(&mut self) {
        let v = |s: &str| Value::str(s);
        self.scopes.set(Some("global"), "FormatEnumerationLimit", Value::Int(16));
        self.scopes.set(Some("global"), "ErrorActionPreference", v("Continue"));
        self.scopes.set(Some("global"), "WarningPreference", v("Continue"));
        self.scopes.set(Some("global"), "VerbosePreference", v("SilentlyContinue"));
        self.scopes.set(Some("global"), "ConfirmPreference", v("High"));
        self.scopes.set(Some("global"), "WhatIfPreference", Value::Bool(false));
        self.scopes.set(Some("global"), "OFS", v(" "));
        self.scopes.set(Some("global"), "PSScriptRoot", v(""));
        self.scopes.set(Some("global"), "HOME", v("C:\\Users\\Administrator"));
        // EMS starts in system32; a Windows PowerShell window for Exchange Online in the profile.
        let pwd = if self.directory.org.version.is_on_premises() {
            "C:\\Windows\\system32"
        } else {
            "C:\\Users\\Administrator"
        };
        self.scopes.set(Some("global"), "PWD", v(pwd));
        self.scopes.set(Some("global"), "LASTEXITCODE", Value::Int(0));
        let mut ver = crate::value::PsObject::new(&["System.Collections.Hashtable"]);
        ver.set("PSVersion", v("5.1.17763.1"));
        ver.set("PSEdition", v("Desktop"));
        self.scopes.set(Some("global"), "PSVersionTable", Value::object(ver));
    }

    /// The grammar scripts are parsed with: PowerShell 7's in the Online profile (a pwsh 7 window
    /// with the ExchangeOnlineManagement module), Windows PowerShell 5.1's on premises.
    pub fn parse_options(&self) -> syntax::ParseOptions {
        let version = if self.directory.org.version.is_on_premises() {
            syntax::LanguageVersion::Desktop51
        } else {
            syntax::LanguageVersion::Pwsh7
        };
        syntax::ParseOptions::new(version)
    }

    /// A new engine over an organization.
    pub fn new(host: Box<dyn Host>, registry: Registry, directory: Directory) -> Engine {
        let width = host.width();
        let directory_version = directory.org.version;
        let online = !directory.org.version.is_on_premises();
        let v2010 = directory.org.version == crate::directory::ExchangeVersion::Exchange2010;
        let mut e = Engine {
            host,
            registry,
            directory,
            changes: Vec::new(),
            scopes: Scopes::new(),
            functions: Default::default(),
            output: Output::new(width, online, v2010),
            collectors: Vec::new(),
            pending_stream: None,
            held_lines: Vec::new(),
            source: Rc::from(""),
            file: None,
            last_success: true,
            request_counter: 0,
            confirm_all: None,
            errors: Default::default(),
            catching: Vec::new(),
            rethrown: None,
            try_depth: 0,
            host_partial: String::new(),
            call_stack: Vec::new(),
            top_statement: crate::syntax::Span::default(),
            script_binding: false,
            session: crate::cmdlet::Session::for_version(directory_version),
            start_time: 0,
        };
        e.start_time = e.host.now();
        e.init_variables();
        e
    }

    /// The organization as changed so far.
    pub fn directory(&self) -> &Directory {
        &self.directory
    }

    /// Replaces the organization (the REPL does this after a save merged other processes' changes).
    pub fn set_directory(&mut self, directory: Directory) {
        self.directory = directory;
    }

    /// The changes made so far, in order.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Forgets the recorded changes (after they were saved).
    pub fn clear_changes(&mut self) {
        self.changes.clear();
    }

    /// The command table.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Names of user-defined functions.
    pub fn function_names(&self) -> Vec<String> {
        self.functions.keys().cloned().collect()
    }

    /// Names of variables visible now.
    pub fn variable_names(&self) -> Vec<String> {
        self.scopes.names()
    }

    /// The local zone's offset from UTC (seconds) near a local wall-clock time.
    pub(crate) fn local_offset(&self, wall_secs: i64) -> i32 {
        let guess = self.host.utc_offset(wall_secs);
        self.host.utc_offset(wall_secs - guess as i64)
    }

    /// The host zone's offset from UTC (seconds) at a UTC instant.
    pub(crate) fn host_offset(&self, utc_secs: i64) -> i32 {
        self.host.utc_offset(utc_secs)
    }

    /// The local wall-clock time now (seconds since 1970-01-01 00:00 on the local clock).
    pub(crate) fn local_now(&self) -> i64 {
        let now = self.host.now();
        now + self.host.utc_offset(now) as i64
    }

    /// The host.
    pub fn host_mut(&mut self) -> &mut dyn Host {
        self.host.as_mut()
    }

    /// Runs a script file's text (`-File`): one output session for the whole script.
    pub fn run_script(&mut self, src: &str, file: Option<&str>, args: &[ScriptArg]) -> Outcome {
        let outcome = self.run_text(src, file, args, true);
        self.flush_output();
        outcome
    }

    /// Runs one interactive line or a `-Command` text: its own output session.
    pub fn run_line(&mut self, src: &str) -> Outcome {
        let outcome = self.run_text(src, None, &[], false);
        self.flush_output();
        outcome
    }

    fn run_text(&mut self, src: &str, file: Option<&str>, args: &[ScriptArg], script_scope: bool) -> Outcome {
        let script = match syntax::parse_with(src, self.parse_options()) {
            Ok(s) => s,
            Err(e) => {
                let rec = errors::parse_error_record(&e, src, file);
                self.write_error_record(&rec);
                self.last_success = false;
                return Outcome { exit_code: 1, last_success: false, exited: false };
            }
        };
        self.source = Rc::from(src);
        self.file = file.map(Rc::from);
        if script_scope {
            self.scopes.push_script();
            if let Some(f) = file {
                // A script named without a folder lives in the current one: `$PSScriptRoot\x.csv` must
                // stay relative (`.\x.csv`), not become the root-anchored `\x.csv`.
                let root = std::path::Path::new(f)
                    .parent()
                    .map(|p| p.to_string_lossy().to_string())
                    .filter(|p| !p.is_empty())
                    .unwrap_or_else(|| ".".into());
                self.scopes.set_local("PSScriptRoot", Value::str(root));
                self.scopes.set_local("PSCommandPath", Value::str(f));
            }
        }
        let mut result = Outcome { exit_code: 0, last_success: true, exited: false };
        let bound = match &script.param_block {
            Some(pb) => self.bind_script_params(pb, args),
            None => {
                let vals: Vec<Value> = args
                    .iter()
                    .map(|a| match a {
                        ScriptArg::Named(n, v) => Value::str(match v {
                            Some(v) => format!("-{n}:{v}"),
                            None => format!("-{n}"),
                        }),
                        ScriptArg::Positional(p) => Value::str(p),
                    })
                    .collect();
                self.scopes.set_local("args", Value::array(vals));
                Ok(())
            }
        };
        let flow = match bound {
            Ok(()) => self.exec_top(&script.statements),
            Err(flow) => Err(flow),
        };
        match flow {
            Ok(()) => {}
            Err(Flow::Exit(code)) => {
                result.exit_code = code;
                result.exited = true;
            }
            Err(Flow::Error(e)) => {
                self.report_runtime_error(&e);
                result.exit_code = 1;
                self.last_success = false;
            }
            Err(Flow::Return) | Err(Flow::Break(_)) | Err(Flow::Continue(_)) => {}
        }
        if script_scope {
            self.scopes.pop_script();
        }
        result.last_success = self.last_success;
        result
    }

    /// Writes an error record to the error stream and `$Error`.
    pub(crate) fn write_error_record(&mut self, rec: &ErrorRecord) {
        self.errors.borrow_mut().insert(0, rec.to_value());
        let text = output::render_error(rec, self.host.width());
        let colors = self.host.colors();
        let w = self.host.err();
        let text = if colors { crate::format::colorize(&text, Some("Red"), None) } else { text };
        let _ = w.write_all(text.as_bytes());
        let _ = w.flush();
    }

    fn report_runtime_error(&mut self, e: &RuntimeError) {
        let rec = e.record.clone();
        self.flush_output();
        self.write_error_record(&rec);
    }

    /// The id of the (simulated) remote runspace the Exchange cmdlets run in, fixed for the session.
    pub(crate) fn runspace_id(&self) -> String {
        errors::request_id(0x5EED, self.start_time)
    }

    /// Ends the current output session (tables close with their trailing blank lines).
    pub fn flush_output(&mut self) {
        let host = self.host.as_mut();
        self.output.finish(host);
    }
}
