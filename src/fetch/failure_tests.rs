//! Unit tests of `src/fetch/failure.rs`.

use super::*;

#[test]
fn latin1_pages_are_decoded_and_excerpts_are_short() {
    assert_eq!(decode(b"\xc5rsvis\xa0x"), "Årsvis\u{a0}x");
    assert_eq!(decode("Årsvis".as_bytes()), "Årsvis");
    let long = "<p>\n  ord  </p>".repeat(100);
    let e = excerpt(long.as_bytes());
    assert_eq!(e.chars().count(), EXCERPT_CHARS + 1);
    assert!(e.starts_with("<p> ord </p><p> ord"));
}

#[test]
fn the_error_names_the_address_what_came_and_the_way_around() {
    let e = Failure::new("http://x/solwebb", "not a Databasfil", "a Databasfil")
        .found(b"<html>fel</html>")
        .into_input_error();
    let text = e.to_string();
    assert!(
        text.starts_with(
            "http://x/solwebb: not a Databasfil: found \"<html>fel</html>\"; expected a Databasfil"
        ),
        "{text}"
    );
    assert!(text.contains("Using a real export from BRÅ"));
}
