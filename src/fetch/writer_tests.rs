use super::*;

const HEADER: &[u8] = b"Region;Brott;\xc5r;Period;Antal;/100 000 inv\r\n";

fn piece(rows: &[u8]) -> (String, Vec<u8>) {
    ("u".to_owned(), [HEADER, rows].concat())
}

#[test]
fn pieces_are_joined_under_one_header_with_bytes_unchanged() {
    let joined = join(&[
        piece(b"Nordanstig;R\xe5n;\xc5r;2024;3;32;\r\n"),
        piece(b"Hela landet;R\xe5n;\xc5r;2024;7000;66;"),
        piece(b"Ockelbo;R\xe5n;\xc5r;2024;1;17;\r\n"),
    ])
    .unwrap();
    let expected: &[u8] = b"Region;Brott;\xc5r;Period;Antal;/100 000 inv\r\n\
        Nordanstig;R\xe5n;\xc5r;2024;3;32;\r\n\
        Hela landet;R\xe5n;\xc5r;2024;7000;66;\r\n\
        Ockelbo;R\xe5n;\xc5r;2024;1;17;\r\n";
    assert_eq!(joined, expected);
}

#[test]
fn a_piece_with_another_header_is_refused() {
    let other = ("v".to_owned(), b"Region;Brott;Period\n".to_vec());
    let err = join(&[piece(b""), other]).unwrap_err();
    assert_eq!(err.url, "v");
    assert!(err.problem.contains("piece 2"), "{}", err.problem);
}

#[test]
fn days_since_1970_become_calendar_dates() {
    assert_eq!(civil_date(0), (1970, 1, 1));
    assert_eq!(civil_date(11_016), (2000, 2, 29));
    assert_eq!(civil_date(20_786), (2026, 11, 29));
    assert_eq!(civil_date(20_820), (2027, 1, 2));
}

#[test]
fn an_existing_file_is_never_replaced_and_nothing_is_left_behind() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.csv");
    let b = dir.path().join("a.csv.fetch");
    std::fs::write(&b, b"old").unwrap();
    let err = write_new(&[(a.clone(), b"new".to_vec()), (b.clone(), b"new".to_vec())]).unwrap_err();
    assert!(err.problem.contains("already exists"));
    assert_eq!(std::fs::read(&b).unwrap(), b"old");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["a.csv.fetch"]);
    write_new(&[(a.clone(), b"new".to_vec())]).unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), b"new");
    assert!(check_free(&[a]).is_err());
}
