macro_rules! methods {
    () => {
        fn python_type(&self) -> &'static str;
    };
}

#[lazy_core::forwardable]
pub trait Tracker {
    methods!();
}

fn main() {}
