//! The engine's side of parameter binding. The binder itself ([`crate::cmdlet::bind`]) decides
//! which argument goes to which parameter for every kind of command; what is left here needs the
//! engine: converting to a script's `[type]`, default values (script expressions), the scope
//! variables a function or script sees, the common parameters as preference variables, prompting
//! for missing mandatory parameters, and turning a [`BindError`] into an error record.

use super::errors::{self, RuntimeError};
use super::eval::EvalResult;
use super::{Engine, Flow, ScriptArg};
use crate::cmdlet::Signature;
use std::rc::Rc;

use crate::cmdlet::bind::{
    ACTION_PREFERENCE, Arg, BindError, Binding, CommandKind, Converter, Decl, ParamList, ParamSpec, script_failure,
    validation_error,
};
use crate::cmdlet::{BoundArgs, Origin};
use crate::syntax::{ParamBlock, ScriptBlock, Span};
use crate::value::{Hashtable, Value, convert};

/// A function's command-line binding, and the defaults of the pipeline parameters it left
/// unbound (restored before each record binds).
#[derive(Clone)]
pub(crate) struct FunctionBinding {
    pub binding: Binding,
    pub pipeline_defaults: Vec<(String, Value)>,
}

/// Who is being bound, for the error record: a cmdlet, or a function / script / script block.
#[derive(Clone, Copy)]
pub(crate) enum Command<'a> {
    /// A cmdlet: errors name it, and its .NET class for core cmdlets.
    Cmdlet(&'a Signature),
    /// A function, filter, script block or script, by name.
    Script(&'a str),
}

/// Converts an argument to a script parameter's `[type]`; failure is PowerShell's
/// argument-transformation binding error. Cmdlet parameters are converted by the binder.
pub(crate) fn script_converter(
    types: &super::types::UserTypes,
    p: &ParamSpec<'_>,
    v: Value,
    span: Option<Span>,
) -> Result<Value, BindError> {
    let Decl::Script(def) = p.decl else { return Ok(v) };
    let Some(t) = &def.type_name else { return Ok(v) };
    super::ops::convert_to_type(types, &v, t).map_err(|m| BindError {
        message: format!("Cannot process argument transformation on parameter '{}'. {}", p.name, m.message),
        fqid: "ParameterArgumentTransformationError",
        category: "InvalidData",
        exception: "System.Management.Automation.ParameterBindingArgumentTransformationException",
        span,
    })
}

/// A `[ValidateScript()]` check the binder left for the engine: the block, the element it is
/// to see as `$_`, the parameter and the argument's span.
pub(crate) struct PendingScript {
    sb: Rc<ScriptBlock>,
    value: Value,
    param: String,
    span: Option<Span>,
}

/// [`script_converter`] followed by the parameter's validation attributes; the
/// `[ValidateScript()]` blocks are queued in `pending` for [`Engine::run_validation_scripts`].
pub(crate) fn checked_converter(
    types: Rc<std::cell::RefCell<super::types::UserTypes>>,
    pending: &mut Vec<PendingScript>,
) -> impl FnMut(&ParamSpec<'_>, Value, Option<Span>) -> Result<Value, BindError> + '_ {
    move |p, v, span| {
        let v = script_converter(&types.borrow(), p, v, span)?;
        p.validate(&v, span, &mut |sb, x| {
            pending.push(PendingScript { sb: sb.clone(), value: x.clone(), param: p.name.to_string(), span });
            Ok(true)
        })?;
        Ok(v)
    }
}

impl Engine {
    /// Runs the queued `[ValidateScript()]` blocks in order; the first that does not return a
    /// true value (or fails) is the validation error.
    pub(crate) fn run_validation_scripts(&mut self, pending: Vec<PendingScript>) -> Result<(), BindError> {
        for p in pending {
            let message = match self.invoke_block_with_underscore(&p.sb, Some(p.value.clone())) {
                Ok(out) if convert::to_bool(&Engine::collapse(out.clone())) => continue,
                Ok(_) => script_failure(&p.sb, &p.value),
                Err(Flow::Error(e)) => e.record.message.clone(),
                Err(_) => continue,
            };
            return Err(validation_error(&p.param, &message, p.span));
        }
        Ok(())
    }

    /// Binds a script's `param()` block from its command-line arguments.
    pub(crate) fn bind_script_params(&mut self, pb: &ParamBlock, args: &[ScriptArg]) -> EvalResult<()> {
        let args: Vec<Arg> = args
            .iter()
            .map(|a| match a {
                ScriptArg::Named(n, v) => {
                    // `-Flag:$false`: pwsh's CollectPSArgs reads `$true`/`true`/`$false`/`false` as booleans.
                    let value =
                        v.as_ref().map(|v| match v.strip_prefix('$').unwrap_or(v).to_ascii_lowercase().as_str() {
                            "true" => Value::Bool(true),
                            "false" => Value::Bool(false),
                            _ => Value::str(v),
                        });
                    Arg::Named { name: n.clone(), value, span: Span::default() }
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

    /// Binds a function's (or script block's, or script's) arguments and sets its parameter
    /// variables, defaults, `$args`, `$PSBoundParameters` and the preference variables its common
    /// parameters imply. Returns the binding, which its pipeline records bind onto.
    pub(crate) fn bind_function_params(
        &mut self,
        pb: Option<&ParamBlock>,
        args: &[Arg],
        has_input: bool,
        fname: &str,
        span: Span,
    ) -> EvalResult<FunctionBinding> {
        let list = ParamList::of_param_block(pb);
        let who = Command::Script(fname);
        let mut pending = Vec::new();
        let mut binding = match list.bind_command_line(args, &mut checked_converter(self.types.clone(), &mut pending)) {
            Ok(b) => b,
            Err(e) => return Err(self.binding_error(who, e, span)),
        };
        if let Err(e) = self.run_validation_scripts(std::mem::take(&mut pending)) {
            return Err(self.binding_error(who, e, span));
        }
        let missing = match list.missing(&binding.args, &binding.sets, has_input) {
            Ok(m) => m,
            Err(e) => return Err(self.binding_error(who, e, span)),
        };
        if !missing.is_empty() {
            self.prompt_mandatory(
                who,
                &list,
                &mut binding.args,
                &missing,
                span,
                &mut checked_converter(self.types.clone(), &mut pending),
            )?;
            if let Err(e) = self.run_validation_scripts(std::mem::take(&mut pending)) {
                return Err(self.binding_error(who, e, span));
            }
            // Prompted values are bound like the others.
            for name in &missing {
                if binding.args.has(name) {
                    binding.order.push((name.to_string(), None));
                }
            }
        }
        let mut pipeline_defaults = Vec::new();
        for p in &list.params {
            let Decl::Script(def) = p.decl else { continue };
            let v = match binding.args.get(p.name) {
                Some(v) => v.clone(),
                None => {
                    let v = match &def.default {
                        Some(d) => self.eval_expr(d)?,
                        None if p.switch => Value::Switch(false),
                        None => Value::Null,
                    };
                    // An unbound typed parameter holds its type's value of `$null` (`[int]` 0,
                    // `[string]` ''), as a `[type]$x = $null` variable would.
                    let converted = script_converter(&self.types.borrow(), p, v.clone(), Some(span));
                    let v = match converted {
                        Ok(c) => c,
                        Err(_) if v.is_null() => v,
                        Err(e) => return Err(self.binding_error(who, e, span)),
                    };
                    if p.takes_pipeline() {
                        pipeline_defaults.push((p.name.to_string(), v.clone()));
                    }
                    v
                }
            };
            self.scopes.set_local(p.name, v);
            // A typed parameter keeps its type in the body (`$n = 'abc'` later fails).
            if let Some(t) = def.type_name.as_deref().filter(|t| !t.eq_ignore_ascii_case("switch")) {
                self.scopes.constrain(p.name, t);
            }
        }
        self.scopes.set_local("args", Value::array(binding.rest.clone()));
        // `$PSBoundParameters`: what was bound, in binding order; defaults are not in it
        // (ScriptParameterBinderController.BindCommandLineParameters).
        let mut bound = Hashtable::new();
        for (name, given) in &binding.order {
            if let Some(v) = given.clone().or_else(|| binding.args.get(name).cloned()) {
                bound.insert(Value::str(name), v);
            }
        }
        let bound = Value::hashtable(bound);
        self.scopes.set_local("PSBoundParameters", bound.clone());
        if list.kind == CommandKind::Advanced {
            self.apply_common_preferences(&binding);
            let mut chosen = binding.args.clone();
            let _ = list.finish(&mut chosen, &binding.sets, has_input);
            let cmdlet = super::pscmdlet::make(fname, &chosen.set, bound, list.confirm_impact);
            self.scopes.set_local("PSCmdlet", cmdlet);
        }
        Ok(FunctionBinding { binding, pipeline_defaults })
    }

    /// An advanced function's common parameters become its preference variables.
    fn apply_common_preferences(&mut self, b: &Binding) {
        let c = &b.common;
        let name = |bits: u64| {
            ACTION_PREFERENCE.members.iter().find(|(_, v)| *v == bits).map(|(n, _)| *n).unwrap_or("Continue")
        };
        if let Some(a) = c.error_action {
            self.scopes.set_local("ErrorActionPreference", Value::str(name(a)));
        }
        if let Some(a) = c.warning_action {
            self.scopes.set_local("WarningPreference", Value::str(name(a)));
        }
        if c.verbose {
            self.scopes.set_local("VerbosePreference", Value::str("Continue"));
        }
        if let Some(w) = c.whatif {
            self.scopes.set_local("WhatIfPreference", Value::Bool(w));
        }
        if let Some(cf) = c.confirm {
            self.scopes.set_local("ConfirmPreference", Value::str(if cf { "Low" } else { "None" }));
        }
    }

    /// Binds one pipeline record to a streaming function's pipeline parameters (those the command
    /// line left unbound) and sets their variables. A parameter the previous record bound but
    /// this one does not gets its default back, while `$PSBoundParameters` keeps what it was given
    /// (CmdletParameterBinderController.RestoreDefaultParameterValues; PowerShell issue #5202).
    /// `Err`: the record binds to nothing, or its binding failed; the function does not run for it.
    pub(crate) fn bind_function_record(
        &mut self,
        pb: Option<&ParamBlock>,
        fb: &FunctionBinding,
        item: &Value,
        fname: &str,
        span: Span,
    ) -> Result<(), Flow> {
        let list = ParamList::of_param_block(pb);
        if !list.takes_pipeline() {
            return Ok(());
        }
        let who = Command::Script(fname);
        let mut pending = Vec::new();
        let args = match list.bind_pipeline(&fb.binding, item, &mut checked_converter(self.types.clone(), &mut pending))
        {
            Ok(Some(args)) => args,
            Ok(None) => return Err(self.binding_error(who, BindError::input_not_bound(), span)),
            Err(e) => return Err(self.binding_error(who, e, span)),
        };
        if let Err(e) = self.run_validation_scripts(pending) {
            return Err(self.binding_error(who, e, span));
        }
        let mut check = args.clone();
        if let Err(e) = list.finish(&mut check, &fb.binding.sets, false) {
            return Err(self.binding_error(who, e, span));
        }
        let bound = match self.scopes.get(None, "PSBoundParameters") {
            Some(Value::Hashtable(h)) => Some(h),
            _ => None,
        };
        for (name, default) in &fb.pipeline_defaults {
            match args.get(name) {
                Some(v) => {
                    if let Some(h) = &bound {
                        h.borrow_mut().insert(Value::str(name), v.clone());
                    }
                    self.scopes.set_local(name, v.clone());
                }
                None => self.scopes.set_local(name, default.clone()),
            }
        }
        Ok(())
    }

    /// Prompts for missing mandatory parameters, one per line after PowerShell's two header lines;
    /// an empty answer (or the end of input) is the missing-mandatory error.
    pub(crate) fn prompt_mandatory(
        &mut self,
        who: Command<'_>,
        list: &ParamList<'_>,
        args: &mut BoundArgs,
        missing: &[&str],
        span: Span,
        conv: &mut Converter<'_>,
    ) -> EvalResult<()> {
        let command = match who {
            Command::Cmdlet(sig) => sig.name,
            Command::Script(name) => name,
        };
        // -NonInteractive: no prompt, the missing-mandatory error at once.
        if self.non_interactive {
            return Err(self.binding_error(who, BindError::missing_mandatory(missing), span));
        }
        for (n, name) in missing.iter().enumerate() {
            let Some(p) = list.get(name) else { continue };
            match self.ask_mandatory(command, n == 0, name) {
                Some(a) => match conv(p, Value::str(a), None) {
                    Ok(v) => args.insert(p.name, v),
                    Err(e) => return Err(self.binding_error(who, e, span)),
                },
                None => return Err(self.binding_error(who, BindError::missing_mandatory(missing), span)),
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
        // -NonInteractive: nothing is asked; callers report PowerShell's NonInteractive error.
        if self.non_interactive {
            return None;
        }
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

    /// A binding error as a statement-terminating error record. A script's own parameters fail
    /// with the script as the command and no position (as `pwsh -File` reports them).
    pub(crate) fn binding_error(&mut self, who: Command<'_>, e: BindError, span: Span) -> Flow {
        let exception = if e.fqid == "ParameterArgumentTransformationError" {
            "System.Management.Automation.ParameterBindingArgumentTransformationException"
        } else if e.fqid.starts_with("ParameterArgumentValidationError") {
            "System.Management.Automation.ParameterBindingValidationException"
        } else {
            e.exception
        };
        let (activity, id_suffix, prefix, pos) = match who {
            Command::Cmdlet(sig) => {
                let suffix = if sig.origin == Origin::Exchange { sig.name } else { sig.class };
                (sig.name, suffix, sig.name.to_string(), Some(self.position(e.span.unwrap_or(span))))
            }
            Command::Script(name) if self.script_binding => {
                (name, name, self.file.as_deref().unwrap_or(name).to_string(), None)
            }
            Command::Script(name) => (name, name, name.to_string(), Some(self.position(e.span.unwrap_or(span)))),
        };
        let rec = errors::local_record(
            e.message,
            exception,
            e.category,
            ":",
            activity,
            &format!("{},{id_suffix}", e.fqid),
            pos,
            Some(&prefix),
        );
        Flow::Error(Box::new(RuntimeError { record: rec, thrown: Value::Null, fatal: false }))
    }
}
