//! Every number in the report's Sammanfattning equals the value in `summary.json` (to the
//! precision shown).

use crate::common::*;

/// Parses Swedish numbers (`1 234`, `1,44`, `−1,9`) out of a text, in order.
fn numbers(text: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next_is_digit = chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() {
            current.push(c);
        } else if (c == ',' || c == ' ') && !current.is_empty() && next_is_digit {
            current.push(if c == ',' { '.' } else { '_' });
        } else if c == '−' && next_is_digit && current.is_empty() {
            current.push('-');
        } else if !current.is_empty() {
            out.push(current.replace('_', "").parse().unwrap());
            current.clear();
        }
    }
    if !current.is_empty() {
        out.push(current.replace('_', "").parse().unwrap());
    }
    out
}

fn near(shown: f64, value: f64, decimals: i32) {
    let tolerance = 0.5 * 10f64.powi(-decimals) + 1e-9;
    assert!(
        (shown - value).abs() <= tolerance,
        "report shows {shown}, summary.json has {value}"
    );
}

#[test]
fn every_number_in_the_sammanfattning_equals_summary_json() {
    let dir = copy_of("verdicts/doubling");
    // Use the shipped example data, which has every kind of figure.
    let data = dir.path().join("data");
    std::fs::remove_dir_all(&data).unwrap();
    std::fs::create_dir(&data).unwrap();
    for e in
        std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap()
    {
        let e = e.unwrap();
        std::fs::copy(e.path(), data.join(e.file_name())).unwrap();
    }
    assert_eq!(analyze(dir.path(), &[]).0, 0);
    let s = summary(dir.path());
    let report = std::fs::read_to_string(dir.path().join("reports/report.md")).unwrap();
    let section = report
        .split("## Sammanfattning")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    let mut checked = 0;
    for area in s["areas"].as_array().unwrap() {
        let title = area["title"].as_str().unwrap();
        let row = section
            .lines()
            .find(|l| l.starts_with(&format!("| {title} |")))
            .unwrap();
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        // Latest year and its count.
        let latest = area["years"]
            .as_array()
            .unwrap()
            .iter()
            .rfind(|y| y["level"] == "kommun" && !y["count"].is_null())
            .unwrap();
        assert_eq!(
            numbers(cells[2]),
            vec![
                latest["year"].as_f64().unwrap(),
                latest["count"].as_f64().unwrap()
            ]
        );
        // Rate ratio and interval.
        let c = &area["pledge_vs_baseline"];
        let rr = numbers(cells[3]);
        assert_eq!(rr[1], 95.0);
        near(rr[0], c["adjusted_rate_ratio"].as_f64().unwrap(), 2);
        // The interval shown is the quasi-Poisson one the verdict uses.
        near(rr[2], c["adjusted_ci_low"].as_f64().unwrap(), 2);
        near(rr[3], c["adjusted_ci_high"].as_f64().unwrap(), 2);
        // Trend, when estimated: annual change and interval in percent.
        if let Some(change) = area["trend"]["annual_change"].as_f64() {
            let t = numbers(cells[4]);
            near(t[0], change * 100.0, 1);
            near(t[2], area["trend"]["ci_low"].as_f64().unwrap() * 100.0, 1);
            near(t[3], area["trend"]["ci_high"].as_f64().unwrap() * 100.0, 1);
            checked += 1;
        }
        // The sentence: average per year in the pledge period and in the baseline.
        let sentence = section
            .lines()
            .find(|l| l.starts_with(&format!("**{title}.**")))
            .unwrap();
        let n = numbers(sentence);
        let years = c["pledge_years"].as_array().unwrap();
        let (first, last) = (years[0].as_f64().unwrap(), years[1].as_f64().unwrap());
        assert_eq!(&n[..2], [first, last]);
        // While the pledge runs the label reads "hittills 2023–2025 av 2023–2026".
        let pledge_end = s["pledge"][1].as_f64().unwrap();
        let at = if last < pledge_end {
            assert_eq!(n[3], pledge_end);
            4
        } else {
            2
        };
        // Averages over the years actually used.
        let used = c["pledge_years_used"].as_f64().unwrap();
        near(n[at], c["pledge_count"].as_f64().unwrap() / used, 0);
        let used = c["baseline_years_used"].as_f64().unwrap();
        near(n[at + 1], c["baseline_count"].as_f64().unwrap() / used, 0);
        checked += 1;
    }
    assert!(
        checked >= 3,
        "the example data has a trend for at least one area"
    );
}

#[test]
fn swedish_numbers_are_parsed_as_shown() {
    assert_eq!(
        numbers("kvot 1,44; 95 % KI 1,07–1,92"),
        vec![1.44, 95.0, 1.07, 1.92]
    );
    assert_eq!(
        numbers("+2,6 % per år (95 % KI −1,9 % till +7,2 %)"),
        vec![2.6, 95.0, -1.9, 7.2]
    );
    assert_eq!(numbers("2025: 1 234 (prel.)"), vec![2025.0, 1234.0]);
}
