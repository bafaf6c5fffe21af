//! Writing the output folder all at once: everything goes into a temporary folder beside
//! `--out`, which replaces `--out` only when every file was written. A failed run leaves the
//! previous reports untouched.

use crate::error::InputError;
use anyhow::Context;
use std::path::{Path, PathBuf};

/// Checks, before any work, that the output folder can be created and written.
pub fn check_writable(out: &Path) -> Result<(), InputError> {
    let parent = parent_of(out);
    let probe = parent.join(format!(".brottstrend-probe-{}", std::process::id()));
    std::fs::create_dir_all(&parent)
        .and_then(|_| std::fs::write(&probe, b""))
        .and_then(|_| std::fs::remove_file(&probe))
        .map_err(|e| {
            InputError::file(out, format!("the output folder cannot be written ({e})"))
                .expected("a writable folder for --out")
        })?;
    if out.exists() && !out.is_dir() {
        return Err(
            InputError::file(out, "--out is a file, not a folder").expected("a folder path")
        );
    }
    Ok(())
}

fn parent_of(out: &Path) -> PathBuf {
    match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes `files` (paths relative to `out`) into a fresh temporary folder, then swaps it in
/// place of `out`. Returns the paths written.
pub fn write_all(out: &Path, files: &[(PathBuf, Vec<u8>)]) -> anyhow::Result<Vec<PathBuf>> {
    let name = out
        .file_name()
        .map_or_else(|| "reports".into(), |n| n.to_string_lossy().into_owned());
    let tmp = parent_of(out).join(format!(".{name}.tmp-{}", std::process::id()));
    let old = parent_of(out).join(format!(".{name}.old-{}", std::process::id()));
    let result = (|| -> anyhow::Result<()> {
        if tmp.exists() {
            std::fs::remove_dir_all(&tmp)?;
        }
        for (rel, bytes) in files {
            let path = tmp.join(rel);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
            }
            std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
        }
        if out.exists() {
            std::fs::rename(out, &old)
                .with_context(|| format!("moving the old {} aside", out.display()))?;
        }
        std::fs::rename(&tmp, out)
            .with_context(|| format!("moving the new reports to {}", out.display()))?;
        if old.exists() {
            std::fs::remove_dir_all(&old).with_context(|| format!("removing {}", old.display()))?;
        }
        Ok(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&tmp);
        if old.exists() && !out.exists() {
            let _ = std::fs::rename(&old, out);
        }
        return Err(e);
    }
    Ok(files.iter().map(|(rel, _)| out.join(rel)).collect())
}
