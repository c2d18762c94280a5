macro_rules! byte {
    ($dollar:tt) => {
        u8
    };
}

// The hidden macro is a `macro_rules!`: its body cannot carry a `$`.
#[lazy_core::forwardable]
pub trait Tracker {
    fn python_type(&self) -> byte!($);
}

fn main() {}
