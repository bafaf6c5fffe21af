use super::*;
use crate::config::Area;

fn pledge(patterns: &[&str]) -> Pledge {
    let regions = Regions::new();
    Pledge {
        region: regions.resolve("2132").unwrap(),
        county: regions.county_of("2132").unwrap(),
        pledge: [2023, 2026],
        baseline: [2019, 2022],
        areas: vec![Area {
            id: "relationship".into(),
            title: "Brott i nära relation".into(),
            crimes: patterns.iter().map(|p| p.to_string()).collect(),
            trend_from: Some(2019),
            promise: None,
            police_effort: false,
            about: None,
            title_en: None,
            promise_en: None,
            about_en: None,
        }],
        sources: Vec::new(),
        signed: None,
    }
}

fn crime(id: &str, name: &str) -> MenuCrime {
    MenuCrime {
        id: id.into(),
        name: name.into(),
        depth: 0,
        group: "0".into(),
        path: id.into(),
    }
}

fn region(id: &str, name: &str) -> MenuRegion {
    MenuRegion {
        id: id.into(),
        name: name.into(),
        parent: "0".into(),
        full_name: name.into(),
    }
}

fn year(id: &str, y: i32) -> MenuPeriod {
    MenuPeriod {
        id: id.into(),
        name: y.to_string(),
        year_id: id.into(),
        full_name: y.to_string(),
        kind: PeriodType::Year,
        year: y,
    }
}

fn menu() -> Menu {
    Menu {
        crimes: vec![
            crime("1", "Totalt antal brott"),
            crime("2", "Grov kvinnofridskränkning"),
            crime(
                "3",
                "Misshandel inkl. grov, mot kvinna 18 år eller äldre, närstående genom parrelation",
            ),
            crime("4", "Rån"),
            crime("2", "Grov kvinnofridskränkning"),
        ],
        regions: vec![
            region("8291", "Hela landet"),
            region("8300", "Region Mitt"),
            region("8301", "Region Stockholm"),
            region("8292", "Stockholms län"),
            region("8295", "Gävleborgs län"),
            region("8372", "Nordanstig kommun"),
            region("8380", "Hudiksvall kommun"),
            region("8390", "Gävle kommun"),
            region("8400", "Stockholm"),
            region("8401", "Stockholm, Rinkeby-Kista"),
        ],
        periods: vec![year("10", 2014), year("11", 2015), year("12", 2016)],
    }
}

#[test]
fn crime_types_are_chosen_with_the_analysis_patterns_once_each() {
    let p = plan(
        &menu(),
        &pledge(&["Grov kvinnofridskränkning", "Misshandel*parrelation*"]),
        &Regions::new(),
        Periodicity::Year,
        2015,
    )
    .unwrap();
    let ids: Vec<&str> = p.crimes.iter().map(|c| c.crime.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "3"]);
    assert!(p.crimes[0].areas.is_empty(), "total crime is context only");
    assert_eq!(p.crimes[2].areas, ["relationship"]);
}

#[test]
fn regions_are_the_kommun_its_neighbours_its_county_and_police_region_and_the_nation() {
    let p = plan(
        &menu(),
        &pledge(&["Rån"]),
        &Regions::new(),
        Periodicity::Year,
        2015,
    )
    .unwrap();
    let got: Vec<(&str, Role)> = p
        .regions
        .iter()
        .map(|r| (r.region.id.as_str(), r.role))
        .collect();
    assert_eq!(
        got,
        [
            ("8372", Role::Kommun),
            ("8390", Role::Comparison),
            ("8380", Role::Comparison),
            ("8295", Role::County),
            ("8300", Role::PoliceRegion),
            ("8291", Role::Nation)
        ]
    );
}

#[test]
fn periods_start_at_the_first_year_asked_for() {
    let p = plan(
        &menu(),
        &pledge(&["Rån"]),
        &Regions::new(),
        Periodicity::Year,
        2015,
    )
    .unwrap();
    let ids: Vec<&str> = p.periods.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["11", "12"]);
    let err = plan(
        &menu(),
        &pledge(&["Rån"]),
        &Regions::new(),
        Periodicity::Month,
        2015,
    )
    .unwrap_err();
    assert_eq!(err, PlanError::NoPeriods(Periodicity::Month, 2015));
    assert_eq!(
        err.to_string(),
        "the menu has no monthly (type 2) periods from 2015"
    );
}

#[test]
fn a_pattern_that_matches_nothing_is_an_error_with_similar_names() {
    let err = plan(
        &menu(),
        &pledge(&["Rån", "Misshandel*barn*"]),
        &Regions::new(),
        Periodicity::Year,
        2015,
    )
    .unwrap_err();
    let PlanError::UnmatchedPattern {
        pattern, similar, ..
    } = &err
    else {
        panic!("{err:?}");
    };
    assert_eq!(pattern, "Misshandel*barn*");
    assert_eq!(similar.len(), 1);
    assert!(err.to_string().contains("matches no crime type"));
}

#[test]
fn a_menu_without_the_pledge_kommun_is_an_error() {
    let mut m = menu();
    m.regions.retain(|r| r.id != "8372");
    let err = plan(
        &m,
        &pledge(&["Rån"]),
        &Regions::new(),
        Periodicity::Year,
        2015,
    )
    .unwrap_err();
    assert_eq!(
        err,
        PlanError::MissingRegion("the pledge kommun", "Nordanstig".into())
    );
}

fn ids(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}{i}")).collect()
}

/// Every (crime, region, period) exactly once across the pieces.
fn covered(pieces: &[Piece]) -> Vec<(String, String, String)> {
    let mut all = Vec::new();
    for p in pieces {
        for c in &p.crimes {
            for r in &p.regions {
                for t in &p.periods {
                    all.push((c.clone(), r.clone(), t.clone()));
                }
            }
        }
    }
    all.sort();
    all
}

#[test]
fn a_small_query_is_one_piece() {
    let pieces = split(&ids("c", 10), &ids("r", 12), &ids("p", 12), MAX_CELLS);
    assert_eq!(pieces.len(), 1);
    assert_eq!(pieces[0].cells(), 2880);
}

#[test]
fn regions_are_grouped_so_that_every_piece_stays_under_the_limit() {
    // 20 types × 12 years × 2 measures = 480 cells per region: 20 regions per piece.
    let (c, r, p) = (ids("c", 20), ids("r", 291), ids("p", 12));
    let pieces = split(&c, &r, &p, MAX_CELLS);
    assert_eq!(pieces.len(), 15);
    assert!(pieces.iter().all(|x| x.cells() <= MAX_CELLS));
    assert_eq!(pieces[0].regions.len(), 20);
    assert_eq!(pieces[14].regions.len(), 11);
    assert_eq!(covered(&pieces).len(), 20 * 291 * 12);
    let mut once = covered(&pieces);
    once.dedup();
    assert_eq!(once.len(), 20 * 291 * 12);
}

#[test]
fn one_region_too_big_is_split_by_period_and_then_by_crime_type() {
    let pieces = split(&ids("c", 600), &ids("r", 2), &ids("p", 30), MAX_CELLS);
    // 600 × 2 = 1200 cells per period: 8 periods per piece, 4 pieces per region.
    assert_eq!(pieces.len(), 8);
    assert!(
        pieces
            .iter()
            .all(|x| x.cells() <= MAX_CELLS && x.regions.len() == 1)
    );
    assert_eq!(covered(&pieces).len(), 600 * 2 * 30);
    let pieces = split(&ids("c", 12_000), &ids("r", 1), &ids("p", 2), MAX_CELLS);
    assert_eq!(pieces.len(), 6);
    assert!(pieces.iter().all(|x| x.cells() <= MAX_CELLS));
    assert_eq!(covered(&pieces).len(), 24_000);
}
