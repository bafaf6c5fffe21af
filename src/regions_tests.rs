//! Unit tests of `src/regions.rs`.

use super::*;

#[test]
fn a_level_is_serialised_as_its_name_in_the_output_files() {
    for level in [
        Level::Kommun,
        Level::County,
        Level::PoliceRegion,
        Level::Nation,
    ] {
        let json = serde_json::to_string(&level).unwrap();
        assert_eq!(json, format!("\"{}\"", level.as_str()));
        assert_eq!(Level::parse(level.as_str()), Some(level));
    }
}

#[test]
fn names_codes_and_variants_resolve_to_the_same_kommun() {
    let r = Regions::new();
    for label in [
        "2132",
        "Nordanstig",
        "nordanstig kommun",
        "Nordanstigs kommun",
        "\"2132 Nordanstig\"",
    ] {
        assert_eq!(
            r.resolve(label).map(|k| k.code),
            Some("2132".into()),
            "{label}"
        );
    }
    assert_eq!(
        r.resolve("Arjeplogs kommun").map(|k| k.code),
        Some("2506".into())
    );
    assert_eq!(
        r.resolve("Malung–Sälen").map(|k| k.code),
        Some("2023".into())
    );
    assert_eq!(
        r.resolve("Hela landet").map(|k| k.level),
        Some(Level::Nation)
    );
    assert_eq!(
        r.resolve("21 Gävleborgs län").map(|k| k.level),
        Some(Level::County)
    );
    assert_eq!(
        r.resolve("Gävleborgs län").map(|k| k.code),
        Some("21".into())
    );
    assert_eq!(r.county_of("2132").map(|c| c.code), Some("21".into()));
}

#[test]
fn police_regions_resolve_and_hold_their_counties() {
    let r = Regions::new();
    for label in ["Region Mitt", "region mitt", "Polisregion Mitt", "PR-MITT"] {
        let found = r.resolve(label).expect(label);
        assert_eq!(found.level, Level::PoliceRegion, "{label}");
        assert_eq!(found.name, "Region Mitt");
    }
    assert_eq!(
        r.resolve("Region Öst").map(|p| p.code),
        Some("PR-OST".into())
    );
    assert_eq!(
        r.police_region_of("2132").map(|p| p.name),
        Some("Region Mitt".into())
    );
    assert_eq!(r.police_region_counties("PR-MITT"), &["03", "19", "21"]);
    // Every county belongs to exactly one police region.
    let mut counties: Vec<&str> = POLICE_REGIONS
        .iter()
        .flat_map(|p| p.2.iter().copied())
        .collect();
    counties.sort_unstable();
    let before = counties.len();
    counties.dedup();
    assert_eq!((before, counties.len()), (21, 21));
    assert_eq!(Level::parse("police_region"), Some(Level::PoliceRegion));
}

#[test]
fn unknown_names_get_close_suggestions() {
    let r = Regions::new();
    assert_eq!(r.resolve("Nordanstg"), None);
    assert_eq!(r.suggest("Nordanstg")[0], "Nordanstig");
    assert_eq!(r.suggest("Gavlle")[0], "Gävle");
    assert_eq!(r.suggest("2133")[0], "2132 Nordanstig");
    // No known code is one digit off 2199: the numerically closest of those two off.
    assert_eq!(r.suggest("2199 Nowhere")[0], "2184 Hudiksvall");
    // One digit off (2183) comes before a numerically closer code two digits off (2161).
    assert_eq!(r.suggest("2163")[0], "2161 Ljusdal");
    assert_eq!(r.suggest("2173")[0], "2183 Bollnäs");
    assert_eq!(r.suggest("9132").len(), 3);
}

#[test]
fn names_without_diacritics_match_when_they_name_one_kommun() {
    let r = Regions::new();
    for (label, code) in [
        ("Gavle", "2180"),
        ("gavle kommun", "2180"),
        ("Ornskoldsvik", "2284"),
        ("Malung-Salen", "2023"),
        ("Gavleborgs lan", "21"),
    ] {
        assert_eq!(
            r.resolve(label).map(|k| k.code),
            Some(code.into()),
            "{label}"
        );
    }
    // Every kommun is found by its name written without diacritics, except where that
    // is another kommun's own name: "Habo" is Habo, never Håbo.
    let mut taken = Vec::new();
    for k in &r.kommuner {
        let plain = fold(&k.1);
        let found = r.resolve(&plain).map(|f| f.code);
        if found != Some(k.0.clone()) {
            assert!(r.kommuner.iter().any(|o| o.1 == plain), "{plain}");
            taken.push(k.1.as_str());
        }
    }
    assert_eq!(taken, ["Håbo"]);
}
