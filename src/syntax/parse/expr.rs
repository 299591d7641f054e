//! Expression mode: binary operators (through `nom_language::precedence`), the comma level, unary
//! operators and casts, postfix member/index/method access, and primaries (numbers, strings,
//! variables, `( )`, `$( )`, `@( )`, `@{ }`, `{ }`, `[type]`).
//!
//! Only the binary levels go through `nom_language::precedence`. Unary operators are hand-rolled
//! because PowerShell applies them to a whole unary expression, and the comma operator sits between
//! the unary and the binary levels building one n-ary `ArrayLiteral`; expressing both as prefix/binary
//! entries of `precedence` would nest arrays and lose `-not 1, 2` = `(-not 1), 2`.

use std::cell::Cell;
use std::convert::Infallible;

use nom::Parser as _;
use nom::branch::alt;
use nom_language::precedence::{Assoc, Operation, Unary, binary_op, precedence};

use super::super::ast::{BinaryOp, Expr, ExprKind, Literal, MemberName, Statement, UnaryOp, VarRef};
use super::super::span::Span;
use super::lex::{
    first, is_dash, is_dquote, is_name_char, is_space, is_squote, precedence_of, second, skip, skip1, unary_word,
};
use super::{PErr, PResult, Parser};

/// A parsed operator awaiting its right operand: its text and the position after it.
type Pending<'s> = Cell<Option<(&'s str, Span)>>;

/// The binary operator scanned at one position (keyed by the bytes left): `precedence` tries each
/// of the eight levels in turn at every operand boundary, and this keeps it to one scan.
type OpCache<'s> = Cell<Option<(usize, Option<ScannedOp<'s>>)>>;

/// A binary operator, its text, the position after it and the input after the newlines following it.
type ScannedOp<'s> = (BinaryOp, &'s str, Span, &'s str);

impl<'s> Parser<'s> {
    /// A full expression. `allow_comma` is false where commas separate arguments (method calls,
    /// attribute arguments).
    pub(crate) fn expression(&self, i: &'s str, allow_comma: bool) -> PResult<'s, Expr> {
        let (i, ()) = self.enter(i)?;
        let res = match self.expression_inner(i, allow_comma) {
            Ok((r, condition)) if self.pwsh7() => self.ternary_rest(r, condition, allow_comma),
            res => res,
        };
        self.leave();
        res
    }

    /// `? if_true : if_false` after a condition (PowerShell 7's ternary operator; the branches are
    /// whole expressions, so it nests to the right).
    fn ternary_rest(&self, r: &'s str, condition: Expr, allow_comma: bool) -> PResult<'s, Expr> {
        let (q, ()) = self.ws_expr(r)?;
        let Some(after_q) = q.strip_prefix('?').filter(|a| !a.starts_with('?')) else {
            return Ok((r, condition));
        };
        let (r1, ()) = self.ws_nl(after_q)?;
        let (r2, if_true) = match self.expression(r1, allow_comma) {
            Ok(ok) => ok,
            Err(nom::Err::Error(_)) => {
                return self.fail_at(
                    r1,
                    "You must provide a value expression following the '?' operator.",
                    "ExpectedValueExpression",
                    self.at(after_q),
                );
            }
            Err(e) => return Err(e),
        };
        let (r3, ()) = self.ws_nl(r2)?;
        let Some(after_colon) = r3.strip_prefix(':') else {
            return self.fail_at(
                r3,
                "Missing ':' in the ternary expression.",
                "MissingColonInTernaryExpression",
                self.at(r2),
            );
        };
        let (r4, ()) = self.ws_nl(after_colon)?;
        let (r5, if_false) = match self.expression(r4, allow_comma) {
            Ok(ok) => ok,
            Err(nom::Err::Error(_)) => {
                return self.fail_at(
                    r4,
                    "You must provide a value expression following the ':' operator.",
                    "ExpectedValueExpression",
                    self.at(after_colon),
                );
            }
            Err(e) => return Err(e),
        };
        let span = condition.span.to(if_false.span);
        let kind = ExprKind::Ternary {
            condition: Box::new(condition),
            if_true: Box::new(if_true),
            if_false: Box::new(if_false),
        };
        Ok((r5, Expr { kind, span }))
    }

    fn expression_inner(&self, i: &'s str, allow_comma: bool) -> PResult<'s, Expr> {
        let pending: Pending<'s> = Cell::new(None);
        let cache: OpCache<'s> = Cell::new(None);
        let operand = |inp: &'s str| -> PResult<'s, Expr> {
            let res = self.array_level(inp, allow_comma);
            match (res, pending.take()) {
                (Err(nom::Err::Error(_)), Some((text, at))) => self.fail_at(
                    inp,
                    format!("You must provide a value expression following the '{text}' operator."),
                    "ExpectedValueExpression",
                    at,
                ),
                (res, _) => res,
            }
        };
        let level = |n: u8| {
            let (pending, cache) = (&pending, &cache);
            binary_op(n, Assoc::Left, move |inp: &'s str| self.binary_at_level(inp, n, pending, cache))
        };
        let mut parser = precedence(
            nom::combinator::fail::<&'s str, Unary<(), u8>, PErr>(),
            nom::combinator::fail::<&'s str, Unary<(), u8>, PErr>(),
            alt((level(1), level(2), level(3), level(4), level(5), level(6), level(7), level(8))),
            operand,
            |op: Operation<(), (), BinaryOp, Expr>| -> Result<Expr, Infallible> {
                Ok(match op {
                    Operation::Binary(lhs, op, rhs) => Expr {
                        span: lhs.span.to(rhs.span),
                        kind: ExprKind::Binary { op, lhs: Box::new(lhs), rhs: Box::new(rhs) },
                    },
                    Operation::Prefix((), e) | Operation::Postfix(e, ()) => e,
                })
            },
        );
        parser.parse(i)
    }

    /// One binary operator of precedence `level`, with the whitespace around it (newlines after).
    fn binary_at_level(
        &self,
        i: &'s str,
        level: u8,
        pending: &Pending<'s>,
        cache: &OpCache<'s>,
    ) -> PResult<'s, BinaryOp> {
        let scanned = match cache.get() {
            Some((key, scanned)) if key == i.len() => scanned,
            _ => {
                let scanned = self.scan_binary_op(i)?;
                cache.set(Some((i.len(), scanned)));
                scanned
            }
        };
        match scanned {
            Some((op, text, after, r3)) if precedence_of(op) == level => {
                pending.set(Some((text, after)));
                Ok((r3, op))
            }
            _ => self.no(i),
        }
    }

    /// The binary operator after `i` (with the whitespace around it), if there is one.
    fn scan_binary_op(&self, i: &'s str) -> Result<Option<ScannedOp<'s>>, nom::Err<PErr>> {
        let (r, ()) = self.ws_expr(i)?;
        match self.binary_op_token(r) {
            Ok((r2, (op, text))) => {
                let after = self.at(r2);
                let (r3, ()) = self.ws_nl(r2)?;
                Ok(Some((op, text, after, r3)))
            }
            Err(nom::Err::Error(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Unary expressions separated by commas (an `ArrayLiteral` when there is more than one).
    fn array_level(&self, i: &'s str, allow_comma: bool) -> PResult<'s, Expr> {
        let (mut r, first_e) = self.unary(i)?;
        if !allow_comma {
            return Ok((r, first_e));
        }
        let mut items = vec![first_e];
        loop {
            let (r2, ()) = self.ws_expr(r)?;
            let Some(r3) = r2.strip_prefix(',') else {
                break;
            };
            let (r4, ()) = self.ws_nl(r3)?;
            match self.unary(r4) {
                Ok((r5, e)) => {
                    items.push(e);
                    r = r5;
                }
                Err(nom::Err::Error(_)) => {
                    return self.fail_at(
                        r4,
                        "Missing expression after ','.",
                        "MissingExpressionAfterToken",
                        self.at(r3),
                    );
                }
                Err(e) => return Err(e),
            }
        }
        if items.len() == 1
            && let Some(e) = items.pop()
        {
            return Ok((r, e));
        }
        let span = Span::new(items.first().map_or(0, |e| e.span.start), items.last().map_or(0, |e| e.span.end));
        Ok((r, Expr { kind: ExprKind::ArrayLiteral(items), span }))
    }

    /// A unary expression: prefix operators, casts, or a postfix expression.
    pub(crate) fn unary(&self, i: &'s str) -> PResult<'s, Expr> {
        let (i, ()) = self.enter(i)?;
        let res = self.unary_inner(i);
        self.leave();
        res
    }

    fn unary_inner(&self, i: &'s str) -> PResult<'s, Expr> {
        let Some(c) = first(i) else { return self.no(i) };
        match c {
            '!' => self.prefix(i, skip1(i), UnaryOp::Not, "!"),
            ',' => self.prefix(i, skip1(i), UnaryOp::Comma, ","),
            '+' if second(i) == Some('+') => self.prefix(i, skip(i, 2), UnaryOp::PreIncrement, "++"),
            '+' if second(i) != Some('=') => self.prefix(i, skip1(i), UnaryOp::Plus, "+"),
            c if is_dash(c) => {
                let after = skip1(i);
                match first(after) {
                    Some(d)
                        if d.is_ascii_digit() || (d == '.' && second(after).is_some_and(|x| x.is_ascii_digit())) =>
                    {
                        if let Ok((r, lit)) = self.number(i, false) {
                            let e = Expr { kind: ExprKind::Literal(lit), span: self.span(i, r) };
                            return self.postfix(r, e);
                        }
                        self.prefix(i, after, UnaryOp::Negate, "-")
                    }
                    Some(l) if l.is_ascii_alphabetic() => {
                        let n = after.chars().take_while(|c| c.is_ascii_alphanumeric()).count();
                        let word = after.get(..n).unwrap_or("");
                        let r = skip(after, n);
                        if first(r).is_some_and(is_name_char) {
                            return self.no(i);
                        }
                        let Some(op) = unary_word(word) else {
                            return self.no(i);
                        };
                        let text = self.text(self.span(i, r));
                        self.prefix(i, r, op, text)
                    }
                    Some(d) if is_dash(d) => self.prefix(i, skip1(after), UnaryOp::PreDecrement, "--"),
                    Some('=') => self.no(i),
                    _ => self.prefix(i, after, UnaryOp::Negate, "-"),
                }
            }
            '[' => self.type_or_cast(i),
            _ => {
                let (r, e) = self.primary(i)?;
                self.postfix(r, e)
            }
        }
    }

    /// A prefix operator applied to the following unary expression.
    fn prefix(&self, start: &'s str, after_op: &'s str, op: UnaryOp, text: &str) -> PResult<'s, Expr> {
        let (r, ()) = self.ws(after_op)?;
        match self.unary(r) {
            Ok((r2, operand)) => Ok((
                r2,
                Expr {
                    span: Span::new(self.pos(start), operand.span.end),
                    kind: ExprKind::Unary { op, operand: Box::new(operand) },
                },
            )),
            Err(nom::Err::Error(_)) => self.fail_at(
                r,
                format!("Missing expression after unary operator '{text}'."),
                "MissingExpressionAfterOperator",
                self.at(after_op),
            ),
            Err(e) => Err(e),
        }
    }

    /// `[type]` as a literal (with `::` members) or a cast of the following unary expression.
    fn type_or_cast(&self, i: &'s str) -> PResult<'s, Expr> {
        let (r, name) = self.type_name(i)?;
        let lit = Expr { kind: ExprKind::TypeLiteral(name.clone()), span: self.span(i, r) };
        if r.starts_with("::") || (r.starts_with('.') && second(r).is_some_and(is_name_char)) {
            return self.postfix(r, lit);
        }
        let (r2, ()) = self.ws(r)?;
        if starts_cast_operand(r2) {
            let (r3, operand) = self.unary(r2)?;
            let span = Span::new(self.pos(i), operand.span.end);
            return Ok((r3, Expr { kind: ExprKind::Cast { type_name: name, expr: Box::new(operand) }, span }));
        }
        Ok((r, lit))
    }

    /// `[TypeName]`, `[string[]]`, `[System.Collections.Generic.List[string]]`: the name inside the brackets.
    pub(crate) fn type_name(&self, i: &'s str) -> PResult<'s, String> {
        let Some(r) = i.strip_prefix('[') else {
            return self.no(i);
        };
        let (r, ()) = self.ws(r)?;
        let start = r;
        let mut depth = 0usize;
        let mut cur = r;
        loop {
            match first(cur) {
                Some(']') if depth == 0 => break,
                Some(']') => depth -= 1,
                Some('[') => depth += 1,
                Some(c) if is_name_char(c) || matches!(c, '.' | ',' | '`' | '+' | ' ' | '\t') => {}
                Some(c) if c == '\n' || c == '\r' || depth == 0 => {
                    if cur == start {
                        return self.no(i);
                    }
                    return self.fail_at(
                        cur,
                        "Missing ] at end of type token.",
                        "EndSquareBracketExpectedAtEndOfType",
                        self.at(cur),
                    );
                }
                Some(_) => {}
                None => {
                    if cur == start {
                        return self.fail_incomplete("Missing type name after '['.", "MissingTypename", self.at(cur));
                    }
                    return self.fail_incomplete(
                        "Missing ] at end of type token.",
                        "EndSquareBracketExpectedAtEndOfType",
                        self.at(cur),
                    );
                }
            }
            cur = skip1(cur);
        }
        let name: String = self.text(self.span(start, cur)).chars().filter(|c| !is_space(*c)).collect();
        if name.is_empty() || !name.chars().next().is_some_and(is_name_char) {
            return self.no(i);
        }
        Ok((skip1(cur), name))
    }

    /// Member access, static members, indexing, method calls and postfix `++`/`--` after `e`.
    pub(crate) fn postfix(&self, mut r: &'s str, mut e: Expr) -> PResult<'s, Expr> {
        loop {
            if self.pwsh7() && (r.starts_with("?.") || r.starts_with("?[")) {
                let (r2, inner) = self.null_conditional(skip1(r), e)?;
                let span = inner.span;
                e = Expr { kind: ExprKind::NullConditional(Box::new(inner)), span };
                r = r2;
                continue;
            }
            let c = first(r);
            let is_static = r.starts_with("::");
            if (c == Some('.') && !r.starts_with("..") && second(r).is_some()) || is_static {
                let after = if is_static { skip(r, 2) } else { skip1(r) };
                let Some(nc) = first(after) else {
                    return self.fail_incomplete(
                        "Missing property name after reference operator.",
                        "MissingPropertyName",
                        self.at(after),
                    );
                };
                if !(is_name_char(nc) || nc == '$' || nc == '(' || is_squote(nc) || is_dquote(nc)) {
                    if is_static {
                        return self.fail(
                            "Missing property name after reference operator.",
                            "MissingPropertyName",
                            self.at(after),
                        );
                    }
                    break;
                }
                let (r2, name) = self.member_name(after)?;
                if r2.starts_with('(') {
                    let (r3, args) = self.method_args(r2)?;
                    let span = Span::new(e.span.start, self.pos(r3));
                    e = Expr { kind: ExprKind::MethodCall { target: Box::new(e), name, args, is_static }, span };
                    r = r3;
                } else if r2.starts_with('{') {
                    // `$x.Where{ … }`: a script block right after the member name is the method's
                    // one argument (PowerShell's parser reads `.Name{` as an invocation).
                    let (r3, sb) = self.script_block(r2)?;
                    let arg = Expr { kind: ExprKind::ScriptBlock(sb), span: self.span(r2, r3) };
                    let span = Span::new(e.span.start, self.pos(r3));
                    let kind = ExprKind::MethodCall { target: Box::new(e), name, args: vec![arg], is_static };
                    e = Expr { kind, span };
                    r = r3;
                } else {
                    let span = Span::new(e.span.start, self.pos(r2));
                    e = Expr { kind: ExprKind::Member { target: Box::new(e), name, is_static }, span };
                    r = r2;
                }
            } else if c == Some('[') {
                let (r2, index) = self.index(r)?;
                let span = Span::new(e.span.start, self.pos(r2));
                e = Expr { kind: ExprKind::Index { target: Box::new(e), index: Box::new(index) }, span };
                r = r2;
            } else if let Some((op, n)) = postfix_incdec(r).filter(|_| is_assignable(&e)) {
                let r2 = skip(r, n);
                let span = Span::new(e.span.start, self.pos(r2));
                e = Expr { kind: ExprKind::Unary { op, operand: Box::new(e) }, span };
                r = r2;
            } else {
                break;
            }
        }
        Ok((r, e))
    }

    /// The `.Name`, `.M(args)` or `[i]` after a `?` (PowerShell 7's null-conditional access on `e`).
    fn null_conditional(&self, r: &'s str, e: Expr) -> PResult<'s, Expr> {
        if r.starts_with('[') {
            let (r2, index) = self.index(r)?;
            let span = Span::new(e.span.start, self.pos(r2));
            return Ok((r2, Expr { kind: ExprKind::Index { target: Box::new(e), index: Box::new(index) }, span }));
        }
        let after = skip1(r);
        if !first(after).is_some_and(|nc| is_name_char(nc) || nc == '$' || nc == '(' || is_squote(nc) || is_dquote(nc))
        {
            return self.fail_at(
                after,
                "Missing property name after reference operator.",
                "MissingPropertyName",
                self.at(after),
            );
        }
        let (r2, name) = self.member_name(after)?;
        if r2.starts_with('(') {
            let (r3, args) = self.method_args(r2)?;
            let span = Span::new(e.span.start, self.pos(r3));
            let kind = ExprKind::MethodCall { target: Box::new(e), name, args, is_static: false };
            return Ok((r3, Expr { kind, span }));
        }
        let span = Span::new(e.span.start, self.pos(r2));
        Ok((r2, Expr { kind: ExprKind::Member { target: Box::new(e), name, is_static: false }, span }))
    }

    /// A member name after `.` or `::`.
    fn member_name(&self, i: &'s str) -> PResult<'s, MemberName> {
        let Some(c) = first(i) else { return self.no(i) };
        if is_name_char(c) {
            let (r, n) = self.name(i)?;
            return Ok((r, MemberName::Literal(n.to_string())));
        }
        if c == '$' {
            let (r, v) = self.variable(i)?;
            let e = Expr { kind: ExprKind::Variable(v), span: self.span(i, r) };
            return Ok((r, MemberName::Dynamic(Box::new(e))));
        }
        if c == '(' {
            let (r, e) = self.paren(i)?;
            return Ok((r, MemberName::Dynamic(Box::new(e))));
        }
        let (r, e) = self.string_literal(i)?;
        match e.kind {
            ExprKind::Literal(Literal::String(s)) => Ok((r, MemberName::Literal(s))),
            _ => Ok((r, MemberName::Dynamic(Box::new(e)))),
        }
    }

    /// See `method_args_inner`.
    fn method_args(&self, i: &'s str) -> PResult<'s, Vec<Expr>> {
        self.with_nl(true, || self.method_args_inner(i))
    }

    /// `( arg, arg )` of a method call.
    fn method_args_inner(&self, i: &'s str) -> PResult<'s, Vec<Expr>> {
        let open = i;
        let mut r = skip1(i);
        let mut args = Vec::new();
        let (r0, ()) = self.ws_nl(r)?;
        if let Some(r1) = r0.strip_prefix(')') {
            return Ok((r1, args));
        }
        r = r0;
        let mut last_end = self.pos(skip1(open));
        loop {
            let (r2, a) = match self.expression(r, false) {
                Ok(ok) => ok,
                Err(nom::Err::Error(_)) => {
                    return self.fail_at(
                        r,
                        "Missing ')' in method call.",
                        "MissingEndParenthesisInMethodCall",
                        Span::new(last_end, last_end),
                    );
                }
                Err(e) => return Err(e),
            };
            last_end = a.span.end;
            args.push(a);
            let (r3, ()) = self.ws_nl(r2)?;
            if let Some(r4) = r3.strip_prefix(',') {
                let (r5, ()) = self.ws_nl(r4)?;
                r = r5;
                continue;
            }
            if let Some(r4) = r3.strip_prefix(')') {
                return Ok((r4, args));
            }
            return self.fail_at(
                r3,
                "Missing ')' in method call.",
                "MissingEndParenthesisInMethodCall",
                Span::new(last_end, last_end),
            );
        }
    }

    /// See `index_inner`.
    fn index(&self, i: &'s str) -> PResult<'s, Expr> {
        self.with_nl(true, || self.index_inner(i))
    }

    /// `[ index ]`.
    fn index_inner(&self, i: &'s str) -> PResult<'s, Expr> {
        let (r, ()) = self.ws_nl(skip1(i))?;
        if r.starts_with(']') {
            return self.fail(
                "Array index expression is missing or not valid.",
                "MissingArrayIndexExpression",
                self.at(r),
            );
        }
        let (r2, e) = match self.expression(r, true) {
            Ok(ok) => ok,
            Err(nom::Err::Error(_)) => {
                return self.fail_at(
                    r,
                    "Array index expression is missing or not valid.",
                    "MissingArrayIndexExpression",
                    self.at(r),
                );
            }
            Err(e) => return Err(e),
        };
        let end = self.at(r2);
        let (r3, ()) = self.ws_nl(r2)?;
        match r3.strip_prefix(']') {
            Some(r4) => Ok((r4, e)),
            None => self.fail_at(r3, "Missing ']' after array index expression.", "MissingEndSquareBracket", end),
        }
    }

    /// Primary expressions.
    pub(crate) fn primary(&self, i: &'s str) -> PResult<'s, Expr> {
        let Some(c) = first(i) else { return self.no(i) };
        match c {
            '0'..='9' => {
                let (r, lit) = self.number(i, false)?;
                Ok((r, Expr { kind: ExprKind::Literal(lit), span: self.span(i, r) }))
            }
            '.' if second(i).is_some_and(|d| d.is_ascii_digit()) => {
                let (r, lit) = self.number(i, false)?;
                Ok((r, Expr { kind: ExprKind::Literal(lit), span: self.span(i, r) }))
            }
            '$' if second(i) == Some('(') => self.subexpression(i),
            '$' => {
                let (r, v) = self.variable(i)?;
                Ok((r, Expr { kind: ExprKind::Variable(v), span: self.span(i, r) }))
            }
            '@' => match second(i) {
                Some('(') => self.array_subexpression(i),
                Some('{') => self.hashtable(i),
                Some(q) if is_squote(q) || is_dquote(q) => self.here_string(i),
                Some(n) if is_name_char(n) => {
                    let (r, n) = self.name(skip1(i))?;
                    let v = VarRef { scope: None, name: n.to_string(), splat: true };
                    Ok((r, Expr { kind: ExprKind::Variable(v), span: self.span(i, r) }))
                }
                _ => self.no(i),
            },
            '(' => self.paren(i),
            '{' => {
                let (r, sb) = self.script_block(i)?;
                Ok((r, Expr { kind: ExprKind::ScriptBlock(sb), span: self.span(i, r) }))
            }
            c if is_squote(c) || is_dquote(c) => self.string_literal(i),
            _ => self.no(i),
        }
    }

    /// See `paren_inner`.
    pub(crate) fn paren(&self, i: &'s str) -> PResult<'s, Expr> {
        self.with_nl(true, || self.paren_inner(i))
    }

    /// `( statement )`.
    fn paren_inner(&self, i: &'s str) -> PResult<'s, Expr> {
        let (r, ()) = self.ws_nl(skip1(i))?;
        if r.starts_with(')') {
            return self.fail("An expression was expected after '('.", "ExpectedExpression", self.at(r));
        }
        let (r2, st) = match self.statement(r) {
            Ok(ok) => ok,
            Err(nom::Err::Error(_)) if self.at_eof(r) => {
                return self.fail_incomplete(
                    "Missing closing ')' in expression.",
                    "MissingEndParenthesisInExpression",
                    self.at(r),
                );
            }
            Err(nom::Err::Error(_)) => return self.unexpected(r),
            Err(e) => return Err(e),
        };
        let end = Span::new(st.span.end, st.span.end);
        let (r3, ()) = self.ws_nl(r2)?;
        match r3.strip_prefix(')') {
            Some(r4) => Ok((r4, Expr { kind: ExprKind::Paren(Box::new(st)), span: self.span(i, r4) })),
            None => self.fail_at(r3, "Missing closing ')' in expression.", "MissingEndParenthesisInExpression", end),
        }
    }

    /// `$( statements )`.
    pub(crate) fn subexpression(&self, i: &'s str) -> PResult<'s, Expr> {
        let (r, stmts) = self.paren_statements(skip(i, 2))?;
        Ok((r, Expr { kind: ExprKind::Subexpr(stmts), span: self.span(i, r) }))
    }

    /// `@( statements )`.
    fn array_subexpression(&self, i: &'s str) -> PResult<'s, Expr> {
        let (r, stmts) = self.paren_statements(skip(i, 2))?;
        Ok((r, Expr { kind: ExprKind::ArraySubexpr(stmts), span: self.span(i, r) }))
    }

    /// A statement list closed by `)`.
    fn paren_statements(&self, body: &'s str) -> PResult<'s, Vec<Statement>> {
        let (r, stmts) = self.statement_list(body)?;
        let (r2, ()) = self.ws_sep(r)?;
        match r2.strip_prefix(')') {
            Some(r3) => Ok((r3, stmts)),
            None => {
                let end = stmts.last().map_or(self.pos(body), |s| s.span.end);
                if r2.is_empty() {
                    self.fail_incomplete(
                        "Missing closing ')' in subexpression.",
                        "MissingEndParenthesisInSubexpression",
                        Span::new(end, end),
                    )
                } else {
                    self.unexpected(r2)
                }
            }
        }
    }

    /// See `hashtable_inner`.
    fn hashtable(&self, i: &'s str) -> PResult<'s, Expr> {
        self.with_nl(false, || self.hashtable_inner(i))
    }

    /// `@{ key = statement; … }`.
    fn hashtable_inner(&self, i: &'s str) -> PResult<'s, Expr> {
        let open = Span::new(self.pos(i) + 1, self.pos(i) + 2);
        let mut r = skip(i, 2);
        let mut items = Vec::new();
        loop {
            let (r1, ()) = self.ws_sep(r)?;
            r = r1;
            if let Some(r2) = r.strip_prefix('}') {
                return Ok((r2, Expr { kind: ExprKind::Hashtable(items), span: self.span(i, r2) }));
            }
            if r.is_empty() {
                return self.fail_incomplete(
                    "Missing closing '}' in statement block or type definition.",
                    "MissingEndCurlyBrace",
                    open,
                );
            }
            let (r2, key) = self.hash_key(r)?;
            let (r3, ()) = self.ws(r2)?;
            let Some(r4) = r3.strip_prefix('=') else {
                return self.fail_at(
                    r3,
                    "Missing '=' operator after key in hash literal.",
                    "MissingEqualsInHashLiteral",
                    self.at(r2),
                );
            };
            let (r5, ()) = self.ws_nl(r4)?;
            if matches!(first(r5), None | Some('}' | ';')) {
                return self.fail_at(
                    r5,
                    "Missing statement after '=' in hash literal.",
                    "MissingStatementInHashLiteral",
                    self.at(r4),
                );
            }
            let (r6, value) = match self.statement(r5) {
                Ok(ok) => ok,
                Err(nom::Err::Error(_)) => return self.unexpected(r5),
                Err(e) => return Err(e),
            };
            items.push((key, value));
            let (r7, ()) = self.ws(r6)?;
            if !matches!(first(r7), None | Some('}' | ';' | '\n')) {
                return self.unexpected(r7);
            }
            r = r7;
        }
    }

    /// A hashtable key: a bare name (string) or a unary expression.
    fn hash_key(&self, i: &'s str) -> PResult<'s, Expr> {
        if first(i).is_some_and(|c| c.is_alphabetic() || c == '_') {
            let n: usize = i.chars().take_while(|&c| is_name_char(c) || c == '-' || c == '.').map(char::len_utf8).sum();
            let r = skip(i, n);
            let name = i.get(..n).unwrap_or("").to_string();
            return Ok((r, Expr { kind: ExprKind::Literal(Literal::String(name)), span: self.span(i, r) }));
        }
        match self.unary(i) {
            Ok(ok) => Ok(ok),
            Err(nom::Err::Error(_)) => {
                self.fail_at(i, "Missing key before '=' in hash literal.", "MissingKeyInHashLiteral", self.at(i))
            }
            Err(e) => Err(e),
        }
    }
}

/// Postfix `++` / `--` at `r` (not followed by an operand, so `$a--$b` stays binary).
fn postfix_incdec(r: &str) -> Option<(UnaryOp, usize)> {
    let (op, n) = if r.starts_with("++") {
        (UnaryOp::PostIncrement, 2)
    } else if first(r).is_some_and(is_dash) && second(r).is_some_and(is_dash) {
        (UnaryOp::PostDecrement, r.chars().take(2).map(char::len_utf8).sum())
    } else {
        return None;
    };
    if first(skip(r, n)).is_some_and(|c| is_name_char(c) || c == '$') {
        return None;
    }
    Some((op, n))
}

/// True for expressions `++`/`--`/assignment can target.
pub(crate) fn is_assignable(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Variable(_) | ExprKind::Member { .. } | ExprKind::Index { .. } => true,
        ExprKind::Cast { expr, .. } => is_assignable(expr),
        ExprKind::ArrayLiteral(items) => items.iter().all(is_assignable),
        _ => false,
    }
}

/// True when `r` starts something a cast applies to (rather than a bare type literal).
fn starts_cast_operand(r: &str) -> bool {
    match first(r) {
        Some(c) if c == '$' || c == '(' || c == '@' || c == '[' || c == '{' || c == '!' || c == '+' => true,
        Some(c) if c.is_ascii_digit() || is_squote(c) || is_dquote(c) => true,
        Some('.') => second(r).is_some_and(|d| d.is_ascii_digit()),
        Some(c) if is_dash(c) => {
            let after = skip1(r);
            match first(after) {
                Some(d) if d.is_ascii_digit() || d == '$' || d == '(' => true,
                Some(l) if l.is_ascii_alphabetic() => {
                    let n = after.chars().take_while(|c| c.is_ascii_alphanumeric()).count();
                    matches!(
                        after.get(..n).map(str::to_ascii_lowercase).as_deref(),
                        Some("not" | "bnot" | "split" | "join")
                    )
                }
                _ => false,
            }
        }
        _ => false,
    }
}
