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
    exsh [OPTIONS] -Command TEXT            run text (-c TEXT; -Command - reads stdin)

OPTIONS:
    --org PATH          the org file (default: $EXSH_ORG, else ./exsh-org.json);
                        a missing file is created from the built-in Contoso sample org
    --exchange PROFILE  version of a newly created org: Exchange2010, Exchange2013,
                        Exchange2016, Exchange2019 (default) or Online
    --update-level L    an Exchange2010 org's service pack and rollup: RTM, SP1, SP2,
                        SP3, or with a rollup such as 'SP3 RU7' (default SP3 RU32);
                        before SP3 RU8, Full Access plus Send on Behalf means Send As
    -NoLogo             no banner in the REPL
    -NoProfile, -NonInteractive, -ExecutionPolicy X
                        accepted and ignored (pwsh compatibility)
    --help, --version   this text / the version
";

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
    mode: Mode,
}

fn parse_args(args: Vec<String>) -> Result<Option<Options>, String> {
    let mut o = Options { org: None, exchange: None, update_level: None, no_logo: false, mode: Mode::Repl };
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        let lower = a.to_ascii_lowercase();
        let value = |i: usize| args.get(i + 1).cloned().ok_or_else(|| format!("exsh: missing value for {a}"));
        match lower.as_str() {
            "--help" | "-help" | "-h" | "-?" | "/?" => {
                print!("{USAGE}");
                return Ok(None);
            }
            "--version" | "-version" | "-v" => {
                println!("exsh {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--org" | "-org" => {
                o.org = Some(PathBuf::from(value(i)?));
                i += 1;
            }
            "--exchange" | "-exchange" => {
                let v = value(i)?;
                o.exchange = Some(ExchangeVersion::from_profile(&v).ok_or_else(|| {
                    format!(
                        "exsh: unknown Exchange profile '{v}'. Valid profiles: Exchange2010, Exchange2013, Exchange2016, Exchange2019, Online"
                    )
                })?);
                i += 1;
            }
            "--update-level" | "-update-level" => {
                let v = value(i)?;
                o.update_level = Some(UpdateLevel::parse(&v).map_err(|m| format!("exsh: {m}"))?);
                i += 1;
            }
            "-nologo" | "--nologo" => o.no_logo = true,
            "-noprofile" | "-nop" | "-noninteractive" | "-noni" | "--noprofile" | "--noninteractive" => {}
            "-executionpolicy" | "-ep" | "-ex" => i += 1,
            "-command" | "-c" | "--command" => {
                let rest: Vec<String> = args[i + 1..].to_vec();
                if rest.is_empty() {
                    return Err("exsh: missing value for -Command".into());
                }
                let text = if rest.len() == 1 && rest[0] == "-" {
                    let mut s = String::new();
                    std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
                        .map_err(|e| format!("exsh: cannot read stdin: {e}"))?;
                    s
                } else {
                    rest.join(" ")
                };
                o.mode = Mode::Command(text);
                return Ok(Some(o));
            }
            "-file" | "-f" | "--file" => {
                let path = value(i)?;
                o.mode = Mode::File(path, script_args(&args[i + 2..]));
                return Ok(Some(o));
            }
            _ if !a.starts_with('-') => {
                o.mode = Mode::File(a.clone(), script_args(&args[i + 1..]));
                return Ok(Some(o));
            }
            _ => return Err(format!("exsh: unknown option '{a}' (see exsh --help)")),
        }
        i += 1;
    }
    Ok(Some(o))
}

fn script_args(rest: &[String]) -> Vec<ScriptArg> {
    rest.iter()
        .map(|a| match a.strip_prefix('-') {
            Some(name) if name.chars().next().map(|c| c.is_alphabetic()).unwrap_or(false) => match name.split_once(':')
            {
                Some((n, v)) => ScriptArg::Named(n.to_string(), Some(v.to_string())),
                None => ScriptArg::Named(name.to_string(), None),
            },
            _ => ScriptArg::Positional(a.clone()),
        })
        .collect()
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
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opts = match parse_args(args) {
        Ok(Some(o)) => o,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let path = opts
        .org
        .clone()
        .or_else(|| std::env::var_os("EXSH_ORG").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("exsh-org.json"));
    let mut org = match store::open_with(&path, opts.exchange, opts.update_level) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("exsh: {e}");
            return ExitCode::from(1);
        }
    };
    let mut engine = Engine::new(Box::new(StdHost::new()), cmdlets::registry(), org.directory().clone());
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
            outcome.exit_code
        }
        Mode::Command(text) => {
            let outcome = engine.run_line(&text);
            if outcome.exited {
                outcome.exit_code
            } else if outcome.exit_code != 0 || !outcome.last_success {
                1
            } else {
                0
            }
        }
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
