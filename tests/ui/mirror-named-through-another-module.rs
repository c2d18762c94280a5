// A mirror of lazy-core named through another module than `remote`
// (`lazy_core::mirrors::Display`, `lazy_core::Debug`): one error at the
// module, naming the mirror's path, which the derive then reads as meant,
// so the wrapper's uses add no error (rustc's unresolved import and one
// more error at every use before).
use lazy_core::{Lazy, RealizeForward};

#[derive(RealizeForward)]
#[realize_forward(lazy_core::mirrors::Display, lazy_core::Debug, lazy_core::remote::PartialEq)]
pub struct Name(#[realize] Lazy<String>);

fn main() {
    let name = Name(Lazy::new(|| String::from("a")));
    let other = Name(Lazy::new(String::new));
    println!("{name} {name:?} {}", name == other);
}
