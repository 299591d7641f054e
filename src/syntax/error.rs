//! Parse errors with PowerShell's own texts and error ids.

use super::span::Span;

/// A syntax error, positioned in the source.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct ParseError {
    /// PowerShell's message, e.g. `Missing closing '}' in statement block or type definition.`
    pub message: String,
    /// PowerShell's error id, e.g. `MissingEndCurlyBrace` (the FullyQualifiedErrorId).
    pub error_id: &'static str,
    /// Where the error is reported (the caret position; may be empty at end of input).
    pub span: Span,
    /// True when more input could complete the statement (open brace, quote, trailing pipe, backtick).
    /// The REPL uses this to ask for a continuation line (`>> `) instead of reporting an error.
    pub incomplete: bool,
}

impl ParseError {
    /// A complete (not continuable) parse error.
    pub fn new(message: impl Into<String>, error_id: &'static str, span: Span) -> Self {
        ParseError { message: message.into(), error_id, span, incomplete: false }
    }

    /// An error that more input could fix.
    pub fn incomplete(message: impl Into<String>, error_id: &'static str, span: Span) -> Self {
        ParseError { message: message.into(), error_id, span, incomplete: true }
    }
}
