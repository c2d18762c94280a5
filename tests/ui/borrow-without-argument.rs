use lazy_core::{Lazy, RealizeForward, remote};

// `Borrow` for every type would overlap std's `Borrow<T> for T`: the error
// asks for the type to borrow as.
#[derive(RealizeForward)]
#[realize_forward(remote::Borrow, remote::Hash)]
pub struct LazyKey {
    #[realize]
    cache: Lazy<String>,
}

fn main() {}
