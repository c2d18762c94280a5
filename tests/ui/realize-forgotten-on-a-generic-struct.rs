// A generic struct that holds a lazy in a field without `#[realize]`: no
// error at the derive, as the struct may implement `Realize` by hand for
// some arguments only, but one at each call of a forwarded method, whose
// note says to mark the field; through the hidden macro's rule (`Plain`) as
// through the derive's own impl (`Excepted`). A trait of `&self` methods
// alone was two errors at the derive, one of them at the trait's
// `#[forwardable]`. A struct without parameters but with a `where` clause
// (`Bounded`) is one error at the trait's name.
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn describe(&self) -> String {
        String::from("tracker")
    }
}

impl Tracker for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Plain<T> {
    cache: Lazy<T>,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, except(describe))]
pub struct Excepted<T> {
    cache: Lazy<T>,
}

impl<T> Excepted<T> {
    fn describe(&self) -> String {
        String::from("excepted")
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Bounded
where
    u8: Copy,
{
    cache: Lazy<u8>,
}

fn main() {
    let plain = Plain { cache: Lazy::new(|| 1u8) };
    let excepted = Excepted { cache: Lazy::new(|| 1u8) };
    let _ = (plain.python_type(), excepted.python_type(), excepted.describe());
}
