//! A pending digest is the one its thread returns, waited for once and shared by clones; a
//! thread that failed gives none.

use super::FileHash;

#[test]
fn a_pending_digest_is_waited_for_once_and_shared_by_clones() {
    let (go, wait) = std::sync::mpsc::channel::<()>();
    let hash = FileHash::pending(std::thread::spawn(move || {
        wait.recv().unwrap();
        "ab".repeat(32)
    }));
    let clone = hash.clone();
    assert_eq!(format!("{hash:?}"), "FileHash(pending)");
    go.send(()).unwrap();
    assert_eq!(clone.get(), Some("ab".repeat(32).as_str()));
    assert_eq!(hash.get(), clone.get());
    assert_eq!(FileHash::known("cd".to_owned()).get(), Some("cd"));
}

#[test]
fn a_thread_that_failed_gives_no_digest() {
    let hash = FileHash::pending(std::thread::spawn(|| -> String { panic!("no digest") }));
    assert_eq!(hash.get(), None);
    assert_eq!(hash.get(), None);
}
