//! Notes and warnings from the analysis, worded in the report language (English comes
//! from [`crate::notes`] itself).

use super::format::{Lang, MONTHS_SV};
use crate::notes::{Note, UnreadKind, Warning};

/// A note in the report language.
pub fn note(n: &Note, lang: Lang) -> String {
    if lang == Lang::En {
        return n.english();
    }
    match n {
        Note::NoPledgeYears => {
            "inget år i löftesperioden har ännu både antal och befolkning".into()
        }
        Note::NoBaselineYears => {
            "inget år i jämförelseperioden har både antal och befolkning".into()
        }
        Note::BaselineYearsMissing { years } => {
            format!("{years} år i jämförelseperioden saknar antal eller befolkning")
        }
        Note::ZeroBaseline => {
            "inga brott under jämförelseperioden, så kvoten kan inte beräknas".into()
        }
        Note::ZeroPledge => "inga brott under löftesperioden; intervallets nedre gräns är 0".into(),
        Note::FewEvents { below } => format!("färre än {below} brott totalt: mycket osäkert"),
        Note::StepNotModelled { date } => format!(
            "seriebrottet {date} sammanfaller med löftesåren och kunde inte tas med som ett steg i modellen"
        ),
        Note::BreakInComparison { date, what } => {
            format!(
                "seriebrottet {date} ({what}) ligger inom de jämförda åren och kan påverka jämförelsen"
            )
        }
        Note::TrendAfterBreak { year, date, what } => {
            format!("trenden börjar {year}, efter seriebrottet {date} ({what})")
        }
        Note::TooFewYears {
            years,
            from,
            needed,
        } => {
            format!(
                "bara {years} år med antal och befolkning från {from}; en trend kräver minst {needed}"
            )
        }
        Note::NoData => "inget år har data".into(),
        Note::TrendNotFitted => "trenden kunde inte skattas (t.ex. är alla antal noll)".into(),
        Note::TrendGaps { years } => format!("{years} år i perioden saknar antal eller befolkning"),
        Note::FunnelKommunIncomplete => {
            "kommunen saknar antal eller befolkning något år i löftesperioden".into()
        }
        Note::FunnelAlone => "bara den egna kommunen finns i data: inget att jämföra med".into(),
        Note::FunnelNoCrimes => "inga brott i någon kommun".into(),
        Note::FunnelWidened => {
            "gränserna är vidgade för spridningen mellan kommunerna och osäkerheten i genomsnittet".into()
        }
        Note::FunnelNoOverdispersion => {
            "ingen spridning mellan kommunerna utöver slumpen; gränserna är vidgade bara för osäkerheten i genomsnittet".into()
        }
        Note::FunnelFewWithCrimes => {
            "för få kommuner med brott för att skatta spridningen mellan dem: exakta Poissongränser".into()
        }
        Note::FunnelFewKommuner { needed } => {
            format!(
                "exakta Poissongränser; färre än {needed} kommuner i underlaget, så spridningen mellan kommunerna kan inte skattas och inget läge anges"
            )
        }
        Note::SurroundingsNoComparison => {
            "kommunen saknar en jämförelse mellan löftesperioden och jämförelseperioden".into()
        }
        Note::SurroundingsRegionIncomplete { years } => {
            format!("området saknar antal eller befolkning för {years} av de jämförda åren")
        }
        Note::SurroundingsOnlyKommun => {
            "områdets siffror är kommunens egna: ingen annan kommun i området finns i underlaget"
                .into()
        }
        Note::SurroundingsNotFitted => {
            "kvoten kunde inte skattas (t.ex. inga brott under en av perioderna)".into()
        }
    }
}

/// Notes joined into one sentence, first letter capitalised, with a full stop.
pub fn notes(list: &[Note], lang: Lang) -> Option<String> {
    if list.is_empty() {
        return None;
    }
    let text = list
        .iter()
        .map(|n| note(n, lang))
        .collect::<Vec<_>>()
        .join("; ");
    let mut chars = text.chars();
    let first = chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>())
        .unwrap_or_default();
    Some(format!("{first}{}.", chars.as_str()))
}

/// A warning in the report language.
pub fn warning(w: &Warning, lang: Lang) -> String {
    if lang == Lang::En {
        return w.english();
    }
    match w {
        Warning::Preliminary { file, years } => format!(
            "{file}: {} är preliminärt (Brå reviderar siffrorna fram till den slutliga statistiken)",
            years
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Warning::PatternUnmatched { area, pattern } => {
            format!("området `{area}`: mönstret ”{pattern}” matchar ingen brottstyp i data")
        }
        Warning::MissingYear {
            area,
            region,
            year,
            first,
            last,
        } => {
            format!(
                "området `{area}`: {region} saknar uppgift för {year}, mellan {first} och {last}"
            )
        }
        Warning::MissingPopulation { area, region, year } => {
            format!(
                "området `{area}`: befolkning saknas för {region} {year}, så takten beräknas inte"
            )
        }
        Warning::NoPopulation { region } => format!(
            "befolkning för {region} saknas i alla filer: takter, jämförelsen med jämförelseperioden och trender kräver SCB:s befolkningsexport (se README)"
        ),
        Warning::KoladaWithoutPopulation { rates } => {
            format!(
                "{rates} nyckeltal från Kolada saknar befolkning för sin region och sitt år: inget antal härlett"
            )
        }
        Warning::PoliceUnknownPlaces { events, places } => {
            format!(
                "{events} händelser från polisen hoppades över eftersom platsen inte är en kommun eller ett län: {places}"
            )
        }
        Warning::PoliceDuplicates { events } => {
            format!("{events} händelser från polisen fanns två gånger och räknades en gång")
        }
        Warning::PartialYear {
            file,
            year,
            through,
        } => partial_year(file, *year, through.as_deref()),
        Warning::NotRead { file, kind } => not_read(file, *kind),
        Warning::PartialCounty {
            area,
            county,
            present,
            total,
        } => format!(
            "området `{area}`: underlaget har {present} av de {total} kommunerna i {county} och inga rader för länet eller polisregionen. Jämförelsen visas därför som summan av {present} av {total} kommuner, inte som länet"
        ),
    }
}

/// [`Warning::PartialYear`] in Swedish, naming the last month (`mars 2026`).
fn partial_year(file: &str, year: i32, through: Option<&str>) -> String {
    let Some(through) = through else {
        return format!(
            "{file} exporterades innan {year} var slut, så helårssiffrorna för {year} (prel.) omfattar bara en del av året och används inte som hela årets siffror"
        );
    };
    let month = through
        .get(5..)
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| MONTHS_SV.get(m.wrapping_sub(1)))
        .map_or_else(|| through.to_owned(), |m| format!("{m} {year}"));
    format!(
        "{file}: helårssiffrorna för {year} (prel.) omfattar bara månaderna till och med {month}, de som var publicerade när filen exporterades, och används därför inte som hela årets siffror (året hittills redovisas i månadsdelen)"
    )
}

/// [`Warning::NotRead`] in Swedish, with what to do for the kind of file.
fn not_read(file: &str, kind: UnreadKind) -> String {
    let advice = match kind {
        UnreadKind::Spreadsheet => {
            "spara kalkylbladet som CSV (i Excel: Arkiv → Spara som → CSV) och lägg CSV-filen i datamappen"
        }
        UnreadKind::Pdf => {
            "en PDF innehåller ingen tabell som verktyget kan läsa; hämta tabellen som CSV ur Brås eller SCB:s databas"
        }
        UnreadKind::Other => "bara filer som slutar på .csv, .tsv, .txt eller .json läses",
    };
    format!("{file} lästes inte: {advice}")
}
