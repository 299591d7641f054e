//! What happens to an error once it is raised: building the cmdlet's error record, then applying
//! `-ErrorAction`, `$ErrorActionPreference`, `-ErrorVariable` and the `2>` redirections to it.
//! The record layouts themselves are in `errors.rs`.

use super::errors::{self, RuntimeError};
use super::eval::EvalResult;
use super::{Engine, Flow};
use crate::cmdlet::bind::{ACTION_PREFERENCE, Common};
use crate::cmdlet::{CmdletError, Signature};
use crate::syntax::Span;
use crate::value::{ErrorRecord, Value, convert};

/// A command's stream redirections as flags (`redirect::plan` makes them).
#[derive(Clone, Copy, Default)]
pub(crate) struct Redirects {
    pub discard_errors: bool,
    pub discard_output: bool,
    pub errors_to_output: bool,
    /// `2> file`: the records are collected for the file (`Engine::captured_errors`).
    pub errors_to_file: bool,
    pub discard_warnings: bool,
    /// `3>&1`: warnings join the output as their text.
    pub warnings_to_output: bool,
    /// `3> file`: collected for the file (`Engine::captured_warnings`).
    pub warnings_to_file: bool,
    /// `4>$null` … `6>$null`.
    pub discard_verbose: bool,
}

/// Where a stage's error should go after error-action handling.
pub(crate) enum ErrorOutcome {
    Continue,
    /// `2>&1`: the error record joins the command's output.
    Merged(Value),
    Stop(Box<RuntimeError>),
}

impl Engine {
    pub(crate) fn nonterminating_flow(
        &mut self,
        f: Flow,
        common: &Common,
        redirects: Redirects,
    ) -> EvalResult<Vec<Value>> {
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
            CmdletError::Record(mut r)
                if r.exception_type.ends_with("WriteErrorException") || sig.name == "Write-Error" =>
            {
                // Write-Error reports the caller: the function, the script, or the command line.
                match self.call_stack.last() {
                    Some((name, pos)) => {
                        r.prefix = Some(format!("{name} : "));
                        r.command = Some(name.to_string());
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
    pub(crate) fn error_action(&self, common: &Common, remote: bool) -> u64 {
        if let Some(a) = common.error_action {
            return a;
        }
        if remote {
            return 2;
        }
        let pref = self.scopes.get(None, "ErrorActionPreference").map(|v| convert::to_string(&v)).unwrap_or_default();
        ACTION_PREFERENCE.parse(&pref).map(|e| e.bits).unwrap_or(2)
    }

    /// `-ErrorVariable name` starts the variable as an empty ArrayList when the command starts;
    /// `+name` keeps what it holds (about_CommonParameters).
    pub(crate) fn start_error_variable(&mut self, common: &Common) {
        if let Some(var) = &common.error_variable {
            if !common.append_error_variable {
                self.scopes.set_local(var, Value::array_list(Vec::new()));
            }
        }
    }

    /// Applies -ErrorAction / $ErrorActionPreference to a non-terminating error.
    pub(crate) fn handle_error(
        &mut self,
        rec: ErrorRecord,
        common: &Common,
        redirects: Redirects,
        remote: bool,
    ) -> ErrorOutcome {
        self.last_success = false;
        if let Some(var) = &common.error_variable {
            match self.scopes.get(None, var) {
                Some(Value::Array(a)) if a.borrow().kind == crate::value::ArrayKind::ArrayList => {
                    a.borrow_mut().push(errors::record_value(&rec));
                }
                cur => {
                    let mut items = cur.map(|v| v.enumerate()).unwrap_or_default();
                    items.push(errors::record_value(&rec));
                    self.scopes.set_local(var, Value::array_list(items));
                }
            }
        }
        let action = self.error_action(common, remote);
        match action {
            1 => {
                // Stop: the error becomes terminating (ActionPreferenceStopException).
                ErrorOutcome::Stop(Box::new(RuntimeError { record: rec, thrown: Value::Null, fatal: true }))
            }
            0 | 4 => {
                if action == 0 {
                    self.errors.borrow_mut().insert(0, errors::record_value(&rec));
                }
                ErrorOutcome::Continue
            }
            _ => {
                if redirects.discard_errors {
                    self.errors.borrow_mut().insert(0, errors::record_value(&rec));
                } else if redirects.errors_to_file && !self.captured_errors.is_empty() {
                    let v = errors::record_value(&rec);
                    self.errors.borrow_mut().insert(0, v.clone());
                    if let Some(top) = self.captured_errors.last_mut() {
                        top.push(v);
                    }
                } else if redirects.errors_to_output {
                    let v = errors::record_value(&rec);
                    self.errors.borrow_mut().insert(0, v.clone());
                    return ErrorOutcome::Merged(v);
                } else {
                    self.write_error_record(&rec);
                }
                ErrorOutcome::Continue
            }
        }
    }
}
