use super::*;

const PAGE: &str = "<html><script type=\"text/javascript\">\n\
    var arrayNivatva = new Array();\n\
    arrayNivatva[1]=\"13092*\u{a0}\u{a0}Grov kvinnofridskränkning*13000*13000/13092\";\n\
    arrayNivatva[0]=\"13000*Brott mot person*0*13000\";\n\
    arrayNivatva[2]='14024*\u{a0}\u{a0}\u{a0}\u{a0}Olaga hot * mot kvinna, \\\"parrelation\\\"*13092*13000/13092/14024';\n\
    var arrayRegionNivaTva = new Array();\n\
    arrayRegionNivaTva[0]=\"8291*Hela landet*0*Hela landet\";\n\
    arrayRegionNivaTva[1]=\"8372*Nordanstig kommun*8295*Gävleborgs län, Nordanstig kommun\";\n\
    arrayPeriod[0]=\"2874*2025*2874*2025*-1\";\n\
    arrayPeriod[1]=\"2858*Jan*333*2026 prel., Jan*2\";\n\
    </script></html>";

#[test]
fn the_three_arrays_are_read_in_index_order_with_indentation_as_depth() {
    let menu = parse(PAGE).unwrap();
    let names: Vec<&str> = menu.crimes.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Brott mot person",
            "Grov kvinnofridskränkning",
            "Olaga hot * mot kvinna, \"parrelation\""
        ]
    );
    let depths: Vec<usize> = menu.crimes.iter().map(|c| c.depth).collect();
    assert_eq!(depths, [0, 2, 4]);
    assert_eq!(menu.crimes[2].id, "14024");
    assert_eq!(menu.crimes[2].group, "13092");
    assert_eq!(menu.crimes[2].path, "13000/13092/14024");
}

#[test]
fn regions_keep_their_parent_and_full_name() {
    let menu = parse(PAGE).unwrap();
    assert_eq!(
        menu.regions[1],
        MenuRegion {
            id: "8372".into(),
            name: "Nordanstig kommun".into(),
            parent: "8295".into(),
            full_name: "Gävleborgs län, Nordanstig kommun".into(),
        }
    );
}

#[test]
fn periods_carry_their_type_and_calendar_year() {
    let menu = parse(PAGE).unwrap();
    assert_eq!(menu.periods[0].kind, PeriodType::Year);
    assert_eq!(menu.periods[0].year, 2025);
    let jan = &menu.periods[1];
    assert_eq!(
        (jan.id.as_str(), jan.name.as_str(), jan.year_id.as_str()),
        ("2858", "Jan", "333")
    );
    assert_eq!((jan.kind, jan.year), (PeriodType::Month, 2026));
    assert_eq!(jan.full_name, "2026 prel., Jan");
}

#[test]
fn a_page_without_an_array_names_the_missing_array() {
    let page = PAGE.replace("arrayPeriod", "arrayPerioder");
    assert_eq!(parse(&page), Err(MenuError::MissingArray("arrayPeriod")));
    assert_eq!(
        parse("<html>En obefintlig menyrad har valts</html>"),
        Err(MenuError::MissingArray("arrayNivatva"))
    );
}

#[test]
fn a_longer_name_that_ends_with_the_array_name_is_not_the_array() {
    let page = PAGE.replace("arrayPeriod[1]", "myarrayPeriod[1]");
    assert_eq!(parse(&page).unwrap().periods.len(), 1);
}

#[test]
fn an_entry_with_missing_fields_or_an_unknown_type_is_an_error() {
    let page = PAGE.replace("2874*2025*2874*2025*-1", "2874*2025*-1");
    assert!(matches!(
        parse(&page),
        Err(MenuError::BadEntry {
            array: "arrayPeriod",
            ..
        })
    ));
    let page = PAGE.replace("2025*-1", "2025*7");
    assert!(matches!(parse(&page), Err(MenuError::BadEntry { .. })));
    let page = PAGE.replace("8291*Hela", "x8291*Hela");
    let err = parse(&page).unwrap_err();
    assert!(err.to_string().contains("x8291*Hela landet"), "{err}");
}
