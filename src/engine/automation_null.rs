//! `AutomationNull.Value`: what a pipeline that wrote nothing evaluates to. It reads as `$null`
//! (`-eq $null`, `if`, `"$x"`), but enumerates to nothing: `$x = Get-Mailbox -Filter …` that found
//! nothing, then `$x | ForEach-Object { }` runs zero times and `@($x).Count` is 0, while
//! `$null | ForEach-Object { }` runs once (about_Automatic_Variables, about_Pipelines).
//!
//! exsh keeps the value itself `Value::Null` and marks the variable (`scope::Var::automation_null`)
//! when an empty result is assigned; the marks are read where enumeration happens: a statement or
//! pipeline whose first element is the expression.

use super::Engine;
use super::eval::EvalResult;
use crate::syntax::ast::{ExprKind, PipelineElement, StatementKind};
use crate::syntax::{Expr, Statement};
use crate::value::Value;

impl Engine {
    /// An expression's value, and whether it is `AutomationNull.Value`: a marked variable, a
    /// `( )` / `$( )` whose statements wrote nothing, or a call of a void method.
    pub(crate) fn eval_expr_an(&mut self, e: &Expr) -> EvalResult<(Value, bool)> {
        match &e.kind {
            ExprKind::Variable(v) if !matches!(v.scope.as_deref(), Some("env")) => {
                let scope = v.scope.as_deref().filter(|s| *s == "global" || *s == "script");
                let an = self.scopes.is_automation_null(scope, &v.name);
                Ok((self.get_variable(v), an))
            }
            ExprKind::Paren(s) => self.eval_statement_an(s),
            ExprKind::Subexpr(stmts) => {
                let out = self.capture(|en| en.exec_block(stmts))?;
                let empty = out.is_empty();
                Ok((Engine::collapse(out), empty))
            }
            ExprKind::MethodCall { .. } => self.eval_method_call_an(e),
            _ => Ok((self.eval_expr(e)?, false)),
        }
    }

    /// A statement's value as the right side of an assignment, and whether it is
    /// `AutomationNull.Value` (the statement wrote nothing).
    pub(crate) fn eval_statement_an(&mut self, s: &Statement) -> EvalResult<(Value, bool)> {
        match &s.kind {
            StatementKind::Pipeline(p) => match p.elements.as_slice() {
                [PipelineElement::Expr(e)] => self.eval_expr_an(e),
                _ => {
                    let out = self.capture(|e| e.run_pipeline(p))?;
                    let empty = out.is_empty();
                    Ok((Engine::collapse(out), empty))
                }
            },
            StatementKind::Assignment { .. } => Ok((self.eval_statement_value(s)?, false)),
            _ => {
                let out = self.capture(|e| e.exec_statement(s))?;
                let empty = out.is_empty();
                Ok((Engine::collapse(out), empty))
            }
        }
    }

    /// After `$x = <statement>`: marks `$x` when the statement's value was `AutomationNull.Value`
    /// (a typed variable converted it, so it holds a real value then).
    pub(crate) fn mark_if_automation_null(&mut self, target: &Expr, automation_null: bool) {
        if !automation_null {
            return;
        }
        if let ExprKind::Variable(v) = &target.kind {
            let scope = match v.scope.as_deref() {
                Some("env") => return,
                Some(s @ ("global" | "script")) => Some(s),
                _ => None,
            };
            if self.scopes.constraint(scope, &v.name).is_none() {
                self.scopes.mark_automation_null(scope, &v.name);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::strings;

    #[test]
    fn an_empty_result_in_a_variable_enumerates_to_nothing() {
        let s = strings("function f {}; $x = f; $x | ForEach-Object { 'ran' }; @($x).Count; $x -eq $null");
        // No cmdlets are registered here, so ForEach-Object would fail if it ran: it must not.
        assert_eq!(s, Ok(vec!["0".to_string(), "True".to_string()]));
    }

    #[test]
    fn null_itself_and_later_writes_enumerate() {
        assert_eq!(strings("function f {}; $x = f; $x = $null; @($x).Count"), Ok(vec!["1".into()]));
        assert_eq!(strings("function f {}; $x = f; $x = 3; @($x).Count"), Ok(vec!["1".into()]));
        assert_eq!(strings("@($null).Count"), Ok(vec!["1".into()]));
    }

    #[test]
    fn copies_parens_and_subexpressions_keep_it() {
        assert_eq!(strings("function f {}; $x = f; $y = $x; @($y).Count"), Ok(vec!["0".into()]));
        assert_eq!(strings("function f {}; @((f)).Count; @($(f)).Count"), Ok(vec!["0".into(), "0".into()]));
        assert_eq!(strings("$z = if ($false) { 1 }; @($z).Count"), Ok(vec!["0".into()]));
    }

    #[test]
    fn a_typed_variable_holds_the_converted_value() {
        assert_eq!(strings("function f {}; [string]$s = f; @($s).Count"), Ok(vec!["1".into()]));
    }
}
