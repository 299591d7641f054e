//! Running pipelines: resolving commands, binding, streaming records through begin/process/end,
//! user functions, the cmdlet [`Context`], ShouldProcess, and error-action handling.

use std::rc::Rc;

use super::bind::{self, Arg, Binding, Common};
use super::errors::{self, RuntimeError};
use super::eval::EvalResult;
use super::scope::Frame;
use super::{Engine, Flow, Function, ScriptArg};
use crate::cmdlet::{
    BoundArgs, Cmdlet, CmdletError, CmdletResult, Color, ConfirmImpact, Context, Entry, FileAccess, Origin, Signature,
};
use crate::directory::{Change, Directory};
use crate::syntax::{
    CommandArg, CommandCall, CommandName, Expr, ExprKind, InvocationKind, ParamBlock, Pipeline, PipelineElement,
    RedirectTarget, ScriptBlock, Span,
};
use crate::value::{ErrorRecord, Value, convert};

/// What one pipeline element runs.
enum StageKind {
    Cmdlet {
        entry: Rc<Entry>,
        binding: Binding,
        state: Vec<Value>,
    },
    /// A script function streams like a cmdlet: its scope frame is kept here between its begin,
    /// process (once per record) and end steps. `input` collects records for `$input` when the
    /// function has no process block.
    Function {
        func: Function,
        args: Vec<Arg>,
        input: Vec<Value>,
        has_input: bool,
        frame: Option<Frame>,
        explicit: Vec<String>,
    },
}

/// A command's `2>$null`, `>$null`, `*>$null` and `2>&1` redirections.
#[derive(Clone, Copy, Default)]
struct Redirects {
    discard_errors: bool,
    discard_output: bool,
    errors_to_output: bool,
}

struct Stage {
    kind: StageKind,
    span: Span,
    redirects: Redirects,
    /// "Yes to All" / "No to All" given at this command's confirmation prompt: it lasts for the
    /// whole invocation (every piped record), not only the record that asked.
    confirm_all: Option<bool>,
}

/// Where a stage's error should go after error-action handling.
enum ErrorOutcome {
    Continue,
    /// `2>&1`: the error record joins the command's output.
    Merged(Value),
    Stop(Box<RuntimeError>),
}

impl Engine {
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
        self.scopes.set(Some("global"), "PWD", v("C:\\Windows\\system32"));
        self.scopes.set(Some("global"), "LASTEXITCODE", Value::Int(0));
        let mut ver = crate::value::PsObject::new(&["System.Collections.Hashtable"]);
        ver.set("PSVersion", v("5.1.17763.1"));
        ver.set("PSEdition", v("Desktop"));
        self.scopes.set(Some("global"), "PSVersionTable", Value::object(ver));
    }

    /// Binds a script's `param()` block from command-line arguments.
    pub(crate) fn bind_script_params(&mut self, pb: &ParamBlock, args: &[ScriptArg]) -> EvalResult<()> {
        let args: Vec<Arg> = args
            .iter()
            .map(|a| match a {
                ScriptArg::Named(n, v) => {
                    Arg::Named { name: n.clone(), value: v.as_ref().map(Value::str), span: Span::default() }
                }
                ScriptArg::Positional(p) => Arg::Positional { value: Value::str(p), span: Span::default() },
            })
            .collect();
        let name = self
            .file
            .as_deref()
            .map(|f| f.rsplit(['/', '\\']).next().unwrap_or(f).to_string())
            .unwrap_or_else(|| "script".to_string());
        self.script_binding = true;
        let r = self.bind_function_params(Some(pb), &args, false, &name, Span::default());
        self.script_binding = false;
        r.map(|_| ())
    }

    /// Runs a pipeline, emitting its final output.
    pub(crate) fn run_pipeline(&mut self, p: &Pipeline) -> EvalResult<()> {
        let mut source: Option<Vec<Value>> = None;
        let mut stages: Vec<Stage> = Vec::new();
        for (i, el) in p.elements.iter().enumerate() {
            match el {
                PipelineElement::Expr(e) if i == 0 => {
                    let v = self.eval_expr(e)?;
                    source = Some(match v {
                        Value::Array(a) => a.borrow().to_vec(),
                        other => vec![other],
                    });
                }
                PipelineElement::Expr(e) => {
                    return Err(Flow::Error(Box::new(errors::runtime(
                        "Expressions are only allowed as the first element of a pipeline.",
                        "ExpressionsMustBeFirstInPipeline",
                        "ParserError",
                        ":",
                        Some(self.position(e.span)),
                    ))));
                }
                PipelineElement::Command(c) => {
                    let stage = self.prepare_stage(c, i > 0 || source.is_some())?;
                    match stage {
                        Some(s) => stages.push(s),
                        None => return Ok(()),
                    }
                }
            }
        }
        // `$?` reads the previous statement's status while the arguments are evaluated.
        self.last_success = true;
        if stages.is_empty() {
            for v in source.unwrap_or_default() {
                self.emit(v);
            }
            return Ok(());
        }
        // begin
        for i in 0..stages.len() {
            let out = self.stage_begin(&mut stages, i)?;
            for v in out {
                self.push(&mut stages, i + 1, v)?;
            }
        }
        match source {
            Some(records) => {
                for r in records {
                    self.push(&mut stages, 0, r)?;
                }
            }
            None => {
                let out = self.stage_process(&mut stages, 0, None)?;
                for v in out {
                    self.push(&mut stages, 1, v)?;
                }
            }
        }
        for i in 0..stages.len() {
            let out = self.stage_end(&mut stages, i)?;
            for v in out {
                self.push(&mut stages, i + 1, v)?;
            }
        }
        Ok(())
    }

    fn push(&mut self, stages: &mut Vec<Stage>, i: usize, v: Value) -> EvalResult<()> {
        if i >= stages.len() {
            self.emit(v);
            return Ok(());
        }
        let out = self.stage_process(stages, i, Some(v))?;
        for o in out {
            self.push(stages, i + 1, o)?;
        }
        Ok(())
    }

    /// Evaluates a command's arguments and binds what can be bound before input arrives.
    /// `Ok(None)` means the command failed in a way already reported (the statement ends).
    fn prepare_stage(&mut self, c: &CommandCall, has_input: bool) -> EvalResult<Option<Stage>> {
        let (name, name_span) = match &c.name {
            CommandName::Bare(n, sp) => (n.clone(), *sp),
            CommandName::Expr(e) => {
                let v = self.eval_expr(e)?;
                if let Value::ScriptBlock(sb) = &v {
                    let args = self.eval_args(&c.args)?;
                    let func = Function {
                        name: Rc::from("<ScriptBlock>"),
                        body: sb.clone(),
                        source: self.source.clone(),
                        file: self.file.clone(),
                        dot: false,
                    };
                    return Ok(Some(self.stage_for_function(func, args, c, has_input)));
                }
                (convert::to_string(&v), e.span)
            }
        };
        let redirects = redirections(c);
        let args = self.eval_args(&c.args)?;
        if let Some(func) = self.functions.get(&name.to_ascii_lowercase()).cloned() {
            let mut st = self.stage_for_function(func, args, c, has_input);
            st.redirects = redirects;
            return Ok(Some(st));
        }
        let entry = self.registry.get(&name).filter(|e| e.signature.available_in(self.directory.org.version));
        let Some(entry) = entry else {
            let invocation = match c.invocation {
                InvocationKind::Call => "&",
                InvocationKind::Dot => ".",
                InvocationKind::Plain => name.as_str(),
            };
            let rec = errors::command_not_found_as(&name, invocation, Some(self.position(name_span)));
            return Err(Flow::Error(Box::new(RuntimeError { record: rec, thrown: Value::Null, fatal: false })));
        };
        let version = self.directory.org.version;
        // `Cmdlet -?` shows its help.
        let (entry, args) = if args.iter().any(|a| matches!(a, Arg::Named { name, .. } if name == "?")) {
            match self.registry.get("Get-Help") {
                Some(help) => {
                    let name_arg = Arg::Positional { value: Value::str(entry.signature.name), span: name_span };
                    (help, vec![name_arg])
                }
                None => (entry, args),
            }
        } else {
            (entry, args)
        };
        let binding = match bind::bind_static(&entry.signature, version, &args) {
            Ok(b) => b,
            Err(e) => return Err(self.bind_failure(&entry.signature, e, c.span)),
        };
        let mut binding = binding;
        // Mandatory parameters that pipeline input cannot supply are prompted for now.
        let mut check = binding.args.clone();
        let missing = bind::finish(&entry.signature, version, &mut check, &binding.sets, has_input);
        if !missing.is_empty() {
            self.prompt_mandatory(&entry.signature, &mut binding, &missing, c.span)?;
        }
        Ok(Some(Stage {
            confirm_all: None,
            kind: StageKind::Cmdlet { entry, binding, state: Vec::new() },
            span: c.span,
            redirects,
        }))
    }

    fn stage_for_function(&mut self, mut func: Function, args: Vec<Arg>, c: &CommandCall, has_input: bool) -> Stage {
        func.dot = c.invocation == InvocationKind::Dot;
        Stage {
            confirm_all: None,
            kind: StageKind::Function { func, args, input: Vec::new(), has_input, frame: None, explicit: Vec::new() },
            span: c.span,
            redirects: Redirects::default(),
        }
    }

    fn prompt_mandatory(
        &mut self,
        sig: &Signature,
        b: &mut Binding,
        missing: &[&'static str],
        span: Span,
    ) -> EvalResult<()> {
        for (n, name) in missing.iter().enumerate() {
            match self.ask_mandatory(sig.name, n == 0, name) {
                Some(a) => {
                    let Some(p) = sig.find(name) else { continue };
                    match bind::convert_arg(sig, p, Value::str(a), None) {
                        Ok(v) => b.args.insert(p.name, v),
                        Err(e) => return Err(self.bind_failure(sig, e, span)),
                    }
                }
                _ => {
                    let e = bind::BindError {
                        message: missing_mandatory(missing),
                        fqid: "MissingMandatoryParameter",
                        category: "InvalidArgument",
                        exception: "System.Management.Automation.ParameterBindingException",
                        span: None,
                    };
                    return Err(self.bind_failure(sig, e, span));
                }
            }
        }
        Ok(())
    }

    /// PowerShell's prompt for a missing mandatory parameter (the two header lines come before the
    /// first one). `None` when the answer is empty or input has ended.
    fn ask_mandatory(&mut self, command: &str, first: bool, name: &str) -> Option<String> {
        if first {
            self.flush_output();
            self.host_line(&format!("cmdlet {command} at command pipeline position 1"));
            self.host_line("Supply values for the following parameters:");
        }
        self.prompt_read(&format!("{name}: "), false).filter(|a| !a.is_empty())
    }

    /// Writes a prompt and reads the answer; echoes the answer when input is not a person at a terminal.
    pub(crate) fn prompt_read(&mut self, prompt: &str, secure: bool) -> Option<String> {
        self.flush_output();
        let interactive = self.host.interactive();
        let _ = write!(self.host.out(), "{prompt}");
        let _ = self.host.out().flush();
        let answer = self.host.read_line(secure).ok().flatten();
        if !interactive {
            let echo = match &answer {
                Some(a) if secure => "*".repeat(a.chars().count()),
                Some(a) => a.clone(),
                None => String::new(),
            };
            let _ = writeln!(self.host.out(), "{echo}");
        }
        answer.map(|a| a.trim_end_matches(['\r', '\n']).to_string())
    }

    /// A binding error as a statement-terminating error record.
    fn bind_failure(&mut self, sig: &Signature, e: bind::BindError, span: Span) -> Flow {
        let pos = self.position(e.span.unwrap_or(span));
        let exception = if e.fqid == "ParameterArgumentTransformationError" {
            "System.Management.Automation.ParameterBindingArgumentTransformationException"
        } else if e.fqid.starts_with("ParameterArgumentValidationError") {
            "System.Management.Automation.ParameterBindingValidationException"
        } else {
            e.exception
        };
        let rec = errors::local_record(
            e.message,
            exception,
            e.category,
            ":",
            sig.name,
            &format!("{},{}", e.fqid, if sig.origin == Origin::Exchange { sig.name } else { sig.class }),
            Some(pos),
            Some(sig.name),
        );
        Flow::Error(Box::new(RuntimeError { record: rec, thrown: Value::Null, fatal: false }))
    }

    /// Evaluates command arguments (splatting expanded).
    fn eval_args(&mut self, args: &[CommandArg]) -> EvalResult<Vec<Arg>> {
        let mut out = Vec::with_capacity(args.len());
        for a in args {
            match a {
                CommandArg::Parameter { name, value, span } => {
                    let v = match value {
                        Some(e) => Some(self.eval_arg_expr(e)?),
                        None => None,
                    };
                    out.push(Arg::Named { name: name.clone(), value: v, span: *span });
                }
                CommandArg::Positional(e) => {
                    let v = self.eval_arg_expr(e)?;
                    out.push(Arg::Positional { value: v, span: e.span });
                }
                CommandArg::Splat(name, span) => {
                    let v = self.scopes.get(None, name).unwrap_or(Value::Null);
                    match v {
                        Value::Hashtable(h) => {
                            for (k, val) in h.borrow().iter() {
                                out.push(Arg::Named {
                                    name: convert::to_string(k),
                                    value: Some(val.clone()),
                                    span: *span,
                                });
                            }
                        }
                        Value::Array(a) => {
                            for val in a.borrow().iter() {
                                out.push(Arg::Positional { value: val.clone(), span: *span });
                            }
                        }
                        Value::Null => {}
                        other => out.push(Arg::Positional { value: other, span: *span }),
                    }
                }
            }
        }
        Ok(out)
    }

    fn eval_arg_expr(&mut self, e: &Expr) -> EvalResult<Value> {
        match &e.kind {
            // In argument mode a bare word that looks like a number is a number.
            ExprKind::BareWord(w) => Ok(convert::parse_number(w)
                .filter(|_| {
                    w.chars().next().map(|c| c.is_ascii_digit()).unwrap_or(false) && !w.contains(['/', ':', '\\'])
                })
                .unwrap_or_else(|| Value::str(w))),
            _ => self.eval_expr(e),
        }
    }

    fn stage_begin(&mut self, stages: &mut [Stage], i: usize) -> EvalResult<Vec<Value>> {
        let stage = &mut stages[i];
        match &mut stage.kind {
            StageKind::Cmdlet { entry, binding, .. } => {
                let (entry, args, common) = (entry.clone(), binding.args.clone(), binding.common.clone());
                self.cmdlet_step(stages, i, &entry, &args, &common, |c, cx, a, st| c.begin(cx, a, st))
            }
            StageKind::Function { func, args, has_input, frame, explicit, .. } => {
                let (func, args, has_input) = (func.clone(), args.clone(), *has_input);
                let name = func.name.to_string();
                let span = stage.span;
                let mut bound_names = Vec::new();
                let (r, fr) = self.in_function_frame(&func, span, None, |e| {
                    bound_names =
                        e.bind_function_params(func.body.param_block.as_ref(), &args, has_input, &name, span)?;
                    match &func.body.begin {
                        Some(b) => returned(e.exec_block(b)),
                        None => Ok(()),
                    }
                });
                *frame = fr;
                *explicit = bound_names;
                r
            }
        }
    }

    /// Runs one step of a streaming function inside its own scope frame (a new one when `frame`
    /// is `None`), collecting its output; returns the frame to keep for the next step.
    fn in_function_frame<F>(
        &mut self,
        func: &Function,
        call_site: Span,
        frame: Option<Frame>,
        f: F,
    ) -> (EvalResult<Vec<Value>>, Option<Frame>)
    where
        F: FnOnce(&mut Engine) -> EvalResult<()>,
    {
        let pos = self.position(call_site);
        self.call_stack.push((func.name.clone(), pos));
        let saved_source = std::mem::replace(&mut self.source, func.source.clone());
        let saved_file = std::mem::replace(&mut self.file, func.file.clone());
        let depth = self.scopes.depth();
        let (r, fr) = if func.dot {
            // Dot-sourcing runs the body in the caller's scope: its variables and functions stay.
            (self.capture(f), None)
        } else {
            match frame {
                Some(fr) => self.scopes.push_frame(fr),
                None => self.scopes.push(),
            }
            let r = self.capture(f);
            self.scopes.truncate(depth + 1);
            let fr = if self.scopes.depth() > depth { self.scopes.pop_frame() } else { None };
            self.scopes.truncate(depth);
            (r, fr)
        };
        self.source = saved_source;
        self.file = saved_file;
        self.call_stack.pop();
        (r, fr)
    }

    fn stage_process(&mut self, stages: &mut [Stage], i: usize, input: Option<Value>) -> EvalResult<Vec<Value>> {
        let span = stages[i].span;
        match &mut stages[i].kind {
            StageKind::Cmdlet { entry, binding, .. } => {
                let entry = entry.clone();
                let version = self.directory.org.version;
                let common = binding.common.clone();
                let mut args = match &input {
                    None => binding.args.clone(),
                    Some(v) => match bind::bind_pipeline(&entry.signature, version, binding, v) {
                        Ok(Some(a)) => a,
                        Ok(None) => {
                            let f = self.bind_failure(&entry.signature, bind::input_not_bound(), span);
                            return self.nonterminating_flow(f, &common, stages[i].redirects);
                        }
                        Err(e) => {
                            let f = self.bind_failure(&entry.signature, e, span);
                            return self.nonterminating_flow(f, &common, stages[i].redirects);
                        }
                    },
                };
                let sets = binding.sets.clone();
                let missing = bind::finish(&entry.signature, version, &mut args, &sets, false);
                if !missing.is_empty() {
                    let mut b = Binding { args: args.clone(), common: common.clone(), sets: sets.clone() };
                    self.prompt_mandatory(&entry.signature, &mut b, &missing, span)?;
                    args = b.args;
                    let _ = bind::finish(&entry.signature, version, &mut args, &sets, false);
                }
                self.cmdlet_step(stages, i, &entry, &args, &common, |c, cx, a, st| c.process(cx, a, st))
            }
            StageKind::Function { func, input: buffered, frame, explicit, .. } => {
                let func = func.clone();
                let name = func.name.to_string();
                let Some(process) = func.body.process.clone() else {
                    if let Some(v) = input {
                        buffered.push(v);
                    }
                    return Ok(Vec::new());
                };
                let explicit = explicit.clone();
                let (r, fr) = self.in_function_frame(&func, span, frame.take(), |e| {
                    match &input {
                        Some(item) => {
                            e.rebind_pipeline_params(func.body.param_block.as_ref(), item, &explicit, &name, span)?;
                            e.scopes.set_local("_", item.clone());
                        }
                        None => e.scopes.remove_local("_"),
                    }
                    returned(e.exec_block(&process))
                });
                if let StageKind::Function { frame, .. } = &mut stages[i].kind {
                    *frame = fr;
                }
                r
            }
        }
    }

    fn stage_end(&mut self, stages: &mut [Stage], i: usize) -> EvalResult<Vec<Value>> {
        let span = stages[i].span;
        match &mut stages[i].kind {
            StageKind::Cmdlet { entry, binding, .. } => {
                let entry = entry.clone();
                let mut args = binding.args.clone();
                let _ = bind::finish(&entry.signature, self.directory.org.version, &mut args, &binding.sets, true);
                let common = binding.common.clone();
                self.cmdlet_step(stages, i, &entry, &args, &common, |c, cx, a, st| c.end(cx, a, st))
            }
            StageKind::Function { func, input, has_input, frame, .. } => {
                let func = func.clone();
                let input = std::mem::take(input);
                let has_input = *has_input;
                let (r, _) = self.in_function_frame(&func, span, frame.take(), |e| {
                    e.scopes.remove_local("_");
                    if func.body.process.is_none() && has_input {
                        e.scopes.set_local("input", Value::array(input));
                    }
                    returned(e.exec_block(&func.body.end))
                });
                r
            }
        }
    }

    /// Runs one begin, process or end step of the cmdlet in stage `i` with its own [`Context`]; the
    /// cmdlet's state and the "Yes to All" / "No to All" answer are kept in the stage between steps.
    fn cmdlet_step(
        &mut self,
        stages: &mut [Stage],
        i: usize,
        entry: &Entry,
        args: &BoundArgs,
        common: &Common,
        step: impl FnOnce(&dyn Cmdlet, &mut dyn Context, &BoundArgs, &mut Vec<Value>) -> CmdletResult,
    ) -> EvalResult<Vec<Value>> {
        let mut state = match &mut stages[i].kind {
            StageKind::Cmdlet { state, .. } => std::mem::take(state),
            StageKind::Function { .. } => Vec::new(),
        };
        let saved = std::mem::replace(&mut self.confirm_all, stages[i].confirm_all);
        let r = {
            let mut cx = Cx::new(self, &entry.signature, common, stages[i].span, stages[i].redirects);
            let r = step(entry.cmdlet.as_ref(), &mut cx, args, &mut state);
            (r, std::mem::take(&mut cx.out))
        };
        stages[i].confirm_all = std::mem::replace(&mut self.confirm_all, saved);
        if let StageKind::Cmdlet { state: kept, .. } = &mut stages[i].kind {
            *kept = state;
        }
        self.after_step(&stages[i], &entry.signature, common, r)
    }

    /// Handles a cmdlet step's result: output, errors with -ErrorAction, unwinding flow.
    fn after_step(
        &mut self,
        stage: &Stage,
        sig: &Signature,
        common: &Common,
        r: (CmdletResult, Vec<Value>),
    ) -> EvalResult<Vec<Value>> {
        let (res, out) = r;
        if let Some(var) = &common.out_variable {
            let mut cur = self.scopes.get(None, var).map(|v| v.enumerate()).unwrap_or_default();
            cur.extend(out.iter().cloned());
            self.scopes.set_local(var, Value::array(cur));
        }
        let out = if stage.redirects.discard_output { Vec::new() } else { out };
        match res {
            Ok(()) => Ok(out),
            Err(CmdletError::Unwind(b)) => match b.downcast::<Flow>() {
                Ok(flow) => Err(*flow),
                Err(_) => Ok(out),
            },
            Err(e) => {
                let rec = self.cmdlet_error_record(sig, e, stage.span);
                let mut out = out;
                // Objects written before the error still go down the pipeline (the caller pushes
                // them on); the error record is reported first.
                let remote = sig.origin == Origin::Exchange;
                match self.handle_error(rec, common, stage.redirects, remote) {
                    ErrorOutcome::Continue => Ok(out),
                    ErrorOutcome::Merged(v) => {
                        out.push(v);
                        Ok(out)
                    }
                    ErrorOutcome::Stop(e) => {
                        for v in out {
                            self.emit(v);
                        }
                        Err(Flow::Error(e))
                    }
                }
            }
        }
    }

    fn nonterminating_flow(&mut self, f: Flow, common: &Common, redirects: Redirects) -> EvalResult<Vec<Value>> {
        match f {
            Flow::Error(e) => match self.handle_error(e.record, common, redirects, false) {
                ErrorOutcome::Continue => Ok(Vec::new()),
                ErrorOutcome::Merged(v) => Ok(vec![v]),
                ErrorOutcome::Stop(e) => Err(Flow::Error(e)),
            },
            other => Err(other),
        }
    }

    /// Builds the record for a cmdlet error.
    pub(crate) fn cmdlet_error_record(&mut self, sig: &Signature, e: CmdletError, span: Span) -> ErrorRecord {
        match e {
            CmdletError::Exchange { kind, message, category } => {
                self.request_counter += 1;
                let now = self.host.now();
                errors::exchange_record(
                    &self.directory.org,
                    sig.name,
                    sig.class,
                    kind.exception_type(),
                    category,
                    &message,
                    self.request_counter,
                    now,
                )
            }
            CmdletError::Record(mut r) if r.exception_type.ends_with("WriteErrorException") => {
                // Write-Error reports the caller: the function, the script, or the command line.
                match self.call_stack.last() {
                    Some((name, pos)) => {
                        r.prefix = Some(format!("{name} : "));
                        r.position = Some(pos.clone());
                        r.fqid = format!("{},{name}", r.fqid);
                    }
                    None => match self.file.clone() {
                        Some(file) => {
                            r.prefix = Some(format!("{file} : "));
                            let leaf = file.rsplit(['/', '\\']).next().unwrap_or(&file).to_string();
                            r.fqid = format!("{},{leaf}", r.fqid);
                        }
                        None => {
                            let text = self.top_statement.slice(&self.source).trim().to_string();
                            r.prefix = Some(format!("{text} : "));
                        }
                    },
                }
                *r
            }
            CmdletError::Record(mut r) => {
                if r.activity.is_empty() {
                    r.activity = sig.name.to_string();
                }
                if r.position.is_none() {
                    r.position = Some(self.position(span));
                }
                if r.prefix.is_none() {
                    r.prefix = Some(format!("{} : ", sig.name));
                }
                if !r.fqid.contains(',') {
                    r.fqid = format!("{},{}", r.fqid, sig.class);
                }
                *r
            }
            CmdletError::Unwind(_) => ErrorRecord::default(),
        }
    }

    /// The effective error action. Exchange cmdlets are implicit-remoting proxy functions in a script
    /// module, and preference variables do not reach into a module's scope, so `$ErrorActionPreference`
    /// does not apply to them: only `-ErrorAction` does (why EMS scripts pass `-ErrorAction Stop`).
    fn error_action(&self, common: &Common, remote: bool) -> u64 {
        if let Some(a) = common.error_action {
            return a;
        }
        if remote {
            return 2;
        }
        let pref = self.scopes.get(None, "ErrorActionPreference").map(|v| convert::to_string(&v)).unwrap_or_default();
        bind::ACTION_PREFERENCE.parse(&pref).map(|e| e.bits).unwrap_or(2)
    }

    /// Applies -ErrorAction / $ErrorActionPreference to a non-terminating error.
    fn handle_error(&mut self, rec: ErrorRecord, common: &Common, redirects: Redirects, remote: bool) -> ErrorOutcome {
        self.last_success = false;
        if let Some(var) = &common.error_variable {
            let mut cur = self.scopes.get(None, var).map(|v| v.enumerate()).unwrap_or_default();
            cur.push(rec.to_value());
            self.scopes.set_local(var, Value::array(cur));
        }
        let action = self.error_action(common, remote);
        match action {
            1 => {
                // Stop: the error becomes terminating (ActionPreferenceStopException).
                ErrorOutcome::Stop(Box::new(RuntimeError { record: rec, thrown: Value::Null, fatal: true }))
            }
            0 | 4 => {
                if action == 0 {
                    self.errors.borrow_mut().insert(0, rec.to_value());
                }
                ErrorOutcome::Continue
            }
            _ => {
                if redirects.discard_errors {
                    self.errors.borrow_mut().insert(0, rec.to_value());
                } else if redirects.errors_to_output {
                    let v = rec.to_value();
                    self.errors.borrow_mut().insert(0, v.clone());
                    return ErrorOutcome::Merged(v);
                } else {
                    self.write_error_record(&rec);
                }
                ErrorOutcome::Continue
            }
        }
    }

    // ----- functions -----

    fn bind_function_params(
        &mut self,
        pb: Option<&ParamBlock>,
        args: &[Arg],
        has_input: bool,
        fname: &str,
        span: Span,
    ) -> EvalResult<Vec<String>> {
        let mut rest: Vec<Value> = Vec::new();
        let params = pb.map(|p| p.params.clone()).unwrap_or_default();
        let mut bound: Vec<bool> = vec![false; params.len()];
        let is_switch = |p: &crate::syntax::ParamDef| {
            p.type_name.as_deref().map(|t| t.eq_ignore_ascii_case("switch")).unwrap_or(false)
        };
        let mut positional: Vec<(Value, Span)> = Vec::new();
        let mut i = 0;
        while i < args.len() {
            match &args[i] {
                Arg::Named { name, value, span: asp } => {
                    let lname = name.to_ascii_lowercase();
                    let idx = params.iter().position(|p| p.name.eq_ignore_ascii_case(name)).or_else(|| {
                        let m: Vec<usize> = params
                            .iter()
                            .enumerate()
                            .filter(|(_, p)| p.name.to_ascii_lowercase().starts_with(&lname))
                            .map(|(i, _)| i)
                            .collect();
                        if m.len() == 1 { Some(m[0]) } else { None }
                    });
                    match idx {
                        Some(k) => {
                            let mut vspan = *asp;
                            let v = if is_switch(&params[k]) {
                                value.clone().unwrap_or(Value::Bool(true))
                            } else if let Some(v) = value {
                                v.clone()
                            } else if let Some(Arg::Positional { value, span: ps }) = args.get(i + 1) {
                                i += 1;
                                vspan = *ps;
                                value.clone()
                            } else {
                                return Err(self.param_error(
                                    fname,
                                    format!(
                                        "Missing an argument for parameter '{}'. Specify a parameter of type '{}' and try again.",
                                        params[k].name,
                                        dotnet_type_name(params[k].type_name.as_deref().unwrap_or("Object"))
                                    ),
                                    "MissingArgument",
                                    *asp,
                                ));
                            };
                            let v = self.typed(&params[k], v, fname, vspan)?;
                            self.scopes.set_local(&params[k].name, v);
                            bound[k] = true;
                        }
                        None => {
                            if params.is_empty() && pb.is_none() {
                                rest.push(Value::str(format!("-{name}")));
                                if let Some(v) = value {
                                    rest.push(v.clone());
                                }
                            } else {
                                return Err(self.param_error(
                                    fname,
                                    format!("A parameter cannot be found that matches parameter name '{name}'."),
                                    "NamedParameterNotFound",
                                    *asp,
                                ));
                            }
                        }
                    }
                }
                Arg::Positional { value, span: ps } => positional.push((value.clone(), *ps)),
            }
            i += 1;
        }
        // Positional binding in declaration (or Position=) order.
        let mut order: Vec<usize> = (0..params.len()).filter(|&k| !is_switch(&params[k])).collect();
        order.sort_by_key(|&k| attr_int(&params[k], "Position").unwrap_or(1000 + k as i64));
        let mut pos_iter = positional.into_iter();
        for k in order {
            if bound[k] {
                continue;
            }
            if let Some((v, ps)) = pos_iter.next() {
                let v = self.typed(&params[k], v, fname, ps)?;
                self.scopes.set_local(&params[k].name, v);
                bound[k] = true;
            }
        }
        rest.extend(pos_iter.map(|(v, _)| v));
        let explicit: Vec<String> =
            params.iter().zip(&bound).filter(|(_, b)| **b).map(|(p, _)| p.name.clone()).collect();
        // Defaults and mandatory parameters.
        let mut asked = false;
        for (k, p) in params.iter().enumerate() {
            if bound[k] {
                continue;
            }
            let from_pipeline = attr_flag(p, "ValueFromPipeline") || attr_flag(p, "ValueFromPipelineByPropertyName");
            if attr_flag(p, "Mandatory") && !(has_input && from_pipeline) {
                let answer = self.ask_mandatory(fname, !asked, &p.name);
                asked = true;
                match answer {
                    Some(a) => {
                        let v = self.typed(p, Value::str(a), fname, span)?;
                        self.scopes.set_local(&p.name, v);
                        continue;
                    }
                    _ => {
                        return Err(self.param_error(
                            fname,
                            missing_mandatory(&[p.name.as_str()]),
                            "MissingMandatoryParameter",
                            span,
                        ));
                    }
                }
            }
            let v = match &p.default {
                Some(d) => self.eval_expr(d)?,
                None if is_switch(p) => Value::Switch(false),
                None => Value::Null,
            };
            let v = if v.is_null() { v } else { self.typed(p, v, fname, span)? };
            self.scopes.set_local(&p.name, v);
        }
        self.scopes.set_local("args", Value::array(rest));
        Ok(explicit)
    }

    /// Converts an argument to its parameter's declared type; failure is PowerShell's
    /// argument-transformation binding error, pointing at the argument.
    fn typed(&mut self, p: &crate::syntax::ParamDef, v: Value, fname: &str, span: Span) -> EvalResult<Value> {
        let Some(t) = &p.type_name else { return Ok(v) };
        match super::ops::convert_to_type(&v, t) {
            Ok(v) => Ok(v),
            Err(m) => {
                let rec = errors::local_record(
                    format!("Cannot process argument transformation on parameter '{}'. {m}", p.name),
                    "System.Management.Automation.ParameterBindingArgumentTransformationException",
                    "InvalidData",
                    ":",
                    fname,
                    &format!("ParameterArgumentTransformationError,{fname}"),
                    Some(self.position(span)),
                    Some(fname),
                );
                Err(Flow::Error(Box::new(RuntimeError { record: rec, thrown: Value::Null, fatal: false })))
            }
        }
    }

    fn param_error(&mut self, fname: &str, msg: String, fqid: &str, span: Span) -> Flow {
        // A script's own parameters fail with the script as the command and no position (pwsh -File).
        let (prefix, pos) = if self.script_binding {
            (self.file.as_deref().unwrap_or(fname).to_string(), None)
        } else {
            (fname.to_string(), Some(self.position(span)))
        };
        let rec = errors::local_record(
            msg,
            "System.Management.Automation.ParameterBindingException",
            "InvalidArgument",
            ":",
            fname,
            &format!("{fqid},{fname}"),
            pos,
            Some(&prefix),
        );
        Flow::Error(Box::new(RuntimeError { record: rec, thrown: Value::Null, fatal: false }))
    }

    /// Binds a record to the pipeline parameters of a streaming function (those not bound by name
    /// or position), converting it to the parameter's type.
    fn rebind_pipeline_params(
        &mut self,
        pb: Option<&ParamBlock>,
        item: &Value,
        explicit: &[String],
        fname: &str,
        span: Span,
    ) -> EvalResult<()> {
        let Some(pb) = pb else { return Ok(()) };
        for p in &pb.params {
            if explicit.iter().any(|n| n.eq_ignore_ascii_case(&p.name)) {
                continue;
            }
            if attr_flag(p, "ValueFromPipeline") {
                let v = self.typed(p, item.clone(), fname, span)?;
                self.scopes.set_local(&p.name, v);
            } else if attr_flag(p, "ValueFromPipelineByPropertyName") {
                if let Some(v) = item.property(&p.name) {
                    let v = self.typed(p, v, fname, span)?;
                    self.scopes.set_local(&p.name, v);
                }
            }
        }
        Ok(())
    }

    /// ShouldProcess for the running command.
    pub(crate) fn should_process(
        &mut self,
        sig: &Signature,
        common: &Common,
        action: &str,
    ) -> Result<bool, CmdletError> {
        let whatif = common.whatif.unwrap_or_else(|| {
            self.scopes.get(None, "WhatIfPreference").map(|v| convert::to_bool(&v)).unwrap_or(false)
        });
        if whatif {
            self.host_line(&format!("What if: {action}"));
            return Ok(false);
        }
        let impact = sig.should_process.unwrap_or(ConfirmImpact::None);
        let pref = self.scopes.get(None, "ConfirmPreference").map(|v| convert::to_string(&v)).unwrap_or_default();
        let threshold = match pref.to_ascii_lowercase().as_str() {
            "none" => ConfirmImpact::None,
            "low" => ConfirmImpact::Low,
            "medium" => ConfirmImpact::Medium,
            _ => ConfirmImpact::High,
        };
        let ask = match common.confirm {
            Some(c) => c,
            None => threshold != ConfirmImpact::None && impact >= threshold,
        };
        if !ask {
            return Ok(true);
        }
        if let Some(all) = self.confirm_all {
            return Ok(all);
        }
        let options = if sig.origin == Origin::Exchange {
            "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is \"Y\"): "
        } else {
            "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): "
        };
        self.host_line("");
        self.host_line("Confirm");
        self.host_line("Are you sure you want to perform this action?");
        self.host_line(action);
        loop {
            let answer = self.prompt_read(options, false);
            let Some(a) = answer else {
                return Err(CmdletError::core(
                    "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
                    "System.Management.Automation.PSInvalidOperationException",
                    "InvalidOperation",
                    "InvalidOperation",
                ));
            };
            match a.trim().to_ascii_lowercase().as_str() {
                "" | "y" => return Ok(true),
                "a" => {
                    self.confirm_all = Some(true);
                    return Ok(true);
                }
                "n" => return Ok(false),
                "l" => {
                    self.confirm_all = Some(false);
                    return Ok(false);
                }
                "?" => {
                    self.host_line("Y - Continue with only the next step of the operation.");
                    self.host_line("A - Continue with all the steps of the operation.");
                    self.host_line("N - Skip this operation and proceed with the next operation.");
                    self.host_line("L - Skip this operation and all subsequent operations.");
                    if sig.origin != Origin::Exchange {
                        self.host_line("S - Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline.");
                    }
                }
                _ => {}
            }
        }
    }
}

/// The .NET name PowerShell prints for a parameter type written in a script (`string` → `System.String`).
fn dotnet_type_name(t: &str) -> String {
    let (base, suffix) = match t.strip_suffix("[]") {
        Some(b) => (b, "[]"),
        None => (t, ""),
    };
    let full = match base.to_ascii_lowercase().as_str() {
        "string" => "System.String",
        "int" | "int32" => "System.Int32",
        "long" | "int64" => "System.Int64",
        "bool" | "boolean" => "System.Boolean",
        "double" => "System.Double",
        "datetime" => "System.DateTime",
        "hashtable" => "System.Collections.Hashtable",
        "object" => "System.Object",
        "psobject" => "System.Management.Automation.PSObject",
        "pscredential" => "System.Management.Automation.PSCredential",
        "scriptblock" => "System.Management.Automation.ScriptBlock",
        "switch" => "System.Management.Automation.SwitchParameter",
        _ => base,
    };
    format!("{full}{suffix}")
}

/// A block's `return` ends only that block.
fn returned(r: EvalResult<()>) -> EvalResult<()> {
    match r {
        Err(Flow::Return) => Ok(()),
        other => other,
    }
}

fn attr_flag(p: &crate::syntax::ParamDef, name: &str) -> bool {
    p.attributes.iter().filter(|a| a.name.eq_ignore_ascii_case("Parameter")).any(|a| {
        a.named.iter().any(|(n, v)| {
            n.eq_ignore_ascii_case(name)
                && match v {
                    None => true,
                    Some(e) => !matches!(&e.kind, ExprKind::Variable(v) if v.name.eq_ignore_ascii_case("false")),
                }
        })
    })
}

fn attr_int(p: &crate::syntax::ParamDef, name: &str) -> Option<i64> {
    p.attributes.iter().filter(|a| a.name.eq_ignore_ascii_case("Parameter")).find_map(|a| {
        a.named.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).and_then(|(_, v)| {
            match v.as_ref().map(|e| &e.kind) {
                Some(ExprKind::Literal(crate::syntax::Literal::Int(i))) => Some(*i),
                _ => None,
            }
        })
    })
}

fn redirections(c: &CommandCall) -> Redirects {
    let mut d = Redirects::default();
    for r in &c.redirections {
        let to_null = matches!(&r.to, RedirectTarget::File(e) if matches!(&e.kind, ExprKind::Variable(v) if v.name.eq_ignore_ascii_case("null")));
        match (r.from, &r.to) {
            (2, RedirectTarget::Stream(1)) => d.errors_to_output = true,
            (2, _) if to_null => d.discard_errors = true,
            (0, _) if to_null => {
                d.discard_errors = true;
                d.discard_output = true;
            }
            (1, _) if to_null => d.discard_output = true,
            _ => {}
        }
    }
    d
}

/// The cmdlet context handed to a running cmdlet.
struct Cx<'a> {
    en: &'a mut Engine,
    sig: &'a Signature,
    common: &'a Common,
    span: Span,
    /// The running command's redirections, which its non-terminating errors honour.
    redirects: Redirects,
    out: Vec<Value>,
}

impl<'a> Cx<'a> {
    fn new(en: &'a mut Engine, sig: &'a Signature, common: &'a Common, span: Span, redirects: Redirects) -> Self {
        Cx { en, sig, common, span, redirects, out: Vec::new() }
    }
}

impl Context for Cx<'_> {
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
            bind::ACTION_PREFERENCE.parse(&pref).map(|e| e.bits).unwrap_or(2)
        });
        if action == 0 || action == 4 {
            return;
        }
        let line = crate::format::warning_line(text, self.en.host.colors());
        self.en.host_line(&line);
    }

    fn verbose(&mut self, text: &str) {
        if self.common.verbose {
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

    fn variable(&self, name: &str) -> Option<Value> {
        self.en.scopes.get(None, name)
    }

    fn commands(&self) -> Vec<(String, String, String)> {
        let version = self.en.directory.org.version;
        let mut out: Vec<(String, String, String)> = Vec::new();
        for (a, t) in self.en.registry.aliases() {
            out.push((format!("{a} -> {t}"), "Alias".into(), String::new()));
        }
        for f in self.en.functions.keys() {
            out.push((f.clone(), "Function".into(), String::new()));
        }
        for e in self.en.registry.entries() {
            if e.signature.available_in(version) {
                let src = if e.signature.origin == Origin::Exchange {
                    crate::cmdlet::EXCHANGE_MODULE.to_string()
                } else {
                    "Microsoft.PowerShell.Utility".to_string()
                };
                let kind = if e.signature.origin == Origin::Exchange { "Function" } else { "Cmdlet" };
                out.push((e.signature.name.to_string(), kind.into(), src));
            }
        }
        out
    }

    fn signature_of(&self, name: &str) -> Option<Signature> {
        self.en.registry.get(name).map(|e| e.signature.clone())
    }
}

/// The error for mandatory parameters that got no value.
fn missing_mandatory(names: &[&str]) -> String {
    format!("Cannot process command because of one or more missing mandatory parameters: {}.", names.join(" "))
}

#[cfg(test)]
mod tests {
    use crate::cmdlet::Color;

    #[test]
    fn every_write_host_colour_has_ansi_codes() {
        use Color::*;
        let all = [
            Black,
            DarkBlue,
            DarkGreen,
            DarkCyan,
            DarkRed,
            DarkMagenta,
            DarkYellow,
            Gray,
            DarkGray,
            Blue,
            Green,
            Cyan,
            Red,
            Magenta,
            Yellow,
            White,
        ];
        for c in all {
            let name = format!("{c:?}");
            assert!(crate::format::ansi_foreground(&name).is_some(), "{name}");
            assert!(crate::format::ansi_background(&name).is_some(), "{name}");
        }
    }
}
