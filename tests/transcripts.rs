//! Behaviour tests: every `tests/cases/**/*.ps1` runs through the real binary and its console
//! transcript must match the `.out` file beside it (stdout, then `--- stderr ---` and stderr when
//! there is any, then `--- exit N ---` when the exit code is not 0).
//!
//! Per-case options, on the script's first lines (tests/cases/README.md documents them):
//! - `# exchange: Online` picks the org profile (default Exchange2019);
//! - `# update-level: SP3 RU7` an Exchange2010 org's update level (`--update-level`);
//! - `# stdin: a|b` feeds those lines (split on `|`) on standard input;
//! - `# args: -User michelle` passes script arguments;
//! - `# org: orgs/delegates.json` starts from a copy of that org file (relative to the case)
//!   instead of a new sample org;
//! - `# known-difference: <reason>` says the `.out` file is what real Exchange/PowerShell prints
//!   and exsh differs: the case passes while the transcripts differ (and prints the reason), and
//!   fails once they match, so the marker gets removed.
//!
//! - `# cwd: temp` runs the case in a temporary copy of its folder (for cases that write files).
//! - `# exsh-args: --plan` passes exsh's own flags (before `-File`);
//! - `# diff: a.json b.json` runs `exsh --diff a.json b.json` (relative to the case) instead of the
//!   script.
//! - `# import: snap.json` runs `exsh --import snap.json` (relative to the case) into the case's
//!   org file instead of the script; a failed import must leave the org file as it was.
//!
//! A run with `--plan` or `--diff` must leave the org file as it was, byte for byte (absent when
//! the case starts from a new org), and no lock or temp file beside it. When `<case>.plan.json`
//! exists, the run gets `--plan-json` and the plan JSON must equal it (compared as JSON).
//!
//! Every case gets its own empty sandbox (`EXSH_SANDBOX`) for Windows paths such as `C:\temp`.
//! When `<case>.files/` exists, each file in it must equal the file the run left: `cwd/…` in the
//! working folder, `C/…` (and `UNC/server/share/…`) in the sandbox.
//!
//! When `<case>.org.json` exists beside the case, the org file after the run must equal it
//! (both parsed as JSON and compared as pretty-printed text, so layout does not matter).
//!
//! Set `EXSH_BLESS=1` to write the actual transcript into the `.out` file and the org file into an
//! existing `<case>.org.json` (create it empty to start one; review the diff!). Known-difference
//! cases keep their `.out`: it is not exsh's to write.

use std::io::Write as _;
use std::path::Path;

fn option<'a>(src: &'a str, key: &str) -> Option<&'a str> {
    src.lines().take_while(|l| l.starts_with('#')).find_map(|l| l.strip_prefix(&format!("# {key}:")).map(|v| v.trim()))
}

fn run_case(path: &Path) -> datatest_stable::Result<()> {
    // Lossy: some cases are deliberately not UTF-8 (Windows-1252 scripts).
    let src = String::from_utf8_lossy(&std::fs::read(path)?).into_owned();
    let dir = tempfile::tempdir()?;
    let org = dir.path().join("org.json");
    let case_dir = path.parent().ok_or("no parent")?;
    if let Some(start) = option(&src, "org") {
        let start = case_dir.join(start);
        std::fs::copy(&start, &org).map_err(|e| format!("{}: {e} (named by `# org:`)", start.display()))?;
    }
    // Windows paths outside the current directory go to a sandbox of the run's own.
    let sandbox = dir.path().join("sandbox");
    // `# cwd: temp` runs the case in a copy of its folder, so files it writes stay out of the repo.
    let in_temp = option(&src, "cwd").is_some_and(|v| v.eq_ignore_ascii_case("temp"));
    let work = if in_temp {
        let w = dir.path().join("work");
        copy_folder(case_dir, &w)?;
        w
    } else {
        case_dir.to_path_buf()
    };
    let mut cmd = assert_cmd::Command::cargo_bin("exsh")?;
    cmd.current_dir(&work)
        .env("EXSH_SANDBOX", &sandbox)
        .env("SOURCE_DATE_EPOCH", "1764070771")
        .env("TZ", "UTC")
        .env_remove("EXSH_ORG")
        .env("NO_COLOR", "1")
        .arg("--org")
        .arg(&org);
    if let Some(profile) = option(&src, "exchange") {
        cmd.arg("--exchange").arg(profile);
    }
    if let Some(level) = option(&src, "update-level") {
        cmd.arg("--update-level").arg(level);
    }
    let own_args: Vec<&str> = option(&src, "exsh-args").map(|a| a.split_whitespace().collect()).unwrap_or_default();
    cmd.args(&own_args);
    let plan_json_expected = path.with_extension("plan.json");
    let plan_json = dir.path().join("plan.json");
    if plan_json_expected.exists() {
        cmd.arg("--plan-json").arg(&plan_json);
    }
    let diff = option(&src, "diff");
    let name = path.file_name().ok_or("no name")?.to_string_lossy().to_string();
    let import = option(&src, "import");
    if let Some(files) = diff {
        cmd.arg("--diff").args(files.split_whitespace());
    } else if let Some(snapshot) = import {
        cmd.arg("--import").arg(snapshot);
    } else {
        cmd.arg("-File").arg(&name);
        if let Some(args) = option(&src, "args") {
            cmd.args(args.split_whitespace());
        }
    }
    let rehearsal = diff.is_some() || own_args.iter().any(|a| a.eq_ignore_ascii_case("--plan"));
    let org_before = std::fs::read(&org).ok();
    let stdin =
        option(&src, "stdin").map(|s| s.split('|').map(|l| format!("{l}\n")).collect::<String>()).unwrap_or_default();
    cmd.write_stdin(stdin);
    let out = cmd.output()?;
    let mut actual = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    let stderr = String::from_utf8_lossy(&out.stderr).replace('\r', "");
    if !stderr.is_empty() {
        actual.push_str("--- stderr ---\n");
        actual.push_str(&stderr);
    }
    let code = out.status.code().unwrap_or(-1);
    if code != 0 {
        actual.push_str(&format!("--- exit {code} ---\n"));
    }
    if import.is_some() {
        // The org file is in the run's temporary folder.
        actual = actual.replace(&org.display().to_string(), "org.json");
        if code != 0 && std::fs::read(&org).ok() != org_before {
            return Err(format!("{}: a failed --import changed the org file", path.display()).into());
        }
    }
    let bless = std::env::var_os("EXSH_BLESS").is_some();
    let known_difference = option(&src, "known-difference");
    let org_after = path.with_extension("org.json");
    let mut problems = Vec::new();
    if org_after.exists() {
        let written = std::fs::read_to_string(&org).map_err(|e| format!("{}: {e}", org.display()))?;
        if bless {
            std::fs::write(&org_after, &written)?;
        } else {
            let expected = std::fs::read_to_string(&org_after)?;
            let (expected, actual) = (normalize_org(&expected), normalize_org(&written));
            if expected != actual {
                problems.push(format!(
                    "org file after the run differs from {} (run with EXSH_BLESS=1 to update it)\n{}",
                    org_after.display(),
                    differing_lines(&expected, &actual)
                ));
            }
        }
    }
    if rehearsal {
        if std::fs::read(&org).ok() != org_before {
            problems.push("a --plan or --diff run changed (or created) the org file".to_string());
        }
        let left: Vec<String> = std::fs::read_dir(dir.path())?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !matches!(n.as_str(), "org.json" | "plan.json" | "sandbox" | "work"))
            .collect();
        if !left.is_empty() {
            problems.push(format!("a --plan or --diff run left files beside the org file: {left:?}"));
        }
    }
    if plan_json_expected.exists() {
        let written = std::fs::read_to_string(&plan_json).map_err(|e| format!("{}: {e}", plan_json.display()))?;
        if bless {
            std::fs::write(&plan_json_expected, &written)?;
        } else {
            let expected = std::fs::read_to_string(&plan_json_expected)?;
            let (expected, actual) = (normalize_org(&expected), normalize_org(&written));
            if expected != actual {
                problems.push(format!(
                    "plan JSON differs from {} (run with EXSH_BLESS=1 to update it)\n{}",
                    plan_json_expected.display(),
                    differing_lines(&expected, &actual)
                ));
            }
        }
    }
    let files_dir = path.with_extension("files");
    if files_dir.is_dir() {
        check_files(&files_dir, &work, &sandbox, bless, &mut problems)?;
    }
    let expected_path = path.with_extension("out");
    if bless && known_difference.is_none() {
        std::fs::write(&expected_path, &actual)?;
    } else if !bless {
        let expected = std::fs::read_to_string(&expected_path)
            .map_err(|e| format!("{}: {e} (run with EXSH_BLESS=1 to create it)", expected_path.display()))?;
        match known_difference {
            None if expected != actual => problems.push(format!(
                "transcript mismatch for {}\n--- expected ---\n{expected}\n--- actual ---\n{actual}",
                path.display()
            )),
            None => {}
            Some(reason) if expected == actual => problems.push(format!(
                "{} matches real Exchange now: remove its `# known-difference: {reason}` line",
                path.display()
            )),
            Some(reason) => {
                let _ = writeln!(std::io::stderr(), "known difference in {}: {reason}", path.display());
            }
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n").into()) }
}

/// Copies a case folder (without transcripts and expected files) for a `# cwd: temp` run.
fn copy_folder(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let name = e.file_name().to_string_lossy().to_string();
        if name.ends_with(".out") || name.ends_with(".files") {
            continue;
        }
        if e.file_type()?.is_dir() {
            copy_folder(&e.path(), &to.join(&name))?;
        } else {
            std::fs::copy(e.path(), to.join(&name))?;
        }
    }
    Ok(())
}

/// `<case>.files/` holds the files expected after the run: `cwd/…` in the case's working folder,
/// `C/…`, `UNC/server/share/…` in the sandbox. Each must equal, byte for byte.
fn check_files(
    expected: &Path,
    work: &Path,
    sandbox: &Path,
    bless: bool,
    problems: &mut Vec<String>,
) -> std::io::Result<()> {
    let mut stack = vec![expected.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d)? {
            let e = e?;
            if e.file_type()?.is_dir() {
                stack.push(e.path());
                continue;
            }
            let rel = e.path().strip_prefix(expected).map(|p| p.to_path_buf()).unwrap_or_default();
            let mut parts = rel.components();
            let first = parts.next().map(|c| c.as_os_str().to_string_lossy().to_string()).unwrap_or_default();
            let rest = parts.as_path();
            let actual_path = if first == "cwd" { work.join(rest) } else { sandbox.join(&rel) };
            let actual = std::fs::read(&actual_path).ok();
            if bless {
                if let Some(a) = actual {
                    std::fs::write(e.path(), a)?;
                }
                continue;
            }
            let want = std::fs::read(e.path())?;
            match actual {
                None => problems.push(format!("expected file {} was not written", rel.display())),
                Some(a) if a != want => problems.push(format!(
                    "file {} differs\n--- expected ---\n{:?}\n--- actual ---\n{:?}",
                    rel.display(),
                    String::from_utf8_lossy(&want),
                    String::from_utf8_lossy(&a)
                )),
                Some(_) => {}
            }
        }
    }
    Ok(())
}

/// The part of two texts between their first and last differing lines, with a little context.
fn differing_lines(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let head = e.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let tail = e.iter().rev().zip(a.iter().rev()).take_while(|(x, y)| x == y).count();
    let tail = tail.min(e.len() - head).min(a.len() - head);
    let from = head.saturating_sub(3);
    let window = |lines: &[&str]| lines[from..(lines.len() - tail + 3).min(lines.len())].join("\n");
    format!("--- expected (from line {}) ---\n{}\n--- actual ---\n{}", from + 1, window(&e), window(&a))
}

/// An org file's JSON, pretty-printed in its own key order: layout and spacing do not count.
fn normalize_org(text: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => serde_json::to_string_pretty(&v).unwrap_or_default(),
        Err(e) => format!("(not JSON: {e})\n{text}"),
    }
}

datatest_stable::harness! {
    // Scripts under a `lib/` folder are the files cases call (`& .\lib\x.ps1`), not cases.
    { test = run_case, root = "tests/cases", pattern = r"^(?!(.*/)?lib/).*\.ps1$" },
}
