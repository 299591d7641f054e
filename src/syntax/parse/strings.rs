//! String literals and variables: `'verbatim'` (with `''`), `"expandable"` (backtick escapes, `""`,
//! `$var`, `${var}`, `$scope:var`, `$(...)`), here-strings `@"…"@` / `@'…'@`, and `$` variable tokens.

use super::super::ast::{Expr, ExprKind, Literal, StringPart, VarRef};
use super::super::span::Span;
use super::lex::{first, is_dquote, is_name_char, is_space, is_squote, second, skip, skip1};
use super::{PResult, Parser};

/// Scope and drive qualifiers that split `${scope:name}`.
const BRACED_SCOPES: &[&str] =
    &["global", "local", "script", "private", "using", "env", "variable", "function", "alias"];

/// Where an expandable body ends.
#[derive(Clone, Copy)]
enum Until {
    /// At an unescaped double quote (a doubled quote is one literal quote).
    Quote,
    /// At this byte offset (the here-string body end); quotes are literal.
    Offset(usize),
}

/// Accumulates string parts, merging adjacent literal text.
#[derive(Default)]
struct Parts {
    parts: Vec<StringPart>,
    lit: String,
}

impl Parts {
    fn push_char(&mut self, c: char) {
        self.lit.push(c);
    }

    fn push_expr(&mut self, e: Expr) {
        self.flush();
        self.parts.push(StringPart::Expr(e));
    }

    fn flush(&mut self) {
        if !self.lit.is_empty() {
            self.parts.push(StringPart::Literal(std::mem::take(&mut self.lit)));
        }
    }

    fn finish(mut self) -> Vec<StringPart> {
        self.flush();
        self.parts
    }
}

impl<'s> Parser<'s> {
    /// Any string literal at `i`: quoted or here-string, as an expression.
    pub(crate) fn string_literal(&self, i: &'s str) -> PResult<'s, Expr> {
        let Some(c) = first(i) else { return self.no(i) };
        if is_squote(c) {
            let (r, s) = self.squote_string(i)?;
            return Ok((r, Expr { kind: ExprKind::Literal(Literal::String(s)), span: self.span(i, r) }));
        }
        if is_dquote(c) {
            let (r, parts) = self.dquote_string(i)?;
            return Ok((r, Expr { kind: ExprKind::Expandable(parts), span: self.span(i, r) }));
        }
        if c == '@' && second(i).is_some_and(|q| is_squote(q) || is_dquote(q)) {
            return self.here_string(i);
        }
        self.no(i)
    }

    /// `'text'` with `''` as an escaped quote.
    pub(crate) fn squote_string(&self, i: &'s str) -> PResult<'s, String> {
        let mut out = String::new();
        let mut r = skip1(i);
        loop {
            let Some(c) = first(r) else {
                return self.fail_incomplete(
                    "The string is missing the terminator: '.",
                    "TerminatorExpectedAtEndOfString",
                    Span::new(self.pos(i), self.src.len()),
                );
            };
            if is_squote(c) {
                let after = skip1(r);
                if first(after).is_some_and(is_squote) {
                    out.push('\'');
                    r = skip1(after);
                    continue;
                }
                return Ok((after, out));
            }
            if c == '\r' && second(r) == Some('\n') {
                r = skip1(r);
                continue;
            }
            out.push(c);
            r = skip1(r);
        }
    }

    /// `"text $var $(expr)"`.
    pub(crate) fn dquote_string(&self, i: &'s str) -> PResult<'s, Vec<StringPart>> {
        let body = skip1(i);
        match self.expandable_body(body, Until::Quote) {
            Ok(ok) => Ok(ok),
            Err(nom::Err::Error(_)) => self.fail_incomplete(
                "The string is missing the terminator: \".",
                "TerminatorExpectedAtEndOfString",
                Span::new(self.pos(i), self.src.len()),
            ),
            Err(e) => Err(e),
        }
    }

    /// The body of an expandable string; returns the input after the closing quote (or at the offset).
    /// An `Error` means the string ran out before its terminator.
    fn expandable_body(&self, mut r: &'s str, until: Until) -> PResult<'s, Vec<StringPart>> {
        let mut parts = Parts::default();
        loop {
            if let Until::Offset(end) = until
                && self.pos(r) >= end
            {
                return Ok((r, parts.finish()));
            }
            let Some(c) = first(r) else { return self.no(r) };
            match c {
                c if is_dquote(c) && matches!(until, Until::Quote) => {
                    let after = skip1(r);
                    if first(after).is_some_and(is_dquote) {
                        parts.push_char('"');
                        r = skip1(after);
                    } else {
                        return Ok((after, parts.finish()));
                    }
                }
                '`' => {
                    let after = skip1(r);
                    let Some(e) = first(after) else {
                        return self.no(after);
                    };
                    r = skip1(after);
                    match e {
                        '0' => parts.push_char('\0'),
                        'a' => parts.push_char('\u{07}'),
                        'b' => parts.push_char('\u{08}'),
                        'e' => parts.push_char('\u{1b}'),
                        'f' => parts.push_char('\u{0c}'),
                        'n' => parts.push_char('\n'),
                        'r' => parts.push_char('\r'),
                        't' => parts.push_char('\t'),
                        'v' => parts.push_char('\u{0b}'),
                        // `u{…}` is PowerShell 6+; Windows PowerShell 5.1 reads `u as a plain `u`.
                        'u' if first(r) == Some('{') && self.pwsh7() => {
                            let inner = skip1(r);
                            let n = inner.chars().take_while(char::is_ascii_hexdigit).count();
                            let hex = inner.get(..n).unwrap_or("");
                            let close = skip(inner, n);
                            match (u32::from_str_radix(hex, 16).ok().and_then(char::from_u32), close.strip_prefix('}'))
                            {
                                (Some(ch), Some(rest)) if n <= 6 => {
                                    parts.push_char(ch);
                                    r = rest;
                                }
                                _ => {
                                    return self.fail(
                                        "The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six hex digits and a closing '}'.",
                                        "InvalidUnicodeEscapeSequence",
                                        self.span(skip(after, 0), close),
                                    );
                                }
                            }
                        }
                        '\r' if first(r) == Some('\n') => {
                            parts.push_char('\n');
                            r = skip1(r);
                        }
                        other => parts.push_char(other),
                    }
                }
                '$' => match self.string_dollar(r)? {
                    (rest, Some(e)) => {
                        parts.push_expr(e);
                        r = rest;
                    }
                    (rest, None) => {
                        parts.push_char('$');
                        r = rest;
                    }
                },
                '\r' if second(r) == Some('\n') => r = skip1(r),
                other => {
                    parts.push_char(other);
                    r = skip1(r);
                }
            }
        }
    }

    /// `$…` inside an expandable string: a variable or `$(…)`, or `None` for a literal `$`.
    fn string_dollar(&self, i: &'s str) -> PResult<'s, Option<Expr>> {
        let after = skip1(i);
        if after.starts_with('(') {
            let (r, e) = self.subexpression(i)?;
            return Ok((r, Some(e)));
        }
        match self.variable(i) {
            Ok((r, v)) => Ok((r, Some(Expr { kind: ExprKind::Variable(v), span: self.span(i, r) }))),
            Err(nom::Err::Error(_)) => Ok((after, None)),
            Err(e) => Err(e),
        }
    }

    /// `@"` … `"@` (expandable) or `@'` … `'@` (verbatim); the closing marker starts a line.
    pub(crate) fn here_string(&self, i: &'s str) -> PResult<'s, Expr> {
        let q = second(i).unwrap_or('"');
        let expandable = is_dquote(q);
        let header = skip1(skip1(i));
        let after_ws = header.trim_start_matches(|c: char| is_space(c) && c != '\r');
        let after_ws = after_ws.strip_prefix('\r').unwrap_or(after_ws);
        let Some(body) = after_ws.strip_prefix('\n') else {
            if after_ws.is_empty() {
                return self.fail_incomplete(
                    format!("The string is missing the terminator: {}@.", if expandable { '"' } else { '\'' }),
                    "TerminatorExpectedAtEndOfString",
                    Span::new(self.pos(i), self.src.len()),
                );
            }
            return self.fail(
                "No characters are allowed after a here-string header but before the end of the line.",
                "UnexpectedCharactersAfterHereStringHeader",
                self.at(after_ws),
            );
        };
        let is_close = |line: &str| {
            let mut cs = line.chars();
            matches!((cs.next(), cs.next()), (Some(a), Some('@')) if (expandable && is_dquote(a)) || (!expandable && is_squote(a)))
        };
        // Find the terminator line.
        let mut line_start = body;
        let (content_end, rest) = loop {
            if is_close(line_start) {
                // Content ends before the newline preceding this line.
                let mut end = self.pos(line_start);
                if end > self.pos(body) {
                    end -= 1; // the '\n'
                    if self.src.get(end.saturating_sub(1)..end) == Some("\r") && end > self.pos(body) {
                        end -= 1;
                    }
                }
                let after_marker = skip1(skip1(line_start));
                break (end, after_marker);
            }
            match line_start.find('\n') {
                Some(n) => line_start = skip(line_start, n + 1),
                None => {
                    return self.fail_incomplete(
                        format!("The string is missing the terminator: {}@.", if expandable { '"' } else { '\'' }),
                        "TerminatorExpectedAtEndOfString",
                        Span::new(self.pos(i), self.src.len()),
                    );
                }
            }
        };
        let start = self.pos(body);
        let kind = if expandable {
            let (_, parts) = match self.expandable_body(body, Until::Offset(content_end.max(start))) {
                Ok(ok) => ok,
                Err(nom::Err::Error(_)) => (rest, Vec::new()),
                Err(e) => return Err(e),
            };
            ExprKind::Expandable(parts)
        } else {
            let text = self.src.get(start..content_end.max(start)).unwrap_or("").replace("\r\n", "\n");
            ExprKind::Literal(Literal::String(text))
        };
        Ok((rest, Expr { kind, span: self.span(i, rest) }))
    }

    /// A `$` variable: `$name`, `$scope:name`, `${any name}`, `$_`, `$?`, `$$`, `$^`.
    /// `$name:` followed by a non-name character is PowerShell's InvalidVariableReferenceWithDrive error.
    pub(crate) fn variable(&self, i: &'s str) -> PResult<'s, VarRef> {
        let Some(r) = i.strip_prefix('$') else {
            return self.no(i);
        };
        match first(r) {
            Some('{') => self.braced_variable(i, skip1(r)),
            Some(c @ ('?' | '$' | '^')) => Ok((skip1(r), VarRef { scope: None, name: c.to_string(), splat: false })),
            Some(c) if is_name_char(c) => {
                let (r2, n) = self.var_name(r)?;
                if let Some(after) = r2.strip_prefix(':')
                    && first(after).is_some_and(is_name_char)
                {
                    let (r3, n2) = self.var_name(after)?;
                    return Ok((
                        r3,
                        VarRef { scope: Some(n.to_ascii_lowercase()), name: n2.to_string(), splat: false },
                    ));
                }
                // `$name:` not followed by a name character (`"$mbx:\Calendar"`, `"$server: up"`) is
                // PowerShell's drive-qualified variable error, a classic trap real scripts must not pass.
                if let Some(after) = r2.strip_prefix(':')
                    && !after.starts_with(':')
                {
                    return self.fail(
                        "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
                        "InvalidVariableReferenceWithDrive",
                        self.span(i, after),
                    );
                }
                Ok((r2, VarRef { scope: None, name: n.to_string(), splat: false }))
            }
            _ => self.no(i),
        }
    }

    /// A variable name after `$` (or its scope): name characters and `?` (PowerShell's tokenizer
    /// reads `$a?` as the variable `a?`, so `"$name?"` expands `${name?}`).
    fn var_name(&self, i: &'s str) -> PResult<'s, &'s str> {
        let n: usize = i.chars().take_while(|&c| is_name_char(c) || c == '?').map(char::len_utf8).sum();
        if n == 0 || !first(i).is_some_and(is_name_char) {
            return self.no(i);
        }
        Ok((skip(i, n), i.get(..n).unwrap_or("")))
    }

    /// `${…}` after the `{`.
    fn braced_variable(&self, start: &'s str, mut r: &'s str) -> PResult<'s, VarRef> {
        let mut name = String::new();
        loop {
            match first(r) {
                None => {
                    return self.fail_incomplete(
                        "Missing } at end of variable name.",
                        "EndBraceExpectedAtEndOfVariableName",
                        Span::new(self.pos(start), self.src.len()),
                    );
                }
                Some('}') => {
                    r = skip1(r);
                    break;
                }
                Some('`') => {
                    r = skip1(r);
                    if let Some(c) = first(r) {
                        name.push(c);
                        r = skip1(r);
                    }
                }
                Some(c) => {
                    name.push(c);
                    r = skip1(r);
                }
            }
        }
        if name.is_empty() {
            return self.fail(
                "Variable reference is not valid. The variable name is missing.",
                "InvalidBracedVariableReference",
                self.span(start, r),
            );
        }
        if let Some((scope, rest)) = name.split_once(':') {
            let lower = scope.to_ascii_lowercase();
            if BRACED_SCOPES.contains(&lower.as_str()) && !rest.is_empty() {
                return Ok((r, VarRef { scope: Some(lower), name: rest.to_string(), splat: false }));
            }
        }
        Ok((r, VarRef { scope: None, name, splat: false }))
    }
}
