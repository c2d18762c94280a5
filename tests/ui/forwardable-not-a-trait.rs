#[lazy_core::forwardable]
pub struct Tracker;

fn main() {}
