//! Evaluation of the constructs added to the grammar for admin scripts beyond the core: pipeline
//! chains (`&&`, `||`), the ternary, null-coalescing and null-conditional operators (PowerShell 7;
//! the parser accepts them only in the Online profile), `data` sections and `switch -file`.

use super::errors;
use super::{Engine, Flow, eval::EvalResult};
use crate::syntax::{AssignOp, ChainOp, Expr, ExprKind, Pipeline, Span, Statement, StatementKind};
use crate::value::{Value, convert};

impl Engine {
    /// `a && b || c`: each pipeline after the first runs when `$?` after the previous one is true
    /// (`&&`) or false (`||`). A statement-terminating error in an element sets `$?` to false and the
    /// chain goes on, as in pwsh (inside `try` it propagates to the catch).
    pub(crate) fn exec_chain(&mut self, first: &Pipeline, rest: &[(ChainOp, Pipeline)]) -> EvalResult<()> {
        self.chain_element(first)?;
        for (op, p) in rest {
            if (*op == ChainOp::And) == self.last_success {
                self.chain_element(p)?;
            }
        }
        Ok(())
    }

    fn chain_element(&mut self, p: &Pipeline) -> EvalResult<()> {
        let st = Statement { kind: StatementKind::Pipeline(p.clone()), span: p.span };
        match self.exec_statement(&st) {
            Err(Flow::Error(e)) if !e.fatal && self.try_depth == 0 => {
                self.report_nonfatal(&e);
                Ok(())
            }
            other => other,
        }
    }

    /// `cond ? a : b`.
    pub(crate) fn eval_ternary(&mut self, condition: &Expr, if_true: &Expr, if_false: &Expr) -> EvalResult<Value> {
        let c = self.eval_expr(condition)?;
        if convert::to_bool(&c) { self.eval_expr(if_true) } else { self.eval_expr(if_false) }
    }

    /// `a ?? b`: `b` is evaluated only when `a` is `$null`.
    pub(crate) fn eval_coalesce(&mut self, lhs: &Expr, rhs: &Expr) -> EvalResult<Value> {
        let l = self.eval_expr(lhs)?;
        if l.is_null() { self.eval_expr(rhs) } else { Ok(l) }
    }

    /// True when `target op= …` must not run: `??=` on a target that is not `$null` (its right side
    /// is not evaluated either).
    pub(crate) fn assignment_skipped(&mut self, target: &Expr, op: AssignOp) -> EvalResult<bool> {
        if op != AssignOp::Coalesce {
            return Ok(false);
        }
        Ok(!self.eval_expr(target)?.is_null())
    }

    /// `a?.B`, `a?.M()`, `a?[i]`: `$null` when `a` is, without evaluating the member or index.
    pub(crate) fn eval_null_conditional(&mut self, inner: &Expr) -> EvalResult<Value> {
        match &inner.kind {
            ExprKind::Member { target, name, .. } => {
                let tv = self.eval_expr(target)?;
                if tv.is_null() {
                    return Ok(Value::Null);
                }
                let name = self.member_name(name)?;
                self.get_member(&tv, &name)
            }
            ExprKind::MethodCall { target, name, args, .. } => {
                let tv = self.eval_expr(target)?;
                if tv.is_null() {
                    return Ok(Value::Null);
                }
                let name = self.member_name(name)?;
                let mut argv = Vec::with_capacity(args.len());
                for a in args {
                    argv.push(self.eval_expr(a)?);
                }
                super::methods::call_method(self, &tv, &name, argv, inner.span)
            }
            ExprKind::Index { target, index } => {
                let tv = self.eval_expr(target)?;
                if tv.is_null() {
                    return Ok(Value::Null);
                }
                let iv = self.eval_expr(index)?;
                Ok(super::ops::index(&tv, &iv))
            }
            _ => self.eval_expr(inner),
        }
    }

    /// `data [name] { … }`: the section's output, assigned to `$name` when it has one.
    pub(crate) fn exec_data(&mut self, variable: &Option<String>, body: &[Statement]) -> EvalResult<()> {
        match variable {
            Some(v) => {
                let out = self.capture(|e| e.exec_block(body))?;
                self.scopes.set_local(v, Engine::collapse(out));
                Ok(())
            }
            None => self.exec_block(body),
        }
    }

    /// The lines of the file `switch -file <path>` reads.
    pub(crate) fn switch_file_lines(&mut self, path: &Value, span: Span) -> EvalResult<Value> {
        let path = convert::to_string(path);
        match self.host.files().read_text(&path) {
            Ok(text) => {
                let mut lines: Vec<Value> =
                    text.split('\n').map(|l| Value::str(l.strip_suffix('\r').unwrap_or(l))).collect();
                if text.ends_with('\n') {
                    lines.pop();
                }
                Ok(Value::array(lines))
            }
            Err(msg) => Err(Flow::Error(Box::new(errors::runtime(
                msg,
                "System.IO.FileNotFoundException",
                "ObjectNotFound",
                ":",
                Some(self.position(span)),
            )))),
        }
    }
}
