//! Byte spans into the script text, and their line/column positions for "At line:L char:C".

/// A half-open range of byte offsets `[start, end)` into the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers in `src` (empty when out of range).
    pub fn slice(self, src: &str) -> &str {
        src.get(self.start..self.end).unwrap_or("")
    }
}

/// 1-based line and column (in characters) of byte offset `pos` in `src`.
pub fn line_col(src: &str, pos: usize) -> (usize, usize) {
    let pos = pos.min(src.len());
    let before = src.get(..pos).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = src.get(line_start..pos).map(|s| s.chars().count()).unwrap_or(0) + 1;
    (line, col)
}

/// The full text of the line that contains byte offset `pos`, without its line break.
pub fn line_text(src: &str, pos: usize) -> &str {
    let pos = pos.min(src.len());
    let start = src.get(..pos).and_then(|s| s.rfind('\n')).map(|i| i + 1).unwrap_or(0);
    let end = src.get(pos..).and_then(|s| s.find('\n')).map(|i| pos + i).unwrap_or(src.len());
    src.get(start..end).unwrap_or("").trim_end_matches('\r')
}
