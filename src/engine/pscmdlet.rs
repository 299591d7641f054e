//! `$PSCmdlet` in an advanced function or script (`[CmdletBinding()]`): ParameterSetName,
//! MyInvocation, and the methods scripts call on it: ShouldProcess (three overloads),
//! ShouldContinue, WriteVerbose, WriteWarning, WriteDebug, WriteError, WriteObject and
//! ThrowTerminatingError (MshCommandRuntime.cs; texts from CommandBaseStrings.resx).
//!
//! The function's `-WhatIf` and `-Confirm` have already become its `$WhatIfPreference` and
//! `$ConfirmPreference` (`bind.rs`), which is also how they reach the commands it calls.

use super::errors::{self, RuntimeError};
use super::eval::EvalResult;
use super::{Engine, Flow};
use crate::cmdlet::{CmdletError, ConfirmImpact};
use crate::syntax::Span;
use crate::value::{ErrorRecord, PsObject, Value, convert};

pub(super) const TYPE: &str = "System.Management.Automation.PSScriptCmdlet";
/// Where the object keeps the function's ConfirmImpact and its "Yes to All" / "No to All" answer.
const IMPACT: &str = "__ConfirmImpact";
const TO_ALL: &str = "__ToAll";

/// The `$PSCmdlet` of a function: its name, chosen parameter set, bound parameters and impact.
pub(crate) fn make(name: &str, set: &str, bound: Value, impact: ConfirmImpact) -> Value {
    let mut command = PsObject::new(&["System.Management.Automation.FunctionInfo", "System.Object"])
        .with("Name", name)
        .with("CommandType", "Function")
        .with("CmdletBinding", Value::Bool(true));
    command.display = Some(name.into());
    let invocation = PsObject::new(&["System.Management.Automation.InvocationInfo", "System.Object"])
        .with("MyCommand", Value::object(command))
        .with("BoundParameters", bound)
        .with("InvocationName", name);
    let impact = match impact {
        ConfirmImpact::None => 0,
        ConfirmImpact::Low => 1,
        ConfirmImpact::Medium => 2,
        ConfirmImpact::High => 3,
    };
    let o = PsObject::new(&[
        TYPE,
        "System.Management.Automation.PSCmdlet",
        "System.Management.Automation.Cmdlet",
        "System.Object",
    ])
    .with("ParameterSetName", set)
    .with("MyInvocation", Value::object(invocation))
    .with(IMPACT, Value::Int(impact))
    .with(TO_ALL, Value::Null);
    Value::object(o)
}

/// True when `v` is a `$PSCmdlet`.
pub(crate) fn is_pscmdlet(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.borrow().type_names.first().is_some_and(|t| t.as_ref() == TYPE))
}

impl Engine {
    /// A method of `$PSCmdlet`; `None` when it has no such method.
    pub(crate) fn pscmdlet_method(
        &mut self,
        target: &Value,
        name: &str,
        args: &[Value],
        span: Span,
    ) -> Option<EvalResult<Value>> {
        let Value::Object(o) = target else { return None };
        let s = |i: usize| args.get(i).map(convert::to_string).unwrap_or_default();
        let fname = o
            .borrow()
            .get("MyInvocation")
            .and_then(|m| m.property("MyCommand"))
            .and_then(|c| c.property("Name"))
            .map(|n| convert::to_string(&n))
            .unwrap_or_default();
        Some(match name.to_ascii_lowercase().as_str() {
            "shouldprocess" => {
                // ShouldProcess(target): the command name is the operation;
                // ShouldProcess(target, action); ShouldProcess(description, warning, caption).
                let (description, warning, caption) = match args.len() {
                    0 | 1 => (format!("Performing the operation \"{fname}\" on target \"{}\".", s(0)), None, None),
                    2 => (format!("Performing the operation \"{}\" on target \"{}\".", s(1), s(0)), None, None),
                    _ => (s(0), Some(s(1)), Some(s(2))),
                };
                self.script_should_process(target, &description, warning, caption, span).map(Value::Bool)
            }
            "shouldcontinue" => {
                // ShouldContinue(query, caption): always asks, Yes / No (no "to All").
                let r = self.ask_choice(&s(1), &s(0), false, true);
                self.prompt_result(r, span).map(Value::Bool)
            }
            "writeverbose" | "writedebug" => {
                let (var, label) = if name.eq_ignore_ascii_case("writeverbose") {
                    ("VerbosePreference", "VERBOSE")
                } else {
                    ("DebugPreference", "DEBUG")
                };
                let pref = self.scopes.get(None, var).map(|v| convert::to_string(&v)).unwrap_or_default();
                if matches!(pref.to_ascii_lowercase().as_str(), "continue" | "inquire" | "stop") {
                    self.flush_output();
                    self.host_line(&format!("{label}: {}", s(0)));
                }
                Ok(Value::Null)
            }
            "writewarning" => {
                let pref =
                    self.scopes.get(None, "WarningPreference").map(|v| convert::to_string(&v)).unwrap_or_default();
                if !matches!(pref.to_ascii_lowercase().as_str(), "silentlycontinue" | "ignore") {
                    let line = crate::format::warning_line(&s(0), self.host.colors());
                    self.flush_output();
                    self.host_line(&line);
                }
                Ok(Value::Null)
            }
            "writeobject" => {
                let v = args.first().cloned().unwrap_or(Value::Null);
                let enumerate = args.get(1).is_some_and(convert::to_bool);
                let r = if enumerate { self.emit_enumerated(v) } else { self.emit(v) };
                r.map(|()| Value::Null)
            }
            "writeerror" | "throwterminatingerror" => {
                let mut rec = record_of(args.first().unwrap_or(&Value::Null));
                self.attribute_to_function(&mut rec, &fname);
                if name.eq_ignore_ascii_case("throwterminatingerror") {
                    return Some(Err(Flow::Error(Box::new(RuntimeError {
                        record: rec,
                        thrown: Value::Null,
                        fatal: true,
                    }))));
                }
                let common = crate::cmdlet::bind::Common::default();
                match self.handle_error(rec, &common, Default::default(), false) {
                    super::error_action::ErrorOutcome::Stop(e) => Err(Flow::Error(e)),
                    super::error_action::ErrorOutcome::Merged(v) => self.emit(v).map(|()| Value::Null),
                    super::error_action::ErrorOutcome::Continue => Ok(Value::Null),
                }
            }
            _ => return None,
        })
    }

    /// ShouldProcess for a script cmdlet (MshCommandRuntime.DoShouldProcess).
    fn script_should_process(
        &mut self,
        cmdlet: &Value,
        description: &str,
        warning: Option<String>,
        caption: Option<String>,
        span: Span,
    ) -> EvalResult<bool> {
        let Value::Object(o) = cmdlet else { return Ok(true) };
        if let Some(Value::Bool(all)) = o.borrow().get(TO_ALL) {
            return Ok(all);
        }
        let whatif = self.scopes.get(None, "WhatIfPreference").map(|v| convert::to_bool(&v)).unwrap_or(false);
        if whatif {
            self.flush_output();
            self.host_line(&format!("What if: {description}"));
            return Ok(false);
        }
        let impact = match o.borrow().get(IMPACT) {
            Some(Value::Int(0)) => ConfirmImpact::None,
            Some(Value::Int(1)) => ConfirmImpact::Low,
            Some(Value::Int(3)) => ConfirmImpact::High,
            _ => ConfirmImpact::Medium,
        };
        let caption = caption.unwrap_or_else(|| "Confirm".into());
        let query = warning.unwrap_or_else(|| format!("Are you sure you want to perform this action?\n{description}"));
        let saved = self.confirm_all.take();
        self.flush_output();
        let threshold = self.confirm_threshold(None);
        let r = self.confirm_step(impact, threshold, None, false, &caption, &query);
        if let Some(all) = self.confirm_all {
            o.borrow_mut().set(TO_ALL, Value::Bool(all));
        }
        self.confirm_all = saved;
        self.prompt_result(r, span)
    }

    fn prompt_result(&mut self, r: Result<bool, CmdletError>, span: Span) -> EvalResult<bool> {
        match r {
            Ok(b) => Ok(b),
            Err(CmdletError::Record(rec)) => {
                Err(Flow::Error(Box::new(RuntimeError { record: *rec, thrown: Value::Null, fatal: true })))
            }
            Err(_) => Err(Flow::Error(Box::new(errors::runtime(
                "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
                "InvalidOperation",
                "InvalidOperation",
                ":",
                Some(self.position(span)),
            )))),
        }
    }

    /// A script cmdlet's error names the function and points at its call (as Write-Error's do).
    fn attribute_to_function(&self, rec: &mut ErrorRecord, fname: &str) {
        if let Some((name, pos)) = self.call_stack.last() {
            rec.prefix = Some(format!("{name} : "));
            rec.command = Some(name.to_string());
            rec.position = Some(pos.clone());
            if !rec.fqid.contains(',') {
                rec.fqid = format!("{},{name}", rec.fqid);
            }
        } else if !fname.is_empty() {
            rec.prefix = Some(format!("{fname} : "));
            rec.command = Some(fname.to_string());
        }
    }
}

/// The error record a script passes to WriteError / ThrowTerminatingError (an ErrorRecord value,
/// or anything else as its message).
pub(crate) fn record_of(v: &Value) -> ErrorRecord {
    let text = |o: &Value, n: &str| o.property(n).map(|x| convert::to_string(&x)).unwrap_or_default();
    let is_record = matches!(v, Value::Object(o) if o.borrow().type_names.iter().any(|t| t.as_ref() == "System.Management.Automation.ErrorRecord"));
    if !is_record {
        let msg = convert::to_string(v);
        return errors::local_record(
            msg.clone(),
            "System.Management.Automation.RuntimeException",
            "NotSpecified",
            ":",
            "",
            "RuntimeException",
            None,
            None,
        );
    }
    let exception = v.property("Exception").unwrap_or(Value::Null);
    let ty = exception.type_name();
    let ci = v.property("CategoryInfo").unwrap_or(Value::Null);
    let target_name = text(&ci, "TargetName");
    let target_type = text(&ci, "TargetType");
    errors::local_record(
        text(&exception, "Message"),
        if ty == "null" { "System.Exception" } else { &ty },
        &{
            let c = text(&ci, "Category");
            if c.is_empty() { "NotSpecified".to_string() } else { c }
        },
        &format!("{target_name}:{target_type}"),
        &text(&ci, "Activity"),
        &text(v, "FullyQualifiedErrorId"),
        None,
        None,
    )
}
