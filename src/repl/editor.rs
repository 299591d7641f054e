//! The terminal line editor: rustyline with exsh's completion and colours, and history kept in
//! `~/.exsh_history` (or `$EXSH_HISTORY`).
//!
//! Continuation lines are read with a second `readline(">> ")` call rather than a rustyline
//! `Validator`: rustyline 19 lays the cursor out from the raw buffer, so it cannot draw a `>> `
//! prompt in front of the extra lines a validator adds. The earlier lines of the statement are
//! handed to the helper as context, so completion and colours still see the whole statement.

use std::borrow::Cow;
use std::path::PathBuf;

use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, Editor, Helper};

use super::complete::{self, Catalog};
use super::highlight;
use super::{Input, LineSource};
use crate::engine::Engine;

/// The rustyline helper: completion from a [`Catalog`], PSReadLine colours.
pub struct ReplHelper {
    catalog: Catalog,
    /// Earlier lines of the statement being continued (empty at the main prompt).
    context: String,
    colors: bool,
}

impl ReplHelper {
    /// A helper over a catalog; `colors` false draws the line as typed.
    pub fn new(catalog: Catalog, colors: bool) -> Self {
        ReplHelper { catalog, context: String::new(), colors }
    }

    /// The statement text so far with `line` appended, and where `line` starts in it.
    fn full<'a>(&self, line: &'a str) -> (Cow<'a, str>, usize) {
        if self.context.is_empty() {
            (Cow::Borrowed(line), 0)
        } else {
            let full = format!("{}\n{}", self.context, line);
            let off = full.len() - line.len();
            (Cow::Owned(full), off)
        }
    }
}

impl Completer for ReplHelper {
    type Candidate = String;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<String>)> {
        let (full, off) = self.full(line);
        let c = complete::complete(&self.catalog, &full, off + pos);
        if c.start < off {
            return Ok((pos, Vec::new()));
        }
        Ok((c.start - off, c.candidates))
    }
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if !self.colors {
            return Cow::Borrowed(line);
        }
        let (full, off) = self.full(line);
        Cow::Owned(highlight::highlight_tail(&full, off))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.colors
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}

impl Validator for ReplHelper {}

impl Helper for ReplHelper {}

/// Where history is kept: `$EXSH_HISTORY`, else `$HOME/.exsh_history`; `None` when neither is set.
pub fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("EXSH_HISTORY") {
        return if p.is_empty() { None } else { Some(PathBuf::from(p)) };
    }
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty())?;
    Some(PathBuf::from(home).join(".exsh_history"))
}

/// Lines from the terminal through rustyline.
pub struct TerminalInput {
    editor: Editor<ReplHelper, DefaultHistory>,
    history: Option<PathBuf>,
}

impl TerminalInput {
    /// An editor with the engine's commands for completion; loads history if there is any.
    pub fn new(engine: &mut Engine) -> rustyline::Result<TerminalInput> {
        let config = Config::builder()
            .completion_type(CompletionType::Circular)
            .max_history_size(4096)?
            .history_ignore_dups(true)?
            .auto_add_history(false)
            .build();
        let mut editor: Editor<ReplHelper, DefaultHistory> = Editor::with_config(config)?;
        let catalog = Catalog::new(engine.registry(), engine.directory().org.version);
        let colors = engine.host_mut().colors();
        editor.set_helper(Some(ReplHelper::new(catalog, colors)));
        let history = history_path();
        if let Some(path) = &history
            && path.exists()
        {
            // An unreadable history file is not worth a word: the session works without it.
            let _ = editor.load_history(path);
        }
        Ok(TerminalInput { editor, history })
    }
}

impl LineSource for TerminalInput {
    fn read_line(&mut self, prompt: &str, context: &str) -> Input {
        if let Some(h) = self.editor.helper_mut() {
            h.context = context.to_string();
        }
        match self.editor.readline(prompt) {
            Ok(line) => Input::Line(line),
            Err(ReadlineError::Interrupted) => Input::Interrupted,
            Err(_) => Input::Eof,
        }
    }

    fn add_history(&mut self, entry: &str) {
        if matches!(self.editor.add_history_entry(entry), Ok(true))
            && let Some(path) = &self.history
            && self.editor.append_history(path).is_err()
        {
            // Unwritable: keep going without a history file, silently.
            self.history = None;
        }
    }

    fn refresh(&mut self, engine: &Engine, directory_changed: bool) {
        if let Some(h) = self.editor.helper_mut() {
            h.catalog.set_functions(engine.function_names());
            h.catalog.set_variables(engine.variable_names());
            if directory_changed {
                h.catalog.set_directory(engine.directory());
            }
        }
    }

    fn interactive(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmdlet::{Origin, Signature};
    use crate::directory::ExchangeVersion;

    #[test]
    fn helper_completes_and_colours_with_the_statement_context() {
        let sigs = ["Get-Mailbox", "Get-MailboxPermission", "Sort-Object"]
            .into_iter()
            .map(|n| Signature::new(n, "T", Origin::Core))
            .collect();
        let cat = Catalog::from_signatures(sigs, &[], ExchangeVersion::Exchange2019);
        let mut h = ReplHelper::new(cat, true);
        let hist = DefaultHistory::new();
        let ctx = Context::new(&hist);
        let (start, c) = h.complete("Get-Mailb", 9, &ctx).unwrap_or_default();
        assert_eq!(start, 0);
        assert_eq!(c.first().map(String::as_str), Some("Get-Mailbox"));
        // On a continuation line after a pipe, a command name is expected.
        h.context = "Get-Mailbox |".into();
        let (start, c) = h.complete("Sort-Obj", 8, &ctx).unwrap_or_default();
        assert_eq!((start, c), (0, vec!["Sort-Object".to_string()]));
        assert_eq!(h.highlight("Sort-Object", 0), "\x1b[93mSort-Object\x1b[0m");
        // Inside a string begun on an earlier line: no completion.
        h.context = "Write-Host 'abc".into();
        let (_, c) = h.complete("Get-Mai", 7, &ctx).unwrap_or_default();
        assert!(c.is_empty());
        let plain = ReplHelper::new(Catalog::default(), false);
        assert_eq!(plain.highlight("Get-Mailbox", 0), "Get-Mailbox");
    }
}
