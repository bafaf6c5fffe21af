//! The Databasfil the stand-in serves: built from the ids asked for, with the names of the
//! fixture menus, in Latin-1 with BRÅ's header, CRLF and the trailing `;` of data rows.

use crate::common::fixtures;
use std::collections::HashMap;

/// Names by id from the fixture menus, read with a plain split (not the tool's parser).
pub struct Names {
    crimes: HashMap<String, (String, String)>,
    regions: HashMap<String, String>,
    periods: HashMap<String, String>,
}

impl Names {
    /// Reads both fixture menus.
    pub fn read() -> Names {
        let mut names = Names {
            crimes: HashMap::new(),
            regions: HashMap::new(),
            periods: HashMap::new(),
        };
        for file in ["menu_year.html", "menu_month.html"] {
            let bytes = std::fs::read(fixtures().join("fetch").join(file)).expect("menu fixture");
            let text: String = bytes.iter().map(|&b| b as char).collect();
            for line in text.lines() {
                let Some((left, value)) = line.split_once("=\"") else {
                    continue;
                };
                let f: Vec<&str> = value.trim_end_matches("\";").split('*').collect();
                let name = f
                    .get(1)
                    .unwrap_or(&"")
                    .trim_start_matches('\u{a0}')
                    .to_owned();
                if left.starts_with("arrayNivatva[") {
                    names
                        .crimes
                        .insert(f[0].to_owned(), (name, f[2].to_owned()));
                } else if left.starts_with("arrayRegionNivaTva[") {
                    names.regions.insert(f[0].to_owned(), name);
                } else if left.starts_with("arrayPeriod[") {
                    names.periods.insert(f[0].to_owned(), f[3].to_owned());
                }
            }
        }
        names
    }
}

fn latin1(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect()
}

/// The Databasfil for a form: region by region, each chosen crime type (its parent echoed
/// with `..` first when not chosen), every period; counts from the ids, so they are stable.
pub fn databasfil(form: &HashMap<String, String>, names: &Names) -> Vec<u8> {
    let ids = |k: &str| -> Vec<String> {
        form.get(k)
            .map_or_else(Vec::new, |v| v.split('*').map(str::to_owned).collect())
    };
    let (crimes, regions, periods) = (
        ids("brottstyp_id_string"),
        ids("region_id_string"),
        ids("period_id_string"),
    );
    let mut text = String::from("Region;Brott;År;Period;Antal;/100 000 inv\r\n");
    for r in &regions {
        let region = &names.regions[r];
        let mut echoed: Vec<&str> = Vec::new();
        for c in &crimes {
            let (crime, parent) = &names.crimes[c];
            if parent != "0" && !crimes.contains(parent) && !echoed.contains(&parent.as_str()) {
                echoed.push(parent);
                for p in &periods {
                    let (year, period) = year_and_period(&names.periods[p]);
                    text.push_str(&format!(
                        "{region};{};{year};{period};..;..;\r\n",
                        names.crimes[parent].0
                    ));
                }
            }
            for p in &periods {
                let (year, period) = year_and_period(&names.periods[p]);
                let n: u64 = [c, r, p]
                    .iter()
                    .map(|s| s.parse::<u64>().unwrap_or(0))
                    .sum::<u64>()
                    % 23;
                text.push_str(&format!(
                    "{region};{crime};{year};{period};{n};{};\r\n",
                    n * 11
                ));
            }
        }
    }
    latin1(&text)
}

/// `2026 prel., Jan` → (`2026 prel.`, `Jan`); a yearly `2025` → (`År`, `2025`).
fn year_and_period(full: &str) -> (String, String) {
    match full.split_once(", ") {
        Some((y, p)) => (y.to_owned(), p.to_owned()),
        None => ("År".to_owned(), full.to_owned()),
    }
}
