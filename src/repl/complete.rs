//! Tab completion, driven by the cmdlet signatures and the org: command names (cmdlets, aliases,
//! functions) at command position, `-Parameter` names of the command being typed, values of enum,
//! ValidateSet and identity parameters, and `$variables`.
//!
//! Everything here is pure: [`Catalog`] is a snapshot of what can be completed, and [`complete`]
//! reads the text before the cursor through the syntax layer's tolerant tokenizer. No terminal, no engine.

use crate::cmdlet::{IdentityKind, ParamType, Registry, Signature};
use crate::directory::{Directory, ExchangeVersion, RecipientKind};
use crate::syntax::{LexMode, Token, TokenKind, tokens_with_mode};

/// PowerShell's common parameters, offered for every cmdlet after its own.
pub const COMMON_PARAMS: &[&str] = &[
    "Verbose",
    "Debug",
    "ErrorAction",
    "WarningAction",
    "InformationAction",
    "ErrorVariable",
    "WarningVariable",
    "InformationVariable",
    "OutVariable",
    "OutBuffer",
    "PipelineVariable",
];

/// Values of the `-ErrorAction`-style common parameters (`ActionPreference`).
const ACTION_PREFERENCE: &[&str] = &["SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend"];

/// Automatic and preference variables that always exist in a session.
pub const AUTOMATIC_VARIABLES: &[&str] = &[
    "_",
    "args",
    "ConfirmPreference",
    "Error",
    "ErrorActionPreference",
    "false",
    "FormatEnumerationLimit",
    "HOME",
    "Host",
    "input",
    "LASTEXITCODE",
    "Matches",
    "null",
    "OFS",
    "PSItem",
    "PSScriptRoot",
    "PSVersionTable",
    "PWD",
    "true",
    "VerbosePreference",
    "WarningPreference",
    "WhatIfPreference",
];

/// One recipient as completion needs it.
#[derive(Debug, Clone)]
struct IdRecipient {
    alias: String,
    name: String,
    kind: RecipientKind,
    has_sid: bool,
    folders: Vec<String>,
}

/// A snapshot of everything that can be completed.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    commands: Vec<Signature>,
    aliases: Vec<(String, String)>,
    functions: Vec<String>,
    variables: Vec<String>,
    recipients: Vec<IdRecipient>,
    principals: Vec<String>,
    databases: Vec<String>,
    version: Option<ExchangeVersion>,
}

impl Catalog {
    /// The commands of `registry` that exist in `version`, with their aliases.
    pub fn new(registry: &Registry, version: ExchangeVersion) -> Catalog {
        let commands: Vec<Signature> =
            registry.entries().filter(|e| e.signature.available_in(version)).map(|e| e.signature.clone()).collect();
        Catalog::from_signatures(commands, registry.aliases(), version)
    }

    /// A catalog over these signatures and aliases (`(alias, target)`).
    pub fn from_signatures(commands: Vec<Signature>, aliases: &[(&str, &str)], version: ExchangeVersion) -> Catalog {
        Catalog {
            commands,
            aliases: aliases.iter().map(|(a, t)| (a.to_string(), t.to_string())).collect(),
            version: Some(version),
            ..Catalog::default()
        }
    }

    /// Replaces the user-defined function names.
    pub fn set_functions(&mut self, names: Vec<String>) {
        self.functions = names;
    }

    /// Replaces the variable names (without `$`).
    pub fn set_variables(&mut self, names: Vec<String>) {
        self.variables = names;
    }

    /// Takes the identities (recipients, principals, databases, folders) from the org.
    pub fn set_directory(&mut self, dir: &Directory) {
        self.recipients = dir
            .recipients
            .iter()
            .map(|r| IdRecipient {
                alias: r.alias.clone(),
                name: r.name.clone(),
                kind: r.kind,
                has_sid: r.sid.is_some(),
                folders: r.folders.iter().map(|f| f.path.clone()).collect(),
            })
            .collect();
        self.principals = dir.principals.iter().map(|p| p.account.clone()).collect();
        self.databases = dir.databases.iter().map(|d| d.name.clone()).collect();
    }

    fn signature(&self, name: &str) -> Option<&Signature> {
        let target = self.aliases.iter().find(|(a, _)| a.eq_ignore_ascii_case(name)).map(|(_, t)| t.as_str());
        let name = target.unwrap_or(name);
        self.commands.iter().find(|s| s.name.eq_ignore_ascii_case(name))
    }

    fn param_available(&self, p: &crate::cmdlet::Param) -> bool {
        self.version.is_none_or(|v| p.available_in(v))
    }

    /// Every parameter name of `sig`: its own, then the common ones, then WhatIf/Confirm.
    fn param_names(&self, sig: &Signature) -> Vec<String> {
        let mut out: Vec<String> =
            sig.params.iter().filter(|p| self.param_available(p)).map(|p| p.name.to_string()).collect();
        out.extend(COMMON_PARAMS.iter().map(|s| s.to_string()));
        if sig.should_process.is_some() {
            out.push("WhatIf".into());
            out.push("Confirm".into());
        }
        out
    }

    fn identity_values(&self, kind: IdentityKind) -> Vec<String> {
        let mut out = Vec::new();
        let names = |r: &IdRecipient, out: &mut Vec<String>| {
            out.push(r.alias.clone());
            if !r.name.eq_ignore_ascii_case(&r.alias) {
                out.push(r.name.clone());
            }
        };
        match kind {
            IdentityKind::Mailbox | IdentityKind::MailboxOrMailUser => {
                self.recipients.iter().filter(|r| r.kind.is_mailbox()).for_each(|r| names(r, &mut out))
            }
            IdentityKind::Recipient | IdentityKind::AdRawEntry => {
                self.recipients.iter().for_each(|r| names(r, &mut out))
            }
            IdentityKind::User => {
                self.recipients.iter().filter(|r| r.has_sid && !r.kind.is_group()).for_each(|r| names(r, &mut out))
            }
            IdentityKind::SecurityPrincipal => {
                self.recipients.iter().filter(|r| r.has_sid).for_each(|r| names(r, &mut out));
                out.extend(self.principals.iter().cloned());
            }
            IdentityKind::MailboxFolderUser => {
                out.push("Default".into());
                out.push("Anonymous".into());
                self.recipients.iter().filter(|r| r.has_sid).for_each(|r| names(r, &mut out));
            }
            IdentityKind::DistributionGroup | IdentityKind::Group => {
                self.recipients.iter().filter(|r| r.kind.is_group()).for_each(|r| names(r, &mut out))
            }
            IdentityKind::MailContact | IdentityKind::Contact => {
                self.recipients.iter().filter(|r| r.kind == RecipientKind::MailContact).for_each(|r| names(r, &mut out))
            }
            IdentityKind::MailUser => {
                self.recipients.iter().filter(|r| r.kind == RecipientKind::MailUser).for_each(|r| names(r, &mut out))
            }
            IdentityKind::Database => out.extend(self.databases.iter().cloned()),
            IdentityKind::MailboxFolder => {
                for r in self.recipients.iter().filter(|r| r.kind.is_mailbox()) {
                    out.push(format!("{}:\\", r.alias));
                    for f in r.folders.iter().filter(|f| !f.is_empty()) {
                        out.push(format!("{}:\\{}", r.alias, f));
                    }
                }
            }
        }
        out
    }

    fn variable_names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for n in self.variables.iter().map(String::as_str).chain(AUTOMATIC_VARIABLES.iter().copied()) {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(n)) {
                out.push(n.to_string());
            }
        }
        out.sort_by_key(|a| a.to_ascii_lowercase());
        out
    }

    fn command_names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let all = self
            .commands
            .iter()
            .map(|s| s.name)
            .chain(self.aliases.iter().map(|(a, _)| a.as_str()))
            .chain(self.functions.iter().map(String::as_str));
        for n in all {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(n)) {
                out.push(n.to_string());
            }
        }
        out.sort_by_key(|a| a.to_ascii_lowercase());
        out
    }
}

/// Case-insensitive match of `candidate` against what was typed: a prefix, or a wildcard pattern
/// (`*` and `?`) with an implied trailing `*`.
pub fn matches(typed: &str, candidate: &str) -> bool {
    if !typed.contains(['*', '?']) {
        return candidate.len() >= typed.len()
            && candidate.is_char_boundary(typed.len())
            && candidate[..typed.len()].eq_ignore_ascii_case(typed);
    }
    let p: Vec<char> = typed.to_lowercase().chars().chain(std::iter::once('*')).collect();
    let c: Vec<char> = candidate.to_lowercase().chars().collect();
    wildcard(&p, &c)
}

fn wildcard(p: &[char], c: &[char]) -> bool {
    // Iterative matcher with backtracking on the last `*`.
    let (mut pi, mut ci) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ci < c.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == c[ci]) {
            pi += 1;
            ci += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ci;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ci = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// Quotes a value for the command line when it needs it (spaces or special characters), with
/// the quote the user began with (`'` by default).
fn quote(value: &str, quote_char: Option<char>) -> String {
    if matches!(value, "$true" | "$false" | "$null") {
        return value.to_string();
    }
    let needs = value.is_empty()
        || value.chars().any(|c| {
            c.is_whitespace()
                || matches!(c, '\'' | '"' | ',' | ';' | '(' | ')' | '{' | '}' | '$' | '@' | '#' | '|' | '&' | '`')
        });
    match quote_char {
        Some('"') => format!("\"{}\"", value.replace('`', "``").replace('"', "`\"").replace('$', "`$")),
        Some(_) => format!("'{}'", value.replace('\'', "''")),
        None if needs => format!("'{}'", value.replace('\'', "''")),
        None => value.to_string(),
    }
}

/// The text a completion replaces and what it may be replaced with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// Byte offset where the replaced text starts (it ends at the cursor).
    pub start: usize,
    /// Replacements, in the order Tab cycles through them.
    pub candidates: Vec<String>,
}

/// Completes `text` at byte offset `pos` (clamped to a char boundary).
pub fn complete(cat: &Catalog, text: &str, pos: usize) -> Completion {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    let src = &text[..pos];
    let (tokens, mode) = tokens_with_mode(src);
    let none = Completion { start: pos, candidates: Vec::new() };
    // The token being typed, if the cursor is at its end.
    let partial = tokens.last().filter(|t| {
        t.span.end == pos
            && matches!(
                t.kind,
                TokenKind::Command
                    | TokenKind::Keyword
                    | TokenKind::Parameter
                    | TokenKind::Variable
                    | TokenKind::Argument
                    | TokenKind::String
                    | TokenKind::Number
            )
    });
    let before: &[Token] = match partial {
        Some(_) => &tokens[..tokens.len() - 1],
        None => &tokens,
    };
    if partial.is_none() && tokens.last().is_some_and(|t| t.span.end == pos && t.kind == TokenKind::Comment) {
        return none;
    }
    let word = partial.map(|t| &src[t.span.start..t.span.end]).unwrap_or("");
    let start = partial.map(|t| t.span.start).unwrap_or(pos);
    // A lone `-` after a command is the start of a parameter name.
    let kind = match partial.map(|t| t.kind) {
        Some(TokenKind::Argument) if word == "-" => Some(TokenKind::Parameter),
        k => k,
    };
    match kind {
        Some(TokenKind::Variable) => Completion { start, candidates: complete_variable(cat, word) },
        Some(TokenKind::Command) | Some(TokenKind::Keyword) => {
            Completion { start, candidates: complete_command(cat, word) }
        }
        None if mode == LexMode::Start => Completion { start, candidates: complete_command(cat, "") },
        Some(TokenKind::Parameter) if !word.ends_with(':') => {
            let Some(sig) = segment(src, before).and_then(|s| cat.signature(s.command)) else {
                return none;
            };
            let typed = &word[1..];
            let candidates =
                cat.param_names(sig).into_iter().filter(|n| matches(typed, n)).map(|n| format!("-{n}")).collect();
            Completion { start, candidates }
        }
        Some(TokenKind::Parameter) => {
            // `-Param:` with nothing after the colon yet.
            let Some(sig) = segment(src, before).and_then(|s| cat.signature(s.command)) else {
                return none;
            };
            let values = param_values(cat, sig, &word[1..word.len() - 1]);
            Completion { start: pos, candidates: filter_values(&values, "") }
        }
        Some(TokenKind::Argument) | Some(TokenKind::String) | Some(TokenKind::Number) | None
            if kind.is_some() || mode == LexMode::Args =>
        {
            let Some(seg) = segment(src, before) else {
                return none;
            };
            let Some(sig) = cat.signature(seg.command) else {
                return none;
            };
            let values = match value_param(cat, sig, &seg.args) {
                Some(p) => param_values(cat, sig, p),
                None => Vec::new(),
            };
            Completion { start, candidates: filter_values(&values, word) }
        }
        _ => none,
    }
}

fn complete_variable(cat: &Catalog, word: &str) -> Vec<String> {
    let (sigil, rest) = word.split_at(1);
    let typed = rest.trim_start_matches('{');
    cat.variable_names()
        .into_iter()
        .filter(|n| matches(typed, n))
        .map(|n| {
            if n.chars().all(|c| c.is_alphanumeric() || c == '_' || c == ':') || n == "_" {
                format!("{sigil}{n}")
            } else {
                format!("{sigil}{{{n}}}")
            }
        })
        .collect()
}

fn complete_command(cat: &Catalog, word: &str) -> Vec<String> {
    cat.command_names().into_iter().filter(|n| matches(word, n)).collect()
}

/// Values offered for `word` (possibly a quoted, unfinished string), quoted as needed.
fn filter_values(values: &[String], word: &str) -> Vec<String> {
    let first = word.chars().next();
    let quote_char = first.filter(|c| matches!(c, '\'' | '"'));
    let typed = match quote_char {
        Some(q) => {
            let inner = &word[q.len_utf8()..];
            inner.strip_suffix(q).unwrap_or(inner)
        }
        None => word,
    };
    let mut out: Vec<String> = Vec::new();
    for v in values.iter().filter(|v| matches(typed, v)) {
        let q = quote(v, quote_char);
        if !out.contains(&q) {
            out.push(q);
        }
    }
    out
}

/// The command word of the pipeline element being typed, and its arguments so far.
struct Segment<'a> {
    command: &'a str,
    /// Arguments after the command word: (kind, text); a parenthesised group is one `Open` item.
    args: Vec<(TokenKind, &'a str)>,
}

fn segment<'a>(src: &'a str, tokens: &[Token]) -> Option<Segment<'a>> {
    let mut depth = 0usize;
    let mut items: Vec<(TokenKind, &'a str)> = Vec::new();
    for t in tokens.iter().rev() {
        let text = &src[t.span.start..t.span.end];
        match t.kind {
            TokenKind::Close => depth += 1,
            TokenKind::Open if depth == 0 => break,
            TokenKind::Open => {
                depth -= 1;
                if depth == 0 {
                    items.push((TokenKind::Open, text));
                }
            }
            TokenKind::Pipe | TokenKind::Separator if depth == 0 => break,
            _ if depth == 0 => items.push((t.kind, text)),
            _ => {}
        }
    }
    items.reverse();
    // Member accesses and their dots belong to the argument before them.
    items.retain(|(k, _)| !matches!(k, TokenKind::Member | TokenKind::Punct | TokenKind::Comment));
    let (first, args) = items.split_first()?;
    if first.0 != TokenKind::Command {
        return None;
    }
    Some(Segment { command: first.1, args: args.to_vec() })
}

/// Finds a parameter by exact name, alias, or unique prefix (case-insensitive).
fn find_param<'s>(cat: &Catalog, sig: &'s Signature, name: &str) -> Option<&'s crate::cmdlet::Param> {
    if let Some(p) = sig.find(name) {
        return Some(p);
    }
    let mut hits = sig.params.iter().filter(|p| cat.param_available(p) && matches(name, p.name));
    let first = hits.next()?;
    if hits.next().is_some() { None } else { Some(first) }
}

/// What a value being typed after these arguments binds to: a `-Param` (by its name) or a
/// positional parameter.
fn value_param<'s>(cat: &Catalog, sig: &'s Signature, args: &[(TokenKind, &'s str)]) -> Option<&'s str> {
    // Directly after `-Name` (or `-Name value,` for arrays): that parameter.
    let mut i = args.len();
    // Skip back over `value ,` pairs of an array.
    while i >= 2 && args[i - 1].1 == "," && args[i - 1].0 == TokenKind::Operator {
        i -= 2;
    }
    if i >= 1 && args[i - 1].0 == TokenKind::Parameter {
        let text = args[i - 1].1;
        let name = text.trim_start_matches('-').trim_end_matches(':');
        if text.ends_with(':') || i < args.len() {
            return Some(name);
        }
        match find_param(cat, sig, name) {
            Some(p) if p.ty == ParamType::Switch => {}
            Some(p) => return Some(p.name),
            // Common parameters take values (except the switches).
            None if COMMON_PARAMS.iter().any(|c| c.eq_ignore_ascii_case(name)) => {
                if !matches!(name.to_ascii_lowercase().as_str(), "verbose" | "debug") {
                    return Some(name);
                }
            }
            None => {}
        }
    }
    // Otherwise a positional argument: count those before.
    let mut position = 0usize;
    let mut j = 0usize;
    while j < args.len() {
        let (kind, text) = args[j];
        if kind == TokenKind::Parameter {
            let name = text.trim_start_matches('-').trim_end_matches(':');
            let takes_value = text.ends_with(':')
                || match find_param(cat, sig, name) {
                    Some(p) => p.ty != ParamType::Switch,
                    None => !matches!(name.to_ascii_lowercase().as_str(), "verbose" | "debug" | "whatif" | "confirm"),
                };
            j += 1;
            if takes_value && j < args.len() {
                j = skip_value(args, j);
            }
            continue;
        }
        position += 1;
        j = skip_value(args, j);
    }
    let in_default = |p: &&crate::cmdlet::Param| p.in_set(sig.default_set) || sig.set_names.is_empty();
    sig.params
        .iter()
        .filter(|p| p.position == Some(position) && cat.param_available(p))
        .find(in_default)
        .or_else(|| sig.params.iter().find(|p| p.position == Some(position)))
        .map(|p| p.name)
}

/// Skips one value starting at `j`, with any `, value` continuations; returns the next index.
fn skip_value(args: &[(TokenKind, &str)], mut j: usize) -> usize {
    j += 1;
    while j + 1 < args.len() && args[j].0 == TokenKind::Operator && args[j].1 == "," {
        j += 2;
    }
    j
}

/// The values a parameter offers.
fn param_values(cat: &Catalog, sig: &Signature, name: &str) -> Vec<String> {
    let lower = name.to_ascii_lowercase();
    if matches!(lower.as_str(), "erroraction" | "warningaction" | "informationaction") {
        return ACTION_PREFERENCE.iter().map(|s| s.to_string()).collect();
    }
    let Some(p) = find_param(cat, sig, name) else {
        return if matches!(lower.as_str(), "whatif" | "confirm" | "verbose" | "debug") {
            vec!["$true".into(), "$false".into()]
        } else {
            Vec::new()
        };
    };
    // Commands that take a command name.
    if p.name == "Name" && matches!(sig.name, "Get-Help" | "Get-Command") {
        return cat.command_names();
    }
    match p.ty {
        ParamType::Enum(e) => e.members.iter().map(|(n, _)| n.to_string()).collect(),
        ParamType::Set(values) => values.iter().map(|s| s.to_string()).collect(),
        ParamType::Identity(kind) | ParamType::MultiValued(kind) => cat.identity_values(kind),
        ParamType::Bool | ParamType::Switch => vec!["$true".into(), "$false".into()],
        ParamType::Unlimited => vec!["Unlimited".into()],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlet::{ConfirmImpact, Origin, Param};
    use crate::value::EnumType;

    static RIGHTS: EnumType = EnumType {
        name: "Test.MailboxRights",
        flags: true,
        members: &[("ReadPermission", 1), ("FullAccess", 2), ("SendAs", 4)],
    };

    fn catalog() -> Catalog {
        let sigs = vec![
            Signature::new("Get-Mailbox", "T.GetMailbox", Origin::Exchange)
                .param(Param::new("Identity", ParamType::Identity(IdentityKind::Mailbox)).position(0))
                .param(Param::new("ResultSize", ParamType::Unlimited))
                .param(Param::new("RecipientTypeDetails", ParamType::Set(&["UserMailbox", "SharedMailbox"])))
                .param(Param::new("Arbitration", ParamType::Switch)),
            Signature::new("Get-MailboxPermission", "T.GetMailboxPermission", Origin::Exchange)
                .param(Param::new("Identity", ParamType::Identity(IdentityKind::Mailbox)).position(0)),
            Signature::new("Add-MailboxPermission", "T.AddMailboxPermission", Origin::Exchange)
                .param(Param::new("Identity", ParamType::Identity(IdentityKind::Mailbox)).position(0))
                .param(Param::new("User", ParamType::Identity(IdentityKind::SecurityPrincipal)))
                .param(Param::new("AccessRights", ParamType::Enum(&RIGHTS)).array())
                .param(Param::new("AutoMapping", ParamType::Bool))
                .should_process(ConfirmImpact::Medium),
            Signature::new("Get-MailboxFolderPermission", "T.GetMailboxFolderPermission", Origin::Exchange)
                .param(Param::new("Identity", ParamType::Identity(IdentityKind::MailboxFolder)).position(0)),
            Signature::new("Where-Object", "T.Where", Origin::Core)
                .param(Param::new("FilterScript", ParamType::ScriptBlock).position(0)),
            Signature::new("Get-Help", "T.Help", Origin::Core).param(Param::new("Name", ParamType::String).position(0)),
            Signature::new("Format-Table", "T.Ft", Origin::Core)
                .param(Param::new("Property", ParamType::Object).position(0))
                .param(Param::new("AutoSize", ParamType::Switch)),
        ];
        let mut c = Catalog::from_signatures(
            sigs,
            &[("ft", "Format-Table"), ("?", "Where-Object")],
            ExchangeVersion::Exchange2019,
        );
        c.set_directory(&Directory::sample(ExchangeVersion::Exchange2019));
        c.set_functions(vec!["Get-MyReport".into()]);
        c.set_variables(vec!["mailboxes".into(), "Users".into(), "my var".into()]);
        c
    }

    fn at_end(text: &str) -> Completion {
        complete(&catalog(), text, text.len())
    }

    #[test]
    fn command_names_complete_to_the_canonical_case() {
        let c = at_end("get-mailb");
        assert_eq!(c.start, 0);
        assert_eq!(c.candidates, vec!["Get-Mailbox", "Get-MailboxFolderPermission", "Get-MailboxPermission"]);
        let c = at_end("Get-Mailbox | f");
        assert_eq!(c.start, 14);
        assert_eq!(c.candidates, vec!["Format-Table", "ft"]);
        assert_eq!(at_end("Get-My").candidates, vec!["Get-MyReport"]);
        assert_eq!(at_end("*-MailboxP").candidates, vec!["Add-MailboxPermission", "Get-MailboxPermission"]);
        // After `(`, `;`, `=`, inside a script block.
        assert_eq!(at_end("$x = (Get-Mailbox) ; $y = Add-M").candidates, vec!["Add-MailboxPermission"]);
        assert_eq!(at_end("Get-Mailbox | ? { Get-MailboxP").candidates, vec!["Get-MailboxPermission"]);
        assert!(at_end("Nothing-Like").candidates.is_empty());
    }

    #[test]
    fn parameter_names_of_the_command_being_typed() {
        let c = at_end("Get-Mailbox -Res");
        assert_eq!(c.start, 12);
        assert_eq!(c.candidates, vec!["-ResultSize"]);
        assert_eq!(at_end("get-mailbox -r").candidates, vec!["-ResultSize", "-RecipientTypeDetails"]);
        // Common parameters, and WhatIf/Confirm only with ShouldProcess.
        assert_eq!(at_end("Get-Mailbox -ErrorA").candidates, vec!["-ErrorAction"]);
        assert!(at_end("Get-Mailbox -Wh").candidates.is_empty());
        assert_eq!(at_end("Add-MailboxPermission x -Wh").candidates, vec!["-WhatIf"]);
        assert_eq!(at_end("Add-MailboxPermission x -Conf").candidates, vec!["-Confirm"]);
        // Through an alias, and in the second pipeline element.
        assert_eq!(at_end("Get-Mailbox | ft -Au").candidates, vec!["-AutoSize"]);
        // A nested command does not confuse the outer one.
        assert_eq!(at_end("Add-MailboxPermission (Get-Mailbox x).Identity -Acc").candidates, vec!["-AccessRights"]);
        assert_eq!(at_end("Get-Mailbox (Add-MailboxPermission -Us").candidates, vec!["-User"]);
        // Get-Help takes a command name.
        assert_eq!(at_end("Get-Help add-m").candidates, vec!["Add-MailboxPermission"]);
        assert_eq!(at_end("Get-Help -Name add-m").candidates, vec!["Add-MailboxPermission"]);
        // Unknown command: nothing.
        assert!(at_end("Foo-Bar -X").candidates.is_empty());
    }

    #[test]
    fn enum_and_set_values() {
        let c = at_end("Add-MailboxPermission x -AccessRights f");
        assert_eq!(c.candidates, vec!["FullAccess"]);
        assert_eq!(c.start, "Add-MailboxPermission x -AccessRights ".len());
        assert_eq!(
            at_end("Add-MailboxPermission x -AccessRights ").candidates,
            vec!["ReadPermission", "FullAccess", "SendAs"]
        );
        // Arrays: after a comma.
        assert_eq!(at_end("Add-MailboxPermission x -AccessRights FullAccess,S").candidates, vec!["SendAs"]);
        // Prefix of the parameter name.
        assert_eq!(at_end("Add-MailboxPermission x -Acc Re").candidates, vec!["ReadPermission"]);
        assert_eq!(at_end("Get-Mailbox -RecipientTypeDetails s").candidates, vec!["SharedMailbox"]);
        assert_eq!(at_end("Add-MailboxPermission x -AutoMapping ").candidates, vec!["$true", "$false"]);
        assert_eq!(at_end("Add-MailboxPermission x -Confirm:").candidates, vec!["$true", "$false"]);
        assert_eq!(at_end("Get-Mailbox -ErrorAction Si").candidates, vec!["SilentlyContinue"]);
        assert_eq!(at_end("Get-Mailbox -ResultSize u").candidates, vec!["Unlimited"]);
        // A switch takes no value: the next word is positional (Identity).
        assert!(at_end("Get-Mailbox -Arbitration mich").candidates.contains(&"michelle".to_string()));
    }

    #[test]
    fn identity_values_from_the_org() {
        let dir = Directory::sample(ExchangeVersion::Exchange2019);
        let mailbox = dir.recipients.iter().find(|r| r.kind.is_mailbox() && r.name.contains(' '));
        let Some(mailbox) = mailbox else {
            panic!("the sample org has a mailbox whose name has a space");
        };
        let alias_prefix: String = mailbox.alias.chars().take(3).collect();
        let c = at_end(&format!("Get-Mailbox -Identity {alias_prefix}"));
        assert!(c.candidates.contains(&mailbox.alias), "{:?}", c.candidates);
        // Positional identity.
        let c = at_end(&format!("Get-MailboxPermission {alias_prefix}"));
        assert!(c.candidates.contains(&mailbox.alias), "{:?}", c.candidates);
        // Names with spaces are quoted; a started quote is kept.
        let name_prefix: String = mailbox.name.chars().take(4).collect();
        let c = at_end(&format!("Get-Mailbox {name_prefix}"));
        assert!(c.candidates.contains(&format!("'{}'", mailbox.name)), "{:?}", c.candidates);
        let c = at_end(&format!("Get-Mailbox \"{name_prefix}"));
        assert!(c.candidates.contains(&format!("\"{}\"", mailbox.name)), "{:?}", c.candidates);
        // Security principals include built-in accounts.
        let c = at_end("Add-MailboxPermission x -User 'NT AUTH");
        assert!(c.candidates.iter().any(|s| s.starts_with("'NT AUTHORITY\\")), "{:?}", c.candidates);
        // Groups are not mailboxes.
        let group = dir.recipients.iter().find(|r| r.kind.is_group());
        if let Some(g) = group {
            let c = at_end(&format!("Get-Mailbox {}", g.alias));
            assert!(!c.candidates.contains(&g.alias), "{:?}", c.candidates);
        }
    }

    #[test]
    fn mailbox_folder_identities() {
        let dir = Directory::sample(ExchangeVersion::Exchange2019);
        let Some(mb) = dir.recipients.iter().find(|r| r.kind.is_mailbox()) else {
            panic!("the sample org has mailboxes");
        };
        let c = at_end(&format!("Get-MailboxFolderPermission {}:\\", mb.alias));
        assert!(c.candidates.contains(&format!("{}:\\", mb.alias)), "{:?}", c.candidates);
        for f in mb.folders.iter().filter(|f| !f.path.is_empty() && !f.path.contains(' ')) {
            assert!(c.candidates.contains(&format!("{}:\\{}", mb.alias, f.path)), "{:?}", c.candidates);
        }
    }

    #[test]
    fn variables() {
        assert_eq!(at_end("$mail").candidates, vec!["$mailboxes"]);
        assert_eq!(at_end("Get-Mailbox $u").candidates, vec!["$Users"]);
        assert_eq!(at_end("$tr").candidates, vec!["$true"]);
        assert_eq!(at_end("$my").candidates, vec!["${my var}"]);
        assert_eq!(at_end("Write-Host \"x $mailb").candidates, vec!["$mailboxes"]);
        assert!(at_end("$").candidates.len() > 5);
    }

    #[test]
    fn cursor_in_the_middle_completes_the_text_before_it() {
        let text = "Get-Mailb | Format-Table";
        let c = complete(&catalog(), text, 9);
        assert_eq!(c.start, 0);
        assert_eq!(c.candidates[0], "Get-Mailbox");
        // Beyond the end and inside a multibyte character: clamped, no panic.
        let _ = complete(&catalog(), "é", 1);
        let _ = complete(&catalog(), "x", 99);
    }

    #[test]
    fn nothing_to_offer_in_expressions_and_strings() {
        assert!(at_end("$x -eq ").candidates.is_empty());
        assert!(at_end("Write-Host 'abc").candidates.is_empty());
        assert!(at_end("# Get-Mail").candidates.is_empty());
    }

    #[test]
    fn never_panics_at_any_cursor_position() {
        let cat = catalog();
        let texts = [
            "Get-Mailbox -Identity 'Michelle Dubois' | Add-MailboxPermission -User \"x $y\" -AccessRights FullAccess,SendAs",
            "foreach ($m in (Get-Mailbox)) { if ($m.Name -like '*a*') { $m | ft -Au } else { ${odd var} } } # done",
            "@{ a = 1; b = @(1,2) }.a; [string]::Join(',', $x[0..2]) 2>&1 > out.txt <# c #> `\n -",
            "@'\nhere $x\n'@ ; \"$(Get-Date)\" ; & 'C:\\x y\\s.ps1' -Arg:é ü ‘curly’ “q” –dash",
            "$ @ - -- ' \" ( ) { } [ ] | ; , . : :: ` # <#",
        ];
        for t in texts {
            for pos in 0..=t.len() + 1 {
                let c = complete(&cat, t, pos);
                assert!(c.start <= pos.min(t.len()), "{t:?} at {pos}");
            }
            for (i, _) in t.char_indices() {
                let _ = super::super::highlight::highlight(&t[..i]);
            }
        }
    }

    #[test]
    fn wildcard_matching() {
        assert!(matches("get-m", "Get-Mailbox"));
        assert!(matches("*box", "Get-Mailbox"));
        assert!(matches("g?t-*perm", "Get-MailboxPermission"));
        assert!(!matches("set-", "Get-Mailbox"));
        assert!(matches("", "x"));
        assert!(!matches("é", "e"));
    }

    #[test]
    fn quoting() {
        assert_eq!(quote("plain", None), "plain");
        assert_eq!(quote("two words", None), "'two words'");
        assert_eq!(quote("O'Neil", None), "'O''Neil'");
        assert_eq!(quote("a $b", Some('"')), "\"a `$b\"");
    }
}
