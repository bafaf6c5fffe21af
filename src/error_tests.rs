//! Unit tests of `src/error.rs`.

use super::*;

#[test]
fn a_long_value_is_quoted_by_its_first_200_characters() {
    let e = InputError::at(Path::new("sol.csv"), 2, Some(1), "bad").value("å".repeat(1000));
    let text = e.to_string();
    assert!(
        text.contains(&format!("found \"{}\"", "å".repeat(200))),
        "{text}"
    );
    assert!(!text.contains(&"å".repeat(201)));
    assert!(
        text.ends_with("(the first 200 of 1000 characters)"),
        "{text}"
    );
}

#[test]
fn a_short_value_is_quoted_whole() {
    let e = InputError::file(Path::new("a"), "bad").value("x".repeat(200));
    assert_eq!(e.value.as_deref(), Some("x".repeat(200).as_str()));
    assert_eq!(e.value_chars, None);
}
