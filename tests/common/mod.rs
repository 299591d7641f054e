//! Helpers shared by the multi-process store tests (`crash.rs`, `concurrency.rs`).

#![allow(dead_code)]

use std::path::Path;

use exsh::directory::{Directory, ExchangeVersion};
use exsh::store;

/// The alias of generated mailbox `i`.
pub fn alias(i: usize) -> String {
    format!("user{i:06}")
}

/// Writes an org file of the sample organization plus `n` clones of Karen's mailbox (her
/// folders included), each with its own name, alias, Guids, SID, UPN and address — the org
/// `scripts/bench.sh` generates, built through the library so it is in exsh's own layout.
pub fn write_big_org(path: &Path, n: usize) {
    let mut dir = Directory::sample(ExchangeVersion::Exchange2019);
    let karen = dir.recipients.iter().find(|r| r.alias == "karen").cloned().expect("karen");
    let domain = dir.org.domain.clone();
    let domain_sid = dir.org.domain_sid.clone();
    let base_rid = 100_000;
    let mut list = Vec::with_capacity(n);
    for i in 0..n {
        let mut r = karen.clone();
        let a = alias(i);
        r.name = format!("User {i:06}");
        r.display_name = r.name.clone();
        r.guid = format!("b16b0000-0000-4000-8000-{i:012x}");
        r.exchange_guid = Some(format!("b16c0000-0000-4000-8000-{i:012x}"));
        r.sid = Some(format!("{domain_sid}-{}", base_rid + i));
        r.upn = Some(format!("{a}@{domain}"));
        r.primary_smtp = format!("{a}@{domain}");
        r.email_addresses = vec![format!("SMTP:{a}@{domain}")];
        r.alias = a;
        list.push(r);
    }
    dir.recipients.extend(list);
    dir.org.next_rid = (base_rid + n) as u32;
    let bytes = store::schema::encode(&dir).expect("encode");
    std::fs::write(path, bytes).expect("write org");
}

/// Names in `dir` other than the org file and its lock: temp files left behind.
pub fn leftovers(dir: &Path, org: &str) -> Vec<String> {
    let lock = format!("{org}.lock");
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| *n != org && *n != lock)
        .collect();
    v.sort();
    v
}

/// An environment variable as a number, or `default`.
pub fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}
