//! The process's edges as an engine [`Host`]: stdout/stderr, stdin for prompts, the terminal's
//! width, the clock (`SOURCE_DATE_EPOCH` pins it), environment variables, and script files.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;

use crate::cmdlet::path::Root;
use crate::cmdlet::{FileAccess, FileError, ItemInfo, WinPath};
use crate::engine::Host;

/// Files named by scripts. The shell's start location (EMS: `C:\Windows\system32`) is the real
/// current directory, so `.\users.csv` is the file beside you; every other Windows path
/// (`C:\temp\x.csv`, `D:\x`, `\\server\share\x`) lives in the sandbox folder
/// (`$EXSH_SANDBOX`, else `$XDG_DATA_HOME/exsh/sandbox`, else `~/.local/share/exsh/sandbox`):
/// `<sandbox>/C/temp/x.csv`, `<sandbox>/UNC/server/share/x`. Names match ignoring case, and a path
/// never leaves the current directory or the sandbox (`..` stops at the root). docs/files.md.
pub struct StdFiles {
    location: WinPath,
    mount: WinPath,
    cwd: PathBuf,
    sandbox: PathBuf,
    stack: Vec<(String, WinPath)>,
}

impl Default for StdFiles {
    fn default() -> Self {
        StdFiles::new()
    }
}

/// The sandbox folder for Windows paths outside the current directory.
pub fn sandbox_dir() -> PathBuf {
    if let Some(p) = std::env::var_os("EXSH_SANDBOX").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local").join("share")))
        .unwrap_or_else(|| PathBuf::from("."));
    data.join("exsh").join("sandbox")
}

/// The folders every Windows server has, made in the sandbox when it is first used.
const SKELETON: &[&str] = &[
    "C:\\Users\\Administrator\\Desktop",
    "C:\\Users\\Administrator\\Documents",
    "C:\\Windows\\Temp",
    "C:\\Users\\Administrator\\AppData\\Local\\Temp",
    "C:\\Users\\Administrator\\AppData\\Roaming",
    "C:\\Users\\Public",
    "C:\\Program Files",
];

impl StdFiles {
    /// Files on the real current directory and the sandbox.
    pub fn new() -> Self {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let start = WinPath::absolute("C:\\Windows\\system32").unwrap_or_else(|| WinPath::drive('C'));
        StdFiles { location: start.clone(), mount: start, cwd, sandbox: sandbox_dir(), stack: Vec::new() }
    }

    /// The real path of a Windows path: under the current directory when the path is under the start
    /// location, else in the sandbox. Each name matches an existing entry ignoring case.
    fn real(&self, p: &WinPath) -> PathBuf {
        let (mut base, rest): (PathBuf, &[String]) = match p.strip_prefix(&self.mount) {
            Some(rest) => (self.cwd.clone(), rest),
            None => {
                if p.root != Root::Native {
                    self.ensure_sandbox();
                }
                let b = match &p.root {
                    Root::Native => PathBuf::from("/"),
                    Root::Drive(d) => self.sandbox.join(d.to_string()),
                    Root::Unc { server, share } => {
                        let b = self.sandbox.join("UNC").join(server.to_lowercase()).join(share.to_lowercase());
                        let _ = std::fs::create_dir_all(&b);
                        b
                    }
                };
                (b, &p.parts[..])
            }
        };
        for name in rest {
            base = matching_entry(&base, name);
        }
        base
    }

    fn ensure_sandbox(&self) {
        let c = self.sandbox.join("C");
        if c.exists() {
            return;
        }
        for dir in SKELETON {
            if let Some(w) = WinPath::absolute(dir) {
                let mut p = c.clone();
                for part in &w.parts {
                    p.push(part);
                }
                let _ = std::fs::create_dir_all(p);
            }
        }
    }

    fn info(&self, p: &WinPath, real: &std::path::Path) -> Option<ItemInfo> {
        if p.parts.is_empty() && !real.exists() {
            return Some(ItemInfo { path: p.clone(), is_dir: true, len: 0, modified: 0, readonly: false });
        }
        let md = std::fs::metadata(real).ok()?;
        // SOURCE_DATE_EPOCH pins file times too, so listings in tests are repeatable.
        let pinned = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok());
        let modified = pinned.unwrap_or_else(|| {
            md.modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        });
        Some(ItemInfo {
            path: p.clone(),
            is_dir: md.is_dir(),
            len: if md.is_dir() { 0 } else { md.len() },
            modified,
            readonly: md.permissions().readonly(),
        })
    }
}

/// `dir/name`, or the entry of `dir` whose name equals `name` ignoring case.
fn matching_entry(dir: &std::path::Path, name: &str) -> PathBuf {
    let exact = dir.join(name);
    if exact.exists() {
        return exact;
    }
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            if e.file_name().to_string_lossy().eq_ignore_ascii_case(name) {
                return e.path();
            }
        }
    }
    exact
}

fn io_error(e: io::Error) -> FileError {
    match e.kind() {
        io::ErrorKind::NotFound => FileError::NotFound,
        io::ErrorKind::PermissionDenied => FileError::Denied,
        io::ErrorKind::AlreadyExists => FileError::Exists,
        io::ErrorKind::DirectoryNotEmpty => FileError::NotEmpty,
        _ => FileError::Other(e.to_string()),
    }
}

/// Reads a script or CSV file: a BOM decides (UTF-8, UTF-16, UTF-32), else UTF-8, else
/// Windows-1252.
pub fn decode_text(bytes: &[u8]) -> String {
    crate::cmdlet::encoding::decode(bytes)
}

impl FileAccess for StdFiles {
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
        self.mount = at.clone();
        self.location = at;
    }

    fn resolve(&self, path: &str) -> Result<WinPath, FileError> {
        // A native absolute path inside the current directory (a script's `$PSScriptRoot` when it
        // was started by its full path) is that folder under the start location.
        if path.starts_with('/') {
            if let Ok(rest) = std::path::Path::new(path).strip_prefix(&self.cwd) {
                let mut p = self.mount.clone();
                p.push_all(&rest.to_string_lossy());
                return Ok(p);
            }
            // A native absolute path whose folder exists (`/tmp/report.csv`, as a Linux user types
            // it) is that real file; anything else is rooted on the current drive, as on Windows.
            // A native folder followed by `\` names (`"$PSScriptRoot\lib.ps1"` in a script run by
            // its native path) is under that real folder too: the part before the first `\` must
            // be a real folder, else the path is a Windows one (`/Windows\Temp`).
            let native = std::path::Path::new(path);
            let first = native.components().nth(1).map(|c| PathBuf::from("/").join(c));
            let mixed_ok = match path.find('\\') {
                None => true,
                Some(i) => std::path::Path::new(&path[..i]).is_dir(),
            };
            if first.is_some_and(|f| f.is_dir()) && mixed_ok {
                let mut p = WinPath { root: Root::Native, parts: Vec::new() };
                p.push_all(path);
                return Ok(p);
            }
        }
        crate::cmdlet::path::resolve(&self.location, path).map_err(FileError::Path)
    }

    fn read_bytes(&mut self, p: &WinPath) -> Result<Vec<u8>, FileError> {
        let real = self.real(p);
        if real.is_dir() {
            return Err(FileError::Denied);
        }
        std::fs::read(real).map_err(io_error)
    }

    fn write_bytes(&mut self, p: &WinPath, bytes: &[u8], append: bool) -> Result<(), FileError> {
        let real = self.real(p);
        if real.is_dir() {
            return Err(FileError::Denied);
        }
        if !real.parent().is_some_and(|d| d.is_dir()) && p.parent().is_some_and(|d| !d.parts.is_empty()) {
            return Err(FileError::PartNotFound);
        }
        if let Some(d) = real.parent() {
            let _ = std::fs::create_dir_all(d);
        }
        let r = if append {
            std::fs::OpenOptions::new().create(true).append(true).open(&real).and_then(|mut f| f.write_all(bytes))
        } else {
            std::fs::write(&real, bytes)
        };
        r.map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => FileError::PartNotFound,
            _ => io_error(e),
        })
    }

    fn stat(&mut self, p: &WinPath) -> Option<ItemInfo> {
        let real = self.real(p);
        self.info(p, &real)
    }

    fn list(&mut self, p: &WinPath) -> Result<Vec<ItemInfo>, FileError> {
        let real = self.real(p);
        if p.parts.is_empty() && !real.exists() {
            return Ok(Vec::new());
        }
        let rd = std::fs::read_dir(&real).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => FileError::PartNotFound,
            _ => io_error(e),
        })?;
        let mut v = Vec::new();
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            let mut child = p.clone();
            child.parts.push(name);
            if let Some(i) = self.info(&child, &e.path()) {
                v.push(i);
            }
        }
        v.sort_by_key(|i| i.path.name().to_lowercase());
        Ok(v)
    }

    fn create_dir(&mut self, p: &WinPath) -> Result<(), FileError> {
        let real = self.real(p);
        if real.is_file() {
            return Err(FileError::Exists);
        }
        std::fs::create_dir_all(real).map_err(io_error)
    }

    fn remove_item(&mut self, p: &WinPath, recursive: bool) -> Result<(), FileError> {
        let real = self.real(p);
        let md = std::fs::symlink_metadata(&real).map_err(io_error)?;
        if md.is_dir() {
            if p.parts.len() <= self.mount.parts.len() && self.mount.starts_with(p) {
                // Never the current directory itself or what holds it.
                return Err(FileError::Denied);
            }
            if recursive { std::fs::remove_dir_all(real) } else { std::fs::remove_dir(real) }.map_err(|e| {
                match e.kind() {
                    io::ErrorKind::DirectoryNotEmpty => FileError::NotEmpty,
                    _ if !recursive && std::fs::read_dir(self.real(p)).is_ok_and(|mut d| d.next().is_some()) => {
                        FileError::NotEmpty
                    }
                    _ => io_error(e),
                }
            })
        } else {
            std::fs::remove_file(real).map_err(io_error)
        }
    }

    fn copy_file(&mut self, from: &WinPath, to: &WinPath) -> Result<(), FileError> {
        let (f, t) = (self.real(from), self.real(to));
        if !t.parent().is_some_and(|d| d.is_dir()) {
            return Err(FileError::PartNotFound);
        }
        std::fs::copy(f, t).map(|_| ()).map_err(io_error)
    }

    fn rename(&mut self, from: &WinPath, to: &WinPath) -> Result<(), FileError> {
        let (f, t) = (self.real(from), self.real(to));
        if t.exists() && !to.same(from) {
            return Err(FileError::Exists);
        }
        if !t.parent().is_some_and(|d| d.is_dir()) {
            return Err(FileError::PartNotFound);
        }
        std::fs::rename(f, t).map_err(io_error)
    }

    fn real_path(&self, p: &WinPath) -> Option<PathBuf> {
        Some(self.real(p))
    }
}

/// The standard streams as a host.
pub struct StdHost {
    out: io::Stdout,
    err: io::Stderr,
    files: StdFiles,
    tty_out: bool,
    tty_in: bool,
    no_color: bool,
    now: Option<i64>,
}

impl StdHost {
    /// A host on the process's streams.
    pub fn new() -> Self {
        let now = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok());
        StdHost {
            out: io::stdout(),
            err: io::stderr(),
            files: StdFiles::new(),
            tty_out: io::stdout().is_terminal(),
            tty_in: io::stdin().is_terminal(),
            no_color: std::env::var_os("NO_COLOR").is_some(),
            now,
        }
    }
}

impl Default for StdHost {
    fn default() -> Self {
        StdHost::new()
    }
}

impl Host for StdHost {
    fn out(&mut self) -> &mut dyn Write {
        &mut self.out
    }

    fn err(&mut self) -> &mut dyn Write {
        &mut self.err
    }

    fn read_line(&mut self, secure: bool) -> io::Result<Option<String>> {
        #[cfg(unix)]
        if secure && self.tty_in {
            return read_masked(&mut self.out);
        }
        let mut line = String::new();
        let n = io::stdin().lock().read_line(&mut line)?;
        if n == 0 {
            return Ok(None);
        }
        Ok(Some(line.trim_end_matches(['\r', '\n']).to_string()))
    }

    fn colors(&self) -> bool {
        self.tty_out && !self.no_color
    }

    fn interactive(&self) -> bool {
        self.tty_in
    }

    fn width(&self) -> usize {
        if self.tty_out {
            if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
                return (w as usize).max(20);
            }
        }
        120
    }

    fn now(&self) -> i64 {
        self.now.unwrap_or_else(|| {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
        })
    }

    fn ticks(&self) -> i64 {
        static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
        match self.now {
            Some(pinned) => pinned.saturating_mul(10_000_000),
            None => (START.get_or_init(std::time::Instant::now).elapsed().as_nanos() / 100) as i64,
        }
    }

    fn utc_offset(&self, utc_secs: i64) -> i32 {
        local_offset(utc_secs)
    }

    fn random_seed(&mut self) -> u64 {
        // A pinned clock (SOURCE_DATE_EPOCH) pins the sequence too; otherwise the time in
        // nanoseconds.
        match self.now {
            Some(n) => n as u64,
            None => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(0),
        }
    }

    fn env(&self, name: &str) -> Option<String> {
        match name.to_ascii_uppercase().as_str() {
            "USERNAME" => Some("Administrator".into()),
            "USERDOMAIN" => Some("CONTOSO".into()),
            "COMPUTERNAME" => Some("EX01".into()),
            // The Windows folders a script names through the environment (they map into the sandbox).
            "USERPROFILE" => Some(crate::cmdlet::path::HOME.into()),
            "HOMEDRIVE" | "SYSTEMDRIVE" => Some("C:".into()),
            "HOMEPATH" => Some("\\Users\\Administrator".into()),
            "WINDIR" | "SYSTEMROOT" => Some("C:\\Windows".into()),
            "TEMP" | "TMP" => Some("C:\\Users\\Administrator\\AppData\\Local\\Temp".into()),
            "APPDATA" => Some("C:\\Users\\Administrator\\AppData\\Roaming".into()),
            "LOCALAPPDATA" => Some("C:\\Users\\Administrator\\AppData\\Local".into()),
            "PUBLIC" => Some("C:\\Users\\Public".into()),
            "PROGRAMFILES" => Some("C:\\Program Files".into()),
            _ => std::env::var(name).ok(),
        }
    }

    fn files(&mut self) -> &mut dyn FileAccess {
        &mut self.files
    }

    fn pid(&self) -> u32 {
        std::process::id()
    }

    fn location(&self) -> Option<WinPath> {
        Some(self.files.location())
    }
}

/// The system time zone's offset from UTC at an instant: `TZ` when set (a zone name or a POSIX rule),
/// else the system's zone (`/etc/localtime`); 0 when neither can be read.
fn local_offset(utc_secs: i64) -> i32 {
    let Ok(ts) = jiff::Timestamp::from_second(utc_secs) else { return 0 };
    jiff::tz::TimeZone::try_system().map(|tz| tz.to_offset(ts).seconds()).unwrap_or(0)
}

#[cfg(test)]
mod zone_tests {
    #[test]
    fn named_zones_have_their_offsets() {
        let Ok(tz) = jiff::tz::TimeZone::get("America/New_York") else { return };
        // 2026-07-01 and 2026-12-03 at noon UTC: daylight and standard time.
        let summer = jiff::Timestamp::from_second(1_782_907_200).map(|t| tz.to_offset(t).seconds());
        let winter = jiff::Timestamp::from_second(1_796_313_600).map(|t| tz.to_offset(t).seconds());
        assert_eq!(summer.ok(), Some(-4 * 3600));
        assert_eq!(winter.ok(), Some(-5 * 3600));
    }
}

/// What a key typed at a masked prompt does (ConsoleHostUserInterface.ReadLineSafe with the `*` print
/// token): Enter ends the line, Backspace removes the last character and its `*`, Ctrl-C stops the
/// command, other control keys are ignored, anything else is kept and echoed as `*`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum MaskedKey {
    Enter,
    Backspace,
    Interrupt,
    EndOfInput,
    Ignored,
    Char(char),
}

/// Decodes the bytes of one key press (a UTF-8 character, or a control byte).
pub(crate) fn masked_key(bytes: &[u8]) -> MaskedKey {
    match bytes {
        [b'\r'] | [b'\n'] => MaskedKey::Enter,
        [0x7f] | [0x08] => MaskedKey::Backspace,
        [0x03] => MaskedKey::Interrupt,
        [0x04] => MaskedKey::EndOfInput,
        _ => match std::str::from_utf8(bytes).ok().and_then(|s| s.chars().next()) {
            Some(c) if !c.is_control() => MaskedKey::Char(c),
            _ => MaskedKey::Ignored,
        },
    }
}

/// Reads a line from the terminal with echo off, writing `*` for each character typed and erasing
/// one for each Backspace, then a newline; the terminal's mode is restored afterwards. Ctrl-C is an
/// `Interrupted` error; Ctrl-D on an empty line is the end of input.
#[cfg(unix)]
fn read_masked(out: &mut dyn Write) -> io::Result<Option<String>> {
    use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
    use std::io::Read;
    let stdin = io::stdin();
    let saved = tcgetattr(&stdin)?;
    let mut raw = saved.clone();
    raw.local_modes.remove(LocalModes::ECHO | LocalModes::ICANON | LocalModes::ISIG);
    tcsetattr(&stdin, OptionalActions::Now, &raw)?;
    let mut text = String::new();
    let mut pending: Vec<u8> = Vec::new();
    let result = (|| -> io::Result<Option<String>> {
        let mut lock = stdin.lock();
        let mut byte = [0u8; 1];
        loop {
            if lock.read(&mut byte)? == 0 {
                return Ok(if text.is_empty() { None } else { Some(text.clone()) });
            }
            pending.push(byte[0]);
            // Wait for the rest of a multi-byte UTF-8 character.
            if byte[0] >= 0x80 && std::str::from_utf8(&pending).is_err() && pending.len() < 4 {
                continue;
            }
            let key = masked_key(&pending);
            pending.clear();
            match key {
                MaskedKey::Enter => return Ok(Some(text.clone())),
                MaskedKey::Interrupt => return Err(io::Error::new(io::ErrorKind::Interrupted, "Ctrl-C")),
                MaskedKey::EndOfInput if text.is_empty() => return Ok(None),
                MaskedKey::Backspace => {
                    if text.pop().is_some() {
                        out.write_all(b"\x08 \x08")?;
                        out.flush()?;
                    }
                }
                MaskedKey::Char(c) => {
                    text.push(c);
                    out.write_all(b"*")?;
                    out.flush()?;
                }
                MaskedKey::EndOfInput | MaskedKey::Ignored => {}
            }
        }
    })();
    let _ = tcsetattr(&stdin, OptionalActions::Now, &saved);
    let _ = out.write_all(b"\n");
    let _ = out.flush();
    result
}

#[cfg(test)]
mod masked_tests {
    use super::{MaskedKey, masked_key};

    #[test]
    fn keys_at_a_masked_prompt() {
        assert_eq!(masked_key(b"\r"), MaskedKey::Enter);
        assert_eq!(masked_key(&[0x7f]), MaskedKey::Backspace);
        assert_eq!(masked_key(&[0x03]), MaskedKey::Interrupt);
        assert_eq!(masked_key(&[0x1b]), MaskedKey::Ignored);
        assert_eq!(masked_key("é".as_bytes()), MaskedKey::Char('é'));
        assert_eq!(masked_key(b"a"), MaskedKey::Char('a'));
    }
}

#[cfg(test)]
mod native_path_tests {
    use super::*;

    /// A `StdFiles` whose current directory is `cwd` and whose sandbox is `sandbox`.
    fn files(cwd: &std::path::Path, sandbox: &std::path::Path) -> StdFiles {
        let start = WinPath::absolute("C:\\Windows\\system32").unwrap_or_else(|| WinPath::drive('C'));
        StdFiles {
            location: start.clone(),
            mount: start,
            cwd: cwd.to_path_buf(),
            sandbox: sandbox.to_path_buf(),
            stack: Vec::new(),
        }
    }

    #[test]
    fn script_root_outside_cwd_joined_with_backslash_is_the_real_file() {
        let base = std::env::temp_dir().join(format!("exsh-native-{}", std::process::id()));
        let scripts = base.join("scripts");
        let cwd = base.join("cwd");
        let _ = std::fs::create_dir_all(&scripts);
        let _ = std::fs::create_dir_all(&cwd);
        let _ = std::fs::write(scripts.join("utils.ps1"), "'hi'");
        let mut f = files(&cwd, &base.join("sandbox"));
        let root = scripts.to_string_lossy().to_string();
        assert!(f.exists(&format!("{root}\\utils.ps1")));
        assert!(f.exists(&format!("{root}/utils.ps1")));
        assert!(!f.exists(&format!("{root}\\missing.ps1")));
        // A folder that is not on the real disk keeps the Windows meaning (rooted on drive C).
        let p = f.resolve("/NoSuchFolderHere\\x.ps1").map(|p| p.to_string()).unwrap_or_default();
        assert_eq!(p, "C:\\NoSuchFolderHere\\x.ps1");
        let _ = std::fs::remove_dir_all(&base);
    }
}
