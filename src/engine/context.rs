//! The cmdlet context: the [`Context`] a running cmdlet gets, through which it writes output,
//! warnings, verbose text and errors, asks ShouldProcess, reads the directory and applies changes.

use std::rc::Rc;

use super::Engine;
use super::Flow;
use super::error_action::{ErrorOutcome, Redirects};
use crate::cmdlet::bind::{ACTION_PREFERENCE, Common};
use crate::cmdlet::{CmdletError, CmdletResult, Color, Context, FileAccess, Origin, Signature};
use crate::directory::{Change, Directory};
use crate::syntax::{ScriptBlock, Span};
use crate::value::{Value, convert};

/// The cmdlet context handed to a running cmdlet.
pub(crate) struct Cx<'a> {
    en: &'a mut Engine,
    sig: &'a Signature,
    common: &'a Common,
    span: Span,
    /// The running command's redirections, which its non-terminating errors honour.
    redirects: Redirects,
    pub(crate) out: Vec<Value>,
    /// Warnings written after objects of this step: they reach the host once those objects have
    /// gone down the pipeline, so a cmdlet's closing warning follows its rows as in PowerShell,
    /// whose objects stream to Out-Default as they are written.
    pub(crate) held: Vec<String>,
    /// The cmdlet asked to stop the commands before it (`Context::stop_upstream`).
    pub(crate) stop_upstream: bool,
}

impl<'a> Cx<'a> {
    pub(crate) fn new(
        en: &'a mut Engine,
        sig: &'a Signature,
        common: &'a Common,
        span: Span,
        redirects: Redirects,
    ) -> Self {
        Cx { en, sig, common, span, redirects, out: Vec::new(), held: Vec::new(), stop_upstream: false }
    }
}

impl Context for Cx<'_> {
    fn stop_upstream(&mut self) {
        self.stop_upstream = true;
    }

    fn output(&mut self, v: Value) {
        // Implicit remoting (EMS 2010-2019) tags every object a remote cmdlet writes with the
        // runspace it came from; it is the first property Format-List and Export-Csv show.
        if self.sig.origin == Origin::Exchange && self.en.directory.org.version.is_on_premises() {
            if let Value::Object(o) = &v {
                let remote = o.borrow().type_names.first().map(|t| t.starts_with("Deserialized.")).unwrap_or(false);
                if remote && !o.borrow().has("RunspaceId") {
                    let id = self.en.runspace_id();
                    o.borrow_mut().set_first("RunspaceId", Value::str(id));
                    // Deserialization turns every collection property into an ArrayList (what
                    // Export-Csv then prints for AccessRights, EmailAddresses, …).
                    for (_, pv) in o.borrow().iter() {
                        if let Value::Array(a) = pv {
                            a.borrow_mut().kind = crate::value::ArrayKind::ArrayList;
                        }
                    }
                }
            }
        }
        self.out.push(v);
    }

    fn warning(&mut self, text: &str) {
        if let Some(var) = &self.common.warning_variable {
            let mut cur = self.en.scopes.get(None, var).map(|v| v.enumerate()).unwrap_or_default();
            cur.push(Value::str(text));
            self.en.scopes.set_local(var, Value::array(cur));
        }
        let action = self.common.warning_action.unwrap_or_else(|| {
            let pref =
                self.en.scopes.get(None, "WarningPreference").map(|v| convert::to_string(&v)).unwrap_or_default();
            ACTION_PREFERENCE.parse(&pref).map(|e| e.bits).unwrap_or(2)
        });
        if action == 0 || action == 4 || self.redirects.discard_warnings {
            return;
        }
        if self.redirects.warnings_to_output {
            self.out.push(Value::str(text));
            return;
        }
        if self.redirects.warnings_to_file {
            if let Some(top) = self.en.captured_warnings.last_mut() {
                top.push(Value::str(text));
                return;
            }
        }
        let line = crate::format::warning_line(text, self.en.host.colors());
        if self.out.is_empty() {
            self.en.host_line(&line);
        } else {
            self.held.push(line);
        }
    }

    fn verbose(&mut self, text: &str) {
        if self.common.verbose && !self.redirects.discard_verbose {
            let line = format!("VERBOSE: {text}");
            self.en.host_line(&line);
        }
    }

    fn error(&mut self, e: CmdletError) -> CmdletResult {
        let rec = self.en.cmdlet_error_record(self.sig, e, self.span);
        let remote = self.sig.origin == Origin::Exchange;
        match self.en.handle_error(rec, self.common, self.redirects, remote) {
            ErrorOutcome::Continue => Ok(()),
            ErrorOutcome::Merged(v) => {
                self.out.push(v);
                Ok(())
            }
            ErrorOutcome::Stop(e) => Err(CmdletError::Unwind(Box::new(Flow::Error(e)))),
        }
    }

    fn host(&mut self, text: &str, foreground: Option<Color>, background: Option<Color>, newline: bool) {
        let colored = if self.en.host.colors() {
            // `Color`'s variant names are the [ConsoleColor] names the format layer knows.
            let (fg, bg) = (foreground.map(|c| format!("{c:?}")), background.map(|c| format!("{c:?}")));
            crate::format::colorize(text, fg.as_deref(), bg.as_deref())
        } else {
            text.to_string()
        };
        if newline {
            let pending = std::mem::take(&mut self.en.host_partial);
            self.en.host_line(&format!("{pending}{colored}"));
        } else {
            self.en.host_partial.push_str(&colored);
        }
    }

    fn read_line(&mut self, prompt: &str, secure: bool) -> Result<Option<String>, CmdletError> {
        let p = if prompt.is_empty() { String::new() } else { format!("{prompt}: ") };
        Ok(self.en.prompt_read(&p, secure))
    }

    fn directory(&self) -> &Directory {
        &self.en.directory
    }

    fn apply(&mut self, change: Change) -> CmdletResult {
        match self.en.directory.apply(&change) {
            Ok(()) => {
                self.en.changes.push(change);
                Ok(())
            }
            Err(e) => Err(CmdletError::exchange(crate::cmdlet::ExchangeErrorKind::InvalidOperation, e.to_string())),
        }
    }

    fn should_process(&mut self, action: &str) -> Result<bool, CmdletError> {
        self.en.should_process(self.sig, self.common, action)
    }

    fn new_object(&mut self, type_name: &str, args: Vec<Value>) -> Option<Result<Value, CmdletError>> {
        let ty = super::types::resolve(&self.en.types.borrow(), type_name)?;
        if matches!(ty.kind(), Some(super::types::Kind::Static | super::types::Kind::Void)) {
            return None;
        }
        if args.is_empty() && !ty.has_default_constructor() {
            // NewObjectStrings.resx CannotFindAppropriateCtor, with the name as the script wrote it.
            return Some(Err(CmdletError::core(
                format!("A constructor was not found. Cannot find an appropriate constructor for type {type_name}."),
                "System.Management.Automation.PSArgumentException",
                "ObjectNotFound",
                "CannotFindAppropriateCtor",
            )));
        }
        Some(self.en.construct(&ty, args, self.span).map_err(|f| match f {
            // The MethodException (or MethodInvocationException, when the constructor threw) inside.
            Flow::Error(e) => CmdletError::core(
                e.record.message.clone(),
                if e.record.exception_type.ends_with("MethodException") {
                    "System.Management.Automation.MethodException"
                } else {
                    "System.Management.Automation.MethodInvocationException"
                },
                "InvalidOperation",
                "ConstructorInvokedThrowException",
            ),
            other => CmdletError::Unwind(Box::new(other)),
        }))
    }

    fn invoke(
        &mut self,
        block: &Rc<ScriptBlock>,
        dollar_under: Option<Value>,
        args: Vec<Value>,
    ) -> Result<Vec<Value>, CmdletError> {
        if !args.is_empty() {
            self.en.scopes.set_local("args", Value::array(args));
        }
        match self.en.invoke_block_with_underscore(block, dollar_under) {
            Ok(v) => Ok(v),
            Err(f) => Err(CmdletError::Unwind(Box::new(f))),
        }
    }

    fn files(&mut self) -> &mut dyn FileAccess {
        self.en.host.files()
    }

    fn width(&self) -> usize {
        self.en.host.width()
    }

    fn now(&self) -> i64 {
        self.en.host.now()
    }

    fn ticks(&self) -> i64 {
        self.en.host.ticks()
    }

    fn utc_offset(&self, utc_secs: i64) -> i32 {
        self.en.host.utc_offset(utc_secs)
    }

    fn variable(&self, name: &str) -> Option<Value> {
        if name.eq_ignore_ascii_case("PWD") {
            if let Some(p) = self.en.host.location() {
                return Some(crate::cmdlet::files::path_info(&p));
            }
        }
        self.en.scopes.get(None, name)
    }

    fn commands(&self) -> Vec<(String, String, String)> {
        let version = self.en.directory.org.version;
        let mut out: Vec<(String, String, String)> = Vec::new();
        let top = self.en.scopes.top();
        for a in crate::cmdlet::AliasStore::aliases_from(&self.en.scopes, top, false) {
            out.push((format!("{} -> {}", a.name, a.definition), "Alias".into(), String::new()));
        }
        for f in self.en.scopes.visible_functions() {
            out.push((f.name.to_string(), "Function".into(), f.module.as_deref().unwrap_or("").to_string()));
        }
        for e in self.en.registry.entries() {
            if e.signature.available_in(version) && self.en.command_available(&e.signature) {
                let online = !version.is_on_premises();
                let src = if online && crate::cmdlet::session::from_exo_module(e.signature.name) {
                    crate::cmdlet::session::EXO_MODULE.to_string()
                } else if e.signature.origin == Origin::Exchange && online {
                    crate::cmdlet::session::EXO_TEMP_MODULE.to_string()
                } else if e.signature.origin == Origin::Exchange {
                    crate::cmdlet::EXCHANGE_MODULE.to_string()
                } else if e.signature.origin == Origin::Exsh {
                    crate::cmdlet::EXSH_MODULE.to_string()
                } else {
                    "Microsoft.PowerShell.Utility".to_string()
                };
                let kind = if e.signature.origin == Origin::Exchange { "Function" } else { "Cmdlet" };
                out.push((e.signature.name.to_string(), kind.into(), src));
            }
        }
        out
    }

    fn session(&mut self) -> &mut crate::cmdlet::Session {
        &mut self.en.session
    }

    fn invoke_text(&mut self, text: &str) -> Result<Vec<Value>, CmdletError> {
        let script = match crate::syntax::parse_with(text, self.en.parse_options()) {
            Ok(s) => s,
            Err(e) => {
                let p = super::errors::position(text, None, e.span);
                let message = format!(
                    "At line:{} char:{}\n+ {}\n+ {}{}\n{}",
                    p.line,
                    p.column,
                    p.line_text,
                    " ".repeat(p.column.saturating_sub(1)),
                    "~".repeat(p.length.max(1)),
                    e.message
                );
                return Err(CmdletError::core(
                    message,
                    "System.Management.Automation.ParseException",
                    "ParserError",
                    e.error_id,
                ));
            }
        };
        let source = std::mem::replace(&mut self.en.source, Rc::from(text));
        let file = self.en.file.take();
        let r = self.en.capture(|e| match e.exec_block(&script.statements) {
            Err(Flow::Return) => Ok(()),
            other => other,
        });
        self.en.source = source;
        self.en.file = file;
        r.map_err(|f| CmdletError::Unwind(Box::new(f)))
    }

    fn invoke_child(
        &mut self,
        block: &Rc<ScriptBlock>,
        dollar_under: Option<Value>,
        args: Vec<Value>,
    ) -> Result<Vec<Value>, CmdletError> {
        let depth = self.en.scopes.depth();
        self.en.scopes.push();
        let r = match &block.param_block {
            // Arguments bind to the block's param() as positional arguments, as `&` binds them.
            Some(pb) => {
                let list: Vec<crate::cmdlet::bind::Arg> = args
                    .into_iter()
                    .map(|value| crate::cmdlet::bind::Arg::Positional { value, span: Span::default() })
                    .collect();
                self.en.bind_function_params(Some(pb), &list, false, "<ScriptBlock>", self.span).map(|_| ())
            }
            None => {
                self.en.scopes.set_local("args", Value::array(args));
                Ok(())
            }
        };
        let r = r.and_then(|()| self.en.invoke_block_with_underscore(block, dollar_under));
        self.en.scopes.truncate(depth);
        r.map_err(|f| CmdletError::Unwind(Box::new(f)))
    }

    fn next_random(&mut self) -> u64 {
        // splitmix64: pure once seeded.
        let state = match self.en.rng {
            Some(s) => s,
            None => self.en.host.random_seed(),
        };
        let state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        self.en.rng = Some(state);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn set_random_seed(&mut self, seed: u64) {
        self.en.rng = Some(seed);
    }

    fn variables(&mut self) -> Option<&mut dyn crate::cmdlet::VariableStore> {
        Some(&mut self.en.scopes)
    }

    fn aliases(&mut self) -> Option<&mut dyn crate::cmdlet::AliasStore> {
        Some(&mut self.en.scopes)
    }

    fn session_items(&mut self) -> Option<&mut dyn crate::cmdlet::SessionItems> {
        Some(&mut *self.en)
    }

    fn function_source(&self, name: &str) -> Option<crate::cmdlet::FunctionSource> {
        let f = self.en.scopes.function(name)?;
        Some(crate::cmdlet::FunctionSource { name: f.name.to_string(), body: f.body.clone(), source: f.source.clone() })
    }

    fn import_module_file(&mut self, request: &crate::cmdlet::modules::ModuleImport) -> Option<CmdletResult> {
        let mut verbose = Vec::new();
        let r = self.en.import_module_file(request, &mut verbose);
        for line in verbose {
            self.verbose(&line);
        }
        Some(r?.map(|out| {
            for v in out {
                self.output(v);
            }
        }))
    }

    fn export_module_member(&mut self, exports: &crate::cmdlet::modules::ModuleExports) -> CmdletResult {
        if self.en.export_module_member(exports) {
            return Ok(());
        }
        Err(CmdletError::core(
            "The Export-ModuleMember cmdlet can only be called from inside a module.",
            "System.InvalidOperationException",
            "PermissionDenied",
            "Modules_CanOnlyExecuteExportModuleMemberInsideAModule",
        ))
    }

    fn script_modules(&mut self, available: bool) -> Vec<Value> {
        self.en.script_module_infos(available)
    }

    fn remove_script_module(&mut self, name: &str) -> bool {
        self.en.remove_script_module(name)
    }

    fn signature_of(&self, name: &str) -> Option<Signature> {
        let version = self.en.directory.org.version;
        // A user alias names its command (`Set-Alias gmp Get-MailboxPermission; Get-Help gmp`).
        let name = self.en.resolve_alias(name).unwrap_or_else(|| name.to_string());
        self.en.registry.get(&name).map(|e| e.signature.clone().in_version(version))
    }
}

impl crate::cmdlet::SessionItems for Engine {
    fn functions(&self) -> Vec<(String, Rc<ScriptBlock>)> {
        let mut out: Vec<(String, Rc<ScriptBlock>)> =
            self.scopes.visible_functions().iter().map(|f| (f.name.to_string(), f.body.clone())).collect();
        out.sort_by_key(|(n, _)| n.to_ascii_lowercase());
        out
    }

    fn remove_function(&mut self, name: &str) -> bool {
        self.scopes.remove_function(name)
    }

    fn define_function(&mut self, name: &str, body: Rc<ScriptBlock>) {
        let f = self.local_function(name, body);
        self.scopes.define_function(None, f);
    }

    fn env_var(&self, name: &str) -> Option<String> {
        match self.get_variable(&crate::syntax::VarRef {
            scope: Some("env".into()),
            name: name.to_string(),
            splat: false,
        }) {
            Value::Null => None,
            v => Some(convert::to_string(&v)),
        }
    }

    fn set_env_var(&mut self, name: &str, value: Option<String>) {
        // A removed variable is kept as $null, which hides the process's own value.
        self.scopes.set(Some("global"), &format!("env:{name}"), value.map(Value::from).unwrap_or(Value::Null));
    }

    fn env_vars(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .scopes
            .env_names()
            .into_iter()
            .filter_map(|n| {
                let v = self.scopes.get(Some("global"), &format!("env:{n}"))?;
                (!v.is_null()).then(|| (n, convert::to_string(&v)))
            })
            .collect();
        out.sort_by_key(|(n, _)| n.to_ascii_lowercase());
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::cmdlet::Color;

    #[test]
    fn every_write_host_colour_has_ansi_codes() {
        for (c, name) in Color::ALL.iter().zip(Color::NAMES) {
            assert_eq!(format!("{c:?}"), name);
            assert!(crate::format::ansi_foreground(name).is_some(), "{name}");
            assert!(crate::format::ansi_background(name).is_some(), "{name}");
        }
    }
}
