//! Control flow statements: `if`/`elseif`/`else`, `foreach`, `for`, `while`, `do … while/until`,
//! `switch` (with its options and clauses), `try`/`catch`/`finally`, and the `( condition )` after a
//! keyword.

use super::super::ast::{CatchClause, Expr, ExprKind, Pipeline, PipelineElement, Statement, StatementKind};
use super::super::span::Span;
use super::lex::{Keyword, first, foreach_flag, is_dash, second, skip, skip1};
use super::stmt::into_pipeline;
use super::{PResult, Parser};

impl<'s> Parser<'s> {
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

    pub(super) fn if_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
        let mut clauses = Vec::new();
        let (r1, cond) = self.condition(r, "if")?;
        let (mut r, body) =
            self.statement_block(r1, ("Missing statement block after if ( condition ).", "MissingStatementBlock"))?;
        clauses.push((cond, body));
        let mut else_block = None;
        loop {
            let (r1, ()) = self.ws_nl(r)?;
            if let Some(r2) = self.keyword(r1, Keyword::ElseIf.word()) {
                let (r3, cond) = self.condition(r2, "elseif")?;
                let (r4, body) = self.statement_block(
                    r3,
                    ("Missing statement block after elseif ( condition ).", "MissingStatementBlock"),
                )?;
                clauses.push((cond, body));
                r = r4;
                continue;
            }
            if let Some(r2) = self.keyword(r1, Keyword::Else.word()) {
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

    pub(super) fn foreach_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
        const FORM: &str = "\nThe correct form is: foreach ($a in $b) {...}";
        // `-parallel` (workflows; exsh runs the loop in order) and `-throttlelimit n`.
        let mut r = r;
        loop {
            let (r1, ()) = self.ws_nl(r)?;
            if let Some((flag, rest)) = foreach_flag(r1) {
                r = rest;
                if flag == "throttlelimit" {
                    let (r2, ()) = self.ws_nl(rest)?;
                    match self.arg_value(r2) {
                        Ok((r3, _)) => r = r3,
                        Err(nom::Err::Error(_)) => {
                            return self.fail_at(
                                r2,
                                "The ThrottleLimit parameter of the foreach statement is missing a value. Supply a throttle limit to the parameter.",
                                "MissingThrottleLimit",
                                self.at(rest),
                            );
                        }
                        Err(e) => return Err(e),
                    }
                }
                continue;
            }
            if first(r1).is_some_and(is_dash) && second(r1).is_some_and(|c| c.is_alphabetic()) {
                let n: usize = skip1(r1).chars().take_while(|&c| super::lex::is_name_char(c)).map(char::len_utf8).sum();
                let word = skip1(r1).get(..n).unwrap_or("");
                let end = skip(skip1(r1), n);
                return self.fail(
                    format!("The parameter {word} is not valid for the foreach statement."),
                    "InvalidForeachFlag",
                    self.span(r1, end),
                );
            }
            r = r1;
            break;
        }
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

    pub(super) fn for_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
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

    pub(super) fn while_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
        let (r1, condition) = self.condition(r, "while")?;
        let (r2, body) = self.statement_block(r1, ("Missing statement body in while loop.", "MissingLoopStatement"))?;
        Ok((r2, Statement { kind: StatementKind::While { label: None, condition, body }, span: self.span(start, r2) }))
    }

    pub(super) fn do_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
        let (r1, body) = self.statement_block(r, ("Missing statement body in do loop.", "MissingLoopStatement"))?;
        let (r2, ()) = self.ws_nl(r1)?;
        let (r3, until, kw) = if let Some(r3) = self.keyword(r2, Keyword::While.word()) {
            (r3, false, "while")
        } else if let Some(r3) = self.keyword(r2, Keyword::Until.word()) {
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

    pub(super) fn switch_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
        let mut flags = Vec::new();
        let mut file: Option<Expr> = None;
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
                Some(k) if *k == "file" => {
                    flags.push((*k).to_string());
                    let (r3, ()) = self.ws_nl(r2)?;
                    match self.arg_value(r3) {
                        Ok((r4, e)) => {
                            file = Some(e);
                            r = r4;
                            continue;
                        }
                        Err(nom::Err::Error(_)) => {
                            return self.fail_at(
                                r3,
                                "Cannot process the 'switch' statement because of a missing file name argument to the -file option.",
                                "MissingFilenameOption",
                                self.at(r2),
                            );
                        }
                        Err(e) => return Err(e),
                    }
                }
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
        let (r4, subject) = match file {
            Some(e) => {
                let span = e.span;
                (r, Pipeline { elements: vec![PipelineElement::Expr(e)], span })
            }
            None => self.switch_subject(r)?,
        };
        self.switch_body(start, r4, flags, subject)
    }

    /// `( pipeline )` of a switch statement.
    fn switch_subject(&self, r: &'s str) -> PResult<'s, Pipeline> {
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
        Ok((r4, into_pipeline(st)))
    }

    /// The `{ clauses }` of a switch statement, after its subject at `r4`.
    fn switch_body(
        &self,
        start: &'s str,
        r4: &'s str,
        flags: Vec<String>,
        subject: Pipeline,
    ) -> PResult<'s, Statement> {
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
        let kind = StatementKind::Switch { label: None, flags, subject, clauses };
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

    pub(super) fn try_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
        let (mut r, body) =
            self.statement_block(r, ("The Try statement is missing its statement block.", "MissingTryStatementBlock"))?;
        let mut catches = Vec::new();
        let mut finally = None;
        loop {
            let (r1, ()) = self.ws_nl(r)?;
            let Some(r2) = self.keyword(r1, Keyword::Catch.word()) else {
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
        if let Some(r2) = self.keyword(r1, Keyword::Finally.word()) {
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
}
