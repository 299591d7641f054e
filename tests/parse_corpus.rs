//! The parse corpus: every snippet under `tests/parse_corpus/<set>/*.txt` is parsed in both language
//! profiles (Windows PowerShell 5.1 and PowerShell 7) and must parse, unless PowerShell itself
//! rejects it (`REJECTED`, with PowerShell's error id and message) or it waits for a construct
//! another branch adds (`PENDING`).
//!
//! Sets: `tree-sitter-powershell/` (the sources of tree-sitter-powershell's test corpus, MIT, see
//! its README and LICENSE) and `exsh/` (exsh's own snippets for the language features admin scripts
//! use). An entry is a line `=== <title>` followed by its source.

use std::path::Path;

use exsh::syntax::{LanguageVersion, ParseOptions, parse_with};

/// Which profiles reject an entry.
#[derive(Clone, Copy, PartialEq)]
enum In {
    /// Both 5.1 and 7.
    Both,
    /// Only Windows PowerShell 5.1 (pwsh 7 syntax).
    Desktop51,
    /// Only PowerShell 7 (Windows PowerShell syntax pwsh dropped).
    Pwsh7,
}

/// Entries PowerShell rejects: (file, title, profiles, error id, message).
const REJECTED: &[(&str, &str, In, &str, &str)] = &[
    // `"$i:$i"`: a variable name followed by `:` and no name character is a drive-qualified
    // reference with no name (PowerShell's tokenizer, ScanVariable).
    (
        "tree-sitter-powershell/loops.txt",
        "For loop : Comma separated assignment expressions enclosed in parenthesis",
        In::Both,
        "InvalidVariableReferenceWithDrive",
        "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
    ),
    // Pipeline chains are PowerShell 7 syntax; 5.1's tokenizer reads `&&` / `||` and reports
    // InvalidEndOfLine.
    (
        "tree-sitter-powershell/pipeline_chains.txt",
        "Pipeline chain #1: &&",
        In::Desktop51,
        "InvalidEndOfLine",
        "The token '&&' is not a valid statement separator in this version.",
    ),
    (
        "tree-sitter-powershell/pipeline_chains.txt",
        "Pipeline chain #2: ||",
        In::Desktop51,
        "InvalidEndOfLine",
        "The token '||' is not a valid statement separator in this version.",
    ),
    (
        "tree-sitter-powershell/pipeline_chains.txt",
        "Pipeline chain #3: Priority over redirection and pipe",
        In::Desktop51,
        "InvalidEndOfLine",
        "The token '&&' is not a valid statement separator in this version.",
    ),
    // pwsh 7's operators: 5.1's tokenizer reads `?`, `??`, `??=`, `?.Name` as generic tokens.
    // Workflows: Windows PowerShell 5.1 only; pwsh's semantic check reports the definition.
    (
        "exsh/statements.txt",
        "workflow with parallel and sequence",
        In::Pwsh7,
        "WorkflowNotSupportedInPowerShellCore",
        "Workflow is not supported in PowerShell 6+.",
    ),
    (
        "exsh/pwsh7.txt",
        "pipeline chain and",
        In::Desktop51,
        "InvalidEndOfLine",
        "The token '&&' is not a valid statement separator in this version.",
    ),
    (
        "exsh/pwsh7.txt",
        "pipeline chain or",
        In::Desktop51,
        "InvalidEndOfLine",
        "The token '||' is not a valid statement separator in this version.",
    ),
    (
        "exsh/pwsh7.txt",
        "pipeline chains mixed",
        In::Desktop51,
        "InvalidEndOfLine",
        "The token '&&' is not a valid statement separator in this version.",
    ),
    (
        "exsh/pwsh7.txt",
        "pipeline chain across a line",
        In::Desktop51,
        "InvalidEndOfLine",
        "The token '&&' is not a valid statement separator in this version.",
    ),
    ("exsh/pwsh7.txt", "ternary", In::Desktop51, "UnexpectedToken", "Unexpected token '?' in expression or statement."),
    (
        "exsh/pwsh7.txt",
        "nested ternary",
        In::Desktop51,
        "UnexpectedToken",
        "Unexpected token '?' in expression or statement.",
    ),
    (
        "exsh/pwsh7.txt",
        "null-coalescing",
        In::Desktop51,
        "UnexpectedToken",
        "Unexpected token '??' in expression or statement.",
    ),
    (
        "exsh/pwsh7.txt",
        "null-coalescing assignment",
        In::Desktop51,
        "UnexpectedToken",
        "Unexpected token '??=' in expression or statement.",
    ),
    (
        "exsh/pwsh7.txt",
        "null-conditional member",
        In::Desktop51,
        "UnexpectedToken",
        "Unexpected token '?.Name' in expression or statement.",
    ),
    (
        "exsh/pwsh7.txt",
        "null-conditional index",
        In::Desktop51,
        "UnexpectedToken",
        "Unexpected token '?[0]' in expression or statement.",
    ),
];

/// Entries that need a construct another helper is adding at the same time: (file, title, what it
/// waits for). They are not checked here (some already "parse" as a command named `class` or
/// `enum`); the coordinator empties this list when the branches merge.
const PENDING: &[(&str, &str, &str)] = &[
    // `class` statements (helper `types`).
    ("tree-sitter-powershell/classes.txt", "Class : empty declaration", "class"),
    ("tree-sitter-powershell/classes.txt", "Class : string property", "class"),
    ("tree-sitter-powershell/classes.txt", "Class : string property with attributes", "class"),
    ("tree-sitter-powershell/classes.txt", "Class : method declaration", "class"),
    ("tree-sitter-powershell/classes.txt", "Class : method declaration with parameters", "class"),
    ("tree-sitter-powershell/classes.txt", "Class : mix method and properties declaration", "class"),
    // `enum` statements (helper `types`).
    ("tree-sitter-powershell/enum.txt", "Enum : Simple enum", "enum"),
    ("tree-sitter-powershell/enum.txt", "More complex enum", "enum"),
    ("tree-sitter-powershell/enum.txt", "Enum : Complex enum", "enum"),
];

/// One corpus entry.
struct Entry {
    file: String,
    title: String,
    source: String,
}

fn entries() -> Vec<Entry> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parse_corpus");
    let mut out = Vec::new();
    let mut sets: Vec<_> = std::fs::read_dir(&root).expect("corpus dir").flatten().map(|e| e.path()).collect();
    sets.sort();
    for set in sets.iter().filter(|p| p.is_dir()) {
        let mut files: Vec<_> = std::fs::read_dir(set).expect("set dir").flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files.iter().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
            let name = format!(
                "{}/{}",
                set.file_name().unwrap_or_default().to_string_lossy(),
                f.file_name().unwrap_or_default().to_string_lossy()
            );
            let text = std::fs::read_to_string(f).expect("corpus file");
            let mut cur: Option<Entry> = None;
            for line in text.split_inclusive('\n') {
                if let Some(title) = line.strip_prefix("=== ") {
                    out.extend(cur.take());
                    cur =
                        Some(Entry { file: name.clone(), title: title.trim_end().to_string(), source: String::new() });
                } else if let Some(e) = cur.as_mut() {
                    e.source.push_str(line);
                }
            }
            out.extend(cur);
        }
    }
    for e in &mut out {
        let trimmed = e.source.trim_end_matches(['\n', '\r']).len();
        e.source.truncate(trimmed);
    }
    out
}

#[test]
fn every_corpus_entry_parses_as_powershell_does() {
    let all = entries();
    assert!(all.len() > 150, "corpus not found ({} entries)", all.len());
    let mut failures = Vec::new();
    for e in &all {
        let pending = PENDING.iter().find(|p| p.0 == e.file && p.1 == e.title);
        for version in [LanguageVersion::Desktop51, LanguageVersion::Pwsh7] {
            let res = parse_with(&e.source, ParseOptions::new(version));
            let rejected = REJECTED.iter().find(|r| {
                r.0 == e.file
                    && r.1 == e.title
                    && match r.2 {
                        In::Both => true,
                        In::Desktop51 => version == LanguageVersion::Desktop51,
                        In::Pwsh7 => version == LanguageVersion::Pwsh7,
                    }
            });
            let what = format!("{} / {} ({version:?})", e.file, e.title);
            match (res, rejected, pending) {
                (_, None, Some(_)) => {}
                (Ok(_), None, None) => {}
                (Err(err), None, None) => failures.push(format!("{what}: {} ({})", err.message, err.error_id)),
                (Ok(_), Some(_), _) => failures.push(format!("{what}: parsed, PowerShell rejects it")),
                (Err(err), Some(r), _) => {
                    if err.error_id != r.3 || err.message != r.4 {
                        failures.push(format!(
                            "{what}: expected {} `{}`, got {} `{}`",
                            r.3, r.4, err.error_id, err.message
                        ));
                    }
                }
            }
        }
    }
    for r in REJECTED {
        assert!(all.iter().any(|e| e.file == r.0 && e.title == r.1), "REJECTED names no entry: {}", r.1);
    }
    for p in PENDING {
        assert!(all.iter().any(|e| e.file == p.0 && e.title == p.1), "PENDING names no entry: {}", p.1);
    }
    assert!(failures.is_empty(), "{} corpus failures:\n{}", failures.len(), failures.join("\n"));
}

/// Every prefix of every entry returns (an error or a tree) without panicking.
#[test]
fn every_prefix_of_every_entry_returns() {
    for e in entries() {
        for (k, _) in e.source.char_indices() {
            for version in [LanguageVersion::Desktop51, LanguageVersion::Pwsh7] {
                let _ = parse_with(&e.source[..k], ParseOptions::new(version));
            }
        }
    }
}
