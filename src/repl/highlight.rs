//! A light, forgiving PowerShell tokenizer for the line editor, and the colours PSReadLine draws.
//!
//! [`tokenize`] classifies the text typed so far (commands, parameters, strings, variables,
//! numbers, operators, comments, keywords, type names) with spans, tracking command versus
//! expression mode through nested `(…)`, `{…}`, `$(…)`, `@(…)` and `@{…}`. It never fails and never
//! panics: unterminated strings, comments and groups simply run to the end. Completion reads the
//! same tokens. [`highlight`] turns them into ANSI colours with PSReadLine's default palette.
//! It must not be used for running code: that is `syntax::parse`'s job.

/// What a token is, for colouring and completion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A command name at command position (`Get-Mailbox`).
    Command,
    /// A language keyword (`if`, `foreach`, `function`, `in`).
    Keyword,
    /// A parameter name in command mode (`-Identity`, `-Confirm:`).
    Parameter,
    /// A string literal (single, double or here-string), possibly unterminated.
    String,
    /// A variable (`$x`, `${a b}`, `$env:PATH`, `@splat`).
    Variable,
    /// A number literal (`42`, `0x1F`, `10GB`, `1.5`).
    Number,
    /// An operator (`-eq`, `=`, `+`, `,`, `..`, `!`).
    Operator,
    /// A comment (`# …` or `<# … #>`).
    Comment,
    /// A type literal (`[string]`).
    Type,
    /// A property or method name after `.` or `::`.
    Member,
    /// A bare word argument in command mode (`michelle`, `C:\temp`), or an unknown word.
    Argument,
    /// `|`
    Pipe,
    /// A statement separator: `;`, a newline, `&&`, `||`.
    Separator,
    /// An opening `(`, `$(`, `@(`, `{`, `@{` or index `[`.
    Open,
    /// A closing `)`, `}` or `]`.
    Close,
    /// Other punctuation: `&` and `.` call operators, redirections, member-access dots.
    Punct,
}

/// A classified piece of the input: `src[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: Kind,
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
}

/// What the tokenizer expects next (the state at the end of the input, for completion).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The start of a pipeline element: a command name or an expression.
    Start,
    /// A command's arguments.
    Args,
    /// Inside an expression.
    Expr,
    /// A hashtable key.
    HashKey,
    /// After `function`/`filter`: the name.
    FuncName,
    /// After `break`/`continue`: an optional label.
    Label,
    /// After `if`/`while`/`foreach`/…: the `(condition)`.
    Cond,
    /// After `else`/`try`/`)` of a condition: the `{` block.
    Block,
}

/// Language keywords recognised at the start of a statement.
const KEYWORDS: &[&str] = &[
    "begin",
    "break",
    "catch",
    "class",
    "continue",
    "data",
    "do",
    "dynamicparam",
    "else",
    "elseif",
    "end",
    "enum",
    "exit",
    "filter",
    "finally",
    "for",
    "foreach",
    "function",
    "if",
    "param",
    "process",
    "return",
    "switch",
    "throw",
    "trap",
    "try",
    "until",
    "while",
    "workflow",
];

/// Keywords followed by a parenthesised condition.
const COND_KEYWORDS: &[&str] = &["if", "elseif", "while", "switch", "foreach", "for", "until"];
/// Keywords followed directly by a `{` block.
const BLOCK_KEYWORDS: &[&str] =
    &["else", "try", "finally", "do", "begin", "process", "end", "dynamicparam", "catch", "trap", "data"];

/// True when `word` is a PowerShell keyword (case-insensitive).
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(word))
}

#[derive(Debug, Clone, Copy)]
struct Frame {
    mode: Mode,
    /// Keywords are recognised (start of a statement, not after `|`).
    stmt_start: bool,
    /// Mode of the enclosing frame after this one closes.
    restore: Mode,
    /// True for `@{`, whose statements are `key = value` pairs.
    hash: bool,
}

fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}')
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Characters that end a bare word in command mode.
fn ends_word(c: char) -> bool {
    c.is_whitespace() || matches!(c, '|' | ';' | '(' | ')' | '{' | '}' | ',' | '&')
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    tokens: Vec<Token>,
    frames: Vec<Frame>,
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.src[self.pos..].chars().nth(n)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn frame(&mut self) -> &mut Frame {
        if self.frames.is_empty() {
            self.frames.push(Frame { mode: Mode::Start, stmt_start: true, restore: Mode::Start, hash: false });
        }
        let last = self.frames.len() - 1;
        &mut self.frames[last]
    }

    fn mode(&mut self) -> Mode {
        self.frame().mode
    }

    fn set_mode(&mut self, mode: Mode) {
        let f = self.frame();
        f.mode = mode;
        if mode != Mode::Start {
            f.stmt_start = false;
        }
    }

    fn push(&mut self, kind: Kind, start: usize) {
        if self.pos > start {
            self.tokens.push(Token { kind, start, end: self.pos });
        }
    }

    /// True when the previous token ends right here and is something a member access can follow.
    fn after_operand(&self) -> bool {
        self.tokens.last().is_some_and(|t| {
            t.end == self.pos
                && matches!(t.kind, Kind::Variable | Kind::Close | Kind::Member | Kind::Type | Kind::String)
        })
    }

    fn open(&mut self, start: usize, inner: Mode, restore: Mode, hash: bool) {
        self.push(Kind::Open, start);
        self.frames.push(Frame { mode: inner, stmt_start: inner == Mode::Start, restore, hash });
    }

    fn close(&mut self, start: usize) {
        self.push(Kind::Close, start);
        if self.frames.len() > 1 {
            if let Some(f) = self.frames.pop() {
                let restore = f.restore;
                let outer = self.frame();
                outer.mode = restore;
                outer.stmt_start = restore == Mode::Start;
            }
        } else {
            self.set_mode(Mode::Expr);
        }
    }

    fn run(&mut self) {
        while let Some(c) = self.peek() {
            let start = self.pos;
            // Line continuation.
            if c == '`' && matches!(self.peek_at(1), Some('\n') | Some('\r')) {
                self.bump();
                if self.bump() == Some('\r') && self.peek() == Some('\n') {
                    self.bump();
                }
                continue;
            }
            if c == '\n' || c == '\r' {
                self.bump();
                if c == '\r' && self.peek() == Some('\n') {
                    self.bump();
                }
                self.push(Kind::Separator, start);
                self.separator();
                continue;
            }
            if c.is_whitespace() {
                self.bump();
                continue;
            }
            if c == '#' {
                self.line_comment(start);
                continue;
            }
            if c == '<' && self.peek_at(1) == Some('#') {
                self.block_comment(start);
                continue;
            }
            match c {
                ';' => {
                    self.bump();
                    self.push(Kind::Separator, start);
                    self.separator();
                    continue;
                }
                '|' => {
                    self.bump();
                    if self.peek() == Some('|') {
                        self.bump();
                        self.push(Kind::Separator, start);
                        self.separator();
                    } else {
                        self.push(Kind::Pipe, start);
                        let f = self.frame();
                        f.mode = Mode::Start;
                        f.stmt_start = false;
                    }
                    continue;
                }
                ')' | '}' | ']' => {
                    self.bump();
                    self.close(start);
                    continue;
                }
                _ => {}
            }
            match self.mode() {
                Mode::Start => self.start_token(start, c),
                Mode::Args => self.arg_token(start, c),
                Mode::Expr => self.expr_token(start, c),
                Mode::HashKey => self.hash_key_token(start, c),
                Mode::FuncName => {
                    self.word(start, Kind::Argument);
                    self.set_mode(Mode::Block);
                }
                Mode::Label => {
                    if c.is_alphabetic() {
                        self.word(start, Kind::Argument);
                        self.set_mode(Mode::Args);
                    } else {
                        self.set_mode(Mode::Start);
                        self.frame().stmt_start = false;
                    }
                }
                Mode::Cond => self.cond_token(start, c),
                Mode::Block => self.block_token(start, c),
            }
        }
    }

    /// `&` (call operator) or `&&` (a pipeline chain separator).
    fn ampersand(&mut self, start: usize) {
        self.bump();
        if self.peek() == Some('&') {
            self.bump();
            self.push(Kind::Separator, start);
            self.separator();
            return;
        }
        self.push(Kind::Punct, start);
    }

    fn separator(&mut self) {
        let f = self.frame();
        f.mode = if f.hash { Mode::HashKey } else { Mode::Start };
        f.stmt_start = true;
    }

    fn line_comment(&mut self, start: usize) {
        while let Some(c) = self.peek() {
            if c == '\n' || c == '\r' {
                break;
            }
            self.bump();
        }
        self.push(Kind::Comment, start);
    }

    fn block_comment(&mut self, start: usize) {
        self.pos += 2;
        match self.src[self.pos..].find("#>") {
            Some(i) => self.pos += i + 2,
            None => self.pos = self.src.len(),
        }
        self.push(Kind::Comment, start);
    }

    /// Tokens common to every mode; returns true when one was consumed.
    fn common(&mut self, start: usize, c: char, mode_after: Mode) -> bool {
        if is_single_quote(c) {
            self.single_quoted(start);
            self.set_mode(mode_after);
            return true;
        }
        if is_double_quote(c) {
            self.double_quoted(start);
            self.set_mode(mode_after);
            return true;
        }
        if c == '@' {
            match self.peek_at(1) {
                Some(q) if (is_single_quote(q) || is_double_quote(q)) && self.here_string_start() => {
                    self.here_string(start, q);
                    self.set_mode(mode_after);
                    return true;
                }
                Some('(') => {
                    self.pos += 2;
                    let restore = mode_after;
                    self.open(start, Mode::Start, restore, false);
                    return true;
                }
                Some('{') => {
                    self.pos += 2;
                    self.open(start, Mode::HashKey, mode_after, true);
                    return true;
                }
                Some(n) if is_ident(n) => {
                    self.bump();
                    while self.peek().is_some_and(is_ident) {
                        self.bump();
                    }
                    self.push(Kind::Variable, start);
                    self.set_mode(mode_after);
                    return true;
                }
                _ => return false,
            }
        }
        if c == '$' {
            if self.peek_at(1) == Some('(') {
                self.pos += 2;
                self.open(start, Mode::Start, mode_after, false);
                return true;
            }
            self.variable(start);
            self.set_mode(mode_after);
            return true;
        }
        if c == '(' {
            self.bump();
            self.open(start, Mode::Start, mode_after, false);
            return true;
        }
        if c == '{' {
            self.bump();
            self.open(start, Mode::Start, mode_after, false);
            return true;
        }
        if c == ',' {
            self.bump();
            self.push(Kind::Operator, start);
            return true;
        }
        if (c == '.' || c == ':') && self.after_operand() {
            // Member access: `$x.Name`, `[math]::Round`.
            self.bump();
            if c == ':' && self.peek() == Some(':') {
                self.bump();
            }
            self.push(Kind::Punct, start);
            let m = self.pos;
            while self.peek().is_some_and(is_ident) {
                self.bump();
            }
            self.push(Kind::Member, m);
            return true;
        }
        if c == '[' && self.after_operand() {
            self.bump();
            let current = self.mode();
            self.open(start, Mode::Start, current, false);
            return true;
        }
        false
    }

    fn here_string_start(&self) -> bool {
        let rest = &self.src[self.pos..];
        let mut it = rest.char_indices().skip(2);
        for (_, c) in it.by_ref() {
            if c == '\n' || c == '\r' {
                return true;
            }
            if !c.is_whitespace() {
                return false;
            }
        }
        // `@'` at the end of the text: a here-string being typed.
        true
    }

    fn here_string(&mut self, start: usize, q: char) {
        self.pos += 1 + q.len_utf8();
        let double = is_double_quote(q);
        // Find a line starting with the closing quote followed by `@`.
        let mut line_start = false;
        while let Some(c) = self.peek() {
            if line_start
                && (if double { is_double_quote(c) } else { is_single_quote(c) })
                && self.peek_at(1) == Some('@')
            {
                self.bump();
                self.bump();
                break;
            }
            self.bump();
            line_start = c == '\n';
        }
        self.push(Kind::String, start);
    }

    fn single_quoted(&mut self, start: usize) {
        self.bump();
        while let Some(c) = self.bump() {
            if is_single_quote(c) {
                if self.peek().is_some_and(is_single_quote) {
                    self.bump();
                    continue;
                }
                break;
            }
        }
        self.push(Kind::String, start);
    }

    fn double_quoted(&mut self, start: usize) {
        self.bump();
        // The string is split around embedded `$name` variables, which PSReadLine colours.
        let mut seg = start;
        while let Some(c) = self.peek() {
            if c == '`' {
                self.bump();
                self.bump();
                continue;
            }
            if is_double_quote(c) {
                self.bump();
                if self.peek().is_some_and(is_double_quote) {
                    self.bump();
                    continue;
                }
                break;
            }
            if c == '$' {
                match self.peek_at(1) {
                    Some('(') => {
                        // Skip a subexpression, balancing parentheses.
                        self.pos += 2;
                        let mut depth = 1;
                        while let Some(d) = self.bump() {
                            match d {
                                '(' => depth += 1,
                                ')' => {
                                    depth -= 1;
                                    if depth == 0 {
                                        break;
                                    }
                                }
                                _ => {}
                            }
                        }
                        continue;
                    }
                    Some(n) if is_ident(n) || n == '{' => {
                        if self.pos > seg {
                            self.tokens.push(Token { kind: Kind::String, start: seg, end: self.pos });
                        }
                        let v = self.pos;
                        self.variable(v);
                        seg = self.pos;
                        continue;
                    }
                    _ => {}
                }
            }
            self.bump();
        }
        if self.pos > seg {
            self.tokens.push(Token { kind: Kind::String, start: seg, end: self.pos });
        }
    }

    fn variable(&mut self, start: usize) {
        self.bump(); // `$`
        match self.peek() {
            Some('{') => {
                while let Some(c) = self.bump() {
                    if c == '}' {
                        break;
                    }
                }
            }
            Some('$') | Some('?') | Some('^') => {
                self.bump();
            }
            _ => loop {
                match self.peek() {
                    Some(c) if is_ident(c) => {
                        self.bump();
                    }
                    Some(':') if self.peek_at(1).is_some_and(is_ident) && self.pos > start + 1 => {
                        self.bump();
                    }
                    _ => break,
                }
            },
        }
        self.push(Kind::Variable, start);
    }

    /// A bare word in command mode: up to whitespace or a delimiter.
    fn word(&mut self, start: usize, kind: Kind) {
        while let Some(c) = self.peek() {
            if c == '`' {
                self.bump();
                self.bump();
                continue;
            }
            if ends_word(c) || is_single_quote(c) || is_double_quote(c) {
                break;
            }
            self.bump();
        }
        self.push(kind, start);
    }

    /// Lexes a number at the cursor; returns false (consuming nothing) when there is none.
    fn number(&mut self, start: usize) -> bool {
        let rest = &self.src[self.pos..];
        let len = number_len(rest);
        if len == 0 {
            return false;
        }
        self.pos += len;
        self.push(Kind::Number, start);
        true
    }

    fn start_token(&mut self, start: usize, c: char) {
        let stmt_start = self.frame().stmt_start;
        if c == '&' || (c == '.' && self.peek_at(1).is_some_and(|n| n.is_whitespace() || n == '\'' || n == '"')) {
            self.bump();
            if c == '&' && self.peek() == Some('&') {
                self.bump();
                self.push(Kind::Separator, start);
                self.separator();
                return;
            }
            self.push(Kind::Punct, start);
            self.frame().stmt_start = false;
            return;
        }
        if c.is_ascii_digit() || (c == '.' && self.peek_at(1).is_some_and(|d| d.is_ascii_digit())) {
            if self.number(start) {
                self.set_mode(Mode::Expr);
                return;
            }
        }
        if c == '[' {
            self.type_literal(start);
            self.set_mode(Mode::Expr);
            return;
        }
        if c == '{' {
            self.bump();
            self.open(start, Mode::Start, Mode::Expr, false);
            return;
        }
        if self.common(start, c, Mode::Expr) {
            if !matches!(self.tokens.last().map(|t| t.kind), Some(Kind::Open)) {
                self.set_mode(Mode::Expr);
            }
            return;
        }
        let wildcard_word = c == '*' && self.peek_at(1).is_some_and(|n| is_ident(n) || is_dash(n));
        if !wildcard_word && (is_dash(c) || matches!(c, '!' | '+' | '=' | '*' | '/' | '%' | '>' | '<')) {
            self.operator(start);
            self.set_mode(Mode::Expr);
            return;
        }
        if c == ':' && self.peek_at(1).is_some_and(|n| n.is_alphabetic()) {
            // A loop label.
            self.word(start, Kind::Argument);
            return;
        }
        // A bare word: keyword or command name.
        self.word(start, Kind::Command);
        let text = &self.src[start..self.pos];
        if stmt_start && is_keyword(text) {
            if let Some(t) = self.tokens.last_mut() {
                t.kind = Kind::Keyword;
            }
            let lower = text.to_ascii_lowercase();
            let next = if COND_KEYWORDS.contains(&lower.as_str()) {
                Mode::Cond
            } else if BLOCK_KEYWORDS.contains(&lower.as_str()) {
                Mode::Block
            } else if matches!(lower.as_str(), "function" | "filter" | "workflow" | "class" | "enum") {
                Mode::FuncName
            } else if matches!(lower.as_str(), "break" | "continue") {
                Mode::Label
            } else if lower == "param" {
                Mode::Cond
            } else {
                // return, throw, exit: an optional pipeline follows.
                self.frame().stmt_start = false;
                return;
            };
            self.set_mode(next);
            return;
        }
        self.set_mode(Mode::Args);
    }

    fn cond_token(&mut self, start: usize, c: char) {
        if c == '(' {
            self.bump();
            self.open(start, Mode::Start, Mode::Block, false);
        } else if is_dash(c) {
            // switch -Regex / -Wildcard …
            self.word(start, Kind::Parameter);
        } else if c == '{' {
            self.bump();
            self.open(start, Mode::Start, Mode::Start, false);
        } else {
            self.set_mode(Mode::Start);
            self.start_token(start, c);
        }
    }

    fn block_token(&mut self, start: usize, c: char) {
        if c == '{' {
            self.bump();
            self.open(start, Mode::Start, Mode::Start, false);
        } else if c == '(' {
            // function f($a) { … }
            self.bump();
            self.open(start, Mode::Start, Mode::Block, false);
        } else if c == '[' {
            // catch [System.Exception] { … }
            self.type_literal(start);
        } else if c == ',' {
            self.bump();
            self.push(Kind::Operator, start);
        } else {
            self.set_mode(Mode::Start);
            self.start_token(start, c);
        }
    }

    fn hash_key_token(&mut self, start: usize, c: char) {
        if c == '=' {
            self.bump();
            self.push(Kind::Operator, start);
            self.set_mode(Mode::Start);
            self.frame().stmt_start = false;
            return;
        }
        if self.common(start, c, Mode::HashKey) {
            return;
        }
        if c.is_ascii_digit() && self.number(start) {
            return;
        }
        while let Some(ch) = self.peek() {
            if ch.is_whitespace() || matches!(ch, '=' | ';' | '}') {
                break;
            }
            self.bump();
        }
        if self.pos == start {
            self.bump();
        }
        self.push(Kind::Argument, start);
    }

    fn type_literal(&mut self, start: usize) {
        self.bump();
        let mut depth = 1;
        while let Some(c) = self.bump() {
            match c {
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                '\n' => break,
                _ => {}
            }
        }
        self.push(Kind::Type, start);
    }

    fn operator(&mut self, start: usize) {
        let c = self.peek().unwrap_or(' ');
        self.bump();
        if is_dash(c) {
            if self.peek().is_some_and(|n| n.is_alphabetic()) {
                while self.peek().is_some_and(|n| n.is_alphabetic()) {
                    self.bump();
                }
            } else if matches!(self.peek(), Some('=') | Some('-')) {
                self.bump();
            }
        } else if (matches!(c, '+' | '*' | '/' | '%' | '!' | '=' | '>' | '<') && self.peek() == Some('='))
            || (c == '+' && self.peek() == Some('+'))
        {
            self.bump();
        }
        self.push(Kind::Operator, start);
    }

    fn arg_token(&mut self, start: usize, c: char) {
        if is_dash(c) && self.peek_at(1).is_some_and(|n| n.is_alphabetic() || n == '-' || n == '?') {
            // -Name or -Name:
            self.bump();
            while let Some(n) = self.peek() {
                if ends_word(n) || n == ':' || is_single_quote(n) || is_double_quote(n) {
                    break;
                }
                self.bump();
            }
            if self.peek() == Some(':') {
                self.bump();
            }
            self.push(Kind::Parameter, start);
            return;
        }
        if c == '&' {
            self.ampersand(start);
            return;
        }
        if self.common(start, c, Mode::Args) {
            return;
        }
        if c == '>' || c == '<' || ((c.is_ascii_digit() || c == '*') && self.peek_at(1) == Some('>')) {
            // Redirection: `>`, `>>`, `2>&1`, `*>`.
            self.bump();
            while matches!(self.peek(), Some('>') | Some('&')) {
                self.bump();
            }
            if self.src[start..self.pos].ends_with('&') {
                while self.peek().is_some_and(|d| d.is_ascii_digit()) {
                    self.bump();
                }
            }
            self.push(Kind::Punct, start);
            return;
        }
        self.word(start, Kind::Argument);
        let text = &self.src[start..self.pos];
        if number_len(text) == text.len() && !text.is_empty() {
            if let Some(t) = self.tokens.last_mut() {
                t.kind = Kind::Number;
            }
        }
    }

    fn expr_token(&mut self, start: usize, c: char) {
        if c == '=' && self.peek_at(1) != Some('=') {
            // Assignment: a statement follows.
            self.bump();
            self.push(Kind::Operator, start);
            self.set_mode(Mode::Start);
            self.frame().stmt_start = false;
            return;
        }
        if matches!(c, '+' | '-' | '*' | '/' | '%') && self.peek_at(1) == Some('=') {
            self.bump();
            self.bump();
            self.push(Kind::Operator, start);
            self.set_mode(Mode::Start);
            self.frame().stmt_start = false;
            return;
        }
        if c == '.' && self.peek_at(1) == Some('.') {
            self.pos += 2;
            self.push(Kind::Operator, start);
            return;
        }
        if c == '[' && !self.after_operand() {
            self.type_literal(start);
            return;
        }
        if self.common(start, c, Mode::Expr) {
            return;
        }
        if c.is_ascii_digit() || (c == '.' && self.peek_at(1).is_some_and(|d| d.is_ascii_digit())) {
            if self.number(start) {
                return;
            }
        }
        if is_dash(c) || matches!(c, '!' | '+' | '*' | '/' | '%' | '>' | '<' | '=') {
            self.operator(start);
            return;
        }
        if c == '&' {
            self.ampersand(start);
            return;
        }
        // A bare word in an expression: `in` (foreach), else something unknown.
        while self.peek().is_some_and(|n| is_ident(n) || n == '-' || n == '.' || n == '\\' || n == ':') {
            self.bump();
        }
        if self.pos == start {
            self.bump();
        }
        let kind = if self.src[start..self.pos].eq_ignore_ascii_case("in") { Kind::Keyword } else { Kind::Argument };
        self.push(kind, start);
    }
}

/// The length in bytes of a PowerShell number literal at the start of `s`, or 0.
fn number_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    if b.len() >= 2 && b[0] == b'-' && (b[1].is_ascii_digit() || b[1] == b'.') {
        i = 1;
    }
    let digits_start = i;
    if b.len() > i + 2 && b[i] == b'0' && (b[i + 1] == b'x' || b[i + 1] == b'X') && b[i + 2].is_ascii_hexdigit() {
        i += 2;
        while i < b.len() && b[i].is_ascii_hexdigit() {
            i += 1;
        }
    } else {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        if i == digits_start {
            return 0;
        }
        if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
            let mut j = i + 1;
            if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
                j += 1;
            }
            if j < b.len() && b[j].is_ascii_digit() {
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                i = j;
            }
        }
    }
    if i == digits_start {
        return 0;
    }
    // Type suffix and multiplier.
    if i < b.len() && matches!(b[i], b'l' | b'L' | b'd' | b'D') {
        i += 1;
    }
    if i + 1 < b.len() {
        let m = [b[i].to_ascii_lowercase(), b[i + 1].to_ascii_lowercase()];
        if matches!(&m, b"kb" | b"mb" | b"gb" | b"tb" | b"pb") {
            i += 2;
        }
    }
    // A number must not run into a word (`1abc` is a word).
    if i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
        return 0;
    }
    i
}

/// Tokenizes `src` and returns the tokens with the mode expected after the last one.
pub fn tokenize_with_mode(src: &str) -> (Vec<Token>, Mode) {
    let mut lx = Lexer { src, pos: 0, tokens: Vec::new(), frames: Vec::new() };
    lx.run();
    let mode = lx.mode();
    (lx.tokens, mode)
}

/// Tokenizes `src` (whitespace is not a token).
pub fn tokenize(src: &str) -> Vec<Token> {
    tokenize_with_mode(src).0
}

/// PSReadLine's default colour for a token kind, as an SGR sequence; `None` for the default colour.
pub fn color(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::Command => Some("\x1b[93m"),                    // Yellow
        Kind::Parameter | Kind::Operator => Some("\x1b[90m"), // DarkGray
        Kind::String => Some("\x1b[36m"),                     // DarkCyan
        Kind::Variable | Kind::Keyword => Some("\x1b[92m"),   // Green
        Kind::Number => Some("\x1b[97m"),                     // White
        Kind::Comment => Some("\x1b[32m"),                    // DarkGreen
        Kind::Type => Some("\x1b[37m"),                       // Gray
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
    for t in tokenize(src) {
        if t.end <= from {
            continue;
        }
        let start = t.start.max(from);
        if start < at {
            continue;
        }
        out.push_str(&src[at..start]);
        match color(t.kind) {
            Some(c) => {
                out.push_str(c);
                out.push_str(&src[start..t.end]);
                out.push_str("\x1b[0m");
            }
            None => out.push_str(&src[start..t.end]),
        }
        at = t.end;
    }
    out.push_str(&src[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(Kind, &str)> {
        tokenize(src).into_iter().map(|t| (t.kind, &src[t.start..t.end])).collect()
    }

    #[test]
    fn command_parameters_and_arguments() {
        assert_eq!(
            kinds("Get-Mailbox -Identity michelle -ResultSize 10"),
            vec![
                (Kind::Command, "Get-Mailbox"),
                (Kind::Parameter, "-Identity"),
                (Kind::Argument, "michelle"),
                (Kind::Parameter, "-ResultSize"),
                (Kind::Number, "10"),
            ]
        );
    }

    #[test]
    fn pipeline_starts_a_new_command() {
        let k = kinds("Get-Mailbox | Where-Object { $_.Name -like 'a*' } | ft Name");
        assert_eq!(k[0], (Kind::Command, "Get-Mailbox"));
        assert_eq!(k[1], (Kind::Pipe, "|"));
        assert_eq!(k[2], (Kind::Command, "Where-Object"));
        assert_eq!(k[3], (Kind::Open, "{"));
        assert_eq!(k[4], (Kind::Variable, "$_"));
        assert_eq!(k[5], (Kind::Punct, "."));
        assert_eq!(k[6], (Kind::Member, "Name"));
        assert_eq!(k[7], (Kind::Operator, "-like"));
        assert_eq!(k[8], (Kind::String, "'a*'"));
        assert_eq!(k[9], (Kind::Close, "}"));
        assert_eq!(k[11], (Kind::Command, "ft"));
        assert_eq!(k[12], (Kind::Argument, "Name"));
    }

    #[test]
    fn keywords_only_at_statement_start() {
        let k = kinds("foreach ($m in $list) { Write-Host $m } ; 1..3 | foreach { $_ }");
        assert_eq!(k[0], (Kind::Keyword, "foreach"));
        assert_eq!(k[2], (Kind::Variable, "$m"));
        assert_eq!(k[3], (Kind::Keyword, "in"));
        assert_eq!(k[7], (Kind::Command, "Write-Host"));
        let last_foreach = k.iter().filter(|(_, s)| *s == "foreach").map(|(kd, _)| *kd).collect::<Vec<_>>();
        assert_eq!(last_foreach, vec![Kind::Keyword, Kind::Command]);
        assert!(k.contains(&(Kind::Number, "1")));
        assert!(k.contains(&(Kind::Operator, "..")));
    }

    #[test]
    fn if_else_blocks() {
        let k = kinds("if ($x -eq 1) { Get-User } else { Get-Group }");
        assert_eq!(k[0], (Kind::Keyword, "if"));
        assert!(k.contains(&(Kind::Command, "Get-User")));
        assert!(k.contains(&(Kind::Keyword, "else")));
        assert!(k.contains(&(Kind::Command, "Get-Group")));
        assert!(k.contains(&(Kind::Number, "1")));
    }

    #[test]
    fn assignment_then_command() {
        let k = kinds("$m = Get-Mailbox michelle; $n = 5 + $x");
        assert_eq!(k[0], (Kind::Variable, "$m"));
        assert_eq!(k[1], (Kind::Operator, "="));
        assert_eq!(k[2], (Kind::Command, "Get-Mailbox"));
        assert_eq!(k[3], (Kind::Argument, "michelle"));
        assert!(k.contains(&(Kind::Number, "5")));
        assert!(k.contains(&(Kind::Operator, "+")));
    }

    #[test]
    fn strings_with_embedded_variables() {
        let k = kinds("Write-Host \"Hello $name!\" 'it''s'");
        assert_eq!(k[1], (Kind::String, "\"Hello "));
        assert_eq!(k[2], (Kind::Variable, "$name"));
        assert_eq!(k[3], (Kind::String, "!\""));
        assert_eq!(k[4], (Kind::String, "'it''s'"));
    }

    #[test]
    fn unterminated_things_run_to_the_end() {
        assert_eq!(kinds("echo 'abc"), vec![(Kind::Command, "echo"), (Kind::String, "'abc")]);
        assert_eq!(kinds("<# open"), vec![(Kind::Comment, "<# open")]);
        let (t, mode) = tokenize_with_mode("Get-Mailbox | ForEach-Object {");
        assert_eq!(t.last().map(|t| t.kind), Some(Kind::Open));
        assert_eq!(mode, Mode::Start);
    }

    #[test]
    fn comments_types_and_hashtables() {
        let k = kinds("[string]$x = @{ Name = 'a'; Size = 10MB } # done");
        assert_eq!(k[0], (Kind::Type, "[string]"));
        assert_eq!(k[1], (Kind::Variable, "$x"));
        assert_eq!(k[3], (Kind::Open, "@{"));
        assert_eq!(k[4], (Kind::Argument, "Name"));
        assert_eq!(k[5], (Kind::Operator, "="));
        assert!(k.contains(&(Kind::Argument, "Size")));
        assert!(k.contains(&(Kind::Number, "10MB")));
        assert_eq!(k.last(), Some(&(Kind::Comment, "# done")));
    }

    #[test]
    fn switch_colon_form_and_redirection() {
        let k = kinds("Remove-Mailbox x -Confirm:$false 2>&1 > out.txt");
        assert_eq!(k[2], (Kind::Parameter, "-Confirm:"));
        assert_eq!(k[3], (Kind::Variable, "$false"));
        assert_eq!(k[4], (Kind::Punct, "2>&1"));
        assert_eq!(k[5], (Kind::Punct, ">"));
        assert_eq!(k[6], (Kind::Argument, "out.txt"));
    }

    #[test]
    fn modes_at_the_end() {
        assert_eq!(tokenize_with_mode("").1, Mode::Start);
        assert_eq!(tokenize_with_mode("Get-Mailbox ").1, Mode::Args);
        assert_eq!(tokenize_with_mode("$x -eq ").1, Mode::Expr);
        assert_eq!(tokenize_with_mode("Get-Mailbox | ").1, Mode::Start);
        assert_eq!(tokenize_with_mode("Get-Mailbox (").1, Mode::Start);
        assert_eq!(tokenize_with_mode("Get-Mailbox (Get-User x) ").1, Mode::Args);
    }

    #[test]
    fn numbers() {
        assert_eq!(number_len("42"), 2);
        assert_eq!(number_len("0x1F"), 4);
        assert_eq!(number_len("1.5e3"), 5);
        assert_eq!(number_len("10GB"), 4);
        assert_eq!(number_len("-3"), 2);
        assert_eq!(number_len("1abc"), 0);
        assert_eq!(number_len("1..3"), 1);
        assert_eq!(number_len("abc"), 0);
    }

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
