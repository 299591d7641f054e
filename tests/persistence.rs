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

/// The sample org file, with Karen sending on behalf of Michelle (so it has a
/// GrantSendOnBehalfTo list to damage).
fn sample_text(org: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let (code, _, err) = run(org, &[], "Set-Mailbox karen -GrantSendOnBehalfTo michelle")?;
    assert_eq!(code, 0, "{err}");
    Ok(std::fs::read_to_string(org)?)
}

/// The value of the first `"key": "…"` after `after` in `text`.
fn value_after(text: &str, after: &str, key: &str) -> Result<String, Box<dyn std::error::Error>> {
    let at = text.find(after).ok_or("anchor not in file")?;
    let pat = format!("\"{key}\": \"");
    let start = at + text[at..].find(&pat).ok_or("key not in file")? + pat.len();
    let end = start + text[start..].find('"').ok_or("unterminated")?;
    Ok(text[start..end].to_string())
}

#[test]
fn bad_org_files_are_clear_errors_naming_file_object_and_field_and_stay_untouched() -> TestResult {
    let dir = tempfile::tempdir()?;
    let org = org_in(&dir);
    let good = sample_text(&org)?;
    let karen_guid = value_after(&good, "\"alias\": \"karen\"", "guid")?;
    let michelle_guid = value_after(&good, "\"alias\": \"michelle\"", "guid")?;
    let nobody = "00000000-dead-4000-8000-000000000000";
    let principal_members_at = good.find("\"members\": [\"").ok_or("no principal with members")?;
    let recipients_at = good.find("\"recipients\"").ok_or("no recipients")?;
    let members_at = recipients_at + good[recipients_at..].find("\"members\": [\"").ok_or("no group with members")?;
    let cases: Vec<(&str, String, Vec<String>)> = vec![
        (
            "truncated",
            good[..good.len() / 2].to_string(),
            vec!["is not valid JSON".into(), "EOF while parsing".into(), "line".into()],
        ),
        (
            "corrupt",
            good.replacen("\"alias\": \"karen\",", "\"alias\": \"karen\" \"oops\",", 1),
            vec!["is not valid JSON".into(), "line".into()],
        ),
        (
            "wrong type",
            good.replacen("\"accountDisabled\": false", "\"accountDisabled\": \"no\"", 1),
            vec!["is not a valid exsh org file".into(), "expected a boolean".into(), "line".into()],
        ),
        (
            "duplicate alias",
            good.replacen("\"alias\": \"michelle\"", "\"alias\": \"KAREN\"", 1),
            vec![".alias: alias 'KAREN' is already the alias of recipients[".into(), "] (Karen Berg)".into()],
        ),
        (
            "duplicate Guid",
            good.replacen(&format!("\"guid\": \"{michelle_guid}\""), &format!("\"guid\": \"{karen_guid}\""), 1),
            vec![format!(".guid: Guid {karen_guid} is used twice")],
        ),
        (
            "dangling GrantSendOnBehalfTo",
            good.replacen(
                &format!("\"grantSendOnBehalfTo\": [\"{michelle_guid}\"]"),
                &format!("\"grantSendOnBehalfTo\": [\"{nobody}\"]"),
                1,
            ),
            vec![format!("(Karen Berg).grantSendOnBehalfTo[0]: no recipient has Guid '{nobody}'")],
        ),
        (
            "dangling group member",
            {
                let start = members_at + "\"members\": [\"".len();
                format!("{}{nobody}{}", &good[..start], &good[start + 36..])
            },
            vec![format!(".members[0]: no recipient has Guid '{nobody}'")],
        ),
        (
            "dangling security group member",
            {
                let start = principal_members_at + "\"members\": [\"".len();
                format!("{}{nobody}{}", &good[..start], &good[start + 36..])
            },
            vec![format!(
                "principals[3] (CONTOSO\\Domain Admins).members[0]: '{nobody}' is neither a recipient Guid nor a SID in this file"
            )],
        ),
    ];
    for (what, text, expected) in cases {
        assert_ne!(text, good, "{what}: the damage did not apply");
        std::fs::write(&org, &text)?;
        for script in ["Get-Mailbox karen", "Add-MailboxPermission karen -User amy -AccessRights FullAccess"] {
            let (code, out, err) = run(&org, &[], script)?;
            assert_ne!(code, 0, "{what}: exit code 0");
            assert!(out.is_empty(), "{what}: {out}");
            assert!(err.contains(&format!("org file '{}'", org.display())), "{what}: does not name the file: {err}");
            for e in &expected {
                assert!(err.contains(e.as_str()), "{what}: no '{e}' in: {err}");
            }
            assert_eq!(std::fs::read_to_string(&org)?, text, "{what}: the file was modified");
        }
    }
    Ok(())
}

#[cfg(unix)]
#[test]
#[allow(clippy::print_stderr)] // figures shown with --nocapture
fn a_read_only_folder_is_a_clear_error_and_changes_nothing() -> TestResult {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir()?;
    let org = org_in(&dir);
    let (code, _, err) = run(&org, &[], "Get-Mailbox karen | Out-Null")?;
    assert_eq!(code, 0, "{err}");
    let before = std::fs::read(&org)?;
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555))?;
    // root ignores directory permissions: nothing to check there.
    let privileged = std::fs::write(dir.path().join("probe"), b"").is_ok();
    let result = run(&org, &[], "Add-MailboxPermission karen -User amy -AccessRights FullAccess | Out-Null");
    let read = run(&org, &[], "(Get-Mailbox karen).Alias");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))?;
    if privileged {
        eprintln!("skipped: running with privileges that ignore a read-only folder");
        return Ok(());
    }
    let (code, _, err) = result?;
    assert_ne!(code, 0);
    assert!(err.contains(&format!("cannot write org file '{}'", org.display())), "{err}");
    assert!(err.contains("ermission denied"), "{err}");
    assert_eq!(std::fs::read(&org)?, before);
    // Reading still works in a read-only folder.
    let (code, out, err) = read?;
    assert_eq!((code, out.trim()), (0, "karen"), "{err}");
    Ok(())
}
