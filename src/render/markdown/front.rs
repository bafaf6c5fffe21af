//! The report's frame: the date and the export it rests on, when the next figures come, the
//! legend under the summary table, the overview chart and the plain footer.

use crate::model::{DateFrom, ReleaseStatus, Summary};
use crate::render::RenderOptions;
use crate::render::format::Lang;
use std::fmt::Write;

/// The report's date, the export it rests on, and when Brå's next figures come.
pub fn dates(md: &mut String, s: &Summary, lang: Lang) {
    let p = &s.publication;
    let mut line = String::new();
    if let (Some(date), false) = (&p.report_date, p.date_from == DateFrom::Unknown) {
        line += &format!("{} {date}", lang.pick("Rapportens datum:", "Report date:"));
    }
    let export = match (&p.export_date, &p.export_file) {
        (Some(d), _) => Some((
            lang.pick("Bygger på Brås export från", "Based on Brå's export of"),
            d,
        )),
        (None, Some(f)) => Some((
            lang.pick(
                "Bygger på Brås export i filen",
                "Based on Brå's export in the file",
            ),
            f,
        )),
        _ => None,
    };
    if let Some((words, export)) = export {
        if !line.is_empty() {
            line += ". ";
        }
        line += &format!("{words} {export}");
    }
    if !line.is_empty() {
        let _ = writeln!(md, "{line}.\n");
    }
    let next: Vec<String> = p
        .next
        .iter()
        .map(|r| {
            let what = match (r.status, lang) {
                (ReleaseStatus::Preliminary, Lang::Sv) => "de preliminära siffrorna",
                (ReleaseStatus::Final, Lang::Sv) => "de slutliga siffrorna",
                (ReleaseStatus::Preliminary, Lang::En) => "the preliminary figures",
                (ReleaseStatus::Final, Lang::En) => "the final figures",
            };
            let when = month_text(&r.month, lang);
            match lang {
                Lang::Sv => format!("{what} för {} i {when}", r.year),
                Lang::En => format!("{what} for {} in {when}", r.year),
            }
        })
        .collect();
    if !next.is_empty() {
        let _ = writeln!(
            md,
            "{} {}.\n",
            lang.pick(
                "Nästa siffror: Brå publicerar",
                "Next figures: Brå publishes"
            ),
            next.join(lang.pick(" och ", " and "))
        );
    }
}

/// `2027-01` as "januari 2027" / "January 2027".
fn month_text(month: &str, lang: Lang) -> String {
    let (year, m) = month.split_once('-').unwrap_or((month, ""));
    let name = m
        .parse::<usize>()
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|i| match lang {
            Lang::Sv => crate::render::format::MONTHS_SV.get(i),
            Lang::En => crate::render::format::MONTHS_EN.get(i),
        });
    match name {
        Some(name) => format!("{name} {year}"),
        None => month.to_owned(),
    }
}

/// What "kvot" and "KI" in the summary table mean, one sentence each.
pub fn legend(md: &mut String, lang: Lang) {
    let _ = writeln!(
        md,
        "{}\n",
        lang.pick(
            "*Kvot*: antalet anmälda brott per invånare under löftesperioden delat med samma tal för jämförelseperioden; 1,20 betyder 20 % fler. *KI*: konfidensintervall, det spann som med 95 % säkerhet rymmer det verkliga värdet när slumpens variation räknas in.",
            "*Ratio*: reported crimes per inhabitant in the pledge period divided by the same figure for the baseline; 1.20 means 20 % more. *CI*: confidence interval, the range that holds the true value with 95 % confidence once chance variation is taken into account."
        )
    );
}

/// The overview chart, right after the summary table and its legend: every area as an index.
pub fn overview(md: &mut String, opts: &RenderOptions) {
    let _ = writeln!(
        md,
        "![{}](charts/overview.{})\n",
        opts.lang.pick(
            "Översikt: områdena som index, jämförelseperioden = 100",
            "Overview: the areas as an index, baseline = 100"
        ),
        opts.chart_format.ext()
    );
}

/// Where the summary card for the council meeting is: one image beside the report.
pub fn card(md: &mut String, opts: &RenderOptions) {
    let name = crate::render::charts::card_name(opts.lang, opts.chart_format);
    let _ = writeln!(
        md,
        "\n{}",
        match opts.lang {
            Lang::Sv => format!(
                "Till sammanträdet: bilden `{name}` bredvid rapporten visar alla områden på en bild (1600 × 900), med senaste året, bedömningen och en liten trendlinje där löftesperioden är skuggad."
            ),
            Lang::En => format!(
                "For the council meeting: the image `{name}` beside the report shows every area on one slide (1600 × 900), with the latest year, the verdict and a small trend line with the pledge period shaded."
            ),
        }
    );
}

/// The plain last line: the tool, its version and the source.
pub fn footer(md: &mut String, lang: Lang) {
    let version = env!("CARGO_PKG_VERSION");
    let short = version.rsplit_once('.').map_or(version, |(a, _)| a);
    let _ = writeln!(
        md,
        "\n---\n\n{} {short} {}",
        lang.pick("Framtagen med brottstrend", "Produced with brottstrend"),
        lang.pick(
            "från Brås statistikdatabas",
            "from Brå's statistics database"
        )
    );
}
