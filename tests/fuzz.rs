//! The fuzz harness (issue 10, "Unbreakable"): scripts mutated from the test corpus
//! (`tests/cases/**/*.ps1`, `tests/parse_corpus/**/*.txt`) go through `exsh::syntax::parse` in both
//! language versions and through the engine, with every cmdlet, on a fresh in-memory sample org
//! (`BufferHost`: no real files, no clock, no programs), under a step budget
//! (`Engine::set_step_budget`). It counts panics (caught with `catch_unwind`), hangs (an input that
//! runs past its budget's deadline by more than `HANG_SLACK`) and, in long mode, aborts (a worker
//! process that dies, e.g. of a stack overflow, is restarted after the input it died on).
//!
//! - `cargo test --test fuzz` runs the short campaign: `SHORT_COUNT` inputs in one process.
//! - `scripts/fuzz.sh [COUNT] [SEED]` runs the long one (default 1,000,000 inputs) in worker
//!   processes (`EXSH_FUZZ_COUNT`, `EXSH_FUZZ_SEED`, `EXSH_FUZZ_WORKER`); failing inputs are
//!   written to `target/fuzz-failures/`.
//!
//! Inputs are a pure function of (seed, index) and the corpus, so a failure is reproduced by its
//! index while the tests stay the same: `EXSH_FUZZ_SEED=S EXSH_FUZZ_ONLY=I cargo test --test fuzz --
//! --nocapture` prints input I and runs it; `EXSH_FUZZ_FILE=target/fuzz-failures/….ps1` replays a
//! recorded input (its first line is the failure, a comment).

use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use exsh::directory::{Directory, ExchangeVersion};
use exsh::engine::{BufferHost, Engine};
use exsh::syntax::{LanguageVersion, ParseOptions, parse_with};

/// `println!` through the stdout handle (clippy denies the macro; the long mode's parent reads it).
macro_rules! say {
    ($($t:tt)*) => {{
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}

/// The same on stderr (the long mode's progress lines).
macro_rules! say_err {
    ($($t:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($t)*);
    }};
}

/// Inputs of the short campaign that `cargo test` runs.
const SHORT_COUNT: u64 = 3000;
/// Steps one input may take (statement lists, expressions, pipeline records, range elements).
const STEPS: u64 = 20_000;
/// Wall-clock budget of one input, checked by the engine as part of its step budget.
const DEADLINE: Duration = Duration::from_secs(2);
/// How far past its deadline an input may finish before it counts as a hang.
const HANG_SLACK: Duration = Duration::from_secs(3);
/// The engine thread's stack, as `main` gives it (`ENGINE_STACK`).
const STACK: usize = 1 << 30;

/// Tokens the mutator inserts: operators, openers and closers, keywords, large numbers, formats,
/// cmdlets, and the constructs that crashed exsh before (ranges, repetition, self-reference).
const DICTIONARY: &[&str] = &[
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    "@(",
    "@{",
    "$(",
    "&{",
    "\"",
    "'",
    "@\"\n",
    "\n\"@",
    "`",
    ";",
    "|",
    "\n",
    ",",
    ".",
    "..",
    "::",
    "=",
    "+=",
    "-",
    "+",
    "*",
    "/",
    "%",
    "!",
    "-not ",
    " -and ",
    " -or ",
    " -f ",
    " -join ",
    " -split ",
    " -replace ",
    " -eq ",
    " -like ",
    " -match ",
    " -as ",
    " -is ",
    " -band ",
    " -shl ",
    "++",
    "--",
    "$_",
    "$a",
    "$h",
    "$null",
    "$true",
    "$args",
    "$input",
    "$PSItem",
    "$MyInvocation",
    "$Error",
    "${x}",
    "0",
    "1",
    "-1",
    "1e19",
    "3e9",
    "2147483647",
    "9223372036854775807",
    "0x7FFFFFFF",
    "1.5",
    "1kb",
    "1gb",
    "'x'",
    "\"$a\"",
    "\"{0:D65536}\"",
    "\"{0:N70000}\"",
    "\"{0,1000000}\"",
    "\"{0:X99}\"",
    "if",
    "else",
    "elseif",
    "foreach",
    "for",
    "while",
    "do",
    "until",
    "switch",
    "function",
    "filter",
    "param",
    "begin",
    "process",
    "end",
    "return",
    "break",
    "continue",
    "throw",
    "trap",
    "try",
    "catch",
    "finally",
    "class",
    "enum",
    "data",
    "exit",
    "[int]",
    "[string]",
    "[array]",
    "[hashtable]",
    "[pscustomobject]",
    "[regex]",
    "[char]",
    "[int[]]",
    "[datetime]",
    "[System.Collections.ArrayList]",
    "Get-Mailbox",
    "Get-Mailbox -Filter ",
    "Add-MailboxPermission",
    "Get-MailboxPermission",
    "Set-Mailbox",
    "ForEach-Object",
    "Where-Object",
    "Select-Object",
    "Sort-Object",
    "Group-Object",
    "Measure-Object",
    "ConvertTo-Json",
    "ConvertFrom-Json",
    "ConvertTo-Csv",
    "Format-List",
    "Format-Table",
    "Out-String",
    "Invoke-Expression",
    "Write-Output",
    "Write-Host",
    "New-Object",
    "Get-Date",
    "Get-Variable",
    "Set-Variable",
    "-Depth 100",
    "-ErrorAction Stop",
    "-WhatIf",
    "$a=@(1);$a[0]=$a;",
    "$h=@{};$h.a=$h;",
    "function f { f };",
    "0..1e19",
    "1..3e9",
    "'x' * 1e12",
    "@(1) * 1e9",
    "('(' * 10000)",
    "$s='x';",
    ".ToString('D500')",
    ".PadLeft(100000000)",
    "[string]::new('x', 100000000)",
    ".Split('')",
    ".Replace('', 'x')",
    "-f 1",
];

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn new(seed: u64, index: u64) -> Rng {
        let mut r = Rng(seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

/// The seed corpus: every case script, and every snippet of the parse corpus.
fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = Vec::new();
    collect(&root.join("cases"), "ps1", &mut files);
    collect(&root.join("parse_corpus"), "txt", &mut files);
    files.sort();
    let mut seeds = Vec::new();
    for f in files {
        let Ok(bytes) = std::fs::read(&f) else { continue };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        if f.extension().is_some_and(|e| e == "txt") {
            for entry in text.split("\n=== ").skip(1) {
                if let Some((_, body)) = entry.split_once('\n') {
                    seeds.push(body.to_string());
                }
            }
        } else {
            seeds.push(text);
        }
    }
    seeds.retain(|s| !s.trim().is_empty());
    seeds
}

fn collect(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, ext, out);
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
}

/// A char boundary of `s` at or below `i`.
fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A random range `a..b` of `s` on char boundaries, at most `max` bytes long.
fn span(r: &mut Rng, s: &str, max: usize) -> (usize, usize) {
    let a = floor(s, r.below(s.len() + 1));
    let b = floor(s, a + r.below(max.min(s.len() - a) + 1));
    (a, b)
}

/// Input `index` of the campaign `seed`: a corpus script (or a piece of one) with a few mutations.
fn input(seeds: &[String], seed: u64, index: u64) -> String {
    let mut r = Rng::new(seed, index);
    let base = &seeds[r.below(seeds.len())];
    // Keep inputs small: a window of the seed script.
    let (a, b) = if base.len() > 600 && r.below(3) > 0 { span(&mut r, base, 600) } else { (0, base.len()) };
    let mut s = base[a..b].to_string();
    for _ in 0..1 + r.below(6) {
        match r.below(10) {
            // Insert a dictionary token.
            0..=2 => {
                let at = floor(&s, r.below(s.len() + 1));
                s.insert_str(at, DICTIONARY[r.below(DICTIONARY.len())]);
            }
            // Delete a span.
            3 => {
                let (a, b) = span(&mut r, &s, 40);
                s.replace_range(a..b, "");
            }
            // Duplicate a span in place.
            4 => {
                let (a, b) = span(&mut r, &s, 40);
                let piece = s[a..b].to_string();
                s.insert_str(b, &piece);
            }
            // Splice in a piece of another seed.
            5 => {
                let other = &seeds[r.below(seeds.len())];
                let (a, b) = span(&mut r, other, 200);
                let at = floor(&s, r.below(s.len() + 1));
                s.insert_str(at, &other[a..b]);
            }
            // Truncate.
            6 => {
                let at = floor(&s, r.below(s.len() + 1));
                s.truncate(at);
            }
            // Nest: repeat an opener (and sometimes its closer) many times.
            7 => {
                let (open, close) = [
                    ("(", ")"),
                    ("{", "}"),
                    ("@(", ")"),
                    ("$(", ")"),
                    ("&{", "}"),
                    ("[int]", ""),
                    ("-", ""),
                    ("!", ""),
                    ("1+", "1"),
                    ("@{a=", "}"),
                ][r.below(10)];
                let n = [10, 100, 1000, 10_000][r.below(4)];
                let at = floor(&s, r.below(s.len() + 1));
                let inner =
                    if r.below(2) == 0 { format!("{}1{}", open.repeat(n), close.repeat(n)) } else { open.repeat(n) };
                s.insert_str(at, &inner);
            }
            // Replace a char with a random one (ASCII punctuation most of the time).
            8 => {
                if !s.is_empty() {
                    let at = floor(&s, r.below(s.len()));
                    let len = s[at..].chars().next().map_or(0, char::len_utf8);
                    let c = if r.below(8) == 0 {
                        char::from_u32(r.below(0x3000) as u32).unwrap_or('\u{FFFD}')
                    } else {
                        (b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \n\t0aZ"[r.below(38)]) as char
                    };
                    s.replace_range(at..at + len, &c.to_string());
                }
            }
            // Swap two halves.
            _ => {
                let at = floor(&s, r.below(s.len() + 1));
                s = format!("{}{}", &s[at..], &s[..at]);
            }
        }
    }
    s
}

/// What one input did wrong, if anything.
#[derive(Debug)]
enum Failure {
    Panic(String),
    Hang(Duration),
}

/// Parses `src` in both versions, tokenizes it as the REPL does, and runs it on a fresh sample org (2019 or Online by `index`).
fn run_one(src: &str, index: u64) -> Option<Failure> {
    let started = Instant::now();
    let result = catch_unwind(AssertUnwindSafe(|| {
        for v in [LanguageVersion::Desktop51, LanguageVersion::Pwsh7] {
            let _ = parse_with(src, ParseOptions::new(v));
        }
        // The REPL's tolerant token mode (colouring, completion) never fails either.
        let _ = exsh::syntax::tokens(src);
        let version = if index % 4 == 3 { ExchangeVersion::Online } else { ExchangeVersion::Exchange2019 };
        let mut engine =
            Engine::new(Box::new(BufferHost::default()), exsh::cmdlets::registry(), Directory::sample(version));
        engine.set_non_interactive(true);
        engine.set_step_budget(Some(STEPS), Some(Instant::now() + DEADLINE));
        let _ = engine.run_script(src, None, &[]);
    }));
    let took = started.elapsed();
    match result {
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Some(Failure::Panic(msg))
        }
        Ok(()) if took > DEADLINE + HANG_SLACK => Some(Failure::Hang(took)),
        Ok(()) => None,
    }
}

fn failures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("fuzz-failures")
}

/// Writes a failing input where `scripts/fuzz.sh` reports it.
fn record(seed: u64, index: u64, kind: &str, detail: &str, src: &str) {
    let dir = failures_dir();
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join(format!("{seed}-{index}-{kind}.ps1")), format!("# {kind}: {detail}\n{src}"));
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

/// The counts of one campaign.
#[derive(Default, Debug)]
struct Counts {
    inputs: u64,
    panics: u64,
    hangs: u64,
    aborts: u64,
}

/// Runs inputs `from..to` in this process, on a thread with the engine's stack. With `progress`,
/// writes the index of each input before running it (the long mode's parent reads it when a worker
/// dies).
fn campaign(seed: u64, from: u64, to: u64, progress: Option<&Path>) -> Counts {
    let seeds = corpus();
    assert!(!seeds.is_empty(), "no seed corpus");
    let progress = progress.map(Path::to_path_buf);
    let worker = std::thread::Builder::new().stack_size(STACK).spawn(move || {
        let mut c = Counts::default();
        for index in from..to {
            let src = input(&seeds, seed, index);
            if let Some(p) = &progress {
                let _ = std::fs::write(p, index.to_string());
            }
            c.inputs += 1;
            // Panics are counted, not printed one by one.
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(|_| {}));
            let failure = run_one(&src, index);
            std::panic::set_hook(previous);
            match failure {
                Some(Failure::Panic(m)) => {
                    c.panics += 1;
                    record(seed, index, "panic", &m.replace('\n', " "), &src);
                }
                Some(Failure::Hang(t)) => {
                    c.hangs += 1;
                    record(seed, index, "hang", &format!("{t:?}"), &src);
                }
                None => {}
            }
        }
        c
    });
    worker.expect("spawn the fuzz worker").join().expect("the fuzz worker")
}

/// The short campaign, part of `cargo test`; also the worker of the long one, and the replay of
/// one input (`EXSH_FUZZ_ONLY`).
#[test]
fn fuzz() {
    let seed = env_u64("EXSH_FUZZ_SEED").unwrap_or(1);
    if let Some(path) = std::env::var_os("EXSH_FUZZ_FILE") {
        // Replays a recorded failure (the corpus, and so the inputs of a seed, change with the tests).
        let src = std::fs::read_to_string(&path).expect("the input file");
        let worker = std::thread::Builder::new().stack_size(STACK).spawn(move || format!("{:?}", run_one(&src, 0)));
        let verdict = worker.expect("spawn the replay").join().expect("the replay");
        say!("{}: {verdict}", Path::new(&path).display());
        assert_eq!(verdict, "None");
        return;
    }
    if let Some(index) = env_u64("EXSH_FUZZ_ONLY") {
        let src = input(&corpus(), seed, index);
        say!("--- input {index} of seed {seed} ---\n{src}\n---");
        let c = campaign(seed, index, index + 1, None);
        say!("{c:?}");
        return;
    }
    if std::env::var_os("EXSH_FUZZ_WORKER").is_some() {
        // A worker of the long campaign: inputs from..to, progress in EXSH_FUZZ_PROGRESS.
        let from = env_u64("EXSH_FUZZ_FROM").unwrap_or(0);
        let to = env_u64("EXSH_FUZZ_TO").unwrap_or(from);
        let progress = std::env::var_os("EXSH_FUZZ_PROGRESS").map(PathBuf::from);
        let c = campaign(seed, from, to, progress.as_deref());
        say!("EXSH_FUZZ_COUNTS {} {} {}", c.inputs, c.panics, c.hangs);
        return;
    }
    if let Some(count) = env_u64("EXSH_FUZZ_COUNT") {
        let c = long_campaign(seed, count);
        say!(
            "fuzz: seed {seed}: {} inputs, {} panics, {} aborts, {} hangs (failures in {})",
            c.inputs,
            c.panics,
            c.aborts,
            c.hangs,
            failures_dir().display()
        );
        assert_eq!((c.panics, c.aborts, c.hangs), (0, 0, 0), "{c:?}");
        return;
    }
    let started = Instant::now();
    let c = campaign(seed, 0, SHORT_COUNT, None);
    say!("fuzz: {} inputs, {} panics, {} hangs in {:?}", c.inputs, c.panics, c.hangs, started.elapsed());
    assert_eq!((c.panics, c.hangs), (0, 0), "{c:?}; failing inputs in {}", failures_dir().display());
}

/// The long campaign: worker processes (this test binary again) over chunks of inputs. A worker
/// that dies without reporting counts one abort at the input it was running, and the next worker
/// starts after it; one that stops making progress for `STALL` is killed as a hang.
fn long_campaign(seed: u64, count: u64) -> Counts {
    const CHUNK: u64 = 20_000;
    const STALL: Duration = Duration::from_secs(60);
    let exe = std::env::current_exe().expect("the test binary");
    let dir = failures_dir();
    let _ = std::fs::create_dir_all(&dir);
    let progress = dir.join(format!("progress-{seed}"));
    // This campaign's failures are the files it writes: clear the last run's of the same seed.
    let prefix = format!("{seed}-");
    let mine = |name: &str| name.starts_with(&prefix) && name.ends_with(".ps1");
    for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        if mine(&e.file_name().to_string_lossy()) {
            let _ = std::fs::remove_file(e.path());
        }
    }
    let mut total = Counts::default();
    let mut from = 0;
    let started = Instant::now();
    while from < count {
        let to = (from + CHUNK).min(count);
        let _ = std::fs::remove_file(&progress);
        let mut child = std::process::Command::new(&exe)
            .args(["--exact", "fuzz", "--nocapture", "--test-threads=1"])
            .env("EXSH_FUZZ_WORKER", "1")
            .env("EXSH_FUZZ_SEED", seed.to_string())
            .env("EXSH_FUZZ_FROM", from.to_string())
            .env("EXSH_FUZZ_TO", to.to_string())
            .env("EXSH_FUZZ_PROGRESS", &progress)
            .env_remove("EXSH_FUZZ_COUNT")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start a fuzz worker");
        let mut last = (String::new(), Instant::now());
        let status = loop {
            if let Some(st) = child.try_wait().expect("wait for the worker") {
                break Some(st);
            }
            let now = std::fs::read_to_string(&progress).unwrap_or_default();
            if now != last.0 {
                last = (now, Instant::now());
            } else if last.1.elapsed() > STALL {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(200));
        };
        let mut out = String::new();
        if let Some(mut o) = child.stdout.take() {
            use std::io::Read;
            let _ = o.read_to_string(&mut out);
        }
        // libtest prints `test fuzz ... ` before the line on the same line.
        let reported = out.lines().find_map(|l| l.split_once("EXSH_FUZZ_COUNTS ").map(|(_, n)| n));
        match (status, reported) {
            (Some(_), Some(line)) => {
                let n: Vec<u64> = line.split(' ').filter_map(|x| x.parse().ok()).collect();
                total.inputs += n.first().copied().unwrap_or(0);
                total.panics += n.get(1).copied().unwrap_or(0);
                total.hangs += n.get(2).copied().unwrap_or(0);
                from = to;
            }
            (status, _) => {
                // Died (or stalled) at the input in the progress file.
                let at: u64 =
                    std::fs::read_to_string(&progress).ok().and_then(|s| s.trim().parse().ok()).unwrap_or(from);
                let seeds = corpus();
                let src = input(&seeds, seed, at);
                let (kind, detail) = match status {
                    None => ("hang", "no progress".to_string()),
                    Some(st) => ("abort", format!("{st}")),
                };
                if kind == "hang" {
                    total.hangs += 1;
                } else {
                    total.aborts += 1;
                }
                record(seed, at, kind, &detail, &src);
                // The inputs before `at` ran; their panics and hangs are in the failures folder.
                total.inputs += at - from + 1;
                from = at + 1;
            }
        }
        let rate = total.inputs as f64 / started.elapsed().as_secs_f64().max(0.001);
        say_err!(
            "fuzz: {}/{count} inputs, {} panics, {} aborts, {} hangs ({rate:.0}/s)",
            total.inputs,
            total.panics,
            total.aborts,
            total.hangs
        );
        let _ = std::io::stderr().flush();
    }
    // The worker counts die with a worker; the files do not.
    let kinds: Vec<String> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| mine(n))
        .collect();
    let of = |k: &str| kinds.iter().filter(|n| n.ends_with(&format!("-{k}.ps1"))).count() as u64;
    total.panics = of("panic");
    total.hangs = of("hang");
    total.aborts = of("abort");
    total
}
