//! The sentences of an area's summary, generated from its numbers and the decisions recorded
//! in the model only (`Comparison::sign`, `Trend::sign`, `Trend::percent_shown`, `Method`):
//! no threshold is decided here. Swedish and English side by side.

use super::format::{Lang, number};
use super::words::{join_and, pledge_label, rate_ratio, trend, years};
use crate::model::{
    Adjustment, AreaSummary, Comparison, LeftOutWhy, Method, Sign, Summary, Verdict,
};
use crate::notes::Note;

/// Three to eight sentences on one area.
pub fn summary_sentences(area: &AreaSummary, s: &Summary, lang: Lang) -> Vec<String> {
    let c = &area.pledge_vs_baseline;
    let title = super::words::title(area, lang).to_lowercase();
    if area.verdict == Verdict::CannotAssess {
        return vec![match lang {
            Lang::Sv => format!(
                "För {title} kan ingen bedömning göras: det saknas antal eller befolkning för löftesperioden eller för {}.",
                years(s.baseline)
            ),
            Lang::En => format!(
                "For {title} no assessment can be made: counts or population are missing for the pledge period or for {}.",
                years(s.baseline)
            ),
        }];
    }
    let mut out = Vec::new();
    if let (Some(py), Some(m1), Some(m2)) = (c.pledge_years, c.pledge_mean, c.baseline_mean) {
        let label = pledge_label(py, s.pledge, lang);
        let (m1, m2) = (number(m1, 0, lang), number(m2, 0, lang));
        out.push(match lang {
            Lang::Sv => format!(
                "Under löftesperioden ({label}) var antalet anmälda brott i genomsnitt {m1} per år för {title}, jämfört med {m2} per år under {}.",
                years(s.baseline)
            ),
            Lang::En => format!(
                "During the pledge period ({label}) an average of {m1} offences were reported per year, against {m2} a year in {}.",
                years(s.baseline)
            ),
        });
    }
    out.extend(comparison(c, &s.method, lang));
    out.extend(sensitivity(area, lang));
    out.extend(left_out(area, s.baseline, lang));
    out.extend(trend_sentences(area, lang));
    let few = c.notes.iter().any(|n| matches!(n, Note::FewEvents { .. }));
    if few {
        out.push(
            lang.pick(
                "Talen är mycket små; enstaka händelser kan ändra bilden.",
                "The numbers are very small; single events can change the picture.",
            )
            .to_owned(),
        );
    }
    if area.police_effort {
        out.push(police_effort(area.verdict, lang).to_owned());
    }
    out
}

/// The verdict without the preliminary pledge years, when it is another (issue #11 item 7).
fn sensitivity(area: &AreaSummary, lang: Lang) -> Option<String> {
    let w = area
        .without_preliminary
        .as_ref()
        .filter(|w| w.changes_verdict)?;
    let left_out = join_years(&w.left_out, lang);
    let verdict = super::words::verdict(w.verdict, lang).to_lowercase();
    Some(match lang {
        Lang::Sv => format!(
            "Utan de preliminära siffrorna för {left_out} blir bedömningen en annan: {verdict}. Bedömningen vilar alltså på siffror som Brå kan komma att revidera."
        ),
        Lang::En => format!(
            "Without the preliminary figures for {left_out} the verdict would be another: {verdict}. The verdict therefore rests on figures BRÅ may still revise."
        ),
    })
}

/// What the comparison shows, what it could have shown, and the breaks inside it.
fn comparison(c: &Comparison, m: &Method, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let Some(rr) = rate_ratio(c, lang) else {
        return out;
    };
    out.push(match (c.sign, lang) {
        (Sign::None, Lang::Sv) => format!("Skillnaden ryms inom vad slumpen kan ge ({rr})."),
        (Sign::None, Lang::En) => format!("The difference is within what chance can give ({rr})."),
        (_, Lang::Sv) => format!("Skillnaden är större än vad slumpen brukar ge ({rr})."),
        (_, Lang::En) => format!("The difference is larger than chance usually gives ({rr})."),
    });
    let exact_alone = c.p_value.is_some_and(|p| p < m.alpha);
    if c.sign == Sign::None && exact_alone {
        out.push(exact_disagrees(c, m, lang));
    }
    let n1 = c.pledge_years_used.max(1) as f64;
    if c.sign == Sign::None
        && let Some(up) = c.detectable_increase_count
    {
        let per_year = number(up as f64 / n1, 0, lang);
        let down = c
            .detectable_decrease_count
            .map(|d| number(d as f64 / n1, 0, lang));
        out.push(match lang {
            Lang::Sv => format!(
                "Underlaget räcker inte för att påvisa en förändring av denna storlek: först ett genomsnitt på minst {per_year} per år under löftesperioden hade visat en ökning{}.",
                down.map_or(String::new(), |d| format!(", och högst {d} per år en minskning"))
            ),
            Lang::En => format!(
                "The data cannot show a change of this size: only an average of at least {per_year} a year in the pledge period would have shown an increase{}.",
                down.map_or(String::new(), |d| format!(", and at most {d} a year a decrease"))
            ),
        });
    }
    out.extend(breaks(c, lang));
    out
}

/// Why the exact test of the totals alone would have shown a difference that the verdict's
/// comparison does not: what the comparison takes into account (`adjusted_for`).
fn exact_disagrees(c: &Comparison, m: &Method, lang: Lang) -> String {
    let p = number(c.p_value.unwrap_or(1.0), 3, lang);
    let n = m.comparisons;
    let why: Vec<String> = c
        .adjusted_for
        .iter()
        .map(|a| match (a, lang) {
            (Adjustment::Overdispersion, Lang::Sv) => {
                "att antalen varierar mer mellan åren än slumpen ensam ger".to_owned()
            }
            (Adjustment::Overdispersion, Lang::En) => {
                "that the counts vary more between years than chance alone gives".to_owned()
            }
            (Adjustment::Steps, Lang::Sv) => "seriebrottet inom de jämförda åren".to_owned(),
            (Adjustment::Steps, Lang::En) => {
                "the series break within the compared years".to_owned()
            }
            (Adjustment::SeveralAreas, Lang::Sv) => format!("att {n} områden prövas samtidigt"),
            (Adjustment::SeveralAreas, Lang::En) => format!("that {n} areas are tested at once"),
        })
        .collect();
    let why: Vec<&str> = why.iter().map(String::as_str).collect();
    match (why.is_empty(), lang) {
        (false, Lang::Sv) => format!(
            "Ett exakt test av bara totalsummorna hade visat en skillnad (p = {p}), men jämförelsen tar också hänsyn till {}.",
            join_and(&why, lang)
        ),
        (false, Lang::En) => format!(
            "An exact test of the totals alone would have shown a difference (p = {p}), but the comparison also takes into account {}.",
            join_and(&why, lang)
        ),
        (true, Lang::Sv) => format!(
            "Ett exakt test av bara totalsummorna hade visat en skillnad (p = {p}), men inte jämförelsens modell över de enskilda åren."
        ),
        (true, Lang::En) => format!(
            "An exact test of the totals alone would have shown a difference (p = {p}), but the comparison's model of the single years does not."
        ),
    }
}

/// Breaks inside the compared years: modelled as steps, or only noted.
fn breaks(c: &Comparison, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let steps: Vec<&str> = c.steps.iter().map(|s| s.date.as_str()).collect();
    if !steps.is_empty() {
        let list = join_and(&steps, lang);
        out.push(match lang {
            Lang::Sv => format!(
                "Seriebrottet {list} berör bara en del av brottstyperna och ingår som ett steg i jämförelsens modell."
            ),
            Lang::En => format!(
                "The series break of {list} affects only some of the crime types and enters the comparison's model as a step."
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
    out
}

/// One sentence per crime type left out of the basket, with its own counts.
fn left_out(area: &AreaSummary, baseline: [i32; 2], lang: Lang) -> Vec<String> {
    area.left_out
        .iter()
        .map(|l| {
            let why = match (&l.why, lang) {
                (LeftOutWhy::StartsIn { year }, Lang::Sv) => format!("har siffror först från {year}"),
                (LeftOutWhy::StartsIn { year }, Lang::En) => format!("has figures only from {year}"),
                (LeftOutWhy::MissingYears { years: y }, Lang::Sv) => {
                    format!("saknar siffror {}", join_years(y, lang))
                }
                (LeftOutWhy::MissingYears { years: y }, Lang::En) => {
                    format!("has no figures for {}", join_years(y, lang))
                }
            };
            let count = |c: Option<u64>| c.map_or("–".to_owned(), |c| c.to_string());
            let (p, b) = (count(l.pledge_count), count(l.baseline_count));
            match lang {
                Lang::Sv => format!(
                    "{} ingår inte i jämförelsen och trenden eftersom brottstypen {why}; för sig: {p} under löftesperioden och {b} under {}.",
                    l.crime,
                    years(baseline)
                ),
                Lang::En => format!(
                    "{} is left out of the comparison and the trend because the type {why}; on its own: {p} in the pledge period and {b} in {}.",
                    l.crime,
                    years(baseline)
                ),
            }
        })
        .collect()
}

fn join_years(y: &[i32], lang: Lang) -> String {
    let s: Vec<String> = y.iter().map(i32::to_string).collect();
    let r: Vec<&str> = s.iter().map(String::as_str).collect();
    join_and(&r, lang)
}

/// The trend, or the smallest trend the series could have shown (§8f).
fn trend_sentences(area: &AreaSummary, lang: Lang) -> Vec<String> {
    let t = &area.trend;
    let (Some(from), Some(to)) = (t.from, t.to) else {
        return Vec::new();
    };
    let from_to = years([from, to]);
    let mut out = Vec::new();
    // The size without a sign: the same change is detectable upwards and downwards.
    let detectable = t
        .detectable_annual_change
        .map(|d| format!("{} %", number(d * 100.0, 0, lang)));
    out.push(match (t.sign, t.percent_shown, lang) {
        (_, false, Lang::Sv) => format!(
            "Trenden {from_to} bygger på för få brott ({}) för att anges i procent.",
            t.events
        ),
        (_, false, Lang::En) => format!(
            "The trend {from_to} rests on too few crimes ({}) to be given as a percentage.",
            t.events
        ),
        (Sign::None, true, Lang::Sv) => format!(
            "Trenden {from_to}, {}, är inte säkerställd{}.",
            trend(t, lang),
            detectable.map_or(String::new(), |d| format!(
                "; med dessa tal hade en förändring behövt vara omkring {d} per år, uppåt eller nedåt, för att kunna påvisas"
            ))
        ),
        (Sign::None, true, Lang::En) => format!(
            "The trend {from_to}, {}, is not established{}.",
            trend(t, lang),
            detectable.map_or(String::new(), |d| format!(
                "; with these numbers a change would have had to be about {d} a year, up or down, to be detected"
            ))
        ),
        (_, true, Lang::Sv) => format!("Trenden {from_to} är {}.", trend(t, lang)),
        (_, true, Lang::En) => format!("The trend {from_to} is {}.", trend(t, lang)),
    });
    if !t.steps.is_empty() {
        let dates: Vec<&str> = t.steps.iter().map(|s| s.date.as_str()).collect();
        let list = join_and(&dates, lang);
        out.push(match lang {
            Lang::Sv => {
                format!("Trenden tar hänsyn till seriebrottet {list} med ett steg i nivån.")
            }
            Lang::En => {
                format!("The trend allows for the series break of {list} with a step in level.")
            }
        });
    }
    out
}

fn police_effort(v: Verdict, lang: Lang) -> &'static str {
    let rise = matches!(v, Verdict::ClearIncrease | Verdict::PossibleIncrease);
    match (rise, lang) {
        (true, Lang::Sv) => {
            "Narkotikabrott upptäcks främst genom polisens eget arbete: en ökning kan betyda att löftets insatser genomförs, inte att bruket ökat."
        }
        (true, Lang::En) => {
            "Drug offences are mostly found by police work: a rise may mean the pledge's work is being done, not that drug use rose."
        }
        (false, Lang::Sv) => {
            "Narkotikabrott upptäcks främst genom polisens eget arbete, så antalet speglar också hur mycket polisen letar – inte bara hur vanligt bruket är."
        }
        (false, Lang::En) => {
            "Drug offences are mostly found by police work, so the count also reflects how much the police look – not only how common drug use is."
        }
    }
}
