//! The engine's edges: where text goes, where input comes from, the clock, the environment and
//! the files a script names. `main` and the REPL implement [`Host`]; tests use [`BufferHost`].

use std::io::{self, Write};

use crate::cmdlet::{FileAccess, FileError, ItemInfo, WinPath};

/// What the engine needs from the world.
pub trait Host {
    /// Standard output (pipeline output, Write-Host, warnings, What if lines).
    fn out(&mut self) -> &mut dyn Write;
    /// Standard error (error records).
    fn err(&mut self) -> &mut dyn Write;
    /// Reads one line for a prompt (Read-Host, confirmations, mandatory parameters). The prompt text has
    /// already been written to `out`. `Ok(None)` at end of input.
    fn read_line(&mut self, secure: bool) -> io::Result<Option<String>>;
    /// True when output goes to a terminal (colours allowed).
    fn colors(&self) -> bool;
    /// True when input comes from a person at a terminal (who sees their own typing); otherwise the
    /// engine echoes each answer it reads after the prompt, so transcripts read like a console.
    fn interactive(&self) -> bool;
    /// Output width in columns.
    fn width(&self) -> usize;
    /// Seconds since the Unix epoch.
    fn now(&self) -> i64;
    /// A monotonic clock in 100-ns ticks, for elapsed times (Stopwatch, Measure-Command). Only
    /// differences mean anything; a pinned clock gives 0 for every interval.
    fn ticks(&self) -> i64 {
        self.now().saturating_mul(10_000_000)
    }
    /// The local time zone's offset from UTC, in seconds, at a UTC instant (seconds since the Unix
    /// epoch). Local dates (`Get-Date`, `[datetime]::Now`) are the UTC clock plus this.
    fn utc_offset(&self, _utc_secs: i64) -> i32 {
        0
    }

    /// The seed of the session's random numbers (Get-Random), read once at first use: the
    /// engine's generator is seeded here, at the edge, and is pure after that.
    fn random_seed(&mut self) -> u64 {
        self.now() as u64
    }

    /// An environment variable (`$env:NAME`).
    fn env(&self, name: &str) -> Option<String>;
    /// The script's file access.
    fn files(&mut self) -> &mut dyn FileAccess;
    /// The current location (`$PWD`), when the host keeps one.
    fn location(&self) -> Option<WinPath> {
        None
    }

    /// The process id (`$PID`); a fixed number where output must not vary.
    fn pid(&self) -> u32 {
        4242
    }
}

/// An in-memory host for tests: collects output, feeds input lines, fixed clock, no files.
#[derive(Default)]
pub struct BufferHost {
    /// Everything written to output.
    pub out: Vec<u8>,
    /// Everything written to the error stream.
    pub err: Vec<u8>,
    /// Lines returned by `read_line`, front first.
    pub input: std::collections::VecDeque<String>,
    /// Files by path.
    pub files: MemoryFiles,
}

/// Files kept in memory, for tests: the drive roots and the start location exist, folders are
/// created by `create_dir` (or by holding a file), and the clock is fixed.
pub struct MemoryFiles {
    entries: std::collections::BTreeMap<String, MemEntry>,
    location: WinPath,
    stack: Vec<(String, WinPath)>,
}

enum MemEntry {
    File(WinPath, Vec<u8>),
    Dir(WinPath),
}

const MEMORY_FILE_TIME: i64 = 1_764_070_771;

impl Default for MemoryFiles {
    fn default() -> Self {
        let mut m = MemoryFiles { entries: Default::default(), location: WinPath::drive('C'), stack: Vec::new() };
        if let Some(start) = WinPath::absolute("C:\\Windows\\system32") {
            m.start_in(start);
        }
        m
    }
}

impl MemoryFiles {
    /// A file's text (UTF-8 bytes assumed), for tests.
    pub fn text(&self, path: &str) -> Option<String> {
        let p = crate::cmdlet::path::resolve(&self.location, path).ok()?;
        match self.entries.get(&p.key()) {
            Some(MemEntry::File(_, b)) => Some(crate::cmdlet::encoding::decode(b)),
            _ => None,
        }
    }

    fn is_dir(&self, p: &WinPath) -> bool {
        p.parts.is_empty() || matches!(self.entries.get(&p.key()), Some(MemEntry::Dir(_)))
    }

    fn children(&self, p: &WinPath) -> Vec<String> {
        self.entries
            .iter()
            .filter(|(_, e)| {
                let q = match e {
                    MemEntry::File(q, _) | MemEntry::Dir(q) => q,
                };
                q.parent().is_some_and(|par| par.same(p))
            })
            .map(|(k, _)| k.clone())
            .collect()
    }

    fn info(e: &MemEntry) -> ItemInfo {
        match e {
            MemEntry::File(p, b) => ItemInfo {
                path: p.clone(),
                is_dir: false,
                len: b.len() as u64,
                modified: MEMORY_FILE_TIME,
                readonly: false,
            },
            MemEntry::Dir(p) => {
                ItemInfo { path: p.clone(), is_dir: true, len: 0, modified: MEMORY_FILE_TIME, readonly: false }
            }
        }
    }
}

impl FileAccess for MemoryFiles {
    fn location(&self) -> WinPath {
        self.location.clone()
    }

    fn set_location(&mut self, to: WinPath) {
        self.location = to;
    }

    fn location_stack(&mut self) -> &mut Vec<(String, WinPath)> {
        &mut self.stack
    }

    fn start_in(&mut self, at: WinPath) {
        let _ = self.create_dir(&at);
        self.location = at;
    }

    fn read_bytes(&mut self, p: &WinPath) -> Result<Vec<u8>, FileError> {
        match self.entries.get(&p.key()) {
            Some(MemEntry::File(_, b)) => Ok(b.clone()),
            Some(MemEntry::Dir(_)) => Err(FileError::Denied),
            None => Err(FileError::NotFound),
        }
    }

    fn write_bytes(&mut self, p: &WinPath, bytes: &[u8], append: bool) -> Result<(), FileError> {
        if !p.parent().is_some_and(|par| self.is_dir(&par)) {
            return Err(FileError::PartNotFound);
        }
        match self.entries.get_mut(&p.key()) {
            Some(MemEntry::Dir(_)) => Err(FileError::Denied),
            Some(MemEntry::File(_, b)) => {
                if !append {
                    b.clear();
                }
                b.extend_from_slice(bytes);
                Ok(())
            }
            None => {
                self.entries.insert(p.key(), MemEntry::File(p.clone(), bytes.to_vec()));
                Ok(())
            }
        }
    }

    fn stat(&mut self, p: &WinPath) -> Option<ItemInfo> {
        if p.parts.is_empty() {
            return Some(ItemInfo {
                path: p.clone(),
                is_dir: true,
                len: 0,
                modified: MEMORY_FILE_TIME,
                readonly: false,
            });
        }
        self.entries.get(&p.key()).map(MemoryFiles::info)
    }

    fn list(&mut self, p: &WinPath) -> Result<Vec<ItemInfo>, FileError> {
        if !self.is_dir(p) {
            return Err(FileError::PartNotFound);
        }
        let mut v: Vec<ItemInfo> =
            self.children(p).iter().filter_map(|k| self.entries.get(k)).map(MemoryFiles::info).collect();
        v.sort_by_key(|i| i.path.name().to_lowercase());
        Ok(v)
    }

    fn create_dir(&mut self, p: &WinPath) -> Result<(), FileError> {
        let mut cur = p.root_path();
        for part in &p.parts {
            cur.parts.push(part.clone());
            match self.entries.get(&cur.key()) {
                Some(MemEntry::File(..)) => return Err(FileError::Exists),
                Some(MemEntry::Dir(_)) => {}
                None => {
                    self.entries.insert(cur.key(), MemEntry::Dir(cur.clone()));
                }
            }
        }
        Ok(())
    }

    fn remove_item(&mut self, p: &WinPath, recursive: bool) -> Result<(), FileError> {
        match self.entries.get(&p.key()) {
            None => Err(FileError::NotFound),
            Some(MemEntry::File(..)) => {
                self.entries.remove(&p.key());
                Ok(())
            }
            Some(MemEntry::Dir(_)) => {
                let below: Vec<String> = self
                    .entries
                    .iter()
                    .filter(|(_, e)| match e {
                        MemEntry::File(q, _) | MemEntry::Dir(q) => q.starts_with(p) && !q.same(p),
                    })
                    .map(|(k, _)| k.clone())
                    .collect();
                if !below.is_empty() && !recursive {
                    return Err(FileError::NotEmpty);
                }
                for k in below {
                    self.entries.remove(&k);
                }
                self.entries.remove(&p.key());
                Ok(())
            }
        }
    }

    fn copy_file(&mut self, from: &WinPath, to: &WinPath) -> Result<(), FileError> {
        let bytes = self.read_bytes(from)?;
        self.write_bytes(to, &bytes, false)
    }

    fn rename(&mut self, from: &WinPath, to: &WinPath) -> Result<(), FileError> {
        if self.stat(to).is_some() && !to.same(from) {
            return Err(FileError::Exists);
        }
        if !to.parent().is_some_and(|par| self.is_dir(&par)) {
            return Err(FileError::PartNotFound);
        }
        let moved: Vec<String> = self
            .entries
            .iter()
            .filter(|(_, e)| match e {
                MemEntry::File(q, _) | MemEntry::Dir(q) => q.starts_with(from),
            })
            .map(|(k, _)| k.clone())
            .collect();
        if moved.is_empty() {
            return Err(FileError::NotFound);
        }
        for k in moved {
            if let Some(e) = self.entries.remove(&k) {
                let re = |q: &WinPath| {
                    let mut n = to.clone();
                    n.parts.extend(q.parts[from.parts.len()..].iter().cloned());
                    n
                };
                let e = match e {
                    MemEntry::File(q, b) => MemEntry::File(re(&q), b),
                    MemEntry::Dir(q) => MemEntry::Dir(re(&q)),
                };
                let key = match &e {
                    MemEntry::File(q, _) | MemEntry::Dir(q) => q.key(),
                };
                self.entries.insert(key, e);
            }
        }
        Ok(())
    }
}

impl Host for BufferHost {
    fn out(&mut self) -> &mut dyn Write {
        &mut self.out
    }

    fn err(&mut self) -> &mut dyn Write {
        &mut self.err
    }

    fn read_line(&mut self, _secure: bool) -> io::Result<Option<String>> {
        Ok(self.input.pop_front())
    }

    fn colors(&self) -> bool {
        false
    }

    fn interactive(&self) -> bool {
        false
    }

    fn width(&self) -> usize {
        120
    }

    fn now(&self) -> i64 {
        1_764_070_771
    }

    fn env(&self, name: &str) -> Option<String> {
        match name.to_ascii_uppercase().as_str() {
            "USERNAME" => Some("Administrator".into()),
            "USERDOMAIN" => Some("CONTOSO".into()),
            "COMPUTERNAME" => Some("EX01".into()),
            _ => None,
        }
    }

    fn files(&mut self) -> &mut dyn FileAccess {
        &mut self.files
    }

    fn location(&self) -> Option<WinPath> {
        Some(self.files.location())
    }
}
