//! A `#[realize]` field of type `Rc<Lazy<..>>`: clones of a tracker share one
//! cache, as clones of a Dynamo lazy tracker share `_cache`. `Rc` gives no
//! `&mut` access, so the derive must only implement what the trait's
//! receivers need (`Realize`, not `RealizeMut`).

mod common;

use std::rc::Rc;

use common::{Counted, counted};
use lazy_core::{Lazy, Realize, RealizeForward, forwardable};

#[forwardable]
pub trait Describe {
    fn describe(&self) -> String;
}

pub struct Real(&'static str);

impl Describe for Real {
    fn describe(&self) -> String {
        format!("real {}", self.0)
    }
}

#[derive(Clone, RealizeForward)]
#[realize_forward(Describe)]
pub struct SharedTracker {
    #[realize]
    cache: Rc<Lazy<Real, Counted<Real>>>,
    name_hint: Option<&'static str>,
}

#[test]
fn clones_share_one_cache_and_build_once() {
    let (cache, builds) = counted(|| Real("x"));
    let first = SharedTracker {
        cache: Rc::new(cache),
        name_hint: None,
    };
    let second = SharedTracker {
        name_hint: Some("y"),
        ..first.clone()
    };
    assert_eq!(second.describe(), "real x");
    assert!(
        Lazy::is_realized(&first.cache),
        "realizing one realizes all"
    );
    assert_eq!(first.describe(), "real x");
    assert_eq!(first.realize().0, "x");
    assert_eq!(builds.get(), 1);
    assert_eq!(second.name_hint, Some("y"));
}
