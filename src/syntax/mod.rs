//! The language front end: PowerShell text to an AST with spans, and to classified tokens.
//!
//! Invariants: imports nothing else from the crate. The parser never panics, whatever the input.
//! The tolerant token mode ([`tokens`]) never fails and never panics either, and reads keywords,
//! numbers and operators with the parser's own lexing pieces.

pub mod ast;
pub mod error;
mod parse;
pub mod span;
mod tokens;

pub use ast::*;
pub use error::ParseError;
pub use parse::{LanguageVersion, ParseOptions};
pub use span::Span;
pub use tokens::{LexMode, Token, TokenKind, tokens, tokens_with_mode};

/// Parses a whole script (a file's text or a command line).
///
/// A UTF-8 BOM and CRLF line endings are accepted. On failure nothing has run; the error
/// carries PowerShell's message and whether more input could complete the text.
/// Windows PowerShell 5.1's grammar is the default ([`ParseOptions::default`]).
pub fn parse(src: &str) -> Result<Script, ParseError> {
    parse::parse_script(src, ParseOptions::default())
}

/// Parses a whole script with the grammar of one PowerShell version: pwsh 7's operators (`&&`,
/// `||`, `? :`, `??`, `??=`, `?.`, `?[]`) parse only with [`LanguageVersion::Pwsh7`]; under
/// 5.1 they are the parse errors Windows PowerShell gives.
pub fn parse_with(src: &str, options: ParseOptions) -> Result<Script, ParseError> {
    parse::parse_script(src, options)
}
