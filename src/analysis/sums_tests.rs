//! Unit tests of `src/analysis/sums.rs`: the plain sums against the polars pipeline they
//! replaced (kept here as the reference), on the example data, the small national file, the
//! comparison fixtures and rows made to hit every edge (`..` cells, missing populations,
//! preliminary years, a county with and without its own rows).

use super::*;
use crate::load::canonical::{Observation, PopulationRow};
use crate::load::{Dataset, LoadOptions, load_dir};
use crate::regions::Regions;
use polars::prelude::*;
use std::path::Path;

/// The sum of `count`, or null when every value in the group is null.
fn summed_count() -> Expr {
    when(col("count").count().gt(lit(0)))
        .then(col("count").sum())
        .otherwise(lit(NULL))
        .cast(DataType::UInt64)
        .alias("count")
}

/// True when any figure in the group is preliminary.
fn any_preliminary() -> Expr {
    col("preliminary").any(true).alias("preliminary")
}

/// The sum of the population of the regions with a count, or null when any is unknown.
fn summed_population() -> Expr {
    let counted = col("population").filter(col("count").is_not_null());
    when(counted.clone().null_count().gt(lit(0)))
        .then(lit(NULL))
        .otherwise(counted.sum())
        .cast(DataType::UInt64)
        .alias("population")
}

fn observations_frame(obs: &[Observation]) -> PolarsResult<DataFrame> {
    df!(
        "region_code" => obs.iter().map(|o| o.region_code.as_str()).collect::<Vec<_>>(),
        "level" => obs.iter().map(|o| o.level.as_str()).collect::<Vec<_>>(),
        "crime" => obs.iter().map(|o| o.crime.as_str()).collect::<Vec<_>>(),
        "year" => obs.iter().map(|o| o.year).collect::<Vec<_>>(),
        "preliminary" => obs.iter().map(|o| o.preliminary).collect::<Vec<_>>(),
        "count" => obs.iter().map(|o| o.count).collect::<Vec<_>>(),
    )
}

fn population_frame(pop: &[PopulationRow]) -> PolarsResult<DataFrame> {
    df!(
        "region_code" => pop.iter().map(|p| p.region_code.as_str()).collect::<Vec<_>>(),
        "year" => pop.iter().map(|p| p.year).collect::<Vec<_>>(),
        "population" => pop.iter().map(|p| p.population).collect::<Vec<_>>(),
    )
}

/// `(area id, crime label)` pairs: which crime types make up each area.
fn area_map_frame(pairs: &[(String, String)]) -> PolarsResult<DataFrame> {
    df!(
        "area" => pairs.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(),
        "crime" => pairs.iter().map(|p| p.1.as_str()).collect::<Vec<_>>(),
    )
}

fn county_map_frame(obs: &[Observation], regions: &Regions) -> PolarsResult<DataFrame> {
    let mut codes: Vec<&str> = obs
        .iter()
        .filter(|o| o.level == Level::Kommun)
        .map(|o| o.region_code.as_str())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let counties: Vec<String> = codes
        .iter()
        .map(|c| regions.county_of(c).map_or_else(String::new, |r| r.code))
        .collect();
    df!("region_code" => codes, "county_code" => counties)
}

/// The number of kommuner with a figure in a summed group.
fn kommuner_counted() -> Expr {
    col("count").count().cast(DataType::UInt32).alias("parts")
}

/// Yearly sums per area for every region in the data (levels as in the data), plus the county
/// `county_code` as the sum of its kommuner present in the data (rows with `parts`), sorted
/// by area, level, region, year, and the export's row before the sum.
fn polars_area_years(
    obs: &[Observation],
    population: &[PopulationRow],
    area_map: &[(String, String)],
    regions: &Regions,
    county_code: &str,
) -> PolarsResult<Vec<AreaYear>> {
    let keys = [col("area"), col("level"), col("region_code"), col("year")];
    let by_region = observations_frame(obs)?
        .lazy()
        .join(
            area_map_frame(area_map)?.lazy(),
            [col("crime")],
            [col("crime")],
            JoinArgs::new(JoinType::Inner),
        )
        .group_by(keys.clone())
        .agg([summed_count(), any_preliminary()])
        .with_column(lit(NULL).cast(DataType::UInt32).alias("parts"))
        .join(
            population_frame(population)?.lazy(),
            [col("region_code"), col("year")],
            [col("region_code"), col("year")],
            JoinArgs::new(JoinType::Left),
        );
    let county = by_region
        .clone()
        .filter(col("level").eq(lit(Level::Kommun.as_str())))
        .join(
            county_map_frame(obs, regions)?.lazy(),
            [col("region_code")],
            [col("region_code")],
            JoinArgs::new(JoinType::Inner),
        )
        .filter(col("county_code").eq(lit(county_code)))
        .group_by([col("area"), col("year")])
        .agg([
            summed_count(),
            any_preliminary(),
            summed_population(),
            kommuner_counted(),
        ])
        .with_columns([
            lit(Level::County.as_str()).alias("level"),
            lit(county_code).alias("region_code"),
        ]);
    let columns = [
        col("area"),
        col("level"),
        col("region_code"),
        col("year"),
        col("preliminary"),
        col("count").cast(DataType::UInt64),
        col("population").cast(DataType::UInt64),
        col("parts"),
    ];
    let all = concat(
        [by_region.select(columns.clone()), county.select(columns)],
        UnionArgs::default(),
    )?
    .sort(
        ["area", "level", "region_code", "year", "parts"],
        SortMultipleOptions::default().with_nulls_last(false),
    )
    .collect()?;
    rows(&all)
}

fn rows(df: &DataFrame) -> PolarsResult<Vec<AreaYear>> {
    let area = df.column("area")?.str()?;
    let level = df.column("level")?.str()?;
    let code = df.column("region_code")?.str()?;
    let year = df.column("year")?.i32()?;
    let prel = df.column("preliminary")?.bool()?;
    let count = df.column("count")?.u64()?;
    let pop = df.column("population")?.u64()?;
    let parts = df.column("parts")?.u32()?;
    let mut out = Vec::with_capacity(df.height());
    for i in 0..df.height() {
        let level = level.get(i).and_then(Level::parse).unwrap_or(Level::Kommun);
        out.push(AreaYear {
            area: area.get(i).unwrap_or_default().to_owned(),
            level,
            region_code: code.get(i).unwrap_or_default().to_owned(),
            year: year.get(i).unwrap_or_default(),
            preliminary: prel.get(i).unwrap_or(false),
            count: count.get(i),
            population: pop.get(i),
            parts: parts.get(i),
        });
    }
    Ok(out)
}

/// The plain sums and the polars pipeline over the same rows, for one area map and county.
fn assert_same(obs: &[Observation], pop: &[PopulationRow], map: &[(String, String)], county: &str) {
    let regions = Regions::new();
    let index = DatasetIndex::of_rows(obs, pop, &regions).expect("index");
    let plain = area_years(&index, map, county);
    let reference = polars_area_years(obs, pop, map, &regions, county).expect("polars");
    assert!(!reference.is_empty() || map.is_empty() || obs.is_empty());
    assert_eq!(plain, reference, "county {county}, areas {map:?}");
}

/// Two overlapping areas over the data's labels (one crime type in both, one label the data
/// lacks), summed for the counties the data has kommuner in and one it has none of.
fn assert_same_for_every_county(data: &Dataset) {
    let labels = data.labels();
    let mut map: Vec<(String, String)> = Vec::new();
    for (i, label) in labels.all.iter().enumerate() {
        if i % 2 == 0 {
            map.push(("b_area".into(), label.clone()));
        }
        if i % 3 == 0 {
            map.push(("a_area".into(), label.clone()));
        }
    }
    map.push(("a_area".into(), "Ingen sådan brottstyp".into()));
    let regions = Regions::new();
    let mut counties: Vec<String> = data
        .observations
        .iter()
        .filter_map(|o| regions.county_of(&o.region_code).map(|c| c.code))
        .collect();
    counties.sort();
    counties.dedup();
    assert!(!counties.is_empty());
    counties.push("03".into());
    for county in &counties {
        assert_same(&data.observations, &data.population, &map, county);
    }
}

fn folder(name: &str) -> Dataset {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    load_dir(&dir, &Regions::new(), &LoadOptions::default()).expect("data")
}

#[test]
fn the_sums_equal_the_polars_pipeline_on_the_example_data() {
    assert_same_for_every_county(&folder("data"));
}

#[test]
fn the_sums_equal_the_polars_pipeline_on_the_small_national_file() {
    // Without expected_totals.json, which is no export.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/national_small");
    let dir = tempfile::tempdir().expect("temp dir");
    for name in [
        "bra_sol_national_2026-03-26.csv",
        "scb_folkmangd_1996-2025.csv",
    ] {
        std::fs::copy(fixture.join(name), dir.path().join(name)).expect("copy");
    }
    let data = load_dir(dir.path(), &Regions::new(), &LoadOptions::default()).expect("data");
    assert!(data.observations.len() > 10_000, "every row kept");
    assert_same_for_every_county(&data);
}

#[test]
fn the_sums_equal_the_polars_pipeline_on_the_comparison_and_verdict_fixtures() {
    for name in [
        "comparison/county_rows_stop",
        "comparison/kommun_missing",
        "comparison/police_region",
        "comparison/sum_of_kommuner",
        "comparison/with_county_rows",
        "verdicts/missing_population",
        "verdicts/one_year",
        "nested",
        "monthly",
    ] {
        assert_same_for_every_county(&folder(&format!("tests/fixtures/{name}")));
    }
}

/// A yearly row of one crime type (the region's name is its code; 2025 preliminary).
pub(in crate::analysis) fn row(
    level: Level,
    code: &str,
    crime: &str,
    year: i32,
    count: Option<u64>,
) -> Observation {
    Observation {
        region_code: code.into(),
        region_name: code.into(),
        level,
        crime: crime.into(),
        year,
        period: crate::load::canonical::Period::Year,
        preliminary: year == 2025,
        count,
        source: 0,
        line: 1,
        derived: false,
    }
}

/// A population row.
pub(in crate::analysis) fn people(code: &str, year: i32, population: u64) -> PopulationRow {
    PopulationRow {
        region_code: code.into(),
        year,
        population,
        source: 0,
    }
}

/// Gävleborg's kommuner with `..` cells, a year with every cell `..`, a kommun without a
/// population in one year, a gap year, preliminary 2025, the county's own rows in some years,
/// and a kommun of another county.
fn edge_rows() -> (Vec<Observation>, Vec<PopulationRow>) {
    let mut obs = Vec::new();
    for (code, base) in [("2132", 40), ("2101", 30), ("2180", 900), ("2583", 55)] {
        for year in [2019, 2020, 2022, 2023, 2024, 2025] {
            let dots = (year == 2020 && code == "2101") || year == 2022;
            let count = (!dots).then_some(base + year as u64 % 7);
            obs.push(row(Level::Kommun, code, "Misshandel", year, count));
            obs.push(row(Level::Kommun, code, "Olaga hot", year, Some(base / 2)));
        }
    }
    for year in [2019, 2020] {
        obs.push(row(Level::County, "21", "Misshandel", year, Some(5_000)));
    }
    obs.push(row(Level::Nation, "00", "Misshandel", 2023, None));
    let mut pop = Vec::new();
    for code in ["2132", "2101", "2180", "2583", "21"] {
        for year in 2019..=2025 {
            if !(code == "2180" && year == 2024) {
                pop.push(people(code, year, 9_000 + year as u64));
            }
        }
    }
    (obs, pop)
}

#[test]
fn the_sums_equal_the_polars_pipeline_at_every_edge() {
    let (obs, pop) = edge_rows();
    let map = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, c)| ((*a).into(), (*c).into()))
            .collect()
    };
    let both = map(&[("z", "Misshandel"), ("z", "Olaga hot"), ("a", "Misshandel")]);
    for county in ["21", "25", "01"] {
        assert_same(&obs, &pop, &both, county);
        assert_same(&obs, &pop, &map(&[("only", "Olaga hot")]), county);
    }
    assert_same(&obs, &pop, &[], "21");
    assert_same(&[], &pop, &both, "21");
}

#[test]
fn a_county_sum_counts_the_kommuner_with_a_figure_and_needs_every_population() {
    let (obs, pop) = edge_rows();
    let regions = Regions::new();
    let index = DatasetIndex::of_rows(&obs, &pop, &regions).expect("index");
    let map = vec![("a".to_owned(), "Misshandel".to_owned())];
    let rows = area_years(&index, &map, "21");
    let sum = |year: i32| {
        rows.iter()
            .find(|r| r.year == year && r.parts.is_some())
            .expect("a county sum")
    };
    // 2020: 2101 is `..`; the other two Gävleborg kommuner are summed (2583 is in Norrbotten).
    assert_eq!(sum(2020).parts, Some(2));
    assert_eq!(sum(2020).count, Some(40 + 4 + 900 + 4));
    assert_eq!(sum(2020).population, Some(2 * 11_020));
    // 2022: every cell `..`: no count, no kommun counted.
    assert_eq!((sum(2022).count, sum(2022).parts), (None, Some(0)));
    // 2024: 2180 has no population, so the county's is unknown.
    assert_eq!(sum(2024).population, None);
    assert!(sum(2025).preliminary && !sum(2024).preliminary);
    // The export's county row comes before the sum of the same year.
    let first = rows.iter().position(|r| r.level == Level::County).unwrap();
    assert_eq!((rows[first].year, rows[first].parts), (2019, None));
    assert_eq!(
        (rows[first + 1].year, rows[first + 1].parts),
        (2019, Some(3))
    );
}
