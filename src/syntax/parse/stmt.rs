//! Statements: the script, statement lists and `{ }` statement blocks, one statement (keywords
//! dispatch to `control_flow` and `function`), pipelines and assignments, and the flow-control words
//! `return`, `throw`, `exit`, `break`, `continue`.

use super::super::ast::{
    AssignOp, ChainOp, Expr, ExprKind, Pipeline, PipelineElement, Script, Statement, StatementKind,
};
use super::super::span::Span;
use super::expr::is_assignable;
use super::lex::{Keyword, at_terminator, first, is_dash, is_name_char, second, skip, skip1};
use super::{PResult, Parser};

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
        let (mut r, ()) = self.ws_sep(i)?;
        // `using` statements come first, before the param block.
        let mut usings = Vec::new();
        while let Some((Keyword::Using, after)) = self.statement_keyword(r) {
            let (r1, st) = self.using_statement(r, after)?;
            usings.push(st);
            let (r2, ()) = self.ws_sep(r1)?;
            r = r2;
        }
        let (r, param_block) = match self.param_block(r) {
            Ok((r2, pb)) => (r2, Some(pb)),
            Err(nom::Err::Error(_)) => (r, None),
            Err(e) => return Err(e),
        };
        // Top-level named blocks run in order for a script (it gets no pipeline input), so they are
        // flattened: begin, then process, then end.
        let (r, (begin, process, end)) = self.block_body(r)?;
        let statements: Vec<Statement> = usings
            .into_iter()
            .chain(begin.into_iter().flatten())
            .chain(process.into_iter().flatten())
            .chain(end)
            .collect();
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
                    | StatementKind::Chain { .. }
                    | StatementKind::Using { .. }
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
        let (r, st) = self.pipeline_or_assignment(i)?;
        if !matches!(st.kind, StatementKind::Pipeline(_)) {
            return Ok((r, st));
        }
        let (r1, ()) = self.ws(r)?;
        if chain_op(r1).is_none() {
            return Ok((r, st));
        }
        self.chain_rest(st, r1)
    }

    /// `&& pipeline` / `|| pipeline` after the first pipeline of a chain at `r`. PowerShell 7 runs
    /// them; Windows PowerShell 5.1's tokenizer rejects the operators (InvalidEndOfLine).
    fn chain_rest(&self, first_st: Statement, mut r: &'s str) -> PResult<'s, Statement> {
        let start = first_st.span.start;
        let StatementKind::Pipeline(head) = first_st.kind else {
            return self.no(r);
        };
        let mut rest = Vec::new();
        let mut end = first_st.span.end;
        while let Some(op) = chain_op(r) {
            let token = if op == ChainOp::And { "&&" } else { "||" };
            let at = Span::new(self.pos(r), self.pos(r) + 2);
            if !self.pwsh7() {
                return self.fail(
                    format!("The token '{token}' is not a valid statement separator in this version."),
                    "InvalidEndOfLine",
                    at,
                );
            }
            let after = skip(r, 2);
            let (r1, ()) = self.ws_nl(after)?;
            let next = if matches!(first(r1), None | Some(';' | ')' | '}' | '|' | '&')) {
                None
            } else {
                match self.pipeline_or_assignment(r1) {
                    Ok((r2, Statement { kind: StatementKind::Pipeline(p), .. })) => Some((r2, p)),
                    Ok(_) | Err(nom::Err::Error(_)) => None,
                    Err(e) => return Err(e),
                }
            };
            let Some((r2, p)) = next else {
                return self.fail_at(
                    r1,
                    "A pipeline chain operator must be followed by a pipeline.",
                    "EmptyPipelineChainElement",
                    Span::new(at.end, at.end),
                );
            };
            end = p.span.end;
            rest.push((op, p));
            let (r3, ()) = self.ws(r2)?;
            if chain_op(r3).is_none() {
                r = r2;
                break;
            }
            r = r3;
        }
        Ok((r, Statement { kind: StatementKind::Chain { first: head, rest }, span: Span::new(start, end) }))
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
            Keyword::Function | Keyword::Filter => self.function_statement(i, r, kw),
            Keyword::Workflow => self.workflow_statement(i, r),
            Keyword::Data => self.data_statement(i, r),
            Keyword::Parallel | Keyword::Sequence => self
                .statement_block(r, ("Missing statement block.", "MissingStatementBlock"))
                .map(|(r2, body)| (r2, Statement { kind: StatementKind::Block(body), span: self.span(i, r2) })),
            // PowerShell parses the statement, then reports it whole.
            Keyword::Using => match self.using_statement(i, r) {
                Ok((_, st)) => self.fail(
                    "A 'using' statement must appear before any other statements in a script.",
                    "UsingMustBeAtStartOfScript",
                    st.span,
                ),
                Err(e) => Err(e),
            },
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
            Keyword::Class | Keyword::Enum | Keyword::Trap => return None,
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
        if let Some((op, len)) = assign_op(r1).filter(|(op, _)| *op != AssignOp::Coalesce || self.pwsh7()) {
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
}

/// Assignment operator at `i` and its length.
fn assign_op(i: &str) -> Option<(AssignOp, usize)> {
    let c = first(i)?;
    if c == '=' {
        return Some((AssignOp::Assign, 1));
    }
    if c == '?' {
        return i.starts_with("??=").then_some((AssignOp::Coalesce, 3));
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

/// A pipeline chain operator at `i`.
fn chain_op(i: &str) -> Option<ChainOp> {
    if i.starts_with("&&") {
        Some(ChainOp::And)
    } else if i.starts_with("||") {
        Some(ChainOp::Or)
    } else {
        None
    }
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
