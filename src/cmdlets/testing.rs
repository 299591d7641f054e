//! A mock [`Context`] for cmdlet unit tests: it holds a `Directory::sample`, records output,
//! warnings, errors, verbose and host lines and What if lines, applies changes directly, and
//! answers every ShouldProcess with yes (or prints What if under `whatif`).

use std::collections::HashMap;
use std::rc::Rc;

use crate::cmdlet::bind::{Arg, BindError, ParamList, cmdlet_converter};
use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, Color, Context, ExchangeErrorKind, FileAccess, FileError, ItemInfo,
    Signature, WinPath,
};
use crate::directory::{Change, Directory, ExchangeVersion};
use crate::syntax::{ScriptBlock, Span};
use crate::value::Value;

/// Files are not available to cmdlet unit tests.
#[derive(Default)]
pub struct NoFiles {
    stack: Vec<(String, WinPath)>,
}

impl FileAccess for NoFiles {
    fn location(&self) -> WinPath {
        WinPath::drive('C')
    }
    fn set_location(&mut self, _to: WinPath) {}
    fn location_stack(&mut self) -> &mut Vec<(String, WinPath)> {
        &mut self.stack
    }
    fn read_bytes(&mut self, _p: &WinPath) -> Result<Vec<u8>, FileError> {
        Err(FileError::NotFound)
    }
    fn write_bytes(&mut self, _p: &WinPath, _bytes: &[u8], _append: bool) -> Result<(), FileError> {
        Err(FileError::Denied)
    }
    fn stat(&mut self, _p: &WinPath) -> Option<ItemInfo> {
        None
    }
    fn list(&mut self, _p: &WinPath) -> Result<Vec<ItemInfo>, FileError> {
        Err(FileError::PartNotFound)
    }
    fn create_dir(&mut self, _p: &WinPath) -> Result<(), FileError> {
        Err(FileError::Denied)
    }
    fn remove_item(&mut self, _p: &WinPath, _recursive: bool) -> Result<(), FileError> {
        Err(FileError::NotFound)
    }
    fn copy_file(&mut self, _from: &WinPath, _to: &WinPath) -> Result<(), FileError> {
        Err(FileError::NotFound)
    }
    fn rename(&mut self, _from: &WinPath, _to: &WinPath) -> Result<(), FileError> {
        Err(FileError::NotFound)
    }
}

/// The mock context.
pub struct MockContext {
    /// The organization.
    pub dir: Directory,
    /// Objects written to output.
    pub out: Vec<Value>,
    /// Warning texts (without `WARNING: `).
    pub warnings: Vec<String>,
    /// Errors written through `error`.
    pub errors: Vec<CmdletError>,
    /// Verbose lines.
    pub verbose: Vec<String>,
    /// Host (Write-Host) texts.
    pub host: Vec<String>,
    /// `What if: …` lines.
    pub what_if: Vec<String>,
    /// Every ShouldProcess action asked.
    pub actions: Vec<String>,
    /// Changes applied.
    pub changes: Vec<Change>,
    /// -WhatIf in effect.
    pub whatif: bool,
    /// Variables visible through `variable`.
    pub vars: HashMap<String, Value>,
    /// Commands for `commands` / `signature_of`.
    pub registry: Vec<Box<dyn Cmdlet>>,
    /// The session's connection state.
    pub session: crate::cmdlet::Session,
    files: NoFiles,
}

impl MockContext {
    /// A context over the sample organization of `version`.
    pub fn new(version: ExchangeVersion) -> Self {
        MockContext {
            dir: Directory::sample(version),
            out: Vec::new(),
            warnings: Vec::new(),
            errors: Vec::new(),
            verbose: Vec::new(),
            host: Vec::new(),
            what_if: Vec::new(),
            actions: Vec::new(),
            changes: Vec::new(),
            whatif: false,
            vars: HashMap::new(),
            registry: Vec::new(),
            session: crate::cmdlet::Session::for_version(version),
            files: NoFiles::default(),
        }
    }

    /// Clears the captured streams (not the directory).
    pub fn clear(&mut self) {
        self.out.clear();
        self.warnings.clear();
        self.errors.clear();
        self.what_if.clear();
        self.actions.clear();
        self.changes.clear();
    }
}

impl Context for MockContext {
    fn output(&mut self, v: Value) {
        self.out.push(v);
    }
    fn warning(&mut self, text: &str) {
        self.warnings.push(text.to_string());
    }
    fn verbose(&mut self, text: &str) {
        self.verbose.push(text.to_string());
    }
    fn error(&mut self, e: CmdletError) -> CmdletResult {
        self.errors.push(e);
        Ok(())
    }
    fn host(&mut self, text: &str, _fg: Option<Color>, _bg: Option<Color>, _newline: bool) {
        self.host.push(text.to_string());
    }
    fn read_line(&mut self, _prompt: &str, _secure: bool) -> Result<Option<String>, CmdletError> {
        Ok(None)
    }
    fn directory(&self) -> &Directory {
        &self.dir
    }
    fn apply(&mut self, change: Change) -> CmdletResult {
        self.dir
            .apply(&change)
            .map_err(|e| CmdletError::exchange(ExchangeErrorKind::InvalidOperation, e.to_string()))?;
        self.changes.push(change);
        Ok(())
    }
    fn should_process(&mut self, action: &str) -> Result<bool, CmdletError> {
        self.actions.push(action.to_string());
        if self.whatif {
            self.what_if.push(format!("What if: {action}"));
            return Ok(false);
        }
        Ok(true)
    }
    fn invoke(&mut self, _b: &Rc<ScriptBlock>, _d: Option<Value>, _a: Vec<Value>) -> Result<Vec<Value>, CmdletError> {
        Err(CmdletError::exchange(
            ExchangeErrorKind::InvalidOperation,
            "script blocks are not available in cmdlet tests",
        ))
    }
    fn files(&mut self) -> &mut dyn FileAccess {
        &mut self.files
    }
    fn width(&self) -> usize {
        120
    }
    fn now(&self) -> i64 {
        0
    }
    fn variable(&self, name: &str) -> Option<Value> {
        self.vars.get(&name.to_ascii_lowercase()).cloned()
    }
    fn commands(&self) -> Vec<(String, String, String)> {
        self.registry.iter().map(|c| (c.signature().name.to_string(), "Cmdlet".to_string(), String::new())).collect()
    }
    fn signature_of(&self, name: &str) -> Option<Signature> {
        let version = self.dir.org.version;
        self.registry.iter().map(|c| c.signature().in_version(version)).find(|s| s.name.eq_ignore_ascii_case(name))
    }
    fn session(&mut self) -> &mut crate::cmdlet::Session {
        &mut self.session
    }
}

/// Runs a cmdlet once (begin, one process, end) with named arguments, a `Value` for each, bound
/// through the real binder against the cmdlet's signature in the context's Exchange version: a
/// misspelt or undeclared parameter name, a value of the wrong type or a missing mandatory
/// parameter fails the test.
pub fn run(cmdlet: &dyn Cmdlet, cx: &mut MockContext, args: &[(&str, Value)]) -> CmdletResult {
    let bound = bind(cmdlet, cx, args).unwrap_or_else(|e| panic!("binding failed: {e}"));
    let mut state = Vec::new();
    cmdlet.begin(cx, &bound, &mut state)?;
    cmdlet.process(cx, &bound, &mut state)?;
    cmdlet.end(cx, &bound, &mut state)
}

/// Binds named arguments as the engine would (`-Name:value` for each), returning the binder's
/// error message on failure.
pub fn bind(cmdlet: &dyn Cmdlet, cx: &MockContext, args: &[(&str, Value)]) -> Result<BoundArgs, String> {
    let sig = cmdlet.signature();
    let list = ParamList::of_signature(&sig, cx.directory().org.version);
    let line: Vec<Arg> = args
        .iter()
        .map(|(k, v)| Arg::Named { name: k.to_string(), value: Some(v.clone()), span: Span::default() })
        .collect();
    let mut conv = cmdlet_converter(sig.origin);
    let mut b = list.bind_command_line(&line, &mut conv).map_err(|e| e.message)?;
    let missing = list.finish(&mut b.args, &b.sets, false).map_err(|e| e.message)?;
    if !missing.is_empty() {
        return Err(BindError::missing_mandatory(&missing).message);
    }
    Ok(b.args)
}

/// A string argument.
pub fn s(text: &str) -> Value {
    Value::str(text)
}

/// An array of strings.
pub fn list(items: &[&str]) -> Value {
    Value::array(items.iter().map(Value::str).collect())
}

/// The message of an error.
pub fn message(e: &CmdletError) -> String {
    match e {
        CmdletError::Exchange { message, .. } => message.clone(),
        CmdletError::Record(r) => r.message.clone(),
        CmdletError::Unwind(_) => "<unwind>".into(),
    }
}

/// A property of an object as a string.
pub fn prop(v: &Value, name: &str) -> String {
    v.property(name).map(|p| crate::value::convert::to_string(&p)).unwrap_or_else(|| format!("<no {name}>"))
}
