//! Command mode and pipelines: command names (bare words, `&`/`.` invocation), arguments
//! (`-Name`, `-Name:value`, bare words, numbers, strings, variables with member access, `( )`, `$( )`,
//! `@( )`, `@{ }`, `{ }`, comma lists, adjacent parts joined into one argument, `@splat`) and
//! redirections (`>`, `>>`, `2>`, `2>&1`, `*>`).

use super::super::ast::{
    CommandArg, CommandCall, CommandName, Expr, ExprKind, InvocationKind, Literal, Pipeline, PipelineElement,
    RedirectTarget, Redirection, StringPart,
};
use super::super::span::Span;
use super::lex::{first, is_dash, is_dquote, is_name_char, is_space, is_squote, second, skip, skip1};
use super::{PResult, Parser};

/// True when `c` ends a bare word in command mode.
fn ends_word(c: char) -> bool {
    is_space(c)
        || matches!(c, '\n' | ';' | '|' | '&' | ',' | '(' | ')' | '{' | '}' | '<' | '>')
        || is_squote(c)
        || is_dquote(c)
}

/// True when `$` at `i` starts a variable or sub-expression (rather than a literal `$`).
fn dollar_starts_var(i: &str) -> bool {
    i.starts_with('$') && matches!(second(i), Some(c) if is_name_char(c) || matches!(c, '{' | '(' | '?' | '^' | '$'))
}

impl<'s> Parser<'s> {
    /// True when the element at `i` is a command (rather than an expression).
    pub(crate) fn starts_command(&self, i: &'s str) -> bool {
        let Some(c) = first(i) else { return false };
        match c {
            '&' => !i.starts_with("&&"),
            '.' => match second(i) {
                None => false,
                Some(d) if d.is_ascii_digit() => false,
                Some(_) => true,
            },
            '0'..='9' => self.number(i, false).is_err(),
            c if is_dash(c) || is_squote(c) || is_dquote(c) => false,
            '!' | '$' | '@' | '(' | '[' | '{' | ',' | '+' | ')' | '}' | ';' | '|' | '\n' | '<' | '>' | '#' | '=' => {
                false
            }
            c if is_space(c) => false,
            _ => true,
        }
    }

    /// The rest of a pipeline after its first element: `| command` repeated.
    pub(crate) fn pipeline_rest(
        &self,
        start: &'s str,
        first_el: PipelineElement,
        mut r: &'s str,
    ) -> PResult<'s, Pipeline> {
        let mut elements = vec![first_el];
        let mut end = self.pos(r);
        loop {
            let (r1, ()) = self.ws_expr(r)?;
            let Some(after) = r1.strip_prefix('|').filter(|a| !a.starts_with('|')) else {
                break;
            };
            let (r2, ()) = self.ws_nl(after)?;
            if self.starts_command(r2) {
                let (r3, cmd) = self.command(r2)?;
                end = self.pos(r3);
                elements.push(PipelineElement::Command(cmd));
                r = r3;
            } else if matches!(first(r2), None | Some(';' | ')' | '}' | '|')) {
                return self.fail_at(r2, "An empty pipe element is not allowed.", "EmptyPipeElement", self.at(after));
            } else {
                let tok = super::lex::token_text(r2);
                let p = self.pos(r2);
                return self.fail(
                    "Expressions are only allowed as the first element of a pipeline.",
                    "ExpressionsMustBeFirstInPipeline",
                    Span::new(p, p + tok.len()),
                );
            }
        }
        Ok((r, Pipeline { elements, span: Span::new(self.pos(start), end) }))
    }

    /// A command invocation with its arguments and redirections.
    pub(crate) fn command(&self, i: &'s str) -> PResult<'s, CommandCall> {
        let (invocation, after) = match first(i) {
            Some('&') => (InvocationKind::Call, skip1(i)),
            Some('.')
                if second(i)
                    .is_some_and(|c| is_space(c) || matches!(c, '$' | '(' | '{') || is_squote(c) || is_dquote(c)) =>
            {
                (InvocationKind::Dot, skip1(i))
            }
            _ => (InvocationKind::Plain, i),
        };
        let (mut r, name) = if invocation == InvocationKind::Plain {
            self.command_name(i)?
        } else {
            let (r0, ()) = self.ws(after)?;
            let op = if invocation == InvocationKind::Call { "&" } else { "." };
            if super::lex::at_arg_end(r0) {
                return self.fail_at(
                    r0,
                    format!("Missing expression after '{op}' in pipeline element."),
                    "MissingExpression",
                    self.at(after),
                );
            }
            match first(r0) {
                Some(c) if c == '$' || c == '(' || c == '{' || c == '@' || is_squote(c) || is_dquote(c) => {
                    let (r1, e) = self.arg_value(r0)?;
                    (r1, CommandName::Expr(Box::new(e)))
                }
                _ => self.command_name(r0)?,
            }
        };
        let mut args = Vec::new();
        let mut redirections = Vec::new();
        let mut end = self.pos(r);
        loop {
            let (r1, ()) = self.ws(r)?;
            if super::lex::at_arg_end(r1) {
                break;
            }
            if let Some(rest) = r1
                .strip_prefix("--%")
                .filter(|a| matches!(first(a), None | Some('\n')) || first(a).is_some_and(is_space))
            {
                // The stop-parsing token: the rest of the line up to a newline or `|` is passed as is.
                let n = rest.find(['\n', '|']).unwrap_or(rest.len());
                let text = rest.get(..n).unwrap_or("").trim_start_matches(is_space).trim_end_matches('\r');
                let r2 = skip(rest, n);
                let span = self.span(r1, r2);
                args.push(CommandArg::Positional(Expr {
                    kind: ExprKind::Literal(Literal::String(text.to_string())),
                    span,
                }));
                end = span.end;
                r = r2;
                continue;
            }
            if let Some(res) = self.redirection(r1) {
                let (r2, red) = res?;
                end = red.span.end;
                redirections.push(red);
                r = r2;
                continue;
            }
            let c = first(r1).unwrap_or(' ');
            if is_dash(c) && second(r1).is_some_and(|d| d.is_alphabetic() || d == '_' || d == '?') {
                let (r2, arg) = self.parameter(r1)?;
                end = self.pos(r2);
                args.push(arg);
                r = r2;
                continue;
            }
            if c == '@' && second(r1).is_some_and(is_name_char) {
                let (r2, n) = self.name(skip1(r1))?;
                end = self.pos(r2);
                args.push(CommandArg::Splat(n.to_string(), self.span(r1, r2)));
                r = r2;
                continue;
            }
            match self.arg_value_list(r1) {
                Ok((r2, e)) => {
                    end = self.pos(r2);
                    args.push(CommandArg::Positional(e));
                    r = r2;
                }
                Err(nom::Err::Error(_)) => return self.unexpected(r1),
                Err(e) => return Err(e),
            }
        }
        Ok((r, CommandCall { name, invocation, args, redirections, span: Span::new(self.pos(i), end) }))
    }

    /// A bare command name such as `Get-Mailbox`, `?`, `%`, `.\script.ps1`.
    fn command_name(&self, i: &'s str) -> PResult<'s, CommandName> {
        let n: usize = i.chars().take_while(|&c| !ends_word(c) && c != '$').map(char::len_utf8).sum();
        if n == 0 {
            return self.no(i);
        }
        let mut r = skip(i, n);
        let name = i.get(..n).unwrap_or("").to_string();
        // Quotes glued to the name are part of the same generic token, as in PowerShell's tokenizer:
        // `Write-Host""` is `Write-Host`, and `Write-Host"x"` names the command `Write-Hostx`.
        let mut out = vec![StringPart::Literal(name.clone())];
        let mut glued = false;
        loop {
            // After a glued quote, more word characters still belong to the name (`ie""x''`).
            if glued && first(r).is_some_and(|c| !ends_word(c) && c != '$') {
                let n: usize = r.chars().take_while(|&c| !ends_word(c) && c != '$').map(char::len_utf8).sum();
                push_lit(&mut out, r.get(..n).unwrap_or("").to_string());
                r = skip(r, n);
                continue;
            }
            if !first(r).is_some_and(|c| is_squote(c) || is_dquote(c)) {
                break;
            }
            let (r2, e) = self.string_literal(r)?;
            match e.kind {
                ExprKind::Literal(Literal::String(s)) => push_lit(&mut out, s),
                ExprKind::Expandable(ps) => {
                    for sp in ps {
                        match sp {
                            StringPart::Literal(s) => push_lit(&mut out, s),
                            e => out.push(e),
                        }
                    }
                }
                _ => {}
            }
            glued = true;
            r = r2;
        }
        if glued {
            let span = self.span(i, r);
            return Ok((
                r,
                match out.as_slice() {
                    [StringPart::Literal(full)] => CommandName::Bare(full.clone(), span),
                    _ => CommandName::Expr(Box::new(Expr { kind: ExprKind::Expandable(out), span })),
                },
            ));
        }
        Ok((r, CommandName::Bare(name, self.span(i, r))))
    }

    /// `-Name` or `-Name:value`.
    fn parameter(&self, i: &'s str) -> PResult<'s, CommandArg> {
        let after = skip1(i);
        let n: usize = after.chars().take_while(|&c| !ends_word(c) && c != ':' && c != '$').map(char::len_utf8).sum();
        let name = after.get(..n).unwrap_or("").to_string();
        let r = skip(after, n);
        if let Some(rc) = r.strip_prefix(':') {
            let (r1, ()) = self.ws(rc)?;
            if super::lex::at_arg_end(r1) {
                return Ok((rc, CommandArg::Parameter { name, value: None, span: self.span(i, rc) }));
            }
            let (r2, v) = match self.arg_value_list(r1) {
                Ok(ok) => ok,
                Err(nom::Err::Error(_)) => return self.unexpected(r1),
                Err(e) => return Err(e),
            };
            return Ok((r2, CommandArg::Parameter { name, value: Some(v), span: self.span(i, r2) }));
        }
        Ok((r, CommandArg::Parameter { name, value: None, span: self.span(i, r) }))
    }

    /// One argument value, or several separated by commas (an `ArrayLiteral`).
    fn arg_value_list(&self, i: &'s str) -> PResult<'s, Expr> {
        let (mut r, first_v) = self.arg_value(i)?;
        let mut items = vec![first_v];
        loop {
            let (r1, ()) = self.ws(r)?;
            let Some(after) = r1.strip_prefix(',') else {
                break;
            };
            let (r2, ()) = self.ws_nl(after)?;
            match self.arg_value(r2) {
                Ok((r3, v)) => {
                    items.push(v);
                    r = r3;
                }
                Err(nom::Err::Error(_)) => {
                    return self.fail_at(r2, "Missing argument in parameter list.", "MissingArgument", self.at(after));
                }
                Err(e) => return Err(e),
            }
        }
        if items.len() == 1
            && let Some(v) = items.pop()
        {
            return Ok((r, v));
        }
        let span = Span::new(self.pos(i), items.last().map_or(self.pos(r), |e| e.span.end));
        Ok((r, Expr { kind: ExprKind::ArrayLiteral(items), span }))
    }

    /// One argument: adjacent parts without whitespace form a single (expandable) argument.
    pub(super) fn arg_value(&self, i: &'s str) -> PResult<'s, Expr> {
        let mut parts: Vec<Expr> = Vec::new();
        let mut r = i;
        while let Some(c) = first(r) {
            let opens_group = matches!(c, '(' | '{');
            let quote = is_squote(c) || is_dquote(c);
            if (ends_word(c) && !quote && !(opens_group && parts.is_empty())) || (opens_group && !parts.is_empty()) {
                break;
            }
            let (r2, e) = self.arg_part(r, parts.is_empty())?;
            if r2.len() == r.len() {
                break;
            }
            parts.push(e);
            r = r2;
        }
        match parts.len() {
            0 => self.no(i),
            1 => Ok((r, parts.pop().unwrap_or_else(|| bare(String::new(), Span::default())))),
            _ => {
                let mut out: Vec<StringPart> = Vec::new();
                for p in parts {
                    match p.kind {
                        ExprKind::BareWord(s) | ExprKind::Literal(Literal::String(s)) => push_lit(&mut out, s),
                        ExprKind::Expandable(ps) => {
                            for sp in ps {
                                match sp {
                                    StringPart::Literal(s) => push_lit(&mut out, s),
                                    e => out.push(e),
                                }
                            }
                        }
                        _ => out.push(StringPart::Expr(p)),
                    }
                }
                Ok((r, Expr { kind: ExprKind::Expandable(out), span: self.span(i, r) }))
            }
        }
    }

    /// One part of an argument. `leading` is true for the first part (numbers count only there).
    pub(crate) fn arg_part(&self, i: &'s str, leading: bool) -> PResult<'s, Expr> {
        let Some(c) = first(i) else { return self.no(i) };
        match c {
            c if is_squote(c) || is_dquote(c) => self.string_literal(i),
            '@' if second(i).is_some_and(|q| is_squote(q) || is_dquote(q) || q == '(' || q == '{') => {
                let (r, e) = self.primary(i)?;
                self.postfix(r, e)
            }
            '$' if dollar_starts_var(i) => {
                let (r, e) = self.primary(i)?;
                self.postfix(r, e)
            }
            '(' | '{' => {
                let (r, e) = self.primary(i)?;
                self.postfix(r, e)
            }
            _ => {
                if leading
                    && (c.is_ascii_digit()
                        || (is_dash(c) && second(i).is_some_and(|d| d.is_ascii_digit() || d == '.'))
                        || (c == '.' && second(i).is_some_and(|d| d.is_ascii_digit())))
                    && let Ok((r, lit)) = self.number(i, true)
                {
                    return Ok((r, Expr { kind: ExprKind::Literal(lit), span: self.span(i, r) }));
                }
                self.bare_word(i)
            }
        }
    }

    /// A bare word in argument position (`karen:\Calendar`, `CONTOSO\michelle`, `*.csv`).
    fn bare_word(&self, i: &'s str) -> PResult<'s, Expr> {
        let mut out = String::new();
        let mut r = i;
        while let Some(c) = first(r) {
            if ends_word(c) || (c == '$' && dollar_starts_var(r)) {
                break;
            }
            if c == '`' {
                let after = skip1(r);
                let rest = after.trim_start_matches([' ', '\t', '\r']);
                if rest.starts_with('\n') || rest.is_empty() {
                    break;
                }
                let Some(e) = first(after) else { break };
                out.push(match e {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '0' => '\0',
                    'a' => '\u{07}',
                    'b' => '\u{08}',
                    'e' => '\u{1b}',
                    'f' => '\u{0c}',
                    'v' => '\u{0b}',
                    other => other,
                });
                r = skip1(after);
                continue;
            }
            out.push(c);
            r = skip1(r);
        }
        if r.len() == i.len() {
            return self.no(i);
        }
        Ok((r, bare(out, self.span(i, r))))
    }

    /// A redirection at `i`, if one starts there.
    fn redirection(&self, i: &'s str) -> Option<PResult<'s, Redirection>> {
        let c = first(i)?;
        if c == '<' {
            return Some(self.fail(
                "The '<' operator is reserved for future use.",
                "RedirectionNotSupported",
                Span::new(self.pos(i), self.pos(i) + 1),
            ));
        }
        let (from, after_from) = match c {
            '>' => (1u8, i),
            '*' if second(i) == Some('>') => (0, skip1(i)),
            '1'..='6' if second(i) == Some('>') => (c as u8 - b'0', skip1(i)),
            _ => return None,
        };
        let append = after_from.starts_with(">>");
        let r = skip(after_from, if append { 2 } else { 1 });
        Some(self.redirection_target(i, from, append, r))
    }

    fn redirection_target(&self, start: &'s str, from: u8, append: bool, r: &'s str) -> PResult<'s, Redirection> {
        if !append && let Some(d) = r.strip_prefix('&').and_then(|a| first(a).filter(|d| ('1'..='6').contains(d))) {
            let r2 = skip(r, 2);
            let to = RedirectTarget::Stream(d as u8 - b'0');
            return Ok((r2, Redirection { from, to, append, span: self.span(start, r2) }));
        }
        let (r1, ()) = self.ws(r)?;
        match self.arg_value(r1) {
            Ok((r2, target)) => {
                Ok((r2, Redirection { from, to: RedirectTarget::File(target), append, span: self.span(start, r2) }))
            }
            Err(nom::Err::Error(_)) => self.fail_at(
                r1,
                "Missing file specification after redirection operator.",
                "MissingFileSpecification",
                self.at(r),
            ),
            Err(e) => Err(e),
        }
    }
}

/// A bare-word expression.
fn bare(s: String, span: Span) -> Expr {
    Expr { kind: ExprKind::BareWord(s), span }
}

/// Appends literal text, merging with a preceding literal.
fn push_lit(out: &mut Vec<StringPart>, s: String) {
    if let Some(StringPart::Literal(prev)) = out.last_mut() {
        prev.push_str(&s);
    } else if !s.is_empty() {
        out.push(StringPart::Literal(s));
    }
}
