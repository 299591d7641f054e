//! Every example in every registered cmdlet's signature (what Get-Help shows) is parsed with the
//! syntax parser and run through the public engine, so the binder checks it against the
//! signature: each Exchange example on a fresh sample org of every version it applies to, each
//! core example on the Exchange 2019 sample org. An example may fail for other reasons (it names
//! a mailbox the sample org does not have, a file that does not exist), but never with a binding
//! error (an unknown or ambiguous parameter, a missing argument or mandatory parameter, a value
//! that does not convert or validate) and never by calling a command that does not exist there.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use exsh::cmdlet::{FileAccess, Origin, Signature};
use exsh::directory::{Directory, ExchangeVersion};
use exsh::engine::host::MemoryFiles;
use exsh::engine::{Engine, Host};

/// Error ids of PowerShell's ParameterBindingException family, and a missing command.
const BINDING_ERRORS: &[&str] = &[
    "NamedParameterNotFound",
    "AmbiguousParameter",
    "AmbiguousParameterSet",
    "MissingArgument",
    "MissingMandatoryParameter",
    "ParameterAlreadyBound",
    "PositionalParameterNotFound",
    "ParameterArgumentTransformationError",
    "ParameterArgumentValidationError",
    "ParameterArgumentValidationErrorNullNotAllowed",
    "CannotConvertArgument",
    "CannotConvertArgumentNoMessage",
    "InputObjectNotBound",
    "CommandNotFoundException",
];

/// Output the test can still read after the engine has taken the host.
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A host with no input, a fixed clock, files in memory and output the test reads.
struct CaptureHost {
    out: Shared,
    err: Vec<u8>,
    files: MemoryFiles,
}

impl Host for CaptureHost {
    fn out(&mut self) -> &mut dyn Write {
        &mut self.out
    }

    fn err(&mut self) -> &mut dyn Write {
        &mut self.err
    }

    fn read_line(&mut self, _secure: bool) -> io::Result<Option<String>> {
        // No input: prompts get end of input (confirmations decline, Read-Host returns nothing).
        Ok(None)
    }

    fn colors(&self) -> bool {
        false
    }

    fn interactive(&self) -> bool {
        false
    }

    fn width(&self) -> usize {
        120
    }

    fn now(&self) -> i64 {
        1_764_070_771
    }

    fn env(&self, name: &str) -> Option<String> {
        name.eq_ignore_ascii_case("USERNAME").then(|| "Administrator".into())
    }

    fn files(&mut self) -> &mut dyn FileAccess {
        &mut self.files
    }
}

/// The binding errors running `code` on a fresh sample org of `version` produced, as
/// `(error id, message)`.
fn binding_errors(code: &str, version: ExchangeVersion) -> Vec<(String, String)> {
    let out = Rc::new(RefCell::new(Vec::new()));
    let host = CaptureHost { out: Shared(out.clone()), err: Vec::new(), files: MemoryFiles::default() };
    let mut engine = Engine::new(Box::new(host), exsh::cmdlets::registry(), Directory::sample(version));
    engine.run_script(code, Some("example.ps1"), &[]);
    out.borrow_mut().clear();
    engine.run_line("$Error | ForEach-Object { '##' + $_.FullyQualifiedErrorId + '##' + $_.Exception.Message }");
    let text = String::from_utf8_lossy(&out.borrow()).to_string();
    text.lines()
        .filter_map(|l| l.strip_prefix("##"))
        .filter_map(|l| l.split_once("##"))
        .map(|(id, msg)| (id.split(',').next().unwrap_or(id).to_string(), msg.to_string()))
        .filter(|(id, _)| BINDING_ERRORS.contains(&id.as_str()))
        .collect()
}

/// True when the example names (`-Name`, exactly) a parameter of `sig` that `version` does not
/// have: the example is for other versions (`-Permanent $true` is on-premises only).
fn uses_parameter_missing_in(sig: &Signature, version: ExchangeVersion, code: &str) -> bool {
    code.split(|c: char| c.is_whitespace() || c == ':' || c == '(' || c == '{')
        .filter_map(|w| w.strip_prefix('-'))
        .any(|name| sig.params.iter().any(|p| p.name.eq_ignore_ascii_case(name) && !p.available_in(version)))
}

/// A command not found is a binding-like failure when it is a command name; a script path that
/// does not exist here (`. $env:ExchangeInstallPath\bin\RemoteExchange.ps1`) is only missing.
fn is_missing_file(id: &str, message: &str) -> bool {
    let term = message.split('\'').nth(1).unwrap_or("");
    id == "CommandNotFoundException" && (term.contains(['\\', '/']) || term.to_ascii_lowercase().ends_with(".ps1"))
}

#[test]
fn every_signature_example_parses_and_binds() {
    let registry = exsh::cmdlets::registry();
    let mut failures = Vec::new();
    let mut runs = 0;
    for entry in registry.entries() {
        let sig = &entry.signature;
        let versions: Vec<ExchangeVersion> = match sig.origin {
            Origin::Exchange | Origin::Exsh => ExchangeVersion::ALL
                .into_iter()
                .filter(|v| sig.versions.is_empty() || sig.versions.contains(v))
                .collect(),
            // Core cmdlets: one run, on Exchange 2019 unless the cmdlet exists only elsewhere
            // (Get-ConnectionInformation is Exchange Online's module).
            Origin::Core => match sig.versions.first() {
                Some(v) if !sig.versions.contains(&ExchangeVersion::Exchange2019) => vec![*v],
                _ => vec![ExchangeVersion::Exchange2019],
            },
        };
        assert!(!versions.is_empty(), "{} is in no version", sig.name);
        for (i, example) in sig.examples.iter().enumerate() {
            let what = format!("{} example {} `{}`", sig.name, i + 1, example.code);
            if let Err(e) = exsh::syntax::parse(example.code) {
                failures.push(format!("{what}: does not parse: {} ({})", e.message, e.error_id));
                continue;
            }
            let mut applies = 0;
            for &v in &versions {
                if uses_parameter_missing_in(sig, v, example.code) {
                    continue;
                }
                runs += 1;
                applies += 1;
                for (id, message) in binding_errors(example.code, v) {
                    if !is_missing_file(&id, &message) {
                        failures.push(format!("{what} on {v:?}: {id}: {message}"));
                    }
                }
            }
            if applies == 0 {
                failures.push(format!("{what}: uses parameters no version of {} has", sig.name));
            }
        }
    }
    assert!(runs > 100, "too few examples run ({runs})");
    assert!(failures.is_empty(), "{} examples fail to bind:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_check_sees_binding_errors() {
    let v = ExchangeVersion::Exchange2019;
    let ids = |code: &str| binding_errors(code, v).into_iter().map(|(id, _)| id).collect::<Vec<_>>();
    assert_eq!(ids("Get-Mailbox -Bogus 1"), vec!["NamedParameterNotFound"]);
    assert_eq!(ids("Get-Mailbox -Identity"), vec!["MissingArgument"]);
    assert_eq!(ids("Add-MailboxPermission -Identity karen"), vec!["MissingMandatoryParameter"]);
    assert_eq!(ids("Get-Frobnicator"), vec!["CommandNotFoundException"]);
    // Not binding errors: an identity the org does not have, a missing file.
    assert_eq!(ids("Get-Mailbox nobody; Get-Content missing.txt"), Vec::<String>::new());
    let missing_script = binding_errors(". .\\missing.ps1", v);
    assert!(missing_script.iter().all(|(id, m)| is_missing_file(id, m)), "{missing_script:?}");
    let sig =
        exsh::cmdlets::registry().entries().find(|e| e.signature.name == "Remove-Mailbox").map(|e| e.signature.clone());
    let sig = sig.expect("Remove-Mailbox");
    assert!(uses_parameter_missing_in(&sig, ExchangeVersion::Online, "Remove-Mailbox x -Permanent $true"));
    assert!(!uses_parameter_missing_in(&sig, v, "Remove-Mailbox x -Permanent $true"));
    assert_eq!(ids("Get-Mailbox karen"), Vec::<String>::new());
}
