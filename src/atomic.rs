//! Writing output files so that a failure never leaves a half-written or
//! emptied target: write a temporary file beside it, flush it to disk, then
//! rename it over the target and flush the folder.

use std::fs::File;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically: readers see the old file or the new
/// one, never a mix, and a failed write leaves the old file as it was.
///
/// The temporary file has a fresh random name; a process killed mid-write
/// leaves it behind. Files written over and over by one process (an
/// autosave) should use [`write_via`], whose temporary file is reused.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = folder_of(path);
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(bytes)?;
    prepare(path, file.as_file())?;
    file.persist(path).map_err(|e| e.error)?;
    sync_folder(dir)
}

/// Writes `bytes` to `path` atomically through the temporary file `temp`,
/// which must be in the same folder. `temp` is truncated first, so one left
/// by a killed process is reused, never piled up. Two writers must not share
/// a `temp` at the same time: the caller serializes them.
pub fn write_via(path: &Path, temp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let result = (|| {
        let mut file = File::create(temp)?;
        file.write_all(bytes)?;
        prepare(path, &file)?;
        drop(file);
        std::fs::rename(temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(temp);
    }
    result?;
    sync_folder(folder_of(path))
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Gives the written temporary file the target's permissions and flushes it
/// to disk, so the rename never publishes data still only in memory.
fn prepare(path: &Path, file: &File) -> std::io::Result<()> {
    // The temporary file may be private (0600); the result should have the
    // target's permissions, or a new file's usual ones.
    if let Some(permissions) = permissions_for(path) {
        file.set_permissions(permissions)?;
    }
    file.sync_all()
}

/// Flushes the folder's entries, so the rename itself survives a power cut
/// (on Linux a rename is in the folder, which `fsync` of the file does not
/// cover). Folders cannot be opened as files on Windows; there it is skipped.
fn sync_folder(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

fn permissions_for(path: &Path) -> Option<std::fs::Permissions> {
    if let Ok(existing) = std::fs::metadata(path) {
        return Some(existing.permissions());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(std::fs::Permissions::from_mode(0o644))
    }
    #[cfg(not(unix))]
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("brief.md");
        write(&target, b"first").unwrap();
        write(&target, b"second").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"second");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o644);
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let missing_dir = dir.path().join("no/such/dir/brief.md");
        assert!(write(&missing_dir, b"x").is_err());
        assert!(write_via(&missing_dir, &dir.path().join("no/such/dir/brief.md.tmp"), b"x").is_err());
    }

    #[test]
    fn write_via_reuses_a_leftover_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("draft.json");
        let temp = dir.path().join("draft.json.tmp");
        // What a process killed mid-write leaves: a longer, torn temporary file.
        std::fs::write(&temp, "{\"torn\": [1, 2, 3, 4, 5, 6, 7, 8").unwrap();
        write_via(&target, &temp, b"{}").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"{}");
        assert!(!temp.exists());
        write_via(&target, &temp, b"[1]").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"[1]");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
