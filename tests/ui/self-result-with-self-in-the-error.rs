use lazy_core::{FromRealized, Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Split {
    // `Ok` is built back into the wrapper; a `Self` in the error type would
    // be the target's value where the wrapper is promised.
    fn split(&self) -> Result<Self, Self>
    where
        Self: Sized;
    fn split_some(&self) -> Result<Self, Option<Self>>
    where
        Self: Sized;
}

pub struct Real;

impl Split for Real {
    fn split(&self) -> Result<Self, Self> {
        Err(Real)
    }
    fn split_some(&self) -> Result<Self, Option<Self>> {
        Err(None)
    }
}

#[derive(RealizeForward)]
#[realize_forward(Split)]
pub struct LazyReal(#[realize] Lazy<Real>);

impl FromRealized<Real> for LazyReal {
    fn from_realized(real: Real) -> Self {
        LazyReal(Lazy::from_value(real))
    }
}

#[derive(RealizeForward)]
#[realize_forward(Split)]
pub enum AnyReal {
    Ready(Real),
    Later(#[realize] Lazy<Real>),
}

impl FromRealized<Real> for AnyReal {
    fn from_realized(real: Real) -> Self {
        AnyReal::Ready(real)
    }
}

fn main() {}
