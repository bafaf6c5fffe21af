//! The report's words that depend on the numbers: verdicts, positions, and the sentences of
//! the summary. Swedish and English side by side, so the two never drift apart.

use super::format::{Lang, int, number, percent};
use crate::model::Level;
use crate::model::{AreaSummary, Comparison, FunnelPosition, Trend, Verdict};
use crate::notes::Note;

/// The verdict in plain words.
pub fn verdict(v: Verdict, lang: Lang) -> &'static str {
    match v {
        Verdict::ClearIncrease => lang.pick("Tydlig ökning", "Clear increase"),
        Verdict::PossibleIncrease => lang.pick("Möjlig ökning", "Possible increase"),
        Verdict::NoDetectableChange => {
            lang.pick("Ingen påvisbar förändring", "No detectable change")
        }
        Verdict::PossibleDecrease => lang.pick("Möjlig minskning", "Possible decrease"),
        Verdict::ClearDecrease => lang.pick("Tydlig minskning", "Clear decrease"),
        Verdict::CannotAssess => lang.pick("Kan inte bedömas", "Cannot be assessed"),
    }
}

/// The funnel position in plain words, to follow "ligger" / "lies".
pub fn position(position: FunnelPosition, lang: Lang) -> &'static str {
    match position {
        FunnelPosition::Above99_8 => lang.pick(
            "klart högre än slumpen kan förklara (över 99,8 %-gränsen)",
            "clearly higher than chance explains (above the 99.8 % limit)",
        ),
        FunnelPosition::Above95 => lang.pick(
            "något högre än väntat (över 95 %-gränsen men inom 99,8 %-gränsen)",
            "somewhat higher than expected (above the 95 % limit, within the 99.8 % limit)",
        ),
        FunnelPosition::Inside95 => lang.pick(
            "inom det spann som slumpen kan ge (95 %-gränserna)",
            "within the range chance can give (the 95 % limits)",
        ),
        FunnelPosition::Below95 => lang.pick(
            "något lägre än väntat (under 95 %-gränsen men inom 99,8 %-gränsen)",
            "somewhat lower than expected (below the 95 % limit, within the 99.8 % limit)",
        ),
        FunnelPosition::Below99_8 => lang.pick(
            "klart lägre än slumpen kan förklara (under 99,8 %-gränsen)",
            "clearly lower than chance explains (below the 99.8 % limit)",
        ),
    }
}

/// The area's title in the report language (`title_en` when English and set).
pub fn title(a: &AreaSummary, lang: Lang) -> &str {
    match (lang, &a.title_en) {
        (Lang::En, Some(t)) => t,
        _ => &a.title,
    }
}

/// A region's name in the report language: `Riket` is "Sweden" and `Gävleborgs län`
/// "Gävleborg County" in English; kommun names are the same in both.
pub fn region_name(level: &str, name: &str, lang: Lang) -> String {
    match (lang, level) {
        (Lang::En, "nation") => "Sweden".to_owned(),
        (Lang::En, "county") => county_name(name, lang),
        _ => name.to_owned(),
    }
}

/// A county's name in the report language: Swedish names are genitive + " län"
/// (`Gävleborgs län`, `Skåne län`), English ones base + " County" (`Gävleborg County`).
pub fn county_name(name: &str, lang: Lang) -> String {
    match (lang, name.strip_suffix(" län")) {
        (Lang::En, Some(base)) => {
            let base = base.strip_suffix('s').unwrap_or(base);
            format!("{base} County")
        }
        _ => name.to_owned(),
    }
}

/// `2019–2022`, or `2023` for a single year.
pub fn years(range: [i32; 2]) -> String {
    if range[0] == range[1] {
        range[0].to_string()
    } else {
        format!("{}–{}", range[0], range[1])
    }
}

/// `kvot 1,29; 95 % KI 0,89–1,88`: the quasi-Poisson interval the verdict uses, or the
/// exact one when the yearly model could not be fitted.
pub fn rate_ratio(c: &Comparison, lang: Lang) -> Option<String> {
    let (rr, lo, hi) = match (c.adjusted_rate_ratio, c.adjusted_ci_low, c.adjusted_ci_high) {
        (Some(r), Some(l), Some(h)) => (r, Some(l), Some(h)),
        _ => (c.rate_ratio?, c.ci_low, c.ci_high),
    };
    let low = lo.map_or("0".to_owned(), |l| ratio_limit(l, lang));
    let high = hi.map_or("∞".to_owned(), |h| ratio_limit(h, lang));
    Some(match lang {
        Lang::Sv => format!("kvot {}; 95 % KI {low}–{high}", number(rr, 2, lang)),
        Lang::En => format!("ratio {}; 95% CI {low}–{high}", number(rr, 2, lang)),
    })
}

/// `+4,1 % per år (95 % KI −2,0–+10,6 %)`, or why there is no trend (or no percentage).
pub fn trend(t: &Trend, lang: Lang) -> String {
    match (t.annual_change, t.ci_low, t.ci_high) {
        (Some(_), Some(_), Some(_)) if !t.percent_shown => match lang {
            Lang::Sv => format!("för få brott ({}) för en procentsats", t.events),
            Lang::En => format!("too few crimes ({}) for a percentage", t.events),
        },
        (Some(c), Some(l), Some(h)) => match lang {
            Lang::Sv => format!(
                "{} per år (95 % KI {} till {})",
                percent(c, 1, lang),
                percent(l, 1, lang),
                percent(h, 1, lang)
            ),
            Lang::En => format!(
                "{} per year (95% CI {} to {})",
                percent(c, 1, lang),
                percent(l, 1, lang),
                percent(h, 1, lang)
            ),
        },
        _ if t
            .notes
            .iter()
            .any(|n| matches!(n, Note::TooFewYears { .. })) =>
        {
            lang.pick("för få år för en trend", "too few years for a trend")
                .to_owned()
        }
        _ => lang
            .pick("ingen trend skattad", "no trend estimated")
            .to_owned(),
    }
}

/// The pledge years compared: `2023–2026`, or `hittills 2023–2025 av 2023–2026` while the
/// pledge runs.
pub fn pledge_label(used: [i32; 2], pledge: [i32; 2], lang: Lang) -> String {
    if used[1] >= pledge[1] {
        return years(used);
    }
    match lang {
        Lang::Sv => format!("hittills {} av {}", years(used), years(pledge)),
        Lang::En => format!("so far {} of {}", years(used), years(pledge)),
    }
}

/// `35` with `(prel.)` when preliminary.
pub fn count_cell(count: Option<u64>, preliminary: bool, lang: Lang) -> String {
    let c = count.map_or("..".to_owned(), |c| int(c, lang));
    if preliminary {
        format!("{c} (prel.)")
    } else {
        c
    }
}

/// A yearly count for the area table: `(prel.)` and `*` for years where some crime types are
/// not available.
pub fn year_count_cell(count: Option<u64>, preliminary: bool, partial: bool, lang: Lang) -> String {
    let c = count_cell(count, preliminary, lang);
    if partial { format!("{c}*") } else { c }
}

/// An interval limit of a ratio: two decimals, three when two would show a misleading `1,00`.
pub fn ratio_limit(x: f64, lang: Lang) -> String {
    let two = number(x, 2, lang);
    if (x - 1.0).abs() < 0.005 && x != 1.0 {
        number(x, 3, lang)
    } else {
        two
    }
}

/// `a, b och c` / `a, b and c`.
pub fn join_and(items: &[&str], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), lang.pick("och", "and")),
    }
}

/// One row of the Sammanfattning, shared by the report and the terminal so they never differ:
/// area title, latest year and count, rate ratio, trend, verdict.
pub fn summary_row(a: &AreaSummary, lang: Lang) -> [String; 5] {
    let latest = a
        .years
        .iter()
        .rfind(|y| y.level == Level::Kommun && y.count.is_some());
    let latest = latest.map_or("–".to_owned(), |y| {
        format!("{}: {}", y.year, count_cell(y.count, y.preliminary, lang))
    });
    let rr = rate_ratio(&a.pledge_vs_baseline, lang).unwrap_or_else(|| "–".to_owned());
    [
        title(a, lang).to_owned(),
        latest,
        rr,
        trend(&a.trend, lang),
        verdict(a.verdict, lang).to_owned(),
    ]
}
