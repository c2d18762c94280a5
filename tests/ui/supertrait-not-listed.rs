use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Base {
    fn base(&self) -> u8;
}

#[forwardable]
pub trait Tracker: Base {
    fn python_type(&self) -> &'static str;
}

pub struct Real;
impl Base for Real {
    fn base(&self) -> u8 { 0 }
}
impl Tracker for Real {
    fn python_type(&self) -> &'static str { "int" }
}

// A supertrait is not forwarded implicitly: one error at `Tracker` in
// `realize_forward(...)`, that `Base` is required by `Tracker`. List it,
// `realize_forward(Base, Tracker)`.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<Real>,
}

// The same for an enum: the error is at `Tracker`, not at the enum's name.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    Now(Real),
    Later(#[realize] Lazy<Real>),
}

fn main() {}
