//! The manifest: the list of files brottstrend wrote into an output folder, kept in the folder
//! itself as `.brottstrend-manifest`.
//!
//! One line per file in `sha256sum` format (`<64 hex digits>  <path>`, paths relative to the
//! folder with `/`), sorted, so `sha256sum -c .brottstrend-manifest` verifies the folder. A
//! path may be listed with two hashes while a run is replacing it (the old and the new
//! version); a file counts as the tool's own only when its content still has a listed hash, so
//! a report the user edited afterwards is never overwritten.

use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The manifest's file name inside the output folder.
pub const NAME: &str = ".brottstrend-manifest";

/// Files the tool wrote: relative path → the SHA-256 hashes the file may have.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    /// Relative path → accepted hashes (lower-case hex).
    pub files: BTreeMap<PathBuf, BTreeSet<String>>,
}

impl Manifest {
    /// The manifest of a set of files about to be written.
    pub fn of(files: &[(PathBuf, Vec<u8>)]) -> Manifest {
        let mut m = Manifest::default();
        for (rel, bytes) in files {
            m.add(rel.clone(), sha256(bytes));
        }
        m
    }

    /// Adds one accepted version of a file.
    pub fn add(&mut self, rel: PathBuf, hash: String) {
        self.files.entry(rel).or_default().insert(hash);
    }

    /// Every version of both manifests: what may be on disk while one replaces the other.
    pub fn union(&self, other: &Manifest) -> Manifest {
        let mut m = self.clone();
        for (rel, hashes) in &other.files {
            for h in hashes {
                m.add(rel.clone(), h.clone());
            }
        }
        m
    }

    /// Whether `hash` is an accepted version of `rel`.
    pub fn accepts(&self, rel: &Path, hash: &str) -> bool {
        self.files.get(rel).is_some_and(|h| h.contains(hash))
    }

    /// Parses the manifest text; `None` when a line is not `<hash>  <path>` with a relative
    /// path, i.e. the file is not one this tool wrote.
    pub fn parse(text: &str) -> Option<Manifest> {
        let mut m = Manifest::default();
        for line in text.lines() {
            let (hash, rel) = line.split_once("  ")?;
            let rel = PathBuf::from(rel);
            let plain = rel
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)));
            if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) || !plain {
                return None;
            }
            m.add(rel, hash.to_ascii_lowercase());
        }
        Some(m)
    }

    /// The manifest text: sorted lines, deterministic for the same files.
    pub fn render(&self) -> String {
        let mut text = String::new();
        for (rel, hashes) in &self.files {
            for h in hashes {
                text.push_str(&format!("{h}  {}\n", slash_path(rel)));
            }
        }
        text
    }
}

/// A relative path with `/` separators on every platform.
pub fn slash_path(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// SHA-256 of `bytes` as lower-case hex.
pub fn sha256(bytes: &[u8]) -> String {
    crate::load::text::hex(&Sha256::digest(bytes))
}

/// The files an earlier version (before the manifest) wrote: the report, the two tables and
/// the charts. Anything else in a folder without a manifest is the user's.
pub fn is_legacy_output(rel: &Path) -> bool {
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    match parts.as_slice() {
        [name] => matches!(
            name.as_str(),
            "report.md" | "report.html" | "metrics.csv" | "summary.json"
        ),
        [dir, name] => dir == "charts" && (name.ends_with(".png") || name.ends_with(".svg")),
        _ => false,
    }
}

/// Whether `bytes` is a `summary.json` brottstrend wrote: a JSON object with the keys of
/// [`crate::model::Summary`] that every version has had.
pub fn is_brottstrend_summary(bytes: &[u8]) -> bool {
    let Ok(serde_json::Value::Object(map)) = serde_json::from_slice(bytes) else {
        return false;
    };
    [
        "region", "pledge", "baseline", "areas", "sources", "warnings",
    ]
    .iter()
    .all(|k| map.contains_key(*k))
}

#[cfg(test)]
#[path = "manifest_tests.rs"]
mod tests;
