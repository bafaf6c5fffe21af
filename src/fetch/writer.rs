//! Writing a fetch: the pieces joined into one Databasfil (one header, the bytes as served),
//! and a sidecar recording what was asked. Both are written to temporary files and linked into
//! place only when everything succeeded; an existing file is never replaced.

use super::failure::Failure;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The Databasfil pieces joined: the first piece whole, the others without their header line.
/// Every piece must carry the same header; a piece not ending with a line break gets the
/// first piece's line break, so rows never run together.
pub fn join(pieces: &[(String, Vec<u8>)]) -> Result<Vec<u8>, Failure> {
    let Some((_, first)) = pieces.first() else {
        return Ok(Vec::new());
    };
    let header = header_line(first);
    let newline: &[u8] = if header.ends_with(b"\r\n") {
        b"\r\n"
    } else {
        b"\n"
    };
    let mut out: Vec<u8> = Vec::with_capacity(pieces.iter().map(|(_, p)| p.len()).sum());
    for (i, (url, piece)) in pieces.iter().enumerate() {
        let own = header_line(piece);
        if trim_newline(own) != trim_newline(header) {
            return Err(Failure::new(
                url,
                format!(
                    "piece {} of the Databasfil has another header than the first",
                    i + 1
                ),
                format!(
                    "the header {:?} of the first piece",
                    String::from_utf8_lossy(trim_newline(header))
                ),
            )
            .found(own));
        }
        let body = if i == 0 {
            &piece[..]
        } else {
            &piece[own.len()..]
        };
        if !out.is_empty() && !out.ends_with(b"\n") {
            out.extend_from_slice(newline);
        }
        out.extend_from_slice(body);
    }
    Ok(out)
}

/// The first line including its line break.
fn header_line(bytes: &[u8]) -> &[u8] {
    match bytes.iter().position(|&b| b == b'\n') {
        Some(i) => &bytes[..=i],
        None => bytes,
    }
}

fn trim_newline(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Fails when a file to be written already exists (checked before anything is asked).
pub fn check_free(paths: &[PathBuf]) -> Result<(), Failure> {
    for path in paths {
        if path.exists() {
            return Err(exists(path));
        }
    }
    Ok(())
}

fn exists(path: &Path) -> Failure {
    Failure::new(
        &path.display().to_string(),
        "the file already exists; fetch never replaces a file",
        "no file of today's name: fetch writes one export per day. Move or rename the existing \
         file (its date tells analyze which export is newer), or wait until tomorrow",
    )
}

/// Writes every `(path, bytes)` to a temporary file beside it, then links each into place.
/// When any step fails, what this call created is removed again.
pub fn write_new(files: &[(PathBuf, Vec<u8>)]) -> Result<(), Failure> {
    let tmp: Vec<PathBuf> = files.iter().map(|(p, _)| temp_path(p)).collect();
    let mut placed: Vec<&Path> = Vec::new();
    let result = (|| {
        for ((_, bytes), t) in files.iter().zip(&tmp) {
            std::fs::write(t, bytes).map_err(|e| io_failure(t, &e))?;
        }
        for ((path, _), t) in files.iter().zip(&tmp) {
            // A hard link fails when the name is taken: no existing file is ever replaced.
            std::fs::hard_link(t, path).map_err(|e| match e.kind() {
                ErrorKind::AlreadyExists => exists(path),
                _ => io_failure(path, &e),
            })?;
            placed.push(path);
        }
        Ok(())
    })();
    for t in &tmp {
        let _ = std::fs::remove_file(t);
    }
    if result.is_err() {
        for path in placed {
            let _ = std::fs::remove_file(path);
        }
    }
    result
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

fn io_failure(path: &Path, e: &std::io::Error) -> Failure {
    Failure::new(
        &path.display().to_string(),
        format!("the file cannot be written ({e})"),
        "a writable data folder (--data DIR)",
    )
}

/// Now in UTC as (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SSZ`).
pub fn now_utc() -> (String, String) {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_date(secs / 86_400);
    let t = secs % 86_400;
    let date = format!("{y:04}-{m:02}-{d:02}");
    let time = format!("{date}T{:02}:{:02}:{:02}Z", t / 3600, t / 60 % 60, t % 60);
    (date, time)
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's
/// `civil_from_days`).
pub fn civil_date(days: u64) -> (i64, u32, u32) {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
#[path = "writer_tests.rs"]
mod tests;
