//! The evaluator: runs an AST against a [`Host`], a command [`Registry`] and a [`Directory`].
//!
//! Owns scopes, functions, the object pipeline, the parameter binder, error and warning streams,
//! ShouldProcess, and the list of changes a run made. Invariants: no I/O except through the host;
//! never imports `cmdlets` (commands arrive through the registry) or `store`.

mod automatic;
mod automation_null;
mod bind;
mod classes;
mod context;
mod convert_more;
mod convert_to;
mod dates;
mod error_action;
mod errors;
mod eval;
mod exceptions;
mod hashset_methods;
pub mod host;
mod host_prompts;
mod intrinsic_methods;
mod invoke;
mod methods;
mod modules;
mod native;
mod ops;
mod output;
mod principal;
mod pscmdlet;
mod psobject_view;
mod pwsh7;
mod redirect;
mod refs;
mod regex_methods;
mod scope;
mod scripts;
mod should_process;
mod statics;
mod stopwatch;
#[cfg(test)]
mod test_support;
mod trap;
mod types;
mod void_methods;

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
/// What is left of the fuzz harness's budget (`Engine::set_step_budget`).
#[derive(Clone, Copy, Debug)]
struct Budget {
    left: u64,
    deadline: Option<std::time::Instant>,
}

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
    /// A command asked to stop the commands before it in its pipeline (Select-Object -First):
    /// unwinds them (`catch` and `trap` do not see it, `finally` runs) up to the pipeline runner
    /// that owns the stage with this id (PowerShell's StopUpstreamCommandsException).
    StopUpstream(u64),
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
    /// A script file (`& .\x.ps1`): its own script scope, `$PSScriptRoot`, and `exit` ends only it.
    pub script: bool,
    /// The name the call used (`$MyInvocation.InvocationName`): as typed, or `&` / `.`.
    pub invoked_as: Option<Rc<str>>,
    /// The script module the function belongs to: it runs in that module's scopes.
    pub module: Option<Rc<str>>,
}

impl Engine {
    /// A function defined by the running code (a `function` statement, `Set-Item function:`, a
    /// script block invoked by `&`): from the current source and file, in the current module.
    pub(crate) fn local_function(&self, name: &str, body: Rc<ScriptBlock>) -> Function {
        Function {
            name: Rc::from(name),
            body,
            source: self.source.clone(),
            file: self.file.clone(),
            dot: false,
            script: false,
            invoked_as: None,
            module: self.modules.current.clone(),
        }
    }
}

/// The interpreter.
pub struct Engine {
    host: Box<dyn Host>,
    registry: Registry,
    directory: Directory,
    changes: Vec<Change>,
    scopes: Scopes,
    /// The script modules imported (`Import-Module .\x.psm1`) and the one running now.
    modules: modules::Modules,
    output: Output,
    /// Where emitted objects go, innermost last: a buffer (`capture`), or the rest of a pipeline
    /// a function is streaming into. Empty at the top: objects go to Out-Default.
    collectors: Vec<invoke::Collector>,
    /// The downstream stages of a pipeline, handed from the pipeline runner to the function step it
    /// is about to run (see `invoke::Collector::Stream`).
    pending_stream: Option<invoke::Tail>,
    /// The last pipeline stage id handed out (`Flow::StopUpstream` names a stage by it).
    stage_ids: u64,
    /// Host lines held until the objects written before them have gone down the pipeline.
    held_lines: Vec<String>,
    /// The text spans refer to, and the file it came from.
    source: Rc<str>,
    file: Option<Rc<str>>,
    last_success: bool,
    request_counter: u64,
    /// Get-Random's generator state (splitmix64), seeded from the host at first use.
    rng: Option<u64>,
    /// Set while a confirmation prompt answered "Yes to All"/"No to All" for the current command.
    confirm_all: Option<bool>,
    /// `$Error`: one live list (newest first) that `$Error.Clear()` empties.
    errors: Rc<std::cell::RefCell<crate::value::Array>>,
    /// The errors being handled by the catch blocks running now (innermost last), for a bare `throw`.
    catching: Vec<RuntimeError>,
    /// Set by a bare `throw`: the record is already in `$Error` and is not added again.
    rethrown: Option<crate::value::ErrorRecord>,
    try_depth: usize,
    /// Statement lists with traps being run in the current function (errors in nested blocks
    /// unwind to them instead of being reported in place).
    trap_depth: usize,
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
    /// The enums and classes the script defined (shared with the parameter converter).
    types: Rc<std::cell::RefCell<types::UserTypes>>,
    /// The enum definitions already turned into types (each is defined once).
    enum_defs: Vec<Rc<syntax::EnumDef>>,
    /// The class methods running now: the scope depth of each and the value its `return` gave.
    method_returns: Vec<(usize, Option<Value>)>,
    /// Nesting of `ToString()` overrides being evaluated for display (bounded).
    display_depth: usize,
    /// Error records a running `2> file` collects (innermost last).
    captured_errors: Vec<Vec<Value>>,
    /// Warnings a running `3> file` collects (innermost last).
    captured_warnings: Vec<Vec<Value>>,
    /// The calls running now, innermost last (`$MyInvocation`).
    invocations: Vec<scripts::Invocation>,
    /// `-NonInteractive`: prompts fail at once instead of reading input.
    non_interactive: bool,
    /// `[Net.ServicePointManager]::SecurityProtocol` once a script set it (the flags' bits).
    security_protocol: Option<u64>,
    /// The fuzz harness's budget (`set_step_budget`); `None` (always, outside the harness) is no limit.
    budget: Option<Budget>,
    /// How many collections deep method enumeration is now (`methods::MAX_MEMBER_DEPTH`).
    member_depth: usize,
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
        // EMS's RemoteExchange.ps1 raises it to 16; Exchange Online runs in plain pwsh, where it is 4.
        let limit = if self.directory.org.version.is_on_premises() { 16 } else { 4 };
        self.scopes.set(Some("global"), "FormatEnumerationLimit", Value::Int(limit));
        self.scopes.set(Some("global"), "ErrorActionPreference", v("Continue"));
        self.scopes.set(Some("global"), "WarningPreference", v("Continue"));
        self.scopes.set(Some("global"), "VerbosePreference", v("SilentlyContinue"));
        self.scopes.set(Some("global"), "ConfirmPreference", v("High"));
        self.scopes.set(Some("global"), "WhatIfPreference", Value::Bool(false));
        self.scopes.set(Some("global"), "OFS", v(" "));
        // 5.1's InitialSessionState sets "NormalView"; PowerShell 7's default is ConciseView
        // (InitialSessionState.DefaultErrorView).
        let error_view = if self.directory.org.version.is_on_premises() { "NormalView" } else { "ConciseView" };
        self.scopes.set(Some("global"), "ErrorView", v(error_view));
        self.scopes.set(Some("global"), "PSScriptRoot", v(""));
        self.scopes.set(Some("global"), "HOME", v("C:\\Users\\Administrator"));
        // EMS starts in system32; a Windows PowerShell window for Exchange Online in the profile.
        let pwd = if self.directory.org.version.is_on_premises() {
            "C:\\Windows\\system32"
        } else {
            "C:\\Users\\Administrator"
        };
        self.scopes.set(Some("global"), "PWD", v(pwd));
        if let Some(start) = crate::cmdlet::WinPath::absolute(pwd) {
            self.host.files().start_in(start);
        }
        self.scopes.set(Some("global"), "LASTEXITCODE", Value::Int(0));
        self.init_host_variables();
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
            modules: Default::default(),
            output: Output::new(width, online, v2010),
            collectors: Vec::new(),
            pending_stream: None,
            stage_ids: 0,
            held_lines: Vec::new(),
            source: Rc::from(""),
            file: None,
            last_success: true,
            request_counter: 0,
            rng: None,
            confirm_all: None,
            // `$Error` is an ArrayList, newest first.
            errors: std::rc::Rc::new(std::cell::RefCell::new(crate::value::Array {
                items: Vec::new(),
                kind: crate::value::ArrayKind::ArrayList,
                elem: None,
            })),
            catching: Vec::new(),
            rethrown: None,
            try_depth: 0,
            trap_depth: 0,
            host_partial: String::new(),
            call_stack: Vec::new(),
            top_statement: crate::syntax::Span::default(),
            script_binding: false,
            session: crate::cmdlet::Session::for_version(directory_version),
            types: Rc::default(),
            enum_defs: Vec::new(),
            method_returns: Vec::new(),
            display_depth: 0,
            captured_errors: Vec::new(),
            captured_warnings: Vec::new(),
            start_time: 0,
            invocations: Vec::new(),
            non_interactive: false,
            security_protocol: None,
            budget: None,
            member_depth: 0,
        };
        e.start_time = e.host.now();
        e.init_variables();
        let builtins: Vec<crate::cmdlet::AliasEntry> = e
            .registry
            .builtin_aliases()
            .map(|(a, t, o)| crate::cmdlet::AliasEntry {
                name: a.into(),
                definition: t.into(),
                options: o,
                description: String::new(),
            })
            .collect();
        for a in builtins {
            e.scopes.define_global_alias(a);
        }
        e
    }

    /// `-NonInteractive`: Read-Host, mandatory-parameter prompts and confirmations fail at once.
    pub fn set_non_interactive(&mut self, on: bool) {
        self.non_interactive = on;
    }

    /// Bounds a run for the fuzz harness (`tests/fuzz.rs`): after `steps` statement lists,
    /// expressions and pipeline records, or once `deadline` has passed (checked at every step: one
    /// step may be slow, e.g. an error about a 50 KB command name),
    /// every further step fails with "The pipeline has been stopped." (PipelineStoppedException, as
    /// when a user stops a run). exsh itself never sets a budget; `None` removes it.
    pub fn set_step_budget(&mut self, steps: Option<u64>, deadline: Option<std::time::Instant>) {
        self.budget = steps.map(|left| Budget { left, deadline });
    }

    /// One step of the harness's budget (a no-op without one).
    #[inline]
    pub(crate) fn step(&mut self) -> eval::EvalResult<()> {
        self.charge(1)
    }

    /// `n` steps of the harness's budget at once: what building an `n`-element range or an
    /// `n`-character repetition costs, so that a harness run never allocates more than its budget.
    pub(crate) fn charge(&mut self, n: u64) -> eval::EvalResult<()> {
        let Some(b) = self.budget.as_mut() else { return Ok(()) };
        let timed_out = b.deadline.is_some_and(|d| std::time::Instant::now() >= d);
        if b.left < n || timed_out {
            b.left = 0;
            let mut e =
                errors::runtime("The pipeline has been stopped.", "PipelineStopped", "OperationStopped", ":", None);
            e.record.exception_type = "System.Management.Automation.PipelineStoppedException".into();
            e.fatal = true;
            return Err(Flow::Error(Box::new(e)));
        }
        b.left -= n;
        Ok(())
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
        self.scopes.visible_functions().iter().map(|f| f.name.to_string()).collect()
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
        if let Some(f) = file
            && let Some(e) = self.check_requires(src, f)
        {
            self.report_runtime_error(&e);
            self.last_success = false;
            return Outcome { exit_code: 1, last_success: false, exited: false };
        }
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
            Err(Flow::Return) | Err(Flow::Break(_)) | Err(Flow::Continue(_)) | Err(Flow::StopUpstream(_)) => {}
        }
        if script_scope {
            self.scopes.pop_script();
        }
        result.last_success = self.last_success;
        result
    }

    /// Writes an error record to the error stream and `$Error`.
    pub(crate) fn write_error_record(&mut self, rec: &ErrorRecord) {
        self.transcribe();
        self.errors.borrow_mut().insert(0, errors::record_value(rec));
        let style = self.error_style();
        let text = output::render_error(rec, self.host.width(), style);
        let colors = self.host.colors();
        let w = self.host.err();
        let text = if colors { crate::format::colorize(&text, Some("Red"), None) } else { text };
        let _ = w.write_all(text.as_bytes());
        let _ = w.flush();
        if let Some(t) = self.output.tee.as_mut() {
            t.extend_from_slice(output::render_error(rec, self.host.width(), style).as_bytes());
        }
        self.transcribe();
    }

    /// How error records print now: `$ErrorView`, read by the view script of the profile's shell
    /// (PowerShell 7.4 in the Online profile, Windows PowerShell 5.1 on premises).
    pub(crate) fn error_style(&self) -> crate::format::ErrorStyle {
        let pwsh7 = !self.directory.org.version.is_on_premises();
        let view = self.scopes.get(None, "ErrorView").map(|v| crate::value::convert::to_string(&v));
        crate::format::ErrorStyle::from_variable(view.as_deref(), pwsh7)
    }

    /// Copies what the host was given since the last call into the open transcript file
    /// (Start-Transcript sets `Session::transcript`); starts or stops collecting with it.
    pub(crate) fn transcribe(&mut self) {
        match (&self.session.transcript, self.output.tee.is_some()) {
            (None, false) => {}
            (None, true) => self.output.tee = None,
            (Some(_), false) => self.output.tee = Some(Vec::new()),
            (Some(path), true) => {
                let path = path.clone();
                let bytes = self.output.tee.as_mut().map(std::mem::take).unwrap_or_default();
                if !bytes.is_empty() {
                    let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n").replace('\n', "\r\n");
                    let _ = self.host.files().write_bytes(&path, text.as_bytes(), true);
                }
            }
        }
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
        self.transcribe();
    }
}
