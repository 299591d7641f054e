//! The nom grammar: PowerShell text to the AST of `super::ast`.
//!
//! PowerShell has two lexical modes (command mode for arguments, expression mode for operands), so
//! there is no separate token stream: each grammar function is a small nom parser over the remaining
//! `&str`, and node spans are byte offsets computed from how much input is left
//! (`src.len() - rest.len()`), which stays valid because every input is a suffix of the source.
//! Recoverable mismatches are `nom::Err::Error` (try the next alternative); once a construct is
//! committed, problems are `nom::Err::Failure` carrying PowerShell's own message and error id.
//!
//! Files: `lex` (whitespace, comments, words, the keyword table, numbers, operator words), `strings`
//! (quotes, here-strings, variables), `expr` (expression mode), `command` (command mode and
//! pipelines), `stmt` (statements, statement lists, pipelines and assignments), `control_flow` (`if`,
//! loops, `switch`, `try`), `function` (functions, script blocks, param blocks, attributes),
//! `sections` (`data` sections, `using` statements, workflows). The
//! tolerant token mode (`super::tokens`) calls `lex` and the string and variable primitives directly,
//! so both read keywords, numbers and operators alike.

mod command;
mod control_flow;
mod expr;
mod function;
pub(super) mod lex;
mod sections;
mod stmt;
mod strings;
#[cfg(test)]
mod tests;

use std::cell::Cell;

use nom::IResult;

use super::ast::Script;
use super::error::ParseError;
use super::span::Span;

/// The PowerShell language a script is parsed as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LanguageVersion {
    /// Windows PowerShell 5.1 (the Exchange Management Shell; also used for 2010's 2.0 shell).
    #[default]
    Desktop51,
    /// PowerShell 7 (the Exchange Online profile): pipeline chains, ternary, null-coalescing and
    /// null-conditional operators.
    Pwsh7,
}

/// How to parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ParseOptions {
    /// The language version whose grammar applies.
    pub version: LanguageVersion,
}

impl ParseOptions {
    /// Options for a language version.
    pub fn new(version: LanguageVersion) -> Self {
        ParseOptions { version }
    }
}

/// Parses `src` into a [`Script`]. Never panics.
pub fn parse_script(src: &str, options: ParseOptions) -> Result<Script, ParseError> {
    let p = Parser::with_options(src, options);
    match p.script(src) {
        Ok((_, script)) => Ok(script),
        Err(nom::Err::Error(e)) | Err(nom::Err::Failure(e)) => Err(p.to_parse_error(e)),
        Err(nom::Err::Incomplete(_)) => {
            Err(ParseError::incomplete("Unexpected end of input.", "IncompleteInput", Span::new(src.len(), src.len())))
        }
    }
}

/// The error type threaded through the grammar.
#[derive(Debug, Clone)]
pub(crate) struct PErr {
    /// Bytes left when the error happened (for errors without a PowerShell message).
    rest: usize,
    /// The reported error, once a construct has committed.
    error: Option<Box<ParseError>>,
}

impl PErr {
    /// True when the error is a committed one that more input could fix (an unterminated string, …).
    pub(crate) fn is_incomplete(&self) -> bool {
        self.error.as_ref().is_some_and(|e| e.incomplete)
    }
}

impl<'s> nom::error::ParseError<&'s str> for PErr {
    fn from_error_kind(input: &'s str, _kind: nom::error::ErrorKind) -> Self {
        PErr { rest: input.len(), error: None }
    }

    fn append(_input: &'s str, _kind: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
}

impl<'s> nom::error::FromExternalError<&'s str, std::convert::Infallible> for PErr {
    fn from_external_error(input: &'s str, _kind: nom::error::ErrorKind, _e: std::convert::Infallible) -> Self {
        PErr { rest: input.len(), error: None }
    }
}

/// Result of a grammar function.
pub(crate) type PResult<'s, T> = IResult<&'s str, T, PErr>;

/// Deepest nesting of blocks/parentheses/operators accepted (keeps recursion off the stack limit).
const MAX_DEPTH: u32 = 120;

/// The grammar's shared state: the full source (for offsets and script block text) and the depth.
pub(crate) struct Parser<'s> {
    /// The whole script text.
    src: &'s str,
    /// Current nesting depth.
    depth: Cell<u32>,
    /// True directly inside `( )`, `[ ]` and argument lists, where newlines may separate operands
    /// and operators; false inside statement lists, where a newline ends a statement.
    nl_ok: Cell<bool>,
    /// The grammar's language version.
    options: ParseOptions,
}

impl<'s> Parser<'s> {
    /// A parser over the whole source `src`.
    pub(crate) fn new(src: &'s str) -> Self {
        Self::with_options(src, ParseOptions::default())
    }

    /// A parser over `src` with the grammar of `options`.
    pub(crate) fn with_options(src: &'s str, options: ParseOptions) -> Self {
        Parser { src, depth: Cell::new(0), nl_ok: Cell::new(false), options }
    }

    /// True when pwsh 7's operators parse (`&&`, `||`, `? :`, `??`, `?.`, …).
    pub(crate) fn pwsh7(&self) -> bool {
        self.options.version == LanguageVersion::Pwsh7
    }

    /// Byte offset of the remaining input `i` within the source.
    pub(crate) fn pos(&self, i: &str) -> usize {
        self.src.len().saturating_sub(i.len())
    }

    /// Span from the start of `from` to the start of `to` (both remainders of the source).
    pub(crate) fn span(&self, from: &str, to: &str) -> Span {
        Span::new(self.pos(from), self.pos(to))
    }

    /// An empty span at the start of `i`.
    pub(crate) fn at(&self, i: &str) -> Span {
        let p = self.pos(i);
        Span::new(p, p)
    }

    /// Text of the source between two offsets (empty when out of range).
    pub(crate) fn text(&self, span: Span) -> &'s str {
        self.src.get(span.start..span.end).unwrap_or("")
    }

    /// A recoverable "not this alternative" error.
    pub(crate) fn no<T>(&self, i: &'s str) -> PResult<'s, T> {
        Err(nom::Err::Error(PErr { rest: i.len(), error: None }))
    }

    /// A committed error with PowerShell's message.
    pub(crate) fn fail<T>(&self, message: impl Into<String>, id: &'static str, span: Span) -> PResult<'s, T> {
        Err(nom::Err::Failure(PErr {
            rest: self.src.len().saturating_sub(span.start),
            error: Some(Box::new(ParseError::new(message, id, span))),
        }))
    }

    /// A committed error that more input could fix (open brace, quote, trailing operator...).
    pub(crate) fn fail_incomplete<T>(
        &self,
        message: impl Into<String>,
        id: &'static str,
        span: Span,
    ) -> PResult<'s, T> {
        Err(nom::Err::Failure(PErr {
            rest: self.src.len().saturating_sub(span.start),
            error: Some(Box::new(ParseError::incomplete(message, id, span))),
        }))
    }

    /// A committed error that is incomplete exactly when `i` (after whitespace) is the end of input.
    pub(crate) fn fail_at<T>(
        &self,
        i: &'s str,
        message: impl Into<String>,
        id: &'static str,
        span: Span,
    ) -> PResult<'s, T> {
        if self.at_eof(i) { self.fail_incomplete(message, id, span) } else { self.fail(message, id, span) }
    }

    /// "Unexpected token 'x' in expression or statement." at the token starting `i`.
    pub(crate) fn unexpected<T>(&self, i: &'s str) -> PResult<'s, T> {
        let tok = lex::token_text(i);
        let start = self.pos(i);
        self.fail(
            format!("Unexpected token '{tok}' in expression or statement."),
            "UnexpectedToken",
            Span::new(start, start + tok.len()),
        )
    }

    /// Enters one nesting level; fails when the script nests too deeply.
    pub(crate) fn enter(&self, i: &'s str) -> PResult<'s, ()> {
        let d = self.depth.get() + 1;
        if d > MAX_DEPTH {
            return self.fail(
                "Processing was stopped because the script is too complex.",
                "ScriptTooComplicated",
                self.at(i),
            );
        }
        self.depth.set(d);
        Ok((i, ()))
    }

    /// Runs `f` with newline skipping between expression operands set to `on`.
    pub(crate) fn with_nl<T>(&self, on: bool, f: impl FnOnce() -> T) -> T {
        let old = self.nl_ok.replace(on);
        let res = f();
        self.nl_ok.set(old);
        res
    }

    /// Leaves one nesting level.
    pub(crate) fn leave(&self) {
        self.depth.set(self.depth.get().saturating_sub(1));
    }

    /// Turns an internal error into the public one.
    fn to_parse_error(&self, e: PErr) -> ParseError {
        if let Some(err) = e.error {
            return *err;
        }
        let start = self.src.len().saturating_sub(e.rest);
        let rest = self.src.get(start..).unwrap_or("");
        if rest.trim().is_empty() {
            return ParseError::incomplete(
                "Missing statement body.",
                "IncompleteInput",
                Span::new(self.src.len(), self.src.len()),
            );
        }
        let tok = lex::token_text(rest);
        ParseError::new(
            format!("Unexpected token '{tok}' in expression or statement."),
            "UnexpectedToken",
            Span::new(start, start + tok.len()),
        )
    }
}
