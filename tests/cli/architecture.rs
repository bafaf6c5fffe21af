//! The code base's own rules that a test can check (issue #14 point 1): renderers read the
//! model, never the analysis.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn renderers_do_not_import_the_analysis() {
    let render = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/render");
    let mut files = Vec::new();
    rust_files(&render, &mut files);
    assert!(files.len() > 10, "found the renderer sources");
    let offenders: Vec<String> = files
        .iter()
        .filter(|f| {
            std::fs::read_to_string(f)
                .expect("read")
                .contains("crate::analysis")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "renderers importing the analysis: {offenders:?}"
    );
}

#[test]
fn the_readme_layout_names_every_module() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README");
    let layout = readme
        .split("## Layout")
        .nth(1)
        .expect("a Layout section in the README");
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let missing: Vec<String> = files
        .iter()
        .map(|f| {
            f.strip_prefix(root)
                .expect("under the crate")
                .to_string_lossy()
                .replace('\\', "/")
        })
        .filter(|f| !f.ends_with("tests.rs"))
        .filter(|f| !layout.contains(f.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "modules missing from the README's Layout (run python3 tools/layout.py): {missing:?}"
    );
}

/// One unit-test convention (issue #14 point 5): a module's unit tests live in a file of their
/// own, `<module>_tests.rs` beside it or `tests.rs` in the module's folder, declared as
/// `#[cfg(test)] mod tests;` — never inline, so a module's file holds only its code.
#[test]
fn unit_tests_live_in_files_of_their_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut inline = Vec::new();
    let mut misnamed = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("read");
        if text.contains("mod tests {") {
            inline.push(f.display().to_string());
        }
        for line in text.lines().filter(|l| l.starts_with("#[path = ")) {
            if !line.ends_with("_tests.rs\"]") {
                misnamed.push(format!("{}: {line}", f.display()));
            }
        }
    }
    assert!(inline.is_empty(), "inline test modules: {inline:?}");
    assert!(
        misnamed.is_empty(),
        "test files not named *_tests.rs: {misnamed:?}"
    );
    let test_files = files
        .iter()
        .filter(|f| f.to_string_lossy().ends_with("tests.rs"))
        .count();
    assert!(test_files > 40, "found the unit-test files ({test_files})");
}
