//! The word hash tells apart cells that differ a little.

use super::WordHash;
use std::hash::BuildHasher;

#[test]
fn cells_that_differ_in_one_byte_or_their_length_hash_apart() {
    let hash = |b: &[u8]| WordHash::default().hash_one(b);
    let cell = b"1008 - Filler brottstyp 0001, p\xe5 arbetsplats".to_vec();
    let mut seen = std::collections::HashSet::new();
    for i in 0..cell.len() {
        let mut other = cell.clone();
        other[i] ^= 1;
        assert!(seen.insert(hash(&other)), "byte {i}");
    }
    assert!(seen.insert(hash(&cell)));
    assert!(seen.insert(hash(&cell[..cell.len() - 1])));
    assert!(seen.insert(hash(&[cell.as_slice(), b"\0"].concat())));
}
