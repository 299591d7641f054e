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
    let mut path = opts
        .org
        .clone()
        .or_else(|| std::env::var_os("EXSH_ORG").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("exsh-org.json"));
    if let Some(dir) = &opts.working_directory {
        // The org file and the script were named relative to where exsh started.
        if let Ok(cwd) = std::env::current_dir() {
            path = cwd.join(path);
            if let Mode::File(file, _) = &mut opts.mode {
                *file = cwd.join(file.replace('\\', "/")).to_string_lossy().into_owned();
            }
        }
        if let Err(e) = std::env::set_current_dir(dir.replace('\\', "/")) {
            eprintln!("exsh: cannot use '{dir}' as the working directory: {e}");
            return ExitCode::from(BAD_COMMAND_LINE);
        }
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
