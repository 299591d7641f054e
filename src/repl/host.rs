//! The process's edges as an engine [`Host`]: stdout/stderr, stdin for prompts, the terminal's
//! width, the clock (`SOURCE_DATE_EPOCH` pins it), environment variables, and script files.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;

use crate::cmdlet::FileAccess;
use crate::engine::Host;

/// Files named by scripts, relative to the current directory. Backslashes are path separators;
/// a drive-letter path (`C:\temp\x.csv`) is used as given, so it fails unless it exists here.
#[derive(Default)]
pub struct StdFiles;

fn local_path(path: &str) -> PathBuf {
    let p = path.replace('\\', "/");
    let p = p.strip_prefix("./").map(|s| s.to_string()).unwrap_or(p);
    PathBuf::from(p)
}

/// Reads a script or CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> = rest.chunks(2).map(|c| u16::from_le_bytes([c[0], *c.get(1).unwrap_or(&0)])).collect();
        return String::from_utf16_lossy(&units);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| cp1252(b)).collect(),
    }
}

fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

impl FileAccess for StdFiles {
    fn read_text(&mut self, path: &str) -> Result<String, String> {
        std::fs::read(local_path(path)).map(|b| decode_text(&b)).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => format!("Could not find file '{path}'."),
            _ => format!("Cannot read '{path}': {e}"),
        })
    }

    fn write_text(&mut self, path: &str, text: &str, append: bool) -> Result<(), String> {
        let p = local_path(path);
        let r = if append {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&p)
                .and_then(|mut f| f.write_all(text.as_bytes()))
        } else {
            std::fs::write(&p, text)
        };
        r.map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => format!("Could not find a part of the path '{path}'."),
            io::ErrorKind::PermissionDenied => format!("Access to the path '{path}' is denied."),
            _ => format!("Cannot write '{path}': {e}"),
        })
    }

    fn exists(&mut self, path: &str) -> bool {
        local_path(path).exists()
    }

    fn remove(&mut self, path: &str) -> Result<(), String> {
        std::fs::remove_file(local_path(path)).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => format!("Could not find file '{path}'."),
            io::ErrorKind::PermissionDenied => format!("Access to the path '{path}' is denied."),
            _ => format!("Cannot remove item {path}: {e}"),
        })
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
            files: StdFiles,
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

    fn read_line(&mut self, _secure: bool) -> io::Result<Option<String>> {
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

    fn utc_offset(&self, utc_secs: i64) -> i32 {
        local_offset(utc_secs)
    }

    fn env(&self, name: &str) -> Option<String> {
        match name.to_ascii_uppercase().as_str() {
            "USERNAME" => Some("Administrator".into()),
            "USERDOMAIN" => Some("CONTOSO".into()),
            "COMPUTERNAME" => Some("EX01".into()),
            _ => std::env::var(name).ok(),
        }
    }

    fn files(&mut self) -> &mut dyn FileAccess {
        &mut self.files
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
