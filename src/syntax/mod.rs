//! The language front end: PowerShell text to an AST with spans.
//!
//! Invariant: imports nothing else from the crate. The parser never panics, whatever the input.

pub mod ast;
pub mod error;
mod parse;
pub mod span;

pub use ast::*;
pub use error::ParseError;
pub use span::Span;

/// Parses a whole script (a file's text or a command line).
///
/// A UTF-8 BOM and CRLF line endings are accepted. On failure nothing has run; the error
/// carries PowerShell's message and whether more input could complete the text.
pub fn parse(src: &str) -> Result<Script, ParseError> {
    parse::parse_script(src)
}
