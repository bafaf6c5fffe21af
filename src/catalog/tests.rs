//! Unit tests of `src/catalog.rs`.

use super::*;

#[test]
fn stars_match_any_text_and_case_does_not_matter() {
    assert!(matches(
        "Misshandel*parrelation*",
        "Misshandel inkl. grov, mot kvinna 18 år eller äldre, närstående genom parrelation"
    ));
    assert!(matches(
        "grov kvinnofridskränkning",
        "Grov kvinnofridskränkning"
    ));
    assert!(matches(
        "Grov kvinnofridskränkning",
        "0412 - Grov kvinnofridskränkning"
    ));
    assert!(!matches(
        "Grov kvinnofridskränkning",
        "Grov kvinnofridskränkning, försök"
    ));
    assert!(matches("*", "Vad som helst"));
    assert!(!matches(
        "Misshandel*parrelation",
        "Misshandel, parrelation, grov"
    ));
}

#[test]
fn a_crime_matched_by_two_patterns_is_counted_once() {
    let area = Area {
        id: "a".into(),
        title: "A".into(),
        crimes: vec![
            "Misshandel*".into(),
            "*parrelation*".into(),
            "Saknas".into(),
        ],
        trend_from: None,
        promise: None,
        police_effort: false,
        about: None,
        title_en: None,
        promise_en: None,
        about_en: None,
    };
    let labels = vec!["Misshandel, parrelation".to_owned(), "Rån".to_owned()];
    let found = area_crimes(&area, &labels);
    assert_eq!(found.crimes, vec!["Misshandel, parrelation"]);
    assert_eq!(found.unmatched, vec!["Saknas"]);
}
