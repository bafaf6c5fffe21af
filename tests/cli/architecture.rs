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
