//! `kill -9` at a random moment of runs that change a large-ish org: the org file is always the
//! old or the new state, and the next run leaves no temp file behind.
//!
//! Short by default (a few dozen kills of a 2,000-mailbox org); `scripts/kill-test.sh` runs the
//! long version (`EXSH_KILLS`, `EXSH_KILL_MAILBOXES`, release build). `EXSH_KILL_SEED` repeats
//! a campaign.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{alias, env_usize, leftovers, write_big_org};
use exsh::directory::Directory;
use exsh::store;

const EXE: &str = env!("CARGO_BIN_EXE_exsh");

fn exsh(org: &Path, script: &str) -> Command {
    let mut c = Command::new(EXE);
    c.arg("--org").arg(org).arg("-c").arg(script).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped());
    c
}

fn run_ok(org: &Path, script: &str) {
    let out = exsh(org, script).output().expect("run exsh");
    assert!(out.status.success(), "{script}: {}", String::from_utf8_lossy(&out.stderr));
}

fn state(org: &Path) -> Directory {
    match store::read_only(org) {
        Ok(Some(d)) => d,
        Ok(None) => panic!("org file {} is gone", org.display()),
        Err(e) => panic!("org file does not load after a kill: {e}"),
    }
}

/// A grant no earlier run made, so every run really changes the file.
fn grant(k: usize, n: usize) -> String {
    format!(
        "Add-MailboxPermission {} -User {} -AccessRights FullAccess -AutoMapping $false | Out-Null",
        alias(k % n),
        alias((k * 7 + 1) % n)
    )
}

/// xorshift64*: enough randomness for kill times, repeatable from the printed seed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

#[test]
#[allow(clippy::print_stderr)] // figures shown with --nocapture
fn kill_9_during_saves_leaves_old_or_new_state_and_no_temp_file() {
    let kills = env_usize("EXSH_KILLS", 30);
    let n = env_usize("EXSH_KILL_MAILBOXES", 1000);
    let seed = std::env::var("EXSH_KILL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64) | 1
    });
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().expect("tempdir");
    let org = dir.path().join("org.json");
    let refdir = tempfile::tempdir().expect("tempdir");
    let reference = refdir.path().join("org.json");
    write_big_org(&org, n);
    // How long one uninterrupted run takes: a quarter of the kills land anywhere in it, the
    // rest in its second half (where the save is) or just after it.
    let start = Instant::now();
    run_ok(&org, &grant(n, n));
    let full = start.elapsed();
    let (mut old_kept, mut new_kept, mut temps) = (0, 0, 0);
    for k in 0..kills {
        let before_bytes = std::fs::read(&org).expect("read org");
        let script = grant(k, n);
        let span = full.as_nanos() as u64 + 1;
        let delay =
            Duration::from_nanos(if k % 4 == 0 { rng.next() % span } else { span / 2 + rng.next() % (span * 3 / 4) });
        let mut child = exsh(&org, &script).spawn().expect("spawn");
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL on Unix; an error means it had already exited
        let _ = child.wait();
        if !leftovers(dir.path(), "org.json").is_empty() {
            temps += 1;
        }
        if std::fs::read(&org).expect("read org") == before_bytes {
            old_kept += 1;
        } else {
            // The new state is what the same run makes of the old file when not killed.
            std::fs::write(&reference, &before_bytes).expect("write reference");
            run_ok(&reference, &script);
            let after = state(&org);
            assert!(after == state(&reference), "kill {k} (seed {seed}): the org is neither the old nor the new state");
            new_kept += 1;
        }
        // The next run, reading (even kills) or saving (odd kills), reclaims any temp file.
        let next = if k % 2 == 0 { "Get-Mailbox karen | Out-Null".to_string() } else { grant(k + kills, n) };
        run_ok(&org, &next);
        let left = leftovers(dir.path(), "org.json");
        assert!(left.is_empty(), "kill {k} (seed {seed}): temp files left after the next run: {left:?}");
    }
    eprintln!(
        "{kills} kills of runs on a {n}-mailbox org (one run {full:?}, seed {seed}): \
         {old_kept} left the old state, {new_kept} the new one, {temps} left a temp file that the next run removed"
    );
}
