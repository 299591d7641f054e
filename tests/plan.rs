//! `exsh --plan` is exact: for each script, the plan of a rehearsal equals `exsh --diff` between
//! the org before and the org a normal run saved (changes and access consequences alike), the
//! rehearsal leaves the org file byte for byte as it was with no lock or temp file beside it, and
//! its exit code says whether anything changes. Run on the scripts in `scripts/` (the README's
//! `grant.ps1 -Path scripts/grants.csv`, `revoke.ps1`), every case of `tests/cases/scripts/`, the
//! plan cases of `tests/cases/plan/` and a few more.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A header option of a case (`# key: value` on its first comment lines).
fn option(src: &str, key: &str) -> Option<String> {
    src.lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| l.strip_prefix(&format!("# {key}:")).map(|v| v.trim().to_string()))
}

struct Script {
    /// Folder the run starts in.
    cwd: PathBuf,
    /// `-File` argument (relative to `cwd`).
    file: String,
    args: Vec<String>,
    /// Org file to start from (else a new sample org of `exchange`).
    org: Option<PathBuf>,
    exchange: Option<String>,
    update_level: Option<String>,
    stdin: String,
}

fn exsh(cwd: &Path, sandbox: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("exsh").expect("binary");
    cmd.current_dir(cwd)
        .env("EXSH_SANDBOX", sandbox)
        .env("SOURCE_DATE_EPOCH", "1764070771")
        .env("TZ", "UTC")
        .env_remove("EXSH_ORG")
        .env("NO_COLOR", "1");
    cmd
}

fn json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// Runs `s` both ways and checks the plan against the saved org. Returns the plan's change count.
fn check(s: &Script) -> usize {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (orgs, sandbox) = (tmp.path().join("orgs"), tmp.path().join("sandbox"));
    std::fs::create_dir_all(&orgs).expect("orgs");
    let before = orgs.join("before.json");
    match &s.org {
        Some(o) => {
            std::fs::copy(o, &before).expect("copy org");
        }
        None => {
            let mut c = exsh(&s.cwd, &sandbox);
            c.arg("--org").arg(&before);
            if let Some(e) = &s.exchange {
                c.arg("--exchange").arg(e);
            }
            if let Some(l) = &s.update_level {
                c.arg("--update-level").arg(l);
            }
            c.arg("-Command").arg("$null").assert().success();
        }
    }
    let _ = std::fs::remove_file(orgs.join("before.json.lock"));
    let bytes = std::fs::read(&before).expect("before");
    let what = format!("{} {:?}", s.file, s.args);

    // The rehearsal: in a folder of its own, so anything it leaves behind shows.
    let rehearsal = tmp.path().join("rehearsal");
    std::fs::create_dir_all(&rehearsal).expect("dir");
    let planned_org = rehearsal.join("org.json");
    std::fs::copy(&before, &planned_org).expect("copy");
    let plan_json = tmp.path().join("plan.json");
    let out = exsh(&s.cwd, &sandbox)
        .arg("--org")
        .arg(&planned_org)
        .arg("--plan")
        .arg("--plan-json")
        .arg(&plan_json)
        .arg("-File")
        .arg(&s.file)
        .args(&s.args)
        .write_stdin(s.stdin.clone())
        .output()
        .expect("plan run");
    assert_eq!(std::fs::read(&planned_org).expect("org"), bytes, "{what}: --plan changed the org file");
    assert_eq!(files_in(&rehearsal), ["org.json"], "{what}: --plan left files beside the org file");
    let plan = json(&plan_json);

    // The normal run, saving.
    let saved = orgs.join("after.json");
    std::fs::copy(&before, &saved).expect("copy");
    let run = exsh(&s.cwd, &sandbox)
        .arg("--org")
        .arg(&saved)
        .arg("-File")
        .arg(&s.file)
        .args(&s.args)
        .write_stdin(s.stdin.clone())
        .output()
        .expect("normal run");
    // The rehearsal printed what the normal run printed, then the plan.
    let (p, n) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&run.stdout));
    assert!(p.starts_with(n.as_ref()), "{what}: the rehearsal's output differs from the run's\n{p}\n---\n{n}");

    let diff_json = tmp.path().join("diff.json");
    let diff_run = exsh(tmp.path(), &sandbox)
        .arg("--diff")
        .arg(&before)
        .arg(&saved)
        .arg("--plan-json")
        .arg(&diff_json)
        .output()
        .expect("diff run");
    let diff = json(&diff_json);
    for key in ["changes", "access", "summary"] {
        assert_eq!(plan[key], diff[key], "{what}: the plan's {key} differ from the saved org's");
    }
    let changed = plan["changes"].as_array().map_or(0, Vec::len);
    let run_failed = run.status.code() != Some(0);
    let expected = if run_failed {
        1
    } else if changed > 0 {
        2
    } else {
        0
    };
    assert_eq!(out.status.code(), Some(expected), "{what}: --plan exit code");
    assert_eq!(diff_run.status.code(), Some(if changed > 0 { 2 } else { 0 }), "{what}: --diff exit code");
    changed
}

fn case(path: &Path) -> Script {
    let src = String::from_utf8_lossy(&std::fs::read(path).expect("case")).into_owned();
    let dir = path.parent().expect("parent").to_path_buf();
    Script {
        file: path.file_name().expect("name").to_string_lossy().into_owned(),
        args: option(&src, "args").map(|a| a.split_whitespace().map(str::to_string).collect()).unwrap_or_default(),
        org: option(&src, "org").map(|o| dir.join(o)),
        exchange: option(&src, "exchange"),
        update_level: option(&src, "update-level"),
        stdin: option(&src, "stdin").map(|s| s.split('|').map(|l| format!("{l}\n")).collect()).unwrap_or_default(),
        cwd: dir,
    }
}

fn cases(folder: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join(folder))
        .expect("folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ps1"))
        .collect();
    v.sort();
    v
}

#[test]
fn the_readme_grant_script_plans_exactly_and_saves_nothing() {
    let s = Script {
        cwd: root(),
        file: "scripts/grant.ps1".into(),
        args: vec!["-Path".into(), "scripts/grants.csv".into()],
        org: None,
        exchange: None,
        update_level: None,
        stdin: String::new(),
    };
    assert_eq!(check(&s), 5);
}

#[test]
fn the_revoke_script_plans_exactly() {
    // Grant first (a saved run), then rehearse the revoke on that org.
    let tmp = tempfile::tempdir().expect("tempdir");
    let org = tmp.path().join("granted.json");
    exsh(&root(), &tmp.path().join("sandbox"))
        .arg("--org")
        .arg(&org)
        .arg("-File")
        .arg("scripts/grant.ps1")
        .arg("-Path")
        .arg("scripts/grants.csv")
        .assert()
        .success();
    let s = Script {
        cwd: root(),
        file: "scripts/revoke.ps1".into(),
        args: vec!["-User".into(), "michelle".into()],
        org: Some(org),
        exchange: None,
        update_level: None,
        stdin: String::new(),
    };
    assert!(check(&s) > 0);
}

#[test]
fn every_script_case_plans_exactly() {
    let all = cases("tests/cases/scripts");
    assert!(all.len() >= 5);
    let changed: Vec<usize> = all.iter().map(|p| check(&case(p))).collect();
    assert!(changed.iter().filter(|n| **n > 0).count() >= 4, "{changed:?}");
}

#[test]
fn every_plan_case_plans_exactly() {
    let all: Vec<PathBuf> = cases("tests/cases/plan")
        .into_iter()
        .filter(|p| {
            let src = std::fs::read_to_string(p).unwrap_or_default();
            option(&src, "diff").is_none()
        })
        .collect();
    assert!(all.len() >= 8);
    let changed: Vec<usize> = all.iter().map(|p| check(&case(p))).collect();
    assert!(changed.iter().filter(|n| **n > 0).count() >= 6, "{changed:?}");
}

#[test]
fn org_state_and_lifecycle_cases_plan_exactly() {
    for folder in ["tests/cases/orgstate", "tests/cases/lifecycle"] {
        for p in cases(folder) {
            let src = std::fs::read_to_string(&p).unwrap_or_default();
            if option(&src, "cwd").is_some() {
                continue;
            }
            check(&case(&p));
        }
    }
}

#[test]
fn plan_with_command_and_its_exit_codes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let org = tmp.path().join("org.json");
    let sandbox = tmp.path().join("sandbox");
    let run = |cmd: &str| {
        exsh(tmp.path(), &sandbox).arg("--org").arg(&org).arg("--plan").arg("-Command").arg(cmd).output().expect("run")
    };
    let o = run("Set-User karen -Title 'CEO'");
    assert_eq!(o.status.code(), Some(2));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("~ Title  Karen Berg: \"Sales Manager\" → \"CEO\""), "{text}");
    assert!(text.ends_with("Plan: 0 to add, 1 to change, 0 to remove.\n"), "{text}");
    // Planning a missing org file does not create it.
    assert!(!org.exists() && files_in(tmp.path()).is_empty(), "{:?}", files_in(tmp.path()));
    let o = run("Get-Mailbox karen | Out-Null");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "\nNo changes. The run would leave the organization as it is.\n");
    let o = run("throw 'stop'");
    assert_eq!(o.status.code(), Some(1));
    // --plan needs something to run; -NoExit does not go with it.
    let o = exsh(tmp.path(), &sandbox).arg("--org").arg(&org).arg("--plan").output().expect("run");
    assert_eq!(o.status.code(), Some(64));
    let o = exsh(tmp.path(), &sandbox)
        .arg("--org")
        .arg(&org)
        .arg("--plan")
        .arg("-NoExit")
        .arg("-Command")
        .arg("1")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(64));
    assert!(files_in(tmp.path()).is_empty());
}

#[test]
fn the_documented_json_example_is_what_exsh_writes() {
    let doc = std::fs::read_to_string(root().join("docs/plan.md")).expect("docs/plan.md");
    let start = doc.find("```json\n").expect("a json example") + "```json\n".len();
    let end = start + doc[start..].find("```").expect("closed");
    let example: serde_json::Value = serde_json::from_str(&doc[start..end]).expect("example is JSON");
    let tmp = tempfile::tempdir().expect("tempdir");
    let plan = tmp.path().join("plan.json");
    let o = exsh(tmp.path(), &tmp.path().join("sandbox"))
        .arg("--org")
        .arg(tmp.path().join("org.json"))
        .arg("--plan")
        .arg("--plan-json")
        .arg(&plan)
        .arg("-Command")
        .arg("Add-MailboxPermission helpdesk -User helpdeskagents -AccessRights FullAccess | Out-Null")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(json(&plan), example);
    assert_eq!(example["formatVersion"], 1);
}

#[test]
fn command_line_errors_of_the_plan_flags() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let sandbox = tmp.path().join("sandbox");
    let run = |args: &[&str]| exsh(tmp.path(), &sandbox).args(args).output().expect("run");
    let err = |o: &std::process::Output| String::from_utf8_lossy(&o.stderr).into_owned();
    let o = run(&["--plan-json"]);
    assert_eq!((o.status.code(), err(&o).as_str()), (Some(2), "exsh: missing file name for --plan-json\n"));
    let o = run(&["--diff", "a.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(err(&o), "exsh: --diff needs two org files: --diff BEFORE.json AFTER.json\n");
    let o = run(&["--diff", "a.json", "b.json", "-Command", "1"]);
    assert_eq!(o.status.code(), Some(64));
    assert!(err(&o).contains("--diff compares two org files; it runs no script"), "{}", err(&o));
    // An org file of another version than asked for: the store's error, nothing created.
    let org = tmp.path().join("org.json");
    exsh(tmp.path(), &sandbox).arg("--org").arg(&org).arg("-Command").arg("$null").assert().success();
    let bytes = std::fs::read(&org).expect("org");
    let o = exsh(tmp.path(), &sandbox)
        .arg("--org")
        .arg(&org)
        .args(["--exchange", "Online", "--plan", "-Command", "Set-User karen -Title x"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("holds an Exchange2019 organization; it cannot be opened as Online"), "{}", err(&o));
    assert_eq!(std::fs::read(&org).expect("org"), bytes);
}

#[test]
fn plan_files_are_named_relative_to_where_exsh_starts() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(tmp.path().join("sub")).expect("sub");
    let o = exsh(tmp.path(), &tmp.path().join("sandbox"))
        .args(["--org", "org.json", "--plan-json", "plan.json", "-WorkingDirectory", "sub"])
        .args(["-Command", "Set-User karen -Title CEO"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(json(&tmp.path().join("plan.json"))["summary"]["change"], 1);
    assert!(!tmp.path().join("org.json").exists() && files_in(&tmp.path().join("sub")).is_empty());
}
