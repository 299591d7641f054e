//! Wildcards in the current folder when the sandbox is elsewhere (as for a user running a report
//! script in their own folder with `EXSH_SANDBOX` set): the walk must start at the current
//! location, not rebuild `C:\Windows\system32` from the root through the sandbox.

use std::process::Command;

#[test]
fn wildcards_in_the_current_folder_with_a_separate_sandbox() -> Result<(), Box<dyn std::error::Error>> {
    let work = tempfile::tempdir()?;
    let sandbox = tempfile::tempdir()?;
    // The sandbox already has a C:\temp, as after a report wrote there.
    std::fs::create_dir_all(sandbox.path().join("C").join("temp"))?;
    std::fs::write(work.path().join("Success-1.csv"), "a\n")?;
    std::fs::write(work.path().join("Success-2.csv"), "b\n")?;
    std::fs::write(work.path().join("other.txt"), "c\n")?;
    let out = Command::new(env!("CARGO_BIN_EXE_exsh"))
        .current_dir(work.path())
        .env("EXSH_SANDBOX", sandbox.path())
        .env("NO_COLOR", "1")
        .arg("--org")
        .arg(work.path().join("org.json"))
        .arg("-Command")
        .arg("(Get-ChildItem *.csv).Count; (Get-Item .\\Success-*.csv).Count; Get-Content .\\Success*.csv")
        .output()?;
    assert_eq!(String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n"), "2\n2\na\nb\n");
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    Ok(())
}
