//! Behaviour tests: every `tests/cases/**/*.ps1` runs through the real binary and its console
//! transcript must match the `.out` file beside it (stdout, then `--- stderr ---` and stderr when
//! there is any, then `--- exit N ---` when the exit code is not 0).
//!
//! Per-case options, on the script's first lines:
//! - `# exchange: Online` picks the org profile (default Exchange2019);
//! - `# stdin: a|b` feeds those lines (split on `|`) on standard input;
//! - `# args: -User michelle` passes script arguments.
//!
//! Set `EXSH_BLESS=1` to write the actual transcript into the `.out` file (review the diff!).

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
    let mut cmd = assert_cmd::Command::cargo_bin("exsh")?;
    cmd.current_dir(case_dir)
        .env("SOURCE_DATE_EPOCH", "1764070771")
        .env_remove("EXSH_ORG")
        .env("NO_COLOR", "1")
        .arg("--org")
        .arg(&org);
    if let Some(profile) = option(&src, "exchange") {
        cmd.arg("--exchange").arg(profile);
    }
    let name = path.file_name().ok_or("no name")?.to_string_lossy().to_string();
    cmd.arg("-File").arg(&name);
    if let Some(args) = option(&src, "args") {
        cmd.args(args.split_whitespace());
    }
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
    let expected_path = path.with_extension("out");
    if std::env::var_os("EXSH_BLESS").is_some() {
        std::fs::write(&expected_path, &actual)?;
        return Ok(());
    }
    let expected = std::fs::read_to_string(&expected_path)
        .map_err(|e| format!("{}: {e} (run with EXSH_BLESS=1 to create it)", expected_path.display()))?;
    if expected != actual {
        return Err(format!(
            "transcript mismatch for {}\n--- expected ---\n{expected}\n--- actual ---\n{actual}",
            path.display()
        )
        .into());
    }
    Ok(())
}

datatest_stable::harness! {
    { test = run_case, root = "tests/cases", pattern = r"\.ps1$" },
}
