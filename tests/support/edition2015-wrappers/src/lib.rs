//! An edition-2015 crate whose wrappers name their traits through imports, as
//! edition-2015 code does: the derive's import of a trait's path must not
//! start at the crate's root, as an edition-2015 `use` path would.

#![deny(missing_docs, warnings)]

extern crate lazy_core;

/// The traits, in a module of their own.
pub mod traits {
    use lazy_core::forwardable;

    /// A trait of this crate, forwarded below.
    #[forwardable]
    pub trait Tracker {
        /// The Python type's name.
        fn python_type(&self) -> &'static str;
    }

    /// What a tracker counts.
    pub struct Count(pub u8);

    /// A trait whose signature names the trait itself: its derives write that
    /// name as they call the trait, where an edition-2015 `dyn` followed by
    /// the derive's `::path` would read as the path `dyn::path`.
    #[forwardable]
    pub trait Fault {
        /// What caused it.
        fn cause(&self) -> Option<&dyn Fault>;
        /// Its name.
        fn name(&self) -> &'static str;
    }

    /// A fault with no cause.
    pub struct Disk;

    impl Fault for Disk {
        fn cause(&self) -> Option<&dyn Fault> {
            None
        }
        fn name(&self) -> &'static str {
            "disk"
        }
    }

    /// A fault caused by a disk's.
    pub struct Io(pub Disk);

    impl Fault for Io {
        fn cause(&self) -> Option<&dyn Fault> {
            Some(&self.0)
        }
        fn name(&self) -> &'static str {
            "io"
        }
    }

    /// A trait whose signature names a type of this crate by `crate::`
    /// (which means the same in every edition; `::traits::Count` would be
    /// read in lazy-derive's edition, as an extern crate's).
    #[forwardable]
    pub trait Counted {
        /// How many there are.
        fn count(&self) -> crate::traits::Count;
    }
}

/// The wrappers, in another module, which imports the trait.
pub mod wrappers {
    use lazy_core::{Lazy, RealizeForward};
    use traits::{Counted, Tracker};

    /// The tracker the lazy builds.
    pub struct Real;

    impl Tracker for Real {
        fn python_type(&self) -> &'static str {
            "int"
        }
    }

    /// Forwards `Tracker` by a path from the root, answering one method
    /// itself: the derive's own reading of the trait (`except` sends it
    /// there), not the trait's hidden macro's.
    #[derive(RealizeForward)]
    #[realize_forward(::traits::Tracker, except(python_type))]
    pub struct Both {
        #[realize]
        /// The lazily built tracker.
        pub cache: Lazy<Real>,
    }

    impl Both {
        /// Answers `Tracker::python_type` itself.
        pub fn python_type(&self) -> &'static str {
            "both"
        }
    }

    /// A wrapper answering for itself, not built yet.
    pub fn both() -> Both {
        Both {
            cache: Lazy::new(|| Real),
        }
    }

    /// Forwards `Tracker`, imported above, to the tracker it builds.
    #[derive(RealizeForward)]
    #[realize_forward(Tracker)]
    pub struct LazyTracker {
        #[realize]
        /// The lazily built tracker.
        pub cache: Lazy<Real>,
    }

    impl Counted for Real {
        fn count(&self) -> crate::traits::Count {
            crate::traits::Count(4)
        }
    }

    /// Forwards `Tracker` named from the crate's root by a leading `::`,
    /// which in edition 2015 is this crate's root (in 2018 and later, an
    /// extern crate).
    #[derive(RealizeForward)]
    #[realize_forward(::traits::Tracker, ::traits::Counted)]
    pub struct RootedTracker {
        #[realize]
        /// The lazily built tracker.
        pub cache: Lazy<Real>,
    }

    /// A rooted tracker not built yet.
    pub fn rooted_tracker() -> RootedTracker {
        RootedTracker {
            cache: Lazy::new(|| Real),
        }
    }

    /// A lazy tracker not built yet.
    pub fn lazy_tracker() -> LazyTracker {
        LazyTracker {
            cache: Lazy::new(|| Real),
        }
    }
}

/// A wrapper and a trait declared in a function body, where a `use` in
/// edition 2015 cannot name them by a relative path at all.
pub fn in_a_function_body() -> u8 {
    use lazy_core::{forwardable, Lazy, RealizeForward};

    #[forwardable]
    trait Local {
        fn n(&self) -> u8;
    }

    impl Local for u8 {
        fn n(&self) -> u8 {
            *self
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Local)]
    struct Wrapper {
        #[realize]
        cache: Lazy<u8>,
    }

    Wrapper {
        cache: Lazy::new(|| 3),
    }
    .n()
}
