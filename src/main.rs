//! exsh's command line: pick the REPL, `-File` or `-Command`, open the org, run, save, exit.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;

use exsh::directory::{ExchangeVersion, UpdateLevel};
use exsh::engine::{Engine, ScriptArg};
use exsh::repl::{self, StdHost};
use exsh::{cmdlets, store};

const USAGE: &str = "exsh - the Exchange Management Shell, offline

USAGE:
    exsh [OPTIONS]                          interactive shell (REPL)
    exsh [OPTIONS] [-File] SCRIPT.ps1 [ARGS] run a script; ARGS bind to its param() block
                                            (-Name value, positional values, -Switch, -Flag:$false)
    exsh [OPTIONS] -Command TEXT            run text (-c TEXT; -Command - reads stdin)
    exsh [OPTIONS] -EncodedCommand B64      run base64-encoded UTF-16LE text (-e, -ec)

OPTIONS:
    --org PATH          the org file (default: $EXSH_ORG, else ./exsh-org.json);
                        a missing file is created from the built-in Contoso sample org
    --exchange PROFILE  version of a newly created org: Exchange2010, Exchange2013,
                        Exchange2016, Exchange2019 (default) or Online
    --update-level L    an Exchange2010 org's service pack and rollup: RTM, SP1, SP2,
                        SP3, or with a rollup such as 'SP3 RU7' (default SP3 RU32);
                        before SP3 RU8, Full Access plus Send on Behalf means Send As
    -NoExit             the interactive shell after the script or command
    -NonInteractive     prompts (Read-Host, mandatory parameters, confirmations) fail at once
    -WorkingDirectory D start in directory D (-wd)
    -OutputFormat Text  text output (XML is not supported)
    -NoLogo, -NoProfile, -ExecutionPolicy POLICY, -InputFormat Text, -WindowStyle S, -Login,
    -Interactive, -STA, -MTA
                        accepted for pwsh compatibility (the policy must be a valid name)
    --plan              rehearse: run the script or command as usual but save nothing, then
                        print every net change it would make, grouped by object, and who
                        gains or loses access through what; exit 0 no changes, 2 changes,
                        1 the script failed (docs/plan.md)
    --plan-json FILE    also write the plan as JSON to FILE (implies --plan; with --diff,
                        the difference); the schema is versioned and in docs/plan.md
    --diff A.json B.json
                        the plan between two org files (before, after); exit 0 the same,
                        2 different, 1 a file is missing or not an org file
    --import SNAPSHOT   build the org file given with --org from a snapshot that
                        scripts/Export-ExshOrg.ps1 wrote, in the snapshot's version;
                        an existing org file is replaced atomically (docs/snapshot.md)
    -Help, -?, --help   this text;  -Version, --version: the version
    pwsh's flags are case-insensitive and take unambiguous prefixes (-noni, -nop, -ex, -f, -c)
";

/// Exit code of a bad command line (pwsh's ExitCodeBadCommandLineParameter).
const BAD_COMMAND_LINE: u8 = 64;

/// pwsh's parameter names, for the "did you mean" list (CommandLineParameterParser.s_validParameters).
const VALID_PARAMETERS: &[&str] = &[
    "sta",
    "mta",
    "command",
    "commandwithargs",
    "configurationname",
    "custompipename",
    "encodedcommand",
    "executionpolicy",
    "file",
    "help",
    "inputformat",
    "login",
    "noexit",
    "nologo",
    "noninteractive",
    "noprofile",
    "noprofileloadtime",
    "outputformat",
    "removeworkingdirectorytrailingcharacter",
    "settingsfile",
    "version",
    "windowstyle",
    "workingdirectory",
];

const POLICIES: &[&str] =
    &["default", "remotesigned", "bypass", "allsigned", "restricted", "unrestricted", "undefined"];

enum Mode {
    Repl,
    File(String, Vec<ScriptArg>),
    Command(String),
}

struct Options {
    org: Option<PathBuf>,
    exchange: Option<ExchangeVersion>,
    update_level: Option<UpdateLevel>,
    no_logo: bool,
    no_exit: bool,
    non_interactive: bool,
    working_directory: Option<String>,
    /// `--plan`: save nothing, print the plan.
    plan: bool,
    /// `--plan-json FILE`.
    plan_json: Option<PathBuf>,
    /// `--diff A B`.
    diff: Option<(String, String)>,
    /// `--import SNAPSHOT`.
    import: Option<PathBuf>,
    mode: Mode,
}

/// Why the command line stops the run: text to print (and whether the usage follows), or a
/// request already answered (help, version).
enum Stop {
    Done,
    Error { message: String, usage: bool, code: u8 },
}

/// A command-line error as pwsh reports it (exit code 64, the usage after it when `usage`).
fn error(message: impl Into<String>, usage: bool) -> Stop {
    Stop::Error { message: message.into(), usage, code: BAD_COMMAND_LINE }
}

/// An error in exsh's own flags (exit code 2).
fn own_error(message: impl Into<String>) -> Stop {
    Stop::Error { message: message.into(), usage: false, code: 2 }
}

/// pwsh's MatchSwitch: `key` is a prefix of `name` at least as long as its shortest unambiguous form.
fn is(key: &str, name: &str, shortest: &str) -> bool {
    key.len() >= shortest.len() && name.starts_with(key)
}

fn parse_args(args: Vec<String>) -> Result<Options, Stop> {
    let mut o = Options {
        org: None,
        exchange: None,
        update_level: None,
        no_logo: false,
        no_exit: false,
        non_interactive: false,
        working_directory: None,
        plan: false,
        plan_json: None,
        diff: None,
        import: None,
        mode: Mode::Repl,
    };
    let mut i = 0;
    while i < args.len() {
        let a = args[i].trim().to_string();
        if a.is_empty() {
            i += 1;
            continue;
        }
        let first = a.chars().next().unwrap_or(' ');
        if !matches!(first, '-' | '/' | '–' | '—') {
            return file_mode(o, &args, i);
        }
        let mut key = a[first.len_utf8()..].to_ascii_lowercase();
        if key.starts_with(first) {
            key = key[first.len_utf8()..].to_string();
        }
        // exsh's own flags.
        match key.as_str() {
            "org" => {
                o.org = Some(PathBuf::from(args.get(i + 1).ok_or_else(|| own_error("exsh: missing value for --org"))?));
                i += 2;
                continue;
            }
            "exchange" => {
                let v = args.get(i + 1).ok_or_else(|| own_error("exsh: missing value for --exchange"))?;
                o.exchange = Some(ExchangeVersion::from_profile(v).ok_or_else(|| {
                    own_error(format!(
                        "exsh: unknown Exchange profile '{v}'. Valid profiles: Exchange2010, Exchange2013, Exchange2016, Exchange2019, Online"
                    ))
                })?);
                i += 2;
                continue;
            }
            "plan" => {
                o.plan = true;
                i += 1;
                continue;
            }
            "plan-json" => {
                let v = args.get(i + 1).ok_or_else(|| own_error("exsh: missing file name for --plan-json"))?;
                o.plan_json = Some(PathBuf::from(v));
                i += 2;
                continue;
            }
            "diff" => {
                let (Some(a), Some(b)) = (args.get(i + 1), args.get(i + 2)) else {
                    return Err(own_error("exsh: --diff needs two org files: --diff BEFORE.json AFTER.json"));
                };
                o.diff = Some((a.clone(), b.clone()));
                i += 3;
                continue;
            }
            "import" => {
                let v = args.get(i + 1).ok_or_else(|| own_error("exsh: missing snapshot file for --import"))?;
                o.import = Some(PathBuf::from(v));
                i += 2;
                continue;
            }
            "update-level" => {
                let v = args.get(i + 1).ok_or_else(|| own_error("exsh: missing value for --update-level"))?;
                o.update_level = Some(UpdateLevel::parse(v).map_err(|m| own_error(format!("exsh: {m}")))?);
                i += 2;
                continue;
            }
            _ => {}
        }
        let k = key.as_str();
        if is(k, "version", "v") {
            println!("exsh {}", env!("CARGO_PKG_VERSION"));
            return Err(Stop::Done);
        } else if is(k, "help", "h") || k == "?" {
            print!("{USAGE}");
            return Err(Stop::Done);
        } else if is(k, "login", "l") || is(k, "interactive", "i") || k == "sta" || k == "mta" {
        } else if is(k, "noexit", "noe") {
            o.no_exit = true;
        } else if is(k, "noprofile", "nop") || k == "noprofileloadtime" {
        } else if is(k, "nologo", "nol") {
            o.no_logo = true;
        } else if is(k, "noninteractive", "noni") {
            o.non_interactive = true;
        } else if is(k, "command", "c") {
            let Some(first) = args.get(i + 1) else {
                return Err(error(
                    "Cannot process the command because of a missing parameter. A command must follow -Command.",
                    true,
                ));
            };
            let text = if first == "-" {
                if args.len() > i + 2 {
                    return Err(error(
                        "'-' was specified with the -Command parameter; no other arguments to -Command are permitted.",
                        true,
                    ));
                }
                let mut s = String::new();
                std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
                    .map_err(|e| error(format!("exsh: cannot read stdin: {e}"), false))?;
                s
            } else {
                args[i + 1..].join(" ")
            };
            o.mode = Mode::Command(text);
            return Ok(o);
        } else if is(k, "encodedcommand", "e") || is(k, "ec", "e") {
            let Some(b64) = args.get(i + 1) else {
                return Err(error(
                    "Cannot process the command because of a missing parameter. A command must follow -Command.",
                    true,
                ));
            };
            let text = decode_command(b64).ok_or_else(|| {
                error(
                    "Cannot process the command because the value specified with -EncodedCommand is not properly encoded. The value must be Base64 encoded.",
                    true,
                )
            })?;
            o.mode = Mode::Command(text);
            i += 2;
            continue;
        } else if is(k, "windowstyle", "w")
            || is(k, "configurationname", "config")
            || is(k, "inputformat", "inp")
            || k == "if"
        {
            if args.get(i + 1).is_none() {
                return Err(error(format!("An argument is required to be supplied to the '-{key}' parameter."), true));
            }
            i += 1;
        } else if is(k, "file", "f") {
            if args.get(i + 1).is_none() {
                return Err(error(
                    "The command cannot be run because the File parameter requires a file path. Supply a path for the File parameter and then try the command again.",
                    true,
                ));
            }
            return file_mode(o, &args, i + 1);
        } else if is(k, "outputformat", "o") || is(k, "of", "o") {
            let formats = "Text\nXML\n";
            let Some(f) = args.get(i + 1) else {
                return Err(error(
                    format!(
                        "The command cannot be run because no argument has been supplied for the OutputFormat parameter.\nSpecify one of the following formats for this parameter:\n{formats}"
                    ),
                    true,
                ));
            };
            if f.eq_ignore_ascii_case("xml") {
                return Err(error(
                    "exsh: -OutputFormat XML (CLIXML serialization of the output) is not supported; use -OutputFormat Text.",
                    false,
                ));
            }
            if !f.eq_ignore_ascii_case("text") {
                return Err(error(
                    format!(
                        "Cannot process the command because of an incorrect parameter value. \"{f}\" is not a valid format.\nValid formats are:\n{formats}"
                    ),
                    true,
                ));
            }
            i += 1;
        } else if is(k, "executionpolicy", "ex") || is(k, "ep", "ep") {
            let Some(p) = args.get(i + 1) else {
                return Err(error(
                    "Cannot process the execution policy because of a missing policy name. A policy name must follow -ExecutionPolicy.",
                    true,
                ));
            };
            if !POLICIES.iter().any(|x| x.eq_ignore_ascii_case(p)) {
                return Err(error(format!("Invalid ExecutionPolicy value '{p}'."), true));
            }
            i += 1;
        } else if is(k, "workingdirectory", "wo") || is(k, "wd", "wd") {
            let Some(d) = args.get(i + 1) else {
                return Err(error(
                    "Cannot process the command because -WorkingDirectory requires an argument that is a directory path.",
                    true,
                ));
            };
            o.working_directory = Some(d.clone());
            i += 1;
        } else {
            // The first parameter pwsh does not recognize starts the file name.
            return file_mode(o, &args, i);
        }
        i += 1;
    }
    Ok(o)
}

/// `[-File] path args…`: the script and the arguments bound to its parameters.
fn file_mode(mut o: Options, args: &[String], i: usize) -> Result<Options, Stop> {
    let path = args[i].clone();
    if !std::path::Path::new(&path.replace('\\', "/")).is_file() {
        if let Some(param) = path.strip_prefix(['-', '/']).filter(|p| !p.is_empty()) {
            let lower = param.to_ascii_lowercase();
            let near: Vec<&str> = VALID_PARAMETERS.iter().copied().filter(|v| v.contains(&lower)).collect();
            if !near.is_empty() {
                let list: String = near.iter().map(|v| format!("\n  -{v}")).collect();
                return Err(error(format!("Invalid argument '{path}', did you mean:\n{list}"), false));
            }
            return Err(error(
                format!(
                    "The argument '{path}' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
                ),
                true,
            ));
        }
        return Err(error(
            format!(
                "The argument '{path}' to the -File parameter does not exist. Provide the path to an existing '.ps1' file as an argument to the -File parameter."
            ),
            false,
        ));
    }
    if !path.to_ascii_lowercase().ends_with(".ps1") {
        return Err(error(
            format!(
                "Processing -File '{path}' failed because the file does not have a '.ps1' extension. Specify a valid PowerShell script file name, and then try again."
            ),
            false,
        ));
    }
    o.mode = Mode::File(path, script_args(&args[i + 1..]));
    Ok(o)
}

/// `-EncodedCommand`: base64 of the command's UTF-16LE bytes.
fn decode_command(b64: &str) -> Option<String> {
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD.decode(b64.trim()).ok()?;
    if bytes.len() % 2 != 0 {
        return None;
    }
    let units: Vec<u16> = bytes.chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    String::from_utf16(&units).ok()
}

/// The arguments after the script, as pwsh collects them (CollectPSArgs): `-Name value`,
/// `-Name:value` (`$true`/`$false`/`true`/`false` become booleans), `-Name:` taking the next
/// argument, `-Switch`, and positional values.
fn script_args(rest: &[String]) -> Vec<ScriptArg> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < rest.len() {
        let a = &rest[i];
        match a.strip_prefix('-') {
            Some(name) if !name.is_empty() && name.chars().next().is_some_and(|c| !c.is_ascii_digit() && c != '.') => {
                match name.split_once(':') {
                    Some((n, "")) => {
                        out.push(ScriptArg::Named(n.to_string(), rest.get(i + 1).cloned()));
                        i += 1;
                    }
                    Some((n, v)) => out.push(ScriptArg::Named(n.to_string(), Some(v.to_string()))),
                    None => out.push(ScriptArg::Named(name.to_string(), None)),
                }
            }
            _ => out.push(ScriptArg::Positional(a.clone())),
        }
        i += 1;
    }
    out
}

/// The engine's thread stack. Script calls nest up to `MAX_CALL_DEPTH` (1,000) deep, and each level
/// is a few recursive evaluator frames; the main thread's 8 MB would overflow first. The memory is
/// reserved, not committed: pages are touched only as deep as a script really goes.
const ENGINE_STACK: usize = 1 << 30;

fn main() -> ExitCode {
    match std::thread::Builder::new().name("exsh".into()).stack_size(ENGINE_STACK).spawn(real_main) {
        Ok(t) => t.join().unwrap_or(ExitCode::FAILURE),
        Err(e) => {
            eprintln!("exsh: cannot start: {e}");
            ExitCode::FAILURE
        }
    }
}

fn real_main() -> ExitCode {
    // pwsh on Unix decodes its arguments as UTF-8 with .NET's replacement fallback: a byte that is
    // not UTF-8 becomes U+FFFD, never an error (docs/reference/unbreakable.md).
    let args: Vec<String> = std::env::args_os().skip(1).map(|a| a.to_string_lossy().into_owned()).collect();
    let mut opts = match parse_args(args) {
        Ok(o) => o,
        Err(Stop::Done) => return ExitCode::SUCCESS,
        Err(Stop::Error { message, usage, code }) => {
            eprintln!("{message}");
            if usage {
                print!("\n{USAGE}");
            }
            return ExitCode::from(code);
        }
    };
    if let Some((a, b)) = opts.diff.clone() {
        if !matches!(opts.mode, Mode::Repl) || opts.plan {
            eprintln!("exsh: --diff compares two org files; it runs no script (leave out -File, -Command and --plan)");
            return ExitCode::from(BAD_COMMAND_LINE);
        }
        return run_diff(&a, &b, opts.plan_json.as_deref());
    }
    if let Some(snapshot) = opts.import.clone() {
        return run_import(&snapshot, &opts);
    }
    let planning = opts.plan || opts.plan_json.is_some();
    if planning && matches!(opts.mode, Mode::Repl) {
        eprintln!(
            "exsh: --plan needs a script (-File SCRIPT.ps1) or -Command TEXT; it does not start the interactive shell"
        );
        return ExitCode::from(BAD_COMMAND_LINE);
    }
    if planning && opts.no_exit {
        eprintln!("exsh: --plan cannot be used with -NoExit: the plan is printed when the run ends");
        return ExitCode::from(BAD_COMMAND_LINE);
    }
    let mut path = opts
        .org
        .clone()
        .or_else(|| std::env::var_os("EXSH_ORG").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("exsh-org.json"));
    if let Some(dir) = &opts.working_directory {
        // The org file and the script were named relative to where exsh started.
        if let Ok(cwd) = std::env::current_dir() {
            path = cwd.join(path);
            if let Some(json) = &mut opts.plan_json {
                *json = cwd.join(&*json);
            }
            if let Mode::File(file, _) = &mut opts.mode {
                *file = cwd.join(file.replace('\\', "/")).to_string_lossy().into_owned();
            }
        }
        if let Err(e) = std::env::set_current_dir(dir.replace('\\', "/")) {
            eprintln!("exsh: cannot use '{dir}' as the working directory: {e}");
            return ExitCode::from(BAD_COMMAND_LINE);
        }
    }
    if planning {
        return run_plan(&path, opts);
    }
    let mut org = match store::open_with(&path, opts.exchange, opts.update_level) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("exsh: {e}");
            return ExitCode::from(1);
        }
    };
    let mut engine = Engine::new(Box::new(StdHost::new()), cmdlets::registry(), org.directory().clone());
    engine.set_non_interactive(opts.non_interactive);
    let ran_first = !matches!(opts.mode, Mode::Repl);
    let mut exited = false;
    let code = match opts.mode {
        Mode::Repl => repl::run(&mut engine, &mut org, opts.no_logo),
        Mode::File(file, args) => {
            let text = match std::fs::read(&file) {
                Ok(b) => repl::host::decode_text(&b),
                Err(_) => {
                    eprintln!(
                        "The argument '{file}' to the -File parameter does not exist. Provide the path to an existing '.ps1' file as an argument to the -File parameter."
                    );
                    return ExitCode::from(64);
                }
            };
            let outcome = engine.run_script(&text, Some(&file), &args);
            exited = outcome.exited;
            outcome.exit_code
        }
        Mode::Command(text) => {
            let outcome = engine.run_line(&text);
            exited = outcome.exited;
            if outcome.exited {
                outcome.exit_code
            } else if outcome.exit_code != 0 || !outcome.last_success {
                1
            } else {
                0
            }
        }
    };
    // -NoExit: the interactive shell after the script or command (unless it called exit).
    let code = if ran_first && opts.no_exit && !exited {
        if !engine.changes().is_empty() {
            if let Err(e) = org.save(engine.changes()) {
                eprintln!("exsh: {e}");
                return ExitCode::from(1);
            }
            engine.clear_changes();
        }
        repl::run(&mut engine, &mut org, true)
    } else {
        code
    };
    if !engine.changes().is_empty() {
        if let Err(e) = org.save(engine.changes()) {
            eprintln!("exsh: {e}");
            return ExitCode::from(1);
        }
    }
    // Exit without tearing the org down object by object (tens of milliseconds on a big org):
    // everything is saved, so only the output streams need flushing.
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    std::process::exit(code & 0xFF)
}

/// Runs the script or command of `opts` (never the REPL) as usual, and returns its exit code as a
/// normal run reports it, with the engine for its changes. `None` when the script file cannot be read.
fn run_mode(engine: &mut Engine, mode: Mode) -> Option<i32> {
    match mode {
        Mode::Repl => Some(0),
        Mode::File(file, args) => {
            let Ok(b) = std::fs::read(&file) else {
                eprintln!(
                    "The argument '{file}' to the -File parameter does not exist. Provide the path to an existing '.ps1' file as an argument to the -File parameter."
                );
                return None;
            };
            let text = repl::host::decode_text(&b);
            Some(engine.run_script(&text, Some(&file), &args).exit_code)
        }
        Mode::Command(text) => {
            let outcome = engine.run_line(&text);
            Some(if outcome.exited {
                outcome.exit_code
            } else if outcome.exit_code != 0 || !outcome.last_success {
                1
            } else {
                0
            })
        }
    }
}

/// Flushes the output streams and exits with `code` (see the end of `real_main`).
fn finish(code: i32) -> ExitCode {
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    std::process::exit(code & 0xFF)
}

/// Prints `plan` (after a blank line) and writes its JSON when asked; the exit code for it.
fn report_plan(plan: &exsh::plan::Plan, json: Option<&std::path::Path>) -> Result<(), String> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    let gap = if plan.source == exsh::plan::Source::Run { "\n" } else { "" };
    let _ = write!(out, "{gap}{}", exsh::plan::text::render(plan));
    let _ = out.flush();
    if let Some(file) = json {
        std::fs::write(file, exsh::plan::json::render(plan))
            .map_err(|e| format!("exsh: cannot write the plan to '{}': {e}", file.display()))?;
    }
    Ok(())
}

/// `exsh --plan`: run as usual on the org as the file holds it, save nothing (no org file, lock
/// or temp file is written or created), print the plan. Exit 0 without changes, 2 with changes,
/// 1 when the script failed (the plan of what it changed before failing is still printed: a
/// normal run saves that much).
fn run_plan(path: &std::path::Path, opts: Options) -> ExitCode {
    let before = match store::open_read_only(path, opts.exchange, opts.update_level) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("exsh: {e}");
            return ExitCode::from(1);
        }
    };
    let mut engine = Engine::new(Box::new(StdHost::new()), cmdlets::registry(), before.clone());
    engine.set_non_interactive(opts.non_interactive);
    let Some(code) = run_mode(&mut engine, opts.mode) else {
        return ExitCode::from(64);
    };
    let after = match store::saved_state(path, &before, engine.changes()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("exsh: {e}");
            return finish(1);
        }
    };
    let plan = exsh::plan::Plan::between(exsh::plan::Source::Run, &before, &after);
    if let Err(e) = report_plan(&plan, opts.plan_json.as_deref()) {
        eprintln!("{e}");
        return finish(1);
    }
    finish(if code != 0 {
        1
    } else if plan.has_changes() {
        2
    } else {
        0
    })
}

/// `exsh --diff A B`: the plan from org file A to org file B. Exit 0 the same, 2 different,
/// 1 when a file is missing or is not an org file.
fn run_diff(a: &str, b: &str, json: Option<&std::path::Path>) -> ExitCode {
    let load = |p: &str| match store::read_only(std::path::Path::new(p)) {
        Ok(Some(d)) => Ok(d),
        Ok(None) => Err(format!("exsh: org file '{p}' does not exist")),
        Err(e) => Err(format!("exsh: {e}")),
    };
    // The two files are read at once: on a big org reading is most of the time.
    let (first, second) = std::thread::scope(|s| {
        let other = s.spawn(|| load(b));
        let first = load(a);
        (first, other.join().unwrap_or_else(|_| Err(format!("exsh: cannot read org file '{b}'"))))
    });
    let (before, after) = match (first, second) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let plan = exsh::plan::Plan::between(exsh::plan::Source::Files(a.to_string(), b.to_string()), &before, &after);
    if let Err(e) = report_plan(&plan, json) {
        eprintln!("{e}");
        return finish(1);
    }
    finish(if plan.has_changes() { 2 } else { 0 })
}

/// `exsh --import SNAPSHOT --org FILE`: writes the org built from the snapshot (docs/snapshot.md).
/// Exit 0 when written, 1 when the snapshot or the org file is refused (nothing written), 64 for
/// a command line that mixes --import with a run.
fn run_import(snapshot: &std::path::Path, opts: &Options) -> ExitCode {
    if !matches!(opts.mode, Mode::Repl) || opts.plan || opts.plan_json.is_some() || opts.diff.is_some() {
        eprintln!(
            "exsh: --import builds an org file; it runs no script (leave out -File, -Command, --plan and --diff)"
        );
        return ExitCode::from(BAD_COMMAND_LINE);
    }
    if opts.exchange.is_some() {
        eprintln!("exsh: --import takes the Exchange version from the snapshot; leave out --exchange");
        return ExitCode::from(BAD_COMMAND_LINE);
    }
    let Some(path) = opts.org.clone() else {
        eprintln!("exsh: --import needs --org FILE: the org file to write");
        return ExitCode::from(BAD_COMMAND_LINE);
    };
    match store::import(snapshot, &path, opts.update_level) {
        Ok(done) => {
            for w in &done.warnings {
                eprintln!("exsh: warning: {w}");
            }
            if !done.export_errors.is_empty() {
                eprintln!(
                    "exsh: warning: the export recorded {} error(s); those objects may be incomplete:",
                    done.export_errors.len()
                );
                for e in &done.export_errors {
                    eprintln!("    {e}");
                }
            }
            let d = &done.directory;
            let level = d.org.update_level.map(|l| format!(" {}", l.name())).unwrap_or_default();
            println!(
                "{} '{}' from snapshot '{}': an {}{level} organization '{}' with {} recipients, {} databases, {} principals{}.",
                if done.replaced { "Replaced" } else { "Created" },
                path.display(),
                snapshot.display(),
                d.org.version.profile_name(),
                d.org.name,
                d.recipients.len(),
                d.databases.len(),
                d.principals.len(),
                if done.orphans == 0 { String::new() } else { format!(", {} orphaned SIDs", done.orphans) }
            );
            finish(0)
        }
        Err(e) => {
            eprintln!("exsh: {e}");
            ExitCode::from(1)
        }
    }
}
