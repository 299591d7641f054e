//! The file edge as cmdlets and the engine see it: [`FileAccess`], implemented by the process's
//! edge (`repl::host::StdFiles`, on the real disk and the sandbox) and by `engine::host::MemoryFiles`.
//! Paths are as the script gave them and resolve against the current location, which the edge keeps
//! (Set-Location changes it; relative files go where Get-Location says).

use std::path::PathBuf;

use super::path::{self, PathError, Root, WinPath};
use crate::value::{PsObject, Value};

/// Type name of `$PWD`, Get-Location and Resolve-Path results.
pub const PATH_INFO: &str = "System.Management.Automation.PathInfo";

/// The FileSystem provider's name as PathInfo shows it.
pub const FILE_SYSTEM_PROVIDER: &str = "Microsoft.PowerShell.Core\\FileSystem";

/// A `PathInfo` (`$PWD`, Get-Location): Drive, Provider, ProviderPath, Path; prints as its path.
pub fn path_info(p: &WinPath) -> Value {
    let text = p.to_string();
    let drive = match &p.root {
        Root::Drive(d) => Value::str(d.to_string()),
        Root::Unc { .. } | Root::Native => Value::Null,
    };
    let path = match &p.root {
        Root::Drive(_) | Root::Native => text.clone(),
        Root::Unc { .. } => format!("{FILE_SYSTEM_PROVIDER}::{text}"),
    };
    let mut o = PsObject::new(&[PATH_INFO, "System.Object"]);
    o.set("Drive", drive);
    o.set("Provider", Value::str(FILE_SYSTEM_PROVIDER));
    o.set("ProviderPath", Value::str(text.clone()));
    o.set("Path", Value::str(path.clone()));
    o.display = Some(path.into());
    Value::object(o)
}

/// One file or folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemInfo {
    /// Its full path.
    pub path: WinPath,
    /// A folder (else a file).
    pub is_dir: bool,
    /// Size in bytes (0 for folders).
    pub len: u64,
    /// Last write time, seconds since the Unix epoch (UTC).
    pub modified: i64,
    /// Read-only.
    pub readonly: bool,
}

/// Why a file operation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// The file is missing.
    NotFound,
    /// A folder on the way is missing.
    PartNotFound,
    /// Access denied.
    Denied,
    /// Something already exists there.
    Exists,
    /// A folder that is not empty.
    NotEmpty,
    /// The path cannot name a file.
    Path(PathError),
    /// Anything else, with its text.
    Other(String),
}

impl FileError {
    /// .NET's message for the error on `path` (the full path).
    pub fn message(&self, path: &str) -> String {
        match self {
            FileError::NotFound => format!("Could not find file '{path}'."),
            FileError::PartNotFound => format!("Could not find a part of the path '{path}'."),
            FileError::Denied => format!("Access to the path '{path}' is denied."),
            FileError::Exists => format!("The file '{path}' already exists."),
            FileError::NotEmpty => format!("The directory is not empty. : '{path}'"),
            FileError::Path(e) => e.message().to_string(),
            FileError::Other(t) => t.clone(),
        }
    }
}

/// Reading and writing the files a script names, through the edge that owns the file system.
pub trait FileAccess {
    /// The current location.
    fn location(&self) -> WinPath;
    /// Moves the current location (the caller has checked that it is a folder).
    fn set_location(&mut self, to: WinPath);
    /// Where the shell starts (EMS: `C:\Windows\system32`; Online: the profile folder): the
    /// real disk's current directory shows as this folder.
    fn start_in(&mut self, at: WinPath) {
        self.set_location(at);
    }
    /// A file's bytes.
    fn read_bytes(&mut self, p: &WinPath) -> Result<Vec<u8>, FileError>;
    /// Writes (or appends) bytes, creating the file; the folder must exist.
    fn write_bytes(&mut self, p: &WinPath, bytes: &[u8], append: bool) -> Result<(), FileError>;
    /// What is at the path, if anything.
    fn stat(&mut self, p: &WinPath) -> Option<ItemInfo>;
    /// A folder's entries, folders and files mixed, sorted by name ignoring case.
    fn list(&mut self, p: &WinPath) -> Result<Vec<ItemInfo>, FileError>;
    /// Creates a folder and the folders above it.
    fn create_dir(&mut self, p: &WinPath) -> Result<(), FileError>;
    /// Deletes a file, or a folder (with everything in it when `recursive`).
    fn remove_item(&mut self, p: &WinPath, recursive: bool) -> Result<(), FileError>;
    /// Copies a file.
    fn copy_file(&mut self, from: &WinPath, to: &WinPath) -> Result<(), FileError>;
    /// Moves or renames a file or folder.
    fn rename(&mut self, from: &WinPath, to: &WinPath) -> Result<(), FileError>;
    /// The location stack of Push-Location and Pop-Location: (stack name in lower case, location).
    fn location_stack(&mut self) -> &mut Vec<(String, WinPath)>;
    /// Where a path is on the real disk (for running script files), when it is on one.
    fn real_path(&self, _p: &WinPath) -> Option<PathBuf> {
        None
    }

    /// Resolves a path as the script wrote it against the current location.
    fn resolve(&self, path: &str) -> Result<WinPath, FileError> {
        path::resolve(&self.location(), path).map_err(FileError::Path)
    }

    /// The full path as PowerShell prints it (`C:\Windows\system32\x.csv`); the text itself when
    /// it cannot be a path.
    fn full_path(&self, path: &str) -> String {
        self.resolve(path).map(|p| p.to_string()).unwrap_or_else(|_| path.to_string())
    }

    /// Reads a whole text file, decoding its BOM (UTF-8, UTF-16 LE/BE, UTF-32 LE), else UTF-8,
    /// else Windows-1252.
    fn read_text(&mut self, path: &str) -> Result<String, String> {
        let p = self.resolve(path).map_err(|e| e.message(path))?;
        self.read_bytes(&p).map(|b| super::encoding::decode(&b)).map_err(|e| e.message(&p.to_string()))
    }

    /// Writes (or appends to) a text file as UTF-8 without a BOM.
    fn write_text(&mut self, path: &str, text: &str, append: bool) -> Result<(), String> {
        let p = self.resolve(path).map_err(|e| e.message(path))?;
        self.write_bytes(&p, text.as_bytes(), append).map_err(|e| e.message(&p.to_string()))
    }

    /// True when the path names a file or folder.
    fn exists(&mut self, path: &str) -> bool {
        self.resolve(path).ok().and_then(|p| self.stat(&p)).is_some()
    }

    /// Deletes a file.
    fn remove(&mut self, path: &str) -> Result<(), String> {
        let p = self.resolve(path).map_err(|e| e.message(path))?;
        self.remove_item(&p, false).map_err(|e| e.message(&p.to_string()))
    }

    /// The paths a path names: itself when it has no wildcard (whether or not it exists), else
    /// every existing match, in order (wildcards may be in any name).
    fn expand(&mut self, path: &str) -> Result<Vec<WinPath>, FileError> {
        let p = self.resolve(path)?;
        if !p.parts.iter().any(|n| path::has_wildcard(n)) {
            return Ok(vec![p]);
        }
        // The walk starts at the longest prefix without a wildcard, so that a prefix which is the
        // current location (mapped to the real current folder) is not rebuilt from the root
        // through the sandbox.
        let fixed = p.parts.iter().take_while(|n| !path::has_wildcard(n)).count();
        let mut start = p.root_path();
        start.parts.extend(p.parts[..fixed].iter().cloned());
        let mut found = if fixed == 0 || self.stat(&start).is_some() { vec![start] } else { Vec::new() };
        for name in &p.parts[fixed..] {
            let mut next = Vec::new();
            for base in found {
                if path::has_wildcard(name) {
                    for item in self.list(&base).unwrap_or_default() {
                        if path::wildcard_match(name, item.path.name()) {
                            next.push(item.path);
                        }
                    }
                } else {
                    let mut q = base.clone();
                    q.parts.push(name.clone());
                    if self.stat(&q).is_some() {
                        next.push(q);
                    }
                }
            }
            found = next;
        }
        Ok(found)
    }

    /// The real file a script path names (`.\x.ps1`, `C:\scripts\x.ps1`), for running script
    /// files: resolved against the current location, through the sandbox.
    fn script_path(&self, path: &str) -> Option<PathBuf> {
        self.resolve(path).ok().and_then(|p| self.real_path(&p))
    }
}
