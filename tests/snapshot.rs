//! The snapshot round trip (docs/snapshot.md): in every version profile, `scripts/Export-ExshOrg.ps1`
//! run inside exsh on the sample org, then `exsh --import` of the snapshot, gives an org on which
//! every Get-* report (`tests/snapshot/report.ps1`) prints exactly what it prints on the original;
//! the same after the grants scenario (`tests/snapshot/grants.ps1`: Full Access, Send As, Send on
//! Behalf, folder rights, a nested group, calendar processing, a removed user's orphaned SID).
//! `exsh --diff` also finds the two org files hold the same organization. Also:
//! re-importing replaces an org file atomically, and a refused import leaves no file behind.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn exsh(cwd: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("exsh").expect("binary");
    cmd.current_dir(cwd)
        .env("EXSH_SANDBOX", cwd.join("sandbox"))
        .env("SOURCE_DATE_EPOCH", "1764070771")
        .env("TZ", "UTC")
        .env_remove("EXSH_ORG")
        .env("NO_COLOR", "1");
    cmd
}

/// Runs exsh with `args` in `cwd`; stdout, and a panic with stderr when the exit code is not 0.
fn run(cwd: &Path, args: &[&str]) -> String {
    let out = exsh(cwd).args(args).output().expect("run exsh");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "exsh {args:?} failed ({:?}):\n{stdout}\n{stderr}", out.status.code());
    assert!(stderr.is_empty(), "exsh {args:?} wrote to stderr:\n{stderr}");
    stdout
}

fn round_trip(profile: &str, grants: bool) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let export = root().join("scripts/Export-ExshOrg.ps1");
    let report = root().join("tests/snapshot/report.ps1");
    let export = export.to_str().expect("path");
    let report = report.to_str().expect("path");
    run(dir, &["--org", "before.json", "--exchange", profile, "-Command", "Get-Mailbox karen | Out-Null"]);
    if grants {
        let g = root().join("tests/snapshot/grants.ps1");
        run(dir, &["--org", "before.json", "-File", g.to_str().expect("path")]);
    }
    let said = run(dir, &["--org", "before.json", "-File", export, "-Path", "snapshot.json"]);
    assert!(said.contains("(0 errors)"), "{profile}: {said}");
    let imported = run(dir, &["--import", "snapshot.json", "--org", "after.json"]);
    assert!(imported.starts_with("Created 'after.json' from snapshot 'snapshot.json'"), "{imported}");
    let online: &[&str] = if profile == "Online" { &["-Online"] } else { &[] };
    let mut args = vec!["--org", "before.json", "-File", report];
    args.extend_from_slice(online);
    let before = run(dir, &args);
    args[1] = "after.json";
    let after = run(dir, &args);
    assert!(before.len() > 10_000, "{profile}: the report printed little:\n{before}");
    if before != after {
        let first = before.lines().zip(after.lines()).position(|(a, b)| a != b).unwrap_or(0);
        let show = |t: &str| t.lines().skip(first.saturating_sub(5)).take(15).collect::<Vec<_>>().join("\n");
        panic!(
            "{profile} (grants: {grants}): the reports differ from line {}\n--- original ---\n{}\n--- imported ---\n{}",
            first + 1,
            show(&before),
            show(&after)
        );
    }
    // Nothing is lost at all (online too: the export asks for the orphaned entries Exchange
    // Online hides). Only the server of an Online database, which no Online cmdlet shows (the
    // sample org says EX01), comes from the mailboxes' server.
    let out = exsh(dir).args(["--diff", "before.json", "after.json"]).output().expect("run exsh");
    let diff = String::from_utf8_lossy(&out.stdout).into_owned();
    let other: Vec<&str> = diff
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("Changes from") && !l.starts_with("Plan:"))
        .filter(|l| profile != "Online" || !(l.starts_with("# Database ") || l.starts_with("~ Server  DB")))
        .filter(|l| !l.starts_with("No changes."))
        .collect();
    assert!(other.is_empty(), "{profile}: {diff}");
    // Exporting the imported org gives the same snapshot.
    run(dir, &["--org", "after.json", "-File", export, "-Path", "again.json"]);
    let a = std::fs::read_to_string(dir.join("snapshot.json")).expect("snapshot");
    let b = std::fs::read_to_string(dir.join("again.json")).expect("snapshot");
    assert_eq!(a, b, "{profile}: exporting the imported org gives another snapshot");
}

#[test]
fn round_trip_of_the_sample_org_in_every_profile() {
    for profile in ["Exchange2010", "Exchange2013", "Exchange2016", "Exchange2019", "Online"] {
        round_trip(profile, false);
    }
}

#[test]
fn round_trip_after_grants_in_every_profile() {
    for profile in ["Exchange2010", "Exchange2013", "Exchange2016", "Exchange2019", "Online"] {
        round_trip(profile, true);
    }
}

#[test]
fn reimport_replaces_the_org_and_a_refused_import_writes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let export = root().join("scripts/Export-ExshOrg.ps1");
    let export = export.to_str().expect("path");
    run(dir, &["--org", "a.json", "--exchange", "Exchange2013", "-File", export, "-Path", "s.json"]);
    run(dir, &["--import", "s.json", "--org", "org.json"]);
    let first = std::fs::read(dir.join("org.json")).expect("org");
    // Changed, then re-imported: the snapshot's state again, byte for byte.
    run(
        dir,
        &[
            "--org",
            "org.json",
            "-Command",
            "Add-MailboxPermission karen -User michelle -AccessRights FullAccess | Out-Null",
        ],
    );
    assert_ne!(std::fs::read(dir.join("org.json")).expect("org"), first);
    let said = run(dir, &["--import", "s.json", "--org", "org.json"]);
    assert!(said.starts_with("Replaced 'org.json'"), "{said}");
    assert_eq!(std::fs::read(dir.join("org.json")).expect("org"), first);
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    names.sort();
    assert!(names.is_empty(), "temp files left: {names:?}");
    // A snapshot cut in half: refused, and the org file is as it was.
    let text = std::fs::read_to_string(dir.join("s.json")).expect("snapshot");
    std::fs::write(dir.join("half.json"), &text[..text.len() / 2]).expect("write");
    let out = exsh(dir).args(["--import", "half.json", "--org", "org.json"]).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(dir.join("org.json")).expect("org"), first);
    let out = exsh(dir).args(["--import", "half.json", "--org", "new.json"]).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.join("new.json").exists());
    // Without --org there is nothing to write.
    let out = exsh(dir).args(["--import", "s.json"]).output().expect("run");
    assert_eq!(out.status.code(), Some(64));
}

#[test]
fn an_anonymized_snapshot_imports_with_the_same_structure() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let export = root().join("scripts/Export-ExshOrg.ps1");
    let grants = root().join("tests/snapshot/grants.ps1");
    run(dir, &["--org", "real.json", "-File", grants.to_str().expect("path")]);
    run(dir, &["--org", "real.json", "-File", export.to_str().expect("path"), "-Path", "anon.json", "-Anonymize"]);
    let text = std::fs::read_to_string(dir.join("anon.json")).expect("snapshot");
    for secret in ["Karen", "karen", "contoso", "Contoso", "3623811015", "Michelle", "Fabrikam"] {
        assert!(!text.contains(secret), "the anonymized snapshot still says {secret}");
    }
    run(dir, &["--import", "anon.json", "--org", "anon-org.json"]);
    // Per recipient, in order: its type and how many explicit mailbox, AD and folder entries it has.
    let shape = "foreach ($r in Get-Recipient -ResultSize Unlimited) { $id = $r.Guid.ToString(); $m = 0; $a = 0; $f = 0; \
                 if (\"$($r.RecipientType)\" -eq 'UserMailbox') { $m = @(Get-MailboxPermission $id | Where-Object { -not $_.IsInherited }).Count; \
                 $f = @(Get-MailboxFolderPermission \"${id}:\\Calendar\").Count + @(Get-MailboxFolderPermission \"${id}:\\Inbox\").Count }; \
                 $a = @(Get-ADPermission -Identity $r.DistinguishedName | Where-Object { -not $_.IsInherited }).Count; \
                 \"$($r.RecipientTypeDetails) $m $a $f $(@($r.EmailAddresses).Count)\" }";
    let real = run(dir, &["--org", "real.json", "-Command", shape]);
    let anon = run(dir, &["--org", "anon-org.json", "-Command", shape]);
    assert!(real.lines().count() >= 13, "{real}");
    assert_eq!(real, anon);
    // The orphaned SID stays orphaned (the same RID in the pseudonymous domain).
    let perms = run(
        dir,
        &["--org", "anon-org.json", "-Command", "Get-MailboxPermission user1 | ForEach-Object { \"$($_.User)\" }"],
    );
    assert!(perms.contains("S-1-5-21-1111111111-2222222222-3333333333-1116"), "{perms}");
}
