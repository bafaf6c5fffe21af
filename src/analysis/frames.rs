//! The polars part of the analysis: from the canonical table to yearly sums per area, region
//! and year, for every region in the data (kommuner, counties and police regions the export
//! has, the nation) plus the pledge kommun's county as the sum of its kommuner. The two county
//! figures are told apart by [`AreaYear::parts`]; `analysis::comparison` keeps one of them.
//!
//! One lazy pipeline with named expression helpers. A year where every crime type of an area
//! is `..` has no count (null), not zero.

use crate::load::canonical::{Observation, PopulationRow};
use crate::regions::{Level, Regions};
use polars::prelude::*;

/// One area, region and year after aggregation.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaYear {
    /// Area id.
    pub area: String,
    /// Kommun, county or nation.
    pub level: Level,
    /// SCB code.
    pub region_code: String,
    /// The year.
    pub year: i32,
    /// True when any of the summed figures is preliminary.
    pub preliminary: bool,
    /// Sum of the counts; `None` when every cell was `..`.
    pub count: Option<u64>,
    /// Population; `None` when unknown.
    pub population: Option<u64>,
    /// For the county summed from its kommuner: how many kommuner had a figure. `None` for a
    /// row as it came in the data.
    pub parts: Option<u32>,
}

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
pub fn area_years(
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
