//! Several exsh processes changing the same org file at once lose none of each other's changes.

use std::process::{Command, Stdio};

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
