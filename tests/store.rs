//! Integration tests for the org file store, through the library API only: creation from the
//! sample, round trips, error reporting (each leaves the file untouched), no-op saves, and
//! concurrent writers merging their changes.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Barrier};

use exsh::directory::rights::{folder, mailbox};
use exsh::directory::{Change, Directory, ExchangeVersion, FolderAce, FolderUser, Inheritance, MailboxAce};
use exsh::store::{self, OrgFile, StoreError};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn org_path(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("org.json")
}

/// Names in `dir`, sorted; used to prove no temp file is left behind.
fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

fn guid_of(dir: &Directory, alias: &str) -> String {
    dir.recipients.iter().find(|r| r.alias == alias).map(|r| r.guid.clone()).unwrap_or_default()
}

fn sid_of(dir: &Directory, alias: &str) -> String {
    dir.recipients.iter().find(|r| r.alias == alias).and_then(|r| r.sid.clone()).unwrap_or_default()
}

fn full_access(dir: &Directory, mailbox_alias: &str, trustee_alias: &str) -> Change {
    Change::AddMailboxAce {
        mailbox: guid_of(dir, mailbox_alias),
        ace: MailboxAce {
            sid: sid_of(dir, trustee_alias),
            rights: mailbox::FULL_ACCESS,
            deny: false,
            inheritance: Inheritance::All,
            inherited: false,
        },
    }
}

fn has_full_access(dir: &Directory, mailbox_alias: &str, trustee_alias: &str) -> bool {
    let sid = sid_of(dir, trustee_alias);
    dir.recipients.iter().find(|r| r.alias == mailbox_alias).is_some_and(|r| {
        r.mailbox_acl.iter().any(|a| a.sid == sid && !a.inherited && a.rights & mailbox::FULL_ACCESS != 0)
    })
}

fn expect_err(r: Result<OrgFile, StoreError>) -> Result<StoreError, Box<dyn std::error::Error>> {
    match r {
        Ok(_) => Err("expected an error, the org file opened".into()),
        Err(e) => Ok(e),
    }
}

#[test]
fn missing_file_is_created_from_the_sample_and_round_trips() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = org_path(&dir);
    let org = store::open(&path, None)?;
    assert_eq!(org.path(), path.as_path());
    assert_eq!(*org.directory(), Directory::sample(ExchangeVersion::Exchange2019));
    assert!(path.is_file());
    let again = store::open(&path, None)?;
    assert_eq!(again.directory(), org.directory());
    assert_eq!(entries(dir.path()), ["org.json", "org.json.lock"]);
    Ok(())
}

#[test]
fn every_version_round_trips_and_encodes_stably() -> TestResult {
    for v in ExchangeVersion::ALL {
        let sample = Directory::sample(v);
        let bytes = store::schema::encode(&sample)?;
        assert_eq!(store::decode(Path::new("x.json"), &bytes)?, sample, "{v:?}");
        assert_eq!(store::schema::encode(&sample)?, bytes, "{v:?}");
        let text = String::from_utf8(bytes)?;
        assert!(text.starts_with("{\n  \"schemaVersion\": 1,\n  \"organization\": {\n"));
        assert!(text.contains(&format!("\"version\": \"{}\"", v.profile_name())));
    }
    Ok(())
}

#[test]
fn version_is_chosen_at_creation_and_checked_afterwards() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = org_path(&dir);
    let org = store::open(&path, Some(ExchangeVersion::Online))?;
    assert_eq!(org.directory().org.version, ExchangeVersion::Online);
    let before = fs::read(&path)?;
    let e = expect_err(store::open(&path, Some(ExchangeVersion::Exchange2019)))?;
    assert!(matches!(e, StoreError::VersionMismatch { .. }), "{e:?}");
    let msg = e.to_string();
    assert!(msg.contains(&path.display().to_string()), "{msg}");
    assert!(msg.contains("Online") && msg.contains("Exchange2019"), "{msg}");
    assert_eq!(fs::read(&path)?, before);
    assert_eq!(store::open(&path, None)?.directory().org.version, ExchangeVersion::Online);
    assert!(store::open(&path, Some(ExchangeVersion::Online)).is_ok());
    Ok(())
}

#[test]
fn saving_writes_changes_and_the_same_state_gives_the_same_bytes() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (p1, p2) = (dir.path().join("a.json"), dir.path().join("b.json"));
    let mut a = store::open(&p1, None)?;
    let mut b = store::open(&p2, None)?;
    assert_eq!(fs::read(&p1)?, fs::read(&p2)?);
    let change = full_access(a.directory(), "karen", "michelle");
    a.save(std::slice::from_ref(&change))?;
    b.save(std::slice::from_ref(&change))?;
    assert_eq!(fs::read(&p1)?, fs::read(&p2)?);
    assert!(has_full_access(a.directory(), "karen", "michelle"));
    let reloaded = store::open(&p1, None)?;
    assert_eq!(reloaded.directory(), a.directory());
    assert_eq!(store::schema::encode(reloaded.directory())?, fs::read(&p1)?);
    assert_eq!(entries(dir.path()), ["a.json", "a.json.lock", "b.json", "b.json.lock"]);
    Ok(())
}

#[test]
fn a_run_without_effect_does_not_rewrite_the_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = org_path(&dir);
    let mut org = store::open(&path, None)?;
    // Make the file's mtime clearly older than "now", so a rewrite would show.
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    fs::File::options().write(true).open(&path)?.set_modified(old)?;
    let before = fs::read(&path)?;
    org.save(&[])?;
    assert_eq!(fs::metadata(&path)?.modified()?, old);
    // A change that is already in effect (SELF already has FullAccess) changes no byte.
    let dir_now = org.directory().clone();
    let self_ace = Change::AddMailboxAce {
        mailbox: guid_of(&dir_now, "karen"),
        ace: MailboxAce {
            sid: "S-1-5-10".to_string(),
            rights: mailbox::FULL_ACCESS,
            deny: false,
            inheritance: Inheritance::All,
            inherited: false,
        },
    };
    org.save(&[self_ace])?;
    assert_eq!(fs::metadata(&path)?.modified()?, old);
    assert_eq!(fs::read(&path)?, before);
    Ok(())
}

#[test]
fn corrupt_json_is_reported_with_line_and_column_and_left_alone() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = org_path(&dir);
    let text = "{\n  \"schemaVersion\": 1,\n  \"organization\": {\n    \"name\": \"Contoso\",,\n";
    fs::write(&path, text)?;
    let e = expect_err(store::open(&path, None))?;
    match &e {
        StoreError::Corrupt { line, column, .. } => assert_eq!((*line, *column), (4, 23)),
        other => return Err(format!("expected Corrupt, got {other:?}").into()),
    }
    let msg = e.to_string();
    assert!(msg.starts_with(&format!("org file '{}' is not valid JSON: ", path.display())), "{msg}");
    assert!(msg.contains("line 4 column 23"), "{msg}");
    assert_eq!(fs::read_to_string(&path)?, text);
    assert_eq!(entries(dir.path()), ["org.json", "org.json.lock"]);
    Ok(())
}

#[test]
fn empty_file_is_an_error_not_a_new_org() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = org_path(&dir);
    fs::write(&path, "")?;
    let e = expect_err(store::open(&path, None))?;
    assert!(matches!(e, StoreError::Empty { .. }), "{e:?}");
    assert_eq!(fs::read(&path)?, b"");
    Ok(())
}

#[test]
fn newer_and_missing_schema_versions_are_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = org_path(&dir);
    let newer = "{\"schemaVersion\": 7, \"organization\": {\"whatever\": true}}";
    fs::write(&path, newer)?;
    let msg = expect_err(store::open(&path, None))?.to_string();
    assert_eq!(
        msg,
        format!(
            "org file '{}' was written by a newer exsh (schema version 7); this exsh reads version 1",
            path.display()
        )
    );
    assert_eq!(fs::read_to_string(&path)?, newer);

    fs::write(&path, "{\"organization\": {}}")?;
    let e = expect_err(store::open(&path, None))?;
    assert!(matches!(e, StoreError::MissingSchemaVersion { .. }), "{e:?}");
    assert!(e.to_string().contains("has no schemaVersion"));

    fs::write(&path, "{\"schemaVersion\": \"1\"}")?;
    let e = expect_err(store::open(&path, None))?;
    assert!(matches!(e, StoreError::UnsupportedSchemaVersion { .. }), "{e:?}");
    Ok(())
}

#[test]
fn shape_and_content_errors_name_the_place() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = org_path(&dir);
    store::open(&path, None)?;
    let good = fs::read_to_string(&path)?;

    let typo = good.replacen("\"displayName\"", "\"dispalyName\"", 1);
    fs::write(&path, &typo)?;
    let e = expect_err(store::open(&path, None))?;
    assert!(matches!(e, StoreError::Malformed { .. }), "{e:?}");
    assert!(e.to_string().contains("unknown field `dispalyName`"), "{e}");
    assert!(e.to_string().contains(" at line "), "{e}");

    let bad_kind = good.replacen("\"SharedMailbox\"", "\"SharedMailboxx\"", 1);
    fs::write(&path, &bad_kind)?;
    let e = expect_err(store::open(&path, None))?;
    assert!(matches!(e, StoreError::Invalid { .. }), "{e:?}");
    let msg = e.to_string();
    assert!(
        msg.contains("recipients[7] (Help Desk).recipientTypeDetails: unknown recipient type 'SharedMailboxx'"),
        "{msg}"
    );

    let bad_right = good.replacen("[\"FullAccess\", \"ReadPermission\"]", "[\"FullAcess\"]", 1);
    fs::write(&path, &bad_right)?;
    let msg = expect_err(store::open(&path, None))?.to_string();
    assert!(msg.contains(".mailboxPermissions[0].rights[0]: unknown mailbox right 'FullAcess'"), "{msg}");

    let bad_db = good.replacen("\"database\": \"DB02\"", "\"database\": \"DB09\"", 1);
    fs::write(&path, &bad_db)?;
    let msg = expect_err(store::open(&path, None))?.to_string();
    assert!(msg.contains("recipients[4] (John Evans).database: no database named 'DB09'"), "{msg}");
    assert_eq!(fs::read_to_string(&path)?, bad_db);
    Ok(())
}

#[test]
fn hand_edited_trustees_may_name_accounts() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = org_path(&dir);
    let org = store::open(&path, None)?;
    let michelle = sid_of(org.directory(), "michelle");
    let text = fs::read_to_string(&path)?;
    // Give Michelle Full Access to Karen's mailbox by hand: insert an entry before SELF's.
    let karen_at = text.find("\"alias\": \"karen\"").ok_or("karen not in file")?;
    let self_at = karen_at + text[karen_at..].find("{ \"trustee\": \"S-1-5-10\"").ok_or("no SELF entry")?;
    let edited = format!(
        "{}{{ \"trustee\": \"contoso\\\\Michelle\", \"rights\": [\"fullaccess\"] }},\n        {}",
        &text[..self_at],
        &text[self_at..]
    );
    fs::write(&path, &edited)?;
    let org = store::open(&path, None)?;
    assert!(has_full_access(org.directory(), "karen", "michelle"));
    let karen = org.directory().recipients.iter().find(|r| r.alias == "karen").ok_or("karen")?;
    assert_eq!(karen.mailbox_acl[0].sid, michelle);
    Ok(())
}

#[test]
fn a_directory_path_is_reported() -> TestResult {
    let dir = tempfile::tempdir()?;
    let e = expect_err(store::open(dir.path(), None))?;
    assert!(matches!(e, StoreError::IsDirectory { .. }), "{e:?}");
    assert!(e.to_string().contains("it is a directory"), "{e}");
    Ok(())
}

#[test]
fn a_missing_parent_directory_is_reported() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("no-such-dir").join("org.json");
    let e = expect_err(store::open(&path, None))?;
    assert!(matches!(e, StoreError::Write { .. }), "{e:?}");
    assert!(e.to_string().contains(&path.display().to_string()), "{e}");
    Ok(())
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported() -> TestResult {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir()?;
    let path = org_path(&dir);
    store::open(&path, None)?;
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000))?;
    // Root (and some CI sandboxes) read it anyway; then there is nothing to assert.
    let privileged = fs::read(&path).is_ok();
    let result = store::open(&path, None);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644))?;
    if !privileged {
        let e = expect_err(result)?;
        assert!(matches!(e, StoreError::Read { .. }), "{e:?}");
        let msg = e.to_string();
        assert!(msg.starts_with(&format!("cannot read org file '{}'", path.display())), "{msg}");
    } else {
        assert!(result.is_ok());
    }
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_not_overwritten() -> TestResult {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir()?;
    let path = org_path(&dir);
    let mut org = store::open(&path, None)?;
    let before = fs::read(&path)?;
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444))?;
    let privileged = fs::OpenOptions::new().write(true).open(&path).is_ok();
    let change = full_access(org.directory(), "karen", "amy");
    let result = org.save(&[change]);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644))?;
    if !privileged {
        let e = result.err().ok_or("save succeeded on a read-only file")?;
        assert!(matches!(e, StoreError::Write { .. }), "{e:?}");
        assert_eq!(fs::read(&path)?, before);
        assert!(!has_full_access(org.directory(), "karen", "amy"));
    }
    assert_eq!(entries(dir.path()), ["org.json", "org.json.lock"]);
    Ok(())
}

#[test]
fn concurrent_writers_keep_every_change() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = org_path(&dir);
    let base = store::open(&path, None)?.directory().clone();
    let trustees = ["michelle", "amy", "john", "kim", "david", "Administrator"];
    let barrier = Arc::new(Barrier::new(trustees.len()));
    let mut handles = Vec::new();
    for t in trustees {
        // Each thread is its own "process": its own handle, loaded before anyone saves.
        let mut org = store::open(&path, None)?;
        let change = full_access(&base, "karen", t);
        let barrier = Arc::clone(&barrier);
        handles.push(std::thread::spawn(move || {
            barrier.wait();
            org.save(&[change]).map_err(|e| e.to_string())
        }));
    }
    for h in handles {
        h.join().map_err(|_| "writer thread panicked")??;
    }
    let merged = store::open(&path, None)?;
    for t in trustees {
        assert!(has_full_access(merged.directory(), "karen", t), "{t} lost");
    }
    assert_eq!(entries(dir.path()), ["org.json", "org.json.lock"]);
    Ok(())
}

#[test]
fn a_change_that_no_longer_applies_saves_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = org_path(&dir);
    let mut org = store::open(&path, None)?;
    let loaded = org.directory().clone();
    // Another process (here: a hand edit) removes Karen's Inbox\Projects folder.
    let text = fs::read_to_string(&path)?;
    let mut start = text.find("        {\n          \"path\": \"Inbox\\\\Projects\"").ok_or("no Projects folder")?;
    let mut end = start + text[start..].find("\n        }").ok_or("no folder end")? + "\n        }".len();
    // The element, its line break, and the comma that separates it from a neighbour.
    if text[..start].ends_with(",\n") {
        start -= 2;
    } else {
        end += usize::from(text[end..].starts_with(',')) + 1;
    }
    let edited = format!("{}{}", &text[..start], &text[end..]);
    fs::write(&path, &edited)?;
    assert!(store::open(&path, None).is_ok(), "the edit must leave a valid file");

    let changes = vec![
        full_access(&loaded, "karen", "michelle"),
        Change::AddFolderAce {
            mailbox: guid_of(&loaded, "karen"),
            folder: "Inbox\\Projects".to_string(),
            ace: FolderAce {
                user: FolderUser::Sid(sid_of(&loaded, "michelle")),
                rights: folder::ROLES.iter().find(|(n, _)| *n == "Editor").map(|r| r.1).unwrap_or(0),
                sharing_flags: 0,
            },
        },
    ];
    let e = org.save(&changes).err().ok_or("save should fail")?;
    assert!(matches!(e, StoreError::Conflict { index: 1, merged: true, .. }), "{e:?}");
    let msg = e.to_string();
    assert!(msg.contains(&path.display().to_string()), "{msg}");
    assert!(msg.contains("change 2 of 2"), "{msg}");
    assert!(msg.contains("'Karen Berg'"), "{msg}");
    assert!(msg.ends_with("nothing was saved"), "{msg}");
    assert_eq!(fs::read_to_string(&path)?, edited);
    assert_eq!(*org.directory(), loaded);
    assert_eq!(entries(dir.path()), ["org.json", "org.json.lock"]);
    Ok(())
}

#[test]
fn a_deleted_file_is_written_again_on_save() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = org_path(&dir);
    let mut org = store::open(&path, None)?;
    fs::remove_file(&path)?;
    let change = full_access(org.directory(), "karen", "john");
    org.save(&[change])?;
    assert!(has_full_access(store::open(&path, None)?.directory(), "karen", "john"));
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_symlinked_org_file_stays_a_symlink() -> TestResult {
    let dir = tempfile::tempdir()?;
    let real = dir.path().join("real.json");
    store::open(&real, None)?;
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&real, &link)?;
    let mut org = store::open(&link, None)?;
    let change = full_access(org.directory(), "karen", "kim");
    org.save(&[change])?;
    assert!(fs::symlink_metadata(&link)?.file_type().is_symlink());
    assert!(has_full_access(store::open(&real, None)?.directory(), "karen", "kim"));
    Ok(())
}

#[test]
fn concurrent_creators_agree_on_one_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = org_path(&dir);
    let barrier = Arc::new(Barrier::new(6));
    let handles: Vec<_> = (0..6)
        .map(|_| {
            let (path, barrier) = (path.clone(), Arc::clone(&barrier));
            std::thread::spawn(move || {
                barrier.wait();
                store::open(&path, None).map(|o| o.directory().clone()).map_err(|e| e.to_string())
            })
        })
        .collect();
    let sample = Directory::sample(ExchangeVersion::Exchange2019);
    for h in handles {
        assert_eq!(h.join().map_err(|_| "opener panicked")??, sample);
    }
    assert_eq!(entries(dir.path()), ["org.json", "org.json.lock"]);
    Ok(())
}

#[test]
fn an_exchange_2010_org_keeps_its_update_level() -> TestResult {
    use exsh::directory::UpdateLevel;
    let dir = tempfile::tempdir()?;
    let path = org_path(&dir);
    let ru7 = UpdateLevel::parse("SP3 RU7")?;
    let f = store::open_with(&path, Some(ExchangeVersion::Exchange2010), Some(ru7))?;
    assert_eq!(f.directory().org.update_level, Some(ru7));
    assert!(fs::read_to_string(&path)?.contains("\"updateLevel\": \"SP3 RU7\""));
    // Reopened without asking, it is still SP3 RU7; asking for another level is refused.
    assert_eq!(store::open(&path, None)?.directory().org.update_level, Some(ru7));
    let before = fs::read(&path)?;
    let e = store::open_with(&path, None, Some(UpdateLevel::LATEST_2010)).err().ok_or("opened")?;
    assert!(matches!(e, StoreError::UpdateLevelMismatch { .. }), "{e}");
    assert!(e.to_string().contains("is at update level SP3 RU7"), "{e}");
    assert_eq!(fs::read(&path)?, before);
    Ok(())
}

#[test]
fn update_levels_belong_to_exchange_2010_only() -> TestResult {
    use exsh::directory::UpdateLevel;
    let dir = tempfile::tempdir()?;
    let path = org_path(&dir);
    // A new 2019 org cannot have one, and nothing is created.
    let e = store::open_with(&path, Some(ExchangeVersion::Exchange2019), Some(UpdateLevel::SEND_AS_FIX))
        .err()
        .ok_or("opened")?;
    assert!(matches!(e, StoreError::UpdateLevelNeedsExchange2010 { .. }), "{e}");
    assert!(entries(dir.path()).iter().all(|n| n.ends_with(".lock")), "{:?}", entries(dir.path()));
    assert!(!path.exists());
    // A new 2010 org without one is at SP3 RU32.
    let f = store::open(&path, Some(ExchangeVersion::Exchange2010))?;
    assert_eq!(f.directory().org.update_level, Some(UpdateLevel::LATEST_2010));
    // A 2019 org file naming one, or a 2010 file with a bad one, is invalid and left untouched.
    for (version, level, needle) in [
        ("Exchange2019", "SP3 RU8", "applies only to an Exchange2010 organization"),
        ("Exchange2010", "SP3 RU33", "is not an Exchange 2010 update level"),
        ("Exchange2010", "SP4", "is not an Exchange 2010 update level"),
    ] {
        let text = fs::read_to_string(&path)?
            .replace("\"version\": \"Exchange2010\"", &format!("\"version\": \"{version}\""))
            .replace("\"updateLevel\": \"SP3 RU32\"", &format!("\"updateLevel\": \"{level}\""));
        let other = dir.path().join(format!("{version}-{}.json", level.replace(' ', "")));
        fs::write(&other, &text)?;
        let e = store::open(&other, None).err().ok_or("opened")?;
        assert!(e.to_string().contains("organization.updateLevel") && e.to_string().contains(needle), "{e}");
        assert_eq!(fs::read_to_string(&other)?, text);
    }
    Ok(())
}

#[test]
fn update_level_names_round_trip() -> TestResult {
    use exsh::directory::UpdateLevel;
    for (text, name) in
        [("rtm", "RTM"), ("SP1", "SP1"), ("sp2 ur8", "SP2 RU8"), ("SP3RU32", "SP3 RU32"), ("RTM RU5", "RTM RU5")]
    {
        assert_eq!(UpdateLevel::parse(text)?.name(), name);
    }
    for bad in ["", "SP0", "SP3 RU0", "RTM RU6", "SP1 RU9", "SP3 RU", "SP3 KB123", "SP", "2010"] {
        assert!(UpdateLevel::parse(bad).is_err(), "{bad}");
    }
    assert!(UpdateLevel::parse("SP3 RU7")?.full_access_sends_as());
    assert!(!UpdateLevel::parse("SP3 RU8")?.full_access_sends_as());
    assert!(UpdateLevel::parse("SP2 RU8")?.full_access_sends_as());
    Ok(())
}
