//! Statements of their own shape: `data` sections, `using` statements and workflows (whose
//! `parallel { }` / `sequence { }` blocks and `foreach -parallel` are read by `stmt` and
//! `control_flow`).

use super::super::ast::{Expr, ExprKind, Literal, Statement, StatementKind};
use super::super::span::Span;
use super::lex::{Keyword, first, is_dash, is_name_char, is_space, second, skip, skip1};
use super::{PResult, Parser};

impl<'s> Parser<'s> {
    /// `data [name] [-SupportedCommand a, b] { … }` after the keyword at `r`.
    pub(super) fn data_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
        let (r1, ()) = self.ws_nl(r)?;
        let (r2, variable) = if first(r1).is_some_and(|c| c.is_alphabetic() || c == '_') {
            let (r2, n) = self.name(r1)?;
            (r2, Some(n.to_string()))
        } else {
            (r1, None)
        };
        let (r3, ()) = self.ws_nl(r2)?;
        let mut supported_commands = Vec::new();
        let mut cur = r3;
        if first(r3).is_some_and(is_dash) && second(r3).is_some_and(char::is_alphabetic) {
            let after = skip1(r3);
            let n: usize = after.chars().take_while(|&c| is_name_char(c)).map(char::len_utf8).sum();
            let word = after.get(..n).unwrap_or("");
            let param_end = skip(after, n);
            if !"supportedcommand".starts_with(word.to_ascii_lowercase().as_str()) {
                return self.fail(
                    format!(
                        "The \"{word}\" parameter of the Data section is not valid. The valid Data section parameter is SupportedCommand."
                    ),
                    "InvalidParameterForDataSectionStatement",
                    self.span(r3, param_end),
                );
            }
            let mut after_sep = param_end;
            loop {
                let (c1, ()) = self.ws_nl(after_sep)?;
                let cmd = if matches!(first(c1), None | Some('{' | '}' | ';' | ')')) { None } else { Some(c1) };
                let Some(c1) = cmd else {
                    return self.fail_at(
                        c1,
                        "The SupportedCommand parameter of the Data section is missing a value. Supply a cmdlet or function name to the parameter.",
                        "MissingValueForSupportedCommandInDataSectionStatement",
                        self.at(after_sep),
                    );
                };
                let (c2, e) = match self.command_word(c1) {
                    Some(ok) => ok,
                    None => return self.unexpected(c1),
                };
                supported_commands.push(e);
                let (c3, ()) = self.ws(c2)?;
                match c3.strip_prefix(',') {
                    Some(c4) => after_sep = c4,
                    None => {
                        cur = c3;
                        break;
                    }
                }
            }
        }
        let (r4, body) = self.statement_block(
            cur,
            ("The Data section is missing its statement block.", "MissingStatementBlockForDataSection"),
        )?;
        let kind = StatementKind::Data { variable, supported_commands, body };
        Ok((r4, Statement { kind, span: self.span(start, r4) }))
    }

    /// A command name given as a data section's supported command: a quoted string or a bare word.
    fn command_word(&self, i: &'s str) -> Option<(&'s str, Expr)> {
        if let Ok((r, e)) = self.string_literal(i) {
            return Some((r, e));
        }
        let n: usize = i
            .chars()
            .take_while(|&c| !(is_space(c) || matches!(c, '\n' | ',' | '{' | '}' | ';' | '(' | ')' | '|')))
            .map(char::len_utf8)
            .sum();
        if n == 0 {
            return None;
        }
        let r = skip(i, n);
        let word = i.get(..n).unwrap_or("").to_string();
        Some((r, Expr { kind: ExprKind::Literal(Literal::String(word)), span: self.span(i, r) }))
    }

    /// `using namespace|module|assembly <name>` after the keyword at `r`.
    pub(super) fn using_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
        let (r1, ()) = self.ws(r)?;
        let n: usize = r1.chars().take_while(|c| c.is_ascii_alphabetic()).count();
        let directive = r1.get(..n).unwrap_or("").to_ascii_lowercase();
        let r2 = skip(r1, n);
        if n == 0 {
            return self.fail_at(r1, "Missing using directive", "MissingUsingStatementDirective", self.at(r));
        }
        if !matches!(directive.as_str(), "namespace" | "module" | "assembly")
            || first(r2).is_some_and(|c| is_name_char(c) || is_dash(c))
        {
            return self.fail(
                "This syntax of the 'using' statement is not supported.",
                "UsingStatementNotSupported",
                self.span(start, r2),
            );
        }
        let (r3, ()) = self.ws(r2)?;
        let name = match self.command_word(r3) {
            Some((r4, e)) => match e.kind {
                ExprKind::Literal(Literal::String(s)) => Some((r4, s)),
                ExprKind::Expandable(parts) => Some((
                    r4,
                    parts
                        .into_iter()
                        .map(|p| match p {
                            super::super::ast::StringPart::Literal(s) => s,
                            super::super::ast::StringPart::Expr(_) => String::new(),
                        })
                        .collect(),
                )),
                _ => None,
            },
            None => None,
        };
        let Some((r4, name)) = name else {
            return self.fail_at(r3, "Missing using name", "MissingUsingItemName", self.at(r2));
        };
        let kind = StatementKind::Using { kind: directive, name };
        Ok((r4, Statement { kind, span: self.span(start, r4) }))
    }

    /// `workflow Name { … }` after the keyword at `r`: a function definition in Windows PowerShell
    /// 5.1; PowerShell 7 rejects workflows (WorkflowNotSupportedInPowerShellCore, at the definition).
    pub(super) fn workflow_statement(&self, start: &'s str, r: &'s str) -> PResult<'s, Statement> {
        let (r2, st) = self.function_statement(start, r, Keyword::Workflow)?;
        if self.pwsh7() {
            return self.fail(
                "Workflow is not supported in PowerShell 6+.",
                "WorkflowNotSupportedInPowerShellCore",
                Span::new(st.span.start, st.span.end),
            );
        }
        Ok((r2, st))
    }
}
