// `#[realize_all(skip)]` on a variant instead of its fields: one error at
// the attribute, and the variant's fields are left out as meant (a field
// that does not implement `RealizeAll` was a second error), so the walk's
// uses add none.
use lazy_core::{Lazy, RealizeAll};

pub struct Meta;

#[derive(RealizeAll)]
pub enum Value {
    Tracker(Lazy<String>),
    #[realize_all(skip)]
    Meta(Meta),
    /// Any other mark on a variant: its fields are left out too, as a
    /// field's wrong mark leaves the field out.
    #[realize_all(other)]
    Other(Meta),
}

fn main() {
    lazy_core::RealizeAll::realize_all(&Value::Meta(Meta));
}
