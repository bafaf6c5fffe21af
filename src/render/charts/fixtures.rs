//! Hand-made summaries for the chart tests: a realistic one (Nordanstig 2015–2025) and small
//! edge cases. The intervals here are rough approximations: they only need to look real.

use crate::model::*;

fn region(code: &str, name: &str) -> RegionRef {
    RegionRef {
        code: code.to_owned(),
        name: name.to_owned(),
    }
}

/// An approximate 95 % interval of a Poisson count (Byar), good enough for fixtures.
fn ci(c: u64) -> [f64; 2] {
    let c = c as f64;
    let lo = if c == 0.0 {
        0.0
    } else {
        c * (1.0 - 1.0 / (9.0 * c) - 1.96 / (3.0 * c.sqrt())).powi(3)
    };
    let c1 = c + 1.0;
    let hi = c1 * (1.0 - 1.0 / (9.0 * c1) + 1.96 / (3.0 * c1.sqrt())).powi(3);
    [lo, hi]
}

/// Yearly figures for one region, with rates, pooled rates and the index filled in.
pub fn figures(
    lvl: &str,
    code: &str,
    name: &str,
    years: &[(i32, u64, Option<u64>)],
    prel: &[i32],
    split: &dyn Fn(u64) -> Vec<Option<u64>>,
) -> Vec<YearFigures> {
    let rate = |c: u64, p: u64| c as f64 / p as f64 * 1e5;
    let base: Vec<f64> = years
        .iter()
        .filter(|(y, _, _)| *y <= 2022)
        .filter_map(|(_, c, p)| p.map(|p| rate(*c, p)))
        .collect();
    let base_mean = base.iter().sum::<f64>() / base.len().max(1) as f64;
    years
        .iter()
        .enumerate()
        .map(|(i, &(year, count, pop))| {
            let pooled = (i > 0 && i + 1 < years.len())
                .then(|| {
                    let w = &years[i - 1..=i + 1];
                    let c: u64 = w.iter().map(|x| x.1).sum();
                    let p: Option<u64> = w.iter().map(|x| x.2).sum();
                    p.map(|p| (rate(c, p), ci(c).map(|v| v / p as f64 * 1e5)))
                })
                .flatten();
            let r = pop.map(|p| rate(count, p));
            YearFigures {
                level: crate::model::Level::parse(lvl).expect("a level name"),
                region_code: code.to_owned(),
                region_name: name.to_owned(),
                year,
                preliminary: prel.contains(&year),
                count: Some(count),
                population: pop,
                rate_per_100k: r,
                count_ci: Some(ci(count)),
                rate_ci: pop.map(|p| ci(count).map(|v| v / p as f64 * 1e5)),
                pooled_rate: pooled.map(|p| p.0),
                pooled_rate_ci: pooled.map(|p| p.1),
                pooled_rate_break: None,
                index: r.filter(|_| base_mean > 0.0).map(|r| r / base_mean * 100.0),
                by_crime: split(count),
                partial: false,
            }
        })
        .collect()
}

fn empty_comparison() -> Comparison {
    Comparison::empty()
}

fn empty_trend() -> Trend {
    Trend::none(Vec::new())
}

fn empty_funnel() -> Funnel {
    Funnel {
        kommuner: 0,
        position: None,
        target_rate: None,
        rate: None,
        tau2: None,
        spread: None,
        points: Vec::new(),
        limits: Vec::new(),
        note: None,
        notes: Vec::new(),
    }
}

/// An area with the given figures and nothing else.
pub fn area(id: &str, title: &str, crimes: &[&str], years: Vec<YearFigures>) -> AreaSummary {
    AreaSummary {
        id: id.to_owned(),
        title: title.to_owned(),
        basket: crimes.iter().map(|c| (*c).to_owned()).collect(),
        left_out: Vec::new(),
        pledge_vs_baseline: empty_comparison(),
        trend: empty_trend(),
        spikes: Vec::new(),
        breaks: Vec::new(),
        funnel: empty_funnel(),
        surroundings: Vec::new(),
        verdict: Verdict::NoDetectableChange,
        without_preliminary: None,
        monthly: crate::model::monthly::Monthly::empty(crate::model::monthly::Grain::Year),
        comparison: Some(crate::model::comparison::ComparisonRegion {
            level: crate::model::comparison::ComparisonLevel::County,
            code: "21".to_owned(),
            name: "Gävleborgs län".to_owned(),
            source: crate::model::comparison::ComparisonSource::SumOfKommuner,
            kommuner: Some(crate::model::comparison::KommunCount {
                present: 10,
                total: 10,
            }),
        }),
        nested: Vec::new(),
        promise: None,
        police_effort: false,
        about: None,
        crimes: crimes.iter().map(|c| (*c).to_owned()).collect(),
        unmatched_patterns: Vec::new(),
        years,
        title_en: None,
        promise_en: None,
        about_en: None,
    }
}

/// A summary of Nordanstig with the given areas.
pub fn summary(areas: Vec<AreaSummary>, example_data: bool) -> Summary {
    Summary {
        region: region("2132", "Nordanstig"),
        example_data,
        pledge: [2023, 2026],
        baseline: [2015, 2022],
        latest_year: Some(2025),
        areas,
        county: region("21", "Gävleborgs län"),
        sources: Vec::new(),
        revisions: Vec::new(),
        warnings: Vec::new(),
        total_crime: Vec::new(),
        police_events: Vec::new(),
        method: Method::standard(),
        publication: crate::model::Publication {
            report_date: Some("2026-03-26".to_owned()),
            date_from: crate::model::DateFrom::NewestExport,
            export_file: None,
            export_date: None,
            next: Vec::new(),
        },
    }
}

/// Relationship crime types, as Brå labels them.
pub const RELATIONSHIP: [&str; 3] = [
    "Misshandel inkl. grov, mot kvinna 18 år eller äldre, närstående genom parrelation",
    "Misshandel inkl. grov, mot man 18 år eller äldre, närstående genom parrelation",
    "Grov kvinnofridskränkning",
];

/// Drug crime types.
pub const DRUGS: [&str; 4] = [
    "Narkotikabrott, eget bruk",
    "Narkotikabrott, innehav",
    "Narkotikabrott, överlåtelse m.m.",
    "Narkotikabrott, försäljning och smuggling",
];

/// Splits a count into `n` parts in fixed shares (the last part takes the rest).
pub fn split_into(n: usize) -> impl Fn(u64) -> Vec<Option<u64>> {
    move |c| {
        let shares = [0.5, 0.25, 0.15, 0.1];
        let mut left = c;
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let part = if i + 1 == n {
                left
            } else {
                ((c as f64 * shares[i % 4]).round() as u64).min(left)
            };
            left -= part;
            out.push(Some(part));
        }
        out
    }
}

/// Three levels of figures for an area over 2015–2025 from the kommun's counts.
pub fn three_levels(counts: &[u64], crimes: usize) -> Vec<YearFigures> {
    let split = split_into(crimes);
    let none = |_: u64| Vec::new();
    let pops = [
        9_600u64, 9_550, 9_530, 9_490, 9_450, 9_420, 9_400, 9_380, 9_350, 9_330, 9_310,
    ];
    let row = |scale: u64, pop_scale: u64, wiggle: u64| -> Vec<(i32, u64, Option<u64>)> {
        (0..counts.len())
            .map(|i| {
                let c = counts[i] * scale + (i as u64 * wiggle) % (scale / 3 + 1);
                (2015 + i as i32, c, Some(pops[i % pops.len()] * pop_scale))
            })
            .collect()
    };
    let k: Vec<_> = row(1, 1, 0);
    let prel = [2025];
    let mut v = figures("kommun", "2132", "Nordanstig", &k, &prel, &split);
    v.extend(figures(
        "county",
        "21",
        "Gävleborgs län",
        &row(26, 30, 7),
        &prel,
        &none,
    ));
    v.extend(figures(
        "nation",
        "00",
        "Riket",
        &row(880, 1100, 13),
        &prel,
        &none,
    ));
    v
}
