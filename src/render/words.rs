//! The report's words that depend on the numbers: verdicts, positions, and the sentences of
//! the summary. Swedish and English side by side, so the two never drift apart.

use super::format::{Lang, int, number, percent};
use crate::model::{AreaSummary, Comparison, Trend, Verdict};
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
    }
}

/// The funnel position in plain words.
pub fn position(position: &str, lang: Lang) -> &'static str {
    match position {
        "above_99_8" => lang.pick(
            "över 99,8 %-gränsen (klart högre än väntat)",
            "above the 99.8 % limit (clearly higher than expected)",
        ),
        "above_95" => lang.pick(
            "över 95 %-gränsen men inom 99,8 %",
            "above the 95 % limit but within 99.8 %",
        ),
        "inside_95" => lang.pick(
            "inom 95 %-gränserna (som väntat)",
            "within the 95 % limits (as expected)",
        ),
        "below_95" => lang.pick(
            "under 95 %-gränsen men inom 99,8 %",
            "below the 95 % limit but within 99.8 %",
        ),
        _ => lang.pick(
            "under 99,8 %-gränsen (klart lägre än väntat)",
            "below the 99.8 % limit (clearly lower than expected)",
        ),
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

/// `kvot 1,29 (95 % KI 1,02–1,63)`.
pub fn rate_ratio(c: &Comparison, lang: Lang) -> Option<String> {
    let rr = c.rate_ratio?;
    let low = c.ci_low.map_or("0".to_owned(), |l| ratio_limit(l, lang));
    let high = c.ci_high.map_or("∞".to_owned(), |h| ratio_limit(h, lang));
    Some(match lang {
        Lang::Sv => format!("kvot {}; 95 % KI {low}–{high}", number(rr, 2, lang)),
        Lang::En => format!("ratio {}; 95% CI {low}–{high}", number(rr, 2, lang)),
    })
}

/// `+4,1 % per år (95 % KI −2,0–+10,6 %)`, or why there is no trend.
pub fn trend(t: &Trend, lang: Lang) -> String {
    match (t.annual_change, t.ci_low, t.ci_high) {
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

/// Three to six sentences on one area, generated from its numbers only.
pub fn summary_sentences(area: &AreaSummary, baseline: [i32; 2], lang: Lang) -> Vec<String> {
    let c = &area.pledge_vs_baseline;
    let title = area.title.to_lowercase();
    let mut out = Vec::new();
    let (Some(py), Some(x1), Some(x2)) = (c.pledge_years, c.pledge_count, c.baseline_count) else {
        out.push(match lang {
            Lang::Sv => format!(
                "För {title} saknas underlag för att jämföra löftesperioden med {}.",
                years(baseline)
            ),
            Lang::En => format!(
                "For {title} there are no data to compare the pledge period with {}.",
                years(baseline)
            ),
        });
        return out;
    };
    let n1 = f64::from(py[1] - py[0] + 1);
    let n2 = f64::from(baseline[1] - baseline[0] + 1);
    let (m1, m2) = (
        number(x1 as f64 / n1, 0, lang),
        number(x2 as f64 / n2, 0, lang),
    );
    out.push(match lang {
        Lang::Sv => format!(
            "Under löftesperioden ({}) anmäldes i genomsnitt {m1} fall av {title} per år, jämfört med {m2} under {}.",
            years(py),
            years(baseline)
        ),
        Lang::En => format!(
            "During the pledge period ({}) an average of {m1} offences ({title}) were reported per year, against {m2} in {}.",
            years(py),
            years(baseline)
        ),
    });
    let significant = c.ci_low.is_some_and(|l| l > 1.0) || c.ci_high.is_some_and(|h| h < 1.0);
    if let Some(rr) = rate_ratio(c, lang) {
        let weak = c
            .p_value
            .is_some_and(|p| p < crate::analysis::verdict::WEAK_ALPHA);
        let p = c.p_value.map_or(String::new(), |p| number(p, 2, lang));
        let direction = if c.rate_ratio.is_some_and(|r| r > 1.0) {
            lang.pick("en ökning", "an increase")
        } else {
            lang.pick("en minskning", "a decrease")
        };
        out.push(match (significant, weak, lang) {
            (true, _, Lang::Sv) => format!("Skillnaden är större än vad slumpen brukar ge ({rr})."),
            (true, _, Lang::En) => format!("The difference is larger than chance usually gives ({rr})."),
            (false, true, Lang::Sv) => format!(
                "Det finns tecken på {direction}, men skillnaden är inte säkert större än vad slumpen kan ge ({rr}; p = {p})."
            ),
            (false, true, Lang::En) => format!(
                "There are signs of {direction}, but the difference is not clearly larger than chance can give ({rr}; p = {p})."
            ),
            (false, false, Lang::Sv) => format!("Skillnaden ryms inom vad slumpen kan ge ({rr})."),
            (false, false, Lang::En) => format!("The difference is within what chance can give ({rr})."),
        });
    }
    if !significant && let Some(up) = c.detectable_increase_count {
        let per_year = number(up as f64 / n1, 0, lang);
        out.push(match lang {
            Lang::Sv => format!(
                "Underlaget räcker inte för att påvisa en förändring av denna storlek: först ett genomsnitt på minst {per_year} per år under löftesperioden hade visat en ökning{}.",
                c.detectable_decrease_count.map_or(String::new(), |d| format!(", och högst {} per år en minskning", number(d as f64 / n1, 0, lang)))
            ),
            Lang::En => format!(
                "The data cannot show a change of this size: only an average of at least {per_year} a year in the pledge period would have shown an increase{}.",
                c.detectable_decrease_count.map_or(String::new(), |d| format!(", and at most {} a year a decrease", number(d as f64 / n1, 0, lang)))
            ),
        });
    }
    let dates: Vec<&str> = c
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::BreakInComparison { date, .. } => Some(date.as_str()),
            _ => None,
        })
        .collect();
    if !dates.is_empty() {
        let list = join_and(&dates, lang);
        out.push(match (lang, dates.len()) {
            (Lang::Sv, 1) => format!("Seriebrottet {list} ligger inom de jämförda åren och kan påverka jämförelsen."),
            (Lang::Sv, _) => format!("Seriebrotten {list} ligger inom de jämförda åren och kan påverka jämförelsen."),
            (Lang::En, 1) => format!("The series break of {list} lies within the compared years and may affect the comparison."),
            (Lang::En, _) => format!("The series breaks of {list} lie within the compared years and may affect the comparison."),
        });
    }
    if area.trend.annual_change.is_some() {
        let sig = area.trend.p_value.is_some_and(|p| p < 0.05);
        let from_to = years([area.trend.from.unwrap_or(0), area.trend.to.unwrap_or(0)]);
        out.push(match (lang, sig) {
            (Lang::Sv, true) => format!("Trenden {from_to} är {}.", trend(&area.trend, lang)),
            (Lang::Sv, false) => format!(
                "Trenden {from_to} ({}) skiljer sig inte säkert från noll.",
                trend(&area.trend, lang)
            ),
            (Lang::En, true) => format!("The trend {from_to} is {}.", trend(&area.trend, lang)),
            (Lang::En, false) => format!(
                "The trend {from_to} ({}) is not clearly different from zero.",
                trend(&area.trend, lang)
            ),
        });
    }
    if x1 + x2 < 20 {
        out.push(
            lang.pick(
                "Talen är mycket små; enstaka händelser kan ändra bilden.",
                "The numbers are very small; single events can change the picture.",
            )
            .to_owned(),
        );
    }
    if area.police_effort {
        let rise = matches!(
            area.verdict,
            Verdict::ClearIncrease | Verdict::PossibleIncrease
        );
        out.push(match (rise, lang) {
            (true, Lang::Sv) => "Narkotikabrott upptäcks främst genom polisens eget arbete: en ökning kan betyda att löftets insatser genomförs, inte att bruket ökat.",
            (true, Lang::En) => "Drug offences are mostly found by police work: a rise may mean the pledge's work is being done, not that drug use rose.",
            (false, Lang::Sv) => "Narkotikabrott upptäcks främst genom polisens eget arbete, så antalet speglar också hur mycket polisen letar – inte bara hur vanligt bruket är.",
            (false, Lang::En) => "Drug offences are mostly found by police work, so the count also reflects how much the police look – not only how common drug use is.",
        }.to_owned());
    }
    out
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
        .rfind(|y| y.level == "kommun" && y.count.is_some());
    let latest = latest.map_or("–".to_owned(), |y| {
        format!("{}: {}", y.year, count_cell(y.count, y.preliminary, lang))
    });
    let rr = rate_ratio(&a.pledge_vs_baseline, lang).unwrap_or_else(|| "–".to_owned());
    [
        a.title.clone(),
        latest,
        rr,
        trend(&a.trend, lang),
        verdict(a.verdict, lang).to_owned(),
    ]
}
