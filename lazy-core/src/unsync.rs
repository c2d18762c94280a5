//! The single-threaded lazy.

use core::any::type_name;
use core::cell::{OnceCell, Ref, RefCell};
use core::fmt;
use core::mem;

use crate::state::{self, Deferred};
use crate::{Realize, RealizeInto, RealizeMut, Seed, panic};

/// The name of this lazy type in panic messages.
const FLAVOUR: &str = "Lazy";

enum State<T, S> {
    Unrealized { seed: S, deferred: Deferred<T> },
    Building,
    Realized,
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
/// `Lazy<T, Box<dyn FnOnce() -> T + Send>>`, or better a [`Seed`] type of
/// your own, whose fields [`Lazy::peek`] can read until the value is built.
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
pub struct Lazy<T, S = fn() -> T> {
    value: OnceCell<T>,
    state: RefCell<State<T, S>>,
}

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
    #[inline]
    pub const fn new(seed: S) -> Self {
        Lazy {
            value: OnceCell::new(),
            state: RefCell::new(State::Unrealized {
                seed,
                deferred: Deferred::new(),
            }),
        }
    }

    /// Queues a mutation of the value: applied right after the value is
    /// built, in the order queued, before anyone sees the value; applied at
    /// once if the value is already built. Builds nothing.
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
        if let Some(value) = this.value.get_mut() {
            mutation(value);
            return;
        }
        match this.state.get_mut() {
            State::Unrealized { deferred, .. } => deferred.push(mutation),
            State::Building | State::Realized | State::Poisoned => panic::poisoned::<T>(FLAVOUR),
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
    /// # Panics
    /// If the lazy is poisoned, or its seed is borrowed by [`Lazy::peek`].
    #[track_caller]
    pub fn try_defer<F>(this: &Self, mutation: F) -> Result<(), F>
    where
        F: FnOnce(&mut T) + Send + 'static,
    {
        if this.value.get().is_some() {
            return Err(mutation);
        }
        let Ok(mut state) = this.state.try_borrow_mut() else {
            panic::peeked::<T>(FLAVOUR)
        };
        match &mut *state {
            State::Unrealized { deferred, .. } => {
                deferred.push(mutation);
                Ok(())
            }
            State::Building | State::Realized => Err(mutation),
            State::Poisoned => panic::poisoned::<T>(FLAVOUR),
        }
    }

    #[cold]
    #[inline(never)]
    #[track_caller]
    fn realize_cold(&self) -> &T {
        let Ok(mut state) = self.state.try_borrow_mut() else {
            panic::peeked::<T>(FLAVOUR)
        };
        let (seed, deferred) = match mem::replace(&mut *state, State::Building) {
            State::Unrealized { seed, deferred } => (seed, deferred),
            State::Building => panic::reentrant::<T>(FLAVOUR),
            other => {
                *state = other;
                drop(state);
                return Self::realized_or_poisoned(self);
            }
        };
        drop(state);
        // Marks the lazy poisoned if the build unwinds; disarmed on success.
        let guard = PoisonOnUnwind(&self.state);
        let value = self.value.get_or_init(|| state::build(seed, deferred));
        mem::forget(guard);
        *self.state.borrow_mut() = State::Realized;
        value
    }

    #[track_caller]
    fn realized_or_poisoned(this: &Self) -> &T {
        match this.value.get() {
            Some(value) => value,
            None => panic::poisoned::<T>(FLAVOUR),
        }
    }
}

impl<T, S> Lazy<T, S> {
    /// Creates a lazy whose value is already built. The seed type is only a
    /// type here: no seed exists.
    ///
    /// ```
    /// use lazy_core::Lazy;
    ///
    /// let lazy: Lazy<u8> = Lazy::from_value(7);
    /// assert_eq!(Lazy::get(&lazy), Some(&7));
    /// ```
    pub fn from_value(value: T) -> Self {
        Lazy {
            value: OnceCell::from(value),
            state: RefCell::new(State::Realized),
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
        this.value.get().is_some()
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
        matches!(this.state.try_borrow().as_deref(), Ok(State::Poisoned))
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
        this.value.get()
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
        this.value.get_mut()
    }

    /// Borrows the seed while the value is not built; `None` once it is built
    /// (or poisoned). Never builds.
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
    /// # Panics
    /// Realizing this lazy while the returned guard is alive panics (the
    /// build would move the seed out from under the borrow).
    pub fn peek(this: &Self) -> Option<Ref<'_, S>> {
        let state = this.state.try_borrow().ok()?;
        Ref::filter_map(state, |state| match state {
            State::Unrealized { seed, .. } => Some(seed),
            State::Building | State::Realized | State::Poisoned => None,
        })
        .ok()
    }

    /// The name of the seed's type while the value is not built; `None` once
    /// it is built (or poisoned). Never builds.
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
        Self::peek(this).map(|_| type_name::<S>())
    }
}

impl<T, S: Seed<Output = T>> Realize for Lazy<T, S> {
    type Target = T;

    #[inline]
    #[track_caller]
    fn realize(&self) -> &T {
        match self.value.get() {
            Some(value) => value,
            None => self.realize_cold(),
        }
    }
}

impl<T, S: Seed<Output = T>> RealizeMut for Lazy<T, S> {
    #[inline]
    #[track_caller]
    fn realize_mut(&mut self) -> &mut T {
        if self.value.get().is_none() {
            self.realize_cold();
        }
        match self.value.get_mut() {
            Some(value) => value,
            None => panic::poisoned::<T>(FLAVOUR),
        }
    }
}

impl<T, S: Seed<Output = T>> RealizeInto for Lazy<T, S> {
    #[inline]
    #[track_caller]
    fn into_realized(self) -> T {
        let Lazy { value, state } = self;
        if let Some(value) = value.into_inner() {
            return value;
        }
        match state.into_inner() {
            State::Unrealized { seed, deferred } => state::build(seed, deferred),
            State::Building | State::Realized | State::Poisoned => panic::poisoned::<T>(FLAVOUR),
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
    /// Prints the value once built, and the seed's type before. Never builds.
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
        if let Some(value) = self.value.get() {
            return write!(f, "Lazy(realized: {value:?})");
        }
        match self.state.try_borrow().as_deref() {
            Ok(State::Unrealized { .. }) => write!(f, "Lazy(unrealized: {})", type_name::<S>()),
            Ok(State::Poisoned) => f.write_str("Lazy(poisoned)"),
            Ok(State::Building | State::Realized) | Err(_) => f.write_str("Lazy(building)"),
        }
    }
}

struct PoisonOnUnwind<'a, T, S>(&'a RefCell<State<T, S>>);

impl<T, S> Drop for PoisonOnUnwind<'_, T, S> {
    fn drop(&mut self) {
        if let Ok(mut state) = self.0.try_borrow_mut() {
            *state = State::Poisoned;
        }
    }
}
