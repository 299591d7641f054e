//! The tolerant token mode: PowerShell text to classified tokens, for colouring and completion.
//!
//! [`tokens`] classifies the text typed so far (commands, parameters, strings, variables, numbers,
//! operators, comments, keywords, type names, members) with spans, tracking command versus
//! expression mode through nested `(…)`, `{…}`, `$(…)`, `@(…)` and `@{…}`. It never fails and never
//! panics: an unterminated string, here-string, `${`, `$(`, block comment or group simply runs to the
//! end of the input. It reuses the parser's own pieces (character classes, the keyword table and its
//! word-boundary rule, number literals, operator words, quoted strings, here-strings, variables and
//! `$( )` inside strings), so what the parser reads as a keyword, a number or an operator is
//! classified the same here. It must not be used to run code: that is [`super::parse`]'s job.

mod quoted;

use super::parse::Parser;
use super::parse::lex::{Keyword, is_dash, is_dquote, is_name_char, is_operator_word, is_space, is_squote};
use super::span::Span;

/// What a token is, for colouring and completion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A command name at command position (`Get-Mailbox`).
    Command,
    /// A language keyword (`if`, `foreach`, `function`, `in`).
    Keyword,
    /// A parameter name in command mode (`-Identity`, `-Confirm:`), or a dash word that is no operator.
    Parameter,
    /// A string literal (single, double or here-string), possibly unterminated; a double-quoted
    /// string is split around the variables and `$( )` subexpressions it embeds.
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

/// A classified piece of the input. Whitespace is not a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Where it is (byte offsets into the input).
    pub span: Span,
}

/// What the tokenizer expects next (the state at the end of the input, for completion).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LexMode {
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

/// Tokenizes `src`. Never fails, never panics; the spans are in order and do not overlap.
pub fn tokens(src: &str) -> Vec<Token> {
    tokens_with_mode(src).0
}

/// Tokenizes `src` and returns the tokens with the mode expected after the last one.
pub fn tokens_with_mode(src: &str) -> (Vec<Token>, LexMode) {
    let mut lx = Lexer { src, pos: 0, tokens: Vec::new(), frames: Vec::new() };
    lx.run();
    let mode = lx.mode();
    (lx.tokens, mode)
}

/// What follows a statement keyword.
fn after_keyword(kw: Keyword) -> Option<LexMode> {
    use Keyword as K;
    Some(match kw {
        K::If | K::ElseIf | K::While | K::Switch | K::Foreach | K::For | K::Until | K::Param => LexMode::Cond,
        K::Else
        | K::Try
        | K::Finally
        | K::Do
        | K::Begin
        | K::Process
        | K::End
        | K::DynamicParam
        | K::Catch
        | K::Trap
        | K::Parallel
        | K::Sequence
        | K::Data => LexMode::Block,
        K::Function | K::Filter | K::Workflow | K::Class | K::Enum => LexMode::FuncName,
        K::Break | K::Continue => LexMode::Label,
        // return, throw, exit: an optional pipeline follows; `using`: its directive and name.
        K::Return | K::Throw | K::Exit | K::Using => return None,
    })
}

#[derive(Debug, Clone, Copy)]
struct Frame {
    mode: LexMode,
    /// Keywords are recognised (start of a statement, not after `|`).
    stmt_start: bool,
    /// Mode of the enclosing frame after this one closes.
    restore: LexMode,
    /// True for `@{`, whose statements are `key = value` pairs.
    hash: bool,
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
    /// The input from the cursor on.
    fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    /// A parser over the whole input, for its lexing primitives (which take a suffix of it).
    fn parser(&self) -> Parser<'a> {
        Parser::new(self.src)
    }

    /// Moves the cursor to the start of `rest`, a suffix of the input left by a parser primitive.
    fn seek(&mut self, rest: &str) {
        self.pos = self.src.len().saturating_sub(rest.len()).max(self.pos);
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.rest().chars().nth(n)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn frame(&mut self) -> &mut Frame {
        if self.frames.is_empty() {
            self.frames.push(Frame { mode: LexMode::Start, stmt_start: true, restore: LexMode::Start, hash: false });
        }
        let last = self.frames.len() - 1;
        &mut self.frames[last]
    }

    fn mode(&mut self) -> LexMode {
        self.frame().mode
    }

    fn set_mode(&mut self, mode: LexMode) {
        let f = self.frame();
        f.mode = mode;
        if mode != LexMode::Start {
            f.stmt_start = false;
        }
    }

    /// A statement follows (after `=` in an assignment or a hashtable entry), as in the parser.
    fn statement_follows(&mut self) {
        let f = self.frame();
        f.mode = LexMode::Start;
        f.stmt_start = true;
    }

    fn push(&mut self, kind: TokenKind, start: usize) {
        self.push_span(kind, start, self.pos);
    }

    fn push_span(&mut self, kind: TokenKind, start: usize, end: usize) {
        if end > start {
            self.tokens.push(Token { kind, span: Span::new(start, end) });
        }
    }

    /// True when the previous token ends right here and is something a member access can follow.
    fn after_operand(&self) -> bool {
        self.tokens.last().is_some_and(|t| {
            t.span.end == self.pos
                && matches!(
                    t.kind,
                    TokenKind::Variable | TokenKind::Close | TokenKind::Member | TokenKind::Type | TokenKind::String
                )
        })
    }

    fn open(&mut self, start: usize, inner: LexMode, restore: LexMode, hash: bool) {
        self.push(TokenKind::Open, start);
        self.frames.push(Frame { mode: inner, stmt_start: inner == LexMode::Start, restore, hash });
    }

    fn close(&mut self, start: usize) {
        self.push(TokenKind::Close, start);
        if self.frames.len() > 1 {
            if let Some(f) = self.frames.pop() {
                let restore = f.restore;
                let outer = self.frame();
                outer.mode = restore;
                outer.stmt_start = restore == LexMode::Start;
            }
        } else {
            self.set_mode(LexMode::Expr);
        }
    }

    fn run(&mut self) {
        // Steps that consume nothing only change the mode; a few in a row would be a bug, so the
        // character is then taken as an argument rather than looping.
        let mut idle = 0;
        let mut last = usize::MAX;
        while let Some(c) = self.peek() {
            let start = self.pos;
            idle = if start == last { idle + 1 } else { 0 };
            last = start;
            if idle > 4 {
                self.bump();
                self.push(TokenKind::Argument, start);
                continue;
            }
            // Between tokens a backtick before a newline continues the line, and before a blank it
            // is whitespace (tokenizer.cs; as the parser's `ws`).
            if c == '`' {
                let after = self.rest().get(1..).unwrap_or("");
                let continued = after.strip_prefix("\r\n").or_else(|| after.strip_prefix(['\n', '\r']));
                if let Some(r) = continued {
                    self.seek(r);
                    continue;
                }
                if after.starts_with([' ', '\t', '\u{0b}', '\u{0c}']) {
                    self.seek(after);
                    continue;
                }
            }
            if c == '\n' || c == '\r' {
                self.bump();
                if c == '\r' && self.peek() == Some('\n') {
                    self.bump();
                }
                self.push(TokenKind::Separator, start);
                self.separator();
                continue;
            }
            if is_space(c) || c.is_whitespace() {
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
                    self.push(TokenKind::Separator, start);
                    self.separator();
                    continue;
                }
                '|' => {
                    self.bump();
                    if self.peek() == Some('|') {
                        self.bump();
                        self.push(TokenKind::Separator, start);
                        self.separator();
                    } else {
                        self.push(TokenKind::Pipe, start);
                        let f = self.frame();
                        f.mode = LexMode::Start;
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
                LexMode::Start => self.start_token(start, c),
                LexMode::Args => self.arg_token(start, c),
                LexMode::Expr => self.expr_token(start, c),
                LexMode::HashKey => self.hash_key_token(start, c),
                LexMode::FuncName => {
                    self.word(start, TokenKind::Argument);
                    self.set_mode(LexMode::Block);
                }
                LexMode::Label => {
                    if c.is_alphabetic() {
                        self.word(start, TokenKind::Argument);
                        self.set_mode(LexMode::Args);
                    } else {
                        self.set_mode(LexMode::Start);
                        self.frame().stmt_start = false;
                    }
                }
                LexMode::Cond => self.cond_token(start, c),
                LexMode::Block => self.block_token(start, c),
            }
        }
    }

    /// `&` (call operator) or `&&` (a pipeline chain separator).
    fn ampersand(&mut self, start: usize) {
        self.bump();
        if self.peek() == Some('&') {
            self.bump();
            self.push(TokenKind::Separator, start);
            self.separator();
            return;
        }
        self.push(TokenKind::Punct, start);
    }

    fn separator(&mut self) {
        let f = self.frame();
        f.mode = if f.hash { LexMode::HashKey } else { LexMode::Start };
        f.stmt_start = true;
    }

    fn line_comment(&mut self, start: usize) {
        while let Some(c) = self.peek() {
            if c == '\n' || c == '\r' {
                break;
            }
            self.bump();
        }
        self.push(TokenKind::Comment, start);
    }

    fn block_comment(&mut self, start: usize) {
        self.pos += 2;
        match self.rest().find("#>") {
            Some(i) => self.pos += i + 2,
            None => self.pos = self.src.len(),
        }
        self.push(TokenKind::Comment, start);
    }

    /// Tokens common to every mode; returns true when one was consumed.
    fn common(&mut self, start: usize, c: char, mode_after: LexMode) -> bool {
        if is_squote(c) {
            self.single_quoted(start);
            self.set_mode(mode_after);
            return true;
        }
        if is_dquote(c) {
            self.double_quoted(start);
            self.set_mode(mode_after);
            return true;
        }
        if c == '@' {
            match self.peek_at(1) {
                Some(q) if (is_squote(q) || is_dquote(q)) && self.here_string(start) => {
                    self.set_mode(mode_after);
                    return true;
                }
                Some('(') => {
                    self.pos += 2;
                    self.open(start, LexMode::Start, mode_after, false);
                    return true;
                }
                Some('{') => {
                    self.pos += 2;
                    self.open(start, LexMode::HashKey, mode_after, true);
                    return true;
                }
                Some(n) if is_name_char(n) => {
                    self.bump();
                    while self.peek().is_some_and(is_name_char) {
                        self.bump();
                    }
                    self.push(TokenKind::Variable, start);
                    self.set_mode(mode_after);
                    return true;
                }
                _ => return false,
            }
        }
        if c == '$' {
            if self.peek_at(1) == Some('(') {
                self.pos += 2;
                self.open(start, LexMode::Start, mode_after, false);
                return true;
            }
            self.variable(start);
            self.set_mode(mode_after);
            return true;
        }
        if c == '(' || c == '{' {
            self.bump();
            self.open(start, LexMode::Start, mode_after, false);
            return true;
        }
        if c == ',' {
            self.bump();
            self.push(TokenKind::Operator, start);
            return true;
        }
        if (c == '.' || c == ':') && self.after_operand() {
            // Member access: `$x.Name`, `[math]::Round`.
            self.bump();
            if c == ':' && self.peek() == Some(':') {
                self.bump();
            }
            self.push(TokenKind::Punct, start);
            let m = self.pos;
            while self.peek().is_some_and(is_name_char) {
                self.bump();
            }
            self.push(TokenKind::Member, m);
            return true;
        }
        if c == '[' && self.after_operand() {
            self.bump();
            let current = self.mode();
            self.open(start, LexMode::Start, current, false);
            return true;
        }
        false
    }

    /// A bare word in command mode: up to whitespace or a delimiter.
    fn word(&mut self, start: usize, kind: TokenKind) {
        while let Some(c) = self.peek() {
            if c == '`' {
                self.bump();
                self.bump();
                continue;
            }
            if ends_word(c) || is_squote(c) || is_dquote(c) {
                break;
            }
            self.bump();
        }
        self.push(kind, start);
    }

    /// A number literal at the cursor as the parser reads it (in command mode when `arg_mode`);
    /// false, consuming nothing, when there is none.
    fn number(&mut self, start: usize, arg_mode: bool) -> bool {
        let Ok((r, _)) = self.parser().number(self.rest(), arg_mode) else {
            return false;
        };
        self.seek(r);
        self.push(TokenKind::Number, start);
        true
    }

    fn start_token(&mut self, start: usize, c: char) {
        let stmt_start = self.frame().stmt_start;
        if c == '&' || (c == '.' && self.peek_at(1).is_some_and(|n| n.is_whitespace() || n == '\'' || n == '"')) {
            self.bump();
            if c == '&' && self.peek() == Some('&') {
                self.bump();
                self.push(TokenKind::Separator, start);
                self.separator();
                return;
            }
            self.push(TokenKind::Punct, start);
            self.frame().stmt_start = false;
            return;
        }
        if (c.is_ascii_digit() || (c == '.' && self.peek_at(1).is_some_and(|d| d.is_ascii_digit())))
            && self.number(start, false)
        {
            self.set_mode(LexMode::Expr);
            return;
        }
        if c == '[' {
            self.type_literal(start);
            self.set_mode(LexMode::Expr);
            return;
        }
        if c == '{' {
            self.bump();
            self.open(start, LexMode::Start, LexMode::Expr, false);
            return;
        }
        if self.common(start, c, LexMode::Expr) {
            if !matches!(self.tokens.last().map(|t| t.kind), Some(TokenKind::Open)) {
                self.set_mode(LexMode::Expr);
            }
            return;
        }
        let wildcard_word = c == '*' && self.peek_at(1).is_some_and(|n| is_name_char(n) || is_dash(n));
        if !wildcard_word && (is_dash(c) || matches!(c, '!' | '+' | '=' | '*' | '/' | '%' | '>' | '<')) {
            self.operator(start);
            self.set_mode(LexMode::Expr);
            return;
        }
        if c == ':' && self.peek_at(1).is_some_and(|n| n.is_alphabetic()) {
            // A loop label.
            self.word(start, TokenKind::Argument);
            return;
        }
        // A keyword, as the parser reads one at the start of a statement.
        if stmt_start && let Some((kw, r)) = self.parser().statement_keyword(self.rest()) {
            self.seek(r);
            self.push(TokenKind::Keyword, start);
            match after_keyword(kw) {
                Some(next) => self.set_mode(next),
                None => self.frame().stmt_start = false,
            }
            return;
        }
        // A bare word: a command name.
        self.word(start, TokenKind::Command);
        self.set_mode(LexMode::Args);
    }

    fn cond_token(&mut self, start: usize, c: char) {
        if c == '(' {
            self.bump();
            self.open(start, LexMode::Start, LexMode::Block, false);
        } else if is_dash(c) {
            // switch -Regex / -Wildcard …
            self.word(start, TokenKind::Parameter);
        } else if c == '{' {
            self.bump();
            self.open(start, LexMode::Start, LexMode::Start, false);
        } else {
            self.set_mode(LexMode::Start);
            self.start_token(start, c);
        }
    }

    fn block_token(&mut self, start: usize, c: char) {
        if c == '{' {
            self.bump();
            self.open(start, LexMode::Start, LexMode::Start, false);
        } else if c == '(' {
            // function f($a) { … }
            self.bump();
            self.open(start, LexMode::Start, LexMode::Block, false);
        } else if c == '[' {
            // catch [System.Exception] { … }
            self.type_literal(start);
        } else if c == ',' {
            self.bump();
            self.push(TokenKind::Operator, start);
        } else {
            self.set_mode(LexMode::Start);
            self.start_token(start, c);
        }
    }

    fn hash_key_token(&mut self, start: usize, c: char) {
        if c == '=' {
            self.bump();
            self.push(TokenKind::Operator, start);
            self.statement_follows();
            return;
        }
        if self.common(start, c, LexMode::HashKey) {
            return;
        }
        if c.is_ascii_digit() && self.number(start, false) {
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
        self.push(TokenKind::Argument, start);
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
        self.push(TokenKind::Type, start);
    }

    /// An operator; a dash word that names no operator (`$x -foo`) is a parameter token, as in
    /// PowerShell's tokenizer.
    fn operator(&mut self, start: usize) {
        let c = self.peek().unwrap_or(' ');
        self.bump();
        let mut kind = TokenKind::Operator;
        if is_dash(c) {
            if self.peek().is_some_and(|n| n.is_alphabetic()) {
                let w = self.pos;
                while self.peek().is_some_and(|n| n.is_alphanumeric()) {
                    self.bump();
                }
                if !is_operator_word(self.src.get(w..self.pos).unwrap_or("")) {
                    kind = TokenKind::Parameter;
                }
            } else if matches!(self.peek(), Some('=') | Some('-')) {
                self.bump();
            }
        } else if (matches!(c, '+' | '*' | '/' | '%' | '!' | '=' | '>' | '<') && self.peek() == Some('='))
            || (c == '+' && self.peek() == Some('+'))
        {
            self.bump();
        }
        self.push(kind, start);
    }

    fn arg_token(&mut self, start: usize, c: char) {
        if is_dash(c) && self.peek_at(1).is_some_and(|n| n.is_alphabetic() || n == '-' || n == '?') {
            // -Name or -Name:
            self.bump();
            while let Some(n) = self.peek() {
                if ends_word(n) || n == ':' || is_squote(n) || is_dquote(n) {
                    break;
                }
                self.bump();
            }
            if self.peek() == Some(':') {
                self.bump();
            }
            self.push(TokenKind::Parameter, start);
            return;
        }
        if c == '&' {
            self.ampersand(start);
            return;
        }
        if self.common(start, c, LexMode::Args) {
            return;
        }
        if c == '>' || c == '<' || ((c.is_ascii_digit() || c == '*') && self.peek_at(1) == Some('>')) {
            // Redirection: `>`, `>>`, `2>&1`, `*>`.
            self.bump();
            while matches!(self.peek(), Some('>') | Some('&')) {
                self.bump();
            }
            if self.src.get(start..self.pos).is_some_and(|s| s.ends_with('&')) {
                while self.peek().is_some_and(|d| d.is_ascii_digit()) {
                    self.bump();
                }
            }
            self.push(TokenKind::Punct, start);
            return;
        }
        let numeric = c.is_ascii_digit()
            || ((c == '.' || is_dash(c)) && self.peek_at(1).is_some_and(|d| d.is_ascii_digit() || d == '.'));
        if numeric && self.number(start, true) {
            return;
        }
        self.word(start, TokenKind::Argument);
    }

    fn expr_token(&mut self, start: usize, c: char) {
        if c == '=' && self.peek_at(1) != Some('=') {
            // Assignment: a statement follows.
            self.bump();
            self.push(TokenKind::Operator, start);
            self.statement_follows();
            return;
        }
        if matches!(c, '+' | '-' | '*' | '/' | '%') && self.peek_at(1) == Some('=') {
            self.bump();
            self.bump();
            self.push(TokenKind::Operator, start);
            self.statement_follows();
            return;
        }
        if c == '.' && self.peek_at(1) == Some('.') {
            self.pos += 2;
            self.push(TokenKind::Operator, start);
            return;
        }
        if c == '[' && !self.after_operand() {
            self.type_literal(start);
            return;
        }
        if self.common(start, c, LexMode::Expr) {
            return;
        }
        if (c.is_ascii_digit() || (c == '.' && self.peek_at(1).is_some_and(|d| d.is_ascii_digit())))
            && self.number(start, false)
        {
            return;
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
        while self.peek().is_some_and(|n| is_name_char(n) || n == '-' || n == '.' || n == '\\' || n == ':') {
            self.bump();
        }
        if self.pos == start {
            self.bump();
        }
        let word = self.src.get(start..self.pos).unwrap_or("");
        let kind = if word.eq_ignore_ascii_case("in") { TokenKind::Keyword } else { TokenKind::Argument };
        self.push(kind, start);
    }
}

#[cfg(test)]
mod tests;
