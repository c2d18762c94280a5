// A mirror of lazy-core named through another module than `remote`
// (`lazy_core::mirrors::Display`, `lazy_core::Debug`): one error at the
// module, naming the mirror's path, which the derive then reads as meant,
// so the wrapper's uses add no error (rustc's unresolved import and one
// more error at every use before). A std module named below `lazy_core`
// (`lazy_core::fmt::Write`) says which mirror: `FmtWrite`, not io's `Write`.
use lazy_core::{Lazy, RealizeForward};

#[derive(RealizeForward)]
#[realize_forward(lazy_core::mirrors::Display, lazy_core::Debug, lazy_core::remote::PartialEq)]
pub struct Name(#[realize] Lazy<String>);

#[derive(RealizeForward)]
#[realize_forward(lazy_core::fmt::Write)]
pub struct Text(#[realize] Lazy<String>);

fn main() {
    use std::fmt::Write as _;
    let mut text = Text(Lazy::new(String::new));
    write!(text, "written").unwrap();
    let name = Name(Lazy::new(|| String::from("a")));
    let other = Name(Lazy::new(String::new));
    println!("{name} {name:?} {}", name == other);
}
