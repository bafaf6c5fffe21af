//! Chart tests: every chart of a realistic summary and of edge cases renders, is 1600 × 900
//! or larger, is not blank, carries its texts in SVG and is byte-identical when rendered
//! twice. Set `BROTTSTREND_CHART_OUT` to a folder to get the PNGs written there.

use super::cases::{all_summaries, realistic};
use super::fixtures::RELATIONSHIP;
use super::*;
use crate::model::Level;

fn opts(lang: Lang, format: ChartFormat, pooled: bool) -> ChartOptions {
    ChartOptions {
        lang,
        format,
        pooled,
    }
}

/// The Swedish SVG of chart `file` (e.g. "overview.svg") for `s`.
fn svg(s: &Summary, file: &str) -> anyhow::Result<String> {
    let files = render_all(s, &opts(Lang::Sv, ChartFormat::Svg, false))?;
    let (_, bytes) = files
        .into_iter()
        .find(|(n, _)| n == file)
        .ok_or_else(|| anyhow::anyhow!("no {file}"))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Fraction of pixels that are not near-white, and the variance of the grey values.
fn ink(img: &image::RgbImage) -> (f64, f64) {
    let grey: Vec<f64> = img
        .pixels()
        .map(|p| (f64::from(p[0]) + f64::from(p[1]) + f64::from(p[2])) / 3.0)
        .collect();
    let n = grey.len().max(1) as f64;
    let mean = grey.iter().sum::<f64>() / n;
    let var = grey.iter().map(|g| (g - mean).powi(2)).sum::<f64>() / n;
    let dark = grey.iter().filter(|g| **g < 200.0).count() as f64 / n;
    (dark, var)
}

#[test]
fn every_png_is_large_enough_not_blank_and_deterministic() -> anyhow::Result<()> {
    let out = std::env::var_os("BROTTSTREND_CHART_OUT").map(std::path::PathBuf::from);
    for (name, s) in all_summaries() {
        for (lang, pooled) in [(Lang::Sv, false), (Lang::En, true)] {
            let o = opts(lang, ChartFormat::Png, pooled);
            let files = render_all(&s, &o)?;
            // An area with one crime type has no composition chart.
            let want: usize = s
                .areas
                .iter()
                .map(|a| if a.crimes.len() < 2 { 3 } else { 4 })
                .sum();
            assert_eq!(files.len(), want + 1, "{name}");
            assert_eq!(files, render_all(&s, &o)?, "{name}: not deterministic");
            for (file, bytes) in &files {
                let img =
                    image::load_from_memory_with_format(bytes, image::ImageFormat::Png)?.to_rgb8();
                assert!(img.width() >= 1600 && img.height() >= 900, "{name}/{file}");
                let (dark, var) = ink(&img);
                assert!(
                    dark > 0.01 && var > 300.0,
                    "{name}/{file}: blank? {dark} {var}"
                );
                if let Some(dir) = &out {
                    std::fs::create_dir_all(dir)?;
                    let tag = if lang == Lang::Sv { "sv" } else { "en" };
                    std::fs::write(dir.join(format!("{name}-{tag}-{file}")), bytes)?;
                }
            }
        }
    }
    Ok(())
}

#[test]
fn file_names_are_stable() -> anyhow::Result<()> {
    let files = render_all(&realistic(), &opts(Lang::Sv, ChartFormat::Svg, false))?;
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let want = [
        "relationship-trend.svg",
        "relationship-rates.svg",
        "relationship-composition.svg",
        "relationship-funnel.svg",
        "drugs-trend.svg",
        "drugs-rates.svg",
        "drugs-composition.svg",
        "drugs-funnel.svg",
        "overview.svg",
    ];
    assert_eq!(names, want);
    Ok(())
}

#[test]
fn svg_carries_titles_axis_labels_and_footer() -> anyhow::Result<()> {
    for (name, s) in all_summaries() {
        let o = opts(Lang::Sv, ChartFormat::Svg, false);
        let files = render_all(&s, &o)?;
        assert_eq!(files, render_all(&s, &o)?, "{name}: SVG not deterministic");
        for (file, bytes) in &files {
            let svg = String::from_utf8(bytes.clone())?;
            let has = |t: &str| svg.contains(&format!("\n{t}\n"));
            assert!(svg.contains("Källa: Brå, anmälda brott"), "{name}/{file}");
            if file == "overview.svg" && s.areas.is_empty() {
                continue;
            }
            let x_desc = if file.ends_with("funnel.svg") {
                "Personår (invånare × år), logaritmisk skala"
            } else {
                "År"
            };
            assert!(has(x_desc), "{name}/{file}: no x axis label");
            let want = match file.rsplit_once('-').map_or("", |(_, k)| k) {
                "trend.svg" | "composition.svg" => "Antal anmälda brott",
                "rates.svg" => "Anmälda brott per 100 000 invånare",
                "funnel.svg" => "Anmälda brott per 100 000 invånare och år",
                _ => "Index",
            };
            assert!(svg.contains(want), "{name}/{file}: no {want}");
            assert!(!file.ends_with("-trend.svg") || has(want), "{name}/{file}");
        }
        for a in &s.areas {
            let trend = format!("{}-trend.svg", a.id);
            let (_, bytes) = files
                .iter()
                .find(|(n, _)| *n == trend)
                .ok_or_else(|| anyhow::anyhow!("no {trend}"))?;
            let title = format!("{}: antal anmälda brott per år", a.title);
            let svg = String::from_utf8(bytes.clone())?;
            // A long title is wrapped onto two lines: then every word is still there.
            let whole = svg.contains(&format!("\n{title}\n"));
            let words = title.split_whitespace().all(|w| svg.contains(w));
            assert!(whole || (title.len() > 70 && words), "{name}: no title");
        }
    }
    let en = render_all(&realistic(), &opts(Lang::En, ChartFormat::Svg, true))?;
    let all: String = en
        .iter()
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    assert!(all.contains("Source: Brå, reported crime") && all.contains("example data"));
    assert!(all.contains("Citizen pledge 2023–2026") && all.contains("3-year pooled"));
    Ok(())
}

#[test]
fn tick_decimals_follow_the_step() {
    assert_eq!(axes::decimals(5.0, 8), 0);
    assert_eq!(axes::decimals(42.0, 8), 0);
    assert_eq!(axes::decimals(3.0, 8), 1);
    assert_eq!(axes::decimals(1.0, 8), 1);
    assert_eq!(axes::decimals(0.3, 8), 2);
    assert_eq!(axes::decimals(0.0, 8), 0);
}

#[test]
fn log_ticks_and_runs() {
    let ticks = axes::log_ticks(15_000.0, 350_000.0);
    assert_eq!(ticks, vec![20_000.0, 50_000.0, 100_000.0, 200_000.0]);
    let pts = [
        (2015, Some(1)),
        (2016, Some(2)),
        (2017, None),
        (2019, Some(3)),
    ];
    assert_eq!(
        runs(&pts),
        vec![vec![(2015, 1), (2016, 2)], vec![(2019, 3)]]
    );
}

#[test]
fn dates_fall_between_the_years() {
    assert_eq!(axes::date_x("2019-01-01"), Some(2018.5));
    assert!(axes::date_x("2019-07-02").is_some_and(|x| (x - 2019.0).abs() < 0.01));
    assert_eq!(axes::date_x("2019"), None);
    assert_eq!(axes::break_x("2019-01-01"), Some(2018.5));
    assert_eq!(axes::break_x("2020-06-30"), Some(2020.5));
    assert_eq!(axes::break_x("2021-12-31"), Some(2021.5));
    assert_eq!(axes::date_x("2019-13-01"), None);
    assert_eq!(
        composition::short_label(RELATIONSHIP[0]),
        "Misshandel inkl. grov, mot kvinna 18 år eller äldre (parrelation)"
    );
}

/// Grey values of a colour as a black-and-white printer may see it: ITU-R BT.601 and
/// BT.709 luma (printers and converters use either).
fn greys(c: RGBColor) -> [f64; 2] {
    let [r, g, b] = [c.0, c.1, c.2].map(f64::from);
    [
        0.299 * r + 0.587 * g + 0.114 * b,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
    ]
}

#[test]
fn composition_stacks_differ_in_lightness_when_printed_in_grey() {
    let colors = composition::COLORS;
    for (i, a) in colors.iter().enumerate() {
        for b in &colors[i + 1..] {
            for (ga, gb) in greys(*a).into_iter().zip(greys(*b)) {
                assert!(
                    (ga - gb).abs() >= 30.0,
                    "{a:?} {ga:.0} and {b:?} {gb:.0} print alike"
                );
            }
        }
    }
}

#[test]
fn more_than_seven_crime_types_become_six_stacks_and_ovriga() {
    use crate::render::charts::fixtures::{area, summary};
    let crimes: Vec<String> = (0..9).map(|i| format!("Typ {i}")).collect();
    let names: Vec<&str> = crimes.iter().map(String::as_str).collect();
    let s = summary(vec![area("a", "A", &names, Vec::new())], false);
    let mut years = realistic().areas[0].years.clone();
    years.retain(|y| y.level == Level::Kommun);
    for (k, y) in years.iter_mut().enumerate() {
        // Type i has i + 1 crimes a year (type 2 is `..` in the first year).
        y.by_crime = (0..9).map(|i| Some(i as u64 + 1)).collect();
        if k == 0 {
            y.by_crime[2] = None;
        }
    }
    let kommun: Vec<&YearFigures> = years.iter().collect();
    let (labels, parts) = composition::stacks(&s.areas[0].crimes, &kommun, "Övriga");
    assert_eq!(
        labels,
        [
            "Typ 3", "Typ 4", "Typ 5", "Typ 6", "Typ 7", "Typ 8", "Övriga"
        ]
    );
    assert_eq!(parts[1], [4, 5, 6, 7, 8, 9, 1 + 2 + 3].map(Some));
    assert_eq!(parts[0][6], Some(1 + 2));
    let few = &s.areas[0].crimes[..7];
    assert_eq!(composition::stacks(few, &kommun, "Övriga").0.len(), 7);
}

fn split_at(date: &str) -> BreakRef {
    BreakRef {
        date: date.to_owned(),
        what: String::new(),
        source: String::new(),
        splits_trend: true,
        what_en: None,
    }
}

#[test]
fn the_baseline_mean_never_spans_a_splitting_break() {
    let x = 2014.4..2026.6;
    // No break: from the baseline's start to the axis end.
    assert_eq!(
        trend::mean_extent([2015, 2022], &[], x.clone()),
        Some((2014.5, 2026.6))
    );
    // A break after the baseline ends the line there.
    let after = [split_at("2024-01-01")];
    assert_eq!(
        trend::mean_extent([2015, 2022], &after, x.clone()),
        Some((2014.5, 2023.5))
    );
    // A mid-year break is drawn at its year's end, and so ends the line.
    let mid = [split_at("2023-06-30")];
    assert_eq!(
        trend::mean_extent([2015, 2022], &mid, x.clone()),
        Some((2014.5, 2023.5))
    );
    // A break inside the baseline: the mean mixes both sides, so no line.
    let inside = [split_at("2020-06-30")];
    assert_eq!(trend::mean_extent([2019, 2022], &inside, x.clone()), None);
    // A break before the baseline does not matter; one that does not split is only a rule.
    let before = [split_at("2019-01-01")];
    assert_eq!(
        trend::mean_extent([2019, 2022], &before, x.clone()),
        Some((2018.5, 2026.6))
    );
    let mut counting = split_at("2021-01-01");
    counting.splits_trend = false;
    assert!(trend::mean_extent([2019, 2022], &[counting], x).is_some());
}

#[test]
fn the_rates_chart_draws_the_pooled_rates_the_model_holds() {
    // The analysis leaves a pooled rate across a splitting break out (yearly::derive); the
    // chart takes the model as it is and draws no point where the model has none.
    let mut s = realistic();
    for f in s.areas[1].years.iter_mut() {
        if f.level == Level::Kommun && (f.year == 2018 || f.year == 2019) {
            f.pooled_rate = None;
            f.pooled_rate_ci = None;
            f.pooled_rate_break = Some("2019-01-01".to_owned());
        }
    }
    let kommun = level(&s.areas[1], "kommun");
    let pooled = rates::series(&kommun, true);
    let value = |year: i32| pooled.iter().find(|p| p.0 == year).and_then(|p| p.1);
    assert!(value(2018).is_none() && value(2019).is_none());
    assert!(value(2017).is_some() && value(2020).is_some());
}

#[test]
fn overview_panels_share_one_year_range_and_label_every_year() -> anyhow::Result<()> {
    let mut s = realistic();
    // One area's index starts only in 2019: its panel still spans 2015–2026, and the two
    // panels side by side have room for every year's label.
    s.areas[1]
        .years
        .retain(|f| f.level != Level::Kommun || f.year >= 2019);
    let files = render_all(&s, &opts(Lang::Sv, ChartFormat::Svg, false))?;
    let overview = files
        .iter()
        .find(|(n, _)| n == "overview.svg")
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .ok_or_else(|| anyhow::anyhow!("no overview"))?;
    for year in 2015..=2026 {
        let n = overview.matches(&format!("\n{year}\n")).count();
        assert_eq!(n, s.areas.len(), "{year} labelled in {n} of the panels");
    }
    // Eleven or twelve years fit under a full-width chart: none is thinned out.
    let files = render_all(&realistic(), &opts(Lang::Sv, ChartFormat::Svg, false))?;
    for (name, bytes) in files.iter().filter(|(n, _)| n.ends_with("-trend.svg")) {
        let svg = String::from_utf8_lossy(bytes);
        for year in 2015..=2026 {
            assert!(svg.contains(&format!("\n{year}\n")), "{name}: no {year}");
        }
    }
    Ok(())
}

#[test]
fn the_trend_line_stops_at_a_splitting_break_inside_it() -> anyhow::Result<()> {
    let count_lines = |s: &Summary| -> anyhow::Result<usize> {
        let svg = svg(s, "relationship-trend.svg")?;
        Ok(svg.matches("stroke=\"#D55E00\" stroke-width=\"4\"").count())
    };
    let mut s = realistic();
    // The fixture's trend runs 2019–2025; its break (2019-01-01) lies before it: one line,
    // and one more in the legend's swatch.
    assert_eq!(count_lines(&s)?, 2);
    s.areas[0].breaks.push(split_at("2021-07-01"));
    // A mid-2021 break is drawn at the end of 2021: the line stops there and starts again.
    assert_eq!(count_lines(&s)?, 3);
    Ok(())
}

#[test]
fn the_summary_card_says_what_its_light_points_and_line_gaps_mean_only_when_drawn() {
    let mut s = realistic();
    let ctx = |s: &Summary| {
        card::marks_note(&Ctx {
            summary: s,
            lang: Lang::Sv,
            pooled: false,
        })
    };
    for a in &mut s.areas {
        a.breaks.clear();
        a.years.iter_mut().for_each(|f| f.partial = false);
    }
    assert_eq!(ctx(&s), "");
    s.areas[0].breaks.push(split_at("2020-06-30"));
    assert_eq!(ctx(&s), " Glapp i linjen: seriebrott.");
    s.areas[0].years[2].partial = true;
    assert_eq!(
        ctx(&s),
        " Ljus punkt: någon brottstyp saknas det året. Glapp i linjen: seriebrott."
    );
    // A break before the first year leaves no gap in the line.
    s.areas[0].breaks = vec![split_at("2010-01-01")];
    assert_eq!(ctx(&s), " Ljus punkt: någon brottstyp saknas det året.");
}

#[test]
fn example_data_carries_one_watermark_in_either_language() -> anyhow::Result<()> {
    let s = realistic();
    for lang in [Lang::Sv, Lang::En] {
        for (file, bytes) in render_all(&s, &opts(lang, ChartFormat::Svg, false))? {
            let svg = String::from_utf8(bytes)?;
            // The big light-grey mark across the middle, once (the footer tag is small, dark).
            let marks = svg
                .split("<text ")
                .filter(|t| t.contains("fill=\"#EFEFEF\""))
                .collect::<Vec<_>>();
            assert_eq!(marks.len(), 1, "{lang:?} {file}");
            assert!(marks[0].contains("\nEXEMPELDATA\n"), "{lang:?} {file}");
            assert!(!svg.contains("EXAMPLE DATA\n"), "{lang:?} {file}");
        }
    }
    Ok(())
}

#[test]
fn a_year_with_a_missing_crime_type_is_not_joined_to_its_neighbours() -> anyhow::Result<()> {
    // The kommun's line in the overview (blue, 4 px) and in the rates chart: count the
    // polylines; a `..` year in the middle of a run must split it in two.
    let lines = |s: &Summary, file: &str, stroke: &str| -> anyhow::Result<usize> {
        Ok(svg(s, file)?
            .split("<polyline")
            .skip(1)
            .filter(|p| p.contains(stroke))
            .count())
    };
    let mut s = realistic();
    for a in &mut s.areas {
        a.breaks.clear();
        a.years.iter_mut().for_each(|f| f.partial = false);
    }
    let blue = "stroke=\"#0072B2\" stroke-width=\"4\"";
    let (overview, rates) = (
        lines(&s, "overview.svg", blue)?,
        lines(&s, "relationship-rates.svg", "stroke=\"#0072B2\"")?,
    );
    let middle = s.areas[0]
        .years
        .iter_mut()
        .find(|f| f.level == Level::Kommun && f.year == 2020)
        .ok_or_else(|| anyhow::anyhow!("no 2020"))?;
    middle.partial = true;
    assert_eq!(lines(&s, "overview.svg", blue)?, overview + 1);
    assert_eq!(
        lines(&s, "relationship-rates.svg", "stroke=\"#0072B2\"")?,
        rates + 1
    );
    Ok(())
}

#[test]
fn the_composition_subtitle_points_at_the_latest_bar_only_when_there_is_one() -> anyhow::Result<()>
{
    let subtitle_names_bar = |s: &Summary| -> anyhow::Result<bool> {
        Ok(svg(s, "relationship-composition.svg")?.contains("senaste stapeln"))
    };
    let mut s = realistic();
    assert!(subtitle_names_bar(&s)?);
    for f in s.areas[0]
        .years
        .iter_mut()
        .filter(|f| f.level == Level::Kommun)
    {
        f.count = None;
        f.by_crime.iter_mut().for_each(|c| *c = None);
    }
    assert!(!subtitle_names_bar(&s)?);
    Ok(())
}
