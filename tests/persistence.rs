//! Persistence through the real binary: what one exsh process grants, the next one sees; runs that
//! change nothing (`-WhatIf`, reads) leave the org file byte-identical; a corrupt file or a version
//! mismatch is a clear error with a non-zero exit code that leaves the file untouched.

use std::path::{Path, PathBuf};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// An exsh command on `org` with the harness environment (fixed clock, no colours).
fn exsh(org: &Path) -> Result<assert_cmd::Command, Box<dyn std::error::Error>> {
    let mut cmd = assert_cmd::Command::cargo_bin("exsh")?;
    cmd.env("SOURCE_DATE_EPOCH", "1764070771").env_remove("EXSH_ORG").env("NO_COLOR", "1").arg("--org").arg(org);
    Ok(cmd)
}

/// Runs `script` with `-c` and returns (exit code, stdout, stderr).
fn run(org: &Path, extra: &[&str], script: &str) -> Result<(i32, String, String), Box<dyn std::error::Error>> {
    let out = exsh(org)?.args(extra).arg("-c").arg(script).write_stdin("").output()?;
    Ok((
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

fn org_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("org.json")
}

#[test]
fn a_grant_made_by_one_process_is_seen_by_the_next() -> TestResult {
    let dir = tempfile::tempdir()?;
    let org = org_in(&dir);
    let (code, _, err) =
        run(&org, &[], "Add-MailboxPermission karen -User michelle -AccessRights FullAccess | Out-Null")?;
    assert_eq!((code, err.as_str()), (0, ""));
    let (code, out, err) = run(
        &org,
        &[],
        "Get-MailboxPermission karen -User michelle | ForEach-Object { \"$($_.User) $($_.AccessRights)\" }",
    )?;
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "CONTOSO\\michelle FullAccess\n");
    Ok(())
}

#[test]
fn every_kind_of_grant_survives_a_restart() -> TestResult {
    let dir = tempfile::tempdir()?;
    let org = org_in(&dir);
    let grant = "Add-ADPermission 'Karen Berg' -User michelle -ExtendedRights 'Send As' | Out-Null
Set-Mailbox karen -GrantSendOnBehalfTo amy
Add-MailboxFolderPermission karen:\\Calendar -User michelle -AccessRights Editor | Out-Null";
    let (code, _, err) = run(&org, &[], grant)?;
    assert_eq!((code, err.as_str()), (0, ""));
    let check = "(Get-ADPermission 'Karen Berg' -User michelle).ExtendedRights -join ','
\"$((Get-Mailbox karen).GrantSendOnBehalfTo)\"
(Get-MailboxFolderPermission karen:\\Calendar -User michelle).AccessRights -join ','";
    let (code, out, err) = run(&org, &[], check)?;
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "Send-As\ncontoso.com/Users/Amy Alberts\nEditor\n");
    Ok(())
}

#[test]
fn whatif_and_declined_prompts_leave_the_file_byte_identical() -> TestResult {
    let dir = tempfile::tempdir()?;
    let org = org_in(&dir);
    run(&org, &[], "Add-MailboxPermission karen -User michelle -AccessRights FullAccess | Out-Null")?;
    let before = std::fs::read(&org)?;
    let whatif = "Add-MailboxPermission karen -User amy -AccessRights FullAccess -WhatIf
Remove-MailboxPermission karen -User michelle -AccessRights FullAccess -WhatIf
Set-Mailbox karen -GrantSendOnBehalfTo amy -WhatIf
Add-MailboxFolderPermission karen:\\Calendar -User amy -AccessRights Reviewer -WhatIf
Add-ADPermission 'Karen Berg' -User amy -ExtendedRights 'Send As' -WhatIf";
    let (code, out, err) = run(&org, &[], whatif)?;
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out.matches("What if: ").count(), 5, "{out}");
    assert_eq!(std::fs::read(&org)?, before, "a -WhatIf run rewrote the org file");
    // A Remove answered N at its default prompt changes nothing either.
    let out = exsh(&org)?
        .arg("-c")
        .arg("Remove-MailboxPermission karen -User michelle -AccessRights FullAccess")
        .write_stdin("n\n")
        .output()?;
    assert!(out.status.success());
    assert_eq!(std::fs::read(&org)?, before, "a declined Remove rewrote the org file");
    // So does a read-only run.
    run(&org, &[], "Get-Mailbox | Out-Null; Get-MailboxPermission karen | Out-Null")?;
    assert_eq!(std::fs::read(&org)?, before, "a read-only run rewrote the org file");
    Ok(())
}

#[test]
fn a_failed_command_persists_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let org = org_in(&dir);
    run(&org, &[], "1")?;
    let before = std::fs::read(&org)?;
    let (_, _, err) = run(&org, &[], "Add-MailboxPermission ghost -User michelle -AccessRights FullAccess")?;
    assert!(err.contains("couldn't be found"), "{err}");
    assert_eq!(std::fs::read(&org)?, before);
    Ok(())
}

#[test]
fn a_corrupt_org_file_is_a_clear_error_and_stays_untouched() -> TestResult {
    let dir = tempfile::tempdir()?;
    let org = org_in(&dir);
    let junk = b"{ \"schema\": 1, oops\n";
    std::fs::write(&org, junk)?;
    let (code, out, err) = run(&org, &[], "Get-Mailbox karen")?;
    assert_ne!(code, 0);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains(&org.display().to_string()), "error does not name the file: {err}");
    assert!(err.contains("line"), "error does not say where: {err}");
    assert_eq!(std::fs::read(&org)?, junk, "the corrupt file was modified");
    Ok(())
}

#[test]
fn an_exchange_version_mismatch_is_an_error_that_changes_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let org = org_in(&dir);
    run(&org, &[], "1")?;
    let before = std::fs::read(&org)?;
    let (code, out, err) =
        run(&org, &["--exchange", "Online"], "Add-MailboxPermission karen -User michelle -AccessRights FullAccess")?;
    assert_ne!(code, 0);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("Online") && err.contains(&org.display().to_string()), "{err}");
    assert_eq!(std::fs::read(&org)?, before);
    // The matching version opens it.
    let (code, _, err) = run(&org, &["--exchange", "Exchange2019"], "Get-Mailbox karen | Out-Null")?;
    assert_eq!((code, err.as_str()), (0, ""));
    Ok(())
}

#[test]
fn the_version_chosen_at_creation_sticks() -> TestResult {
    let dir = tempfile::tempdir()?;
    let org = org_in(&dir);
    let (code, out, _) = run(&org, &["--exchange", "Online"], "(Get-MailboxPermission karen).Count")?;
    assert_eq!((code, out.as_str()), (0, "1\n"));
    // Without --exchange the file's own version is used: still Online (no inherited rows).
    let (code, out, _) = run(&org, &[], "(Get-MailboxPermission karen).Count")?;
    assert_eq!((code, out.as_str()), (0, "1\n"));
    Ok(())
}
