//! The small examples (`examples/*.rs`, run by the `examples/small`
//! package), tested through their library halves.

#[allow(dead_code, reason = "the example's `main` is not called by the tests")]
#[path = "../examples/read_on_demand.rs"]
mod read_on_demand;

#[allow(dead_code, reason = "the example's `main` is not called by the tests")]
#[path = "../examples/iter_on_demand.rs"]
mod iter_on_demand;

use std::rc::Rc;

#[test]
fn read_on_demand_opens_only_the_file_that_is_read() {
    use std::io::Read as _;

    let dir = std::env::temp_dir().join(format!("lazy-tracer-test-read-{}", std::process::id()));
    let (text, opened) = read_on_demand::demo(&dir, 10, 3).unwrap();
    assert_eq!(text, "contents of shard 3\n");
    let open: Vec<usize> = (0..opened.len()).filter(|&i| opened[i]).collect();
    assert_eq!(open, vec![3]);

    let mut missing = read_on_demand::LazyFile::new(dir.join("missing.txt"));
    assert!(!missing.is_open());
    assert_eq!(missing.pending_path(), Some(dir.join("missing.txt")));
    let mut buf = [0; 4];
    let error = missing.read(&mut buf).unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::NotFound);
    assert!(missing.is_open());
    assert_eq!(missing.pending_path(), None);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn iter_on_demand_builds_the_iterator_on_the_first_next_only() {
    use std::cell::Cell;

    let sieves = Rc::new(Cell::new(0));
    let mut small = iter_on_demand::LazyPrimes::below(30, &sieves);
    let large = iter_on_demand::LazyPrimes::below(1_000_000, &sieves);
    assert_eq!(sieves.get(), 0);
    assert_eq!(small.next(), Some(2));
    assert_eq!(sieves.get(), 1);
    assert!(small.is_built());
    assert_eq!(small.by_ref().take(3).collect::<Vec<_>>(), vec![3, 5, 7]);
    assert_eq!(small.collect::<Vec<_>>(), vec![11, 13, 17, 19, 23, 29]);
    assert_eq!(sieves.get(), 1, "built once");
    assert!(!large.is_built());
}
