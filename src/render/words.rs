//! The report's words that depend on the numbers: verdicts, positions, and the sentences of
//! the summary. Swedish and English side by side, so the two never drift apart.

use super::format::{Lang, int, number, percent};
use crate::model::{AreaSummary, Comparison, Trend, Verdict};

/// The verdict in plain words.
pub fn verdict(v: Verdict, lang: Lang) -> &'static str {
    match v {
        Verdict::ClearIncrease => lang.pick("Tydlig ökning", "Clear increase"),
        Verdict::PossibleIncrease => lang.pick("Möjlig ökning", "Possible increase"),
        Verdict::NoDetectableChange => lang.pick("Ingen påvisbar förändring", "No detectable change"),
        Verdict::PossibleDecrease => lang.pick("Möjlig minskning", "Possible decrease"),
        Verdict::ClearDecrease => lang.pick("Tydlig minskning", "Clear decrease"),
    }
}

/// The funnel position in plain words.
pub fn position(position: &str, lang: Lang) -> &'static str {
    match position {
        "above_99_8" => lang.pick("över 99,8 %-gränsen (klart högre än väntat)", "above the 99.8 % limit (clearly higher than expected)"),
        "above_95" => lang.pick("över 95 %-gränsen men inom 99,8 %", "above the 95 % limit but within 99.8 %"),
        "inside_95" => lang.pick("inom 95 %-gränserna (som väntat)", "within the 95 % limits (as expected)"),
        "below_95" => lang.pick("under 95 %-gränsen men inom 99,8 %", "below the 95 % limit but within 99.8 %"),
        _ => lang.pick("under 99,8 %-gränsen (klart lägre än väntat)", "below the 99.8 % limit (clearly lower than expected)"),
    }
}

/// `2019–2022`, or `2023` for a single year.
pub fn years(range: [i32; 2]) -> String {
    if range[0] == range[1] { range[0].to_string() } else { format!("{}–{}", range[0], range[1]) }
}

/// `kvot 1,29 (95 % KI 1,02–1,63)`.
pub fn rate_ratio(c: &Comparison, lang: Lang) -> Option<String> {
    let rr = c.rate_ratio?;
    let low = c.ci_low.map_or("0".to_owned(), |l| number(l, 2, lang));
    let high = c.ci_high.map_or("∞".to_owned(), |h| number(h, 2, lang));
    Some(match lang {
        Lang::Sv => format!("kvot {}; 95 % KI {low}–{high}", number(rr, 2, lang)),
        Lang::En => format!("ratio {}; 95% CI {low}–{high}", number(rr, 2, lang)),
    })
}

/// `+4,1 % per år (95 % KI −2,0–+10,6 %)`, or why there is no trend.
pub fn trend(t: &Trend, lang: Lang) -> String {
    match (t.annual_change, t.ci_low, t.ci_high) {
        (Some(c), Some(l), Some(h)) => match lang {
            Lang::Sv => format!("{} per år (95 % KI {} till {})", percent(c, 1, lang), percent(l, 1, lang), percent(h, 1, lang)),
            Lang::En => format!("{} per year (95% CI {} to {})", percent(c, 1, lang), percent(l, 1, lang), percent(h, 1, lang)),
        },
        _ => lang.pick("ingen trend skattad", "no trend estimated").to_owned(),
    }
}

/// Three to six sentences on one area, generated from its numbers only.
pub fn summary_sentences(area: &AreaSummary, baseline: [i32; 2], lang: Lang) -> Vec<String> {
    let c = &area.pledge_vs_baseline;
    let title = area.title.to_lowercase();
    let mut out = Vec::new();
    let (Some(py), Some(x1), Some(x2)) = (c.pledge_years, c.pledge_count, c.baseline_count) else {
        out.push(match lang {
            Lang::Sv => format!("För {title} saknas underlag för att jämföra löftesperioden med {}.", years(baseline)),
            Lang::En => format!("For {title} there are no data to compare the pledge period with {}.", years(baseline)),
        });
        return out;
    };
    let n1 = f64::from(py[1] - py[0] + 1);
    let n2 = f64::from(baseline[1] - baseline[0] + 1);
    let (m1, m2) = (number(x1 as f64 / n1, 0, lang), number(x2 as f64 / n2, 0, lang));
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
        out.push(if significant {
            lang.pick("Skillnaden är större än vad slumpen brukar ge", "The difference is larger than chance usually gives").to_owned() + &format!(" ({rr}).")
        } else {
            lang.pick("Skillnaden ryms inom vad slumpen kan ge", "The difference is within what chance can give").to_owned() + &format!(" ({rr}).")
        });
    }
    if !significant {
        if let Some(up) = c.detectable_increase_count {
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
    }
    if area.trend.annual_change.is_some() {
        let sig = area.trend.p_value.is_some_and(|p| p < 0.05);
        let from_to = years([area.trend.from.unwrap_or(0), area.trend.to.unwrap_or(0)]);
        out.push(match (lang, sig) {
            (Lang::Sv, true) => format!("Trenden {from_to} är {}.", trend(&area.trend, lang)),
            (Lang::Sv, false) => format!("Trenden {from_to} ({}) skiljer sig inte säkert från noll.", trend(&area.trend, lang)),
            (Lang::En, true) => format!("The trend {from_to} is {}.", trend(&area.trend, lang)),
            (Lang::En, false) => format!("The trend {from_to} ({}) is not clearly different from zero.", trend(&area.trend, lang)),
        });
    }
    if x1 + x2 < 20 {
        out.push(lang.pick(
            "Talen är mycket små; enstaka händelser kan ändra bilden.",
            "The numbers are very small; single events can change the picture.",
        ).to_owned());
    }
    if area.police_effort {
        out.push(lang.pick(
            "Narkotikabrott upptäcks främst genom polisens eget arbete: en ökning kan betyda att löftets insatser genomförs, inte att bruket ökat.",
            "Drug offences are mostly found by police work: a rise may mean the pledge's work is being done, not that drug use rose.",
        ).to_owned());
    }
    out
}

/// `35` with `(prel.)` when preliminary.
pub fn count_cell(count: Option<u64>, preliminary: bool, lang: Lang) -> String {
    let c = count.map_or("..".to_owned(), |c| int(c, lang));
    if preliminary { format!("{c} (prel.)") } else { c }
}
