// A method whose `where` bound the impl's concrete types do not meet
// (`T: Copy` in `Store<String>`) is forwarded under a condition: the impl
// compiles, and calling the method is rustc's one error at the call,
// pointing at the trait's bound.

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Store<T> {
    fn put(&mut self, item: T);
    fn last_copy(&self) -> Option<T>
    where
        T: Copy;
}

pub struct Items<T>(Vec<T>);

impl<T> Store<T> for Items<T> {
    fn put(&mut self, item: T) {
        self.0.push(item);
    }
    fn last_copy(&self) -> Option<T>
    where
        T: Copy,
    {
        self.0.last().copied()
    }
}

#[derive(RealizeForward)]
#[realize_forward(Store<String>)]
pub struct LazyStrings(#[realize] Lazy<Items<String>>);

fn main() {
    let mut strings = LazyStrings(Lazy::new(|| Items(Vec::new())));
    strings.put(String::from("a"));
    let _ = strings.last_copy();
}
