use lazy_core::{Lazy, RealizeForward};

// std's traits carry no `#[forwardable]`: the error names the mirror in
// `lazy_core::remote`, or says how to write one. A std path with a mirror
// is then forwarded through it, so its uses add no error; not one given
// arguments (which the mirror may not take alike), nor a path that is no
// mirrored trait's (`std::io::Error`, a struct, whose error does not take it
// for `std::error::Error` by its last name). Listed beside its
// mirror, the trait is forwarded once (no second impl).
#[derive(RealizeForward)]
#[realize_forward(std::fmt::Display, std::fmt::Write, core::iter::Product)]
pub struct LazyName {
    #[realize]
    cache: Lazy<String>,
}

#[derive(RealizeForward)]
#[realize_forward(std::cmp::PartialEq<String>, std::io::Error)]
pub struct NotRead(#[realize] Lazy<String>);

#[derive(RealizeForward)]
#[realize_forward(std::fmt::Debug, lazy_core::remote::Debug, core::fmt::Debug)]
pub struct Twice(#[realize] Lazy<String>);

fn main() {
    let name = LazyName { cache: Lazy::new(|| String::from("a")) };
    println!("{name}");
    println!("{:?}", Twice(Lazy::new(|| String::from("b"))));
}
