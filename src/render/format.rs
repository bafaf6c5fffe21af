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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_numbers_use_space_groups_and_decimal_comma() {
        assert_eq!(number(1234.0, 0, Lang::Sv), "1 234");
        assert_eq!(number(1_416_280.0, 0, Lang::Sv), "1 416 280");
        assert_eq!(number(12.5, 1, Lang::Sv), "12,5");
        assert_eq!(number(-0.04, 1, Lang::Sv), "0,0");
        assert_eq!(number(-3.25, 2, Lang::Sv), "−3,25");
        assert_eq!(number(1234.5, 1, Lang::En), "1,234.5");
        assert_eq!(percent(0.125, 1, Lang::Sv), "+12,5 %");
    }

    #[test]
    fn plain_numbers_have_at_most_six_decimals() {
        assert_eq!(plain(1.0 / 3.0), "0.333333");
        assert_eq!(plain(2.0), "2");
        assert_eq!(plain(f64::NAN), "");
        assert_eq!(plain(-0.0000001), "0");
    }
}
