//! Swedish kommuner, counties (SCB's kommun and län codes) and the seven police regions, and
//! matching region labels in exports to them.
//!
//! Exports name regions in several ways: `Nordanstig`, `Nordanstig kommun`, `Nordanstigs
//! kommun` (genitive), `2132 Nordanstig` (SCB), `Malung-Sälen` with a hyphen or en dash,
//! `Hela landet` / `Riket` for the nation, `Gävleborgs län` for a county and `Region Mitt` for
//! a police region. The list is SCB's code list, compiled into the binary from
//! `assets/kommuner.csv`; the police regions and their counties are the Police Authority's
//! (since 2015; BRÅ's sub-national series are by police region).

const KOMMUNER_CSV: &str = include_str!("../assets/kommuner.csv");

/// The SCB code of the nation.
pub const NATION_CODE: &str = "00";

/// The seven police regions: code used by this tool (they have no SCB code), name as BRÅ
/// writes it, and the SCB codes of their counties.
pub const POLICE_REGIONS: [(&str, &str, &[&str]); 7] = [
    ("PR-NORD", "Region Nord", &["22", "23", "24", "25"]),
    ("PR-MITT", "Region Mitt", &["03", "19", "21"]),
    ("PR-STOCKHOLM", "Region Stockholm", &["01", "09"]),
    ("PR-OST", "Region Öst", &["04", "05", "06"]),
    ("PR-VAST", "Region Väst", &["13", "14"]),
    ("PR-SYD", "Region Syd", &["07", "08", "10", "12"]),
    ("PR-BERGSLAGEN", "Region Bergslagen", &["17", "18", "20"]),
];

/// Whether a region is a kommun, a county, a police region or the nation; serialised as
/// [`Level::as_str`] names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The pledge kommun or any other kommun.
    Kommun,
    /// A county (län).
    County,
    /// A police region (`Region Mitt`), a group of counties.
    PoliceRegion,
    /// The whole country.
    Nation,
}

impl Level {
    /// The label used in output files.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Kommun => "kommun",
            Level::County => "county",
            Level::PoliceRegion => "police_region",
            Level::Nation => "nation",
        }
    }

    /// The level named by [`Level::as_str`]; `None` for any other text.
    pub fn parse(s: &str) -> Option<Level> {
        [
            Level::Kommun,
            Level::County,
            Level::PoliceRegion,
            Level::Nation,
        ]
        .into_iter()
        .find(|l| l.as_str() == s)
    }
}

/// A region resolved to its SCB code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// SCB code: `00`, two-digit län or four-digit kommun; `PR-MITT` etc. for police regions.
    pub code: String,
    /// Name as in SCB's list (`Riket` for the nation).
    pub name: String,
    /// Kommun, county or nation.
    pub level: Level,
}

/// SCB's kommun list.
#[derive(Debug, Clone)]
pub struct Regions {
    kommuner: Vec<(String, String, String, String)>,
    /// Per kommun, in the same order: its name normalised, that folded, and its county's name
    /// normalised and folded (computed once: a national export resolves hundreds of labels).
    keys: Vec<(String, String, String)>,
}

impl Default for Regions {
    fn default() -> Self {
        Self::new()
    }
}

impl Regions {
    /// The list compiled into the binary.
    pub fn new() -> Self {
        let kommuner = KOMMUNER_CSV
            .lines()
            .skip(1)
            .filter_map(|l| {
                let mut f = l.trim_end_matches('\r').split(';');
                Some((
                    f.next()?.to_owned(),
                    f.next()?.to_owned(),
                    f.next()?.to_owned(),
                    f.next()?.to_owned(),
                ))
            })
            .collect::<Vec<(String, String, String, String)>>();
        let keys = kommuner
            .iter()
            .map(|k| {
                let name = normalise(&k.1);
                let folded = fold(&name);
                (name, folded, fold(&normalise(&k.3)))
            })
            .collect();
        Regions { kommuner, keys }
    }

    /// The nation.
    pub fn nation(&self) -> Region {
        Region {
            code: NATION_CODE.to_owned(),
            name: "Riket".to_owned(),
            level: Level::Nation,
        }
    }

    /// The county a kommun code belongs to.
    pub fn county_of(&self, kommun_code: &str) -> Option<Region> {
        self.kommuner
            .iter()
            .find(|k| k.0 == kommun_code)
            .map(|k| Region {
                code: k.2.clone(),
                name: k.3.clone(),
                level: Level::County,
            })
    }

    /// The police region a kommun belongs to (through its county).
    pub fn police_region_of(&self, kommun_code: &str) -> Option<Region> {
        let county = self.county_of(kommun_code)?;
        POLICE_REGIONS
            .iter()
            .find(|(_, _, counties)| counties.contains(&county.code.as_str()))
            .map(|(code, name, _)| police_region(code, name))
    }

    /// The SCB codes of a county's kommuner, in code order (empty for any other code).
    pub fn kommuner_in_county(&self, county_code: &str) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .kommuner
            .iter()
            .filter(|k| k.2 == county_code)
            .map(|k| k.0.as_str())
            .collect();
        out.sort_unstable();
        out
    }

    /// The SCB codes of a police region's counties (empty for any other code).
    pub fn police_region_counties(&self, code: &str) -> &'static [&'static str] {
        POLICE_REGIONS
            .iter()
            .find(|(c, _, _)| *c == code)
            .map_or(&[], |(_, _, counties)| *counties)
    }

    /// Resolves a code (`2132`, `21`, `00`, `0000`) or a name, as exports write them.
    pub fn resolve(&self, label: &str) -> Option<Region> {
        let label = label.trim().trim_matches('"').trim();
        if let Some((code, rest)) = label.split_once(' ')
            && code.chars().all(|c| c.is_ascii_digit())
        {
            // SCB style "2132 Nordanstig": the code decides.
            let _ = rest;
            return self.by_code(code);
        }
        if label.chars().all(|c| c.is_ascii_digit()) {
            return self.by_code(label);
        }
        if let Some((c, name, _)) = POLICE_REGIONS
            .iter()
            .find(|p| p.0.eq_ignore_ascii_case(label))
        {
            return Some(police_region(c, name));
        }
        self.by_name(label)
    }

    fn by_code(&self, code: &str) -> Option<Region> {
        if code == "00" || code == "0000" {
            return Some(self.nation());
        }
        if let Some((c, name, _)) = POLICE_REGIONS.iter().find(|p| p.0 == code) {
            return Some(police_region(c, name));
        }
        if let Some(k) = self.kommuner.iter().find(|k| k.0 == code) {
            return Some(Region {
                code: k.0.clone(),
                name: k.1.clone(),
                level: Level::Kommun,
            });
        }
        self.kommuner.iter().find(|k| k.2 == code).map(|k| Region {
            code: k.2.clone(),
            name: k.3.clone(),
            level: Level::County,
        })
    }

    fn by_name(&self, label: &str) -> Option<Region> {
        let key = normalise(label);
        if matches!(
            key.as_str(),
            "hela landet" | "riket" | "sverige" | "hela riket"
        ) {
            return Some(self.nation());
        }
        // `Region Mitt`, `Polisregion Mitt`.
        let police = key.strip_prefix("polis").unwrap_or(&key);
        if let Some((c, name, _)) = POLICE_REGIONS.iter().find(|p| normalise(p.1) == police) {
            return Some(police_region(c, name));
        }
        let folded = fold(&key);
        if let Some((k, _)) = self
            .kommuner
            .iter()
            .zip(&self.keys)
            .find(|(_, keys)| keys.2 == folded)
        {
            return Some(Region {
                code: k.2.clone(),
                name: k.3.clone(),
                level: Level::County,
            });
        }
        let stem = key
            .strip_suffix(" kommun")
            .or_else(|| key.strip_suffix(" stad"))
            .unwrap_or(&key);
        let found = self.kommuners_named(stem).or_else(|| {
            // Genitive: "Arjeplogs kommun", "Nordanstigs kommun".
            stem.strip_suffix('s')
                .filter(|_| key.ends_with(" kommun"))
                .and_then(|s| self.kommuners_named(s))
        });
        found.map(|k| Region {
            code: k.0.clone(),
            name: k.1.clone(),
            level: Level::Kommun,
        })
    }

    /// The kommun named `stem`; a name typed without å, ä, ö or é ("Gavle") matches when it
    /// names exactly one kommun, as a newcomer's keyboard or an export may write it.
    fn kommuners_named(&self, stem: &str) -> Option<&(String, String, String, String)> {
        let named = self.kommuner.iter().zip(&self.keys);
        if let Some((k, _)) = named.clone().find(|(_, keys)| keys.0 == stem) {
            return Some(k);
        }
        let folded = fold(stem);
        let mut found = named.filter(|(_, keys)| keys.1 == folded);
        match (found.next(), found.next()) {
            (Some((k, _)), None) => Some(k),
            _ => None,
        }
    }

    /// Up to three known kommuner closest to an unknown label, for error messages: by code
    /// for a code (`2133` → `2132 Nordanstig`, …), by name for a name (letters with and
    /// without diacritics alike).
    pub fn suggest(&self, label: &str) -> Vec<String> {
        let key = normalise(label);
        let key = key.strip_suffix(" kommun").unwrap_or(&key);
        if let Some(code) = leading_code(key) {
            return self.suggest_codes(code);
        }
        let key = fold(key);
        let mut scored: Vec<(usize, &str)> = self
            .kommuner
            .iter()
            .map(|k| (edit_distance(&key, &fold(&normalise(&k.1))), k.1.as_str()))
            .collect();
        scored.sort();
        scored
            .into_iter()
            .take(3)
            .map(|(_, n)| n.to_owned())
            .collect()
    }

    /// The three kommun codes nearest an unknown code: fewest differing digits, then the
    /// numerically closest, written `2132 Nordanstig`.
    fn suggest_codes(&self, code: &str) -> Vec<String> {
        let value: i64 = code.parse().unwrap_or(0);
        let mut scored: Vec<(usize, i64, &str, &str)> = self
            .kommuner
            .iter()
            .map(|k| {
                let other: i64 = k.0.parse().unwrap_or(0);
                let distance = edit_distance(code, &k.0);
                (distance, (other - value).abs(), k.0.as_str(), k.1.as_str())
            })
            .collect();
        scored.sort();
        scored
            .into_iter()
            .take(3)
            .map(|(_, _, c, n)| format!("{c} {n}"))
            .collect()
    }
}

fn police_region(code: &str, name: &str) -> Region {
    Region {
        code: code.to_owned(),
        name: name.to_owned(),
        level: Level::PoliceRegion,
    }
}

/// Lower case, en dash and hyphen alike, single spaces.
fn normalise(s: &str) -> String {
    s.to_lowercase()
        .replace(['\u{2013}', '\u{2014}'], "-")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Letters with diacritics as a keyboard without them writes them (å, ä → a; ö → o; é → e).
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'å' | 'ä' | 'á' | 'à' => 'a',
            'ö' | 'ø' | 'ó' => 'o',
            'é' | 'è' | 'ë' => 'e',
            'ü' => 'u',
            _ => c,
        })
        .collect()
}

/// The digits a label starts with when it is a code (`2133`, `2133 Foo`), else `None`.
fn leading_code(label: &str) -> Option<&str> {
    let code = label.split(' ').next()?;
    (code.len() >= 2 && code.chars().all(|c| c.is_ascii_digit())).then_some(code)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
#[path = "regions_tests.rs"]
mod tests;
