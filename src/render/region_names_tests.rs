//! Unit tests of `src/render/region_names.rs`.

use super::*;
use crate::model::comparison::KommunCount;

fn county(source: ComparisonSource, present: usize) -> ComparisonRegion {
    ComparisonRegion {
        level: ComparisonLevel::County,
        code: "21".to_owned(),
        name: "Gävleborgs län".to_owned(),
        source,
        kommuner: (source == ComparisonSource::SumOfKommuner)
            .then_some(KommunCount { present, total: 10 }),
    }
}

#[test]
fn a_partial_sum_is_never_named_as_the_county() {
    let c = county(ComparisonSource::SumOfKommuner, 8);
    assert_eq!(
        comparison_name(&c, Lang::Sv),
        "Summan av 8 av 10 kommuner i Gävleborgs län"
    );
    assert_eq!(
        comparison_name(&c, Lang::En),
        "Sum of 8 of 10 municipalities in Gävleborg County"
    );
    let whole = county(ComparisonSource::SumOfKommuner, 10);
    assert_eq!(comparison_name(&whole, Lang::Sv), "Gävleborgs län");
}

#[test]
fn a_police_region_is_named_as_one_in_both_languages() {
    assert_eq!(
        police_region_name("Region Mitt", Lang::Sv),
        "Polisregion Mitt"
    );
    assert_eq!(
        police_region_name("Region Mitt", Lang::En),
        "Police Region Mitt"
    );
}
