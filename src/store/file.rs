//! File-system primitives for the org file: the sidecar lock, reading, and the atomic write.
//! Every error is turned into a [`StoreError`] naming the org file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use fd_lock::RwLock;

use super::StoreError;

/// How [`with_lock`] locks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LockMode {
    /// A shared lock when the sidecar can be opened; no lock when it cannot (read-only
    /// directory), which is safe for reading because saves replace the file by rename.
    SharedIfPossible,
    /// An exclusive lock, or an error.
    Exclusive,
    /// A shared lock when the sidecar already exists; never creates it (`exsh --plan` and
    /// `--diff` leave no file behind). Safe without the lock for the same reason as
    /// [`LockMode::SharedIfPossible`].
    SharedIfExists,
}

/// How [`write_atomic`] puts the new file in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WriteMode {
    /// Only if nothing is at the path (never overwrites another process's new file).
    CreateNew,
    /// Replace the existing file, keeping its permissions.
    Replace,
}

/// The file to lock and replace: `path` itself, or what it links to when it is a symbolic link
/// (renaming over the link would replace the link with a file).
pub(super) fn resolve(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        _ => path.to_path_buf(),
    }
}

/// The sidecar lock file of `target`: `<file>.lock` in the same directory.
pub(super) fn lock_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".lock");
    target.with_file_name(name)
}

/// Runs `f` holding the lock on `target`'s sidecar; the lock is released when `f` returns.
pub(super) fn with_lock<T>(
    path: &Path,
    target: &Path,
    mode: LockMode,
    f: impl FnOnce() -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let lock = lock_path(target);
    if mode == LockMode::SharedIfExists {
        // Never reclaims temp files: `--plan` and `--diff` change nothing on disk.
        let rw = File::open(&lock).ok().map(RwLock::new);
        let _guard = rw.as_ref().and_then(|l| l.read().ok());
        return f();
    }
    let opened = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(&lock);
    match mode {
        LockMode::Exclusive => {
            let file = opened.map_err(|source| lock_error(path, &lock, source))?;
            let mut rw = RwLock::new(file);
            let _guard = rw.write().map_err(|source| lock_error(path, &lock, source))?;
            reclaim_temp_files(target);
            f()
        }
        LockMode::SharedIfPossible | LockMode::SharedIfExists => {
            let rw = opened.or_else(|_| File::open(&lock)).ok().map(RwLock::new);
            let guard = rw.as_ref().and_then(|l| l.read().ok());
            if guard.is_some() {
                reclaim_temp_files(target);
            }
            f()
        }
    }
}

/// Length of the random part of a temp file's name (`.<file>.<random>.tmp`).
const TEMP_RANDOM_LEN: usize = 6;

/// The directory holding `target` (`.` for a bare file name).
fn dir_of(target: &Path) -> &Path {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// True when `entry` is the name of one of [`write_atomic`]'s temp files for the org file named
/// `name`: `.<name>.` then exactly [`TEMP_RANDOM_LEN`] ASCII letters or digits, then `.tmp`.
pub(super) fn is_temp_name(name: &str, entry: &str) -> bool {
    entry
        .strip_prefix('.')
        .and_then(|e| e.strip_prefix(name))
        .and_then(|e| e.strip_prefix('.'))
        .and_then(|e| e.strip_suffix(".tmp"))
        .is_some_and(|r| r.len() == TEMP_RANDOM_LEN && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Removes temp files a killed save left beside `target`. Called only while holding the
/// sidecar lock (shared or exclusive): temp files are written only under the exclusive lock, so
/// while any lock is held no live process is writing one, and every temp file found is stale.
/// Best effort: a read-only directory or a vanished entry is not an error (the run goes on, a
/// later run with more rights reclaims it).
fn reclaim_temp_files(target: &Path) {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let Ok(entries) = fs::read_dir(dir_of(target)) else {
        return;
    };
    for entry in entries.flatten() {
        let entry_name = entry.file_name();
        if is_temp_name(&name, &entry_name.to_string_lossy()) && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn lock_error(path: &Path, lock: &Path, source: io::Error) -> StoreError {
    if source.kind() == io::ErrorKind::NotFound {
        // The directory itself is missing: say so about the org file, not the sidecar.
        StoreError::Write { path: path.to_path_buf(), source }
    } else {
        StoreError::Lock { path: path.to_path_buf(), lock: lock.to_path_buf(), source }
    }
}

/// The file's bytes, or `None` when nothing is at `path`.
pub(super) fn read(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    let is_dir = || StoreError::IsDirectory { path: path.to_path_buf() };
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => return Err(is_dir()),
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(StoreError::Read { path: path.to_path_buf(), source });
        }
    }
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) if e.kind() == io::ErrorKind::IsADirectory => Err(is_dir()),
        Err(source) => Err(StoreError::Read { path: path.to_path_buf(), source }),
    }
}

/// Writes `bytes` to `target` atomically: a temp file in the same directory, written and
/// fsynced, renamed into place, then the directory fsynced. On error the temp file is removed
/// and `target` is untouched; a temp file a `kill -9` leaves behind is removed by the next run
/// that takes the lock ([`reclaim_temp_files`]). Returns false when `mode` is [`WriteMode::CreateNew`] and
/// something is already at `target`.
pub(super) fn write_atomic(path: &Path, target: &Path, bytes: &[u8], mode: WriteMode) -> Result<bool, StoreError> {
    let write_err = |source: io::Error| StoreError::Write { path: path.to_path_buf(), source };
    let dir = dir_of(target);
    if mode == WriteMode::Replace {
        // A read-only org file is a request not to change it (rename alone would ignore that).
        OpenOptions::new().write(true).open(target).map_err(write_err)?;
    }
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "org".to_string());
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .rand_bytes(TEMP_RANDOM_LEN)
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(write_err)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode_bits = match mode {
            WriteMode::Replace => fs::metadata(target).map(|m| m.permissions().mode() & 0o7777).unwrap_or(0o644),
            WriteMode::CreateNew => 0o644,
        };
        tmp.as_file().set_permissions(fs::Permissions::from_mode(mode_bits)).map_err(write_err)?;
    }
    write_bytes(tmp.as_file_mut(), bytes).map_err(write_err)?;
    tmp.as_file().sync_all().map_err(write_err)?;
    match mode {
        WriteMode::Replace => {
            tmp.persist(target).map_err(|e| write_err(e.error))?;
        }
        WriteMode::CreateNew => match tmp.persist_noclobber(target) {
            Ok(_) => {}
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => return Ok(false),
            Err(e) => return Err(write_err(e.error)),
        },
    }
    sync_dir(dir);
    Ok(true)
}

/// Writes the temp file's content. In unit tests a write can be made to fail part-way, as on a
/// full disk ([`tests::fail_writes_after`]).
fn write_bytes(file: &mut File, bytes: &[u8]) -> io::Result<()> {
    #[cfg(test)]
    if let Some(limit) = tests::FAIL_AFTER.with(|f| f.get()) {
        file.write_all(&bytes[..limit.min(bytes.len())])?;
        return Err(io::Error::new(io::ErrorKind::StorageFull, "No space left on device (simulated)"));
    }
    file.write_all(bytes)
}

/// Makes the rename durable. Best effort: some file systems cannot fsync a directory.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// When set, [`write_bytes`] writes this many bytes and then fails as a full disk does.
        pub(in crate::store) static FAIL_AFTER: Cell<Option<usize>> = const { Cell::new(None) };
    }

    /// Makes this thread's org file writes fail after `limit` bytes (`None`: write normally).
    pub(in crate::store) fn fail_writes_after(limit: Option<usize>) {
        FAIL_AFTER.with(|f| f.set(limit));
    }

    #[test]
    fn temp_names_are_recognized_strictly() {
        assert!(is_temp_name("org.json", ".org.json.aB3xZ9.tmp"));
        assert!(!is_temp_name("org.json", ".org.json.aB3xZ.tmp"));
        assert!(!is_temp_name("org.json", ".org.json.aB3xZ99.tmp"));
        assert!(!is_temp_name("org.json", ".org.json.aB-xZ9.tmp"));
        assert!(!is_temp_name("org.json", ".other.json.aB3xZ9.tmp"));
        assert!(!is_temp_name("org.json", "org.json.aB3xZ9.tmp"));
        assert!(!is_temp_name("org.json", ".org.json.aB3xZ9.tmp~"));
        assert!(!is_temp_name("org.json", "org.json.lock"));
    }

    #[test]
    fn stale_temp_files_are_reclaimed_under_the_lock_only() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let p = dir.path().join("org.json");
        fs::write(&p, b"{}")?;
        let stale = dir.path().join(".org.json.Ab12Cd.tmp");
        let other = dir.path().join(".other.json.Ab12Cd.tmp");
        let user = dir.path().join(".org.json.notes.tmp");
        for f in [&stale, &other, &user] {
            fs::write(f, b"partial")?;
        }
        // `--plan`/`--diff` leave everything as it is.
        with_lock(&p, &p, LockMode::SharedIfExists, || Ok(()))?;
        assert!(stale.exists());
        // A reading run (shared lock) reclaims it.
        with_lock(&p, &p, LockMode::SharedIfPossible, || Ok(()))?;
        assert_eq!(entries(dir.path()), [".org.json.notes.tmp", ".other.json.Ab12Cd.tmp", "org.json", "org.json.lock"]);
        // So does a saving run (exclusive lock), before it writes its own.
        fs::write(&stale, b"partial")?;
        with_lock(&p, &p, LockMode::Exclusive, || {
            assert!(!stale.exists());
            write_atomic(&p, &p, b"new", WriteMode::Replace)
        })?;
        assert_eq!(fs::read(&p)?, b"new");
        assert_eq!(entries(dir.path()), [".org.json.notes.tmp", ".other.json.Ab12Cd.tmp", "org.json", "org.json.lock"]);
        Ok(())
    }

    #[test]
    fn a_full_disk_leaves_the_file_and_no_temp() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let p = dir.path().join("org.json");
        fs::write(&p, b"old content")?;
        fail_writes_after(Some(3));
        let r = write_atomic(&p, &p, b"new content, longer", WriteMode::Replace);
        fail_writes_after(None);
        let e = r.err().ok_or("the write should fail")?;
        let msg = e.to_string();
        assert!(msg.starts_with(&format!("cannot write org file '{}': No space left", p.display())), "{msg}");
        assert_eq!(fs::read(&p)?, b"old content");
        assert_eq!(entries(dir.path()), ["org.json"]);
        Ok(())
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        v.sort();
        v
    }

    #[test]
    fn lock_path_is_a_sidecar() {
        assert_eq!(lock_path(Path::new("/x/org.json")), PathBuf::from("/x/org.json.lock"));
        assert_eq!(lock_path(Path::new("org.json")), PathBuf::from("org.json.lock"));
    }

    #[test]
    fn create_new_never_overwrites_and_replace_keeps_mode() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let p = dir.path().join("org.json");
        assert!(write_atomic(&p, &p, b"one", WriteMode::CreateNew)?);
        assert!(!write_atomic(&p, &p, b"two", WriteMode::CreateNew)?);
        assert_eq!(fs::read(&p)?, b"one");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&p, fs::Permissions::from_mode(0o640))?;
            assert!(write_atomic(&p, &p, b"three", WriteMode::Replace)?);
            assert_eq!(fs::metadata(&p)?.permissions().mode() & 0o777, 0o640);
        }
        assert_eq!(entries(dir.path()), ["org.json"]);
        Ok(())
    }

    #[test]
    fn failed_write_leaves_no_temp_file() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("sub");
        fs::create_dir(&target)?;
        fs::write(target.join("x"), b"x")?;
        // Renaming a file over a non-empty directory fails after the temp file was written.
        let r = write_atomic(&target, &target, b"data", WriteMode::CreateNew);
        assert!(r.is_err() || r.as_ref().is_ok_and(|created| !created));
        assert_eq!(entries(dir.path()), ["sub"]);
        Ok(())
    }

    #[test]
    fn read_distinguishes_missing_and_directory() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        assert!(read(&dir.path().join("none.json"))?.is_none());
        assert!(matches!(read(dir.path()), Err(StoreError::IsDirectory { .. })));
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_resolve_to_their_target() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let real = dir.path().join("real.json");
        fs::write(&real, b"{}")?;
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&real, &link)?;
        assert_eq!(resolve(&link), fs::canonicalize(&real)?);
        assert_eq!(resolve(&real), real);
        Ok(())
    }
}
