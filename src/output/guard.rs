//! What `--out` may be: never the inputs or a folder holding them, never a folder with files
//! the tool did not write. Checked before any work and again under the lock.

use super::manifest::{self, Manifest};
use crate::error::InputError;
use std::io;
use std::path::{Component, Path, PathBuf};

/// The name prefix of the temporary folders a run stages its files in, inside `--out`.
pub const TMP_PREFIX: &str = ".brottstrend-tmp-";

/// How many foreign files an error names.
const SHOWN: usize = 3;

/// An input `--out` must keep away from: the data folder, the configuration file, ….
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// What it is, for the message: "data folder", "configuration file".
    pub what: &'static str,
    /// Where it is.
    pub path: &'a Path,
}

/// The absolute path `p` names: symlinks resolved in the part that exists (a dangling symlink
/// included: its target is where the files would go), `.` and `..` applied to the part that
/// does not exist (which cannot hold symlinks).
pub fn resolve(p: &Path) -> io::Result<PathBuf> {
    resolve_within(&std::env::current_dir()?.join(p), 40)
}

fn resolve_within(abs: &Path, links_left: usize) -> io::Result<PathBuf> {
    let parts: Vec<Component> = abs.components().collect();
    for k in (1..=parts.len()).rev() {
        let prefix: PathBuf = parts[..k].iter().collect();
        let rest = parts[k..].iter().collect::<PathBuf>();
        if let Ok(mut real) = prefix.canonicalize() {
            for c in rest.components() {
                match c {
                    Component::ParentDir => {
                        real.pop();
                    }
                    Component::Normal(n) => real.push(n),
                    _ => {}
                }
            }
            return Ok(real);
        }
        if let (Ok(target), Some(parent)) = (std::fs::read_link(&prefix), prefix.parent()) {
            if links_left == 0 {
                return Err(io::Error::other("too many levels of symbolic links"));
            }
            return resolve_within(&parent.join(target).join(rest), links_left - 1);
        }
    }
    Ok(abs.to_path_buf())
}

/// Refuses an `--out` that is, or contains, an input, or lies inside an input folder.
pub fn refuse_inputs(out: &Path, real_out: &Path, inputs: &[Input]) -> Result<(), InputError> {
    for input in inputs {
        let real = resolve(input.path).unwrap_or_else(|_| input.path.to_path_buf());
        let shown = input.path.display();
        if real.starts_with(real_out) {
            let problem = if real == real_out {
                format!("--out is the {} {shown}", input.what)
            } else {
                format!("--out contains the {} {shown}", input.what)
            };
            return Err(InputError::file(out, problem).expected(
                "an output folder that holds no input, e.g. --out reports; \
                 brottstrend would otherwise replace your own files",
            ));
        }
        if real.is_dir() && real_out.starts_with(&real) {
            return Err(InputError::file(
                out,
                format!("--out is inside the {} {shown}", input.what),
            )
            .expected("an output folder outside the inputs, e.g. --out reports"));
        }
    }
    Ok(())
}

/// The tool's files now in `real` (an existing folder), each with its current hash; refuses
/// a folder holding anything else. A folder without a manifest is the tool's when its
/// `summary.json` is brottstrend's and it holds only what an earlier version wrote.
pub fn inventory(out: &Path, real: &Path) -> Result<Manifest, InputError> {
    let unreadable = |e: io::Error| {
        InputError::file(out, format!("the output folder cannot be read ({e})"))
            .expected("a readable folder for --out")
    };
    let listed = match std::fs::symlink_metadata(real.join(manifest::NAME)) {
        Ok(meta) if meta.is_file() => {
            let text = std::fs::read(real.join(manifest::NAME)).map_err(unreadable)?;
            let parsed = String::from_utf8(text)
                .ok()
                .and_then(|t| Manifest::parse(&t));
            Some(parsed.ok_or_else(|| foreign(out, vec![manifest::NAME.to_owned()]))?)
        }
        Ok(_) => return Err(foreign(out, vec![manifest::NAME.to_owned()])),
        Err(_) => None,
    };
    let legacy = listed.is_none()
        && std::fs::read(real.join("summary.json"))
            .is_ok_and(|b| manifest::is_brottstrend_summary(&b));
    let mut walk = Walk {
        listed: listed.as_ref(),
        legacy,
        owned: Manifest::default(),
        foreign: Vec::new(),
    };
    walk.dir(real, Path::new("")).map_err(unreadable)?;
    if walk.foreign.is_empty() {
        Ok(walk.owned)
    } else {
        Err(foreign(out, walk.foreign))
    }
}

/// The refusal of a folder holding files the tool did not write.
fn foreign(out: &Path, names: Vec<String>) -> InputError {
    let more = if names.len() > SHOWN { ", …" } else { "" };
    let shown: Vec<String> = names.into_iter().take(SHOWN).collect();
    InputError::file(out, "--out holds files brottstrend did not write")
        .value(format!("{}{more}", shown.join(", ")))
        .expected(
            "an empty or new folder, or one brottstrend wrote; move those files away or \
             choose another --out",
        )
}

/// A walk over the output folder that sorts every entry into the tool's or not.
struct Walk<'a> {
    listed: Option<&'a Manifest>,
    legacy: bool,
    owned: Manifest,
    foreign: Vec<String>,
}

impl Walk<'_> {
    fn dir(&mut self, real: &Path, rel: &Path) -> io::Result<()> {
        let mut entries: Vec<_> = std::fs::read_dir(real.join(rel))?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            // A huge folder (the home folder) is refused without reading all of it.
            if self.foreign.len() > SHOWN {
                return Ok(());
            }
            let child = rel.join(e.file_name());
            let name = e.file_name().to_string_lossy().into_owned();
            if rel.as_os_str().is_empty()
                && (name == manifest::NAME || name.starts_with(TMP_PREFIX))
            {
                continue;
            }
            let kind = e.file_type()?;
            // A folder with a manifest of its own is another output folder of the tool (a
            // pledge's folder of `analyze --pledges`): left alone, neither claimed nor refused.
            if kind.is_dir() && real.join(&child).join(manifest::NAME).is_file() {
                continue;
            }
            if kind.is_file() {
                self.file(real, child)?;
            } else if kind.is_dir() && self.may_hold_ours(&child) {
                self.dir(real, &child)?;
            } else {
                let slash = if kind.is_dir() { "/" } else { "" };
                self.foreign
                    .push(format!("{}{slash}", manifest::slash_path(&child)));
            }
        }
        Ok(())
    }

    fn file(&mut self, real: &Path, rel: PathBuf) -> io::Result<()> {
        let plausible = match self.listed {
            Some(m) => m.files.contains_key(&rel),
            None => self.legacy && manifest::is_legacy_output(&rel),
        };
        if !plausible {
            self.foreign.push(manifest::slash_path(&rel));
            return Ok(());
        }
        let hash = manifest::sha256(&std::fs::read(real.join(&rel))?);
        if self.listed.is_some_and(|m| !m.accepts(&rel, &hash)) {
            let shown = manifest::slash_path(&rel);
            self.foreign
                .push(format!("{shown} (changed after brottstrend wrote it)"));
        } else {
            self.owned.add(rel, hash);
        }
        Ok(())
    }

    /// A subfolder the tool's files may be in: a folder of a listed file (or `charts`).
    fn may_hold_ours(&self, dir: &Path) -> bool {
        match self.listed {
            Some(m) => m.files.keys().any(|f| f.starts_with(dir) && f != dir),
            None => self.legacy && dir == Path::new("charts"),
        }
    }
}

/// Checks that a file can be created in the folder `out` would be made in, without making it.
pub fn probe_writable(out: &Path, real_out: &Path) -> Result<(), InputError> {
    let existing = real_out
        .ancestors()
        .find(|a| a.exists())
        .unwrap_or(Path::new("/"));
    let result = if existing.is_dir() {
        tempfile::Builder::new()
            .prefix(".brottstrend-probe-")
            .tempfile_in(existing)
            .map(drop)
    } else {
        Err(io::Error::new(
            io::ErrorKind::NotADirectory,
            format!("{} is a file", existing.display()),
        ))
    };
    result.map_err(|e| {
        InputError::file(out, format!("the output folder cannot be written ({e})"))
            .expected("a writable folder for --out")
    })
}
