// A misspelled flag, `#[realize(plian)]`: one error at it, the same from
// `#[derive(FromRealized)]` as from `#[derive(RealizeForward)]` (rustc shows
// it once when both are on the wrapper), and both derives go on with the
// flag it is close to, so nothing follows from it. A flag close to none
// (`through`) on a field that holds no lazy is one error too: the derives
// write no impl that would read the field as a lazy. On a field that names
// a `Lazy`, a misspelled `plain` (`plian`, `Plain`) goes on as `#[realize]`:
// a lazy forwarded plain added an error at the trait and one a call.

use lazy_core::{FromRealized, Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Dup {
    fn dup(&self) -> Self;
}

pub struct Real(pub u8);
impl Dup for Real {
    fn dup(&self) -> Self {
        Real(self.0 + 1)
    }
}

#[derive(FromRealized)]
pub struct Alone {
    #[realize(plian)]
    inner: Real,
}

#[derive(RealizeForward, FromRealized)]
#[realize_forward(Dup)]
pub struct Both {
    #[realize(plian)]
    inner: Real,
}

#[derive(RealizeForward, FromRealized)]
#[realize_forward(Dup)]
pub struct Unknown {
    #[realize(through)]
    inner: Real,
}

#[derive(RealizeForward, FromRealized)]
#[realize_forward(Dup)]
pub struct LazyTypo {
    #[realize(plian)]
    inner: Lazy<Real>,
}

#[derive(RealizeForward)]
#[realize_forward(Dup)]
pub enum LazyCase {
    Ready(Real),
    Later(#[realize(Plain)] Lazy<Real>),
}

fn main() {
    let _ = LazyTypo {
        inner: Lazy::new(|| Real(1)),
    }
    .dup();
    let _ = LazyCase::Later(Lazy::new(|| Real(1))).dup();
    let alone: Alone = FromRealized::from_realized(Real(1));
    assert_eq!(alone.inner.0, 1);
    assert_eq!(Both { inner: Real(1) }.dup().inner.0, 2);
}
