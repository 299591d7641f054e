//! Statements and expressions.

use std::rc::Rc;

use super::errors::{self, RuntimeError};
use super::{Engine, Flow};
use crate::syntax::{
    AssignOp, BinaryOp, Expr, ExprKind, Literal, MemberName, Pipeline, PipelineElement, Span, Statement, StatementKind,
    StringPart, UnaryOp, VarRef,
};
use crate::value::{Hashtable, KeyHash, Value, convert};

pub(crate) type EvalResult<T> = Result<T, Flow>;

impl Engine {
    /// Runs top-level statements: a statement-terminating error is reported and the next statement runs.
    pub(crate) fn exec_top(&mut self, stmts: &[Statement]) -> EvalResult<()> {
        if let Err(e) = self.predefine_types(stmts) {
            match e {
                Flow::Error(e) if !e.fatal => self.report_nonfatal(&e),
                f => return Err(f),
            }
        }
        self.exec_list(stmts, true)
    }

    /// Runs a statement list with PowerShell's error rule: non-fatal errors are reported (unless a
    /// `try` or a trap of this function is active, which must see them) and execution continues.
    pub(crate) fn exec_block(&mut self, stmts: &[Statement]) -> EvalResult<()> {
        self.exec_list(stmts, false)
    }

    fn exec_list(&mut self, stmts: &[Statement], top: bool) -> EvalResult<()> {
        self.step()?;
        let traps = super::trap::traps_of(stmts);
        if traps.is_some() {
            self.trap_depth += 1;
        }
        let mut r = Ok(());
        for s in stmts {
            if matches!(s.kind, StatementKind::Trap { .. }) {
                continue;
            }
            if top {
                self.top_statement = s.span;
            }
            let step = match (self.exec_statement(s), &traps) {
                (Err(Flow::Error(e)), Some(t)) => self.run_trap(t, e),
                (Err(Flow::Error(mut e)), None)
                    if !e.fatal && (top || (self.try_depth() == 0 && self.trap_depth == 0)) =>
                {
                    // A statement-terminating error obeys $ErrorActionPreference
                    // (ExceptionHandlingOps.CheckActionPreference): Stop ends the script,
                    // SilentlyContinue and Ignore record it in $Error without showing it.
                    match self.preference_for_statement_errors().as_str() {
                        "stop" => {
                            e.fatal = true;
                            Err(Flow::Error(e))
                        }
                        "silentlycontinue" | "ignore" => {
                            self.errors.borrow_mut().insert(0, super::errors::record_value(&e.record));
                            self.last_success = false;
                            Ok(())
                        }
                        _ => {
                            self.report_nonfatal(&e);
                            Ok(())
                        }
                    }
                }
                (other, _) => other,
            };
            if step.is_err() {
                r = step;
                break;
            }
        }
        if traps.is_some() {
            self.trap_depth -= 1;
        }
        r
    }

    /// `$ErrorActionPreference`, lower-cased.
    fn preference_for_statement_errors(&self) -> String {
        self.scopes
            .get(None, "ErrorActionPreference")
            .map(|v| convert::to_string(&v).to_ascii_lowercase())
            .unwrap_or_default()
    }

    pub(crate) fn report_nonfatal(&mut self, e: &RuntimeError) {
        let rec = e.record.clone();
        self.write_error_record(&rec);
        self.last_success = false;
    }

    fn try_depth(&self) -> usize {
        self.try_depth
    }

    fn set_try_depth(&mut self, d: usize) {
        self.try_depth = d;
    }

    /// Emits a value to the current collector: a buffer, the downstream stages of the pipeline a
    /// function streams into (so its objects reach them as they are written, in order with its
    /// host lines, as PowerShell streams), or Out-Default at the top. Fails when a downstream stage
    /// fails: the error travels up through the writing function, as in PowerShell.
    pub(crate) fn emit(&mut self, v: Value) -> EvalResult<()> {
        match self.collectors.last_mut() {
            Some(super::invoke::Collector::Buffer(top)) => {
                top.push(v);
                Ok(())
            }
            Some(super::invoke::Collector::Stream(_)) => self.emit_downstream(v),
            None => {
                if !v.is_null() {
                    self.transcribe();
                    let style = self.error_style();
                    self.output.set_error_style(style);
                    let host = self.host.as_mut();
                    self.output.object(&v, host);
                    self.transcribe();
                }
                Ok(())
            }
        }
    }

    /// Writes an out-of-band line (warning, What if, Write-Host) in order with the output.
    pub(crate) fn host_line(&mut self, text: &str) {
        self.transcribe();
        let host = self.host.as_mut();
        self.output.text(text, host);
        self.transcribe();
    }

    /// Runs `f` collecting everything it emits.
    pub(crate) fn capture<F>(&mut self, f: F) -> EvalResult<Vec<Value>>
    where
        F: FnOnce(&mut Engine) -> EvalResult<()>,
    {
        self.collectors.push(super::invoke::Collector::Buffer(Vec::new()));
        let r = f(self);
        let out = match self.collectors.pop() {
            Some(super::invoke::Collector::Buffer(out)) => out,
            _ => Vec::new(),
        };
        r.map(|_| out)
    }

    /// [`Engine::capture`] for a function's step: when it ends with an error, what it wrote before
    /// the error is not lost but goes on to the caller's output (PowerShell streams it at once).
    pub(crate) fn capture_until_error<F>(&mut self, f: F) -> EvalResult<Vec<Value>>
    where
        F: FnOnce(&mut Engine) -> EvalResult<()>,
    {
        self.collectors.push(super::invoke::Collector::Buffer(Vec::new()));
        let r = f(self);
        let out = match self.collectors.pop() {
            Some(super::invoke::Collector::Buffer(out)) => out,
            _ => Vec::new(),
        };
        match r {
            Ok(()) => Ok(out),
            Err(e) => {
                // The objects go on before the error does; a failure downstream of them gives way
                // to the error being raised.
                for v in out {
                    if self.emit(v).is_err() {
                        break;
                    }
                }
                Err(e)
            }
        }
    }

    /// A collected output as one value: nothing is `$null`, one item is itself, more is an array.
    pub(crate) fn collapse(mut items: Vec<Value>) -> Value {
        match items.len() {
            0 => Value::Null,
            1 => items.pop().unwrap_or(Value::Null),
            _ => Value::array(items),
        }
    }

    pub(crate) fn exec_statement(&mut self, s: &Statement) -> EvalResult<()> {
        match &s.kind {
            StatementKind::Pipeline(p) => {
                if let [PipelineElement::Expr(e)] = p.elements.as_slice() {
                    let is_incdec = matches!(
                        &e.kind,
                        ExprKind::Unary {
                            op: UnaryOp::PostIncrement
                                | UnaryOp::PostDecrement
                                | UnaryOp::PreIncrement
                                | UnaryOp::PreDecrement,
                            ..
                        }
                    );
                    // `[void]expr` writes nothing (not even $null).
                    let is_void =
                        matches!(&e.kind, ExprKind::Cast { type_name, .. } if type_name.eq_ignore_ascii_case("void"));
                    let (v, automation_null) = self.eval_expr_an(e)?;
                    self.last_success = true;
                    if !is_incdec && !automation_null && !is_void {
                        self.emit_enumerated(v)?;
                    }
                    Ok(())
                } else {
                    self.run_pipeline(p)
                }
            }
            StatementKind::Assignment { target, op, value } => {
                if self.assignment_skipped(target, *op)? {
                    return Ok(());
                }
                let (v, automation_null) = self.eval_statement_an(value)?;
                self.assign_at(target, *op, v, s.span).map_err(|f| match f {
                    // A read-only variable's error points at the whole assignment.
                    Flow::Error(mut e) if e.record.fqid == "VariableNotWritable" => {
                        e.record.position = Some(self.position(s.span));
                        Flow::Error(e)
                    }
                    other => other,
                })?;
                self.mark_if_automation_null(target, automation_null && *op == AssignOp::Assign);
                Ok(())
            }
            StatementKind::If { clauses, else_block } => {
                for (cond, body) in clauses {
                    let c = self.eval_pipeline_value(cond)?;
                    if convert::to_bool(&c) {
                        return self.exec_block(body);
                    }
                }
                if let Some(b) = else_block {
                    self.exec_block(b)?;
                }
                Ok(())
            }
            StatementKind::Foreach { label, variable, iterable, body } => {
                let items = match self.range_enumerator(iterable)? {
                    Some(range) => range,
                    None => Box::new(self.eval_pipeline_value(iterable)?.enumerate().into_iter()),
                };
                for item in items {
                    self.scopes.set_local(variable, item);
                    match self.exec_block(body) {
                        Ok(()) => {}
                        Err(Flow::Break(l)) if label_matches(&l, label) => break,
                        Err(Flow::Continue(l)) if label_matches(&l, label) => continue,
                        Err(f) => return Err(f),
                    }
                }
                Ok(())
            }
            StatementKind::For { label, init, condition, step, body } => {
                if let Some(i) = init {
                    self.exec_discard(i)?;
                }
                loop {
                    if let Some(c) = condition {
                        let v = self.eval_pipeline_value(c)?;
                        if !convert::to_bool(&v) {
                            break;
                        }
                    }
                    match self.exec_block(body) {
                        Ok(()) => {}
                        Err(Flow::Break(l)) if label_matches(&l, label) => break,
                        Err(Flow::Continue(l)) if label_matches(&l, label) => {}
                        Err(f) => return Err(f),
                    }
                    if let Some(st) = step {
                        self.exec_discard(st)?;
                    }
                }
                Ok(())
            }
            StatementKind::While { label, condition, body } => {
                loop {
                    let v = self.eval_pipeline_value(condition)?;
                    if !convert::to_bool(&v) {
                        break;
                    }
                    match self.exec_block(body) {
                        Ok(()) => {}
                        Err(Flow::Break(l)) if label_matches(&l, label) => break,
                        Err(Flow::Continue(l)) if label_matches(&l, label) => {}
                        Err(f) => return Err(f),
                    }
                }
                Ok(())
            }
            StatementKind::DoLoop { label, body, condition, until } => {
                loop {
                    match self.exec_block(body) {
                        Ok(()) => {}
                        Err(Flow::Break(l)) if label_matches(&l, label) => break,
                        Err(Flow::Continue(l)) if label_matches(&l, label) => {}
                        Err(f) => return Err(f),
                    }
                    let v = convert::to_bool(&self.eval_pipeline_value(condition)?);
                    if v == *until {
                        break;
                    }
                }
                Ok(())
            }
            StatementKind::Switch { label, flags, subject, clauses } => {
                self.exec_switch(label, flags, subject, clauses)
            }
            StatementKind::Function { name, body } => {
                self.define_function(name, body);
                Ok(())
            }
            StatementKind::Return(p) => {
                if let Some(p) = p {
                    // In a class method only `return`'s value leaves the method.
                    if self.method_returns.last().is_some_and(|(d, _)| *d == self.scopes.depth()) {
                        let v = self.eval_pipeline_value(p)?;
                        self.method_return(v);
                        return Err(Flow::Return);
                    }
                    self.exec_pipeline_emit(p)?;
                }
                Err(Flow::Return)
            }
            StatementKind::Break(l) => Err(Flow::Break(l.clone())),
            StatementKind::Continue(l) => Err(Flow::Continue(l.clone())),
            StatementKind::Exit(p) => {
                let code = match p {
                    Some(p) => convert::to_int(&self.eval_pipeline_value(p)?).unwrap_or(0) as i32,
                    None => 0,
                };
                Err(Flow::Exit(code))
            }
            StatementKind::Throw(p) => {
                let v = match p {
                    Some(p) => self.eval_pipeline_value(p)?,
                    // A bare `throw` in a catch block rethrows the error being handled.
                    None => match self.catching.last() {
                        Some(e) => {
                            self.rethrown = Some(e.record.clone());
                            return Err(Flow::Error(Box::new(e.clone())));
                        }
                        None => Value::Null,
                    },
                };
                Err(Flow::Error(Box::new(self.throw_error(v, s.span))))
            }
            StatementKind::Try { body, catches, finally } => self.exec_try(body, catches, finally.as_deref()),
            // Traps are gathered by the statement list they are written in (`exec_list`).
            StatementKind::Trap { .. } => Ok(()),
            StatementKind::Block(b) => self.exec_block(b),
            StatementKind::Chain { first, rest } => self.exec_chain(first, rest),
            StatementKind::Data { variable, body, .. } => self.exec_data(variable, body),
            // `using` names namespaces and modules for type and command lookup; exsh resolves
            // names without them.
            StatementKind::Using { kind, name } if kind == "module" => self.using_module(name, s.span),
            StatementKind::Using { .. } => Ok(()),
            StatementKind::Class(c) => self.define_class(c),
            StatementKind::Enum(e) => self.define_enum(e),
        }
    }

    fn exec_discard(&mut self, s: &Statement) -> EvalResult<()> {
        self.capture(|e| e.exec_statement(s)).map(|_| ())
    }

    fn exec_pipeline_emit(&mut self, p: &Pipeline) -> EvalResult<()> {
        let st = Statement { kind: StatementKind::Pipeline(p.clone()), span: p.span };
        self.exec_statement(&st)
    }

    /// Emits a value, enumerating arrays (as an expression statement does).
    pub(crate) fn emit_enumerated(&mut self, v: Value) -> EvalResult<()> {
        match v {
            Value::Array(a) => {
                let items = a.borrow().clone();
                items.into_iter().try_for_each(|i| self.emit(i))
            }
            other => self.emit(other),
        }
    }

    /// The value of a statement used as a value (assignment right side, parentheses): a pure
    /// expression keeps its value as is; anything with commands collects its output.
    pub(crate) fn eval_statement_value(&mut self, s: &Statement) -> EvalResult<Value> {
        if let StatementKind::Pipeline(p) = &s.kind {
            return self.eval_pipeline_value(p);
        }
        if let StatementKind::Assignment { target, op, value } = &s.kind {
            if self.assignment_skipped(target, *op)? {
                return self.eval_expr(target);
            }
            let (v, automation_null) = self.eval_statement_an(value)?;
            self.assign_at(target, *op, v, s.span)?;
            self.mark_if_automation_null(target, automation_null && *op == AssignOp::Assign);
            return self.eval_expr(target);
        }
        let out = self.capture(|e| e.exec_statement(s))?;
        Ok(Engine::collapse(out))
    }

    /// The value of a pipeline used as a value.
    pub(crate) fn eval_pipeline_value(&mut self, p: &Pipeline) -> EvalResult<Value> {
        if let [PipelineElement::Expr(e)] = p.elements.as_slice() {
            return self.eval_expr(e);
        }
        let out = self.capture(|e| e.run_pipeline(p))?;
        Ok(Engine::collapse(out))
    }

    fn exec_try(
        &mut self,
        body: &[Statement],
        catches: &[crate::syntax::CatchClause],
        finally: Option<&[Statement]>,
    ) -> EvalResult<()> {
        let depth = self.try_depth();
        self.set_try_depth(depth + 1);
        let scope_depth = self.scopes.depth();
        let r = self.exec_block(body);
        self.set_try_depth(depth);
        let r = match r {
            Err(Flow::Error(e)) => {
                self.scopes.truncate(scope_depth);
                let handlers: Vec<Vec<String>> = catches.iter().map(|c| c.types.clone()).collect();
                let found = super::exceptions::find_handler(&handlers, &e.record.exception_type, &e.record.message);
                match found {
                    Some((i, exception)) => {
                        let c = &catches[i];
                        let prev = self.scopes.get(None, "_");
                        let mut shown = e.record.clone();
                        shown.exception_type = exception;
                        let rec = super::errors::record_value(&shown);
                        if self.rethrown.take().as_ref() != Some(&e.record) {
                            self.errors.borrow_mut().insert(0, rec.clone());
                        }
                        if !e.thrown.is_null() {
                            if let Value::Object(o) = &rec {
                                o.borrow_mut().set("TargetObject", e.thrown.clone());
                            }
                        }
                        self.scopes.set_local("_", rec.clone());
                        self.scopes.set_local("PSItem", rec);
                        self.catching.push((*e).clone());
                        let r = self.exec_block(&c.body);
                        self.catching.pop();
                        match prev {
                            Some(p) => self.scopes.set_local("_", p),
                            None => self.scopes.remove("_"),
                        }
                        r
                    }
                    None => Err(Flow::Error(e)),
                }
            }
            other => other,
        };
        if let Some(f) = finally {
            self.exec_block(f)?;
        }
        r
    }

    /// `foreach ($i in a..b)` and `switch (a..b)` walk the range without building it
    /// (Compiler.cs GetRangeEnumerator on the condition's pure expression); `None` when the
    /// collection is not a bare range.
    fn range_enumerator(&mut self, p: &Pipeline) -> EvalResult<Option<Box<dyn Iterator<Item = Value>>>> {
        let [PipelineElement::Expr(Expr { kind: ExprKind::Binary { op: BinaryOp::Range, lhs, rhs }, span })] =
            p.elements.as_slice()
        else {
            return Ok(None);
        };
        let l = self.eval_expr(lhs)?;
        let r = self.eval_expr(rhs)?;
        let (a, b) = super::ops::range_bounds(self, &l, &r, *span)?;
        Ok(Some(super::ops::range_iter(a, b)))
    }

    fn exec_switch(
        &mut self,
        label: &Option<String>,
        flags: &[String],
        subject: &Pipeline,
        clauses: &[(Option<Expr>, Vec<Statement>)],
    ) -> EvalResult<()> {
        let has = |f: &str| flags.iter().any(|x| x.eq_ignore_ascii_case(f));
        let (regex, wildcard, case) = (has("regex"), has("wildcard"), has("casesensitive"));
        let items: Box<dyn Iterator<Item = Value>> = match self.range_enumerator(subject)? {
            Some(range) if !has("file") => range,
            _ => match self.eval_pipeline_value(subject)? {
                path if has("file") => Box::new(self.switch_file_lines(&path, subject.span)?.enumerate().into_iter()),
                v => Box::new(v.enumerate().into_iter()),
            },
        };
        'items: for item in items {
            let mut matched = false;
            for (pat, body) in clauses {
                let Some(pat) = pat else { continue };
                let hit = match &pat.kind {
                    ExprKind::ScriptBlock(sb) => {
                        let r = self.invoke_block_with_underscore(sb, Some(item.clone()))?;
                        convert::to_bool(&Engine::collapse(r))
                    }
                    _ => {
                        let p = self.eval_expr(pat)?;
                        if regex {
                            super::ops::regex_match(self, &item, &p, case)?
                        } else if wildcard {
                            convert::wildcard_match(&convert::to_string(&p), &convert::to_string(&item), case)
                        } else {
                            convert::equals(&item, &p, case)
                        }
                    }
                };
                if hit {
                    matched = true;
                    self.scopes.set_local("_", item.clone());
                    match self.exec_block(body) {
                        Ok(()) => {}
                        Err(Flow::Break(l)) if label_matches(&l, label) => break 'items,
                        Err(Flow::Continue(l)) if label_matches(&l, label) => continue 'items,
                        Err(f) => return Err(f),
                    }
                }
            }
            if !matched {
                for (pat, body) in clauses {
                    if pat.is_none() {
                        self.scopes.set_local("_", item.clone());
                        match self.exec_block(body) {
                            Ok(()) => {}
                            Err(Flow::Break(l)) if label_matches(&l, label) => break 'items,
                            Err(Flow::Continue(l)) if label_matches(&l, label) => continue 'items,
                            Err(f) => return Err(f),
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The error a `throw` raises.
    fn throw_error(&mut self, v: Value, span: Span) -> RuntimeError {
        let pos = Some(self.position(span));
        // Rethrowing a caught error record keeps it.
        if let Value::Object(o) = &v {
            let o = o.borrow();
            if o.type_names.first().map(|t| t.as_ref()) == Some("System.Management.Automation.ErrorRecord") {
                let msg = convert::to_string(&v);
                let fqid = o.get("FullyQualifiedErrorId").map(|f| convert::to_string(&f)).unwrap_or_default();
                let et = o
                    .get("Exception")
                    .and_then(|e| e.property("GetType"))
                    .map(|t| convert::to_string(&t))
                    .unwrap_or_else(|| "System.Management.Automation.RuntimeException".into());
                let mut rec = errors::local_record(msg, &et, "OperationStopped", ":", "", &fqid, pos, None);
                rec.target = format!("{}:String", rec.message);
                rec.thrown = super::exceptions::is_runtime_exception(&et);
                return RuntimeError { record: rec, thrown: v.clone(), fatal: true };
            }
        }
        // An exception object: its own type and message, the message as the error id, no target
        // (ExceptionHandlingOps.ConvertToException).
        if let Some((ty, msg)) = super::exceptions::as_exception(&v) {
            let mut rec = errors::local_record(msg.clone(), &ty, "OperationStopped", ":", "", &msg, pos, None);
            rec.thrown = super::exceptions::is_runtime_exception(&ty);
            return RuntimeError { record: rec, thrown: Value::Null, fatal: true };
        }
        let msg = if v.is_null() { "ScriptHalted".to_string() } else { convert::to_string(&v) };
        let rec = errors::local_record(
            msg.clone(),
            "System.Management.Automation.RuntimeException",
            "OperationStopped",
            &format!("{}:String", msg),
            "",
            &msg,
            pos,
            None,
        );
        RuntimeError { record: crate::value::ErrorRecord { thrown: true, ..rec }, thrown: v, fatal: true }
    }

    /// Position of a span in the current text.
    pub(crate) fn position(&self, span: Span) -> crate::value::ErrorPosition {
        errors::position(&self.source, self.file.as_deref(), span)
    }

    // ----- expressions -----

    pub(crate) fn eval_expr(&mut self, e: &Expr) -> EvalResult<Value> {
        self.step()?;
        match &e.kind {
            ExprKind::Literal(l) => Ok(match l {
                Literal::Int(i) => Value::Int(*i),
                Literal::Long(i) => Value::Long(*i),
                Literal::Double(d) => Value::Double(*d),
                Literal::String(s) => Value::str(s),
            }),
            ExprKind::BareWord(w) => Ok(Value::str(w)),
            ExprKind::Expandable(parts) => {
                let mut s = String::new();
                for p in parts {
                    match p {
                        StringPart::Literal(t) => s.push_str(t),
                        StringPart::Expr(x) => {
                            let v = self.eval_expr(x)?;
                            s.push_str(&self.expand_to_string(&v));
                        }
                    }
                }
                Ok(Value::str(s))
            }
            ExprKind::Variable(v) => Ok(self.get_variable(v)),
            ExprKind::ArrayLiteral(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    out.push(self.eval_expr(i)?);
                }
                Ok(Value::array(out))
            }
            ExprKind::ArraySubexpr(stmts) => {
                let out = self.capture(|en| en.exec_block(stmts))?;
                Ok(Value::array(out))
            }
            ExprKind::Subexpr(stmts) => {
                let out = self.capture(|en| en.exec_block(stmts))?;
                Ok(Engine::collapse(out))
            }
            ExprKind::Paren(s) => self.eval_statement_value(s),
            ExprKind::Hashtable(entries) => {
                // `new Hashtable(<pairs>, StringComparer.CurrentCultureIgnoreCase)` (Compiler.cs
                // BuildHashtable); `[ordered]` turns it into an OrderedDictionary below.
                let mut h = Hashtable::dotnet(entries.len(), KeyHash::CultureIgnoreCase);
                for (k, v) in entries {
                    let key = self.eval_expr(k)?;
                    let val = self.eval_statement_value(v)?;
                    h.insert(key, val);
                }
                Ok(Value::hashtable(h))
            }
            ExprKind::ScriptBlock(sb) => Ok(Value::ScriptBlock(sb.clone())),
            ExprKind::Binary { op, lhs, rhs } => self.eval_binary(*op, lhs, rhs, e.span),
            ExprKind::Unary { op, operand } => self.eval_unary(*op, operand, e.span),
            ExprKind::Member { target, name, is_static } => {
                let name = self.member_name(name)?;
                if *is_static {
                    let ExprKind::TypeLiteral(t) = &target.kind else {
                        let tv = self.eval_expr(target)?;
                        return super::methods::static_member_of_value(self, &tv, &name, e.span);
                    };
                    return super::methods::static_member(self, t, &name, e.span);
                }
                let tv = self.eval_expr(target)?;
                self.get_member(&tv, &name)
            }
            ExprKind::MethodCall { .. } => self.eval_method_call_an(e).map(|(v, _)| v),
            ExprKind::Index { target, index } => {
                let tv = self.eval_expr(target)?;
                let iv = self.eval_expr(index)?;
                Ok(super::ops::index(&tv, &iv))
            }
            ExprKind::Cast { type_name, expr } => {
                if type_name.eq_ignore_ascii_case("ordered") {
                    if let ExprKind::Hashtable(_) = &expr.kind {
                        let v = self.eval_expr(expr)?;
                        if let Value::Hashtable(h) = &v {
                            h.borrow_mut().make_ordered();
                        }
                        return Ok(v);
                    }
                }
                let type_span = Span::new(e.span.start, (e.span.start + type_name.len() + 2).min(e.span.end));
                let ty = self.resolve_type(type_name, type_span)?;
                let v = self.eval_expr(expr)?;
                // `[PSCustomObject]@{…}` (that name as written) builds an OrderedDictionary, so the
                // properties keep the literal's order (Compiler.cs VisitConvertExpression).
                if type_name.eq_ignore_ascii_case("pscustomobject") {
                    if let (ExprKind::Hashtable(_), Value::Hashtable(h)) = (&expr.kind, &v) {
                        h.borrow_mut().make_ordered();
                    }
                }
                self.convert_value(&v, &ty, e.span)
            }
            ExprKind::TypeLiteral(t) => {
                let ty = self.resolve_type(t, e.span)?;
                Ok(super::types::runtime_type(&self.types.borrow(), &ty))
            }
            ExprKind::Ternary { condition, if_true, if_false } => self.eval_ternary(condition, if_true, if_false),
            ExprKind::NullConditional(inner) => self.eval_null_conditional(inner),
        }
    }

    /// `target.Name(args)` or `[Type]::Name(args)`, and whether its value is
    /// `AutomationNull.Value` (a void method: it writes nothing as a statement).
    pub(crate) fn eval_method_call_an(&mut self, e: &Expr) -> EvalResult<(Value, bool)> {
        let ExprKind::MethodCall { target, name, args, is_static } = &e.kind else {
            return Ok((self.eval_expr(e)?, false));
        };
        let name = self.member_name(name)?;
        let mut argv = Vec::with_capacity(args.len());
        for a in args {
            argv.push(self.eval_expr(a)?);
        }
        let refs = super::refs::ref_variables(args);
        let kept = if refs.is_empty() { Vec::new() } else { argv.clone() };
        let r = if *is_static {
            if let ExprKind::TypeLiteral(t) = &target.kind {
                super::methods::static_method_an(self, t, &name, argv, e.span)
            } else {
                let tv = self.eval_expr(target)?;
                super::methods::static_method_of_value_an(self, &tv, &name, argv, e.span)
            }
        } else {
            let tv = self.eval_expr(target)?;
            super::methods::call_method_an(self, &tv, &name, argv, e.span)
        };
        self.copy_out_refs(&refs, &kept);
        r
    }

    pub(crate) fn member_name(&mut self, n: &MemberName) -> EvalResult<String> {
        match n {
            MemberName::Literal(s) => Ok(s.clone()),
            MemberName::Dynamic(e) => {
                let v = self.eval_expr(e)?;
                Ok(convert::to_string(&v))
            }
        }
    }

    /// A property, with member enumeration over arrays (`$mailboxes.Name`).
    pub(crate) fn get_member(&self, v: &Value, name: &str) -> EvalResult<Value> {
        self.get_member_at(v, name, 0).ok_or_else(super::methods::insufficient_stack)
    }

    /// `get_member` `depth` collections deep; `None` past `MAX_MEMBER_DEPTH`.
    fn get_member_at(&self, v: &Value, name: &str, depth: usize) -> Option<Value> {
        self.refresh_stopwatch(v);
        if let Some(p) = v.property(name) {
            return Some(p);
        }
        if name.eq_ignore_ascii_case("psobject") {
            return Some(self.psobject_view(v).unwrap_or(Value::Null));
        }
        if let Value::Array(a) = v {
            // PropertyGetterWorker recurses into an element that is a collection without the
            // property, after EnsureSufficientExecutionStack.
            if depth >= super::methods::MAX_MEMBER_DEPTH {
                return None;
            }
            let mut out = Vec::new();
            for item in a.borrow().iter() {
                match self.get_member_at(item, name, depth + 1)? {
                    Value::Null => {}
                    Value::Array(inner) => out.extend(inner.borrow().iter().cloned()),
                    other => out.push(other),
                }
            }
            return Some(Engine::collapse(out));
        }
        // PowerShell 3+ gives every object the intrinsic Count and Length: 0 for $null, 1 otherwise.
        if name.eq_ignore_ascii_case("count") || name.eq_ignore_ascii_case("length") {
            return Some(Value::Int(if v.is_null() { 0 } else { 1 }));
        }
        Some(Value::Null)
    }

    /// How a value is written inside an expandable string (arrays joined with `$OFS`, default space).
    pub(crate) fn expand_to_string(&self, v: &Value) -> String {
        match v {
            Value::Array(a) => {
                let sep = self.scopes.get(None, "OFS").map(|s| convert::to_string(&s)).unwrap_or_else(|| " ".into());
                a.borrow().iter().map(convert::element_to_string).collect::<Vec<_>>().join(&sep)
            }
            other => convert::to_string(other),
        }
    }

    pub(crate) fn get_variable(&self, v: &VarRef) -> Value {
        let name = v.name.as_str();
        if let Some(scope) = v.scope.as_deref() {
            if scope == "env" {
                if let Some(val) = self.scopes.get(Some("global"), &format!("env:{name}")) {
                    return val;
                }
                // The Exchange install path belongs to the org's version, not to the machine.
                if name.eq_ignore_ascii_case("ExchangeInstallPath") {
                    return self.directory.org.version.install_path().map(Value::str).unwrap_or(Value::Null);
                }
                return self.host.env(name).map(Value::str).unwrap_or(Value::Null);
            }
            if scope == "global" || scope == "script" {
                return self.scopes.get(Some(scope), name).unwrap_or(Value::Null);
            }
            // The drive-qualified forms read an item's value, as Get-Content of `drive:name`.
            match scope {
                "function" => {
                    return self
                        .scopes
                        .function(name)
                        .map(|f| Value::ScriptBlock(f.body.clone()))
                        .unwrap_or(Value::Null);
                }
                "alias" => return self.scopes.alias(name).map(|a| Value::str(&a.definition)).unwrap_or(Value::Null),
                "variable" => return self.scopes.get(None, name).unwrap_or(Value::Null),
                _ => {}
            }
        }
        match name.to_ascii_lowercase().as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "null" => Value::Null,
            "?" => Value::Bool(self.last_success),
            "psitem" => self.scopes.get(None, "_").unwrap_or(Value::Null),
            "error" => Value::Array(self.errors.clone()),
            "pwd" => match self.host.location() {
                Some(p) => crate::cmdlet::files::path_info(&p),
                None => self.scopes.get(None, name).unwrap_or(Value::Null),
            },
            "myinvocation" => self.my_invocation(),
            _ => self.scopes.get(None, name).unwrap_or(Value::Null),
        }
    }

    pub(crate) fn set_variable(&mut self, v: &VarRef, value: Value) {
        match v.scope.as_deref() {
            Some("env") => self.scopes.set(Some("global"), &format!("env:{}", v.name), value),
            Some("global") => self.scopes.set(Some("global"), &v.name, value),
            Some("script") => self.scopes.set(Some("script"), &v.name, value),
            // `${function:Get-X} = { … }` defines a function in the current scope; `$null` removes it.
            Some("function") => match value {
                Value::ScriptBlock(body) => crate::cmdlet::SessionItems::define_function(self, &v.name, body),
                _ => {
                    self.scopes.remove_function(&v.name);
                }
            },
            Some("alias") => {
                let top = self.scopes.top();
                let existing = crate::cmdlet::AliasStore::alias_visible(&self.scopes, &v.name, top);
                let (frame, options) = existing.map(|(f, a)| (f, a.options)).unwrap_or((top, 0));
                let alias = crate::cmdlet::AliasEntry {
                    name: v.name.clone(),
                    definition: convert::to_string(&value),
                    options,
                    description: String::new(),
                };
                crate::cmdlet::AliasStore::set_alias(&mut self.scopes, frame, alias);
            }
            Some("variable") => self.scopes.set_local(&v.name, value),
            _ => {
                let name = if v.name.eq_ignore_ascii_case("psitem") { "_" } else { v.name.as_str() };
                self.scopes.set_local(name, value)
            }
        }
    }

    fn assign(&mut self, target: &Expr, op: AssignOp, value: Value) -> EvalResult<()> {
        let span = target.span;
        self.assign_at(target, op, value, span)
    }

    /// A typed variable's new value converted to its type; failure is PowerShell's
    /// ArgumentTransformationMetadataException and leaves the variable as it was.
    fn constrained_value(&mut self, v: &VarRef, value: Value, span: Span) -> EvalResult<Value> {
        let scope = match v.scope.as_deref() {
            Some("env") => return Ok(value),
            Some(s @ ("global" | "script")) => Some(s),
            _ => None,
        };
        let Some(t) = self.scopes.constraint(scope, &v.name) else { return Ok(value) };
        let ty = self.resolve_type(&t, span)?;
        self.convert_value(&value, &ty, span).map_err(super::convert_to::metadata_error)
    }

    /// `assign` with the span errors point at (the whole assignment statement when known).
    pub(crate) fn assign_at(&mut self, target: &Expr, op: AssignOp, value: Value, assign_span: Span) -> EvalResult<()> {
        let value = if op == AssignOp::Assign || op == AssignOp::Coalesce {
            value
        } else {
            let cur = self.eval_expr(target)?;
            let bop = match op {
                AssignOp::Add => BinaryOp::Add,
                AssignOp::Sub => BinaryOp::Sub,
                AssignOp::Mul => BinaryOp::Mul,
                AssignOp::Div => BinaryOp::Div,
                AssignOp::Rem => BinaryOp::Rem,
                AssignOp::Assign | AssignOp::Coalesce => BinaryOp::Add,
            };
            super::ops::arith(self, bop, &cur, &value, target.span)?
        };
        match &target.kind {
            ExprKind::Variable(v) => {
                let local = !matches!(v.scope.as_deref(), Some("env" | "global" | "script"));
                if local && self.scopes.is_read_only_here(&v.name) {
                    let mut e = errors::runtime(
                        format!("Cannot overwrite variable {} because it is read-only or constant.", v.name),
                        "VariableNotWritable",
                        "WriteError",
                        &format!("{}:String", v.name),
                        Some(self.position(target.span)),
                    );
                    e.record.exception_type =
                        "System.Management.Automation.SessionStateUnauthorizedAccessException".into();
                    return Err(Flow::Error(Box::new(e)));
                }
                let value = self.constrained_value(v, value, assign_span)?;
                self.set_variable(v, value);
                Ok(())
            }
            ExprKind::Cast { type_name, expr } => {
                let ty = self.resolve_type(type_name, target.span)?;
                let conv = self.convert_value(&value, &ty, assign_span).map_err(super::convert_to::metadata_error)?;
                if let ExprKind::Variable(v) = &expr.kind
                    && !matches!(v.scope.as_deref(), Some("env"))
                {
                    self.set_variable(v, conv);
                    let scope = v.scope.as_deref().filter(|s| *s == "global" || *s == "script");
                    self.scopes.constrain_in(scope, &v.name, type_name);
                    return Ok(());
                }
                self.assign(expr, AssignOp::Assign, conv)
            }
            ExprKind::Member { target: obj, name, is_static } => {
                let name = self.member_name(name)?;
                if *is_static && let ExprKind::TypeLiteral(t) = &obj.kind {
                    if let Some(r) = self.set_builtin_static(t, &name, &value, target.span) {
                        return r;
                    }
                    return match self.set_static_property(t, &name, value, target.span) {
                        Some(r) => r,
                        None => Err(Flow::Error(Box::new(errors::runtime(
                            format!("'{name}' is a ReadOnly property."),
                            "PropertyAssignmentException",
                            "InvalidOperation",
                            ":",
                            Some(self.position(target.span)),
                        )))),
                    };
                }
                let o = self.eval_expr(obj)?;
                match &o {
                    Value::Object(po) => {
                        let value = match self.class_property_value(&o, &name, value.clone(), assign_span) {
                            Some(r) => r?,
                            None => value,
                        };
                        po.borrow_mut().set(&name, value);
                        self.refresh_display(&o);
                        Ok(())
                    }
                    Value::Hashtable(h) => {
                        h.borrow_mut().insert(Value::str(&name), value);
                        Ok(())
                    }
                    _ => Err(Flow::Error(Box::new(errors::runtime(
                        format!(
                            "The property '{name}' cannot be found on this object. Verify that the property exists and can be set."
                        ),
                        "PropertyAssignmentException",
                        "InvalidOperation",
                        ":",
                        Some(self.position(target.span)),
                    )))),
                }
            }
            ExprKind::Index { target: coll, index } => {
                let c = self.eval_expr(coll)?;
                let i = self.eval_expr(index)?;
                match &c {
                    Value::Hashtable(h) => {
                        h.borrow_mut().insert(i, value);
                        Ok(())
                    }
                    Value::Array(a) => {
                        let len = a.borrow().len() as i64;
                        let idx = convert::to_int(&i).unwrap_or(0);
                        let idx = if idx < 0 { len + idx } else { idx };
                        if idx < 0 || idx >= len {
                            return Err(Flow::Error(Box::new(errors::runtime(
                                "Index was outside the bounds of the array.",
                                "System.IndexOutOfRangeException",
                                "OperationStopped",
                                ":",
                                Some(self.position(target.span)),
                            ))));
                        }
                        a.borrow_mut()[idx as usize] = value;
                        Ok(())
                    }
                    Value::Object(po) => {
                        po.borrow_mut().set(&convert::to_string(&i), value);
                        Ok(())
                    }
                    _ => Err(Flow::Error(Box::new(errors::runtime(
                        "Cannot index into a null array.",
                        "NullArray",
                        "InvalidOperation",
                        ":",
                        Some(self.position(target.span)),
                    )))),
                }
            }
            ExprKind::ArrayLiteral(targets) => {
                let vals = value.enumerate();
                for (i, t) in targets.iter().enumerate() {
                    let v = if i + 1 == targets.len() && vals.len() > targets.len() {
                        Value::array(vals[i..].to_vec())
                    } else {
                        vals.get(i).cloned().unwrap_or(Value::Null)
                    };
                    self.assign(t, AssignOp::Assign, v)?;
                }
                Ok(())
            }
            _ => Err(Flow::Error(Box::new(errors::runtime(
                "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
                "InvalidLeftHandSide",
                "ParserError",
                ":",
                Some(self.position(target.span)),
            )))),
        }
    }

    fn eval_binary(&mut self, op: BinaryOp, lhs: &Expr, rhs: &Expr, span: Span) -> EvalResult<Value> {
        match op {
            BinaryOp::Coalesce => self.eval_coalesce(lhs, rhs),
            BinaryOp::And => {
                let l = self.eval_expr(lhs)?;
                if !convert::to_bool(&l) {
                    return Ok(Value::Bool(false));
                }
                let r = self.eval_expr(rhs)?;
                Ok(Value::Bool(convert::to_bool(&r)))
            }
            BinaryOp::Or => {
                let l = self.eval_expr(lhs)?;
                if convert::to_bool(&l) {
                    return Ok(Value::Bool(true));
                }
                let r = self.eval_expr(rhs)?;
                Ok(Value::Bool(convert::to_bool(&r)))
            }
            _ => {
                let l = self.eval_expr(lhs)?;
                let r = self.eval_expr(rhs)?;
                super::ops::binary(self, op, &l, &r, span)
            }
        }
    }

    fn eval_unary(&mut self, op: UnaryOp, operand: &Expr, span: Span) -> EvalResult<Value> {
        match op {
            UnaryOp::PreIncrement | UnaryOp::PreDecrement | UnaryOp::PostIncrement | UnaryOp::PostDecrement => {
                let cur = self.eval_expr(operand)?;
                let delta = if matches!(op, UnaryOp::PreIncrement | UnaryOp::PostIncrement) { 1 } else { -1 };
                let new = super::ops::arith(self, BinaryOp::Add, &cur, &Value::Int(delta), span)?;
                self.assign(operand, AssignOp::Assign, new.clone())?;
                Ok(if matches!(op, UnaryOp::PreIncrement | UnaryOp::PreDecrement) { new } else { cur })
            }
            _ => {
                let v = self.eval_expr(operand)?;
                super::ops::unary(self, op, &v, span)
            }
        }
    }

    /// Runs a script block in the current scope with `$_` set (ForEach-Object, Where-Object, switch).
    pub(crate) fn invoke_block_with_underscore(
        &mut self,
        sb: &Rc<crate::syntax::ScriptBlock>,
        dollar: Option<Value>,
    ) -> EvalResult<Vec<Value>> {
        let prev = self.scopes.get(None, "_");
        if let Some(d) = &dollar {
            self.scopes.set_local("_", d.clone());
        }
        let r = self.capture(|e| match e.exec_block(&sb.end) {
            Err(Flow::Return) => Ok(()),
            other => other,
        });
        if dollar.is_some() {
            match prev {
                Some(p) => self.scopes.set_local("_", p),
                None => self.scopes.remove("_"),
            }
        }
        r
    }
}

fn label_matches(flow_label: &Option<String>, loop_label: &Option<String>) -> bool {
    match flow_label {
        None => true,
        Some(l) => loop_label.as_deref().map(|x| x.eq_ignore_ascii_case(l)).unwrap_or(false),
    }
}
