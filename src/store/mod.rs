//! Persistence of the org file: the only code in exsh that reads or writes it. Depends on
//! `directory` only.
//!
//! [`open`] loads an org file (creating it from the built-in sample when it does not exist) and
//! remembers a fingerprint of the bytes it read. [`OrgFile::save`] writes a run's changes back:
//! under an exclusive lock on the sidecar `<file>.lock`, it re-reads the file and, if another
//! process saved in between, replays the run's changes onto that newer copy, so two concurrent
//! runs never lose each other's changes. Writes are atomic (temp file in the same directory,
//! fsync, rename, fsync of the directory); on any error the org file is left as it was and no
//! temp file is left behind.
//!
//! Reading: [`open`] reads under a shared lock on the same sidecar, so it never sees a save in
//! progress and waits for it to finish. Because saves replace the file by rename, a reader could
//! not see a half-written file anyway; so when the sidecar cannot be opened (a read-only
//! directory), `open` reads without the lock instead of failing. Creating a missing file always
//! takes the exclusive lock. The sidecar is never deleted (deleting lock files races).
//!
//! The file format is documented in `docs/org-file.md`; [`schema`] holds its types.

mod defaults;
mod file;
pub mod json;
mod names;
pub mod schema;
pub mod snapshot;
mod writer;

use std::hash::Hasher;
use std::path::{Path, PathBuf};

use crate::directory::{Change, Directory, DirectoryError, ExchangeVersion, UpdateLevel};
use file::{LockMode, WriteMode};
use schema::{DecodeError, SCHEMA_VERSION, SchemaError};

/// Why the org file could not be opened or saved. Every message names the file; after any of
/// these errors the file is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading failed (permission denied, I/O error).
    #[error("cannot read org file '{}': {source}", .path.display())]
    Read {
        /// The org file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The path names a directory.
    #[error("cannot use '{}' as the org file: it is a directory", .path.display())]
    IsDirectory {
        /// The path given.
        path: PathBuf,
    },
    /// The file exists but is empty.
    #[error("org file '{}' is empty; delete it to start from the sample organization", .path.display())]
    Empty {
        /// The org file.
        path: PathBuf,
    },
    /// Not JSON; serde's message gives the line and column.
    #[error("org file '{}' is not valid JSON: {source}", .path.display())]
    Corrupt {
        /// The org file.
        path: PathBuf,
        /// Line of the error (1-based).
        line: usize,
        /// Column of the error (1-based).
        column: usize,
        /// The parser's error.
        #[source]
        source: serde_json::Error,
    },
    /// JSON, but not of the org file's shape (unknown key, wrong type, missing key); serde's
    /// message gives the line and column.
    #[error("org file '{}' is not a valid exsh org file: {source}", .path.display())]
    Malformed {
        /// The org file.
        path: PathBuf,
        /// Line of the error (1-based).
        line: usize,
        /// Column of the error (1-based).
        column: usize,
        /// The parser's error.
        #[source]
        source: serde_json::Error,
    },
    /// No `schemaVersion` key.
    #[error("org file '{}' has no schemaVersion, so it was not written by exsh; this exsh reads version {SCHEMA_VERSION}", .path.display())]
    MissingSchemaVersion {
        /// The org file.
        path: PathBuf,
    },
    /// A `schemaVersion` this exsh does not read.
    #[error("{}", unsupported_version_message(.path, .found))]
    UnsupportedSchemaVersion {
        /// The org file.
        path: PathBuf,
        /// The version found, as written in the file.
        found: String,
    },
    /// Valid shape, wrong content (unknown name, bad reference, duplicate Guid).
    #[error("org file '{}' is invalid: {source}", .path.display())]
    Invalid {
        /// The org file.
        path: PathBuf,
        /// What and where.
        #[source]
        source: SchemaError,
    },
    /// The file holds another Exchange version than the one asked for.
    #[error(
        "org file '{}' holds an {} organization; it cannot be opened as {} (omit the version or use another file)",
        .path.display(), .file.profile_name(), .requested.profile_name()
    )]
    VersionMismatch {
        /// The org file.
        path: PathBuf,
        /// The version in the file.
        file: ExchangeVersion,
        /// The version asked for.
        requested: ExchangeVersion,
    },
    /// The org has another update level than the one asked for (or none: not Exchange 2010).
    #[error(
        "org file '{}' {}; it cannot be opened at update level {} (omit --update-level or use another file)",
        .path.display(),
        .file.as_ref().map_or("is not an Exchange2010 organization".to_string(), |f| format!("is at update level {f}")),
        .requested
    )]
    UpdateLevelMismatch {
        /// The org file.
        path: PathBuf,
        /// The level in the file.
        file: Option<String>,
        /// The level asked for.
        requested: String,
    },
    /// An update level was asked for a new org of another version than Exchange 2010.
    #[error("update level {requested} applies only to an Exchange2010 organization; add --exchange Exchange2010")]
    UpdateLevelNeedsExchange2010 {
        /// The level asked for.
        requested: String,
    },
    /// The sidecar lock file could not be created or locked.
    #[error("cannot lock org file '{}' (lock file '{}'): {source}", .path.display(), .lock.display())]
    Lock {
        /// The org file.
        path: PathBuf,
        /// The lock file.
        lock: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// Writing the temp file or renaming it over the org file failed.
    #[error("cannot write org file '{}': {source}", .path.display())]
    Write {
        /// The org file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// A change of this run does not apply to the file as it is now (another process changed
    /// it in between); nothing was saved.
    #[error(
        "cannot save org file '{}': {}change {} of {} ({}) {}: {source}; nothing was saved",
        .path.display(),
        if *.merged { "another exsh process changed it, and " } else { "" },
        .index + 1,
        .total,
        .change,
        if *.merged { "no longer applies" } else { "does not apply" }
    )]
    Conflict {
        /// The org file.
        path: PathBuf,
        /// True when the file had been changed by another process (the change was replayed).
        merged: bool,
        /// Index of the change in the run (0-based).
        index: usize,
        /// Number of changes in the run.
        total: usize,
        /// The change, described for people.
        change: String,
        /// Why it does not apply.
        #[source]
        source: DirectoryError,
    },
    /// The directory holds a value the file format cannot express (a bug elsewhere).
    #[error("cannot save org file '{}': {source}; nothing was saved", .path.display())]
    Encode {
        /// The org file.
        path: PathBuf,
        /// What cannot be written.
        #[source]
        source: SchemaError,
    },
}

fn unsupported_version_message(path: &Path, found: &str) -> String {
    let newer = found.parse::<u64>().is_ok_and(|v| v > SCHEMA_VERSION);
    if newer {
        format!(
            "org file '{}' was written by a newer exsh (schema version {found}); this exsh reads version {SCHEMA_VERSION}",
            path.display()
        )
    } else {
        format!(
            "org file '{}' has schema version {found}, which this exsh cannot read; this exsh reads version {SCHEMA_VERSION}",
            path.display()
        )
    }
}

/// Length and hash of the bytes last read or written, to tell whether the file changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    len: usize,
    hash: u64,
}

impl Fingerprint {
    fn of(bytes: &[u8]) -> Fingerprint {
        let mut h = std::hash::DefaultHasher::new();
        h.write(bytes);
        Fingerprint { len: bytes.len(), hash: h.finish() }
    }
}

/// An open org file: its path, the directory loaded from it, and a fingerprint of the bytes
/// read, which [`OrgFile::save`] uses to detect a concurrent save.
#[derive(Debug)]
pub struct OrgFile {
    path: PathBuf,
    target: PathBuf,
    directory: Directory,
    fingerprint: Fingerprint,
}

/// Opens the org at `path`; a missing file is created from
/// `Directory::sample(version.unwrap_or(Exchange2019))` (written atomically, under the exclusive
/// lock, never over a file another process created meanwhile). If the file exists and `version`
/// is `Some` and differs from the file's, that is an error and nothing changes.
pub fn open(path: &Path, version: Option<ExchangeVersion>) -> Result<OrgFile, StoreError> {
    open_with(path, version, None)
}

/// [`open`], also asking for an Exchange 2010 update level: a new org gets it, an existing org
/// must already have it ([`StoreError::UpdateLevelMismatch`] otherwise).
pub fn open_with(
    path: &Path,
    version: Option<ExchangeVersion>,
    level: Option<UpdateLevel>,
) -> Result<OrgFile, StoreError> {
    let check = |f: Result<OrgFile, StoreError>| {
        let f = f?;
        match level {
            Some(l) if f.directory.org.update_level != Some(l) => Err(StoreError::UpdateLevelMismatch {
                path: path.to_path_buf(),
                file: f.directory.org.update_level.map(UpdateLevel::name),
                requested: l.name(),
            }),
            _ => Ok(f),
        }
    };
    let target = file::resolve(path);
    let read = file::with_lock(path, &target, LockMode::SharedIfPossible, || file::read(path))?;
    if let Some(bytes) = read {
        return check(OrgFile::from_bytes(path, target, bytes, version));
    }
    check(file::with_lock(path, &target, LockMode::Exclusive, || {
        if let Some(bytes) = file::read(path)? {
            return OrgFile::from_bytes(path, target.clone(), bytes, version);
        }
        let mut directory = Directory::sample(version.unwrap_or(ExchangeVersion::Exchange2019));
        if let Some(l) = level {
            if directory.org.update_level.is_none() {
                return Err(StoreError::UpdateLevelNeedsExchange2010 { requested: l.name() });
            }
            directory.org.update_level = level;
        }
        let bytes =
            schema::encode(&directory).map_err(|source| StoreError::Encode { path: path.to_path_buf(), source })?;
        if file::write_atomic(path, &target, &bytes, WriteMode::CreateNew)? {
            Ok(OrgFile {
                path: path.to_path_buf(),
                target: target.clone(),
                directory,
                fingerprint: Fingerprint::of(&bytes),
            })
        } else {
            // Another process (not honouring the lock) created it between our read and write.
            match file::read(path)? {
                Some(bytes) => OrgFile::from_bytes(path, target.clone(), bytes, version),
                None => Err(StoreError::Write {
                    path: path.to_path_buf(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::AlreadyExists,
                        "a dangling link or other entry is in the way",
                    ),
                }),
            }
        }
    }))
}

/// Reads the org at `path` without changing anything on disk: no sidecar lock file is created
/// (a shared lock is taken only when it already exists), a missing file is `Ok(None)` and is not
/// created. For `exsh --plan` and `exsh --diff`.
pub fn read_only(path: &Path) -> Result<Option<Directory>, StoreError> {
    let target = file::resolve(path);
    let bytes = file::with_lock(path, &target, LockMode::SharedIfExists, || file::read(path))?;
    bytes.map(|b| decode(path, &b)).transpose()
}

/// The org a run at `path` starts from, read as [`read_only`] reads (nothing created or locked
/// for writing), with [`open_with`]'s checks of the version and update level asked for; a missing
/// file gives the sample org [`open_with`] would create, without creating it.
pub fn open_read_only(
    path: &Path,
    version: Option<ExchangeVersion>,
    level: Option<UpdateLevel>,
) -> Result<Directory, StoreError> {
    let directory = match read_only(path)? {
        Some(d) => {
            if let Some(requested) = version
                && requested != d.org.version
            {
                return Err(StoreError::VersionMismatch { path: path.to_path_buf(), file: d.org.version, requested });
            }
            if let Some(l) = level
                && d.org.update_level != Some(l)
            {
                return Err(StoreError::UpdateLevelMismatch {
                    path: path.to_path_buf(),
                    file: d.org.update_level.map(UpdateLevel::name),
                    requested: l.name(),
                });
            }
            d
        }
        None => {
            let mut d = Directory::sample(version.unwrap_or(ExchangeVersion::Exchange2019));
            if let Some(l) = level {
                if d.org.update_level.is_none() {
                    return Err(StoreError::UpdateLevelNeedsExchange2010 { requested: l.name() });
                }
                d.org.update_level = Some(l);
            }
            // As the new file would hold it.
            let bytes = schema::encode(&d).map_err(|source| StoreError::Encode { path: path.to_path_buf(), source })?;
            decode(path, &bytes)?
        }
    };
    Ok(directory)
}

/// The directory a save of `changes` onto `loaded` would write, without writing anything: the
/// changes replayed as [`OrgFile::save`] replays them, and encoded as the save encodes them (so the
/// errors are the ones the save would report). What `exsh --plan` compares with `loaded`. The
/// directory is the one encoded, not the encoding read back: the store guarantees the two are the
/// same (every compact form is checked to load back exactly), and `tests/plan.rs` checks the plan
/// against the file a normal run wrote. With no changes it is `loaded` itself (a run without
/// changes writes nothing).
pub fn saved_state(path: &Path, loaded: &Directory, changes: &[Change]) -> Result<Directory, StoreError> {
    let mut next = loaded.clone();
    if changes.is_empty() {
        return Ok(next);
    }
    for (index, change) in changes.iter().enumerate() {
        next.replay(change).map_err(|source| StoreError::Conflict {
            path: path.to_path_buf(),
            merged: false,
            index,
            total: changes.len(),
            change: describe(change, &next),
            source,
        })?;
    }
    schema::encode(&next).map_err(|source| StoreError::Encode { path: path.to_path_buf(), source })?;
    Ok(next)
}

/// What [`import`] did: the org written and what the user should be told.
#[derive(Debug)]
pub struct Imported {
    /// The organization now in the org file.
    pub directory: Directory,
    /// True when an existing org file was replaced.
    pub replaced: bool,
    /// Things left out of the org (see [`snapshot::Converted::warnings`]).
    pub warnings: Vec<String>,
    /// The errors the export recorded in the snapshot.
    pub export_errors: Vec<String>,
    /// Trustee SIDs that resolve to nobody (orphaned entries).
    pub orphans: usize,
}

/// Why `exsh --import` failed; after any of these the org file is as it was.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The snapshot could not be read.
    #[error("cannot read snapshot '{}': {source}", .path.display())]
    Read {
        /// The snapshot file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The snapshot is not a valid snapshot (names the object and field).
    #[error("snapshot '{}' cannot be imported: {problem}; the org file was not changed", .path.display())]
    Invalid {
        /// The snapshot file.
        path: PathBuf,
        /// What and where.
        problem: snapshot::Bad,
    },
    /// The org file exists and is not an exsh org file, so it is not replaced.
    #[error("{source}; --import replaces only an exsh org file: give a new file or delete this one")]
    NotAnOrg {
        /// Why it is not an org file.
        #[source]
        source: StoreError,
    },
    /// Writing the org file failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// `exsh --import SNAPSHOT --org PATH`: builds an organization from the snapshot and writes it
/// to `path` in one atomic replace, under the org file's exclusive lock. A missing file is
/// created; an existing exsh org file (of any version) is replaced; any other file is left alone
/// ([`ImportError::NotAnOrg`]). Nothing is written when the snapshot has any error.
pub fn import(snapshot_path: &Path, path: &Path, level: Option<UpdateLevel>) -> Result<Imported, ImportError> {
    let bytes = std::fs::read(snapshot_path)
        .map_err(|source| ImportError::Read { path: snapshot_path.to_path_buf(), source })?;
    let converted = snapshot::convert(&bytes, level)
        .map_err(|problem| ImportError::Invalid { path: snapshot_path.to_path_buf(), problem })?;
    let encoded = schema::encode(&converted.directory)
        .map_err(|source| StoreError::Encode { path: path.to_path_buf(), source })?;
    let target = file::resolve(path);
    let replaced = file::with_lock(path, &target, LockMode::Exclusive, || {
        let current = file::read(path)?;
        if let Some(b) = &current
            && !b.iter().all(u8::is_ascii_whitespace)
            && let Err(e) = decode(path, b)
        {
            return Ok(Err(e));
        }
        let mode = if current.is_some() { WriteMode::Replace } else { WriteMode::CreateNew };
        if !file::write_atomic(path, &target, &encoded, mode)? {
            return Err(StoreError::Write {
                path: path.to_path_buf(),
                source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, "another process created it meanwhile"),
            });
        }
        Ok(Ok(current.is_some()))
    })?
    .map_err(|source| ImportError::NotAnOrg { source })?;
    Ok(Imported {
        directory: converted.directory,
        replaced,
        warnings: converted.warnings,
        export_errors: converted.export_errors,
        orphans: converted.orphans,
    })
}

/// Decodes org file bytes into a directory, with errors naming `path`.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Directory, StoreError> {
    let path = path.to_path_buf();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(StoreError::Empty { path });
    }
    schema::decode(bytes).map_err(|e| match e {
        DecodeError::Json(source) => {
            let (line, column) = (source.line(), source.column());
            if source.is_data() {
                StoreError::Malformed { path, line, column, source }
            } else {
                StoreError::Corrupt { path, line, column, source }
            }
        }
        DecodeError::MissingVersion => StoreError::MissingSchemaVersion { path },
        DecodeError::BadVersion(found) => StoreError::UnsupportedSchemaVersion { path, found },
        DecodeError::UnsupportedVersion(v) => StoreError::UnsupportedSchemaVersion { path, found: v.to_string() },
        DecodeError::Schema(source) => StoreError::Invalid { path, source },
    })
}

impl OrgFile {
    fn from_bytes(
        path: &Path,
        target: PathBuf,
        bytes: Vec<u8>,
        version: Option<ExchangeVersion>,
    ) -> Result<OrgFile, StoreError> {
        let directory = decode(path, &bytes)?;
        if let Some(requested) = version
            && requested != directory.org.version
        {
            return Err(StoreError::VersionMismatch {
                path: path.to_path_buf(),
                file: directory.org.version,
                requested,
            });
        }
        Ok(OrgFile { path: path.to_path_buf(), target, directory, fingerprint: Fingerprint::of(&bytes) })
    }

    /// The directory as loaded, or as last saved (including other processes' changes merged in).
    pub fn directory(&self) -> &Directory {
        &self.directory
    }

    /// The org file's path as given to [`open`].
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves a run's changes: takes an exclusive lock (the sidecar `<file>.lock`), re-reads the
    /// file; if it changed since it was loaded or last saved, replays `changes` onto the fresh
    /// copy with `Directory::replay` (so two concurrent exsh processes never lose each other's
    /// changes); writes a temp file in the same directory, fsyncs it, renames it over the file,
    /// fsyncs the directory; releases the lock. With no changes, or when the result is
    /// byte-for-byte the file as it is, it writes nothing. On error nothing is written and
    /// [`OrgFile::directory`] is unchanged; on success it is the saved directory.
    pub fn save(&mut self, changes: &[Change]) -> Result<(), StoreError> {
        if changes.is_empty() {
            return Ok(());
        }
        let path = self.path.clone();
        let fingerprint = self.fingerprint;
        let loaded = &mut self.directory;
        let bytes = file::with_lock(&path, &self.target, LockMode::Exclusive, || {
            let current = file::read(&path)?;
            // The changes go onto a fresh copy when another process saved in between (or the
            // file is gone); otherwise onto the loaded directory itself, which saves a copy of
            // the whole org and is restored from the unchanged file if anything fails.
            let (mut copy, merged) = match &current {
                Some(b) if Fingerprint::of(b) == fingerprint => (None, false),
                Some(b) => {
                    let fresh = decode(&path, b)?;
                    if fresh.org.version != loaded.org.version {
                        return Err(StoreError::VersionMismatch {
                            path: path.clone(),
                            file: fresh.org.version,
                            requested: loaded.org.version,
                        });
                    }
                    (Some(fresh), true)
                }
                None => (Some(loaded.clone()), false),
            };
            let next = match &mut copy {
                Some(c) => c,
                None => &mut *loaded,
            };
            let written = replay_and_write(&path, &self.target, next, changes, merged, current.as_deref());
            match (written, copy) {
                (Ok(bytes), Some(c)) => {
                    *loaded = c;
                    Ok(bytes)
                }
                (Ok(bytes), None) => Ok(bytes),
                (Err(e), None) => {
                    if let Some(b) = &current {
                        *loaded = decode(&path, b)?;
                    }
                    Err(e)
                }
                (Err(e), Some(_)) => Err(e),
            }
        })?;
        self.fingerprint = Fingerprint::of(&bytes);
        Ok(())
    }
}

/// Replays `changes` onto `next`, encodes it and writes it unless the bytes are those already
/// in the file (`current`); returns the bytes.
fn replay_and_write(
    path: &Path,
    target: &Path,
    next: &mut Directory,
    changes: &[Change],
    merged: bool,
    current: Option<&[u8]>,
) -> Result<Vec<u8>, StoreError> {
    for (index, change) in changes.iter().enumerate() {
        next.replay(change).map_err(|source| StoreError::Conflict {
            path: path.to_path_buf(),
            merged,
            index,
            total: changes.len(),
            change: describe(change, next),
            source,
        })?;
    }
    let bytes = schema::encode(next).map_err(|source| StoreError::Encode { path: path.to_path_buf(), source })?;
    if current != Some(bytes.as_slice()) {
        let mode = if current.is_some() { WriteMode::Replace } else { WriteMode::CreateNew };
        file::write_atomic(path, target, &bytes, mode)?;
    }
    Ok(bytes)
}

/// A change in words, naming recipients by name where `dir` knows them, for conflict messages.
fn describe(change: &Change, dir: &Directory) -> String {
    let name = |guid: &str| -> String {
        dir.recipients
            .iter()
            .find(|r| r.guid.eq_ignore_ascii_case(guid))
            .map(|r| format!("'{}'", r.name))
            .unwrap_or_else(|| format!("Guid {guid}"))
    };
    match change {
        Change::AddMailboxAce { mailbox, ace } => {
            format!("add mailbox permission for {} on {}", ace.sid, name(mailbox))
        }
        Change::RemoveMailboxAce { mailbox, ace } => {
            format!("remove mailbox permission for {} on {}", ace.sid, name(mailbox))
        }
        Change::AddAdAce { object, ace } => format!("add AD permission for {} on {}", ace.sid, ad_object(dir, object)),
        Change::RemoveAdAce { object, ace } => {
            format!("remove AD permission for {} on {}", ace.sid, ad_object(dir, object))
        }
        Change::SetGrantSendOnBehalfTo { mailbox, .. } | Change::UpdateGrantSendOnBehalfTo { mailbox, .. } => {
            format!("set GrantSendOnBehalfTo of {}", name(mailbox))
        }
        Change::AddFolderAce { mailbox, folder, .. } => {
            format!("add folder permission on {}:\\{folder}", name(mailbox))
        }
        Change::SetFolderAce { mailbox, folder, .. } => {
            format!("set folder permission on {}:\\{folder}", name(mailbox))
        }
        Change::RemoveFolderAce { mailbox, folder, .. } => {
            format!("remove folder permission on {}:\\{folder}", name(mailbox))
        }
        Change::SetAutoMapping { mailbox, user, enabled } => {
            format!(
                "{} auto-mapping of {} for {}",
                if *enabled { "enable" } else { "disable" },
                name(mailbox),
                name(user)
            )
        }
        Change::AddFolder { mailbox, path } => format!("create folder {}:\\{path}", name(mailbox)),
        Change::SetCalendarProcessing { mailbox, .. } => format!("set calendar processing of {}", name(mailbox)),
        Change::AddRecipient { recipient } => format!("create recipient '{}'", recipient.name),
        Change::RemoveRecipient { recipient } => format!("remove recipient {}", name(recipient)),
        Change::AddGroupMember { group, member } => {
            format!("add {} to group {}", name(member), name(group))
        }
        Change::RemoveGroupMember { group, member } => {
            format!("remove {} from group {}", name(member), name(group))
        }
        Change::SetRecipientFields { recipient, .. } => format!("set properties of {}", name(recipient)),
        Change::SetOwner { object, of, .. } => match of {
            crate::directory::OwnerOf::Mailbox => format!("set the mailbox owner of {}", name(object)),
            crate::directory::OwnerOf::AdObject => format!("set the owner of {}", ad_object(dir, object)),
        },
    }
}

fn ad_object(dir: &Directory, object: &str) -> String {
    if let Some(r) = dir.recipients.iter().find(|r| r.guid.eq_ignore_ascii_case(object)) {
        format!("'{}'", r.name)
    } else {
        format!("'{object}'")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::{Inheritance, MailboxAce};

    fn decode_err(text: &str) -> StoreError {
        match decode(Path::new("o.json"), text.as_bytes()) {
            Ok(_) => StoreError::Empty { path: PathBuf::from("decoded fine") },
            Err(e) => e,
        }
    }

    #[test]
    fn decode_errors_are_classified() {
        assert!(matches!(decode_err(" \n"), StoreError::Empty { .. }));
        assert!(matches!(decode_err("{\"schemaVersion\": 1,"), StoreError::Corrupt { line: 1, .. }));
        assert!(matches!(decode_err("[1, 2]"), StoreError::Malformed { .. }));
        let e = decode_err("{\"schemaVersion\": 1, \"organization\": 5}");
        assert!(matches!(e, StoreError::Malformed { line: 1, .. }), "{e:?}");
        assert!(matches!(decode_err("{}"), StoreError::MissingSchemaVersion { .. }));
        assert_eq!(
            decode_err("{\"schemaVersion\": 0}").to_string(),
            "org file 'o.json' has schema version 0, which this exsh cannot read; this exsh reads version 1"
        );
        assert_eq!(
            decode_err("{\"schemaVersion\": 2}").to_string(),
            "org file 'o.json' was written by a newer exsh (schema version 2); this exsh reads version 1"
        );
    }

    #[test]
    fn invalid_content_names_file_and_place() {
        let mut dir = Directory::sample(ExchangeVersion::Exchange2019);
        dir.org.next_rid = 1200;
        let text = String::from_utf8(schema::encode(&dir).unwrap_or_default()).unwrap_or_default();
        let bad = text.replacen("\"version\": \"Exchange2019\"", "\"version\": \"Exchange2007\"", 1);
        let msg = decode_err(&bad).to_string();
        assert!(
            msg.starts_with(
                "org file 'o.json' is invalid: organization.version: unknown Exchange version 'Exchange2007'"
            ),
            "{msg}"
        );
        assert_eq!(decode(Path::new("o.json"), text.as_bytes()).ok(), Some(dir));
    }

    #[test]
    fn describe_names_recipients() {
        let dir = Directory::sample(ExchangeVersion::Exchange2019);
        let karen = dir.recipients.iter().find(|r| r.alias == "karen").map(|r| r.guid.clone()).unwrap_or_default();
        let ace = MailboxAce {
            sid: "S-1-5-10".into(),
            rights: 1,
            deny: false,
            inheritance: Inheritance::All,
            inherited: false,
        };
        let c = Change::AddMailboxAce { mailbox: karen, ace: ace.clone() };
        assert_eq!(describe(&c, &dir), "add mailbox permission for S-1-5-10 on 'Karen Berg'");
        let c = Change::RemoveMailboxAce { mailbox: "0000".into(), ace };
        assert_eq!(describe(&c, &dir), "remove mailbox permission for S-1-5-10 on Guid 0000");
    }

    fn bad_ace() -> MailboxAce {
        MailboxAce { sid: "S-1-5-10".into(), rights: 1, deny: false, inheritance: Inheritance::All, inherited: false }
    }

    #[test]
    fn a_change_that_does_not_apply_saves_nothing() -> Result<(), Box<dyn std::error::Error>> {
        let tmp = tempfile::tempdir()?;
        let path = tmp.path().join("org.json");
        let mut org = open(&path, None)?;
        let before = std::fs::read(&path)?;
        let ace = MailboxAce {
            sid: "S-1-5-10".into(),
            rights: 1,
            deny: false,
            inheritance: Inheritance::All,
            inherited: false,
        };
        let bad = Change::AddMailboxAce { mailbox: "00000000-0000-0000-0000-000000000000".into(), ace };
        let e = org.save(&[bad]).err().ok_or("save should fail")?;
        let msg = e.to_string();
        assert!(matches!(e, StoreError::Conflict { merged: false, index: 0, total: 1, .. }), "{e:?}");
        assert!(msg.contains("': change 1 of 1 (add mailbox permission for S-1-5-10 on Guid 0000"), "{msg}");
        assert!(msg.contains(") does not apply: "), "{msg}");
        assert_eq!(std::fs::read(&path)?, before);
        assert_eq!(*org.directory(), Directory::sample(ExchangeVersion::Exchange2019));
        // A run whose first change applied and second did not: the first is undone too.
        let karen = org.directory().recipients[1].guid.clone();
        let ace = MailboxAce { sid: "S-1-5-21-1-2-3-4".into(), rights: 1, ..bad_ace() };
        let good = Change::AddMailboxAce { mailbox: karen, ace };
        let bad = Change::AddMailboxAce { mailbox: "00000000-0000-0000-0000-000000000000".into(), ace: bad_ace() };
        assert!(org.save(&[good.clone(), bad]).is_err());
        assert_eq!(*org.directory(), Directory::sample(ExchangeVersion::Exchange2019));
        assert_eq!(std::fs::read(&path)?, before);
        org.save(&[good])?;
        assert_ne!(std::fs::read(&path)?, before);
        assert_eq!(open(&path, None)?.directory(), org.directory());
        Ok(())
    }

    #[test]
    fn the_documented_example_is_a_valid_org_file() -> Result<(), Box<dyn std::error::Error>> {
        let doc = include_str!("../../docs/org-file.md");
        let start = doc.find("```json\n").ok_or("no json example")? + "```json\n".len();
        let end = start + doc[start..].find("```").ok_or("unterminated example")?;
        let dir = decode(Path::new("docs/org-file.md"), &doc.as_bytes()[start..end])?;
        assert_eq!(dir.recipients.len(), 1);
        assert_eq!(dir.org.version, ExchangeVersion::Exchange2019);
        // The example is written in the layout exsh itself writes.
        assert_eq!(String::from_utf8(schema::encode(&dir)?)?, doc[start..end]);
        Ok(())
    }

    #[test]
    fn a_full_disk_during_a_save_changes_nothing() -> Result<(), Box<dyn std::error::Error>> {
        let tmp = tempfile::tempdir()?;
        let path = tmp.path().join("org.json");
        let mut org = open(&path, None)?;
        let before = std::fs::read(&path)?;
        let karen = org.directory().recipients[1].guid.clone();
        let ace = MailboxAce { sid: "S-1-5-21-1-2-3-4".into(), rights: 1, ..bad_ace() };
        let change = Change::AddMailboxAce { mailbox: karen, ace };
        file::tests::fail_writes_after(Some(before.len() / 2));
        let r = org.save(std::slice::from_ref(&change));
        file::tests::fail_writes_after(None);
        let e = r.err().ok_or("save should fail")?;
        assert!(matches!(e, StoreError::Write { .. }), "{e:?}");
        assert!(e.to_string().contains("org.json': No space left on device"), "{e}");
        assert_eq!(std::fs::read(&path)?, before);
        assert_eq!(*org.directory(), Directory::sample(ExchangeVersion::Exchange2019));
        let mut names: Vec<_> = std::fs::read_dir(tmp.path())?.flatten().map(|e| e.file_name()).collect();
        names.sort();
        assert_eq!(names, ["org.json", "org.json.lock"]);
        org.save(&[change])?;
        assert_ne!(std::fs::read(&path)?, before);
        Ok(())
    }

    #[test]
    fn fingerprints_differ_on_content() {
        assert_eq!(Fingerprint::of(b"abc"), Fingerprint::of(b"abc"));
        assert_ne!(Fingerprint::of(b"abc"), Fingerprint::of(b"abd"));
    }
}
