//! The single-threaded lazy.

use core::any::type_name;
use core::cell::{Cell, UnsafeCell};
use core::fmt;
use core::mem;
use core::ops::Deref;
use core::panic::UnwindSafe;
use core::ptr;

use crate::state::{self, Deferred};
use crate::{Realize, RealizeInto, RealizeMut, Seed, panic};

/// The name of this lazy type in panic messages.
const FLAVOUR: &str = "Lazy";

/// The one state of a lazy, in one cell: the seed and the value are never
/// alive together, so they share the same bytes, as in `LazyCell`.
enum State<T, S> {
    Unrealized {
        /// The number of live [`SeedRef`]s, which borrow `seed`: a build
        /// first checks that it is zero. A `u32`, so that it shares its word
        /// with the enum's tag.
        peeks: Cell<u32>,
        seed: S,
        /// Mutations queued by [`Lazy::defer`] and [`Lazy::try_defer`]; a
        /// `Cell`, so that `try_defer` can queue through `&Lazy` without
        /// ever lending a reference into the queue.
        deferred: Cell<Deferred<T>>,
    },
    /// The seed has been moved out and the build is running.
    Building,
    Realized(T),
    Poisoned,
}

/// A value built from its [`Seed`] on first use, for one thread.
///
/// `Lazy` is the single-threaded flavour, like [`core::cell::LazyCell`]; see
/// [`sync::Lazy`](crate::sync::Lazy) for one that threads can share. It
/// implements [`Realize`], [`RealizeMut`] and [`RealizeInto`]. What it adds to
/// `LazyCell` is what a lazy tracker needs:
///
/// - the seed can be inspected until the value is built ([`Lazy::peek`]) and
///   is dropped, with everything it owns, the moment the value is built;
/// - mutations that arrive before the value exists are queued and applied
///   right after the build ([`Lazy::defer`]);
/// - [`Debug`](fmt::Debug) never builds;
/// - a build that asks for its own value panics with a clear message instead
///   of overflowing the stack.
///
/// Operations on the lazy itself are associated functions (`Lazy::get(&l)`),
/// so they never shadow methods of the value.
///
/// ```
/// use lazy_core::{Lazy, Realize};
///
/// let lazy = Lazy::new(|| 6 * 7);
/// assert_eq!(Lazy::get(&lazy), None);
/// assert_eq!(*lazy.realize(), 42);
/// assert_eq!(Lazy::get(&lazy), Some(&42));
/// ```
///
/// # Poisoning
/// If building the value panics (in the seed or in a deferred mutation), the
/// lazy is poisoned: the seed is gone, and every later attempt to realize it
/// panics with a message that says so and names the type. Dropping a poisoned
/// lazy is fine.
///
/// ```should_panic
/// use std::panic::{AssertUnwindSafe, catch_unwind};
/// use lazy_core::{Lazy, Realize};
///
/// let lazy: Lazy<u32> = Lazy::new(|| panic!("no value"));
/// let _ = catch_unwind(AssertUnwindSafe(|| *lazy.realize()));
/// assert!(Lazy::is_poisoned(&lazy));
/// lazy.realize(); // panics: "Lazy<u32> is poisoned: ..."
/// ```
///
/// # Seeds in struct fields
/// The default seed type `fn() -> T` takes closures that capture nothing.
/// A lazy stored in a struct with a capturing closure names its seed type:
/// `Lazy<T, Box<dyn FnOnce() -> T>>` (`+ Send` in it where the struct must be
/// `Send`: a boxed closure without it is not, nor then the struct), or better
/// a [`Seed`] type of your own, whose fields [`Lazy::peek`] can read until
/// the value is built.
///
/// ```
/// use lazy_core::{Lazy, Realize};
///
/// struct Tracker {
///     cache: Lazy<String, Box<dyn FnOnce() -> String + Send>>,
/// }
///
/// let name = String::from("x");
/// let tracker = Tracker { cache: Lazy::new(Box::new(move || name.to_uppercase())) };
/// assert_eq!(tracker.cache.realize(), "X");
/// ```
///
/// # Threads
/// Like `LazyCell`, `Lazy` is `Send` when its value and seed are (so deferred
/// mutations must be `Send` too), and never `Sync`: use
/// [`sync::Lazy`](crate::sync::Lazy) to share a lazy between threads.
///
/// # Size
/// A `Lazy` is the state of a `LazyCell` plus the queue of deferred
/// mutations (one pointer, allocated only when something is deferred); the
/// count of [`Lazy::peek`]'s guards shares its word with the state's tag:
/// `Lazy<u64>` is 24 bytes and `Lazy<String>` 32 on 64-bit targets.
//
// Soundness: through `&self`, `state` is only read (and its `Cell` fields
// used), except in two writes, each with a `// SAFETY:` comment:
// `realize_cold` (moves the seed out, then writes the value) and
// `PoisonOnUnwind::drop` (writes `Poisoned`). The references into the state
// that outlive a call are (a) the `&T` of a `Realized` state, which nothing
// changes through `&self` again, and (b) the `SeedRef`s of `Lazy::peek`,
// which borrow the seed and its `peeks` count, and are counted there. The
// writes happen only from `Unrealized` with a count of zero, and from
// `Building`, so they never invalidate a live reference. User code runs
// while a reference into the state is alive only for a `Realized` state (the
// value's `Debug`) or while a `SeedRef` is counted, never while the state
// could be written; the build runs after the seed has been moved out.
pub struct Lazy<T, S = fn() -> T> {
    state: UnsafeCell<State<T, S>>,
}

// As `LazyCell`. The queued mutations are not `UnwindSafe` themselves, but
// they run only inside the build, whose unwinding poisons the lazy.
impl<T: UnwindSafe, S: UnwindSafe> UnwindSafe for Lazy<T, S> {}

impl<T, S: Seed<Output = T>> Lazy<T, S> {
    /// Creates a lazy that builds its value from `seed` on first use. Builds
    /// nothing now.
    ///
    /// ```
    /// use lazy_core::Lazy;
    ///
    /// let lazy = Lazy::new(|| unreachable!("never built"));
    /// # let _: &Lazy<(), _> = &lazy;
    /// assert!(!Lazy::is_realized(&lazy));
    /// ```
    ///
    /// The default seed type, `Lazy<T>`'s, is `fn() -> T`: a closure that
    /// captures something (`move || build(i)`) is not one, and rustc says
    /// "expected fn pointer, found closure". Name a seed type that takes it,
    /// `Lazy<T, Box<dyn FnOnce() -> T>>`, or write a [`Seed`] of your own
    /// (see "Seeds" in the crate's documentation):
    ///
    /// ```
    /// use lazy_core::{Lazy, Realize};
    ///
    /// let lazies: Vec<Lazy<u32, Box<dyn FnOnce() -> u32>>> = (0..3u32)
    ///     .map(|i| Lazy::new(Box::new(move || i * 10) as Box<dyn FnOnce() -> u32>))
    ///     .collect();
    /// assert_eq!(*lazies[2].realize(), 20);
    /// ```
    #[inline]
    pub const fn new(seed: S) -> Self {
        Lazy {
            state: UnsafeCell::new(State::Unrealized {
                peeks: Cell::new(0),
                seed,
                deferred: Cell::new(Deferred::new()),
            }),
        }
    }

    /// Queues a mutation of the value: applied right after the value is
    /// built, in the order queued, before anyone sees the value; applied at
    /// once if the value is already built. Builds nothing.
    /// It takes the lazy by `&mut`: through a shared one (`Rc`, `Arc`, `&`),
    /// queue with [`Lazy::try_defer`].
    ///
    /// This is how metadata that arrives early (a name hint, a source
    /// location) reaches the value without forcing it to be built.
    ///
    /// ```
    /// use lazy_core::{Lazy, Realize};
    ///
    /// let mut lazy = Lazy::new(|| String::from("x"));
    /// Lazy::defer(&mut lazy, |s| s.push('1'));
    /// Lazy::defer(&mut lazy, |s| s.push('2'));
    /// assert!(!Lazy::is_realized(&lazy));
    /// assert_eq!(lazy.realize(), "x12");
    /// Lazy::defer(&mut lazy, |s| s.push('3'));
    /// assert_eq!(lazy.realize(), "x123");
    /// ```
    ///
    /// The mutation must be `Send` (so that a `Lazy` of `Send` parts stays
    /// `Send`); to reach data that is not, keep it in the seed, which
    /// [`Lazy::peek`] can update until the build.
    ///
    /// # Panics
    /// If the lazy is poisoned.
    #[track_caller]
    pub fn defer(this: &mut Self, mutation: impl FnOnce(&mut T) + Send + 'static) {
        match this.state.get_mut() {
            State::Realized(value) => mutation(value),
            State::Unrealized { deferred, .. } => deferred.get_mut().push(mutation),
            State::Building | State::Poisoned => panic::poisoned::<T>(FLAVOUR),
        }
    }

    /// Queues a mutation through a shared reference, for a lazy that several
    /// owners share (`Rc<Lazy<..>>`): `Ok(())` if it was queued (the value is
    /// not built yet), or `Err(mutation)` given back if the value is already
    /// built or being built, so the caller can apply it another way. Builds
    /// nothing.
    ///
    /// ```
    /// use std::rc::Rc;
    /// use lazy_core::{Lazy, Realize};
    ///
    /// let shared = Rc::new(Lazy::new(|| String::from("x")));
    /// let clone = Rc::clone(&shared);
    /// assert!(Lazy::try_defer(&clone, |s| s.push_str(" hint")).is_ok());
    /// assert_eq!(shared.realize(), "x hint");
    /// // Too late to queue: the mutation comes back.
    /// assert!(Lazy::try_defer(&clone, |s| s.push('!')).is_err());
    /// ```
    ///
    /// Works while the seed is borrowed by [`Lazy::peek`].
    ///
    /// # Panics
    /// If the lazy is poisoned.
    #[track_caller]
    pub fn try_defer<F>(this: &Self, mutation: F) -> Result<(), F>
    where
        F: FnOnce(&mut T) + Send + 'static,
    {
        match this.state() {
            State::Unrealized { deferred, .. } => {
                // Taken out and put back, so no reference into the queue
                // lives while it grows (and allocates).
                let mut queue = deferred.take();
                queue.push(mutation);
                deferred.set(queue);
                Ok(())
            }
            State::Building | State::Realized(_) => Err(mutation),
            State::Poisoned => panic::poisoned::<T>(FLAVOUR),
        }
    }

    /// The value, building it first if needed: [`Realize::realize`] as an
    /// associated function, like `LazyCell::force`.
    ///
    /// ```
    /// use lazy_core::Lazy;
    ///
    /// let lazy = Lazy::new(|| 7);
    /// assert_eq!(*Lazy::force(&lazy), 7);
    /// ```
    ///
    /// # Panics
    /// As [`Realize::realize`].
    #[inline]
    #[track_caller]
    pub fn force(this: &Self) -> &T {
        this.realize()
    }

    /// The value mutably, building it first if needed: [`RealizeMut`] as an
    /// associated function, like `LazyCell::force_mut`.
    ///
    /// ```
    /// use lazy_core::Lazy;
    ///
    /// let mut lazy = Lazy::new(|| vec![1]);
    /// Lazy::force_mut(&mut lazy).push(2);
    /// assert_eq!(Lazy::get(&lazy), Some(&vec![1, 2]));
    /// ```
    ///
    /// # Panics
    /// As [`Realize::realize`].
    #[inline]
    #[track_caller]
    pub fn force_mut(this: &mut Self) -> &mut T {
        this.realize_mut()
    }

    #[cold]
    #[inline(never)]
    #[track_caller]
    fn realize_cold(&self) -> &T {
        let State::Unrealized { peeks, .. } = self.state() else {
            return Self::realized_or_panic(self);
        };
        if peeks.get() != 0 {
            panic::peeked::<T>(FLAVOUR)
        }
        // SAFETY: the state is `Unrealized` and no `peek` guard is alive, so
        // no reference into the state lives (see the comment on `Lazy`): this
        // exclusive reference is the only one, and it ends with this
        // statement. `Lazy` is not `Sync`, so no other thread can look.
        let unrealized = mem::replace(unsafe { &mut *self.state.get() }, State::Building);
        let State::Unrealized { seed, deferred, .. } = unrealized else {
            unreachable!("checked above: the state was unrealized")
        };
        // Marks the lazy poisoned if the build unwinds; disarmed on success.
        let guard = PoisonOnUnwind(&self.state);
        let value = state::build(seed, deferred.into_inner());
        mem::forget(guard);
        // SAFETY: the state is `Building` (a re-entrant realize panicked
        // without changing it, and every other operation only reads it), so
        // no reference into it lives, and overwriting it leaks nothing.
        unsafe { ptr::write(self.state.get(), State::Realized(value)) };
        match self.state() {
            State::Realized(value) => value,
            _ => unreachable!("the value was just stored"),
        }
    }
}

impl<T, S> Lazy<T, S> {
    /// The value of a lazy that is not unrealized, or the panic that says why
    /// there is none.
    #[cold]
    #[inline(never)]
    #[track_caller]
    fn realized_or_panic(this: &Self) -> &T {
        match this.state() {
            State::Realized(value) => value,
            State::Building => panic::reentrant::<T>(FLAVOUR),
            State::Unrealized { .. } | State::Poisoned => panic::poisoned::<T>(FLAVOUR),
        }
    }

    /// Creates a lazy whose value is already built. The seed type is only a
    /// type here: no seed exists. A `const fn`, as [`Lazy::new`] is.
    ///
    /// ```
    /// use lazy_core::Lazy;
    ///
    /// const SEVEN: Lazy<u8> = Lazy::from_value(7);
    /// let lazy = SEVEN;
    /// assert_eq!(Lazy::get(&lazy), Some(&7));
    /// ```
    pub const fn from_value(value: T) -> Self {
        Lazy {
            state: UnsafeCell::new(State::Realized(value)),
        }
    }

    /// The state, shared.
    #[inline(always)]
    fn state(&self) -> &State<T, S> {
        // SAFETY: the state is only written while no reference into it lives
        // (see the comment on `Lazy`); callers drop this one before any user
        // code can run, except for the `&T` of a realized state, which is
        // never written again through `&self`.
        unsafe { &*self.state.get() }
    }

    /// Consumes the lazy: `Ok(value)` if the value is built, `Err(seed)` if
    /// it is not, like `LazyCell::into_inner`. Builds nothing; mutations
    /// queued by [`Lazy::defer`] are dropped unapplied with the lazy.
    ///
    /// ```
    /// use lazy_core::{Lazy, Realize};
    ///
    /// let lazy: Lazy<u8> = Lazy::new(|| 3);
    /// let seed = Lazy::into_inner(lazy).unwrap_err();
    /// assert_eq!(seed(), 3);
    ///
    /// let lazy: Lazy<u8> = Lazy::new(|| 3);
    /// lazy.realize();
    /// assert_eq!(Lazy::into_inner(lazy), Ok(3));
    /// ```
    ///
    /// # Panics
    /// If the lazy is poisoned (it has neither a value nor a seed).
    #[track_caller]
    pub fn into_inner(this: Self) -> Result<T, S> {
        match this.state.into_inner() {
            State::Realized(value) => Ok(value),
            // The queue dropped first, while `seed` is a local: a queued
            // mutation whose drop panics then drops the seed as the panic
            // unwinds, where dropped after it the seed would leak.
            State::Unrealized { seed, deferred, .. } => {
                drop(deferred);
                Err(seed)
            }
            State::Building | State::Poisoned => panic::poisoned::<T>(FLAVOUR),
        }
    }

    /// Whether the value is built. Builds nothing.
    ///
    /// ```
    /// use lazy_core::{Lazy, Realize};
    ///
    /// let lazy = Lazy::new(|| 1);
    /// assert!(!Lazy::is_realized(&lazy));
    /// lazy.realize();
    /// assert!(Lazy::is_realized(&lazy));
    /// ```
    #[inline]
    pub fn is_realized(this: &Self) -> bool {
        matches!(this.state(), State::Realized(_))
    }

    /// Whether an earlier build panicked, so the value can never be built.
    ///
    /// ```
    /// use lazy_core::Lazy;
    ///
    /// let lazy = Lazy::new(|| 1);
    /// assert!(!Lazy::is_poisoned(&lazy));
    /// ```
    pub fn is_poisoned(this: &Self) -> bool {
        matches!(this.state(), State::Poisoned)
    }

    /// The value if it is built; `None` otherwise. Never builds.
    ///
    /// ```
    /// use lazy_core::{Lazy, Realize};
    ///
    /// let lazy = Lazy::new(|| 'a');
    /// assert_eq!(Lazy::get(&lazy), None);
    /// lazy.realize();
    /// assert_eq!(Lazy::get(&lazy), Some(&'a'));
    /// ```
    #[inline]
    pub fn get(this: &Self) -> Option<&T> {
        match this.state() {
            State::Realized(value) => Some(value),
            State::Unrealized { .. } | State::Building | State::Poisoned => None,
        }
    }

    /// The value mutably if it is built; `None` otherwise. Never builds.
    ///
    /// ```
    /// use lazy_core::{Lazy, Realize};
    ///
    /// let mut lazy = Lazy::new(|| 1);
    /// assert_eq!(Lazy::get_mut(&mut lazy), None);
    /// lazy.realize();
    /// *Lazy::get_mut(&mut lazy).unwrap() += 1;
    /// assert_eq!(Lazy::get(&lazy), Some(&2));
    /// ```
    #[inline]
    pub fn get_mut(this: &mut Self) -> Option<&mut T> {
        match this.state.get_mut() {
            State::Realized(value) => Some(value),
            State::Unrealized { .. } | State::Building | State::Poisoned => None,
        }
    }

    /// Borrows the seed while the value is not built; `None` once it is built
    /// (or poisoned), and while it is being built (the build holds the seed).
    /// Never builds.
    ///
    /// This is Dynamo's `peek_value` / `original_source`: answer questions
    /// from the raw input without paying for the build.
    ///
    /// ```
    /// use lazy_core::{Lazy, Realize, Seed};
    ///
    /// struct FromSource(&'static str);
    /// impl Seed for FromSource {
    ///     type Output = usize;
    ///     fn build(self) -> usize { self.0.len() }
    /// }
    ///
    /// let lazy = Lazy::new(FromSource("L['x']"));
    /// assert_eq!(Lazy::peek(&lazy).map(|s| s.0), Some("L['x']"));
    /// lazy.realize();
    /// assert!(Lazy::peek(&lazy).is_none());
    /// ```
    ///
    /// Any number of guards may be alive at once; [`Lazy::try_defer`],
    /// [`Lazy::get`] and `Debug` work while they are.
    ///
    /// # Panics
    /// Realizing this lazy while a returned guard is alive panics (the build
    /// would move the seed out from under the borrow). `peek` itself panics
    /// only if some 2^32 guards were leaked with [`mem::forget`].
    ///
    /// A guard leaked with [`mem::forget`] stays counted, as a leaked `Ref`
    /// keeps its `RefCell` borrowed: realizing through `&self` then panics.
    /// `&mut` and owning access prove that no guard is alive, so
    /// [`RealizeMut::realize_mut`], [`Lazy::force_mut`] and
    /// [`RealizeInto::into_realized`] build.
    pub fn peek(this: &Self) -> Option<SeedRef<'_, T, S>> {
        match this.state() {
            // The guard is counted: until it is dropped, a build panics
            // instead of moving the seed out from under it.
            State::Unrealized { peeks, .. } => {
                let Some(counted) = peeks.get().checked_add(1) else {
                    panic!("too many live `Lazy::peek` guards")
                };
                peeks.set(counted);
                Some(SeedRef { lazy: this })
            }
            State::Building | State::Realized(_) | State::Poisoned => None,
        }
    }

    /// The name of the seed's type while the value is not built; `None` once
    /// it is built (or poisoned), and while it is being built. Never builds.
    ///
    /// ```
    /// use lazy_core::{Lazy, Realize};
    ///
    /// let lazy: Lazy<u8, fn() -> u8> = Lazy::new(|| 1);
    /// assert_eq!(Lazy::seed_type_name(&lazy), Some("fn() -> u8"));
    /// lazy.realize();
    /// assert_eq!(Lazy::seed_type_name(&lazy), None);
    /// ```
    pub fn seed_type_name(this: &Self) -> Option<&'static str> {
        match this.state() {
            State::Unrealized { .. } => Some(type_name::<S>()),
            State::Building | State::Realized(_) | State::Poisoned => None,
        }
    }
}

/// A borrow of a [`Lazy`]'s seed, from [`Lazy::peek`]; the single-threaded
/// [`sync::SeedRef`](crate::sync::SeedRef).
///
/// Realizing the lazy panics while a guard is alive: see [`Lazy::peek`].
///
/// ```
/// use lazy_core::{Lazy, Realize};
///
/// let lazy = Lazy::new(|| 1);
/// let seed = Lazy::peek(&lazy).expect("not built yet");
/// assert_eq!(seed(), 1); // the seed is a closure here: calling it builds a copy
/// drop(seed);
/// assert_eq!(*lazy.realize(), 1);
/// ```
pub struct SeedRef<'a, T, S> {
    /// The lazy, whose state this guard counts among its `peeks`. Not a
    /// `&S` into the state, as a `MutexGuard` holds its `&Mutex` and no
    /// `&T`: a guard given to a function keeps the references it holds
    /// valid for the whole call, and one to the seed would then forbid that
    /// call to build once it has dropped the guard (a `&S` is taken anew at
    /// each `deref`).
    lazy: &'a Lazy<T, S>,
}

impl<T, S> SeedRef<'_, T, S> {
    /// The seed and the count of live guards: a counted guard keeps the
    /// state unrealized (a build panics first).
    #[inline]
    fn parts(&self) -> (&S, &Cell<u32>) {
        match self.lazy.state() {
            State::Unrealized { seed, peeks, .. } => (seed, peeks),
            State::Building | State::Realized(_) | State::Poisoned => {
                unreachable!("a lazy was built while a `peek` guard was alive")
            }
        }
    }
}

impl<T, S> Deref for SeedRef<'_, T, S> {
    type Target = S;

    #[inline]
    fn deref(&self) -> &S {
        self.parts().0
    }
}

impl<T, S> Drop for SeedRef<'_, T, S> {
    #[inline]
    fn drop(&mut self) {
        let peeks = self.parts().1;
        peeks.set(peeks.get() - 1);
    }
}

impl<T, S: fmt::Debug> fmt::Debug for SeedRef<'_, T, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        S::fmt(self, f)
    }
}

/// A lazy built back from its target holds it already realized
/// ([`Lazy::from_value`]): how a forwarded method that returns `Self` gives
/// an enum's `#[realize]` variant again.
///
/// ```
/// use lazy_core::{FromRealized, Lazy};
///
/// let lazy: Lazy<u8> = FromRealized::from_realized(7);
/// assert_eq!(Lazy::get(&lazy), Some(&7));
/// ```
#[diagnostic::do_not_recommend]
impl<T, S> crate::FromRealized<T> for Lazy<T, S> {
    #[inline]
    fn from_realized(target: T) -> Self {
        Lazy::from_value(target)
    }
}

impl<T, S: Seed<Output = T>> Realize for Lazy<T, S> {
    type Target = T;

    #[inline]
    #[track_caller]
    fn realize(&self) -> &T {
        // Three arms, as `LazyCell::force`: the tag is loaded once and
        // compared in a register.
        match self.state() {
            State::Realized(value) => value,
            State::Unrealized { .. } => self.realize_cold(),
            State::Building | State::Poisoned => Self::realized_or_panic(self),
        }
    }
}

impl<T, S: Seed<Output = T>> RealizeMut for Lazy<T, S> {
    #[inline]
    #[track_caller]
    fn realize_mut(&mut self) -> &mut T {
        if !Self::is_realized(self) {
            if let State::Unrealized { peeks, .. } = self.state.get_mut() {
                // `&mut self`: no guard is alive; a count left is of guards
                // leaked with `mem::forget`.
                *peeks.get_mut() = 0;
            }
            self.realize_cold();
        }
        match self.state.get_mut() {
            State::Realized(value) => value,
            _ => unreachable!("`realize_cold` returns only once the value is built"),
        }
    }
}

impl<T, S: Seed<Output = T>> RealizeInto for Lazy<T, S> {
    #[inline]
    #[track_caller]
    fn into_realized(self) -> T {
        match self.state.into_inner() {
            State::Realized(value) => value,
            State::Unrealized { seed, deferred, .. } => state::build(seed, deferred.into_inner()),
            State::Building | State::Poisoned => panic::poisoned::<T>(FLAVOUR),
        }
    }
}

impl<T: Default> Default for Lazy<T> {
    /// A lazy that builds `T::default()` on first use.
    ///
    /// ```
    /// use lazy_core::{Lazy, Realize};
    ///
    /// let lazy: Lazy<Vec<u8>> = Lazy::default();
    /// assert!(lazy.realize().is_empty());
    /// ```
    fn default() -> Self {
        Lazy::new(T::default)
    }
}

impl<T: fmt::Debug, S> fmt::Debug for Lazy<T, S> {
    /// Prints the value once built, the seed's type before, and
    /// `Lazy(building)` or `Lazy(poisoned)` during a build or after one that
    /// panicked. Never builds.
    ///
    /// ```
    /// use lazy_core::{Lazy, Realize};
    ///
    /// let lazy: Lazy<u8> = Lazy::new(|| 5);
    /// assert_eq!(format!("{lazy:?}"), "Lazy(unrealized: fn() -> u8)");
    /// lazy.realize();
    /// assert_eq!(format!("{lazy:?}"), "Lazy(realized: 5)");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Only a realized value is borrowed while the formatter (user code)
        // runs; for the other states the name is picked first.
        let label = match self.state() {
            // The value through the caller's formatter, so that `{:#?}` and
            // `{:.2?}` reach it.
            State::Realized(value) => {
                f.write_str("Lazy(realized: ")?;
                fmt::Debug::fmt(value, f)?;
                return f.write_str(")");
            }
            State::Unrealized { .. } => None,
            State::Building => Some("Lazy(building)"),
            State::Poisoned => Some("Lazy(poisoned)"),
        };
        match label {
            Some(label) => f.write_str(label),
            None => write!(f, "Lazy(unrealized: {})", type_name::<S>()),
        }
    }
}

/// Marks the lazy poisoned when dropped: armed during the build, forgotten
/// when it succeeds.
struct PoisonOnUnwind<'a, T, S>(&'a UnsafeCell<State<T, S>>);

impl<T, S> Drop for PoisonOnUnwind<'_, T, S> {
    fn drop(&mut self) {
        // SAFETY: armed only while the state is `Building`, during which no
        // reference into the state lives past the operation that made it
        // (the unwinding build's own have ended); overwriting it leaks
        // nothing.
        unsafe { ptr::write(self.0.get(), State::Poisoned) };
    }
}

/// A lazy whose value is already built, as [`Lazy::from_value`]: like
/// `OnceCell`'s `From<T>`.
///
/// ```
/// use lazy_core::Lazy;
///
/// let lazy: Lazy<u8> = 7.into();
/// assert_eq!(Lazy::get(&lazy), Some(&7));
/// ```
impl<T, S> From<T> for Lazy<T, S> {
    #[inline]
    fn from(value: T) -> Self {
        Lazy::from_value(value)
    }
}
