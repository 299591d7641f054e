//! The colours PSReadLine draws for the line being typed.
//!
//! [`highlight`] classifies the text with the syntax layer's tolerant tokenizer
//! ([`crate::syntax::tokens`], which never fails on half-typed input) and wraps each token in the
//! ANSI colour of PSReadLine's default palette. The visible text is never changed.

use crate::syntax::{TokenKind, tokens};

/// PSReadLine's default colour for a token kind, as an SGR sequence; `None` for the default colour.
pub fn color(kind: TokenKind) -> Option<&'static str> {
    match kind {
        TokenKind::Command => Some("\x1b[93m"),                         // Yellow
        TokenKind::Parameter | TokenKind::Operator => Some("\x1b[90m"), // DarkGray
        TokenKind::String => Some("\x1b[36m"),                          // DarkCyan
        TokenKind::Variable | TokenKind::Keyword => Some("\x1b[92m"),   // Green
        TokenKind::Number => Some("\x1b[97m"),                          // White
        TokenKind::Comment => Some("\x1b[32m"),                         // DarkGreen
        TokenKind::Type => Some("\x1b[37m"),                            // Gray
        _ => None,
    }
}

/// `src` with ANSI colours added; the visible text is unchanged.
pub fn highlight(src: &str) -> String {
    highlight_tail(src, 0)
}

/// Colours `src[from..]` using the context of `src[..from]` (earlier lines of a statement).
pub fn highlight_tail(src: &str, from: usize) -> String {
    let from = if src.is_char_boundary(from) { from.min(src.len()) } else { 0 };
    let mut out = String::with_capacity(src.len() * 2);
    let mut at = from;
    for t in tokens(src) {
        if t.span.end <= from {
            continue;
        }
        let start = t.span.start.max(from);
        if start < at {
            continue;
        }
        out.push_str(&src[at..start]);
        match color(t.kind) {
            Some(c) => {
                out.push_str(c);
                out.push_str(&src[start..t.span.end]);
                out.push_str("\x1b[0m");
            }
            None => out.push_str(&src[start..t.span.end]),
        }
        at = t.span.end;
    }
    out.push_str(&src[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_colours_like_psreadline() {
        let h = highlight("Get-Mailbox -Identity 'x' $y 5 # c");
        assert_eq!(
            h,
            "\x1b[93mGet-Mailbox\x1b[0m \x1b[90m-Identity\x1b[0m \x1b[36m'x'\x1b[0m \x1b[92m$y\x1b[0m \x1b[97m5\x1b[0m \x1b[32m# c\x1b[0m"
        );
    }

    #[test]
    fn highlight_keeps_the_text() {
        for src in ["", "a", "if (", "\"$(", "@'\nx", "$", "-", "é ü `", "x |; & 2>", "[a[b]", "$x.y.z(", "'''"] {
            let h = highlight(src);
            let plain = strip(&h);
            assert_eq!(plain, src, "{src:?}");
        }
    }

    #[test]
    fn highlight_tail_colours_only_the_last_line() {
        let src = "Get-Mailbox |\nWhere-Object";
        let from = src.find('\n').map(|i| i + 1).unwrap_or(0);
        assert_eq!(highlight_tail(src, from), "\x1b[93mWhere-Object\x1b[0m");
        // Inside a string begun on an earlier line.
        let src = "echo 'a\nb' c";
        let from = src.find('\n').map(|i| i + 1).unwrap_or(0);
        assert_eq!(highlight_tail(src, from), "\x1b[36mb'\x1b[0m c");
    }

    fn strip(s: &str) -> String {
        let mut out = String::new();
        let mut esc = false;
        for c in s.chars() {
            if esc {
                if c == 'm' {
                    esc = false;
                }
                continue;
            }
            if c == '\x1b' {
                esc = true;
                continue;
            }
            out.push(c);
        }
        out
    }
}
