use super::place;

#[test]
fn names_with_room_stay_where_they_are_wanted() {
    assert_eq!(
        place(&[100, 200, 300], &[40, 40, 40], 50, 600),
        vec![100, 200, 300]
    );
}

#[test]
fn names_too_close_move_apart_just_enough_and_keep_their_order() {
    // The second wants to overlap the first: it moves down to the first's foot, and the third
    // is pushed on by the second.
    assert_eq!(
        place(&[100, 110, 150], &[40, 40, 40], 50, 600),
        vec![100, 140, 180]
    );
}

#[test]
fn names_at_the_foot_are_pushed_up_and_none_leaves_the_column() {
    let y = place(&[500, 560, 570], &[40, 40, 40], 50, 600);
    assert_eq!(y, vec![480, 520, 560]);
    assert!(y.windows(2).all(|w| w[1] - w[0] >= 40));
    // More than fit: they start at the top and never overlap.
    let y = place(&[0, 0, 0, 0], &[40, 40, 40, 40], 50, 150);
    assert_eq!(y, vec![50, 90, 130, 170]);
}
