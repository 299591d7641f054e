//! The pipeline runner: resolving each element's command, evaluating its arguments, binding them
//! (through [`crate::cmdlet::bind`]), and streaming records through every command's begin,
//! process and end steps, cmdlets and script functions alike. The cmdlet context is in
//! `context.rs`, ShouldProcess in `should_process.rs`, error-action handling in `error_action.rs`.

use std::rc::Rc;

use super::bind::{Command, FunctionBinding};
use super::context::Cx;
use super::error_action::{ErrorOutcome, Redirects};
use super::errors::{self, RuntimeError};
use super::eval::EvalResult;
use super::scope::Frame;
use super::{Engine, Flow, Function};
use crate::cmdlet::bind::{Arg, BindError, Binding, Common, ParamList, cmdlet_converter};
use crate::cmdlet::{BoundArgs, Cmdlet, CmdletError, CmdletResult, Context, Entry, Origin, Signature};
use crate::syntax::{
    BinaryOp, CommandArg, CommandCall, CommandName, Expr, ExprKind, InvocationKind, Pipeline, PipelineElement, Span,
};
use crate::value::{Value, convert};

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
        frame: Option<Box<Frame>>,
        /// The command-line binding, which each pipeline record binds onto.
        binding: Option<FunctionBinding>,
    },
}

/// Where a running command's objects go (the engine's collector stack).
pub(crate) enum Collector {
    /// Collected, for a value (`$x = …`, `(…)`) or a cmdlet-driven script block.
    Buffer(Vec<Value>),
    /// Pushed on at once into the rest of the pipeline: a function's process and end steps stream
    /// their objects as PowerShell's do, so a later stage (or Out-Default) sees each object before
    /// the function writes its next host line.
    Stream(Tail),
}

/// The stages after the one running (owned by the collector while that stage runs).
pub(crate) struct Tail(Vec<Stage>);

struct Stage {
    kind: StageKind,
    span: Span,
    redirects: Redirects,
    /// "Yes to All" / "No to All" given at this command's confirmation prompt: it lasts for the
    /// whole invocation (every piped record), not only the record that asked.
    confirm_all: Option<bool>,
    /// Names the stage in `Flow::StopUpstream`.
    id: u64,
    /// Its last step asked to stop the commands before it (`Context::stop_upstream`).
    stop_upstream: bool,
}

impl Engine {
    /// Runs a pipeline, emitting its final output. Redirections to files: the output goes
    /// through an `Out-File` step added at the end; `2> file` and `3> file` collect their records
    /// while the pipeline runs and write them with Out-File afterwards.
    pub(crate) fn run_pipeline(&mut self, p: &Pipeline) -> EvalResult<()> {
        let reds: Vec<crate::syntax::ast::Redirection> = p
            .elements
            .iter()
            .flat_map(|el| match el {
                PipelineElement::Command(c) => c.redirections.clone(),
                PipelineElement::Redirected(_, r) => r.clone(),
                PipelineElement::Expr(_) => Vec::new(),
            })
            .collect();
        if reds.is_empty() {
            return self.run_pipeline_inner(p, None);
        }
        let (_, files) = super::redirect::plan(&reds);
        if files.errors.is_some() {
            self.captured_errors.push(Vec::new());
        }
        if files.warnings.is_some() {
            self.captured_warnings.push(Vec::new());
        }
        let r = self.run_pipeline_inner(p, files.output.as_ref());
        let mut r2 = Ok(());
        if let Some(t) = &files.errors {
            let recs = self.captured_errors.pop().unwrap_or_default();
            r2 = self.out_file(recs, t, p.span);
        }
        if let Some(t) = &files.warnings {
            let recs = self.captured_warnings.pop().unwrap_or_default();
            let r3 = self.out_file(recs, t, p.span);
            r2 = r2.and(r3);
        }
        r.and(r2)
    }

    /// The `Out-File` step a file redirection adds.
    fn out_file_call(t: &super::redirect::FileTarget, span: Span) -> CommandCall {
        let mut args = vec![CommandArg::Positional(t.path.clone())];
        if t.append {
            args.push(CommandArg::Parameter { name: "Append".into(), value: None, span });
        }
        CommandCall {
            name: CommandName::Bare("Out-File".into(), span),
            invocation: InvocationKind::Plain,
            args,
            redirections: Vec::new(),
            span,
        }
    }

    /// Writes collected records to a redirection's file through Out-File.
    fn out_file(&mut self, values: Vec<Value>, t: &super::redirect::FileTarget, span: Span) -> EvalResult<()> {
        let call = Self::out_file_call(t, span);
        let Some(stage) = self.prepare_stage(&call, true)? else { return Ok(()) };
        let mut stages = vec![stage];
        let mark = self.held_lines.len();
        let out = self.stage_begin(&mut stages, 0);
        self.forward(&mut stages, 1, out, mark)?;
        for v in values {
            self.push(&mut stages, 0, v)?;
        }
        let mark = self.held_lines.len();
        let out = self.stage_end(&mut stages, 0);
        self.forward(&mut stages, 1, out, mark)
    }

    fn run_pipeline_inner(
        &mut self,
        p: &Pipeline,
        output_file: Option<&super::redirect::FileTarget>,
    ) -> EvalResult<()> {
        let mut source: Option<Box<dyn Iterator<Item = Value>>> = None;
        let mut stages: Vec<Stage> = Vec::new();
        for (i, el) in p.elements.iter().enumerate() {
            match el {
                // A range streams into the pipeline (Compiler.cs GetRangeEnumerator: a
                // RangeEnumerator, not an array), so `1..1e9 | Select-Object -First 3` is quick.
                PipelineElement::Expr(Expr { kind: ExprKind::Binary { op: BinaryOp::Range, lhs, rhs }, span })
                    if i == 0 =>
                {
                    let l = self.eval_expr(lhs)?;
                    let r = self.eval_expr(rhs)?;
                    let (a, b) = super::ops::range_bounds(self, &l, &r, *span)?;
                    source = Some(super::ops::range_iter(a, b));
                }
                PipelineElement::Expr(e) | PipelineElement::Redirected(e, _) if i == 0 => {
                    let (v, automation_null) = self.eval_expr_an(e)?;
                    let discard = automation_null
                        || match el {
                            PipelineElement::Redirected(_, reds) => super::redirect::plan(reds).0.discard_output,
                            _ => false,
                        };
                    source = Some(Box::new(
                        match v {
                            _ if discard => Vec::new(),
                            Value::Array(a) => a.borrow().to_vec(),
                            other => vec![other],
                        }
                        .into_iter(),
                    ));
                }
                PipelineElement::Expr(e) | PipelineElement::Redirected(e, _) => {
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
        if let Some(t) = output_file {
            match self.prepare_stage(&Self::out_file_call(t, p.span), true)? {
                Some(s) => stages.push(s),
                None => return Ok(()),
            }
        }
        // `$?` reads the previous statement's status while the arguments are evaluated.
        self.last_success = true;
        if stages.is_empty() {
            return source.into_iter().flatten().try_for_each(|v| {
                self.step()?;
                self.emit(v)
            });
        }
        let mut begun = 0;
        let r = self.run_stages(&mut stages, source, &mut begun);
        match r {
            // A stage of this pipeline stopped the ones before it: those neither take more input
            // nor end; it has ended; the ones after it end now (PipelineProcessor.DoCompleteCore
            // skips the commands up to the one that asked).
            Err(Flow::StopUpstream(id)) if stages.iter().any(|s| s.id == id) => {
                let k = stages.iter().position(|s| s.id == id).unwrap_or(0);
                for i in k + 1..stages.len() {
                    if i >= begun {
                        let mark = self.held_lines.len();
                        let out = self.stage_begin(&mut stages, i);
                        self.forward(&mut stages, i + 1, out, mark)?;
                    }
                    let mark = self.held_lines.len();
                    let out = self.streaming_step(&mut stages, i, |e, st| e.stage_end(st, i));
                    self.forward(&mut stages, i + 1, out, mark)?;
                }
                Ok(())
            }
            r => r,
        }
    }

    /// The begin, process and end steps of a pipeline's stages; `begun` counts the stages whose
    /// begin step ran.
    fn run_stages(
        &mut self,
        stages: &mut Vec<Stage>,
        source: Option<Box<dyn Iterator<Item = Value>>>,
        begun: &mut usize,
    ) -> EvalResult<()> {
        for i in 0..stages.len() {
            *begun = i + 1;
            let mark = self.held_lines.len();
            let out = self.stage_begin(stages, i);
            self.forward(stages, i + 1, out, mark)?;
        }
        match source {
            Some(records) => {
                for r in records {
                    self.step()?;
                    self.push(stages, 0, r)?;
                }
            }
            None => {
                let mark = self.held_lines.len();
                let out = self.streaming_step(stages, 0, |e, st| e.stage_process(st, 0, None));
                stages[0].stop_upstream = false;
                self.forward(stages, 1, out, mark)?;
            }
        }
        for i in 0..stages.len() {
            let mark = self.held_lines.len();
            let out = self.streaming_step(stages, i, |e, st| e.stage_end(st, i));
            self.forward(stages, i + 1, out, mark)?;
        }
        Ok(())
    }

    /// Sends a step's objects on to stage `i`, then writes the host lines the step held back
    /// (those after `mark`), also when the step or a later stage failed.
    fn forward(
        &mut self,
        stages: &mut Vec<Stage>,
        i: usize,
        out: EvalResult<Vec<Value>>,
        mark: usize,
    ) -> EvalResult<()> {
        let held = self.held_lines.split_off(mark.min(self.held_lines.len()));
        let r = out.and_then(|out| out.into_iter().try_for_each(|v| self.push(stages, i, v)));
        for line in held {
            self.host_line(&line);
        }
        r
    }

    fn push(&mut self, stages: &mut Vec<Stage>, i: usize, v: Value) -> EvalResult<()> {
        if i >= stages.len() {
            return self.emit(v);
        }
        let mark = self.held_lines.len();
        let out = self.streaming_step(stages, i, |e, st| e.stage_process(st, i, Some(v)));
        self.forward(stages, i + 1, out, mark)?;
        if !std::mem::take(&mut stages[i].stop_upstream) {
            return Ok(());
        }
        // Select-Object has all it wanted: it ends now (SelectObjectCommand calls EndProcessing
        // before throwing StopUpstreamCommandsException), then the commands before it unwind.
        let mark = self.held_lines.len();
        let out = self.streaming_step(stages, i, |e, st| e.stage_end(st, i));
        self.forward(stages, i + 1, out, mark)?;
        Err(Flow::StopUpstream(stages[i].id))
    }

    /// Runs a process or end step of stage `i`. For a function, the stages after it are handed to
    /// its frame (`pending_stream`, taken by `in_function_frame`) so that what it writes goes on
    /// down the pipeline at once; they come back when the step ends, also when it failed.
    fn streaming_step<F>(&mut self, stages: &mut Vec<Stage>, i: usize, step: F) -> EvalResult<Vec<Value>>
    where
        F: FnOnce(&mut Engine, &mut [Stage]) -> EvalResult<Vec<Value>>,
    {
        if !matches!(stages[i].kind, StageKind::Function { .. }) {
            return step(self, stages);
        }
        let saved = self.pending_stream.replace(Tail(stages.split_off(i + 1)));
        let out = step(self, stages);
        if let Some(Tail(mut tail)) = std::mem::replace(&mut self.pending_stream, saved) {
            stages.append(&mut tail);
        }
        out
    }

    /// An object a streaming function wrote: pushed through the stages after it, with the stream
    /// collector set aside meanwhile so that the last stage's output reaches the collector below.
    pub(crate) fn emit_downstream(&mut self, v: Value) -> EvalResult<()> {
        let Some(Collector::Stream(Tail(mut tail))) = self.collectors.pop() else {
            return Ok(());
        };
        let r = self.push(&mut tail, 0, v);
        self.collectors.push(Collector::Stream(Tail(tail)));
        r
    }

    /// Runs a function body's step with its objects collected, or, when the pipeline runner handed
    /// it the rest of the pipeline, streamed into it; the rest is handed back afterwards.
    fn capture_or_stream<F>(&mut self, f: F) -> EvalResult<Vec<Value>>
    where
        F: FnOnce(&mut Engine) -> EvalResult<()>,
    {
        let Some(tail) = self.pending_stream.take() else {
            return self.capture_until_error(f);
        };
        self.collectors.push(Collector::Stream(tail));
        let r = f(self);
        if let Some(Collector::Stream(tail)) = self.collectors.pop() {
            self.pending_stream = Some(tail);
        }
        r.map(|_| Vec::new())
    }

    /// True when `name` is a user function or an existing script file (what `-?` asks help for).
    fn names_user_command(&mut self, name: &str) -> bool {
        if self.scopes.function(name).is_some() {
            return true;
        }
        if !super::scripts::names_a_file(name) || !name.to_ascii_lowercase().ends_with(".ps1") {
            return false;
        }
        let path = self.resolve_script_path(name);
        self.host.files().exists(&path)
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
                    let func = self.local_function("<ScriptBlock>", sb.clone());
                    return Ok(Some(self.stage_for_function(func, args, c, has_input)));
                }
                (convert::to_string(&v), e.span)
            }
        };
        let redirects = redirections(c);
        let args = self.eval_args(&c.args)?;
        // `function -?` and `script.ps1 -?` show their help, as `Cmdlet -?` does below.
        let (name, args) = if args.iter().any(|a| matches!(a, Arg::Named { name, .. } if name == "?"))
            && self.names_user_command(&name)
        {
            ("Get-Help".to_string(), vec![Arg::Positional { value: Value::str(&name), span: name_span }])
        } else {
            (name, args)
        };
        // An alias comes first (PowerShell's command precedence: alias, function, cmdlet), and
        // may name another alias, a function or a cmdlet.
        let (name, alias_of) = match self.resolve_alias(&name) {
            Some(target) => (target, Some(name)),
            None => (name, None),
        };
        if let Some(func) = self.scopes.function(&name).cloned() {
            let mut st = self.stage_for_function(func, args, c, has_input);
            st.redirects = redirects;
            return Ok(Some(st));
        }
        let prefix = match c.invocation {
            InvocationKind::Call => "&",
            InvocationKind::Dot => ".",
            InvocationKind::Plain => name.as_str(),
        };
        if super::scripts::names_a_file(&name)
            && let Some(func) = self.load_script(&name, name_span, prefix)?
        {
            let mut st = self.stage_for_function(func, args, c, has_input);
            st.redirects = redirects;
            return Ok(Some(st));
        }
        let entry = self.registry.get_cmdlet(&name).filter(|e| self.command_available(&e.signature));
        let Some(entry) = entry else {
            if let Some(alias) = alias_of {
                let rec = errors::local_record(
                    format!(
                        "Cannot resolve alias '{alias}' because it refers to term '{name}', which is not recognized as a cmdlet, function, operable program, or script file. Verify the term and try again."
                    ),
                    "System.Management.Automation.CommandNotFoundException",
                    "ObjectNotFound",
                    &format!("{alias}:String"),
                    "",
                    "AliasNotResolvedException",
                    Some(self.position(name_span)),
                    Some(alias.as_str()),
                );
                return Err(Flow::Error(Box::new(RuntimeError { record: rec, thrown: Value::Null, fatal: false })));
            }
            let invocation = match c.invocation {
                InvocationKind::Call => "&",
                InvocationKind::Dot => ".",
                InvocationKind::Plain => name.as_str(),
            };
            let pos = Some(self.position(name_span));
            let rec = if super::native::is_native_program(&name) {
                super::native::refused(&name, pos)
            } else {
                errors::command_not_found_as(&name, invocation, pos, !self.directory.org.version.is_on_premises())
            };
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
        let sig = &entry.signature;
        let list = ParamList::of_signature(sig, version);
        let mut conv = cmdlet_converter(sig.origin);
        let mut binding = match list.bind_command_line(&args, &mut conv) {
            Ok(b) => b,
            Err(e) => return Err(self.binding_error(Command::Cmdlet(sig), e, c.span)),
        };
        self.start_error_variable(&binding.common);
        // Mandatory parameters that pipeline input cannot supply are prompted for now.
        let missing = match list.missing(&binding.args, &binding.sets, has_input) {
            Ok(m) => m,
            Err(e) => return Err(self.binding_error(Command::Cmdlet(sig), e, c.span)),
        };
        if !missing.is_empty() {
            self.prompt_mandatory(Command::Cmdlet(sig), &list, &mut binding.args, &missing, c.span, &mut conv)?;
        }
        Ok(Some(Stage {
            confirm_all: None,
            kind: StageKind::Cmdlet { entry, binding, state: Vec::new() },
            span: c.span,
            redirects,
            id: self.next_stage_id(),
            stop_upstream: false,
        }))
    }

    /// The command an alias stands for, following aliases of aliases (`None` when `name` is no
    /// alias). A loop ends at the name that repeats.
    pub(crate) fn resolve_alias(&self, name: &str) -> Option<String> {
        let mut target = self.scopes.alias(name)?.definition.clone();
        let mut seen = vec![name.to_ascii_lowercase()];
        while let Some(next) = self.scopes.alias(&target) {
            if seen.contains(&target.to_ascii_lowercase()) {
                break;
            }
            seen.push(target.to_ascii_lowercase());
            target = next.definition.clone();
        }
        Some(target)
    }

    fn stage_for_function(&mut self, mut func: Function, args: Vec<Arg>, c: &CommandCall, has_input: bool) -> Stage {
        func.dot = c.invocation == InvocationKind::Dot;
        func.invoked_as = Some(match (c.invocation, &c.name) {
            (InvocationKind::Call, _) => Rc::from("&"),
            (InvocationKind::Dot, _) => Rc::from("."),
            (InvocationKind::Plain, CommandName::Bare(n, _)) => Rc::from(n.as_str()),
            (InvocationKind::Plain, CommandName::Expr(_)) => func.name.clone(),
        });
        Stage {
            confirm_all: None,
            kind: StageKind::Function { func, args, input: Vec::new(), has_input, frame: None, binding: None },
            span: c.span,
            redirects: Redirects::default(),
            id: self.next_stage_id(),
            stop_upstream: false,
        }
    }

    fn next_stage_id(&mut self) -> u64 {
        self.stage_ids += 1;
        self.stage_ids
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
            StageKind::Function { func, args, has_input, frame, binding, .. } => {
                let (func, args, has_input) = (func.clone(), args.clone(), *has_input);
                let name = func.name.to_string();
                let span = stage.span;
                let mut bound = None;
                let (r, fr) = self.in_function_frame(&func, span, None, |e| {
                    bound =
                        Some(e.bind_function_params(func.body.param_block.as_ref(), &args, has_input, &name, span)?);
                    match &func.body.begin {
                        Some(b) => returned(e.exec_block(b)),
                        None => Ok(()),
                    }
                });
                *frame = fr.map(Box::new);
                *binding = bound;
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
        if self.call_stack.len() >= MAX_CALL_DEPTH {
            return (Err(call_depth_overflow()), None);
        }
        self.call_stack.push((func.name.clone(), pos));
        // A function's statements are a trap context of their own.
        let saved_traps = std::mem::take(&mut self.trap_depth);
        let invocation = self.invocation_of(func, call_site);
        self.invocations.push(invocation);
        let saved_source = std::mem::replace(&mut self.source, func.source.clone());
        let saved_file = std::mem::replace(&mut self.file, func.file.clone());
        // A module's function runs in the module's scopes.
        let module = self.enter_module_of(func);
        let depth = self.scopes.depth();
        // A script's `exit` ends only the script (its output so far stays).
        let f = |e: &mut Engine| {
            let r = f(e);
            e.script_exited(func, r)
        };
        let (r, fr) = if func.dot {
            // Dot-sourcing runs the body in the caller's scope: its variables and functions stay.
            let saved = if func.script { self.enter_script(func) } else { Vec::new() };
            let r = self.capture_or_stream(f);
            if func.script {
                self.leave_script(func, saved);
            }
            (r, None)
        } else {
            match frame {
                Some(fr) => self.scopes.push_frame(fr),
                None => self.scopes.push(),
            }
            let saved = if func.script { self.enter_script(func) } else { Vec::new() };
            let r = self.capture_or_stream(f);
            self.scopes.truncate(depth + 1);
            if func.script {
                self.leave_script(func, saved);
            }
            let fr = if self.scopes.depth() > depth { self.scopes.pop_frame() } else { None };
            self.scopes.truncate(depth);
            (r, fr)
        };
        self.leave_module_of(module);
        self.source = saved_source;
        self.file = saved_file;
        self.trap_depth = saved_traps;
        self.invocations.pop();
        self.call_stack.pop();
        (r, fr)
    }

    fn stage_process(&mut self, stages: &mut [Stage], i: usize, input: Option<Value>) -> EvalResult<Vec<Value>> {
        let span = stages[i].span;
        match &mut stages[i].kind {
            StageKind::Cmdlet { entry, binding, .. } => {
                let entry = entry.clone();
                let sig = &entry.signature;
                let list = ParamList::of_signature(sig, self.directory.org.version);
                let mut conv = cmdlet_converter(sig.origin);
                let common = binding.common.clone();
                let mut args = match &input {
                    None => binding.args.clone(),
                    Some(v) => match list.bind_pipeline(binding, v, &mut conv) {
                        Ok(Some(a)) => a,
                        Ok(None) => {
                            let f = self.binding_error(Command::Cmdlet(sig), BindError::input_not_bound(), span);
                            return self.nonterminating_flow(f, &common, stages[i].redirects);
                        }
                        Err(e) => {
                            let f = self.binding_error(Command::Cmdlet(sig), e, span);
                            return self.nonterminating_flow(f, &common, stages[i].redirects);
                        }
                    },
                };
                let sets = binding.sets.clone();
                let missing = match list.finish(&mut args, &sets, false) {
                    Ok(m) => m,
                    Err(e) => {
                        let f = self.binding_error(Command::Cmdlet(sig), e, span);
                        return self.nonterminating_flow(f, &common, stages[i].redirects);
                    }
                };
                if !missing.is_empty() {
                    self.prompt_mandatory(Command::Cmdlet(sig), &list, &mut args, &missing, span, &mut conv)?;
                    let _ = list.finish(&mut args, &sets, false);
                }
                self.cmdlet_step(stages, i, &entry, &args, &common, |c, cx, a, st| c.process(cx, a, st))
            }
            StageKind::Function { func, frame, binding, .. } => {
                let func = func.clone();
                let name = func.name.to_string();
                let binding = binding.clone();
                let pb = func.body.param_block.as_ref();
                let process = func.body.process.clone();
                // An advanced function binds each record to its pipeline parameters even without a
                // process block (its end block then sees the last record's values).
                let binds_records = input.is_some() && ParamList::of_param_block(pb).takes_pipeline();
                let mut rejected = None;
                let mut out = Ok(Vec::new());
                if process.is_some() || binds_records {
                    let (r, fr) = self.in_function_frame(&func, span, frame.take().map(|b| *b), |e| {
                        if let (Some(item), Some(b)) = (&input, &binding)
                            && let Err(f) = e.bind_function_record(pb, b, item, &name, span)
                        {
                            rejected = Some(f);
                            return Ok(());
                        }
                        let Some(process) = &process else { return Ok(()) };
                        match &input {
                            Some(item) => {
                                e.scopes.set_local("_", item.clone());
                                // In a process block `$input` holds the current record.
                                e.scopes.set_local("input", Value::array(vec![item.clone()]));
                            }
                            None => e.scopes.remove_local("_"),
                        }
                        returned(e.exec_block(process))
                    });
                    out = r;
                    if let StageKind::Function { frame, .. } = &mut stages[i].kind {
                        *frame = fr.map(Box::new);
                    }
                }
                // A record no parameter takes is a non-terminating error, and is skipped
                // (CommandProcessor.Read: InputObjectNotBound).
                if let Some(f) = rejected {
                    let common = binding.map(|b| b.binding.common).unwrap_or_default();
                    return self.nonterminating_flow(f, &common, stages[i].redirects);
                }
                if process.is_none()
                    && let (Some(v), StageKind::Function { input: buffered, .. }) = (input, &mut stages[i].kind)
                {
                    buffered.push(v);
                }
                out
            }
        }
    }

    fn stage_end(&mut self, stages: &mut [Stage], i: usize) -> EvalResult<Vec<Value>> {
        let span = stages[i].span;
        match &mut stages[i].kind {
            StageKind::Cmdlet { entry, binding, .. } => {
                let entry = entry.clone();
                let mut args = binding.args.clone();
                let _ = ParamList::of_signature(&entry.signature, self.directory.org.version).finish(
                    &mut args,
                    &binding.sets,
                    true,
                );
                let common = binding.common.clone();
                self.cmdlet_step(stages, i, &entry, &args, &common, |c, cx, a, st| c.end(cx, a, st))
            }
            StageKind::Function { func, input, has_input, frame, .. } => {
                let func = func.clone();
                let input = std::mem::take(input);
                let has_input = *has_input;
                let (r, _) = self.in_function_frame(&func, span, frame.take().map(|b| *b), |e| {
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
            let held = std::mem::take(&mut cx.held);
            stages[i].stop_upstream = cx.stop_upstream;
            (r, std::mem::take(&mut cx.out), held)
        };
        let (r0, r1, held) = r;
        self.held_lines.extend(held);
        let r = (r0, r1);
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
                        out.into_iter().try_for_each(|v| self.emit(v))?;
                        Err(Flow::Error(e))
                    }
                }
            }
        }
    }
}

/// A block's `return` ends only that block.
fn returned(r: EvalResult<()>) -> EvalResult<()> {
    match r {
        Err(Flow::Return) => Ok(()),
        other => other,
    }
}

fn redirections(c: &CommandCall) -> Redirects {
    super::redirect::plan(&c.redirections).0
}

/// How many function, script and script-block calls may nest. PowerShell 3 and later have no fixed
/// number: they throw `ScriptCallDepthException` when the thread's stack runs low
/// (`ExecutionContext.CheckStackDepth`, `RuntimeHelpers.EnsureSufficientExecutionStack`), which on
/// Windows PowerShell's 1 MB console stack is some thousands of simple calls (inferred). exsh fixes
/// the depth so the error comes at the same point on every machine, well inside the stack `main`
/// gives the engine's thread.
pub(crate) const MAX_CALL_DEPTH: usize = 1000;

/// `The script failed due to call depth overflow.` (GetErrorText.resx `ScriptCallDepthException`):
/// its ErrorRecord wraps a ParentContainsErrorRecordException, error id `CallDepthOverflow`,
/// category InvalidOperation, target the exception's CallDepth (0 from the stack check), and no
/// invocation info, so no `At line:` block (ExecutionExceptions.cs). A terminating error that
/// `try`/`catch` can catch.
fn call_depth_overflow() -> Flow {
    let mut e = super::errors::runtime(
        "The script failed due to call depth overflow.",
        "CallDepthOverflow",
        "InvalidOperation",
        "0:Int32",
        None,
    );
    e.record.exception_type = "System.Management.Automation.ParentContainsErrorRecordException".into();
    e.fatal = true;
    Flow::Error(Box::new(e))
}
