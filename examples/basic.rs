//! The smallest tour of `lazy_core::Lazy`: nothing is built until it is used,
//! early metadata is queued, and `Debug` never builds.
//!
//! Run with `cargo run --example basic`.

use lazy_core::{Lazy, Realize};

fn main() {
    let mut tracker = Lazy::new(|| {
        println!("  (building the tracker now)");
        vec![String::from("tensor"), String::from("float32")]
    });
    println!("created:  {tracker:?}");

    Lazy::defer(&mut tracker, |t| t.push(String::from("name_hint=x")));
    println!("deferred: {tracker:?}");

    println!("first use:");
    let value = tracker.realize();
    println!("value:    {value:?}");
    println!("after:    {tracker:?}");
}
