//! The summaries the chart tests draw: a realistic one (Nordanstig 2015–2025, two areas,
//! county and nation, a trend, a series break, a spike, ten kommuner in the funnel) and edge
//! cases (one year; all zero; no county, missing population, no breakdown; no areas).

use super::fixtures::{self, DRUGS, RELATIONSHIP};
use crate::model::Level;
use crate::model::*;

fn relationship() -> AreaSummary {
    let counts = [24, 27, 22, 26, 29, 31, 35, 28, 26, 24, 23];
    let mut a = fixtures::area(
        "relationship",
        "Våld i nära relationer",
        &RELATIONSHIP,
        fixtures::three_levels(&counts, 3),
    );
    a.trend = Trend {
        from: Some(2019),
        to: Some(2025),
        annual_change: Some(-0.041),
        ci_low: Some(-0.093),
        ci_high: Some(0.014),
        line: (2019..=2025)
            .map(|y| {
                let f = 30.5 * 0.959f64.powi(y - 2019);
                TrendPoint {
                    year: y,
                    fitted: f,
                    low: f * 0.84,
                    high: f * 1.19,
                }
            })
            .collect(),
        note: Some("efter seriebrottet 2019-01-01".to_owned()),
        ..a.trend
    };
    a.spikes = vec![2021];
    a.breaks = vec![BreakRef {
        date: "2019-01-01".to_owned(),
        what: "Ny brottskod för misshandel i nära relation".to_owned(),
        source: "Brå".to_owned(),
        splits_trend: true,
        what_en: None,
    }];
    a.pledge_vs_baseline.baseline_count = Some(counts[..8].iter().sum());
    a.pledge_vs_baseline.pledge_years = Some([2023, 2025]);
    a.funnel = funnel();
    a
}

fn drugs() -> AreaSummary {
    let counts = [33, 30, 28, 31, 26, 25, 27, 24, 21, 22, 20];
    let mut a = fixtures::area(
        "drugs",
        "Narkotikabrott",
        &DRUGS,
        fixtures::three_levels(&counts, 4),
    );
    a.police_effort = true;
    a.pledge_vs_baseline.baseline_count = Some(counts[..8].iter().sum());
    a.pledge_vs_baseline.pledge_years = Some([2023, 2025]);
    a.funnel = funnel();
    a.funnel.position = Some(crate::model::FunnelPosition::Below95);
    a
}

/// Gävleborg's ten kommuner over 2023–2025, with limits around the pooled rate.
fn funnel() -> Funnel {
    let kommuner = [
        ("2101", 63, 17_400.0),
        ("2104", 95, 28_500.0),
        ("2121", 101, 34_600.0),
        ("2132", 73, 28_000.0),
        ("2161", 170, 57_000.0),
        ("2180", 905, 310_000.0),
        ("2181", 371, 118_000.0),
        ("2182", 230, 76_000.0),
        ("2183", 231, 78_000.0),
        ("2184", 341, 111_000.0),
    ];
    let target = 294.0;
    let limit = |py: f64, z: f64| {
        let p = target / 1e5;
        (p + z * (p / py).sqrt()) * 1e5
    };
    Funnel {
        kommuner: kommuner.len(),
        position: Some(crate::model::FunnelPosition::Inside95),
        target_rate: Some(target),
        rate: Some(73.0 / 28_000.0 * 1e5),
        tau2: None,
        spread: None,
        points: kommuner
            .iter()
            .map(|(code, count, py)| FunnelPoint {
                code: (*code).to_owned(),
                count: *count,
                person_years: *py,
            })
            .collect(),
        limits: (0..=40)
            .map(|i| {
                let py = 15_000.0 * (350_000.0f64 / 15_000.0).powf(i as f64 / 40.0);
                FunnelLimit {
                    person_years: py,
                    low_998: limit(py, -3.09).max(0.0),
                    low_95: limit(py, -1.96),
                    high_95: limit(py, 1.96),
                    high_998: limit(py, 3.09),
                }
            })
            .collect(),
        note: None,
        notes: Vec::new(),
    }
}

/// The realistic example: Nordanstig 2015–2025, two areas.
pub fn realistic() -> Summary {
    fixtures::summary(vec![relationship(), drugs()], true)
}

fn one_year() -> Summary {
    let k = fixtures::figures(
        "kommun",
        "2132",
        "Nordanstig",
        &[(2024, 27, Some(9_330))],
        &[],
        &fixtures::split_into(3),
    );
    let a = fixtures::area("relationship", "Våld i nära relationer", &RELATIONSHIP, k);
    fixtures::summary(vec![a], false)
}

fn all_zero() -> Summary {
    let mut a = relationship();
    a.years = fixtures::three_levels(&[0; 11], 3);
    a.years.retain(|f| f.level == Level::Kommun);
    a.trend.line.clear();
    a.spikes.clear();
    a.pledge_vs_baseline.baseline_count = Some(0);
    for p in &mut a.funnel.points {
        p.count = 0;
    }
    a.funnel.target_rate = Some(0.0);
    a.funnel.rate = Some(0.0);
    a.funnel.position = None;
    for l in &mut a.funnel.limits {
        *l = FunnelLimit {
            person_years: l.person_years,
            low_998: 0.0,
            low_95: 0.0,
            high_95: 0.0,
            high_998: 0.0,
        };
    }
    fixtures::summary(vec![a], false)
}

/// No county, no trend, one year without population, and no breakdown by crime type.
fn gaps() -> Summary {
    let mut a = drugs();
    a.years.retain(|f| f.level != Level::County);
    for f in &mut a.years {
        if f.year == 2020 || (f.level == Level::Kommun && f.year == 2017) {
            f.population = None;
            f.rate_per_100k = None;
            f.rate_ci = None;
            f.pooled_rate = None;
            f.pooled_rate_ci = None;
            f.index = None;
        }
        f.by_crime = vec![None; DRUGS.len()];
    }
    a.funnel.points.truncate(1);
    a.funnel.limits.clear();
    let mut b = relationship();
    b.years.retain(|f| f.level == Level::Kommun);
    b.years.iter_mut().for_each(|f| {
        f.by_crime[1] = None;
        f.partial = true;
    });
    fixtures::summary(vec![a, b], false)
}

/// Five areas, one with a long title, for the overview's grid.
fn many_areas() -> Summary {
    let mut areas = vec![relationship(), drugs()];
    let titles = [
        (
            "vandalism",
            "Skadegörelse och klotter i centrala Bergsjö, Harmånger och Gnarp",
        ),
        ("burglary", "Bostadsinbrott"),
        ("traffic", "Rattfylleri och trafikbrott"),
    ];
    for (i, (id, title)) in titles.iter().enumerate() {
        let mut a = if i % 2 == 0 { drugs() } else { relationship() };
        a.id = (*id).to_owned();
        a.title = (*title).to_owned();
        areas.push(a);
    }
    fixtures::summary(areas, false)
}

/// Every test summary with a short name.
pub fn all_summaries() -> Vec<(&'static str, Summary)> {
    vec![
        ("realistic", realistic()),
        ("one-year", one_year()),
        ("all-zero", all_zero()),
        ("gaps", gaps()),
        ("no-areas", fixtures::summary(Vec::new(), false)),
        ("many-areas", many_areas()),
    ]
}

/// An area with monthly figures 2021-01 to 2026-08 (2026 preliminary), a control chart by
/// month and the pledge signed in June 2023.
pub fn monthly_area() -> AreaSummary {
    use crate::model::monthly::{Control, Grain, Monthly, PeriodPoint};
    let mut a = drugs();
    a.id = "monthly".to_owned();
    a.title = "Brott i nära relation".to_owned();
    let months: Vec<(i32, u8)> = (2021..=2026)
        .flat_map(|y| (1..=12u8).map(move |m| (y, m)))
        .filter(|&(y, m)| y < 2026 || m <= 8)
        .collect();
    let counts: Vec<u64> = (0..months.len() as u64).map(|i| 1 + (i * 7) % 5).collect();
    let points: Vec<PeriodPoint> = months
        .iter()
        .enumerate()
        .map(|(i, &(year, month))| PeriodPoint {
            region_code: "2132".to_owned(),
            region_name: "Nordanstig".to_owned(),
            year,
            month: Some(month),
            quarter: None,
            preliminary: year == 2026,
            count: Some(counts[i]),
            population: Some(9_330),
            rate_per_100k: None,
            count_ci: None,
            rate_ci: None,
            rolling_12: (i >= 11).then(|| counts[i - 11..=i].iter().sum()),
        })
        .collect();
    let mut m = Monthly::empty(Grain::Month);
    m.first_pledge_month = Some("2023-07".to_owned());
    m.control = Some(Control {
        grain: Grain::Month,
        centre: 3.0,
        lower: 0.0,
        upper: 8.2,
        dispersion: 1.2,
        outside: Vec::new(),
        points: points.clone(),
    });
    m.points = points;
    a.monthly = m;
    a
}
