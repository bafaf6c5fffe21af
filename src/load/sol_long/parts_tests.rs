//! Joining the ranges of a file gives what absorbing them one by one gives: the same rows, and
//! the same first error when a key comes twice across ranges or a range failed.

use super::super::{Parser, SolLong};
use crate::error::InputError;
use crate::regions::Regions;
use std::path::Path;

const HEADER: &str = "Region;Brott;År;Period;Antal;/100 000 inv";

/// Each range's lines (numbered on from 2) read by its own copy of a parser past the header.
fn ranges<'r>(regions: &'r Regions, ranges: &[&[&str]]) -> (Parser<'r>, Vec<SolLong>) {
    let mut parser = Parser::new(Path::new("x.csv"), 0, regions, None);
    parser.line(1, HEADER).unwrap();
    let mut line_no = 1;
    let parts = ranges
        .iter()
        .map(|lines| {
            let mut worker = parser.clone();
            for line in *lines {
                line_no += 1;
                worker.line(line_no, line).unwrap();
            }
            worker.take_part()
        })
        .collect();
    (parser, parts)
}

/// The result of [`Parser::absorb_all`] and of [`Parser::absorb`] range by range.
fn both(parser: &Parser, parts: Vec<Result<SolLong, InputError>>) -> [Result<SolLong, String>; 2] {
    let one_by_one = |mut p: Parser, parts: Vec<Result<SolLong, InputError>>| {
        for part in parts {
            p.absorb(part?)?;
        }
        p.finish()
    };
    let copy = |parts: &[Result<SolLong, InputError>]| parts.to_vec();
    let mut joined = parser.clone();
    let joined = joined
        .absorb_all(copy(&parts))
        .and_then(|()| joined.finish());
    let one = one_by_one(parser.clone(), parts);
    [
        joined.map_err(|e| e.to_string()),
        one.map_err(|e| e.to_string()),
    ]
}

fn same(a: &SolLong, b: &SolLong) {
    assert_eq!(a.observations, b.observations);
    assert_eq!(a.rows_read, b.rows_read);
    assert_eq!(a.helar_lines, b.helar_lines);
}

#[test]
fn ranges_without_a_repeated_key_are_joined_as_absorbed() {
    let regions = Regions::new();
    let (parser, parts) = ranges(
        &regions,
        &[
            &[
                "Nordanstig;Stöld;År;2020;5;1;",
                "Nordanstig;Stöld;År;2021;6;1;",
            ],
            &[
                "Nordanstig;Stöld;2022;Helår;7;1;",
                "Gävle;Stöld;År;2020;50;1;",
            ],
            &["Gävle;Stöld;År;2021;..;1;"],
        ],
    );
    let [joined, one] = both(&parser, parts.into_iter().map(Ok).collect());
    let (joined, one) = (joined.unwrap(), one.unwrap());
    same(&joined, &one);
    assert_eq!(joined.observations.len(), 5);
    assert_eq!(joined.helar_lines.len(), 1);
}

#[test]
fn a_key_twice_across_ranges_is_found_as_when_absorbed_one_by_one() {
    let regions = Regions::new();
    let (parser, parts) = ranges(
        &regions,
        &[
            &["Nordanstig;Stöld;År;2020;5;1;"],
            &["Gävle;Stöld;År;2020;50;1;", "Nordanstig;Stöld;År;2020;5;1;"],
            &["Nordanstig;Stöld;År;2020;9;1;"],
        ],
    );
    let [joined, one] = both(&parser, parts.into_iter().map(Ok).collect());
    let (joined, one) = (joined.unwrap_err(), one.unwrap_err());
    assert_eq!(joined, one);
    assert!(joined.contains("x.csv:5:"), "{joined}");
}

#[test]
fn a_failed_range_stops_the_join_where_it_stops_the_one_by_one_absorb() {
    let regions = Regions::new();
    let (parser, parts) = ranges(
        &regions,
        &[
            &["Nordanstig;Stöld;År;2020;5;1;"],
            &["Gävle;Stöld;År;2020;50;1;"],
            &["Nordanstig;Stöld;År;2020;9;1;"],
        ],
    );
    let mut parts: Vec<_> = parts.into_iter().map(Ok).collect();
    parts[1] = Err(InputError::at(Path::new("x.csv"), 3, Some(1), "a bad line"));
    let [joined, one] = both(&parser, parts);
    assert_eq!(joined.unwrap_err(), one.unwrap_err());
}

/// A region met in two ranges away from their border (an export not sorted by region), its
/// key given twice with one count: only the rows of such regions are compared, and the
/// repeated row is left out as the one-by-one absorb leaves it out.
#[test]
fn a_repeated_key_of_a_region_met_again_further_on_is_found() {
    let regions = Regions::new();
    let (parser, parts) = ranges(
        &regions,
        &[
            &[
                "Nordanstig;Stöld;År;2020;5;1;",
                "Gävle;Stöld;År;2020;50;1;",
                "Hudiksvall;Stöld;År;2020;20;1;",
            ],
            &["Sandviken;Stöld;År;2020;30;1;"],
            &[
                "Ljusdal;Stöld;År;2020;10;1;",
                "Nordanstig;Rån;År;2020;1;1;",
                "Nordanstig;Stöld;År;2020;5;1;",
            ],
        ],
    );
    let [joined, one] = both(&parser, parts.into_iter().map(Ok).collect());
    let (joined, one) = (joined.unwrap(), one.unwrap());
    same(&joined, &one);
    assert_eq!(joined.observations.len(), 6);
}
