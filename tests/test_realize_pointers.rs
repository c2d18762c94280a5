//! `Realize` through references and smart pointers: several trackers share
//! one cache, the way clones of a Dynamo lazy tracker share `_cache`.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use lazy_core::{Lazy, Realize, RealizeInto, RealizeMut, sync};

#[test]
fn rc_clones_share_one_cache() {
    let builds = Rc::new(Cell::new(0));
    let b = Rc::clone(&builds);
    let first = Rc::new(Lazy::new(move || {
        b.set(b.get() + 1);
        String::from("built")
    }));
    let second = Rc::clone(&first);
    assert_eq!(second.realize(), "built");
    assert!(
        Lazy::is_realized(&first),
        "realizing one clone realizes all"
    );
    assert_eq!(first.realize(), "built");
    assert_eq!(builds.get(), 1);
}

#[test]
fn arc_clones_share_one_cache_across_threads() {
    let first = Arc::new(sync::Lazy::new(|| 42_u64));
    let second = Arc::clone(&first);
    std::thread::spawn(move || assert_eq!(*second.realize(), 42))
        .join()
        .unwrap();
    assert!(sync::Lazy::is_realized(&first));
}

fn realize_generic<R: Realize<Target = u8> + ?Sized>(r: &R) -> u8 {
    *r.realize()
}

#[test]
fn references_and_boxes_realize_their_pointee() {
    let lazy: Lazy<u8> = Lazy::new(|| 9);
    assert_eq!(realize_generic(&&lazy), 9);

    let mut boxed: Box<Lazy<u8>> = Box::new(Lazy::new(|| 1));
    *boxed.realize_mut() += 1;
    assert_eq!(realize_generic(&boxed), 2);
    assert_eq!(boxed.into_realized(), 2);

    let mut plain: Lazy<u8> = Lazy::new(|| 5);
    let by_mut = &mut plain;
    *by_mut.realize_mut() += 1;
    assert_eq!(realize_generic(&by_mut), 6);
}

#[test]
fn unsized_realizers_work_behind_pointers() {
    let lazy: Box<dyn Realize<Target = u8>> = Box::new(Lazy::new(|| 3_u8));
    assert_eq!(realize_generic(&lazy), 3);
    let shared: Rc<dyn Realize<Target = u8>> = Rc::new(Lazy::new(|| 4_u8));
    assert_eq!(realize_generic(&shared), 4);
}
