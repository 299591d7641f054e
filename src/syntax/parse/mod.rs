//! The nom grammar. See `super::ast` for what it produces.

use super::ast::Script;
use super::error::ParseError;
use super::span::Span;

/// Parses `src` into a [`Script`].
pub fn parse_script(src: &str) -> Result<Script, ParseError> {
    Err(ParseError::new("The parser is being written.", "ParserNotReady", Span::new(0, src.len())))
}
