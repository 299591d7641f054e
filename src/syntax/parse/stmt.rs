//! Statements: statement lists, pipelines and assignments, `if`, loops, `switch`, `function`/`filter`,
//! flow control, `try`/`catch`/`finally`, script blocks with `param()` and named blocks, attributes.

use std::rc::Rc;

use super::super::ast::{
    AssignOp, Attribute, CatchClause, Expr, ExprKind, ParamBlock, ParamDef, Pipeline, PipelineElement, Script,
    ScriptBlock, Statement, StatementKind,
};
use super::super::span::Span;
use super::expr::is_assignable;
use super::lex::{Keyword, at_terminator, first, is_dash, is_name_char, second, skip, skip1};
use super::{PResult, Parser};

/// `[Attribute(...)]` or a `[type]` constraint before a parameter.
enum AttrOrType {
    Attr(Attribute),
    Type(String),
}

/// Wraps any statement as a pipeline (non-pipelines become a parenthesized expression).
pub(crate) fn into_pipeline(st: Statement) -> Pipeline {
    match st.kind {
        StatementKind::Pipeline(p) => p,
        other => {
            let span = st.span;
            let inner = Statement { kind: other, span };
            Pipeline {
                elements: vec![PipelineElement::Expr(Expr { kind: ExprKind::Paren(Box::new(inner)), span })],
                span,
            }
        }
    }
}

impl<'s> Parser<'s> {
    /// A whole script: optional `param()` block, then statements.
    pub(crate) fn script(&self, i: &'s str) -> PResult<'s, Script> {
        let (r, ()) = self.ws_sep(i)?;
        let (r, param_block) = match self.param_block(r) {
            Ok((r2, pb)) => (r2, Some(pb)),
            Err(nom::Err::Error(_)) => (r, None),
            Err(e) => return Err(e),
        };
        // Top-level named blocks run in order for a script (it gets no pipeline input), so they are
        // flattened: begin, then process, then end.
        let (r, (begin, process, end)) = self.block_body(r)?;
        let statements: Vec<Statement> =
            begin.into_iter().flatten().chain(process.into_iter().flatten()).chain(end).collect();
        let (r, ()) = self.ws_sep(r)?;
        if !r.is_empty() {
            return self.unexpected(r);
        }
        Ok((r, Script { param_block, statements, span: Span::new(0, self.src.len()) }))
    }

    /// See `statement_list_inner`.
    pub(crate) fn statement_list(&self, i: &'s str) -> PResult<'s, Vec<Statement>> {
        self.with_nl(false, || self.statement_list_inner(i))
    }

    /// Statements separated by newlines or `;`, up to `}`, `)` or the end.
    fn statement_list_inner(&self, i: &'s str) -> PResult<'s, Vec<Statement>> {
        let mut stmts = Vec::new();
        let mut r = i;
        loop {
            let (r1, ()) = self.ws_sep(r)?;
            if matches!(first(r1), None | Some('}' | ')')) {
                return Ok((r1, stmts));
            }
            let (r2, st) = match self.statement(r1) {
                Ok(ok) => ok,
                Err(nom::Err::Error(_)) => return self.unexpected(r1),
                Err(e) => return Err(e),
            };
            let simple = matches!(
                st.kind,
                StatementKind::Pipeline(_)
                    | StatementKind::Assignment { .. }
                    | StatementKind::Return(_)
                    | StatementKind::Throw(_)
                    | StatementKind::Exit(_)
                    | StatementKind::Break(_)
                    | StatementKind::Continue(_)
            );
            let (r3, ()) = self.ws(r2)?;
            if simple && !matches!(first(r3), None | Some('\n' | ';' | '}' | ')')) {
                return self.unexpected(r3);
            }
            stmts.push(st);
            r = r3;
        }
    }

    /// One statement.
    pub(crate) fn statement(&self, i: &'s str) -> PResult<'s, Statement> {
        let (i, ()) = self.enter(i)?;
        let res = self.statement_inner(i);
        self.leave();
        res
    }

    fn statement_inner(&self, i: &'s str) -> PResult<'s, Statement> {
        // `:label` before a loop.
        if i.starts_with(':') && second(i).is_some_and(is_name_char) {
            let (r, label) = self.name(skip1(i))?;
            let (r1, ()) = self.ws_nl(r)?;
            let (r2, mut st) = self.statement(r1)?;
            set_label(&mut st.kind, label.to_string());
            st.span = self.span(i, r2);
            return Ok((r2, st));
        }
        if first(i).is_some_and(|c| c.is_ascii_alphabetic())
            && let Some(res) = self.keyword_statement(i)
        {
            return res;
        }
        self.pipeline_or_assignment(i)
    }

    /// Statements introduced by a keyword, or `None` when `i` does not start with one (or starts with
    /// a keyword that is read as a command name here: a named block's, or one exsh does not implement).
    fn keyword_statement(&self, i: &'s str) -> Option<PResult<'s, Statement>> {
        let (kw, r) = self.statement_keyword(i)?;
        let mk = |r2: &'s str, kind| Ok((r2, Statement { kind, span: self.span(i, r2) }));
        Some(match kw {
            Keyword::If => self.if_statement(i, r),
            Keyword::Foreach => self.foreach_statement(i, r),
            Keyword::For => self.for_statement(i, r),
            Keyword::While => self.while_statement(i, r),
            Keyword::Do => self.do_statement(i, r),
            Keyword::Switch => self.switch_statement(i, r),
            Keyword::Function | Keyword::Filter => self.function_statement(i, r, kw == Keyword::Filter),
            Keyword::Try => self.try_statement(i, r),
            Keyword::Return | Keyword::Throw | Keyword::Exit => {
                let (r1, ()) = match self.ws(r) {
                    Ok(ok) => ok,
                    Err(e) => return Some(Err(e)),
                };
                let value = if at_terminator(r1) || r1.starts_with('|') {
                    None
                } else {
                    match self.statement(r1) {
                        Ok((r2, st)) => Some((r2, into_pipeline(st))),
                        Err(nom::Err::Error(_)) => None,
                        Err(e) => return Some(Err(e)),
                    }
                };
                let (end, p) = match value {
                    Some((r2, p)) => (r2, Some(p)),
                    None => (r, None),
                };
                let kind = match kw {
                    Keyword::Return => StatementKind::Return(p),
                    Keyword::Throw => StatementKind::Throw(p),
                    _ => StatementKind::Exit(p),
                };
                mk(end, kind)
            }
            Keyword::Break | Keyword::Continue => {
                let (r1, ()) = match self.ws(r) {
                    Ok(ok) => ok,
                    Err(e) => return Some(Err(e)),
                };
                let (end, label) = match self.name(r1) {
                    Ok((r2, l)) => (r2, Some(l.to_string())),
                    Err(_) => (r, None),
                };
                let kind =
                    if kw == Keyword::Break { StatementKind::Break(label) } else { StatementKind::Continue(label) };
                mk(end, kind)
            }
            Keyword::Else | Keyword::ElseIf | Keyword::Catch | Keyword::Finally | Keyword::Until | Keyword::Param => {
                self.unexpected(i)
            }
            // Named blocks are read by `block_body`; elsewhere these words are command names.
            Keyword::Begin | Keyword::Process | Keyword::End | Keyword::DynamicParam => return None,
            // Reserved by PowerShell, not implemented: read as command names.
            Keyword::Class | Keyword::Enum | Keyword::Data | Keyword::Trap | Keyword::Workflow => return None,
        })
    }

    /// A pipeline, or an assignment when an expression is followed by `=`, `+=`, ….
    fn pipeline_or_assignment(&self, i: &'s str) -> PResult<'s, Statement> {
        if self.starts_command(i) {
            let (r, cmd) = self.command(i)?;
            let (r2, p) = self.pipeline_rest(i, PipelineElement::Command(cmd), r)?;
            return Ok((r2, Statement { span: p.span, kind: StatementKind::Pipeline(p) }));
        }
        let (r, e) = self.expression(i, true)?;
        let (r1, ()) = self.ws(r)?;
        if let Some((op, len)) = assign_op(r1) {
            let op_text = r1.get(..len).unwrap_or("=");
            if !is_assignable(&e) {
                return self.fail(
                    "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
                    "InvalidLeftHandSide",
                    e.span,
                );
            }
            let after = skip(r1, len);
            let (r2, ()) = self.ws_nl(after)?;
            if matches!(first(r2), None | Some(';' | ')' | '}' | '|')) {
                return self.fail_at(
                    r2,
                    format!("You must provide a value expression following the '{op_text}' operator."),
                    "ExpectedValueExpression",
                    self.at(after),
                );
            }
            let (r3, value) = match self.statement(r2) {
                Ok(ok) => ok,
                Err(nom::Err::Error(_)) => return self.unexpected(r2),
                Err(e) => return Err(e),
            };
            let span = Span::new(e.span.start, value.span.end);
            return Ok((
                r3,
                Statement { kind: StatementKind::Assignment { target: e, op, value: Box::new(value) }, span },
            ));
        }
        let (r2, p) = self.pipeline_rest(i, PipelineElement::Expr(e), r)?;
        Ok((r2, Statement { span: p.span, kind: StatementKind::Pipeline(p) }))
    }

    /// See `condition_inner`.
    fn condition(&self, kw_end: &'s str, kw: &str) -> PResult<'s, Pipeline> {
        self.with_nl(true, || self.condition_inner(kw_end, kw))
    }

    /// `( condition )` after a keyword; returns the pipeline and the input after `)`.
    fn condition_inner(&self, kw_end: &'s str, kw: &str) -> PResult<'s, Pipeline> {
        let (r, ()) = self.ws_nl(kw_end)?;
        let Some(inner) = r.strip_prefix('(') else {
            return if kw == "if" || kw == "elseif" {
                self.fail_at(
                    r,
                    format!("Missing '(' after '{kw}' in if statement."),
                    "MissingOpenParenthesisInIfStatement",
                    self.at(kw_end),
                )
            } else {
                self.fail_at(
                    r,
                    format!("Missing opening '(' after keyword '{kw}'."),
                    "MissingOpenParenthesisAfterKeyword",
                    self.at(kw_end),
                )
            };
        };
        let (r1, ()) = self.ws_nl(inner)?;
        let missing = |p: &Self| {
            if kw == "if" || kw == "elseif" {
                p.fail_at(
                    r1,
                    format!("Missing condition in if statement after '{kw} ('."),
                    "IfStatementMissingCondition",
                    p.at(inner),
                )
            } else {
                p.fail_at(
                    r1,
                    format!("Missing expression after '{kw}' in loop."),
                    "MissingExpressionAfterKeyword",
                    p.at(inner),
                )
            }
        };
        if matches!(first(r1), None | Some(')')) {
            return missing(self);
        }
        let (r2, st) = match self.statement(r1) {
            Ok(ok) => ok,
            Err(nom::Err::Error(_)) => return missing(self),
            Err(e) => return Err(e),
        };
        let end = Span::new(st.span.end, st.span.end);
        let (r3, ()) = self.ws_nl(r2)?;
        match r3.strip_prefix(')') {
            Some(r4) => Ok((r4, into_pipeline(st))),
            None => self.fail_at(
                r3,
                format!("Missing closing ')' after expression in '{kw}' statement."),
                "MissingEndParenthesisAfterStatement",
                end,
            ),
        }
    }

    /// `{ statements }`; `missing` is the message and id when there is no `{`.
    pub(crate) fn statement_block(&self, i: &'s str, missing: (&str, &'static str)) -> PResult<'s, Vec<Statement>> {
        let (r, ()) = self.ws_nl(i)?;
        let Some(body) = r.strip_prefix('{') else {
            return self.fail_at(r, missing.0, missing.1, self.at(i));
        };
        let open = self.span(r, body);
        let (r2, stmts) = self.statement_list(body)?;
        let (r3, ()) = self.ws_sep(r2)?;
        match r3.strip_prefix('}') {
            Some(r4) => Ok((r4, stmts)),
            None if r3.is_empty() => self.fail_incomplete(
                "Missing closing '}' in statement block or type definition.",
                "MissingEndCurlyBrace",
                open,
            ),
            None => self.unexpected(r3),
        }
    }

    fn if_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
        let mut clauses = Vec::new();
        let (r1, cond) = self.condition(r, "if")?;
        let (mut r, body) =
            self.statement_block(r1, ("Missing statement block after if ( condition ).", "MissingStatementBlock"))?;
        clauses.push((cond, body));
        let mut else_block = None;
        loop {
            let (r1, ()) = self.ws_nl(r)?;
            if let Some(r2) = self.keyword(r1, "elseif") {
                let (r3, cond) = self.condition(r2, "elseif")?;
                let (r4, body) = self.statement_block(
                    r3,
                    ("Missing statement block after elseif ( condition ).", "MissingStatementBlock"),
                )?;
                clauses.push((cond, body));
                r = r4;
                continue;
            }
            if let Some(r2) = self.keyword(r1, "else") {
                let (r3, body) = self.statement_block(
                    r2,
                    ("Missing statement block after 'else' keyword.", "MissingStatementBlockAfterElse"),
                )?;
                else_block = Some(body);
                r = r3;
            }
            break;
        }
        Ok((r, Statement { kind: StatementKind::If { clauses, else_block }, span: self.span(start, r) }))
    }

    fn foreach_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
        const FORM: &str = "\nThe correct form is: foreach ($a in $b) {...}";
        let (r, ()) = self.ws_nl(r)?;
        let Some(r) = r.strip_prefix('(') else {
            return self.fail_at(
                r,
                "Missing opening '(' after keyword 'foreach'.",
                "MissingOpenParenthesisAfterKeyword",
                self.at(r),
            );
        };
        let (r1, ()) = self.ws_nl(r)?;
        let (r2, var) = match self.variable(r1) {
            Ok(ok) => ok,
            Err(nom::Err::Error(_)) => {
                return self.fail_at(
                    r1,
                    format!("Missing variable name after foreach.{FORM}"),
                    "MissingVariableNameAfterForeach",
                    self.at(r),
                );
            }
            Err(e) => return Err(e),
        };
        let (r3, ()) = self.ws_nl(r2)?;
        let Some(r4) = self.keyword(r3, "in") else {
            return self.fail_at(
                r3,
                format!("Missing 'in' after variable in foreach loop.{FORM}"),
                "MissingInInForeach",
                self.at(r2),
            );
        };
        let (r5, ()) = self.ws_nl(r4)?;
        if matches!(first(r5), None | Some(')')) {
            return self.fail_at(
                r5,
                format!("Missing expression in foreach loop.{FORM}"),
                "MissingForeachExpression",
                self.at(r4),
            );
        }
        let (r6, st) = match self.statement(r5) {
            Ok(ok) => ok,
            Err(nom::Err::Error(_)) => {
                return self.fail_at(
                    r5,
                    format!("Missing expression in foreach loop.{FORM}"),
                    "MissingForeachExpression",
                    self.at(r4),
                );
            }
            Err(e) => return Err(e),
        };
        let end = Span::new(st.span.end, st.span.end);
        let (r7, ()) = self.ws_nl(r6)?;
        let Some(r8) = r7.strip_prefix(')') else {
            return self.fail_at(
                r7,
                format!("Missing closing ')' after expression part of foreach loop.{FORM}"),
                "MissingEndParenthesisAfterForeach",
                end,
            );
        };
        let (r9, body) = self.statement_block(
            r8,
            (
                "Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
                "MissingForeachStatement",
            ),
        )?;
        let kind = StatementKind::Foreach { label: None, variable: var.name, iterable: into_pipeline(st), body };
        Ok((r9, Statement { kind, span: self.span(start, r9) }))
    }

    fn for_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
        let (r, ()) = self.ws_nl(r)?;
        let Some(mut r) = r.strip_prefix('(') else {
            return self.fail_at(
                r,
                "Missing opening '(' after keyword 'for'.",
                "MissingOpenParenthesisAfterKeyword",
                self.at(r),
            );
        };
        let mut parts: [Option<Statement>; 3] = [None, None, None];
        let mut idx = 0usize;
        loop {
            let (r1, ()) = self.ws(r)?;
            if let Some(r2) = r1.strip_prefix(')') {
                r = r2;
                break;
            }
            if let Some(r2) = r1.strip_prefix(';').or_else(|| r1.strip_prefix('\n')) {
                if r1.starts_with(';') || parts.get(idx).is_some_and(Option::is_some) {
                    idx += 1;
                }
                r = r2;
                continue;
            }
            if r1.is_empty() {
                return self.fail_incomplete(
                    "Missing closing ')' after expression in 'for' statement.",
                    "MissingEndParenthesisAfterStatement",
                    self.at(r1),
                );
            }
            if idx > 2 || parts.get(idx).is_some_and(Option::is_some) {
                return self.unexpected(r1);
            }
            let (r2, st) = match self.statement(r1) {
                Ok(ok) => ok,
                Err(nom::Err::Error(_)) => return self.unexpected(r1),
                Err(e) => return Err(e),
            };
            if let Some(slot) = parts.get_mut(idx) {
                *slot = Some(st);
            }
            r = r2;
        }
        let (r9, body) = self.statement_block(r, ("Missing statement body in for loop.", "MissingLoopStatement"))?;
        let [init, cond, step] = parts;
        let kind = StatementKind::For {
            label: None,
            init: init.map(Box::new),
            condition: cond.map(into_pipeline),
            step: step.map(Box::new),
            body,
        };
        Ok((r9, Statement { kind, span: self.span(start, r9) }))
    }

    fn while_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
        let (r1, condition) = self.condition(r, "while")?;
        let (r2, body) = self.statement_block(r1, ("Missing statement body in while loop.", "MissingLoopStatement"))?;
        Ok((r2, Statement { kind: StatementKind::While { label: None, condition, body }, span: self.span(start, r2) }))
    }

    fn do_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
        let (r1, body) = self.statement_block(r, ("Missing statement body in do loop.", "MissingLoopStatement"))?;
        let (r2, ()) = self.ws_nl(r1)?;
        let (r3, until, kw) = if let Some(r3) = self.keyword(r2, "while") {
            (r3, false, "while")
        } else if let Some(r3) = self.keyword(r2, "until") {
            (r3, true, "until")
        } else {
            return self.fail_at(
                r2,
                "Missing while or until keyword in do loop.",
                "MissingWhileOrUntilInDoWhile",
                self.at(r1),
            );
        };
        let (r4, condition) = self.condition(r3, kw)?;
        Ok((
            r4,
            Statement {
                kind: StatementKind::DoLoop { label: None, body, condition, until },
                span: self.span(start, r4),
            },
        ))
    }

    fn switch_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
        let mut flags = Vec::new();
        let mut r = r;
        loop {
            let (r1, ()) = self.ws_nl(r)?;
            if !(first(r1).is_some_and(is_dash) && second(r1).is_some_and(|c| c.is_ascii_alphabetic())) {
                r = r1;
                break;
            }
            let after = skip1(r1);
            let n = after.chars().take_while(char::is_ascii_alphabetic).count();
            let flag = after.get(..n).unwrap_or("").to_ascii_lowercase();
            let r2 = skip(after, n);
            let known = ["regex", "wildcard", "exact", "casesensitive", "file", "parallel"];
            let full = known.iter().find(|k| !flag.is_empty() && k.starts_with(flag.as_str()));
            match full {
                Some(k) => flags.push((*k).to_string()),
                None => {
                    return self.fail(
                        format!(
                            "The parameter {} is not valid for the switch statement.",
                            self.text(self.span(r1, r2))
                        ),
                        "InvalidSwitchFlag",
                        self.span(r1, r2),
                    );
                }
            }
            r = r2;
        }
        let Some(inner) = r.strip_prefix('(') else {
            return self.fail_at(
                r,
                "A switch statement must have one of the following:  '-file file_name' or '( expression )'.",
                "PipelineValueRequired",
                self.at(r),
            );
        };
        let (r1, ()) = self.ws_nl(inner)?;
        if matches!(first(r1), None | Some(')')) {
            return self.fail_at(
                r1,
                "Missing expression after '(' in switch statement.",
                "MissingSwitchValueExpression",
                self.at(inner),
            );
        }
        let (r2, st) = match self.statement(r1) {
            Ok(ok) => ok,
            Err(nom::Err::Error(_)) => return self.unexpected(r1),
            Err(e) => return Err(e),
        };
        let end = Span::new(st.span.end, st.span.end);
        let (r3, ()) = self.ws_nl(r2)?;
        let Some(r4) = r3.strip_prefix(')') else {
            return self.fail_at(
                r3,
                "Missing ')' after expression in switch statement.",
                "MissingEndParenthesisInSwitchStatement",
                end,
            );
        };
        let (r5, ()) = self.ws_nl(r4)?;
        let Some(mut r) = r5.strip_prefix('{') else {
            return self.fail_at(
                r5,
                "Missing '{' in switch statement.",
                "MissingCurlyBraceInSwitchStatement",
                self.at(r4),
            );
        };
        let open = self.span(r5, r);
        let mut clauses = Vec::new();
        let mut seen_default = false;
        loop {
            let (r1, ()) = self.ws_sep(r)?;
            if let Some(r2) = r1.strip_prefix('}') {
                r = r2;
                break;
            }
            if r1.is_empty() {
                return self.fail_incomplete(
                    "Missing closing '}' in statement block or type definition.",
                    "MissingEndCurlyBrace",
                    open,
                );
            }
            let (r2, pattern) = match self.keyword(r1, "default") {
                Some(r2) => {
                    if seen_default {
                        return self.fail(
                            "A switch statement can have only one default clause.",
                            "MultipleSwitchDefaultClauses",
                            self.span(r1, r2),
                        );
                    }
                    seen_default = true;
                    (r2, None)
                }
                None => {
                    let (r2, e) = self.switch_pattern(r1)?;
                    (r2, Some(e))
                }
            };
            let (r3, body) = self.statement_block(
                r2,
                ("Missing statement block in switch statement clause.", "MissingSwitchStatementClause"),
            )?;
            clauses.push((pattern, body));
            r = r3;
        }
        let kind = StatementKind::Switch { label: None, flags, subject: into_pipeline(st), clauses };
        Ok((r, Statement { kind, span: self.span(start, r) }))
    }

    /// A switch clause pattern: an expression, or a bare word (a string).
    fn switch_pattern(&self, i: &'s str) -> PResult<'s, Expr> {
        match self.unary(i) {
            Ok(ok) => Ok(ok),
            Err(nom::Err::Error(_)) => {
                let n: usize = i
                    .chars()
                    .take_while(|&c| !(super::lex::is_space(c) || matches!(c, '\n' | '{' | '}' | ';')))
                    .map(char::len_utf8)
                    .sum();
                if n == 0 {
                    return self.fail(
                        "Missing condition in switch statement clause.",
                        "MissingSwitchConditionExpression",
                        self.at(i),
                    );
                }
                let r = skip(i, n);
                Ok((r, Expr { kind: ExprKind::BareWord(i.get(..n).unwrap_or("").to_string()), span: self.span(i, r) }))
            }
            Err(e) => Err(e),
        }
    }

    fn function_statement(&self, start: &'s str, r: &'s str, filter: bool) -> PResult<'s, Statement> {
        let kw = if filter { "filter" } else { "function" };
        let (r1, ()) = self.ws(r)?;
        let n: usize = r1
            .chars()
            .take_while(|&c| !(super::lex::is_space(c) || matches!(c, '\n' | '(' | '{' | '}' | ')' | ';')))
            .map(char::len_utf8)
            .sum();
        if n == 0 {
            return self.fail_at(
                r1,
                format!("Missing name after {kw} keyword."),
                "MissingNameAfterKeyword",
                self.at(r),
            );
        }
        let name = r1.get(..n).unwrap_or("").to_string();
        let (mut r2, ()) = self.ws_nl(skip(r1, n))?;
        let mut inline: Option<ParamBlock> = None;
        if r2.starts_with('(') {
            let (r3, params) = self.param_list(
                r2,
                "Missing ')' in function parameter list.",
                "MissingEndParenthesisInFunctionParameterList",
            )?;
            inline = Some(ParamBlock { attributes: Vec::new(), params, span: self.span(r2, r3) });
            let (r4, ()) = self.ws_nl(r3)?;
            r2 = r4;
        }
        if !r2.starts_with('{') {
            return self.fail_at(
                r2,
                "Missing function body in function declaration.",
                "MissingFunctionBody",
                self.at(r2),
            );
        }
        let (r5, body) = self.script_block(r2)?;
        let mut body = Rc::unwrap_or_clone(body);
        if let Some(pb) = inline {
            if body.param_block.is_some() {
                return self.fail(
                    "The param statement cannot be used if arguments were specified in the function declaration.",
                    "OnlyOneParameterListAllowed",
                    pb.span,
                );
            }
            body.param_block = Some(pb);
        }
        if filter && body.begin.is_none() && body.process.is_none() {
            body.process = Some(std::mem::take(&mut body.end));
        }
        let kind = StatementKind::Function { name, body: Rc::new(body) };
        Ok((r5, Statement { kind, span: self.span(start, r5) }))
    }

    fn try_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
        let (mut r, body) =
            self.statement_block(r, ("The Try statement is missing its statement block.", "MissingTryStatementBlock"))?;
        let mut catches = Vec::new();
        let mut finally = None;
        loop {
            let (r1, ()) = self.ws_nl(r)?;
            let Some(r2) = self.keyword(r1, "catch") else {
                break;
            };
            let mut types = Vec::new();
            let mut r3 = r2;
            loop {
                let (r4, ()) = self.ws_nl(r3)?;
                if !r4.starts_with('[') {
                    r3 = r4;
                    break;
                }
                let (r5, t) = self.type_name(r4)?;
                types.push(t);
                let (r6, ()) = self.ws_nl(r5)?;
                r3 = r6.strip_prefix(',').unwrap_or(r6);
                if !r6.starts_with(',') {
                    break;
                }
            }
            let (r7, cbody) = self
                .statement_block(r3, ("The Catch block is missing its statement block.", "MissingCatchHandlerBlock"))?;
            catches.push(CatchClause { types, body: cbody });
            r = r7;
        }
        let (r1, ()) = self.ws_nl(r)?;
        if let Some(r2) = self.keyword(r1, "finally") {
            let (r3, fbody) = self.statement_block(
                r2,
                ("The Finally block is missing its statement block.", "MissingFinallyStatementBlock"),
            )?;
            finally = Some(fbody);
            r = r3;
        }
        if catches.is_empty() && finally.is_none() {
            return self.fail_at(
                r1,
                "The Try statement is missing its Catch or Finally block.",
                "MissingCatchOrFinally",
                self.at(r),
            );
        }
        Ok((r, Statement { kind: StatementKind::Try { body, catches, finally }, span: self.span(start, r) }))
    }

    /// `{ [param(...)] [begin/process/end blocks | statements] }`.
    pub(crate) fn script_block(&self, i: &'s str) -> PResult<'s, Rc<ScriptBlock>> {
        let Some(body) = i.strip_prefix('{') else {
            return self.no(i);
        };
        let open = self.span(i, body);
        let (r, ()) = self.ws_sep(body)?;
        let (r, param_block) = match self.param_block(r) {
            Ok((r2, pb)) => (r2, Some(pb)),
            Err(nom::Err::Error(_)) => (r, None),
            Err(e) => return Err(e),
        };
        let (r, (begin, process, end)) = self.block_body(r)?;
        let mut sb = ScriptBlock { param_block, begin, process, end, text: String::new(), span: Span::default() };
        let (r, ()) = self.ws_sep(r)?;
        match r.strip_prefix('}') {
            Some(r2) => {
                sb.text = self.text(Span::new(open.end, self.pos(r))).to_string();
                sb.span = self.span(i, r2);
                Ok((r2, Rc::new(sb)))
            }
            None if r.is_empty() => self.fail_incomplete(
                "Missing closing '}' in statement block or type definition.",
                "MissingEndCurlyBrace",
                open,
            ),
            None => self.unexpected(r),
        }
    }

    /// The body of a script or script block: named blocks, or a plain statement list (the `end` part).
    #[allow(clippy::type_complexity)]
    fn block_body(&self, r: &'s str) -> PResult<'s, (Option<Vec<Statement>>, Option<Vec<Statement>>, Vec<Statement>)> {
        let (mut r, ()) = self.ws_sep(r)?;
        if self.named_block_start(r).is_none() {
            let (r1, stmts) = self.statement_list(r)?;
            return Ok((r1, (None, None, stmts)));
        }
        let (mut begin, mut process, mut end) = (None, None, None);
        loop {
            let (r1, ()) = self.ws_sep(r)?;
            let Some((kw, after)) = self.named_block_start(r1) else {
                r = r1;
                break;
            };
            let (r2, stmts) =
                self.statement_block(after, ("Missing statement block after 'end'.", "MissingNamedStatementBlock"))?;
            let dup = match kw {
                "begin" => begin.replace(stmts).is_some(),
                "process" => process.replace(stmts).is_some(),
                "end" => end.replace(stmts).is_some(),
                _ => false,
            };
            if dup {
                return self.fail(
                    format!("Script command clause '{kw}' has already been defined."),
                    "DuplicateScriptCommandClause",
                    self.span(r1, after),
                );
            }
            r = r2;
        }
        Ok((r, (begin, process, end.unwrap_or_default())))
    }

    /// `begin`/`process`/`end`/`dynamicparam` followed by `{`.
    fn named_block_start(&self, i: &'s str) -> Option<(&'static str, &'s str)> {
        for kw in [Keyword::Begin, Keyword::Process, Keyword::End, Keyword::DynamicParam] {
            let kw = kw.word();
            if let Some(r) = self.keyword(i, kw) {
                let (r1, ()) = self.ws_nl(r).ok()?;
                if r1.starts_with('{') {
                    return Some((kw, r));
                }
            }
        }
        None
    }

    /// `[attributes] param( … )`; a recoverable error when `i` is not a param block.
    fn param_block(&self, i: &'s str) -> PResult<'s, ParamBlock> {
        if !self.looks_like_param_block(i) {
            return self.no(i);
        }
        let mut attributes = Vec::new();
        let mut r = i;
        loop {
            let (r1, ()) = self.ws_sep(r)?;
            if !r1.starts_with('[') {
                r = r1;
                break;
            }
            match self.attr_or_type(r1) {
                Ok((r2, AttrOrType::Attr(a))) => {
                    attributes.push(a);
                    r = r2;
                }
                _ => return self.no(i),
            }
        }
        let Some(r1) = self.keyword(r, "param") else {
            return self.no(i);
        };
        let (r2, ()) = self.ws_nl(r1)?;
        if !r2.starts_with('(') {
            return self.no(i);
        }
        let (r3, params) = self.param_list(
            r2,
            "Missing ')' in function parameter list.",
            "MissingEndParenthesisInFunctionParameterList",
        )?;
        let start = attributes.first().map_or(self.pos(r), |a: &Attribute| a.span.start);
        Ok((r3, ParamBlock { attributes, params, span: Span::new(start, self.pos(r3)) }))
    }

    /// Cheap linear check: bracketed groups (skipping quoted text), then the `param` keyword.
    /// Keeps `[Type]::Member()` statements from being parsed twice as failed attributes.
    fn looks_like_param_block(&self, i: &'s str) -> bool {
        let mut r = i;
        loop {
            let Ok((r1, ())) = self.ws_sep(r) else {
                return false;
            };
            if !r1.starts_with('[') {
                return self.keyword(r1, "param").is_some();
            }
            let mut depth = 0usize;
            let mut quote: Option<char> = None;
            let mut end = None;
            for (k, c) in r1.char_indices() {
                match quote {
                    Some(q) if c == q || (q == '\'' && super::lex::is_squote(c)) => quote = None,
                    Some(_) => {}
                    None if super::lex::is_squote(c) => quote = Some('\''),
                    None if super::lex::is_dquote(c) => quote = Some('"'),
                    None if c == '[' => depth += 1,
                    None if c == ']' => {
                        depth -= 1;
                        if depth == 0 {
                            end = Some(k + 1);
                            break;
                        }
                    }
                    None => {}
                }
            }
            match end {
                Some(e) => r = skip(r1, e),
                None => return false,
            }
        }
    }

    /// `( [attrs] [type] $name [= default], … )`.
    fn param_list(&self, i: &'s str, missing: &str, id: &'static str) -> PResult<'s, Vec<ParamDef>> {
        let mut params = Vec::new();
        let mut r = skip1(i);
        let mut last_end = self.pos(r);
        loop {
            let (r1, ()) = self.ws_nl(r)?;
            if let Some(r2) = r1.strip_prefix(')') {
                return Ok((r2, params));
            }
            if r1.is_empty() {
                return self.fail_incomplete(missing, id, Span::new(last_end, last_end));
            }
            let pstart = r1;
            let mut attributes = Vec::new();
            let mut type_name = None;
            let mut cur = r1;
            loop {
                let (c1, ()) = self.ws_nl(cur)?;
                cur = c1;
                if !cur.starts_with('[') {
                    break;
                }
                let (c2, item) = self.attr_or_type(cur)?;
                match item {
                    AttrOrType::Attr(a) => attributes.push(a),
                    AttrOrType::Type(t) => type_name = Some(t),
                }
                cur = c2;
            }
            let (r2, var) = match self.variable(cur) {
                Ok(ok) => ok,
                Err(nom::Err::Error(_)) => {
                    if cur.is_empty() {
                        return self.fail_incomplete(missing, id, self.at(cur));
                    }
                    return self.fail(
                        "Parameter declarations are a comma-separated list of variable names with optional initializer expressions.",
                        "InvalidFunctionParameter",
                        self.at(cur),
                    );
                }
                Err(e) => return Err(e),
            };
            let (r3, ()) = self.ws_nl(r2)?;
            let (r4, default) = if let Some(after) = r3.strip_prefix('=') {
                let (a1, ()) = self.ws_nl(after)?;
                match self.expression(a1, false) {
                    Ok((a2, e)) => (a2, Some(e)),
                    Err(nom::Err::Error(_)) => {
                        return self.fail_at(
                            a1,
                            "You must provide a value expression following the '=' operator.",
                            "ExpectedValueExpression",
                            self.at(after),
                        );
                    }
                    Err(e) => return Err(e),
                }
            } else {
                (r2, None)
            };
            last_end = self.pos(r4);
            params.push(ParamDef { name: var.name, type_name, attributes, default, span: self.span(pstart, r4) });
            let (r5, ()) = self.ws_nl(r4)?;
            if let Some(r6) = r5.strip_prefix(',') {
                r = r6;
                continue;
            }
            if r5.starts_with(')') {
                r = r5;
                continue;
            }
            if r5.is_empty() {
                return self.fail_incomplete(missing, id, Span::new(last_end, last_end));
            }
            return self.fail(missing, id, Span::new(last_end, last_end));
        }
    }

    /// `[Name(args)]` (attribute) or `[type]` (type constraint).
    fn attr_or_type(&self, i: &'s str) -> PResult<'s, AttrOrType> {
        let (r, ()) = self.ws(skip1(i))?;
        let n: usize = r.chars().take_while(|&c| is_name_char(c) || c == '.').map(char::len_utf8).sum();
        let after_name = skip(r, n);
        if n > 0 && after_name.starts_with('(') {
            let name = r.get(..n).unwrap_or("").to_string();
            let (r2, (positional, named)) = self.attribute_args(after_name)?;
            let (r3, ()) = self.ws_nl(r2)?;
            let Some(r4) = r3.strip_prefix(']') else {
                return self.fail_at(
                    r3,
                    "Missing ] at end of attribute or type literal.",
                    "EndSquareBracketExpectedAtEndOfAttribute",
                    self.at(r2),
                );
            };
            return Ok((r4, AttrOrType::Attr(Attribute { name, positional, named, span: self.span(i, r4) })));
        }
        let (r2, t) = self.type_name(i)?;
        Ok((r2, AttrOrType::Type(t)))
    }

    /// See `attribute_args_inner`.
    #[allow(clippy::type_complexity)]
    fn attribute_args(&self, i: &'s str) -> PResult<'s, (Vec<Expr>, Vec<(String, Option<Expr>)>)> {
        self.with_nl(true, || self.attribute_args_inner(i))
    }

    /// `( positional, Name = value, Flag )` of an attribute.
    #[allow(clippy::type_complexity)]
    fn attribute_args_inner(&self, i: &'s str) -> PResult<'s, (Vec<Expr>, Vec<(String, Option<Expr>)>)> {
        let mut positional = Vec::new();
        let mut named = Vec::new();
        let mut r = skip1(i);
        let mut last_end = self.pos(r);
        loop {
            let (r1, ()) = self.ws_nl(r)?;
            if let Some(r2) = r1.strip_prefix(')') {
                return Ok((r2, (positional, named)));
            }
            if r1.is_empty() {
                return self.fail_incomplete(
                    "Missing closing ')' in expression.",
                    "MissingEndParenthesisInExpression",
                    Span::new(last_end, last_end),
                );
            }
            let word_len: usize = if first(r1).is_some_and(|c| c.is_alphabetic() || c == '_') {
                r1.chars().take_while(|&c| is_name_char(c)).map(char::len_utf8).sum()
            } else {
                0
            };
            let r_next;
            if word_len > 0 {
                let name = r1.get(..word_len).unwrap_or("").to_string();
                let (r2, ()) = self.ws_nl(skip(r1, word_len))?;
                if let Some(after) = r2.strip_prefix('=') {
                    let (r3, ()) = self.ws_nl(after)?;
                    let (r4, e) = match self.expression(r3, false) {
                        Ok(ok) => ok,
                        Err(nom::Err::Error(_)) => {
                            return self.fail_at(
                                r3,
                                "Missing statement after '=' in named argument.",
                                "MissingExpressionInNamedArgument",
                                self.at(after),
                            );
                        }
                        Err(e) => return Err(e),
                    };
                    named.push((name, Some(e)));
                    r_next = r4;
                } else {
                    named.push((name, None));
                    r_next = skip(r1, word_len);
                }
            } else {
                let (r2, e) = match self.expression(r1, false) {
                    Ok(ok) => ok,
                    Err(nom::Err::Error(_)) => return self.unexpected(r1),
                    Err(e) => return Err(e),
                };
                positional.push(e);
                r_next = r2;
            }
            last_end = self.pos(r_next);
            let (r5, ()) = self.ws_nl(r_next)?;
            if let Some(r6) = r5.strip_prefix(',') {
                r = r6;
            } else if r5.starts_with(')') || r5.is_empty() {
                r = r5;
            } else {
                return self.fail(
                    "Missing closing ')' in expression.",
                    "MissingEndParenthesisInExpression",
                    Span::new(last_end, last_end),
                );
            }
        }
    }
}

/// Assignment operator at `i` and its length.
fn assign_op(i: &str) -> Option<(AssignOp, usize)> {
    let c = first(i)?;
    if c == '=' {
        return Some((AssignOp::Assign, 1));
    }
    let rest = skip1(i);
    if !rest.starts_with('=') {
        return None;
    }
    let op = match c {
        '+' => AssignOp::Add,
        c if is_dash(c) => AssignOp::Sub,
        '*' => AssignOp::Mul,
        '/' => AssignOp::Div,
        '%' => AssignOp::Rem,
        _ => return None,
    };
    Some((op, c.len_utf8() + 1))
}

/// Attaches a `:label` to a loop statement.
fn set_label(kind: &mut StatementKind, l: String) {
    match kind {
        StatementKind::Foreach { label, .. }
        | StatementKind::For { label, .. }
        | StatementKind::While { label, .. }
        | StatementKind::DoLoop { label, .. }
        | StatementKind::Switch { label, .. } => *label = Some(l),
        _ => {}
    }
}
