//! Unit tests of `src/fetch/session.rs`.

use super::*;

#[test]
fn menu_links_are_read_with_their_titles() {
    let page = "<ul><li><a href=\"/solwebb/action/anmalda/urval/urval?menyid=12\">\n\
        &Aring;rsvis &ndash; Kommun och storst&auml;dernas stadsomr&aring;den 1996-</a></li>\
        <li><a href='urval?menyid=31&amp;x=1'>Månadsvis – Kommun 2015-</a></li></ul>";
    let links = menu_links(page);
    assert_eq!(links.len(), 2);
    assert_eq!(links[0].id, "12");
    assert_eq!(
        links[0].title,
        "Årsvis – Kommun och storstädernas stadsområden 1996-"
    );
    assert_eq!(links[1].title, "Månadsvis – Kommun 2015-");
}

#[test]
fn only_a_databasfil_passes_and_an_html_page_is_named_as_such() {
    assert!(check_databasfil("u", b"Region;Brott;\xc5r;Period;Antal;/100 000 inv\r\n").is_ok());
    let Err(StepError::Failed(f)) = check_databasfil("u", b"\n<!DOCTYPE html><html>Fel</html>")
    else {
        panic!("an HTML page must fail");
    };
    assert_eq!(f.problem, "an HTML page came instead of a Databasfil");
    assert!(matches!(
        check_databasfil("u", b"a;b;c\n"),
        Err(StepError::Failed(_))
    ));
    assert!(matches!(
        check_databasfil("u", "<p>En obefintlig menyrad har valts</p>".as_bytes()),
        Err(StepError::Lost(_))
    ));
}
