//! The quoted parts of the tolerant token mode: single- and double-quoted strings (split around the
//! variables and `$( )` subexpressions they embed), here-strings and `$` variables. Each is read by
//! the parser's own primitive where it succeeds; what the parser rejects runs to the end of the input
//! (unterminated) or is scanned by hand (a body with an error of its own).

use super::super::parse::lex::{is_dquote, is_name_char, is_squote};
use super::super::span::Span;
use super::{Lexer, Token, TokenKind, tokens};

impl Lexer<'_> {
    /// A here-string at `@'`/`@"`, read by the parser; false (nothing consumed) when the header
    /// line has other characters after the quote, so it is no here-string.
    pub(super) fn here_string(&mut self, start: usize) -> bool {
        match self.parser().here_string(self.rest()) {
            Ok((r, _)) => self.seek(r),
            Err(nom::Err::Failure(e)) if e.is_incomplete() => self.pos = self.src.len(),
            // The body has an error of its own (say `$drive:` in `@"…"@`): find the end by hand.
            Err(_) if self.here_header_ok() => self.here_string_end(),
            Err(_) => return false,
        }
        self.push(TokenKind::String, start);
        true
    }

    /// Only blanks follow `@'`/`@"` on its line.
    pub(super) fn here_header_ok(&self) -> bool {
        let header = self.rest().get(2..).unwrap_or("");
        header.chars().take_while(|&c| c != '\n').all(|c| c.is_whitespace())
    }

    /// Moves past the line starting with the closing quote and `@` (or to the end).
    pub(super) fn here_string_end(&mut self) {
        let double = self.peek_at(1).is_some_and(is_dquote);
        let rest = self.rest();
        let mut at = rest.find('\n').map_or(rest.len(), |n| n + 1);
        while let Some(line) = rest.get(at..).filter(|l| !l.is_empty()) {
            let mut cs = line.chars();
            if let (Some(q), Some('@')) = (cs.next(), cs.next())
                && (if double { is_dquote(q) } else { is_squote(q) })
            {
                at += q.len_utf8() + 1;
                break;
            }
            at += line.find('\n').map_or(line.len(), |n| n + 1);
        }
        self.pos += at.min(rest.len());
    }

    pub(super) fn single_quoted(&mut self, start: usize) {
        match self.parser().squote_string(self.rest()) {
            Ok((r, _)) => self.seek(r),
            Err(_) => self.pos = self.src.len(),
        }
        self.push(TokenKind::String, start);
    }

    pub(super) fn double_quoted(&mut self, start: usize) {
        self.bump();
        // The string is split around embedded variables and subexpressions, which PSReadLine
        // colours as the tokens nested in the string.
        let mut seg = start;
        while let Some(c) = self.peek() {
            if c == '`' {
                self.bump();
                self.bump();
                continue;
            }
            if is_dquote(c) {
                self.bump();
                if self.peek().is_some_and(is_dquote) {
                    self.bump();
                    continue;
                }
                break;
            }
            if c == '$' {
                match self.peek_at(1) {
                    Some('(') => {
                        let at = self.pos;
                        match self.parser().subexpression(self.rest()) {
                            Ok((r, _)) => {
                                self.push_span(TokenKind::String, seg, at);
                                self.seek(r);
                                self.nested_subexpression(at, self.pos);
                                seg = self.pos;
                            }
                            // Unterminated or invalid: part of the string, balancing parentheses.
                            Err(_) => self.skip_balanced(),
                        }
                        continue;
                    }
                    Some(n) if is_name_char(n) || n == '{' => {
                        self.push_span(TokenKind::String, seg, self.pos);
                        let v = self.pos;
                        self.variable(v);
                        seg = self.pos;
                        continue;
                    }
                    _ => {}
                }
            }
            self.bump();
        }
        self.push_span(TokenKind::String, seg, self.pos);
    }

    /// The tokens of a complete `$( … )` at `start..end` inside a string.
    pub(super) fn nested_subexpression(&mut self, start: usize, end: usize) {
        let inner_start = start + 2;
        let inner_end = end.saturating_sub(1).max(inner_start);
        self.push_span(TokenKind::Open, start, inner_start);
        let inner = self.src.get(inner_start..inner_end).unwrap_or("");
        for t in tokens(inner) {
            let span = Span::new(t.span.start + inner_start, t.span.end + inner_start);
            self.tokens.push(Token { kind: t.kind, span });
        }
        self.push_span(TokenKind::Close, inner_end, end);
    }

    /// Skips `$( … )` balancing parentheses, to the end of the input when they do not balance.
    pub(super) fn skip_balanced(&mut self) {
        self.pos += 2;
        let mut depth = 1;
        while let Some(d) = self.bump() {
            match d {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
    }

    pub(super) fn variable(&mut self, start: usize) {
        match self.parser().variable(self.rest()) {
            Ok((r, _)) => self.seek(r),
            Err(nom::Err::Failure(e)) if e.is_incomplete() => self.pos = self.src.len(),
            // A lone `$`, `${}` or `$drive:` the parser rejects: the `$` and the name.
            Err(_) => {
                self.bump();
                if self.peek() == Some('{') {
                    while let Some(c) = self.bump() {
                        if c == '}' {
                            break;
                        }
                    }
                } else {
                    while self.peek().is_some_and(is_name_char) {
                        self.bump();
                    }
                }
            }
        }
        self.push(TokenKind::Variable, start);
    }
}
