//! Every way the derive writes its impls, used through the methods it
//! forwards: rust-analyzer must resolve each call (`.ci/run` fails on any
//! error it reports in this crate). A call of a method that no impl has is
//! reported, so a forwarder it could not see would be too.

use lazy_core::{Lazy, RealizeForward, forwardable};

mod traits {
    /// Named through an import, by the trait's hidden macro (the fast rule).
    #[lazy_core::forwardable]
    pub trait Named {
        fn name(&self) -> String;
        fn rename(&mut self, name: &str);
    }
}

use traits::Named;

/// Forwarded by the derive's own impl where a wrapper lists `except` names.
#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn size(&self) -> usize;
}

/// Forwarded by a blanket impl written beside the trait.
#[forwardable(blanket)]
pub trait Counted {
    fn count(&self) -> usize;
}

#[derive(Debug)]
pub struct Real(String);

impl Named for Real {
    fn name(&self) -> String {
        self.0.clone()
    }
    fn rename(&mut self, name: &str) {
        self.0 = name.to_string();
    }
}

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "str"
    }
    fn size(&self) -> usize {
        self.0.len()
    }
}

impl Counted for Real {
    fn count(&self) -> usize {
        1
    }
}

/// A struct: a hidden macro's impl, a blanket trait, a std mirror.
#[derive(RealizeForward)]
#[realize_forward(Named, Counted, lazy_core::remote::Debug)]
pub struct LazyReal {
    #[realize]
    cache: Lazy<Real>,
}

/// `except`: the derive's own impl, with an inherent method.
#[derive(RealizeForward)]
#[realize_forward(Tracker, except(size))]
pub struct Sized0 {
    #[realize]
    cache: Lazy<Real>,
}

impl Sized0 {
    pub fn size(&self) -> usize {
        0
    }
}

/// A generic wrapper.
#[derive(RealizeForward)]
#[realize_forward(Tracker, Named)]
pub struct Boxed<T: Tracker + Named> {
    #[realize(plain)]
    inner: T,
}

/// An enum of a lazy and a ready value.
#[derive(RealizeForward)]
#[realize_forward(Tracker)]
pub enum AnyReal {
    Lazy(#[realize] Lazy<Real>),
    Ready(Real),
}

/// Traits named like items of std's prelude, which the derive calls as
/// written: one written beside the derive, lazy-core's mirror imported by
/// its name.
mod prelude_named {
    use lazy_core::remote::Iterator;
    use lazy_core::{Lazy, RealizeForward, forwardable};

    #[forwardable]
    pub trait Extend {
        fn extended(&self) -> usize;
    }

    impl Extend for std::vec::IntoIter<u8> {
        fn extended(&self) -> usize {
            self.len()
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Iterator, Extend)]
    pub struct LazyBytes {
        #[realize]
        pub cache: Lazy<std::vec::IntoIter<u8>>,
    }
}

fn main() {
    let mut lazy = LazyReal {
        cache: Lazy::new(|| Real("a".to_string())),
    };
    lazy.rename("b");
    let sized = Sized0 {
        cache: Lazy::new(|| Real("abc".to_string())),
    };
    let boxed = Boxed {
        inner: Real("xy".to_string()),
    };
    let any = AnyReal::Ready(Real("z".to_string()));
    let mut bytes = prelude_named::LazyBytes {
        cache: Lazy::new(|| vec![1, 2, 3].into_iter()),
    };
    let first = bytes.next();
    let left = prelude_named::Extend::extended(&bytes);
    println!(
        "{} {} {:?} {} {} {} {} {} {:?} {}",
        lazy.name(),
        lazy.count(),
        lazy,
        sized.python_type(),
        Tracker::size(&sized),
        boxed.size(),
        boxed.name(),
        any.python_type(),
        first,
        left,
    );
}
