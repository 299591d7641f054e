//! Several exsh processes changing the same org file at once lose none of each other's changes.

mod common;

use std::process::{Command, Stdio};

use common::{alias, env_usize, leftovers, write_big_org};

#[test]
fn concurrent_processes_keep_every_grant() {
    let dir = tempfile::tempdir().expect("tempdir");
    let org = dir.path().join("org.json");
    let exe = env!("CARGO_BIN_EXE_exsh");
    // Create the org first so every process starts from the same file.
    let status =
        Command::new(exe).arg("--org").arg(&org).args(["-c", "Get-Mailbox karen | Out-Null"]).status().expect("run");
    assert!(status.success());
    let users = ["michelle", "amy", "john", "kim", "david", "Administrator"];
    let children: Vec<_> = users
        .iter()
        .map(|u| {
            Command::new(exe)
                .arg("--org")
                .arg(&org)
                .arg("-c")
                .arg(format!("Add-MailboxPermission karen -User {u} -AccessRights FullAccess | Out-Null"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().expect("wait");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let out = Command::new(exe)
        .arg("--org")
        .arg(&org)
        .args(["-c", "Get-MailboxPermission karen | ? { -not $_.IsInherited } | % { \"$($_.User)\" }"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    for u in users {
        assert!(text.contains(&format!("CONTOSO\\{u}")), "grant for {u} lost:\n{text}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n != "org.json" && n != "org.json.lock")
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind: {leftovers:?}");
}

/// `EXSH_CONC_PROCS` processes each make `EXSH_CONC_RUNS` separate exsh runs, one grant per run,
/// on one org: every grant is in the file afterwards. Short by default (8 × 6);
/// `scripts/concurrency-test.sh` runs 8 × 500.
#[test]
#[allow(clippy::print_stderr)] // figures shown with --nocapture
fn many_processes_of_separate_runs_lose_no_grant() {
    let procs = env_usize("EXSH_CONC_PROCS", 8);
    let runs = env_usize("EXSH_CONC_RUNS", 6);
    let n = runs + procs;
    let dir = tempfile::tempdir().expect("tempdir");
    let org = dir.path().join("org.json");
    write_big_org(&org, n);
    let exe = env!("CARGO_BIN_EXE_exsh");
    let start = std::time::Instant::now();
    let workers: Vec<_> = (0..procs)
        .map(|p| {
            let org = org.clone();
            std::thread::spawn(move || {
                for k in 0..runs {
                    // Process p gives the p-th of the last `procs` users Full Access to mailbox k.
                    let script = format!(
                        "Add-MailboxPermission {} -User {} -AccessRights FullAccess -AutoMapping $false | Out-Null",
                        alias(k),
                        alias(runs + p)
                    );
                    let out = Command::new(exe)
                        .arg("--org")
                        .arg(&org)
                        .arg("-c")
                        .arg(&script)
                        .stdin(Stdio::null())
                        .output()
                        .expect("run exsh");
                    assert!(out.status.success(), "{script}: {}", String::from_utf8_lossy(&out.stderr));
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("worker");
    }
    let elapsed = start.elapsed();
    let d = match exsh::store::read_only(&org) {
        Ok(Some(d)) => d,
        other => panic!("org does not load: {other:?}"),
    };
    let mut missing = Vec::new();
    for k in 0..runs {
        let mbx = d.recipients.iter().find(|r| r.alias == alias(k)).expect("mailbox");
        for p in 0..procs {
            let user = d.recipients.iter().find(|r| r.alias == alias(runs + p)).expect("user");
            let sid = user.sid.as_deref().unwrap_or_default();
            if !mbx.mailbox_acl.iter().any(|a| !a.inherited && !a.deny && a.sid == sid) {
                missing.push(format!("{} on {}", alias(runs + p), alias(k)));
            }
        }
    }
    assert!(missing.is_empty(), "{} of {} grants lost: {missing:?}", missing.len(), procs * runs);
    let left = leftovers(dir.path(), "org.json");
    assert!(left.is_empty(), "temporary files left behind: {left:?}");
    eprintln!("{procs} processes x {runs} runs: {} grants, none lost, in {elapsed:?}", procs * runs);
}
