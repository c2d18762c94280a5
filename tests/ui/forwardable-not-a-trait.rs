#[lazy_core::forwardable]
pub struct Tracker;

pub trait Named<T> {
    fn name(&self) -> T;
}

/// On an impl of a trait: the error names the trait to move it to.
#[lazy_core::forwardable]
impl<T: Default> Named<T> for Tracker {
    fn name(&self) -> T {
        T::default()
    }
}

fn main() {}
