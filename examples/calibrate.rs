//! Calibration of the verdicts by simulation (issue #11, `docs/methods.md` § Calibration).
//!
//! Runs the library's own decision code — `analysis::basket`, `analysis::trend`,
//! `analysis::compare` and `analysis::verdict::adjust_tests`, with the shipped thresholds —
//! on data simulated with no real change (and once with a real change, for power), and
//! prints how often a change is claimed. Seeded, so every run prints the same table:
//!
//! ```text
//! cargo run --example calibrate            # 2 000 runs per scenario
//! cargo run --example calibrate -- 500     # quicker
//! ```

use brottstrend::analysis::{basket, compare, thresholds, trend, verdict};
use brottstrend::load::canonical::Observation;
use brottstrend::model::{Method, Verdict, YearFigures};
use brottstrend::regions::Level;

/// SplitMix64: small, seeded, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform on (0, 1).
    fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
    fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }
    /// Gamma(shape, 1) by Marsaglia & Tsang (2000).
    fn gamma(&mut self, shape: f64) -> f64 {
        if shape < 1.0 {
            return self.gamma(shape + 1.0) * self.uniform().powf(1.0 / shape);
        }
        let d = shape - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        loop {
            let x = self.normal();
            let v = (1.0 + c * x).powi(3);
            if v > 0.0 && self.uniform().ln() < 0.5 * x * x + d - d * v + d * v.ln() {
                return d * v;
            }
        }
    }
    /// Poisson(mean) by sequential inversion (means here are below a few hundred).
    fn poisson(&mut self, mean: f64) -> u64 {
        if mean <= 0.0 {
            return 0;
        }
        if mean > 500.0 {
            return (mean + mean.sqrt() * self.normal()).round().max(0.0) as u64;
        }
        let (mut k, mut p, u) = (0u64, (-mean).exp(), self.uniform());
        let mut cdf = p;
        while u > cdf && k < 10_000 {
            k += 1;
            p *= mean / k as f64;
            cdf += p;
        }
        k
    }
    /// A count with mean `mean` and variance φ·mean (gamma–Poisson; φ = 1 is Poisson).
    fn count(&mut self, mean: f64, phi: f64) -> u64 {
        if phi <= 1.0 {
            return self.poisson(mean);
        }
        let lambda = self.gamma(mean / (phi - 1.0)) * (phi - 1.0);
        self.poisson(lambda)
    }
}

const PLEDGE: [i32; 2] = [2023, 2026];
const BASELINE: [i32; 2] = [2019, 2022];

fn year(year: i32, count: u64, population: u64) -> YearFigures {
    YearFigures {
        level: brottstrend::model::Level::Kommun,
        region_code: "2132".into(),
        region_name: "Nordanstig".into(),
        year,
        preliminary: false,
        count: Some(count),
        population: Some(population),
        rate_per_100k: None,
        count_ci: None,
        rate_ci: None,
        pooled_rate: None,
        pooled_rate_ci: None,
        pooled_rate_break: None,
        index: None,
        partial: false,
        by_crime: Vec::new(),
    }
}

/// One simulated area: years `from..=2025` with the given mean per year.
fn simulate(
    rng: &mut Rng,
    from: i32,
    mean: impl Fn(i32) -> f64,
    phi: f64,
    pop: u64,
) -> Vec<YearFigures> {
    (from..=2025)
        .map(|y| year(y, rng.count(mean(y), phi), pop))
        .collect()
}

/// Comparison and trend of one area, as the analysis computes them (no breaks).
fn tests(
    years: &[YearFigures],
    method: &Method,
) -> (brottstrend::model::Comparison, brottstrend::model::Trend) {
    let refs: Vec<&YearFigures> = years.iter().collect();
    let plan = trend::plan(None, &[], &["x".to_owned()], None);
    let (t, _) = trend::trend(&refs, &plan, method);
    let c = compare::compare(&refs, PLEDGE, BASELINE, &[], &[], method);
    (c, t)
}

fn verdicts(areas: Vec<Vec<YearFigures>>) -> Vec<Verdict> {
    let mut method = thresholds::DEFAULT;
    let mut results: Vec<_> = areas.iter().map(|a| tests(a, &method)).collect();
    let mut pairs: Vec<_> = results.iter_mut().map(|(c, t)| (c, t)).collect();
    verdict::adjust_tests(&mut pairs, &mut method)
}

fn is_clear(v: Verdict) -> bool {
    matches!(v, Verdict::ClearIncrease | Verdict::ClearDecrease)
}

fn claims(v: Verdict) -> bool {
    !matches!(v, Verdict::NoDetectableChange | Verdict::CannotAssess)
}

fn claims_increase(v: Verdict) -> bool {
    matches!(v, Verdict::ClearIncrease | Verdict::PossibleIncrease)
}

/// φ = 2, no change: two areas like the shipped ones (drugs ~32 a year from 2015,
/// relationship ~23 a year from 2019).
fn overdispersed(rng: &mut Rng, runs: usize) -> (f64, f64) {
    let (mut clear, mut any) = (0usize, 0usize);
    for _ in 0..runs {
        let drugs = simulate(rng, 2015, |_| 32.0, 2.0, 9450);
        let rel = simulate(rng, 2019, |_| 23.0, 2.0, 9450);
        let v = verdicts(vec![drugs, rel]);
        clear += v.iter().filter(|v| is_clear(**v)).count();
        any += usize::from(v.iter().any(|v| claims(*v)));
    }
    (clear as f64 / (2 * runs) as f64, any as f64 / runs as f64)
}

/// A new offence inside the baseline (barnfridsbrott from July 2021) in a kommun of 40 000,
/// no real change: the basket leaves it out.
fn new_offence(rng: &mut Rng, runs: usize) -> (f64, f64) {
    let pop = 40_000u64;
    let crimes = vec!["Misshandel".to_owned(), "Barnfridsbrott".to_owned()];
    let (mut any, mut ratios) = (0usize, Vec::new());
    for _ in 0..runs {
        let mut own = Vec::new();
        for y in 2015..=2025 {
            let base = rng.poisson(100.0);
            let new = match y {
                ..2021 => None,
                2021 => Some(rng.poisson(10.0)),
                _ => Some(rng.poisson(20.0)),
            };
            own.push(obs("Misshandel", y, Some(base)));
            own.push(obs("Barnfridsbrott", y, new));
        }
        let b = basket::basket(&own, &crimes, BASELINE[0], PLEDGE, BASELINE);
        let years: Vec<YearFigures> = (2015..=2025)
            .map(|y| {
                let sum = own
                    .iter()
                    .filter(|o| o.year == y && b.crimes.contains(&o.crime))
                    .filter_map(|o| o.count)
                    .sum();
                year(y, sum, pop)
            })
            .collect();
        let mut method = thresholds::DEFAULT;
        let (mut c, mut t) = tests(&years, &method);
        let v = verdict::adjust_tests(&mut [(&mut c, &mut t)], &mut method);
        any += usize::from(claims(v[0]));
        ratios.extend(c.rate_ratio);
    }
    ratios.sort_by(f64::total_cmp);
    (any as f64 / runs as f64, ratios[ratios.len() / 2])
}

fn obs(crime: &str, year: i32, count: Option<u64>) -> Observation {
    Observation {
        region_code: "2132".into(),
        region_name: "Nordanstig".into(),
        level: Level::Kommun,
        crime: crime.into(),
        year,
        period: brottstrend::load::canonical::Period::Year,
        preliminary: false,
        count,
        source: 0,
        line: 1,
        derived: false,
    }
}

/// Power: relationship crimes +50 % from 2023 at Nordanstig's size (≈ 21 a year before),
/// with the drug area (no change) beside it, so Holm adjusts over two areas.
fn power(rng: &mut Rng, runs: usize, phi: f64) -> f64 {
    let mut hit = 0usize;
    for _ in 0..runs {
        let rel = simulate(
            rng,
            2019,
            |y| if y >= 2023 { 31.5 } else { 21.0 },
            phi,
            9450,
        );
        let drugs = simulate(rng, 2015, |_| 32.0, phi, 9450);
        let v = verdicts(vec![rel, drugs]);
        hit += usize::from(claims_increase(v[0]));
    }
    hit as f64 / runs as f64
}

/// A funnel of 5 kommuner whose true rates differ with log-sd 0.2 and nothing unusual:
/// how often the raw exact 95 % limits (target from the other four) flag the pledge kommun,
/// and how often the report does (no position below `min_funnel_kommuner` kommuner).
fn funnel(rng: &mut Rng, runs: usize) -> (f64, f64) {
    use brottstrend::stats::funnel::{FunnelPoint, funnel_position, target_rate};
    let pops = [28_353.0, 60_000.0, 45_000.0, 120_000.0, 35_000.0];
    let mut raw = 0usize;
    for _ in 0..runs {
        let points: Vec<FunnelPoint> = pops
            .iter()
            .map(|p| {
                let rate = 300e-5 * (0.2 * rng.normal()).exp();
                FunnelPoint {
                    observed: rng.poisson(rate * p) as f64,
                    population: *p,
                }
            })
            .collect();
        let Some(target) = target_rate(&points[1..]) else {
            continue;
        };
        let pos = funnel_position(points[0].observed, points[0].population, target, None);
        raw += usize::from(!matches!(pos.as_str(), "inside_95"));
    }
    let shown = if pops.len() < thresholds::MIN_FUNNEL_KOMMUNER {
        0.0
    } else {
        raw as f64 / runs as f64
    };
    (raw as f64 / runs as f64, shown)
}

/// A funnel of `k` kommuner, nothing unusual: true rates 250 per 100 000 person-years times
/// exp(sd·N(0,1)), pledge-period person-years 3·exp(ln 15 000 + N(0,1)) (kommuner from a few
/// thousand to a few hundred thousand inhabitants). Each of the first (up to) 20 kommuner is
/// the pledge kommun in turn, judged against the others as `analysis::funnel` does. Returns
/// the share outside the 95 % limits as shipped (prediction limits from the DerSimonian–Laird
/// τ² of the log rates, the target's variance and a t quantile) and with the winsorised-z τ²
/// of the rates (the first round's method).
fn funnel_many(rng: &mut Rng, runs: usize, k: usize, sd: f64) -> (f64, f64) {
    use brottstrend::analysis::funnel::spread;
    use brottstrend::stats::funnel::{
        FunnelPoint, funnel_position, log_funnel_position, overdispersion_tau2, target_rate,
    };
    let (mut dl, mut winsor, mut judged) = (0usize, 0usize, 0usize);
    let outside = |p: &str| p != "inside_95";
    for _ in 0..runs {
        let points: Vec<FunnelPoint> = (0..k)
            .map(|_| {
                let py = 3.0 * (15_000f64.ln() + rng.normal()).exp();
                let rate = 250e-5 * (sd * rng.normal()).exp();
                FunnelPoint {
                    observed: rng.poisson(rate * py) as f64,
                    population: py,
                }
            })
            .collect();
        for i in 0..k.min(20) {
            let me = points[i];
            let others: Vec<FunnelPoint> = points
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, p)| *p)
                .collect();
            let Some(target) = target_rate(&others) else {
                continue;
            };
            let pos = log_funnel_position(me.observed, me.population, target, spread(&others));
            dl += usize::from(outside(pos.as_str()));
            let t2 = overdispersion_tau2(&others, target);
            let pos = funnel_position(me.observed, me.population, target, t2);
            winsor += usize::from(outside(pos.as_str()));
            judged += 1;
        }
    }
    (dl as f64 / judged as f64, winsor as f64 / judged as f64)
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let pct = |v: f64| format!("{:.1} %", v * 100.0);
    println!("Calibration, {runs} runs per scenario, seeded (thresholds as shipped)\n");
    let (clear, any) = overdispersed(&mut Rng(1), runs);
    println!(
        "φ = 2, no change: false \"clear\" per area          {}  (target ≤ 5 %)",
        pct(clear)
    );
    println!(
        "φ = 2, no change: any change claimed per 2 areas  {}  (target ≤ 12 %)",
        pct(any)
    );
    let (claimed, median) = new_offence(&mut Rng(2), runs);
    println!(
        "new offence in baseline: change claimed           {}  (target ≤ 12 %)",
        pct(claimed)
    );
    println!("new offence in baseline: median rate ratio        {median:.3}  (target 1 ± 0.03)");
    let (raw, shown) = funnel(&mut Rng(3), runs);
    println!(
        "funnel of 5, log-sd 0.2: outside exact 95 % limits {}  (without the rule)",
        pct(raw)
    );
    println!(
        "funnel of 5, log-sd 0.2: flagged in the report     {}  (target ≤ 10 %)",
        pct(shown)
    );
    let cases = [
        (10, 0.2, 8),
        (20, 0.2, 6),
        (50, 0.2, 9),
        (290, 0.2, 7),
        (20, 0.0, 10),
        (20, 0.4, 11),
    ];
    for (k, sd, seed) in cases {
        let (shipped, winsor) = funnel_many(&mut Rng(seed), runs, k, sd);
        println!(
            "funnel of {k:>3}, log-sd {sd:.1}: outside 95 %, as shipped {}  (target ≈ 5 %)",
            pct(shipped)
        );
        println!(
            "funnel of {k:>3}, log-sd {sd:.1}: outside 95 %, winsor τ²  {}  (first round)",
            pct(winsor)
        );
    }
    println!(
        "power, relationship +50 %, φ = 1                   {}",
        pct(power(&mut Rng(4), runs, 1.0))
    );
    println!(
        "power, relationship +50 %, φ = 2                   {}",
        pct(power(&mut Rng(5), runs, 2.0))
    );
}
