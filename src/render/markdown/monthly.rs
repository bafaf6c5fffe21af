//! The monthly part of the report: the year-to-date lines of the Sammanfattning and a
//! "Månad för månad" subsection per area. Words only what [`Monthly`] decided.

use crate::model::AreaSummary;
use crate::model::monthly::{Grain, Its, Monthly, MonthlyNote, YearToDate};
use crate::render::RenderOptions;
use crate::render::format::{Lang, int, number};
use crate::render::format::{MONTHS_EN, MONTHS_SV};
use crate::render::words::{self, ratio_limit};
use std::fmt::Write;

/// `januari–augusti` or `kvartal 1–3` for the year-to-date periods.
fn span(y: &YearToDate, lang: Lang) -> String {
    let n = |s: &str| s.trim_start_matches('Q').parse::<usize>().unwrap_or(1);
    let (a, b) = (n(&y.months[0]), n(&y.months[1]));
    if y.months[0].starts_with('Q') {
        return format!("{} {a}–{b}", lang.pick("kvartal", "quarters"));
    }
    let names = match lang {
        Lang::Sv => MONTHS_SV,
        Lang::En => MONTHS_EN,
    };
    let name = |i: usize| names[i.clamp(1, 12) - 1];
    if a == b {
        name(a).to_owned()
    } else {
        format!("{}–{}", name(a), name(b))
    }
}

/// One sentence on the year to date, e.g. for the Sammanfattning.
pub fn year_to_date_sentence(y: &YearToDate, lang: Lang) -> String {
    let span = span(y, lang);
    let years = format!("{}–{}", y.baseline[0], y.baseline[1]);
    let head = match lang {
        Lang::Sv => format!(
            "Hittills i år ({span} {}, preliminärt): {} brott, mot {} under {span} {years} sammantaget.",
            y.year,
            int(y.count, lang),
            int(y.baseline_count, lang)
        ),
        Lang::En => format!(
            "Year to date ({span} {}, preliminary): {} crimes, against {} in {span} {years} together.",
            y.year,
            int(y.count, lang),
            int(y.baseline_count, lang)
        ),
    };
    let (Some(rr), Some(lo), Some(hi)) = (y.rate_ratio, y.ci_low, y.ci_high) else {
        return head;
    };
    let tail = match lang {
        Lang::Sv => format!(
            " Kvoten mot jämförelseårens genomsnitt är {} (95 % KI {}–{}).",
            number(rr, 2, lang),
            ratio_limit(lo, lang),
            ratio_limit(hi, lang)
        ),
        Lang::En => format!(
            " The ratio to the baseline years' mean is {} (95% CI {}–{}).",
            number(rr, 2, lang),
            ratio_limit(lo, lang),
            ratio_limit(hi, lang)
        ),
    };
    let verdict = if lo > 1.0 || hi < 1.0 {
        lang.pick(
            " Skillnaden är större än vad slumpen brukar ge, men året är inte slut och siffrorna är preliminära.",
            " The difference is larger than chance usually gives, but the year is not over and the figures are preliminary.",
        )
    } else {
        lang.pick(
            " Skillnaden ryms inom vad slumpen kan ge.",
            " The difference is within what chance can give.",
        )
    };
    format!("{head}{tail}{verdict}")
}

/// Plain words on the level change at the pledge's start, never as proof of cause.
fn its_sentence(its: &Its, lang: Lang) -> String {
    let level = number(its.level_change, 2, lang);
    let (lo, hi) = (
        ratio_limit(its.ci_low, lang),
        ratio_limit(its.ci_high, lang),
    );
    let clear = its.ci_low > 1.0 || its.ci_high < 1.0;
    match lang {
        Lang::Sv => format!(
            "Avbrottsanalys kring löftets start (undertecknat {}; {} månader före, {} efter): nivån efter starten är {level} gånger den väntade utifrån tiden före (95 % KI {lo}–{hi}); lutningen ändras med faktorn {} per månad. {} En förändring i tiden kring starten visar inte att löftet orsakade den: annat kan ha ändrats samtidigt.",
            its.signed,
            its.months_before,
            its.months_after,
            number(its.slope_change_per_month, 3, lang),
            if clear {
                "Nivåskiftet är större än vad slumpen brukar ge."
            } else {
                "Underlaget räcker inte för att påvisa ett nivåskifte av denna storlek."
            }
        ),
        Lang::En => format!(
            "Interrupted time series around the pledge's start (signed {}; {} months before, {} after): the level after the start is {level} times the one expected from the months before (95% CI {lo}–{hi}); the slope changes by a factor {} a month. {} A change around the start does not show that the pledge caused it: other things may have changed at the same time.",
            its.signed,
            its.months_before,
            its.months_after,
            number(its.slope_change_per_month, 3, lang),
            if clear {
                "The level shift is larger than chance usually gives."
            } else {
                "The data cannot show a level shift of this size."
            }
        ),
    }
}

/// A note in the report's language.
fn note(n: &MonthlyNote, lang: Lang) -> Option<String> {
    Some(match (n, lang) {
        (MonthlyNote::PopulationFromYear, Lang::Sv) => "Befolkningen för en månad är årets siffra (SCB redovisar folkmängden per 31 december).".into(),
        (MonthlyNote::PopulationFromYear, Lang::En) => "A month's population is its year's figure (SCB gives the population on 31 December).".into(),
        (MonthlyNote::PopulationCarried { year, from }, Lang::Sv) => format!("Folkmängden för {year} finns ännu inte; {from} års siffra används."),
        (MonthlyNote::PopulationCarried { year, from }, Lang::En) => format!("The population for {year} is not out yet; the {from} figure is used."),
        (MonthlyNote::NoSignedMonth, Lang::Sv) => "Ingen avbrottsanalys: ange månaden då löftet undertecknades (`signed = \"2023-06\"` i pledge.toml).".into(),
        (MonthlyNote::NoSignedMonth, Lang::En) => "No interrupted time series: name the month the pledge was signed (`signed = \"2023-06\"` in pledge.toml).".into(),
        (MonthlyNote::ItsNeedsMonths, Lang::Sv) => "Avbrottsanalysen kräver månadssiffror.".into(),
        (MonthlyNote::ItsNeedsMonths, Lang::En) => "The interrupted time series needs monthly figures.".into(),
        (MonthlyNote::TooFewMonths { before, after, more_before, more_after }, Lang::Sv) => format!("För få månader för en avbrottsanalys: {before} före och {after} efter löftets start; det behövs minst 24 före och 12 efter ({more_before} respektive {more_after} till)."),
        (MonthlyNote::TooFewMonths { before, after, more_before, more_after }, Lang::En) => format!("Too few months for an interrupted time series: {before} before and {after} after the pledge's start; at least 24 before and 12 after are needed ({more_before} and {more_after} more)."),
        (MonthlyNote::BaselineMonthsMissing, Lang::Sv) => "Hittills i år kan inte jämföras: jämförelseåren saknar några av månaderna.".into(),
        (MonthlyNote::BaselineMonthsMissing, Lang::En) => "Year to date cannot be compared: the baseline years lack some of the months.".into(),
        (MonthlyNote::ControlByQuarter, Lang::Sv) => "Färre än tre brott i månaden: styrdiagrammet visar kvartal.".into(),
        (MonthlyNote::ControlByQuarter, Lang::En) => "Fewer than three crimes a month: the control chart shows quarters.".into(),
        (MonthlyNote::NotFitted, Lang::Sv) => "Modellen kunde inte skattas (för få brott).".into(),
        (MonthlyNote::NotFitted, Lang::En) => "The model could not be fitted (too few crimes).".into(),
        (MonthlyNote::NoSubYearData | MonthlyNote::LatestYearComplete, _) => return None,
    })
}

/// The "Månad för månad" subsection of an area; nothing when there are no monthly figures.
pub fn section(md: &mut String, a: &AreaSummary, opts: &RenderOptions) {
    let lang = opts.lang;
    let m: &Monthly = &a.monthly;
    if m.grain == Grain::Year || m.points.is_empty() {
        return;
    }
    let heading = match m.grain {
        Grain::Quarter => lang.pick("Kvartal för kvartal", "Quarter by quarter"),
        _ => lang.pick("Månad för månad", "Month by month"),
    };
    let _ = writeln!(md, "### {heading}\n");
    let file = format!("charts/{}-monthly.{}", a.id, opts.chart_format.ext());
    let caption = lang.pick(
        "antal per period, rullande 12-månaderssumma och styrdiagram",
        "count per period, rolling 12-month sum and control chart",
    );
    let _ = writeln!(md, "![{} – {caption}]({file})\n", words::title(a, lang));
    if let Some(latest) = &m.latest {
        let prel = m.preliminary_from.as_deref().map_or(String::new(), |p| {
            format!(
                " ({} {p})",
                lang.pick("preliminärt från", "preliminary from")
            )
        });
        let _ = writeln!(
            md,
            "{} {latest}{prel}.\n",
            lang.pick("Senaste period:", "Latest period:")
        );
    }
    if let Some(y) = &m.year_to_date {
        let _ = writeln!(md, "{}\n", year_to_date_sentence(y, lang));
    }
    if let Some(its) = &m.its {
        let _ = writeln!(md, "{}\n", its_sentence(its, lang));
    }
    if let Some(c) = &m.control {
        let unit = match c.grain {
            Grain::Quarter => lang.pick("kvartal", "quarter"),
            _ => lang.pick("månad", "month"),
        };
        let outside = if c.outside.is_empty() {
            lang.pick(
                "Ingen period ligger utanför gränserna.",
                "No period lies outside the limits.",
            )
            .to_owned()
        } else {
            format!(
                "{} {}.",
                lang.pick("Utanför gränserna:", "Outside the limits:"),
                c.outside.join(", ")
            )
        };
        let _ = writeln!(
            md,
            "{} {} {} {unit}, {} {}–{}. {outside}\n",
            lang.pick(
                "Styrdiagram: före löftet i genomsnitt",
                "Control chart: before the pledge on average"
            ),
            number(c.centre, 1, lang),
            lang.pick("brott per", "crimes per"),
            lang.pick("gränser", "limits"),
            number(c.lower, 1, lang),
            number(c.upper, 1, lang),
        );
    }
    for n in m.notes.iter().filter_map(|n| note(n, lang)) {
        let _ = writeln!(md, "- {n}");
    }
    md.push('\n');
}
