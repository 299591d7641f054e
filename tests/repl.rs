//! The interactive shell driven through a real pseudo-terminal: banner and prompt, output,
//! `>> ` continuation, Tab completion, history across sessions, Ctrl-C, exit codes, and the org
//! file saved after each line; and the read-run-save loop over a scripted line source.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::process::Command;

use rexpect::process::WaitStatus;
use rexpect::reader::Options;
use rexpect::session::PtySession;

use exsh::directory::Directory;
use exsh::engine::{BufferHost, Engine};
use exsh::repl::{CONTINUATION, Input, LineSource, ONLINE_PROMPT, PROMPT, persist, run_loop};
use exsh::store::OrgFile;

const TIMEOUT_MS: u64 = 8000;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env { dir: tempfile::tempdir().expect("temp dir") }
    }

    fn org(&self) -> PathBuf {
        self.dir.path().join("org.json")
    }

    fn history(&self) -> PathBuf {
        self.dir.path().join("history")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_exsh"));
        c.arg("--org").arg(self.org()).args(args);
        c.env("TERM", "xterm")
            .env("NO_COLOR", "1")
            .env("HOME", self.dir.path())
            .env("EXSH_HISTORY", self.history())
            .env_remove("EXSH_ORG")
            .current_dir(self.dir.path());
        c
    }

    fn spawn(&self, args: &[&str]) -> PtySession {
        let options = Options::new().timeout_ms(Some(TIMEOUT_MS)).strip_ansi_escape_codes(true);
        rexpect::spawn_with_options(self.command(args), options).expect("spawn exsh in a pty")
    }

    /// Runs `exsh -Command text` on the same org (not through the pty) and returns stdout.
    fn command_output(&self, text: &str) -> String {
        let out = self.command(&["-Command", text]).output().expect("run exsh -Command");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

/// Types keys (unlike `send`, flushed at once, newline or not).
fn keys(p: &mut PtySession, s: &str) -> Result<(), rexpect::error::Error> {
    p.send(s)?;
    p.flush()
}

fn exit_code(mut p: PtySession) -> i32 {
    p.exp_eof().expect("end of output");
    match p.process().wait().expect("wait for exsh") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("exsh did not exit normally: {other:?}"),
    }
}

#[test]
fn banner_prompt_output_and_exit_code() {
    let env = Env::new();
    let mut p = env.spawn(&[]);
    p.exp_string("Welcome to the Exchange Management Shell!").expect("banner");
    p.exp_string("Show quick reference guide: QuickRef").expect("banner end");
    p.exp_string("VERBOSE: Connecting to EX01.contoso.com.").expect("connecting line");
    p.exp_string("VERBOSE: Connected to EX01.contoso.com.").expect("connected line");
    p.exp_string(PROMPT).expect("prompt");
    p.send_line("Get-Mailbox helpdesk").expect("send");
    p.exp_string("Help Desk").expect("mailbox row");
    p.exp_string(PROMPT).expect("prompt after output");
    p.send_line("exit 3").expect("send exit");
    assert_eq!(exit_code(p), 3);
}

#[test]
fn continuation_lines_for_an_unfinished_statement() {
    let env = Env::new();
    let mut p = env.spawn(&["-NoLogo"]);
    p.exp_string(PROMPT).expect("prompt");
    p.send_line("if ($true) {").expect("send");
    p.exp_string(">> ").expect("continuation prompt");
    p.send_line("'inside' + '-block'").expect("send");
    p.exp_string(">> ").expect("second continuation prompt");
    p.send_line("}").expect("send");
    p.exp_regex(r"\ninside-block\r?\n").expect("the block ran");
    p.exp_string(PROMPT).expect("main prompt again");
    // A trailing pipe continues too.
    p.send_line("'piped' |").expect("send");
    p.exp_string(">> ").expect("continuation after a pipe");
    p.send_line("ForEach-Object { $_.ToUpper() }").expect("send");
    p.exp_regex(r"\nPIPED\r?\n").expect("the pipeline ran");
    p.exp_string(PROMPT).expect("prompt");
    p.send_control('d').expect("Ctrl-D");
    assert_eq!(exit_code(p), 0);
}

#[test]
fn tab_completes_cmdlets_and_parameters() {
    let env = Env::new();
    let mut p = env.spawn(&["-NoLogo"]);
    p.exp_string(PROMPT).expect("prompt");
    keys(&mut p, "get-mailb\t").expect("send");
    p.exp_string("Get-Mailbox").expect("completed cmdlet name in canonical case");
    keys(&mut p, " -Identity helpd\t").expect("send");
    p.exp_string("-Identity helpdesk").expect("completed identity");
    keys(&mut p, " -ResultS\t").expect("send");
    p.exp_string("-ResultSize").expect("completed parameter name");
    keys(&mut p, " 1\r").expect("send");
    p.exp_string("Help Desk").expect("the completed command ran");
    p.exp_string(PROMPT).expect("prompt");
    p.send_line("exit").expect("send");
    assert_eq!(exit_code(p), 0);
}

#[test]
fn ctrl_c_abandons_the_line() {
    let env = Env::new();
    let mut p = env.spawn(&["-NoLogo"]);
    p.exp_string(PROMPT).expect("prompt");
    keys(&mut p, "exit 5").expect("send");
    p.send_control('c').expect("Ctrl-C");
    p.exp_string(PROMPT).expect("a new prompt");
    // Also inside a continuation.
    p.send_line("foreach ($i in 1..3) {").expect("send");
    p.exp_string(">> ").expect("continuation");
    p.send_control('c').expect("Ctrl-C");
    p.exp_string(PROMPT).expect("a new prompt");
    p.send_line("exit 6").expect("send");
    assert_eq!(exit_code(p), 6);
}

#[test]
fn history_is_kept_across_sessions() {
    let env = Env::new();
    let mut p = env.spawn(&["-NoLogo"]);
    p.exp_string(PROMPT).expect("prompt");
    p.send_line("Write-Output 'from the first session'").expect("send");
    p.exp_string(PROMPT).expect("prompt");
    p.send_line("exit 42").expect("send");
    assert_eq!(exit_code(p), 42);
    let saved = std::fs::read_to_string(env.history()).expect("history file written");
    assert!(saved.contains("exit 42") && saved.contains("from the first session"), "{saved}");

    let mut p = env.spawn(&["-NoLogo"]);
    p.exp_string(PROMPT).expect("prompt");
    // Up recalls the last line of the previous session; Enter runs it again.
    keys(&mut p, "\x1b[A").expect("Up");
    p.exp_string("exit 42").expect("recalled line");
    keys(&mut p, "\r").expect("Enter");
    assert_eq!(exit_code(p), 42);
}

#[test]
fn changes_are_in_the_org_file_after_each_line() {
    let env = Env::new();
    let mut p = env.spawn(&["-NoLogo"]);
    p.exp_string(PROMPT).expect("prompt");
    p.send_line("Add-MailboxPermission -Identity helpdesk -User amy -AccessRights FullAccess").expect("send");
    p.exp_string("FullAccess").expect("the permission row");
    p.exp_string(PROMPT).expect("prompt");
    // While the REPL is still open, another exsh sees the change.
    let seen = env.command_output("Get-MailboxPermission helpdesk | Format-List User,AccessRights");
    assert!(seen.contains("amy") && seen.contains("FullAccess"), "{seen}");
    p.send_line("exit").expect("send");
    assert_eq!(exit_code(p), 0);
    assert!(Path::new(&env.org()).exists());
}

#[test]
fn piped_input_reads_like_a_console_transcript() {
    use std::io::Write;
    use std::process::Stdio;
    let env = Env::new();
    let mut child = env
        .command(&["-NoLogo"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn exsh");
    child.stdin.take().expect("stdin").write_all(b"'one'\nif ($true) {\n'two'\n}\nexit 9\n").expect("write stdin");
    let out = child.wait_with_output().expect("exsh output");
    assert_eq!(out.status.code(), Some(9));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text, format!("{PROMPT}'one'\none\n{PROMPT}if ($true) {{\n>> 'two'\n>> }}\ntwo\n{PROMPT}exit 9\n"));

    // End of input after a failed statement: exit code 1, like -Command. Online orgs show the
    // Exchange Online module banner instead of the EMS one.
    let online = Env::new();
    let mut child = online
        .command(&["--exchange", "Online"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn exsh");
    child.stdin.take().expect("stdin").write_all(b"Get-Mailbox nobody-here\n").expect("write stdin");
    let out = child.wait_with_output().expect("exsh output");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("-----"), "{text}");
    assert!(text.contains("This V3 EXO PowerShell module"), "{text}");
    assert!(!text.contains("Exchange Management Shell"), "{text}");
    // A local Windows PowerShell prompt, not EMS's `[PS]` one.
    assert!(text.ends_with(&format!("{ONLINE_PROMPT}\n")), "{text}");
    assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
}

// The read-run-save loop without a terminal, over a scripted line source.

struct Scripted {
    lines: VecDeque<Input>,
    prompts: Vec<String>,
    history: Vec<String>,
}

impl Scripted {
    fn new(lines: &[&str]) -> Self {
        let lines = lines
            .iter()
            .map(|l| match *l {
                "^C" => Input::Interrupted,
                "^D" => Input::Eof,
                l => Input::Line(l.to_string()),
            })
            .collect();
        Scripted { lines, prompts: Vec::new(), history: Vec::new() }
    }
}

impl LineSource for Scripted {
    fn read_line(&mut self, prompt: &str, _context: &str) -> Input {
        self.prompts.push(prompt.to_string());
        self.lines.pop_front().unwrap_or(Input::Eof)
    }
    fn add_history(&mut self, entry: &str) {
        self.history.push(entry.to_string());
    }
}

fn setup(dir: &std::path::Path) -> (Engine, OrgFile) {
    let path = dir.join("org.json");
    let org = match exsh::store::open(&path, None) {
        Ok(o) => o,
        Err(e) => panic!("open: {e}"),
    };
    let engine = Engine::new(Box::<BufferHost>::default(), exsh::cmdlets::registry(), org.directory().clone());
    (engine, org)
}

fn tempdir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("tempdir: {e}"),
    }
}

#[test]
fn continuation_lines_until_the_statement_is_complete() {
    let d = tempdir();
    let (mut engine, mut org) = setup(d.path());
    let mut input = Scripted::new(&["$x = @(", "1,", "2)", "exit $x.Count"]);
    assert_eq!(run_loop(&mut engine, &mut org, &mut input), 2);
    assert_eq!(input.prompts, vec![PROMPT, CONTINUATION, CONTINUATION, PROMPT]);
    assert_eq!(input.history, vec!["$x = @(\n1,\n2)", "exit $x.Count"]);
}

#[test]
fn ctrl_c_abandons_and_blank_lines_do_nothing() {
    let d = tempdir();
    let (mut engine, mut org) = setup(d.path());
    let mut input = Scripted::new(&["if ($true) {", "^C", "", "   ", "exit 7"]);
    assert_eq!(run_loop(&mut engine, &mut org, &mut input), 7);
    assert_eq!(input.prompts, vec![PROMPT, CONTINUATION, PROMPT, PROMPT, PROMPT]);
    assert_eq!(input.history, vec!["exit 7"]);
}

#[test]
fn end_of_input_exits_with_the_last_status() {
    let d = tempdir();
    let (mut engine, mut org) = setup(d.path());
    let mut input = Scripted::new(&["Write-Output 1"]);
    assert_eq!(run_loop(&mut engine, &mut org, &mut input), 0);
    let (mut engine, mut org) = setup(d.path());
    let mut input = Scripted::new(&["Get-Mailbox nosuchmailbox-xyz"]);
    assert_eq!(run_loop(&mut engine, &mut org, &mut input), 1);
    // An unfinished statement at the end runs and reports its parse error.
    let (mut engine, mut org) = setup(d.path());
    let mut input = Scripted::new(&["if ($true) {"]);
    assert_eq!(run_loop(&mut engine, &mut org, &mut input), 1);
    assert_eq!(input.history, vec!["if ($true) {"]);
}

fn acl_sids(dir: &Directory, alias: &str) -> Vec<String> {
    dir.recipients
        .iter()
        .filter(|r| r.alias == alias)
        .flat_map(|r| r.mailbox_acl.iter().map(|a| a.sid.clone()))
        .collect()
}

fn sid(dir: &Directory, alias: &str) -> String {
    dir.recipients.iter().find(|r| r.alias == alias).and_then(|r| r.sid.clone()).unwrap_or_default()
}

#[test]
fn changes_are_saved_after_each_line() {
    let d = tempdir();
    let (mut engine, mut org) = setup(d.path());
    let amy = sid(org.directory(), "amy");
    assert!(!acl_sids(org.directory(), "helpdesk").contains(&amy));
    let mut input = Scripted::new(&[
        "Add-MailboxPermission -Identity helpdesk -User amy -AccessRights FullAccess",
        "Get-MailboxPermission helpdesk",
    ]);
    let code = run_loop(&mut engine, &mut org, &mut input);
    assert_eq!(code, 0);
    assert!(engine.changes().is_empty());
    let reopened = match exsh::store::open(&d.path().join("org.json"), None) {
        Ok(o) => o,
        Err(e) => panic!("reopen: {e}"),
    };
    assert!(acl_sids(reopened.directory(), "helpdesk").contains(&amy));
    assert_eq!(engine.directory(), reopened.directory());
}

#[test]
fn another_process_changes_reach_the_engine_on_the_next_save() {
    let d = tempdir();
    let (mut engine, mut org) = setup(d.path());
    // A second process grants Kim access.
    {
        let (mut other, mut other_org) = setup(d.path());
        other.run_line("Add-MailboxPermission -Identity helpdesk -User kim -AccessRights FullAccess");
        assert!(!other.changes().is_empty());
        if let Err(e) = other_org.save(other.changes()) {
            panic!("save: {e}");
        }
    }
    engine.run_line("Add-MailboxPermission -Identity helpdesk -User amy -AccessRights FullAccess");
    assert!(persist(&mut engine, &mut org));
    let sids = acl_sids(engine.directory(), "helpdesk");
    assert!(sids.contains(&sid(engine.directory(), "kim")), "{sids:?}");
    assert!(sids.contains(&sid(engine.directory(), "amy")), "{sids:?}");
}

/// Read-Host -AsSecureString on a terminal echoes a `*` per character typed, Backspace takes one
/// back, and the value is a SecureString of what remains; -MaskInput (PowerShell 7, the Online
/// profile) masks the same way and returns the text.
#[test]
fn read_host_masks_secure_input_on_a_terminal() -> Result<(), rexpect::error::Error> {
    let env = Env::new();
    let mut p =
        env.spawn(&["-NoLogo", "-Command", "$p = Read-Host 'Password' -AsSecureString; $p; \"length $($p.Length)\""]);
    p.exp_string("Password: ")?;
    keys(&mut p, "abc")?;
    p.exp_string("***")?;
    keys(&mut p, "\x7f")?;
    p.exp_string("\x08 \x08")?;
    keys(&mut p, "d\r")?;
    let (typed, matched) = p.exp_regex("length [0-9]+")?;
    assert_eq!(matched, "length 3");
    assert!(!typed.contains("abc") && !typed.contains("abd"), "the text was echoed: {typed:?}");
    assert!(typed.contains("System.Security.SecureString"), "{typed:?}");
    p.exp_eof()?;
    let online = Env::new();
    let mut p = online.spawn(&[
        "--exchange",
        "Online",
        "-NoLogo",
        "-Command",
        "$t = Read-Host 'Code' -MaskInput; \"got [$t]\"",
    ]);
    p.exp_string("Code: ")?;
    keys(&mut p, "x1\r")?;
    let (typed, matched) = p.exp_regex(r"got \[[^\]]*\]")?;
    assert_eq!(matched, "got [x1]");
    assert!(typed.contains("**") && !typed.contains("x1"), "{typed:?}");
    Ok(())
}
