//! The engine's edges: where text goes, where input comes from, the clock, the environment and
//! the files a script names. `main` and the REPL implement [`Host`]; tests use [`BufferHost`].

use std::io::{self, Write};

use crate::cmdlet::FileAccess;

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
    /// The local time zone's offset from UTC, in seconds, at a UTC instant (seconds since the Unix
    /// epoch). Local dates (`Get-Date`, `[datetime]::Now`) are the UTC clock plus this.
    fn utc_offset(&self, _utc_secs: i64) -> i32 {
        0
    }
    /// An environment variable (`$env:NAME`).
    fn env(&self, name: &str) -> Option<String>;
    /// The script's file access.
    fn files(&mut self) -> &mut dyn FileAccess;
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

/// Files kept in memory.
#[derive(Default)]
pub struct MemoryFiles {
    /// Path to content.
    pub files: std::collections::HashMap<String, String>,
}

impl FileAccess for MemoryFiles {
    fn read_text(&mut self, path: &str) -> Result<String, String> {
        self.files.get(path).cloned().ok_or_else(|| format!("Could not find file '{path}'."))
    }

    fn write_text(&mut self, path: &str, text: &str, append: bool) -> Result<(), String> {
        let entry = self.files.entry(path.to_string()).or_default();
        if !append {
            entry.clear();
        }
        entry.push_str(text);
        Ok(())
    }

    fn exists(&mut self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    fn remove(&mut self, path: &str) -> Result<(), String> {
        self.files.remove(path).map(|_| ()).ok_or_else(|| format!("Could not find file '{path}'."))
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
}
