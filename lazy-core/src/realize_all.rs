//! Realizing every lazy in a structure.

mod memo;

use alloc::borrow::{Cow, ToOwned};
use alloc::boxed::Box;
use alloc::collections::{BTreeMap, BTreeSet, BinaryHeap, LinkedList, VecDeque};
use alloc::rc::Rc;
use alloc::string::String;
#[cfg(target_has_atomic = "ptr")]
use alloc::sync::Arc;
use alloc::vec::Vec;
#[cfg(feature = "std")]
use std::collections::{HashMap, HashSet};

use self::memo::{outside_walk, visit_once};
use crate::{Realize, Seed};

/// Walks a structure and realizes every lazy in it.
///
/// Implemented for both lazy flavours (which realize themselves, then walk
/// their value), for std's containers, pointers and cells (which walk what
/// they hold; ranges walk both ends; a `RefCell` in a shared borrow, `OnceCell`
/// and `OnceLock` if set; not `Mutex` or `RwLock`, whose lock a walk could
/// wait on for ever), and as a no-op for std's leaf types that
/// can hold no lazy (numbers, `bool`, `char`, `str`, `String`, `()`,
/// `Duration`, network addresses, paths, …). `#[derive(RealizeAll)]`
/// implements it for your own types.
///
/// A node reached by several paths (through an `Rc`, an `Arc` or a `&`) is
/// walked once per top-level call, and cycles through such pointers end: the
/// walk remembers each shared node before it descends into it. The memory is
/// by identity (the node's address and size, and its type's walk, so that a
/// struct and its only field, or zero-sized values of different types, which
/// share an address and a size, stay apart where their walks differ: a
/// struct whose walk is its field's, the same code, which an optimized build
/// may make one function, is then one node, walked once, which walks all
/// either would) and lasts for one top-level call;
/// the builds of the lazies it realizes run outside it, so a walk inside a
/// build is a walk of its own. Lazies themselves are not remembered: each is
/// built at most once anyway.
///
/// Two limits of a memory by address: a build that frees a shared node the
/// walk has seen and allocates another at the same address (a lazy whose
/// build replaces the `Rc` in a `RefCell` elsewhere in the graph) leaves the
/// new node taken for the old one and not walked, so walk again after such
/// builds; and a walk written by hand for a trait object
/// (`impl RealizeAll for dyn Shape`) is one walk for every type behind it,
/// so a struct and its only field both reached as `dyn Shape` are one node
/// there: whichever is reached first is walked, the other taken as seen.
///
/// The memory lives in a thread-local, so it needs the `std` feature (on by
/// default). Without it, a shared node is walked once per path that reaches
/// it (each lazy is still built once), and a cycle through shared pointers
/// recurses until the stack overflows. The same holds for a walk while the
/// thread's locals are being destroyed (in another thread-local's `Drop`),
/// which goes on without the memory rather than panicking there.
///
/// The walk recurses into what each node holds, a stack frame or more a
/// level: a structure nested deeply enough overflows the thread's stack (a
/// linked chain of 100,000 `Rc` nodes did, on an 8 MiB stack in a debug
/// build; 10,000 did not). Walk such a chain in a loop of your own, each
/// node's lazies with [`Realize::realize`].
///
/// ```
/// use std::rc::Rc;
/// use lazy_core::{Lazy, RealizeAll};
///
/// let shared = Rc::new(Lazy::new(|| 1_u32));
/// let frame = vec![
///     (String::from("x"), Rc::clone(&shared)),
///     (String::from("y"), Rc::clone(&shared)),
/// ];
/// frame.realize_all();
/// assert!(Lazy::is_realized(&shared));
/// ```
///
/// # Panics
/// If realizing one of the lazies panics (see [`Realize::realize`]), and,
/// for std's impls, if the walk reaches a `RefCell` that is mutably
/// borrowed.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `RealizeAll`, so a walk cannot look inside it",
    label = "no `RealizeAll` for this type",
    note = "implement `lazy_core::RealizeAll` for it (or `#[derive(RealizeAll)]`); for a trait object, `dyn Tracker`, make it a supertrait of the trait (`trait Tracker: RealizeAll`); for another crate's type, implement it by hand for the type that holds it, walking what the field holds; or, to leave the field out of the walk (any lazy in it then stays unbuilt), mark it `#[realize_all(skip)]`"
)]
pub trait RealizeAll {
    /// Realizes every lazy reachable from `self`.
    fn realize_all(&self);

    /// Which walk this is, for the walk's memory: the address of
    /// `Self::realize_all`. Not to be implemented.
    ///
    /// Together with a node's address and size it tells apart a struct and
    /// its only field, and zero-sized nodes of different types, which share an
    /// address and a size. Behind `dyn RealizeAll` it is the value's own walk.
    /// Two types whose walks are one function (the same code, merged by the
    /// compiler) do the same thing, so walking such a node once is enough; a
    /// walk at several addresses (a generic instantiated in several codegen
    /// units) walks a node once per address at most, and a cycle, taking the
    /// same path each time round, meets the same address and ends.
    #[doc(hidden)]
    #[inline]
    fn __lazy_walk_id(&self) -> usize {
        Self::realize_all as fn(&Self) as usize
    }

    /// Whether the type can hold no lazy (std's leaves: numbers, `str`,
    /// `String`, ...), so that a shared pointer to it (`Rc<str>`) need not be
    /// remembered by the walk: there is nothing to walk. Not to be
    /// implemented: a type implemented by hand is walked as it says.
    #[doc(hidden)]
    #[inline]
    fn __lazy_holds_no_lazy(&self) -> bool {
        false
    }
}

/// Runs `walk` as one walk: shared nodes reached from inside it are walked
/// once, however many paths reach them.
///
/// The implementations of [`RealizeAll`] for containers with several
/// children, and those that `#[derive(RealizeAll)]` writes, already do this.
/// Call it in a hand-written `realize_all` of a type with several children,
/// so that a walk that starts at your type remembers the shared nodes it has
/// seen across all of them. Inside a walk under way it just runs `walk`.
///
/// ```
/// use std::rc::Rc;
/// use lazy_core::{Lazy, RealizeAll, realize_all_scope};
///
/// struct Frame {
///     locals: Vec<Rc<Lazy<u32>>>,
///     globals: Vec<Rc<Lazy<u32>>>,
/// }
///
/// impl RealizeAll for Frame {
///     fn realize_all(&self) {
///         realize_all_scope(|| {
///             self.locals.realize_all();
///             self.globals.realize_all();
///         });
///     }
/// }
///
/// let x: Rc<Lazy<u32>> = Rc::new(Lazy::new(|| 1));
/// let frame = Frame { locals: vec![x.clone()], globals: vec![x.clone()] };
/// frame.realize_all();
/// assert!(Lazy::is_realized(&x));
/// ```
#[inline]
pub fn realize_all_scope(walk: impl FnOnce()) {
    memo::scope(walk);
}

/// Builds the value (outside the walk's memo) and walks it.
///
/// A lazy is not recorded in the memo: it is built at most once anyway, and
/// a walk reaches it twice only through a shared pointer (`Rc`, `Arc`, `&`),
/// which is recorded. That keeps a walk over many lazies owned in place (a
/// `Vec<Lazy<..>>`) as cheap per lazy at a million as at ten thousand.
impl<T: RealizeAll, S: Seed<Output = T>> RealizeAll for crate::Lazy<T, S> {
    fn realize_all(&self) {
        let value = match crate::Lazy::get(self) {
            Some(value) => value,
            None => outside_walk(|| self.realize()),
        };
        value.realize_all();
    }
}

/// As the impl for [`Lazy`](crate::Lazy).
#[cfg(feature = "std")]
impl<T: RealizeAll, S: Seed<Output = T>> RealizeAll for crate::sync::Lazy<T, S> {
    fn realize_all(&self) {
        let value = match crate::sync::Lazy::get(self) {
            Some(value) => value,
            None => outside_walk(|| self.realize()),
        };
        value.realize_all();
    }
}

impl<T: RealizeAll + ?Sized> RealizeAll for Rc<T> {
    fn realize_all(&self) {
        visit_once(&**self, || T::realize_all(self));
    }
}

#[cfg(target_has_atomic = "ptr")]
impl<T: RealizeAll + ?Sized> RealizeAll for Arc<T> {
    fn realize_all(&self) {
        visit_once(&**self, || T::realize_all(self));
    }
}

/// A reference may share what it points at, like an `Rc`: walked once.
impl<T: RealizeAll + ?Sized> RealizeAll for &T {
    fn realize_all(&self) {
        visit_once(&**self, || T::realize_all(self));
    }
}

/// A unique reference shares nothing: walked through.
impl<T: RealizeAll + ?Sized> RealizeAll for &mut T {
    #[inline]
    fn realize_all(&self) {
        T::realize_all(self);
    }
}

impl<T: RealizeAll + ?Sized> RealizeAll for Box<T> {
    #[inline]
    fn realize_all(&self) {
        T::realize_all(self);
    }
}

/// Walks both ends (a `Range<usize>` field needs no `skip`), in one walk:
/// a node both ends share is walked once.
impl<T: RealizeAll> RealizeAll for core::ops::Range<T> {
    #[inline]
    fn realize_all(&self) {
        realize_all_scope(|| {
            self.start.realize_all();
            self.end.realize_all();
        });
    }
}

/// Walks both ends, in one walk, as [`Range`](core::ops::Range)'s impl does.
impl<T: RealizeAll> RealizeAll for core::ops::RangeInclusive<T> {
    #[inline]
    fn realize_all(&self) {
        realize_all_scope(|| {
            self.start().realize_all();
            self.end().realize_all();
        });
    }
}

impl<T: RealizeAll> RealizeAll for Option<T> {
    #[inline]
    fn realize_all(&self) {
        if let Some(value) = self {
            value.realize_all();
        }
    }
}

impl<T: RealizeAll, E: RealizeAll> RealizeAll for Result<T, E> {
    #[inline]
    fn realize_all(&self) {
        match self {
            Ok(value) => value.realize_all(),
            Err(error) => error.realize_all(),
        }
    }
}

impl<T: RealizeAll> RealizeAll for [T] {
    fn realize_all(&self) {
        realize_all_scope(|| self.iter().for_each(T::realize_all));
    }
}

impl<T: RealizeAll, const N: usize> RealizeAll for [T; N] {
    fn realize_all(&self) {
        realize_all_scope(|| self.iter().for_each(T::realize_all));
    }
}

impl<T: RealizeAll> RealizeAll for Vec<T> {
    fn realize_all(&self) {
        realize_all_scope(|| self.iter().for_each(T::realize_all));
    }
}

impl<T: RealizeAll> RealizeAll for VecDeque<T> {
    fn realize_all(&self) {
        realize_all_scope(|| self.iter().for_each(T::realize_all));
    }
}

impl<T: RealizeAll> RealizeAll for LinkedList<T> {
    fn realize_all(&self) {
        realize_all_scope(|| self.iter().for_each(T::realize_all));
    }
}

/// Walks the values; keys are left alone (they are compared and hashed, so
/// they are better eager).
#[cfg(feature = "std")]
impl<K, V: RealizeAll, H> RealizeAll for HashMap<K, V, H> {
    fn realize_all(&self) {
        realize_all_scope(|| self.values().for_each(V::realize_all));
    }
}

/// Walks the values; keys are left alone (they are compared, so they are
/// better eager).
impl<K, V: RealizeAll> RealizeAll for BTreeMap<K, V> {
    fn realize_all(&self) {
        realize_all_scope(|| self.values().for_each(V::realize_all));
    }
}

/// Walks the elements: a lazy realizes through a shared reference, so the
/// set's order and hashes are untouched.
#[cfg(feature = "std")]
impl<T: RealizeAll, H> RealizeAll for HashSet<T, H> {
    fn realize_all(&self) {
        realize_all_scope(|| self.iter().for_each(T::realize_all));
    }
}

/// Walks the elements: a lazy realizes through a shared reference, so the
/// set's order is untouched.
impl<T: RealizeAll> RealizeAll for BTreeSet<T> {
    fn realize_all(&self) {
        realize_all_scope(|| self.iter().for_each(T::realize_all));
    }
}

/// Walks the elements, as [`BTreeSet`]'s impl does.
impl<T: RealizeAll> RealizeAll for BinaryHeap<T> {
    fn realize_all(&self) {
        realize_all_scope(|| self.iter().for_each(T::realize_all));
    }
}

/// Walks the value in a shared borrow of the cell, so a graph linked through
/// `RefCell<Option<Rc<Node>>>` is walked (its cycles end at the `Rc`s).
///
/// # Panics
/// If the cell is mutably borrowed when the walk reaches it. A lazy in the
/// cell is built while the cell is borrowed, so a build that borrows it
/// mutably panics in `RefCell`.
impl<T: RealizeAll + ?Sized> RealizeAll for core::cell::RefCell<T> {
    fn realize_all(&self) {
        match self.try_borrow() {
            Ok(value) => value.realize_all(),
            Err(_) => panic!(
                "realize_all reached a `RefCell<{}>` that is mutably borrowed: end that borrow before the walk",
                core::any::type_name::<T>()
            ),
        }
    }
}

/// Walks the value if the cell holds one; an empty cell holds no lazy.
impl<T: RealizeAll> RealizeAll for core::cell::OnceCell<T> {
    #[inline]
    fn realize_all(&self) {
        if let Some(value) = self.get() {
            value.realize_all();
        }
    }
}

/// Walks the value if the cell holds one, without waiting for one that is
/// being set.
#[cfg(feature = "std")]
impl<T: RealizeAll> RealizeAll for std::sync::OnceLock<T> {
    #[inline]
    fn realize_all(&self) {
        if let Some(value) = self.get() {
            value.realize_all();
        }
    }
}

/// Walks what the `Cow` points at: a borrowed one as a reference (`&B`, a
/// node walked once however many paths reach it), an owned one as its own
/// value.
impl<B: RealizeAll + ToOwned + ?Sized> RealizeAll for Cow<'_, B> {
    #[inline]
    fn realize_all(&self) {
        match self {
            Cow::Borrowed(borrowed) => <&B as RealizeAll>::realize_all(borrowed),
            Cow::Owned(_) => B::realize_all(self),
        }
    }
}

macro_rules! realize_all_tuple {
    ($($name:ident)+) => {
        impl<$($name: RealizeAll),+> RealizeAll for ($($name,)+) {
            #[allow(non_snake_case)] // the bindings reuse the type parameters' names
            fn realize_all(&self) {
                let ($($name,)+) = self;
                realize_all_scope(|| {
                    $($name.realize_all();)+
                });
            }
        }
    };
}

realize_all_tuple!(A);
realize_all_tuple!(A B);
realize_all_tuple!(A B C);
realize_all_tuple!(A B C D);
realize_all_tuple!(A B C D E);
realize_all_tuple!(A B C D E F);
realize_all_tuple!(A B C D E F G);
realize_all_tuple!(A B C D E F G H);
realize_all_tuple!(A B C D E F G H I);
realize_all_tuple!(A B C D E F G H I J);
realize_all_tuple!(A B C D E F G H I J K);
realize_all_tuple!(A B C D E F G H I J K L);

macro_rules! realize_all_leaf {
    ($($ty:ty),+ $(,)?) => {
        $(
            /// A leaf: holds no lazy, so there is nothing to realize.
            impl RealizeAll for $ty {
                #[inline]
                fn realize_all(&self) {}

                #[inline]
                fn __lazy_holds_no_lazy(&self) -> bool {
                    true
                }
            }
        )+
    };
}

realize_all_leaf!(
    (),
    bool,
    char,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    f32,
    f64,
    str,
    String,
    core::num::NonZeroU8,
    core::num::NonZeroU16,
    core::num::NonZeroU32,
    core::num::NonZeroU64,
    core::num::NonZeroU128,
    core::num::NonZeroUsize,
    core::num::NonZeroI8,
    core::num::NonZeroI16,
    core::num::NonZeroI32,
    core::num::NonZeroI64,
    core::num::NonZeroI128,
    core::num::NonZeroIsize,
    core::time::Duration,
    core::any::TypeId,
    core::net::IpAddr,
    core::net::Ipv4Addr,
    core::net::Ipv6Addr,
    core::net::SocketAddr,
    core::net::SocketAddrV4,
    core::net::SocketAddrV6,
    core::cmp::Ordering,
);

#[cfg(feature = "std")]
realize_all_leaf!(
    std::ffi::OsStr,
    std::ffi::OsString,
    std::path::Path,
    std::path::PathBuf,
    std::time::Instant,
    std::time::SystemTime,
);

impl<T: ?Sized> RealizeAll for core::marker::PhantomData<T> {
    #[inline]
    fn realize_all(&self) {}

    #[inline]
    fn __lazy_holds_no_lazy(&self) -> bool {
        true
    }
}
