macro_rules! byte {
    ($dollar:tt $t:ty) => {
        u8
    };
}

// The hidden macro is a `macro_rules!`: its body cannot carry a `$`. (A
// type that the hidden supertrait carries, `byte!($ u8)`, is named there
// instead; one that names the method's parameter is carried as written.)
#[lazy_core::forwardable]
pub trait Tracker {
    fn python_type<T>(&self, value: T) -> byte!($ T);
}

fn main() {}
