//! .NET regular expressions on `fancy-regex`: the pattern is translated from .NET's syntax (named
//! groups `(?<n>…)`/`(?'n'…)`, `\k<n>`, `$` and `\Z` before a final newline, a `{` that is not a
//! quantifier, `[` inside a class, `\u0041`, `\e`, `(?#…)` comments), the common syntax errors get
//! .NET's `parsing "…" - …` messages, groups are numbered as .NET numbers them (unnamed first, then
//! named), positions are UTF-16 offsets, and replacements use .NET's `$` substitutions.
//! Backtracking is bounded: past the limit a match fails with [`RegexError::Timeout`].
//! Facts in docs/reference/regex.md.

/// How many backtracking steps one match may take before it fails (fancy-regex's limit).
pub const BACKTRACK_LIMIT: usize = 1_000_000;

/// `RegexOptions` that change matching.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// IgnoreCase
    pub ignore_case: bool,
    /// Multiline: `^`/`$` at line breaks.
    pub multiline: bool,
    /// Singleline: `.` matches `\n`.
    pub singleline: bool,
    /// IgnorePatternWhitespace
    pub ignore_whitespace: bool,
    /// ExplicitCapture: only named groups capture.
    pub explicit_capture: bool,
}

/// Why a pattern did not compile or a match did not finish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegexError {
    /// An invalid pattern: the .NET ArgumentException message (`parsing "(" - Not enough )'s.`).
    Parse(String),
    /// The backtracking limit was reached (.NET's RegexMatchTimeoutException message).
    Timeout,
}

impl RegexError {
    /// The .NET exception message.
    pub fn message(&self) -> String {
        match self {
            RegexError::Parse(m) => m.clone(),
            RegexError::Timeout => "The RegEx engine has timed out while trying to match a pattern to an input string. This can occur for many reasons, including very large inputs or excessive backtracking caused by nested quantifiers, back-references and other factors.".into(),
        }
    }
}

/// A compiled .NET regular expression.
#[derive(Clone, Debug)]
pub struct Regex {
    inner: fancy_regex::Regex,
    /// The pattern as written.
    pub pattern: String,
    /// The options it was compiled with.
    pub options: Options,
    /// For each .NET group number, fancy-regex's group index and the group's name.
    groups: Vec<(usize, String)>,
}

/// One group of a match, in .NET order (group 0 is the whole match).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The group's name: its number, or the name of a named group.
    pub name: String,
    /// Where it matched (UTF-16 index, UTF-16 length, text); `None` when it did not take part.
    pub capture: Option<(usize, usize, String)>,
}

/// One match: its groups (group 0 is the whole match).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// The groups in .NET order.
    pub groups: Vec<Group>,
    /// Byte range of the whole match in the input (for splitting and replacing).
    pub bytes: (usize, usize),
    /// Byte ranges of each group (same order as `groups`).
    group_bytes: Vec<Option<(usize, usize)>>,
}

impl Match {
    /// The matched text.
    pub fn value(&self) -> &str {
        self.groups.first().and_then(|g| g.capture.as_ref()).map(|c| c.2.as_str()).unwrap_or("")
    }

    /// UTF-16 index and length of the whole match.
    pub fn index_length(&self) -> (usize, usize) {
        self.groups.first().and_then(|g| g.capture.as_ref()).map(|c| (c.0, c.1)).unwrap_or((0, 0))
    }
}

fn parse_error(pattern: &str, reason: &str) -> RegexError {
    RegexError::Parse(format!("parsing \"{pattern}\" - {reason}"))
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Characters that must stay escaped in fancy-regex syntax.
fn is_meta(c: char) -> bool {
    matches!(
        c,
        '\\' | '.'
            | '+'
            | '*'
            | '?'
            | '('
            | ')'
            | '|'
            | '['
            | ']'
            | '{'
            | '}'
            | '^'
            | '$'
            | '#'
            | '&'
            | '-'
            | '~'
            | ' '
    )
}

fn push_literal(out: &mut String, c: char) {
    if is_meta(c) {
        out.push('\\');
    }
    out.push(c);
}

/// A `{n}`, `{n,}` or `{n,m}` quantifier at `chars[i]` (which is `{`): its length.
fn quantifier_len(chars: &[char], i: usize) -> Option<usize> {
    let mut j = i + 1;
    let start = j;
    while chars.get(j).is_some_and(|c| c.is_ascii_digit()) {
        j += 1;
    }
    if j == start {
        return None;
    }
    if chars.get(j) == Some(&',') {
        j += 1;
        while chars.get(j).is_some_and(|c| c.is_ascii_digit()) {
            j += 1;
        }
    }
    (chars.get(j) == Some(&'}')).then_some(j + 1 - i)
}

/// .NET pattern text to fancy-regex pattern text, with .NET's messages for the common errors.
fn translate(pattern: &str, opts: Options) -> Result<String, RegexError> {
    let chars: Vec<char> = pattern.chars().collect();
    let err = |reason: &str| parse_error(pattern, reason);
    let mut out = String::new();
    let mut depth = 0usize;
    let mut i = 0;
    // Whether the previous item can take a quantifier, and whether it already has one.
    let mut can_repeat = false;
    let mut quantified = false;
    let multiline = opts.multiline || pattern.contains("(?m") || pattern.contains("(?im") || pattern.contains("(?sm");
    let extended = opts.ignore_whitespace;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                let Some(&n) = chars.get(i + 1) else { return Err(err("Illegal \\ at end of pattern.")) };
                i += 2;
                match n {
                    'd' | 'D' | 'w' | 'W' | 's' | 'S' | 'n' | 'r' | 't' | 'f' | 'v' => {
                        out.push('\\');
                        out.push(n);
                    }
                    'b' | 'B' | 'A' | 'z' | 'G' => {
                        out.push('\\');
                        out.push(n);
                        can_repeat = false;
                        quantified = false;
                        continue;
                    }
                    'Z' => {
                        out.push_str("(?=\\n?\\z)");
                        can_repeat = false;
                        quantified = false;
                        continue;
                    }
                    'e' => out.push_str("\\x{1B}"),
                    'a' => out.push_str("\\x{07}"),
                    'p' | 'P' => {
                        out.push('\\');
                        out.push(n);
                        if chars.get(i) == Some(&'{') {
                            while i < chars.len() {
                                out.push(chars[i]);
                                i += 1;
                                if chars[i - 1] == '}' {
                                    break;
                                }
                            }
                        }
                    }
                    'x' | 'u' => {
                        let want = if n == 'x' { 2 } else { 4 };
                        let hex: String = chars[i..].iter().take(want).collect();
                        if hex.len() != want || !hex.chars().all(|h| h.is_ascii_hexdigit()) {
                            return Err(err("Insufficient hex digits."));
                        }
                        i += want;
                        out.push_str(&format!("\\x{{{hex}}}"));
                    }
                    'c' => {
                        let Some(&l) = chars.get(i).filter(|l| l.is_ascii_alphabetic()) else {
                            return Err(err("Missing control character."));
                        };
                        i += 1;
                        out.push_str(&format!("\\x{{{:02X}}}", (l.to_ascii_uppercase() as u8) & 0x1f));
                    }
                    'k' => {
                        let close = match chars.get(i) {
                            Some('<') => '>',
                            Some('\'') => '\'',
                            _ => return Err(err("Malformed \\k<...> named back reference.")),
                        };
                        let name: String = chars[i + 1..].iter().take_while(|&&x| x != close).collect();
                        i += name.chars().count() + 2;
                        if name.chars().all(|d| d.is_ascii_digit()) && !name.is_empty() {
                            out.push('\\');
                            out.push_str(&name);
                        } else {
                            out.push_str(&format!("\\k<{name}>"));
                        }
                    }
                    '0' => {
                        // Octal: up to two more digits.
                        let oct: String = chars[i..].iter().take(2).take_while(|d| ('0'..='7').contains(d)).collect();
                        i += oct.len();
                        let v = u32::from_str_radix(&format!("0{oct}"), 8).unwrap_or(0);
                        out.push_str(&format!("\\x{{{v:02X}}}"));
                    }
                    '1'..='9' => {
                        out.push('\\');
                        out.push(n);
                        while let Some(&d) = chars.get(i).filter(|d| d.is_ascii_digit()) {
                            out.push(d);
                            i += 1;
                        }
                    }
                    other if other.is_alphanumeric() => {
                        return Err(err(&format!("Unrecognized escape sequence \\{other}.")));
                    }
                    other => push_literal(&mut out, other),
                }
                can_repeat = true;
                quantified = false;
                continue;
            }
            '[' => {
                let mut j = i + 1;
                out.push('[');
                if chars.get(j) == Some(&'^') {
                    out.push('^');
                    j += 1;
                }
                let mut first = true;
                let mut closed = false;
                while j < chars.len() {
                    let k = chars[j];
                    if k == ']' && !first {
                        closed = true;
                        j += 1;
                        break;
                    }
                    first = false;
                    match k {
                        '\\' => {
                            let Some(&n) = chars.get(j + 1) else { return Err(err("Illegal \\ at end of pattern.")) };
                            j += 2;
                            match n {
                                'd' | 'D' | 'w' | 'W' | 's' | 'S' | 'n' | 'r' | 't' | 'f' | 'v' => {
                                    out.push('\\');
                                    out.push(n);
                                }
                                'b' => out.push_str("\\x{08}"),
                                'e' => out.push_str("\\x{1B}"),
                                'a' => out.push_str("\\x{07}"),
                                'p' | 'P' => {
                                    out.push('\\');
                                    out.push(n);
                                    while j < chars.len() {
                                        out.push(chars[j]);
                                        j += 1;
                                        if chars[j - 1] == '}' {
                                            break;
                                        }
                                    }
                                }
                                'x' | 'u' => {
                                    let want = if n == 'x' { 2 } else { 4 };
                                    let hex: String = chars[j..].iter().take(want).collect();
                                    if hex.len() != want || !hex.chars().all(|h| h.is_ascii_hexdigit()) {
                                        return Err(err("Insufficient hex digits."));
                                    }
                                    j += want;
                                    out.push_str(&format!("\\x{{{hex}}}"));
                                }
                                other if other.is_alphanumeric() => {
                                    return Err(err(&format!("Unrecognized escape sequence \\{other}.")));
                                }
                                other => push_literal(&mut out, other),
                            }
                        }
                        '[' | '&' | '~' => {
                            out.push('\\');
                            out.push(k);
                            j += 1;
                        }
                        '-' => {
                            // A range needs both ends in order.
                            let lo = chars.get(j.wrapping_sub(1)).copied();
                            let hi = chars.get(j + 1).copied();
                            if let (Some(lo), Some(hi)) = (lo, hi) {
                                if hi != ']' && lo != '[' && lo != '^' && lo != '\\' && hi != '\\' && hi < lo {
                                    return Err(err("[x-y] range in reverse order."));
                                }
                            }
                            out.push('-');
                            j += 1;
                        }
                        other => {
                            out.push(other);
                            j += 1;
                        }
                    }
                }
                if !closed {
                    return Err(err("Unterminated [] set."));
                }
                out.push(']');
                i = j;
                can_repeat = true;
                quantified = false;
                continue;
            }
            '(' => {
                if chars.get(i + 1) == Some(&'?') {
                    match chars.get(i + 2) {
                        Some('#') => {
                            let end = chars[i..].iter().position(|&x| x == ')');
                            let Some(end) = end else { return Err(err("Unterminated (?#...) comment.")) };
                            i += end + 1;
                            continue;
                        }
                        Some('<') | Some('\'') if !matches!(chars.get(i + 3), Some('=') | Some('!')) => {
                            let close = if chars[i + 2] == '<' { '>' } else { '\'' };
                            let name: String = chars[i + 3..].iter().take_while(|&&x| x != close).collect();
                            if name.is_empty() || !name.chars().all(|x| x.is_alphanumeric() || x == '_') {
                                return Err(err("Invalid group name: Group names must begin with a word character."));
                            }
                            i += name.chars().count() + 4;
                            if name.chars().all(|d| d.is_ascii_digit()) {
                                out.push('(');
                            } else {
                                out.push_str(&format!("(?P<{name}>"));
                            }
                            depth += 1;
                            can_repeat = false;
                            quantified = false;
                            continue;
                        }
                        _ => {}
                    }
                    let head: String = chars[i..].iter().take(4).collect();
                    let fixed = ["(?<=", "(?<!"]
                        .iter()
                        .find(|h| head.starts_with(*h))
                        .map(|_| 4)
                        .or_else(|| ["(?:", "(?=", "(?!", "(?>"].iter().find(|h| head.starts_with(*h)).map(|_| 3));
                    if let Some(len) = fixed {
                        out.extend(&chars[i..i + len]);
                        i += len;
                        depth += 1;
                    } else {
                        // Inline options: (?imnsx-imnsx) or (?imnsx-imnsx:…); `n` has no equivalent.
                        let mut j = i + 2;
                        let mut flags = String::new();
                        while let Some(&f) = chars.get(j).filter(|f| "imnsx-".contains(**f)) {
                            if f != 'n' {
                                flags.push(f);
                            }
                            j += 1;
                        }
                        match chars.get(j) {
                            Some(')') => {
                                if !flags.trim_end_matches('-').is_empty() {
                                    out.push_str(&format!("(?{})", flags.trim_end_matches('-')));
                                }
                                i = j + 1;
                                continue;
                            }
                            Some(':') => {
                                out.push_str(&format!("(?{}:", flags.trim_end_matches('-')));
                                i = j + 1;
                                depth += 1;
                            }
                            _ => return Err(err("Unrecognized grouping construct.")),
                        }
                    }
                    can_repeat = false;
                    quantified = false;
                    continue;
                }
                out.push_str(if opts.explicit_capture { "(?:" } else { "(" });
                i += 1;
                depth += 1;
                can_repeat = false;
                quantified = false;
                continue;
            }
            ')' => {
                if depth == 0 {
                    return Err(err("Too many )'s."));
                }
                depth -= 1;
                out.push(')');
                i += 1;
                can_repeat = true;
                quantified = false;
                continue;
            }
            '*' | '+' | '?' | '{' => {
                let len = if c == '{' { quantifier_len(&chars, i) } else { Some(1) };
                match len {
                    None => {
                        out.push_str("\\{");
                        i += 1;
                        can_repeat = true;
                        quantified = false;
                        continue;
                    }
                    Some(len) => {
                        if c == '?' && quantified && out.ends_with(['*', '+', '?', '}']) && !out.ends_with("??") {
                            // A lazy quantifier.
                            out.push('?');
                            i += 1;
                            continue;
                        }
                        if quantified {
                            let q: String = chars[i..i + len].iter().collect();
                            return Err(err(&format!("Nested quantifier {q}.")));
                        }
                        if !can_repeat {
                            return Err(err("Quantifier {x,y} following nothing."));
                        }
                        out.extend(&chars[i..i + len]);
                        i += len;
                        quantified = true;
                        continue;
                    }
                }
            }
            '}' => {
                out.push_str("\\}");
                i += 1;
            }
            '|' => {
                out.push('|');
                i += 1;
                can_repeat = false;
                quantified = false;
                continue;
            }
            '^' => {
                out.push('^');
                i += 1;
                can_repeat = false;
                quantified = false;
                continue;
            }
            '$' => {
                out.push_str(if multiline { "$" } else { "(?=\\n?\\z)" });
                i += 1;
                can_repeat = false;
                quantified = false;
                continue;
            }
            '#' if extended => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            c if extended && c.is_whitespace() => {
                i += 1;
                continue;
            }
            '.' => {
                out.push('.');
                i += 1;
            }
            other => {
                push_literal(&mut out, other);
                i += 1;
            }
        }
        can_repeat = true;
        quantified = false;
    }
    if depth > 0 {
        return Err(err("Not enough )'s."));
    }
    let mut flags = String::new();
    if opts.ignore_case {
        flags.push('i');
    }
    if opts.multiline {
        flags.push('m');
    }
    if opts.singleline {
        flags.push('s');
    }
    Ok(if flags.is_empty() { out } else { format!("(?{flags}){out}") })
}

impl Regex {
    /// Compiles a .NET pattern.
    pub fn new(pattern: &str, options: Options) -> Result<Regex, RegexError> {
        let src = translate(pattern, options)?;
        let inner = fancy_regex::RegexBuilder::new(&src).backtrack_limit(BACKTRACK_LIMIT).build().map_err(|e| {
            let reason = match &e {
                fancy_regex::Error::ParseError(_, fancy_regex::ParseError::InvalidBackref)
                | fancy_regex::Error::CompileError(fancy_regex::CompileError::InvalidBackref) => {
                    "Reference to undefined group number.".to_string()
                }
                fancy_regex::Error::ParseError(_, fancy_regex::ParseError::InvalidGroupNameBackref(n))
                | fancy_regex::Error::CompileError(fancy_regex::CompileError::InvalidGroupNameBackref(n)) => {
                    format!("Reference to undefined group name {n}.")
                }
                fancy_regex::Error::ParseError(_, fancy_regex::ParseError::RecursionExceeded) => {
                    "Too many nested groups.".to_string()
                }
                other => format!("{other}."),
            };
            parse_error(pattern, &reason)
        })?;
        // .NET numbers unnamed groups first, then named ones (in order of appearance).
        let names: Vec<Option<String>> = inner.capture_names().map(|n| n.map(str::to_string)).collect();
        let mut groups = vec![(0, "0".to_string())];
        for (k, n) in names.iter().enumerate().skip(1) {
            if n.is_none() {
                groups.push((k, groups.len().to_string()));
            }
        }
        for (k, n) in names.iter().enumerate().skip(1) {
            if let Some(n) = n {
                groups.push((k, n.clone()));
            }
        }
        Ok(Regex { inner, pattern: pattern.to_string(), options, groups })
    }

    /// Group names in .NET order (`0`, `1`, …, then named groups).
    pub fn group_names(&self) -> Vec<String> {
        self.groups.iter().map(|g| g.1.clone()).collect()
    }

    fn to_match(&self, text: &str, caps: &fancy_regex::Captures) -> Match {
        let mut groups = Vec::with_capacity(self.groups.len());
        let mut group_bytes = Vec::with_capacity(self.groups.len());
        for (k, name) in &self.groups {
            let m = caps.get(*k);
            group_bytes.push(m.map(|m| (m.start(), m.end())));
            groups.push(Group {
                name: name.clone(),
                capture: m.map(|m| (utf16_len(&text[..m.start()]), utf16_len(m.as_str()), m.as_str().to_string())),
            });
        }
        let whole = group_bytes.first().copied().flatten().unwrap_or((0, 0));
        Match { groups, bytes: whole, group_bytes }
    }

    fn failed(e: fancy_regex::Error) -> RegexError {
        match e {
            fancy_regex::Error::RuntimeError(_) => RegexError::Timeout,
            other => RegexError::Parse(other.to_string()),
        }
    }

    /// The first match from a byte position.
    pub fn find_at(&self, text: &str, pos: usize) -> Result<Option<Match>, RegexError> {
        match self.inner.captures_from_pos(text, pos) {
            Ok(Some(c)) => Ok(Some(self.to_match(text, &c))),
            Ok(None) => Ok(None),
            Err(e) => Err(Self::failed(e)),
        }
    }

    /// The first match.
    pub fn first(&self, text: &str) -> Result<Option<Match>, RegexError> {
        self.find_at(text, 0)
    }

    /// Whether the text matches.
    pub fn is_match(&self, text: &str) -> Result<bool, RegexError> {
        self.inner.is_match(text).map_err(Self::failed)
    }

    /// Every match, left to right (an empty match advances one character).
    pub fn all(&self, text: &str) -> Result<Vec<Match>, RegexError> {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos <= text.len() {
            let Some(m) = self.find_at(text, pos)? else { break };
            let (s, e) = m.bytes;
            pos = if e == s { e + text[e..].chars().next().map(char::len_utf8).unwrap_or(1) } else { e };
            out.push(m);
        }
        Ok(out)
    }

    /// `Regex.Replace(text, replacement)` with .NET substitutions; at most `count` replacements
    /// (`None`: all).
    pub fn replace(&self, text: &str, replacement: &str, count: Option<usize>) -> Result<String, RegexError> {
        let mut out = String::new();
        let mut last = 0;
        let matches = self.all(text)?;
        for m in matches.iter().take(count.unwrap_or(usize::MAX)) {
            out.push_str(&text[last..m.bytes.0]);
            self.substitute(text, m, replacement, &mut out);
            last = m.bytes.1;
        }
        out.push_str(&text[last..]);
        Ok(out)
    }

    /// The text a .NET replacement pattern makes for one match.
    pub fn substitute(&self, text: &str, m: &Match, rep: &str, out: &mut String) {
        let chars: Vec<char> = rep.chars().collect();
        let group_text =
            |k: usize| -> &str { m.group_bytes.get(k).copied().flatten().map(|(s, e)| &text[s..e]).unwrap_or("") };
        let by_name = |name: &str| self.groups.iter().position(|g| g.1 == name);
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c != '$' || i + 1 >= chars.len() {
                out.push(c);
                i += 1;
                continue;
            }
            let n = chars[i + 1];
            match n {
                '$' => {
                    out.push('$');
                    i += 2;
                }
                '&' => {
                    out.push_str(group_text(0));
                    i += 2;
                }
                '`' => {
                    out.push_str(&text[..m.bytes.0]);
                    i += 2;
                }
                '\'' => {
                    out.push_str(&text[m.bytes.1..]);
                    i += 2;
                }
                '_' => {
                    out.push_str(text);
                    i += 2;
                }
                '+' => {
                    out.push_str(group_text(self.groups.len().saturating_sub(1)));
                    i += 2;
                }
                '{' => {
                    let name: String = chars[i + 2..].iter().take_while(|&&x| x != '}').collect();
                    let closed = chars.get(i + 2 + name.chars().count()) == Some(&'}');
                    match by_name(&name).filter(|_| closed) {
                        Some(k) => {
                            out.push_str(group_text(k));
                            i += name.chars().count() + 3;
                        }
                        None => {
                            out.push('$');
                            i += 1;
                        }
                    }
                }
                d if d.is_ascii_digit() => {
                    // The longest number that names a group.
                    let digits: String = chars[i + 1..].iter().take_while(|x| x.is_ascii_digit()).collect();
                    let mut used = None;
                    for len in (1..=digits.len()).rev() {
                        if let Ok(k) = digits[..len].parse::<usize>() {
                            if k < self.groups.len() {
                                used = Some((k, len));
                                break;
                            }
                        }
                    }
                    match used {
                        Some((k, len)) => {
                            out.push_str(group_text(k));
                            i += 1 + len;
                        }
                        None => {
                            out.push('$');
                            i += 1;
                        }
                    }
                }
                _ => {
                    out.push('$');
                    i += 1;
                }
            }
        }
    }

    /// `Regex.Split`: the pieces between matches, with the captured groups in between; at most
    /// `count` pieces (0: all).
    pub fn split(&self, text: &str, count: usize) -> Result<Vec<String>, RegexError> {
        let mut out = Vec::new();
        let mut last = 0;
        let mut pieces = 1;
        for m in self.all(text)? {
            if count > 0 && pieces >= count {
                break;
            }
            if m.bytes.0 == m.bytes.1 && (m.bytes.0 == 0 || m.bytes.0 == text.len()) {
                continue;
            }
            out.push(text[last..m.bytes.0].to_string());
            for g in m.group_bytes.iter().skip(1).flatten() {
                out.push(text[g.0..g.1].to_string());
            }
            last = m.bytes.1;
            pieces += 1;
        }
        out.push(text[last..].to_string());
        Ok(out)
    }
}

/// `[regex]::Escape`: escapes `\ * + ? | { [ ( ) ^ $ . #` and white space.
pub fn escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' | '*' | '+' | '?' | '|' | '{' | '[' | '(' | ')' | '^' | '$' | '.' | '#' | ' ' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{c}' => out.push_str("\\f"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn re(p: &str) -> Regex {
        match Regex::new(p, Options::default()) {
            Ok(r) => r,
            Err(e) => panic!("{p}: {e:?}"),
        }
    }

    fn err(p: &str) -> String {
        Regex::new(p, Options::default()).err().map(|e| e.message()).unwrap_or_default()
    }

    #[test]
    fn dotnet_syntax() {
        assert!(re(r"(\w)\1").is_match("hello").unwrap_or(false));
        assert!(re(r"(?<x>o)\k<x>").is_match("foo").unwrap_or(false));
        assert!(re(r"(?'x'o)\k'x'").is_match("foo").unwrap_or(false));
        assert!(re(r"(?<=a)b").is_match("ab").unwrap_or(false));
        assert!(re(r"(?>a+)b").is_match("aab").unwrap_or(false));
        assert!(re(r"^abc$").is_match("abc\n").unwrap_or(false));
        assert!(!re(r"^abc$").is_match("abc\n\n").unwrap_or(true));
        assert!(re(r"a{").is_match("a{").unwrap_or(false));
        assert!(re(r"[[]").is_match("[").unwrap_or(false));
        assert!(re(r"\u0041(?#comment)").is_match("A").unwrap_or(false));
        assert!(re(r"a\<b\>").is_match("a<b>").unwrap_or(false));
        assert_eq!(re(r"(?<n>a)(b)").group_names(), vec!["0", "1", "n"]);
        assert!(re(r"^a.c$").is_match("abc").unwrap_or(false));
        assert!(!re(r"a\.c").is_match("abc").unwrap_or(true));
    }

    #[test]
    fn dotnet_errors() {
        assert_eq!(err("("), "parsing \"(\" - Not enough )'s.");
        assert_eq!(err(")"), "parsing \")\" - Too many )'s.");
        assert_eq!(err("[a"), "parsing \"[a\" - Unterminated [] set.");
        assert_eq!(err("*a"), "parsing \"*a\" - Quantifier {x,y} following nothing.");
        assert_eq!(err("a**"), "parsing \"a**\" - Nested quantifier *.");
        assert_eq!(err("a\\"), "parsing \"a\\\" - Illegal \\ at end of pattern.");
        assert_eq!(err("\\q"), "parsing \"\\q\" - Unrecognized escape sequence \\q.");
        assert_eq!(err("[z-a]"), "parsing \"[z-a]\" - [x-y] range in reverse order.");
        assert!(Regex::new("a*?", Options::default()).is_ok());
        assert!(Regex::new("a+?b??", Options::default()).is_ok());
    }

    #[test]
    fn replacements_and_splits() {
        let r = re(r"(\w+)@(?<d>\w+)");
        assert_eq!(
            r.replace("joe@contoso x", "$2/$1 ${d} $0 $$ $& $9", None).as_deref(),
            Ok("contoso/joe contoso joe@contoso $ joe@contoso $9 x")
        );
        assert_eq!(re(",").split("a,b,,c", 0), Ok(vec!["a".into(), "b".into(), "".into(), "c".into()]));
        assert_eq!(re("(,)").split("a,b", 0), Ok(vec!["a".into(), ",".into(), "b".into()]));
        assert_eq!(re(",").split("a,b,c", 2), Ok(vec!["a".into(), "b,c".into()]));
        assert_eq!(escape("a.b*c (d) [e] #"), r"a\.b\*c\ \(d\)\ \[e]\ \#");
    }

    #[test]
    fn utf16_positions_and_backtracking() {
        let m = re("b").first("\u{1F600}b").ok().flatten();
        assert_eq!(m.map(|m| m.index_length()), Some((2, 1)));
        let evil = re(r"^(\w+\s?)*$\1");
        let text = format!("{}!", "a".repeat(40));
        assert_eq!(evil.is_match(&text), Err(RegexError::Timeout));
    }
}
