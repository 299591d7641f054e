//! `trap [type] { … }` (about_Trap; ExceptionHandlingOps.CheckActionPreference and ProcessTraps
//! in `engine/runtime/Operations/MiscOps.cs`). A trap applies to every statement of the list it is
//! written in, before or after it. When a statement of that list fails, the matching trap runs in
//! a child scope with `$_` set to the error record, and then:
//! - `continue`: the error is not written, and the statement after the failed one runs;
//! - `break`: the error is rethrown to the caller, as a terminating error;
//! - neither: `$ErrorActionPreference` decides (Continue: the error is written and the next
//!   statement runs; Stop: rethrown; SilentlyContinue: not written).
//!
//! An error in a nested block without traps (an `if` body) unwinds to the list with the trap,
//! so execution resumes after the `if` (the compiler's "push null trap handlers"); a function's
//! own statements are a separate context (see `in_function_frame`).

use super::errors::RuntimeError;
use super::eval::EvalResult;
use super::{Engine, Flow};
use crate::syntax::{Statement, StatementKind};
use crate::value::{Value, convert};

/// The traps written directly in one statement list, in order.
pub(crate) struct Traps<'a> {
    handlers: Vec<Vec<String>>,
    bodies: Vec<&'a [Statement]>,
}

/// The traps of a statement list, `None` when it has none.
pub(crate) fn traps_of(stmts: &[Statement]) -> Option<Traps<'_>> {
    let mut t = Traps { handlers: Vec::new(), bodies: Vec::new() };
    for s in stmts {
        if let StatementKind::Trap { type_name, body } = &s.kind {
            t.handlers.push(type_name.iter().cloned().collect());
            t.bodies.push(body);
        }
    }
    (!t.bodies.is_empty()).then_some(t)
}

impl Engine {
    /// Handles an error that ended a statement of a list with traps. `Ok`: go on with the next
    /// statement; `Err`: the error (or the trap's own flow) leaves the list.
    pub(crate) fn run_trap(&mut self, traps: &Traps<'_>, mut e: Box<RuntimeError>) -> EvalResult<()> {
        let found = super::exceptions::find_handler(&traps.handlers, &e.record.exception_type, &e.record.message);
        let Some((i, exception)) = found else {
            return Err(Flow::Error(e));
        };
        self.last_success = false;
        let mut shown = e.record.clone();
        shown.exception_type = exception;
        let rec = super::errors::record_value(&shown);
        if !e.thrown.is_null()
            && let Value::Object(o) = &rec
        {
            o.borrow_mut().set("TargetObject", e.thrown.clone());
        }
        let depth = self.scopes.depth();
        self.scopes.push();
        self.scopes.set_local("_", rec.clone());
        self.scopes.set_local("PSItem", rec);
        self.catching.push((*e).clone());
        let r = self.exec_block(traps.bodies[i]);
        self.catching.pop();
        self.scopes.truncate(depth);
        self.last_success = false;
        match r {
            Ok(()) => {
                let pref = self
                    .scopes
                    .get(None, "ErrorActionPreference")
                    .map(|v| convert::to_string(&v).to_ascii_lowercase())
                    .unwrap_or_default();
                match pref.as_str() {
                    "stop" => {
                        e.fatal = true;
                        Err(Flow::Error(e))
                    }
                    "silentlycontinue" | "ignore" => {
                        self.errors.borrow_mut().insert(0, super::errors::record_value(&e.record));
                        Ok(())
                    }
                    _ => {
                        self.flush_output();
                        self.write_error_record(&e.record);
                        Ok(())
                    }
                }
            }
            Err(Flow::Continue(_)) => {
                self.errors.borrow_mut().insert(0, super::errors::record_value(&e.record));
                Ok(())
            }
            Err(Flow::Break(_)) => {
                e.fatal = true;
                Err(Flow::Error(e))
            }
            Err(f) => Err(f),
        }
    }
}
