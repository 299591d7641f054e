//! Lexical pieces shared by both modes and by the tolerant tokenizer (`super::super::tokens`):
//! whitespace, comments and line continuations, character classes (Unicode dashes and curly quotes
//! count as `-` and quotes), the keyword table, numbers and operator words.

use nom::Parser as _;
use nom::bytes::complete::{tag, take_while};

use super::super::ast::{BinaryOp, CompareOp, Literal, UnaryOp};
use super::super::span::Span;
use super::{PResult, Parser};

/// `-` and the Unicode dashes PowerShell accepts in its place (en dash, em dash, horizontal bar).
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}')
}

/// `'` and the curly single quotes.
pub(crate) fn is_squote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}')
}

/// `"` and the curly double quotes.
pub(crate) fn is_dquote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}')
}

/// Horizontal whitespace (also `\r`, so CRLF works, and a BOM).
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\u{0b}' | '\u{0c}' | '\u{a0}' | '\u{feff}' | '\u{2000}'..='\u{200a}')
}

/// A character of a variable or member name.
pub(crate) fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A PowerShell keyword that can start a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keyword {
    Begin,
    Break,
    Catch,
    Class,
    Continue,
    Data,
    Do,
    DynamicParam,
    Else,
    ElseIf,
    End,
    Enum,
    Exit,
    Filter,
    Finally,
    For,
    Foreach,
    Function,
    If,
    Param,
    Parallel,
    Process,
    Return,
    Sequence,
    Switch,
    Throw,
    Trap,
    Try,
    Until,
    Using,
    While,
    Workflow,
}

/// The statement keywords, by their (case-insensitive) word: the one list the parser dispatches
/// statements on and the tolerant tokenizer classifies. Some (`class`, `enum`, `trap`) are reserved
/// by PowerShell but not implemented by exsh's parser, which then reads them as command names; the
/// tokenizer still marks them as keywords, as PSReadLine colours them. `parallel` and `sequence`
/// (workflow blocks) are statements only before a `{`.
pub(crate) const KEYWORDS: &[(&str, Keyword)] = &[
    ("begin", Keyword::Begin),
    ("break", Keyword::Break),
    ("catch", Keyword::Catch),
    ("class", Keyword::Class),
    ("continue", Keyword::Continue),
    ("data", Keyword::Data),
    ("do", Keyword::Do),
    ("dynamicparam", Keyword::DynamicParam),
    ("else", Keyword::Else),
    ("elseif", Keyword::ElseIf),
    ("end", Keyword::End),
    ("enum", Keyword::Enum),
    ("exit", Keyword::Exit),
    ("filter", Keyword::Filter),
    ("finally", Keyword::Finally),
    ("for", Keyword::For),
    ("foreach", Keyword::Foreach),
    ("function", Keyword::Function),
    ("if", Keyword::If),
    ("parallel", Keyword::Parallel),
    ("param", Keyword::Param),
    ("process", Keyword::Process),
    ("return", Keyword::Return),
    ("sequence", Keyword::Sequence),
    ("switch", Keyword::Switch),
    ("throw", Keyword::Throw),
    ("trap", Keyword::Trap),
    ("try", Keyword::Try),
    ("until", Keyword::Until),
    ("using", Keyword::Using),
    ("while", Keyword::While),
    ("workflow", Keyword::Workflow),
];

impl Keyword {
    /// The keyword spelled `word` (any case).
    pub(crate) fn from_word(word: &str) -> Option<Keyword> {
        KEYWORDS.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)).map(|&(_, k)| k)
    }

    /// The keyword's lower-case word.
    pub(crate) fn word(self) -> &'static str {
        KEYWORDS.iter().find(|&&(_, k)| k == self).map_or("", |&(w, _)| w)
    }
}

/// First character of `i`.
pub(crate) fn first(i: &str) -> Option<char> {
    i.chars().next()
}

/// Second character of `i`.
pub(crate) fn second(i: &str) -> Option<char> {
    i.chars().nth(1)
}

/// `i` without its first character.
pub(crate) fn skip1(i: &str) -> &str {
    let mut it = i.chars();
    it.next();
    it.as_str()
}

/// `i` without its first `n` bytes (empty when out of range or not on a boundary).
pub(crate) fn skip(i: &str, n: usize) -> &str {
    i.get(n..).unwrap_or("")
}

/// True when `i` starts a statement terminator: end of input, newline, `;`, `)`, `}`.
pub(crate) fn at_terminator(i: &str) -> bool {
    matches!(first(i), None | Some('\n' | ';' | ')' | '}'))
}

/// True when `i` starts something that ends a command argument list.
pub(crate) fn at_arg_end(i: &str) -> bool {
    matches!(first(i), None | Some('\n' | ';' | ')' | '}' | '|'))
        || (i.starts_with("&&"))
        || (i.starts_with('&') && !i.starts_with("&&"))
}

/// The text of the token starting `i`, for "Unexpected token" messages.
pub(crate) fn token_text(i: &str) -> &str {
    let Some(c) = first(i) else { return "" };
    if is_squote(c) || is_dquote(c) {
        let body = skip1(i);
        let end = body.find(|d: char| if is_squote(c) { is_squote(d) } else { is_dquote(d) });
        let len = match end {
            Some(e) => c.len_utf8() + e + body.get(e..).and_then(first).map(char::len_utf8).unwrap_or(1),
            None => i.len(),
        };
        return i.get(..len).unwrap_or(i);
    }
    if c == '$' {
        let n: usize = skip1(i).chars().take_while(|&c| is_name_char(c) || c == ':').map(char::len_utf8).sum();
        return i.get(..1 + n).unwrap_or(i);
    }
    if is_name_char(c) || is_dash(c) || c == '.' || c == '\\' || c == '?' {
        let n: usize = i
            .chars()
            .enumerate()
            .take_while(|(k, c)| {
                *k == 0 || !(is_space(*c) || matches!(c, '\n' | ';' | '(' | ')' | '{' | '}' | '|' | ',' | '"' | '\''))
            })
            .map(|(_, c)| c.len_utf8())
            .sum();
        return i.get(..n).unwrap_or(i);
    }
    i.get(..c.len_utf8()).unwrap_or(i)
}

impl<'s> Parser<'s> {
    /// Skips horizontal whitespace, comments and backtick line continuations (not newlines).
    pub(crate) fn ws(&self, mut i: &'s str) -> PResult<'s, ()> {
        loop {
            let Some(c) = first(i) else {
                return Ok((i, ()));
            };
            if is_space(c) {
                i = skip(i, c.len_utf8());
            } else if i.starts_with("<#") {
                match i.find("#>") {
                    Some(e) => i = skip(i, e + 2),
                    None => {
                        let start = self.pos(i);
                        return self.fail_incomplete(
                            "The terminator '#>' is missing from the multiline comment.",
                            "MissingTerminatorMultiLineComment",
                            Span::new(start, self.src.len()),
                        );
                    }
                }
            } else if c == '#' {
                let e = i.find('\n').unwrap_or(i.len());
                i = skip(i, e);
            } else if c == '`' {
                // tokenizer.cs: a backtick before a newline continues the line; before a blank it
                // is whitespace itself (so "` " at a line's end does NOT continue it); before
                // anything else it escapes the next character of a token.
                let after = skip1(i);
                match first(after) {
                    Some('\n') => i = skip(after, 1),
                    Some('\r') => {
                        let a = skip(after, 1);
                        i = a.strip_prefix('\n').unwrap_or(a);
                    }
                    Some(b) if is_space(b) => i = after,
                    None => {
                        return self.fail_incomplete(
                            "Missing expression after '`'.",
                            "MissingExpressionAfterToken",
                            self.at(after),
                        );
                    }
                    Some(_) => return Ok((i, ())),
                }
            } else {
                return Ok((i, ()));
            }
        }
    }

    /// Skips whitespace, comments and newlines.
    pub(crate) fn ws_nl(&self, mut i: &'s str) -> PResult<'s, ()> {
        loop {
            let (r, ()) = self.ws(i)?;
            match r.strip_prefix('\n') {
                Some(r2) => i = r2,
                None => return Ok((r, ())),
            }
        }
    }

    /// Whitespace between expression operands and operators: newlines count only where `nl_ok`.
    pub(crate) fn ws_expr(&self, i: &'s str) -> PResult<'s, ()> {
        if self.nl_ok.get() { self.ws_nl(i) } else { self.ws(i) }
    }

    /// Skips whitespace, newlines and `;`.
    pub(crate) fn ws_sep(&self, mut i: &'s str) -> PResult<'s, ()> {
        loop {
            let (r, ()) = self.ws_nl(i)?;
            match r.strip_prefix(';') {
                Some(r2) => i = r2,
                None => return Ok((r, ())),
            }
        }
    }

    /// True when only whitespace, comments and newlines are left (errors count as not at end).
    pub(crate) fn at_eof(&self, i: &'s str) -> bool {
        match self.ws_nl(i) {
            Ok((r, ())) => r.is_empty(),
            Err(_) => true,
        }
    }

    /// Matches keyword `kw` (case-insensitive) when not followed by a word character.
    pub(crate) fn keyword(&self, i: &'s str, kw: &str) -> Option<&'s str> {
        let head = i.get(..kw.len())?;
        if !head.eq_ignore_ascii_case(kw) {
            return None;
        }
        let rest = skip(i, kw.len());
        match first(rest) {
            Some(c) if is_name_char(c) || is_dash(c) || c == '.' || c == '\\' || c == ':' => None,
            _ => Some(rest),
        }
    }

    /// The keyword starting a statement at `i`, and the input after it: a word of [`KEYWORDS`]
    /// followed by a non-word character (see [`Parser::keyword`]). `foreach` counts only before a `(`
    /// or a `-flag`; otherwise it is the ForEach-Object alias.
    pub(crate) fn statement_keyword(&self, i: &'s str) -> Option<(Keyword, &'s str)> {
        let n = i.chars().take_while(|c| c.is_ascii_alphabetic()).count();
        let kw = Keyword::from_word(i.get(..n)?)?;
        let r = self.keyword(i, kw.word())?;
        if kw == Keyword::Foreach {
            let (r1, ()) = self.ws_nl(r).ok()?;
            // `foreach -flag` is the statement too (PowerShell reports an unknown flag).
            let flag = first(r1).is_some_and(is_dash) && second(r1).is_some_and(|c| c.is_ascii_alphabetic());
            if !r1.starts_with('(') && !flag {
                return None;
            }
        }
        if matches!(kw, Keyword::Parallel | Keyword::Sequence) {
            let (r1, ()) = self.ws_nl(r).ok()?;
            if !r1.starts_with('{') {
                return None;
            }
        }
        Some((kw, r))
    }

    /// A run of name characters (`[A-Za-z0-9_]` and Unicode letters).
    pub(crate) fn name(&self, i: &'s str) -> PResult<'s, &'s str> {
        let (r, n) = take_while(is_name_char).parse(i)?;
        if n.is_empty() { self.no(i) } else { Ok((r, n)) }
    }

    /// A numeric literal. `arg_mode` requires a command-mode delimiter after it (else it is a bare word).
    pub(crate) fn number(&self, i: &'s str, arg_mode: bool) -> PResult<'s, Literal> {
        let start = i;
        let mut r = i;
        let neg = match first(r) {
            Some(c) if is_dash(c) => {
                r = skip1(r);
                true
            }
            _ => false,
        };
        let digits_start = r;
        let mut is_double = false;
        let mut value: Option<i64> = None;
        if r.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("0x")) {
            let r2 = skip(r, 2);
            let n = r2.chars().take_while(char::is_ascii_hexdigit).count();
            let (r3, hex) = (skip(r2, n), r2.get(..n).unwrap_or(""));
            if hex.is_empty() {
                return self.no(start);
            }
            value = u64::from_str_radix(hex, 16).ok().map(|v| v as i64);
            r = r3;
            if value.is_none() {
                return self.no(start);
            }
        } else {
            let int_len = r.chars().take_while(char::is_ascii_digit).count();
            r = skip(r, int_len);
            let mut frac_len = 0;
            if r.starts_with('.') && second(r).is_some_and(|c| c.is_ascii_digit()) {
                frac_len = 1 + skip1(r).chars().take_while(char::is_ascii_digit).count();
                r = skip(r, frac_len);
                is_double = true;
            }
            if int_len == 0 && frac_len == 0 {
                return self.no(start);
            }
            if matches!(first(r), Some('e' | 'E')) {
                let mut e = skip1(r);
                if matches!(first(e), Some('+' | '-')) {
                    e = skip1(e);
                }
                let n = e.chars().take_while(char::is_ascii_digit).count();
                if n > 0 {
                    r = skip(e, n);
                    is_double = true;
                }
            }
        }
        let text_end = self.pos(r);
        let text = self.src.get(self.pos(digits_start)..text_end).unwrap_or("");
        // Suffixes: l (long), d (decimal), pwsh 7's integer types, then a multiplier.
        let mut decimal = false;
        let mut long = false;
        if matches!(first(r), Some('l' | 'L')) && !first(skip1(r)).is_some_and(|c| c.is_ascii_alphabetic()) {
            r = skip1(r);
            long = true;
        } else if matches!(first(r), Some('d' | 'D')) && !first(skip1(r)).is_some_and(|c| c.is_ascii_alphabetic()) {
            r = skip1(r);
            decimal = true;
        } else if self.pwsh7()
            && let Some(n) = ["uy", "us", "ul", "u", "y", "s", "n"].into_iter().find_map(|suf| {
                let head = r.get(..suf.len())?;
                let after = skip(r, suf.len());
                (head.eq_ignore_ascii_case(suf) && !first(after).is_some_and(|c| c.is_ascii_alphabetic()))
                    .then_some(suf.len())
            })
        {
            // PowerShell 6.2+'s type suffixes: uy (byte), y (sbyte), us/s (ushort/short), u/ul
            // (uint/ulong), n (BigInteger); exsh keeps them as integers.
            r = skip(r, n);
        }
        let mut mult: i64 = 1;
        for (suffix, m) in [("kb", 1i64 << 10), ("mb", 1 << 20), ("gb", 1 << 30), ("tb", 1 << 40), ("pb", 1 << 50)] {
            if r.get(..2).is_some_and(|s| s.eq_ignore_ascii_case(suffix)) {
                r = skip(r, 2);
                mult = m;
                break;
            }
        }
        // Delimiter check.
        let delimited = match first(r) {
            None => true,
            Some(c) if arg_mode => is_space(c) || matches!(c, '\n' | ';' | '|' | ')' | '}' | ',' | '&') || (c == '>'),
            Some(c) => !(is_name_char(c) || c == '$'),
        };
        if !delimited {
            return self.no(start);
        }
        let lit = if value.is_some() {
            let v = value.unwrap_or(0).wrapping_mul(mult);
            Literal::Int(if neg { v.wrapping_neg() } else { v })
        } else if is_double || decimal {
            let v: f64 = text.parse().unwrap_or(0.0) * mult as f64;
            Literal::Double(if neg { -v } else { v })
        } else {
            match text.parse::<i64>().ok().and_then(|v| v.checked_mul(mult)) {
                Some(v) => Literal::Int(if neg { -v } else { v }),
                None => {
                    let v: f64 = text.parse().unwrap_or(0.0) * mult as f64;
                    Literal::Double(if neg { -v } else { v })
                }
            }
        };
        let lit = match lit {
            Literal::Int(i) if long => Literal::Long(i),
            other => other,
        };
        Ok((r, lit))
    }

    /// A binary operator (after horizontal whitespace), returning the operator and its text.
    pub(crate) fn binary_op_token(&self, i: &'s str) -> PResult<'s, (BinaryOp, &'s str)> {
        let Some(c) = first(i) else { return self.no(i) };
        let one = |op| Ok((skip1(i), (op, i.get(..c.len_utf8()).unwrap_or(""))));
        let next = second(i);
        match c {
            '+' if !matches!(next, Some('=' | '+')) => one(BinaryOp::Add),
            '*' if next != Some('=') && next != Some('>') => one(BinaryOp::Mul),
            '/' if next != Some('=') => one(BinaryOp::Div),
            '%' if next != Some('=') => one(BinaryOp::Rem),
            '?' if next == Some('?') && self.pwsh7() && i.chars().nth(2) != Some('=') => {
                Ok((skip(i, 2), (BinaryOp::Coalesce, i.get(..2).unwrap_or("??"))))
            }
            '.' if next == Some('.') => {
                let (r, t) = tag("..").parse(i)?;
                Ok((r, (BinaryOp::Range, t)))
            }
            c if is_dash(c) => {
                let after = skip1(i);
                match first(after) {
                    Some(l) if l.is_ascii_alphabetic() => {
                        let n = after.chars().take_while(|c| c.is_ascii_alphanumeric()).count();
                        let word = after.get(..n).unwrap_or("");
                        let r = skip(after, n);
                        if first(r).is_some_and(|c| is_name_char(c) || c == ':') {
                            return self.no(i);
                        }
                        match binary_word(word) {
                            Some(op) => Ok((r, (op, self.text(self.span(i, r))))),
                            None => self.no(i),
                        }
                    }
                    Some('=' | '-') => self.no(i),
                    _ => one(BinaryOp::Sub),
                }
            }
            _ => self.no(i),
        }
    }
}

/// Maps an operator word (without the dash) to its binary operator.
pub(crate) fn binary_word(word: &str) -> Option<BinaryOp> {
    let w = word.to_ascii_lowercase();
    let simple = match w.as_str() {
        "f" => Some(BinaryOp::Format),
        "and" => Some(BinaryOp::And),
        "or" => Some(BinaryOp::Or),
        "xor" => Some(BinaryOp::Xor),
        "band" => Some(BinaryOp::BAnd),
        "bor" => Some(BinaryOp::BOr),
        "bxor" => Some(BinaryOp::BXor),
        "shl" => Some(BinaryOp::Shl),
        "shr" => Some(BinaryOp::Shr),
        "is" => Some(BinaryOp::Is),
        "isnot" => Some(BinaryOp::IsNot),
        "as" => Some(BinaryOp::As),
        _ => None,
    };
    if simple.is_some() {
        return simple;
    }
    if let Some(op) = compare_word(&w) {
        return Some(BinaryOp::Compare { op, case_sensitive: false });
    }
    if let Some(rest) = w.strip_prefix('i')
        && let Some(op) = compare_word(rest)
    {
        return Some(BinaryOp::Compare { op, case_sensitive: false });
    }
    if let Some(rest) = w.strip_prefix('c')
        && let Some(op) = compare_word(rest)
    {
        return Some(BinaryOp::Compare { op, case_sensitive: true });
    }
    None
}

/// Maps an operator word (without the dash) to its prefix operator (`-not`, `-bnot`, `-split`, `-join`).
pub(crate) fn unary_word(word: &str) -> Option<UnaryOp> {
    Some(match word.to_ascii_lowercase().as_str() {
        "not" => UnaryOp::Not,
        "bnot" => UnaryOp::BNot,
        "split" | "isplit" | "csplit" => UnaryOp::Split,
        "join" => UnaryOp::Join,
        _ => return None,
    })
}

/// True when `word` (without the dash) names a binary or prefix operator.
pub(crate) fn is_operator_word(word: &str) -> bool {
    binary_word(word).is_some() || unary_word(word).is_some()
}

/// Comparison-family words.
fn compare_word(w: &str) -> Option<CompareOp> {
    Some(match w {
        "eq" => CompareOp::Eq,
        "ne" => CompareOp::Ne,
        "gt" => CompareOp::Gt,
        "ge" => CompareOp::Ge,
        "lt" => CompareOp::Lt,
        "le" => CompareOp::Le,
        "like" => CompareOp::Like,
        "notlike" => CompareOp::NotLike,
        "match" => CompareOp::Match,
        "notmatch" => CompareOp::NotMatch,
        "contains" => CompareOp::Contains,
        "notcontains" => CompareOp::NotContains,
        "in" => CompareOp::In,
        "notin" => CompareOp::NotIn,
        "replace" => CompareOp::Replace,
        "split" => CompareOp::Split,
        "join" => CompareOp::Join,
        _ => return None,
    })
}

/// Binding strength of a binary operator for `nom_language::precedence` (lower binds tighter),
/// following PowerShell's tokenizer (`TokenFlags.BinaryPrecedence*` in token.cs): range, format,
/// multiply, add, null-coalescing `??` (pwsh 7), comparison (incl. -shl/-shr, -is/-as), bitwise,
/// logical.
pub(crate) fn precedence_of(op: BinaryOp) -> u8 {
    match op {
        BinaryOp::Range => 1,
        BinaryOp::Format => 2,
        BinaryOp::Mul | BinaryOp::Div | BinaryOp::Rem => 3,
        BinaryOp::Add | BinaryOp::Sub => 4,
        BinaryOp::Coalesce => 5,
        BinaryOp::Compare { .. } | BinaryOp::Shl | BinaryOp::Shr | BinaryOp::Is | BinaryOp::IsNot | BinaryOp::As => 6,
        BinaryOp::BAnd | BinaryOp::BOr | BinaryOp::BXor => 7,
        BinaryOp::And | BinaryOp::Or | BinaryOp::Xor => 8,
    }
}

/// A `foreach` statement flag at `i` (`-parallel`, `-throttlelimit`, or a prefix of one), with the
/// input after it.
pub(crate) fn foreach_flag(i: &str) -> Option<(&'static str, &str)> {
    let after = i.strip_prefix(|c: char| is_dash(c))?;
    let n = after.chars().take_while(char::is_ascii_alphabetic).count();
    let word = after.get(..n)?.to_ascii_lowercase();
    let rest = skip(after, n);
    if word.is_empty() || first(rest).is_some_and(is_name_char) {
        return None;
    }
    ["parallel", "throttlelimit"].into_iter().find(|f| f.starts_with(word.as_str())).map(|f| (f, rest))
}
