// A mistake in `#[forwardable(...)]`'s arguments is one error, at the
// arguments: the trait still gets its macro, as the arguments meant it
// (a plain trait for a misspelled or valued `blanket`, the mirror for a
// `remote` path with more after it or `blanket` before it), so its derives
// and calls add none.
use lazy_core::{Lazy, RealizeForward};

#[lazy_core::forwardable(Blanket)]
pub trait Misspelled {
    fn misspelled(&self) -> u8;
}

#[lazy_core::forwardable(blanket = true)]
pub trait Valued {
    fn valued(&self) -> u8;
}

#[lazy_core::forwardable(blanket, blanket)]
pub trait Twice {
    fn twice(&self) -> u8;
}

mod mirrors {
    #[lazy_core::forwardable(remote = ::core::clone::Clone, blanket)]
    pub trait Clone {
        fn clone(&self) -> Self;
    }

    #[lazy_core::forwardable(blanket, remote = ::core::fmt::Debug)]
    pub trait Debug {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result;
    }

    // A `remote` that is no path: a mirror of nothing, whose derives add
    // nothing either.
    #[lazy_core::forwardable(remote = "::core::fmt::Display")]
    pub trait Display {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result;
    }
}

#[derive(Clone, Debug)]
pub struct Real(u8);

impl Misspelled for Real {
    fn misspelled(&self) -> u8 {
        self.0
    }
}

impl Valued for Real {
    fn valued(&self) -> u8 {
        self.0
    }
}

impl Twice for Real {
    fn twice(&self) -> u8 {
        self.0
    }
}

#[derive(RealizeForward)]
#[realize_forward(Misspelled, Valued, Twice, mirrors::Clone, mirrors::Debug, mirrors::Display)]
pub struct Wrapper {
    #[realize]
    cache: Lazy<Real>,
}

impl lazy_core::FromRealized<Real> for Wrapper {
    fn from_realized(real: Real) -> Self {
        Wrapper {
            cache: Lazy::from_value(real),
        }
    }
}

fn main() {
    let wrapper = Wrapper {
        cache: Lazy::new(|| Real(1)),
    };
    let copy = wrapper.clone();
    assert_eq!(wrapper.misspelled() + wrapper.valued() + copy.twice(), 3);
    assert_eq!(format!("{wrapper:?}"), "Real(1)");
}
