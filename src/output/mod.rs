//! Writing the output folder: the tool only ever replaces files it wrote itself.
//!
//! # What the folder holds
//! `--out` holds the files of the last runs and `.brottstrend-manifest`, the list of the files
//! the tool wrote there with their SHA-256 (see [`manifest`]). A run refuses, before any work,
//! an `--out` that is or contains the data folder or the configuration file, lies inside the
//! data folder, or holds anything the manifest does not list with its current content (a
//! cover letter, an edited report). A folder an earlier version wrote (no manifest yet) is
//! recognised by its `summary.json` and holds only what that version wrote. A symlinked
//! `--out` is followed: the files go into the folder it points to.
//!
//! # Which old files go
//! A file listed in the old manifest and not written again is removed only when this run
//! writes files of its kind (extension): charts of an area no longer in the pledge go, but
//! `report.md` stays beside a new `report.html` (and PNG charts beside SVG ones), so both
//! report formats can live side by side.
//!
//! # Guarantees, and why file-wise renames
//! Every new file is first written into a fresh temporary folder (`tempfile`, named
//! `.brottstrend-tmp-…`) inside `--out`, on the same file system. Only when all of them are
//! written, the manifest is replaced by one listing both the old and the new versions, then each
//! file is renamed over its old version (each rename is atomic), `summary.json` last, old files
//! of the same kinds that are no longer produced are removed, and last the manifest is replaced
//! by the final list. A run that fails or is killed (SIGKILL) before the renames leaves every
//! previous file untouched; one killed during the renames (milliseconds) leaves each file whole,
//! either its previous or its new version, and never a missing report. We chose this over
//! swapping the whole folder (the only way to switch a set of files atomically) because a swap
//! replaces the folder itself: it would break a symlinked `--out`, the other format's report
//! and a folder the user made, and needs a platform-specific exchange rename. Either way the
//! next run repairs: it removes leftover temporary folders and writes a whole, consistent set.
//! The guarantee is against a killed process, not a power cut (files are not fsynced).
//!
//! # Concurrent runs
//! A run holds an exclusive lock on the `--out` folder while it writes; a second run on the
//! same folder fails at once with exit 2 and a sentence instead of waiting. A failed run
//! removes the folders it created (the parents of a new `--out` included).

pub mod fault;
pub mod guard;
pub mod manifest;

pub use guard::Input;

use crate::error::InputError;
use anyhow::Context;
use manifest::Manifest;
use std::ffi::OsStr;
use std::fs::{File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

/// Checks, before any work, that the tool may write `out`: not an input, no foreign files, and
/// a file can be created where it will be. Creates nothing.
pub fn check(out: &Path, inputs: &[Input]) -> Result<(), InputError> {
    let real = guard::resolve(out).map_err(|e| {
        InputError::file(out, format!("the output folder cannot be found ({e})"))
            .expected("a folder path for --out")
    })?;
    guard::refuse_inputs(out, &real, inputs)?;
    if real.exists() {
        if !real.is_dir() {
            return Err(
                InputError::file(out, "--out is a file, not a folder").expected("a folder path")
            );
        }
        guard::inventory(out, &real)?;
    }
    guard::probe_writable(out, &real)
}

/// Writes `files` (paths relative to `out`) as described in the module docs and returns the
/// paths written. `inputs` are checked again, under the folder's lock.
pub fn write_all(
    out: &Path,
    inputs: &[Input],
    files: &[(PathBuf, Vec<u8>)],
) -> anyhow::Result<Vec<PathBuf>> {
    check(out, inputs)?;
    let real = guard::resolve(out)?;
    let created = create_dirs(&real).map_err(|e| write_error(out, &e, true))?;
    let result = write_locked(out, &real, inputs, files);
    if result.is_err() && !created.is_empty() {
        // The folder is new: everything in it is this run's, and none of it may stay.
        for (rel, _) in files {
            let _ = std::fs::remove_file(real.join(rel));
        }
        let _ = std::fs::remove_file(real.join(manifest::NAME));
        let _ = std::fs::remove_dir(real.join("charts"));
        for dir in created.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
    }
    result?;
    Ok(files.iter().map(|(rel, _)| out.join(rel)).collect())
}

/// Removes a folder this run created and filled with [`write_all`]: every file its manifest
/// lists with the content listed, the manifest, then the folders left empty. A file that is not
/// listed or was changed since stays (and so does its folder): only what the tool wrote goes.
pub fn remove_written(dir: &Path) -> io::Result<()> {
    let text = std::fs::read_to_string(dir.join(manifest::NAME))?;
    let listed = Manifest::parse(&text).unwrap_or_default();
    let mut folders = vec![dir.to_path_buf()];
    for rel in listed.files.keys() {
        let path = dir.join(rel);
        let same = std::fs::read(&path).is_ok_and(|b| listed.accepts(rel, &manifest::sha256(&b)));
        if same {
            std::fs::remove_file(&path)?;
        }
        folders.extend(
            path.ancestors()
                .skip(1)
                .take_while(|a| *a != dir)
                .map(Path::to_path_buf),
        );
    }
    std::fs::remove_file(dir.join(manifest::NAME))?;
    folders.sort_by_key(|f| std::cmp::Reverse(f.components().count()));
    folders.dedup();
    for f in folders {
        // Not empty: something the tool did not write is there, and it stays.
        let _ = std::fs::remove_dir(f);
    }
    Ok(())
}

/// Creates `dir` and its missing parents; returns those this call created, outermost first.
/// A folder another thread creates meanwhile (the batch writes its pledges' folders in
/// parallel into one new `--out`) is used, not an error, and is not this call's to remove.
fn create_dirs(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut missing: Vec<PathBuf> = dir
        .ancestors()
        .take_while(|a| !a.exists())
        .map(Path::to_path_buf)
        .collect();
    missing.reverse();
    let mut created = Vec::with_capacity(missing.len());
    for d in missing {
        match std::fs::create_dir(&d) {
            Ok(()) => created.push(d),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && d.is_dir() => {}
            Err(e) => return Err(e),
        }
    }
    Ok(created)
}

fn write_locked(
    out: &Path,
    real: &Path,
    inputs: &[Input],
    files: &[(PathBuf, Vec<u8>)],
) -> anyhow::Result<()> {
    let _lock = lock(out, real)?;
    // Checked again: another run may have changed the folder since the first check.
    guard::refuse_inputs(out, real, inputs)?;
    let old = guard::inventory(out, real)?;
    remove_leftovers(real).map_err(|e| write_error(out, &e, true))?;
    let staging = tempfile::Builder::new()
        .prefix(guard::TMP_PREFIX)
        .tempdir_in(real)
        .map_err(|e| write_error(out, &e, true))?;
    fault::point("staging");
    stage(staging.path(), files).map_err(|e| write_error(out, &e, true))?;
    fault::point("staged");
    let new = Manifest::of(files);
    install_manifest(staging.path(), real, &old.union(&new))
        .map_err(|e| write_error(out, &e, true))?;
    fault::point("listed");
    let mut order: Vec<&PathBuf> = files.iter().map(|(rel, _)| rel).collect();
    order.sort_by_key(|rel| (rel.as_path() == Path::new("summary.json"), rel.as_path()));
    for (i, rel) in order.into_iter().enumerate() {
        install(staging.path(), real, rel).map_err(|e| write_error(out, &e, false))?;
        fault::point(&format!("renamed-{}", i + 1));
    }
    let kept = remove_stale(real, &old, &new).map_err(|e| write_error(out, &e, false))?;
    fault::point("pruned");
    install_manifest(staging.path(), real, &kept.union(&new))
        .map_err(|e| write_error(out, &e, false))?;
    fault::point("done");
    Ok(())
}

/// An exclusive lock on the folder, or a clean refusal when another run holds it.
fn lock(out: &Path, real: &Path) -> anyhow::Result<File> {
    let dir = File::open(real).with_context(|| format!("{}: opening the folder", out.display()))?;
    match dir.try_lock() {
        Ok(()) => Ok(dir),
        Err(TryLockError::WouldBlock) => Err(InputError::file(
            out,
            "another brottstrend run is writing this output folder",
        )
        .expected("one run at a time: wait for the other run to finish, or choose another --out")
        .into()),
        // A file system without locks: write unlocked rather than not at all.
        Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => Ok(dir),
        Err(TryLockError::Error(e)) => Err(write_error(out, &e, true)),
    }
}

/// Removes temporary folders that killed runs left behind (we hold the lock: none is live).
fn remove_leftovers(real: &Path) -> io::Result<()> {
    for e in std::fs::read_dir(real)? {
        let e = e?;
        let ours = e
            .file_name()
            .to_string_lossy()
            .starts_with(guard::TMP_PREFIX);
        if ours && e.file_type()?.is_dir() {
            std::fs::remove_dir_all(e.path())?;
        }
    }
    Ok(())
}

/// Writes every file into the staging folder.
fn stage(staging: &Path, files: &[(PathBuf, Vec<u8>)]) -> io::Result<()> {
    for (rel, bytes) in files {
        let path = staging.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        fault::write()?;
        std::fs::write(&path, bytes)?;
    }
    Ok(())
}

/// Renames one staged file over its old version.
fn install(staging: &Path, real: &Path, rel: &Path) -> io::Result<()> {
    let target = real.join(rel);
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::rename(staging.join(rel), target)
}

/// Writes the manifest into the staging folder and renames it into place.
fn install_manifest(staging: &Path, real: &Path, m: &Manifest) -> io::Result<()> {
    std::fs::write(staging.join(manifest::NAME), m.render())?;
    std::fs::rename(staging.join(manifest::NAME), real.join(manifest::NAME))
}

/// Removes the old files of the kinds this run wrote that it did not write again; returns the
/// old files that stay.
fn remove_stale(real: &Path, old: &Manifest, new: &Manifest) -> io::Result<Manifest> {
    let kinds: Vec<Option<&OsStr>> = new.files.keys().map(|p| p.extension()).collect();
    let mut kept = Manifest::default();
    for (rel, hashes) in &old.files {
        if new.files.contains_key(rel) {
            continue;
        }
        if kinds.contains(&rel.extension()) {
            match std::fs::remove_file(real.join(rel)) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        } else {
            for h in hashes {
                kept.add(rel.clone(), h.clone());
            }
        }
    }
    Ok(kept)
}

/// The one-sentence error of a failed write; `untouched` says whether the previous files are
/// all still as they were.
fn write_error(out: &Path, e: &io::Error, untouched: bool) -> anyhow::Error {
    let state = if untouched {
        "the output folder is left as it was"
    } else {
        "each file is either its previous or its new version; run again to finish"
    };
    anyhow::Error::new(
        InputError::file(out, format!("writing the output folder failed ({e})")).expected(format!(
            "free space and write permission in the folder; {state}"
        )),
    )
}
