//! The interactive shell: rustyline editing, history, completion, highlighting and continuation
//! lines, over the engine. Saves the org after every line that changed it.
//!
//! On a terminal, lines come from rustyline ([`editor`]). When stdin is not a terminal
//! (`echo Get-Mailbox | exsh`), lines are read plainly and the session reads like a console
//! transcript: the prompt, then the line read echoed after it, then its output; `>> ` for
//! continuation lines. At the end of piped input the exit code is that of `-Command` (1 when the
//! last statement failed); Ctrl-D at the terminal exits with 0; `exit N` exits with N.
//!
//! A statement continues on the next line (`>> `) while the parser reports it incomplete (open
//! brace or quote, trailing pipe or backtick). Ctrl-C abandons the statement being typed.

pub mod complete;
pub mod editor;
pub mod highlight;
pub mod host;

pub use host::StdHost;

use std::io::{self, BufRead, IsTerminal, Write};

use crate::directory::Directory;
use crate::engine::Engine;
use crate::store::{OrgFile, StoreError};

/// The EMS banner (Exchange Server 2013–2019).
pub use crate::cmdlet::session::EMS_BANNER as BANNER;

/// The banner `Connect-ExchangeOnline` prints (ExchangeOnlineManagement 3.x, later text).
pub const ONLINE_BANNER: &str = "\
----------------------------------------------------------------------------------------
This V3 EXO PowerShell module contains new REST API backed Exchange Online cmdlets which doesn't require WinRM for Client-Server communication. You can now run these cmdlets after turning off WinRM Basic Auth in your client machine thus making it more secure.

Unlike the EXO* prefixed cmdlets, the cmdlets in this module support full functional parity with the RPS (V1) cmdlets.

V3 cmdlets in the downloaded module are resilient to transient failures, handling retries and throttling errors inherently.

REST backed EOP and SCC cmdlets are also available in the V3 module. Similar to EXO, the cmdlets can be run without WinRM basic auth enabled.

For more information check https://aka.ms/exov3-module
----------------------------------------------------------------------------------------
";

/// The prompt.
pub const PROMPT: &str = "[PS] C:\\Windows\\system32>";

/// The prompt of the Exchange Online profile: a local Windows PowerShell window with the
/// ExchangeOnlineManagement module, started in the user's profile folder (not EMS's `[PS]`).
/// PowerShell's default `prompt` function ends with a space; EMS's `[PS]` prompt does not.
pub const ONLINE_PROMPT: &str = "PS C:\\Users\\Administrator> ";

/// The main prompt for an org's profile.
pub fn prompt_for(dir: &Directory) -> &'static str {
    if dir.org.version.is_on_premises() { PROMPT } else { ONLINE_PROMPT }
}

/// The prompt at the current location: EMS's `[PS] C:\Windows\system32>`, or PowerShell's
/// default `PS C:\Users\Administrator> ` in the Online profile; it follows Set-Location.
pub fn prompt_at(dir: &Directory, location: Option<&crate::cmdlet::WinPath>) -> String {
    match location {
        Some(p) if dir.org.version.is_on_premises() => format!("[PS] {p}>"),
        Some(p) => format!("PS {p}> "),
        None => prompt_for(dir).to_string(),
    }
}

/// The prompt for the continuation lines of an incomplete statement.
pub const CONTINUATION: &str = ">> ";

const YELLOW: &str = "\x1b[93m";
const RESET: &str = "\x1b[0m";

/// What a line source produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A line, without its newline.
    Line(String),
    /// Ctrl-C: abandon the statement being typed.
    Interrupted,
    /// End of input (Ctrl-D on an empty line, end of the pipe, or a terminal error).
    Eof,
}

/// Where the REPL's lines come from.
pub trait LineSource {
    /// Shows `prompt` and reads one line. `context` holds the statement's earlier lines when this
    /// is a continuation line (empty otherwise), for completion and colours.
    fn read_line(&mut self, prompt: &str, context: &str) -> Input;
    /// Records a statement that ran (history).
    fn add_history(&mut self, _entry: &str) {}
    /// Updates what completion knows after a statement ran; `directory_changed` when the org did.
    fn refresh(&mut self, _engine: &Engine, _directory_changed: bool) {}
    /// True for a person at a terminal (Ctrl-D exits with 0); false for piped input.
    fn interactive(&self) -> bool {
        false
    }
}

/// Lines from a reader (stdin when it is not a terminal), echoed after the prompt on `out`.
pub struct PlainInput<R, W> {
    reader: R,
    out: W,
}

impl<R: ReadLine, W: Write> PlainInput<R, W> {
    /// Reads from `reader`, writes prompts and echoes to `out`.
    pub fn new(reader: R, out: W) -> Self {
        PlainInput { reader, out }
    }
}

/// Something lines can be read from, one at a time.
pub trait ReadLine {
    /// Appends the next line (with its newline) to `buf`; returns the bytes read, 0 at the end.
    fn read_line(&mut self, buf: &mut String) -> io::Result<usize>;
}

impl<T: BufRead> ReadLine for T {
    fn read_line(&mut self, buf: &mut String) -> io::Result<usize> {
        BufRead::read_line(self, buf)
    }
}

/// Reads through `io::stdin()` on each call without holding its lock, so `Read-Host` and
/// confirmation prompts in between read the next lines of the same input.
pub struct StdinLines;

impl ReadLine for StdinLines {
    fn read_line(&mut self, buf: &mut String) -> io::Result<usize> {
        io::stdin().read_line(buf)
    }
}

impl<R: ReadLine, W: Write> LineSource for PlainInput<R, W> {
    fn read_line(&mut self, prompt: &str, _context: &str) -> Input {
        let _ = self.out.write_all(prompt.as_bytes());
        let _ = self.out.flush();
        let mut line = String::new();
        match self.reader.read_line(&mut line) {
            Ok(0) | Err(_) => {
                let _ = self.out.write_all(b"\n");
                let _ = self.out.flush();
                Input::Eof
            }
            Ok(_) => {
                let line = line.trim_end_matches(['\n', '\r']).to_string();
                let _ = writeln!(self.out, "{line}");
                let _ = self.out.flush();
                Input::Line(line)
            }
        }
    }
}

/// The start-up text: the EMS banner and connection lines, or the Exchange Online V3 banner.
pub fn banner(dir: &Directory, colors: bool) -> String {
    let paint = |s: &str| if colors { format!("{YELLOW}{s}{RESET}") } else { s.to_string() };
    if !dir.org.version.is_on_premises() {
        return ONLINE_BANNER.to_string();
    }
    let mut out = String::new();
    for line in BANNER.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        match body.split_once(": ") {
            Some((label, command)) if colors => {
                out.push_str(label);
                out.push_str(": ");
                out.push_str(&paint(command));
                out.push('\n');
            }
            _ => out.push_str(line),
        }
    }
    let fqdn = format!("{}.{}", dir.org.server, dir.org.domain);
    out.push('\n');
    out.push_str(&paint(&format!("VERBOSE: Connecting to {fqdn}.")));
    out.push('\n');
    out.push_str(&paint(&format!("VERBOSE: Connected to {fqdn}.")));
    out.push('\n');
    out
}

/// True when `text` is an unfinished statement that more lines could complete, in the grammar
/// of the session's PowerShell (`options`: pwsh 7's in the Online profile, where a line ending in
/// `&&` or `||` continues).
pub fn needs_more(text: &str, options: crate::syntax::ParseOptions) -> bool {
    let trimmed = text.trim_end_matches([' ', '\t']);
    if trimmed.ends_with('`') {
        return true;
    }
    match crate::syntax::parse_with(text, options) {
        Ok(_) => false,
        Err(e) => e.incomplete || (trimmed.ends_with('|') && !trimmed.ends_with("||")),
    }
}

/// Runs the REPL until `exit` or end of input; returns the exit code.
pub fn run(engine: &mut Engine, org: &mut OrgFile, no_logo: bool) -> i32 {
    if !no_logo {
        let colors = engine.host_mut().colors();
        let text = banner(engine.directory(), colors);
        let out = engine.host_mut().out();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }
    if io::stdin().is_terminal() {
        match editor::TerminalInput::new(engine) {
            Ok(mut input) => return run_loop(engine, org, &mut input),
            Err(e) => {
                let _ = writeln!(
                    engine.host_mut().err(),
                    "exsh: the line editor is unavailable ({e}); reading plain lines"
                );
            }
        }
    }
    let mut input = PlainInput::new(StdinLines, io::stdout());
    run_loop(engine, org, &mut input)
}

/// The read–run–save loop over any line source; returns the exit code.
pub fn run_loop(engine: &mut Engine, org: &mut OrgFile, input: &mut dyn LineSource) -> i32 {
    input.refresh(engine, true);
    let mut last_success = true;
    loop {
        let mut text = String::new();
        let here = engine.host_mut().location();
        let main_prompt = prompt_at(engine.directory(), here.as_ref());
        let mut prompt = main_prompt.as_str();
        let mut at_end = false;
        let statement = loop {
            match input.read_line(prompt, &text) {
                Input::Line(line) => {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(&line);
                    if text.trim().is_empty() {
                        break None;
                    }
                    if needs_more(&text, engine.parse_options()) {
                        prompt = CONTINUATION;
                        continue;
                    }
                    break Some(text);
                }
                Input::Interrupted => break None,
                Input::Eof => {
                    at_end = true;
                    // Run what was typed so far: its parse error tells what was missing.
                    break if text.trim().is_empty() { None } else { Some(text) };
                }
            }
        };
        if let Some(statement) = statement {
            let outcome = engine.run_line(&statement);
            last_success = outcome.last_success && outcome.exit_code == 0;
            input.add_history(&statement);
            let changed = persist(engine, org);
            input.refresh(engine, changed);
            if outcome.exited {
                return outcome.exit_code;
            }
        }
        if at_end {
            return if input.interactive() || last_success { 0 } else { 1 };
        }
    }
}

/// Saves the engine's pending changes to the org file. Returns true when the engine's directory
/// changed (the line changed the org, or a merge brought in another process's changes).
///
/// On a conflict the line's changes cannot ever be applied to the file: they are dropped and the
/// engine goes back to the file's organization. On any other error (lock, I/O) they stay pending
/// and are saved with the next line's, or by `main` at exit.
pub fn persist(engine: &mut Engine, org: &mut OrgFile) -> bool {
    if engine.changes().is_empty() {
        return false;
    }
    match org.save(engine.changes()) {
        Ok(()) => {
            engine.clear_changes();
            if org.directory() != engine.directory() {
                engine.set_directory(org.directory().clone());
            }
        }
        Err(e) => {
            let _ = writeln!(engine.host_mut().err(), "exsh: {e}");
            let _ = engine.host_mut().err().flush();
            if matches!(e, StoreError::Conflict { .. }) {
                engine.clear_changes();
                engine.set_directory(org.directory().clone());
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::ExchangeVersion;
    use crate::syntax::{LanguageVersion, ParseOptions};

    #[test]
    fn the_prompt_shows_the_location() {
        let ems = Directory::sample(ExchangeVersion::Exchange2019);
        let online = Directory::sample(ExchangeVersion::Online);
        let temp = crate::cmdlet::WinPath::absolute("C:\\temp");
        assert_eq!(prompt_at(&ems, temp.as_ref()), "[PS] C:\\temp>");
        assert_eq!(prompt_at(&online, temp.as_ref()), "PS C:\\temp> ");
        let start = crate::cmdlet::WinPath::absolute("C:\\Windows\\system32");
        assert_eq!(prompt_at(&ems, start.as_ref()), PROMPT);
        assert_eq!(prompt_at(&ems, None), PROMPT);
    }

    #[test]
    fn statements_needing_more_lines() {
        assert!(needs_more("if ($true) {", ParseOptions::default()));
        assert!(needs_more("Get-Mailbox |", ParseOptions::default()));
        assert!(needs_more("Get-Mailbox `", ParseOptions::default()));
        assert!(needs_more("'abc", ParseOptions::default()));
        assert!(needs_more("$x = @(\n1,", ParseOptions::default()));
        assert!(!needs_more("Get-Mailbox", ParseOptions::default()));
        assert!(!needs_more("Get-Mailbox -Identity )", ParseOptions::default()));
        assert!(!needs_more("$a || ", ParseOptions::default()));
        // pwsh 7 (the Online profile): a pipeline chain operator at the end asks for more.
        let pwsh7 = ParseOptions::new(LanguageVersion::Pwsh7);
        assert!(needs_more("Get-Mailbox karen &&", pwsh7));
        assert!(needs_more("Get-Mailbox karen ||", pwsh7));
        assert!(!needs_more("Get-Mailbox karen && Get-Mailbox amy", pwsh7));
    }

    #[test]
    fn plain_input_echoes_like_a_console() {
        let mut out = Vec::new();
        {
            let mut input = PlainInput::new(io::Cursor::new("Get-Date\r\nexit\n"), &mut out);
            assert_eq!(input.read_line(PROMPT, ""), Input::Line("Get-Date".into()));
            assert_eq!(input.read_line(PROMPT, ""), Input::Line("exit".into()));
            assert_eq!(input.read_line(PROMPT, ""), Input::Eof);
        }
        let text = String::from_utf8_lossy(&out);
        assert_eq!(text, format!("{PROMPT}Get-Date\n{PROMPT}exit\n{PROMPT}\n"));
    }

    #[test]
    fn banners() {
        let dir = Directory::sample(ExchangeVersion::Exchange2019);
        let b = banner(&dir, false);
        assert!(b.starts_with(BANNER));
        let fqdn = format!("{}.{}", dir.org.server, dir.org.domain);
        assert!(b.ends_with(&format!("\nVERBOSE: Connecting to {fqdn}.\nVERBOSE: Connected to {fqdn}.\n")));
        assert!(b.contains("QuickRef\n\nVERBOSE"));
        let c = banner(&dir, true);
        assert!(c.contains("Full list of cmdlets: \x1b[93mGet-Command\x1b[0m\n"));
        assert!(c.contains("\x1b[93mVERBOSE: Connected to"));
        let online = banner(&Directory::sample(ExchangeVersion::Online), false);
        assert_eq!(online, ONLINE_BANNER);
        assert!(!online.contains("VERBOSE"));
    }
}
