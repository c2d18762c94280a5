use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

impl Tracker for u8 {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

#[derive(RealizeForward)]
#[realize]
#[realize_forward(Tracker)]
pub struct OnTheType {
    cache: Lazy<u8>,
}

#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum OnAVariant {
    #[realize]
    Lazy(Lazy<u8>),
}

#[derive(RealizeForward)]
pub struct ForwardOnAField {
    #[realize]
    #[realize_forward(Tracker)]
    cache: Lazy<u8>,
}

// `#[realize]` on a struct with one field of a lazy and `#[realize_forward]`
// on a field are read as meant, beside their errors: the wrappers' uses add
// none.
fn main() {
    let _: &str = OnTheType { cache: Lazy::new(|| 1) }.python_type();
    let _: &str = ForwardOnAField { cache: Lazy::new(|| 1) }.python_type();
}
