//! The example scripts in `scripts/` run as a newcomer would run them: grant from the CSV file,
//! report, revoke, report again — on one org file across separate processes.

use std::path::{Path, PathBuf};

fn exsh(org: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("exsh").expect("binary");
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1764070771")
        .arg("--org")
        .arg(org);
    c
}

fn stdout(c: &mut assert_cmd::Command) -> String {
    let out = c.output().expect("run");
    assert!(
        out.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "unexpected errors:\n{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).replace('\r', "")
}

fn org_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("org.json")
}

#[test]
fn grant_report_revoke() {
    let dir = tempfile::tempdir().expect("tempdir");
    let org = org_in(&dir);
    let grant = stdout(exsh(&org).args(["-File", "scripts/grant.ps1", "-Path", "scripts/grants.csv"]));
    assert!(grant.contains("5 of 5 grants applied."), "{grant}");
    let report = stdout(exsh(&org).args(["-File", "scripts/report.ps1"]));
    for line in [
        "Help Desk  CONTOSO\\helpdeskagents FullAccess",
        "Help Desk  CONTOSO\\helpdeskagents SendAs",
        "Karen Berg CONTOSO\\michelle       FullAccess",
        "Karen Berg Michelle Dubois        SendOnBehalf",
    ] {
        assert!(report.contains(line), "missing {line:?} in\n{report}");
    }
    let revoke = stdout(exsh(&org).args(["-File", "scripts/revoke.ps1", "-User", "michelle"]));
    assert!(revoke.contains("3 permissions of Michelle Dubois removed."), "{revoke}");
    let after = stdout(exsh(&org).args(["-File", "scripts/report.ps1"]));
    assert!(!after.contains("michelle") && !after.contains("Michelle"), "{after}");
    assert!(after.contains("Help Desk CONTOSO\\helpdeskagents SendAs"), "{after}");
}

#[test]
fn grant_with_whatif_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let org = org_in(&dir);
    stdout(exsh(&org).args(["-Command", "Get-Mailbox karen | Out-Null"]));
    let before = std::fs::read(&org).expect("org file");
    let out = stdout(exsh(&org).args(["-File", "scripts/grant.ps1", "-Path", "scripts/grants.csv", "-WhatIf"]));
    assert!(
        out.contains(
            "What if: Adding Mailbox Permission on 'karen' for User 'michelle' with AccessRights ''FullAccess''."
        ),
        "{out}"
    );
    assert_eq!(before, std::fs::read(&org).expect("org file"), "a -WhatIf run rewrote the org file");
}

#[test]
fn report_to_csv() {
    let dir = tempfile::tempdir().expect("tempdir");
    let org = org_in(&dir);
    stdout(exsh(&org).args(["-File", "scripts/grant.ps1", "-Path", "scripts/grants.csv"]));
    let csv = dir.path().join("perms.csv");
    let out = stdout(exsh(&org).args(["-File", "scripts/report.ps1", "-CsvPath"]).arg(&csv));
    assert!(out.contains("4 permissions written to"), "{out}");
    let text = std::fs::read_to_string(&csv).expect("csv written");
    assert!(text.starts_with("\"Mailbox\",\"Delegate\",\"Permission\"\r\n"), "{text}");
    assert!(text.contains("\"Karen Berg\",\"CONTOSO\\michelle\",\"FullAccess\""), "{text}");
}
