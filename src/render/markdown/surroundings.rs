//! The surroundings line of an area's comparisons: the kommun's change against its comparison
//! region's and the nation's, as `summary.json` records it (`AreaSummary::surroundings`).
//! Context only; the sentence says so.

use crate::model::surroundings::Surrounding;
use crate::model::{AreaSummary, Summary};
use crate::notes::Note;
use crate::render::format::{Lang, number};
use crate::render::words;
use std::fmt::Write;

/// How the kommun's change relates to one region's.
#[derive(Clone, Copy, PartialEq)]
enum Relation {
    /// The interval lies above 1.
    MoreUpward,
    /// The interval lies below 1.
    MoreDownward,
    /// The interval includes 1.
    NotDistinguishable,
    /// No ratio (see the notes).
    Missing,
}

impl Relation {
    fn of(r: &Surrounding) -> Relation {
        match (r.ci_low, r.ci_high) {
            (Some(lo), _) if lo > 1.0 => Relation::MoreUpward,
            (_, Some(hi)) if hi < 1.0 => Relation::MoreDownward,
            (Some(_), Some(_)) => Relation::NotDistinguishable,
            _ => Relation::Missing,
        }
    }

    /// The verb phrase, up to the region (which follows `i` / `in`).
    fn words(self, lang: Lang) -> &'static str {
        match self {
            Relation::MoreUpward => lang.pick("gick mer uppåt än den", "was more upward than that"),
            Relation::MoreDownward => {
                lang.pick("gick mer nedåt än den", "was more downward than that")
            }
            Relation::NotDistinguishable => lang.pick(
                "går inte att skilja från den",
                "cannot be told apart from that",
            ),
            Relation::Missing => {
                lang.pick("kan inte ställas mot den", "cannot be set against that")
            }
        }
    }
}

/// `- Jämfört med omgivningen: förändringen i Nordanstig … går inte att skilja från den i
/// Gävleborgs län (kvot 1,26; 95 % KI 0,93–1,71) eller i riket (…). …`; nothing when the
/// data has no region beside the kommun.
pub fn line(md: &mut String, s: &Summary, a: &AreaSummary, lang: Lang) {
    let mut groups: Vec<(Relation, Vec<String>)> = Vec::new();
    for r in a.surroundings.iter().filter(|r| !nothing_to_say(r)) {
        let rel = Relation::of(r);
        match groups.iter_mut().find(|g| g.0 == rel) {
            Some(g) => g.1.push(place(r, lang)),
            None => groups.push((rel, vec![place(r, lang)])),
        }
    }
    if groups.is_empty() {
        return;
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|(rel, places)| {
            // "not distinguishable from X or Y"; "more upward than in X and Y".
            let joint = match (rel, lang) {
                (Relation::NotDistinguishable | Relation::Missing, Lang::Sv) => " eller ",
                (Relation::NotDistinguishable | Relation::Missing, Lang::En) => " or ",
                (_, Lang::Sv) => " och ",
                (_, Lang::En) => " and ",
            };
            format!("{} {}", rel.words(lang), places.join(joint))
        })
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let _ = match lang {
        Lang::Sv => writeln!(
            md,
            "- Jämfört med omgivningen: förändringen i {} från jämförelseperioden till löftesperioden {}. Det är sammanhang och ändrar inte bedömningen.",
            s.region.name,
            words::join_and(&parts, lang)
        ),
        Lang::En => writeln!(
            md,
            "- Against the surroundings: the change in {} from the baseline to the pledge period {}. This is context and does not change the verdict.",
            s.region.name,
            words::join_and(&parts, lang)
        ),
    };
}

/// A region that is the kommun itself, or a kommun without a comparison (the comparison
/// already says why): a sentence about it would only repeat or confuse.
fn nothing_to_say(r: &Surrounding) -> bool {
    r.ratio.is_none()
        && r.notes.iter().all(|n| {
            matches!(
                n,
                Note::SurroundingsOnlyKommun | Note::SurroundingsNoComparison
            )
        })
}

/// `i Gävleborgs län (kvot 1,26; 95 % KI 0,93–1,71)`, or with the reason there is no ratio.
fn place(r: &Surrounding, lang: Lang) -> String {
    let name = match (r.level.as_str(), lang) {
        ("nation", Lang::Sv) => "riket".to_owned(),
        _ => words::region_name(&r.level, &r.region_name, lang),
    };
    let prep = lang.pick("i", "in");
    let (Some(ratio), Some(lo), Some(hi)) = (r.ratio, r.ci_low, r.ci_high) else {
        let why: Vec<String> = r
            .notes
            .iter()
            .map(|n| crate::render::notes::note(n, lang))
            .collect();
        return format!("{prep} {name} ({})", why.join("; "));
    };
    let (lo, hi) = (words::ratio_limit(lo, lang), words::ratio_limit(hi, lang));
    let ratio = number(ratio, 2, lang);
    match lang {
        Lang::Sv => format!("{prep} {name} (kvot {ratio}; 95 % KI {lo}–{hi})"),
        Lang::En => format!("{prep} {name} (ratio {ratio}; 95% CI {lo}–{hi})"),
    }
}
