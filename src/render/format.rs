//! Number formatting, in one place: Swedish style (`1 234`, `12,5`) or English (`1,234`,
//! `12.5`).

/// The report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Swedish (default).
    Sv,
    /// English.
    En,
}

impl Lang {
    /// Picks the Swedish or the English text.
    pub fn pick<'a>(self, sv: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }
}

/// A number with `decimals` decimals and grouped thousands, in the language's style.
pub fn number(x: f64, decimals: usize, lang: Lang) -> String {
    if !x.is_finite() {
        return "–".to_owned();
    }
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let (group, point) = match lang {
        Lang::Sv => (' ', ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    let negative = x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if negative { "−" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{point}{frac}")
    }
}

/// A whole number with grouped thousands.
pub fn int(x: u64, lang: Lang) -> String {
    number(x as f64, 0, lang)
}

/// A fraction as a signed percentage, e.g. `+12,5 %` / `+12.5%`.
pub fn percent(fraction: f64, decimals: usize, lang: Lang) -> String {
    let sign = if fraction > 0.0 { "+" } else { "" };
    let n = number(fraction * 100.0, decimals, lang);
    match lang {
        Lang::Sv => format!("{sign}{n} %"),
        Lang::En => format!("{sign}{n}%"),
    }
}

/// No-break space: joins a number to its unit and the groups of a Swedish number.
pub const NBSP: char = '\u{a0}';

/// The report's typography, applied to the finished text so every sentence gets it, whoever
/// wrote it: a line never breaks inside a number (`1 936`, `100 000`) or between a number and
/// its unit (`95 %`, `+1,6 %`, `95 % KI`). Swedish writes `95 %` with a no-break space,
/// English `95%` without one, each one way throughout.
pub fn typeset(text: &str, lang: Lang) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    for (i, &c) in chars.iter().enumerate() {
        if c != ' ' || i == 0 {
            out.push(c);
            continue;
        }
        let prev = chars[i - 1];
        let next = chars.get(i + 1).copied().unwrap_or('\n');
        let after = |k: usize| chars.get(i + k).copied().unwrap_or('\n');
        let group = prev.is_ascii_digit()
            && (1..=3).all(|k| after(k).is_ascii_digit())
            && !after(4).is_ascii_digit();
        let percent_unit =
            prev == '%' && (text_at(&chars, i + 1, "KI") || text_at(&chars, i + 1, "CI"));
        match (lang, prev.is_ascii_digit() && next == '%') {
            (Lang::En, true) => {}
            (Lang::Sv, true) => out.push(NBSP),
            _ if group || percent_unit => out.push(NBSP),
            _ => out.push(' '),
        }
    }
    out
}

/// True when `word` stands at `at` in `chars`.
fn text_at(chars: &[char], at: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, w)| chars.get(at + k) == Some(&w))
}

/// A number for machine-readable files: decimal point, at most 6 decimals, no trailing zeros.
pub fn plain(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// Swedish month names, January first.
pub const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];
/// English month names, January first.
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[cfg(test)]
#[path = "format_tests.rs"]
mod tests;
