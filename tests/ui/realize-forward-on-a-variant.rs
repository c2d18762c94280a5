// `#[realize_forward(...)]` written on a variant instead of the enum: one
// error at the attribute saying where it goes (it was ignored, and the enum
// silently lacked the trait). With none on the enum, it is read as meant:
// the enum forwards it, and its calls add no error. Beside one on the enum,
// it is not read (`AnyTracker` forwards `Tracker` only).

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

#[forwardable]
pub trait Named {
    fn name(&self) -> String;
}

impl Tracker for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

impl Named for u8 {
    fn name(&self) -> String {
        String::from("x")
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyTracker {
    #[realize_forward(Named)]
    Lazy(#[realize] Lazy<u8>),
}

#[derive(RealizeForward)]
pub enum OnlyOnAVariant {
    #[realize_forward(Named)]
    Lazy(#[realize] Lazy<u8>),
}

/// On two variants, the same trait: read once, with no error that it is
/// listed twice.
#[derive(RealizeForward)]
pub enum OnTwoVariants {
    #[realize_forward(Tracker)]
    Small(#[realize] Lazy<u8>),
    #[realize_forward(Tracker)]
    Ready(u8),
}

/// On a field, the same.
#[derive(RealizeForward)]
pub struct OnAField {
    #[realize]
    #[realize_forward(Tracker, Named)]
    cache: Lazy<u8>,
}

/// After `=`, as a string: read as meant too (a value that is no
/// literal is rustc's error, "attribute value must be a literal").
#[derive(RealizeForward)]
#[realize_forward = "Tracker, Named"]
pub struct AfterEquals(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward = Tracker]
pub struct AfterEqualsBare(#[realize] Lazy<u8>);

/// Another literal, or an empty string: one error that says to name the
/// traits in parentheses.
#[derive(RealizeForward)]
#[realize_forward = 3]
pub struct AfterEqualsNumber(#[realize] Lazy<u8>);

#[derive(RealizeForward)]
#[realize_forward = ""]
pub struct AfterEqualsNothing(#[realize] Lazy<u8>);

fn main() {
    let _ = AnyTracker::Lazy(Lazy::new(|| 1)).python_type();
    let _ = OnlyOnAVariant::Lazy(Lazy::new(|| 1)).name();
    let _ = OnTwoVariants::Ready(1).python_type();
    let on_a_field = OnAField {
        cache: Lazy::new(|| 1),
    };
    let _ = (on_a_field.python_type(), on_a_field.name());
    let after = AfterEquals(Lazy::new(|| 1));
    let _ = (after.python_type(), after.name());
    let _ = AfterEqualsBare(Lazy::new(|| 1)).python_type();
}
