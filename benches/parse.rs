//! Parse throughput of exsh's parser on a set of PowerShell files, in MB/s.
//!
//! `cargo bench --bench parse -- FILES…` parses every file repeatedly for about two seconds and
//! prints one line: `exsh-parser files=N bytes=B seconds=S mb_per_s=X` (the same shape as
//! `scripts/ts_parse.py` prints for tree-sitter-powershell, so `scripts/bench-scripts.sh` can put the
//! two side by side). Without files it reads every `.ps1` under `tests/cases`.
//! Under `cargo test` (no `--bench` flag) it parses each file once and fails on a file that does not
//! parse, so the benchmark's input set stays valid.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn ps1_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            ps1_files(&p, out);
        } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ps1")) {
            out.push(p);
        }
    }
}

/// Reads a script for the benchmark: UTF-8 (a BOM dropped), else Windows-1252-ish bytes taken one
/// for one. Returns the text and the file's size without the BOM, which is what the MB/s counts
/// (as scripts/ts_parse.py counts it).
fn read_text(p: &Path) -> Option<(String, usize)> {
    let bytes = std::fs::read(p).ok()?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    };
    Some((text, bytes.len()))
}

/// The grammar a transcript case runs with: pwsh 7's for `# exchange: Online` cases (their header
/// comments), Windows PowerShell 5.1's otherwise.
fn options_for(text: &str) -> exsh::syntax::ParseOptions {
    let online = text
        .lines()
        .take_while(|l| l.starts_with('#'))
        .any(|l| l.trim_end().eq_ignore_ascii_case("# exchange: Online"));
    let version = if online { exsh::syntax::LanguageVersion::Pwsh7 } else { exsh::syntax::LanguageVersion::Desktop51 };
    exsh::syntax::ParseOptions::new(version)
}

fn main() {
    let mut bench = false;
    let mut files = Vec::new();
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--bench" => bench = true,
            s if s.starts_with("--") => {}
            s => files.push(PathBuf::from(s)),
        }
    }
    if files.is_empty() {
        ps1_files(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases").as_path(), &mut files);
    }
    files.retain(|p| p.is_file());
    let read: Vec<(String, usize)> = files.iter().filter_map(|p| read_text(p)).collect();
    let bytes: usize = read.iter().map(|(_, n)| n).sum();
    let texts: Vec<String> = read.into_iter().map(|(t, _)| t).collect();
    let options: Vec<exsh::syntax::ParseOptions> = texts.iter().map(|t| options_for(t)).collect();
    // Files that are meant not to parse (the parse-error cases) still count: the parser reads them
    // up to the error, which is work too.
    if !bench {
        // Every file of the set parses, unless it is a transcript case whose expected output is a
        // parse error.
        let mut wrong = Vec::new();
        for ((p, t), o) in files.iter().zip(&texts).zip(&options) {
            if exsh::syntax::parse_with(t, *o).is_err() {
                let out = std::fs::read_to_string(p.with_extension("out")).unwrap_or_default();
                if !out.contains("ParserError") {
                    wrong.push(p.display().to_string());
                }
            }
        }
        println!("exsh-parser: {} files ({bytes} bytes) checked", texts.len());
        assert!(wrong.is_empty(), "these files do not parse: {wrong:?}");
        return;
    }
    let start = Instant::now();
    let mut rounds = 0u64;
    while start.elapsed() < Duration::from_secs(2) || rounds == 0 {
        for (t, o) in texts.iter().zip(&options) {
            std::hint::black_box(exsh::syntax::parse_with(std::hint::black_box(t), *o).is_ok());
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let total = bytes as f64 * rounds as f64;
    println!(
        "exsh-parser files={} bytes={bytes} seconds={secs:.3} rounds={rounds} mb_per_s={:.2}",
        texts.len(),
        total / secs / 1e6
    );
}
