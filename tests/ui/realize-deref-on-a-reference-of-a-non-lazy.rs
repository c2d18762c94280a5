// `#[realize(deref)]` on a pointer to a value that is no lazy, in a wrapper
// with parameters (a lifetime, an unrelated type): `#[realize(plain, deref)]`
// was meant. One error at each field, as in a wrapper without parameters:
// the bound on realizing names no parameter, and is the trait impl's too
// (each call still adds rustc's E0599: the impl does not hold). Before, 13
// errors here: 11 that `Real` cannot be realized (at the field, `deref`,
// the trait's name, `#[forwardable]`, the derive) and the calls'.
use lazy_core::{RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

pub struct Real;

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Borrowed<'a> {
    #[realize(deref)]
    inner: &'a Real,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct Tagged<M> {
    #[realize(deref)]
    inner: Box<Real>,
    meta: M,
}

fn main() {
    let real = Real;
    let borrowed = Borrowed { inner: &real };
    let tagged = Tagged { inner: Box::new(Real), meta: 1u8 };
    let _ = (borrowed.python_type(), tagged.python_type(), tagged.meta);
}
