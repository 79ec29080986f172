//! A temporary SQLite data file.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// A data file path no other test uses; removed with its `-wal` and `-shm` files on drop
/// (drop the server using it first).
#[derive(Debug)]
pub struct DataFile(PathBuf);

impl DataFile {
    /// In the system's temporary folder.
    pub fn new(name: &str) -> Self {
        Self::in_dir(&std::env::temp_dir(), name)
    }

    /// In `dir` (e.g. the project root, where `cargo xtask api` keeps its data).
    pub fn in_dir(dir: &Path, name: &str) -> Self {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let path = dir.join(format!("pc-mock-test-{name}-{}-{n}.sqlite3", std::process::id()));
        remove(&path);
        Self(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// The bytes of the file and its write-ahead log, as they are now.
    pub fn size_with_wal(&self) -> u64 {
        ["", "-wal"]
            .iter()
            .map(|suffix| std::fs::metadata(with_suffix(&self.0, suffix)).map_or(0, |m| m.len()))
            .sum()
    }
}

impl Drop for DataFile {
    fn drop(&mut self) {
        remove(&self.0);
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(path, suffix));
    }
}
