use super::*;
use crate::load::text::{decode, read_text};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn load_fixture(name: &str) -> PoliceEvents {
    let file = read_text(&fixture(name)).expect("fixture");
    assert!(detect(&file.text), "{name}");
    load(&file, 4, &Regions::new()).expect(name)
}

fn count(events: &PoliceEvents, code: &str, event_type: &str, month: &str) -> usize {
    events
        .counts
        .iter()
        .find(|c| c.region_code == code && c.event_type == event_type && c.month == month)
        .map_or(0, |c| c.count)
}

fn error(name: &str, text: &str) -> InputError {
    let file = decode(Path::new(name), text.as_bytes()).expect("text");
    load(&file, 0, &Regions::new()).expect_err(text)
}

#[test]
fn the_json_feed_counts_per_region_type_and_month() {
    let events = load_fixture("polisen_events.json");
    assert_eq!((events.events, events.duplicates), (9, 0));
    assert_eq!(events.counts.len(), 7);
    assert_eq!(count(&events, "2380", "Fylleri/LOB", "2018-12"), 2);
    assert_eq!(count(&events, "2132", "Misshandel, grov", "2018-12"), 1);
    assert_eq!(count(&events, "2132", "Narkotikabrott", "2019-01"), 1);
    assert_eq!(count(&events, "2023", "Olaga hot", "2019-01"), 1);
    let county = events
        .counts
        .iter()
        .find(|c| c.region_code == "21")
        .expect("county kept");
    assert_eq!(
        (county.level, county.region_name.as_str()),
        (Level::County, "Gävleborgs län")
    );
    let codes: Vec<&str> = events
        .counts
        .iter()
        .map(|c| c.region_code.as_str())
        .collect();
    assert_eq!(
        codes,
        ["2023", "21", "2132", "2132", "2132", "2184", "2380"]
    );
    assert_eq!(events.unknown_locations.get("Arlanda"), Some(&1));
    assert_eq!(events.warnings().len(), 1);
    assert!(events.warnings()[0].english().contains("Arlanda (1)"));
}

#[test]
fn the_csv_feed_counts_a_repeated_id_once() {
    let events = load_fixture("polisen_events.csv");
    assert_eq!((events.events, events.duplicates), (6, 1));
    assert_eq!(count(&events, "2132", "Misshandel", "2019-01"), 1);
    assert_eq!(count(&events, "21", "Sammanfattning natt", "2019-01"), 1);
    assert_eq!(events.counts.len(), 5);
    assert_eq!(events.warnings().len(), 2);
    let file = read_text(&fixture("polisen_events.csv")).expect("fixture");
    let read = read_events(&file, 4).expect("events");
    assert_eq!(
        (read[3].id.as_str(), read[3].line, read[3].source),
        ("105482", 5, 4)
    );
    assert_eq!(read[0].event_type, "Misshandel, grov");
}

#[test]
fn duplicates_across_files_are_counted_once() {
    let json = read_text(&fixture("polisen_events.json")).expect("fixture");
    let csv = read_text(&fixture("polisen_events.csv")).expect("fixture");
    let mut all = read_events(&json, 0).expect("json");
    all.extend(read_events(&csv, 1).expect("csv"));
    let events = count_events(&all, &Regions::new());
    assert_eq!((events.events, events.duplicates), (9, 7));
    assert_eq!(count(&events, "2132", "Misshandel", "2019-01"), 1);
}

#[test]
fn bad_events_are_located() {
    let header = "id,datetime,name,summary,url,type,location.name,location.gps\n";
    let e = error(
        "e.csv",
        &format!(
            "{header}1,2019-01-02 08:00,n,s,u,Misshandel,Nordanstig,\n2,igår,n,s,u,Rån,Ale,\n"
        ),
    );
    assert_eq!(
        (e.line, e.column, e.value.as_deref()),
        (Some(3), Some(2), Some("igår"))
    );
    let e = error(
        "e.csv",
        &format!("{header}2,2019-13-02 08:00,n,s,u,Rån,Ale,\n"),
    );
    assert_eq!((e.line, e.column), (Some(2), Some(2)));
    let e = error(
        "e.csv",
        &format!("{header}2,2019-01-02 08:00,n,s,u,,Ale,\n"),
    );
    assert_eq!(
        (e.line, e.column, e.problem.as_str()),
        (Some(2), Some(6), "the event type is empty")
    );
    let e = error(
        "e.csv",
        "id,datetime,name,location.name\n1,2019-01-02,n,Ale\n",
    );
    assert_eq!(
        (e.line, e.problem.as_str()),
        (Some(1), "the header lacks datetime, type or location.name")
    );
    let empty = decode(Path::new("e.csv"), b"id,datetime,type,location.name\n").expect("text");
    assert_eq!(
        load(&empty, 0, &Regions::new()),
        Ok(PoliceEvents::default())
    );
}

#[test]
fn truncated_or_misshapen_json_is_located() {
    let e = error(
        "e.json",
        "[\n  {\"id\": 1, \"datetime\": \"2019-01-02 08:00:00 +01:00\",\n   \"type\": \"Rån\", \"loca",
    );
    assert_eq!(e.line, Some(3));
    assert!(e.problem.contains("ends too early"), "{}", e.problem);
    let e = error(
        "e.json",
        "[\n{\"id\": 1, \"datetime\": \"2019-01-02\", \"location\": {\"name\": \"Ale\"}}\n]",
    );
    assert_eq!(e.line, Some(2));
    assert!(e.problem.contains("missing field `type`"), "{}", e.problem);
    let e = error(
        "e.json",
        "[\n\n{\"id\": 1, \"datetime\": \"x\", \"type\": \"Rån\", \"location\": {\"name\": \"Ale\"}}]",
    );
    assert_eq!((e.line, e.value.as_deref()), (Some(3), Some("x")));
}

#[test]
fn detection_looks_for_the_feed_fields() {
    assert!(detect("id;datetime;type;location_name\n"));
    assert!(!detect("id,datetime,name\n"));
    assert!(!detect("[{\"kpi\": \"N07403\"}]"));
}
