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
            f()
        }
        LockMode::SharedIfPossible | LockMode::SharedIfExists => {
            let rw = opened.or_else(|_| File::open(&lock)).ok().map(RwLock::new);
            let _guard = rw.as_ref().and_then(|l| l.read().ok());
            f()
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
/// and `target` is untouched. Returns false when `mode` is [`WriteMode::CreateNew`] and
/// something is already at `target`.
pub(super) fn write_atomic(path: &Path, target: &Path, bytes: &[u8], mode: WriteMode) -> Result<bool, StoreError> {
    let write_err = |source: io::Error| StoreError::Write { path: path.to_path_buf(), source };
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if mode == WriteMode::Replace {
        // A read-only org file is a request not to change it (rename alone would ignore that).
        OpenOptions::new().write(true).open(target).map_err(write_err)?;
    }
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "org".to_string());
    let mut tmp =
        tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".tmp").tempfile_in(dir).map_err(write_err)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode_bits = match mode {
            WriteMode::Replace => fs::metadata(target).map(|m| m.permissions().mode() & 0o7777).unwrap_or(0o644),
            WriteMode::CreateNew => 0o644,
        };
        tmp.as_file().set_permissions(fs::Permissions::from_mode(mode_bits)).map_err(write_err)?;
    }
    tmp.write_all(bytes).map_err(write_err)?;
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
mod tests {
    use super::*;

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
