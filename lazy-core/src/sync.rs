//! The lazy that threads can share.
//!
//! [`sync::Lazy`](Lazy) mirrors the API of the single-threaded
//! [`crate::Lazy`]; it is to it what [`std::sync::LazyLock`] is to
//! [`core::cell::LazyCell`].

use core::any::type_name;
use core::cell::UnsafeCell;
use core::fmt;
use core::marker::PhantomData;
use core::mem;
use core::ops::Deref;
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock, PoisonError, TryLockError};
use std::thread::{self, ThreadId};

use crate::state::{self, Deferred};
use crate::{Realize, RealizeInto, RealizeMut, Seed, panic};

/// The name of this lazy type in panic messages.
const FLAVOUR: &str = "sync::Lazy";

/// The state of a lazy, under its mutex. The seed itself lives outside the
/// mutex (in `Lazy::seed`), so that a [`SeedRef`] can lend it without
/// holding the lock.
enum State<T> {
    Unrealized {
        deferred: Deferred<T>,
        /// The thread whose [`SeedRef`]s borrow the seed (`None` if none
        /// does), and how many there are.
        peeker: Option<ThreadId>,
        peeks: u32,
        /// Whether another thread waits for the peeks to end.
        waiters: bool,
    },
    /// Being built by `owner`; `waiters` if another thread waits for it.
    Building {
        owner: ThreadId,
        waiters: bool,
    },
    Realized,
    Poisoned,
}

/// A value built from its [`Seed`] on first use, shareable between threads.
///
/// Any number of threads may race to realize it: exactly one builds, the
/// others wait and then all see the same value. Its API mirrors the
/// single-threaded [`crate::Lazy`]; see there for the contract (seed peeking,
/// deferred mutations, `Debug` that never builds).
///
/// ```
/// use std::sync::atomic::{AtomicUsize, Ordering};
/// use lazy_core::{Realize, sync::Lazy};
///
/// static BUILDS: AtomicUsize = AtomicUsize::new(0);
/// static TABLE: Lazy<Vec<u32>> = Lazy::new(|| {
///     BUILDS.fetch_add(1, Ordering::Relaxed);
///     (0..10).collect()
/// });
///
/// std::thread::scope(|s| {
///     for _ in 0..4 {
///         s.spawn(|| assert_eq!(TABLE.realize().len(), 10));
///     }
/// });
/// assert_eq!(BUILDS.load(Ordering::Relaxed), 1);
/// ```
///
/// # Poisoning
/// If building the value panics, the lazy is poisoned: every later attempt to
/// realize it panics with a message that says so and names the type, and
/// threads that were waiting for that build wake up and panic the same way
/// instead of hanging.
///
/// # Re-entrancy
/// A build that asks for its own value (directly or through other lazies)
/// panics with a message naming the type, on the building thread, instead of
/// deadlocking as [`std::sync::OnceLock::get_or_init`] does.
// `repr(C)` keeps the value first: the realized read then addresses it with
// no offset, as `LazyLock` does (rustc had put it at offset 32 for `u64`).
//
// Soundness: `seed` is `Some` exactly while the state is `Unrealized`. It is
// written (taken) only under the lock, by the thread that moves the state
// from `Unrealized` with no peeks to `Building`; it is read only through a
// `SeedRef`, which exists only while the state counts it in `peeks`, so the
// two never overlap. The seed is lent to one thread at a time (`peeker` names
// it), which is why `S: Send` is enough for `Lazy: Sync`, as for `LazyLock`.
#[repr(C)]
pub struct Lazy<T, S = fn() -> T> {
    value: OnceLock<T>,
    state: Mutex<State<T>>,
    built: Condvar,
    seed: UnsafeCell<Option<S>>,
}

// SAFETY: as `LazyLock`: the value is shared between threads (`T: Sync`) and
// may be built on any of them (`T: Send`); the seed is moved to the building
// thread (`S: Send`) and lent to one thread at a time (see the comment on
// `Lazy`), never shared by two at once, so it need not be `Sync`.
unsafe impl<T: Send + Sync, S: Send> Sync for Lazy<T, S> {}

/// Locks the state. The lock is never held while user code runs, so a
/// poisoned mutex carries no broken invariant: take the guard anyway.
fn lock<T>(state: &Mutex<State<T>>) -> MutexGuard<'_, State<T>> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<T, S: Seed<Output = T>> Lazy<T, S> {
    /// Creates a lazy that builds its value from `seed` on first use. Builds
    /// nothing now; usable in a `static`.
    ///
    /// ```
    /// use lazy_core::sync::Lazy;
    ///
    /// static GREETING: Lazy<String> = Lazy::new(|| "hello".to_owned());
    /// assert!(!Lazy::is_realized(&GREETING));
    /// ```
    #[inline]
    pub const fn new(seed: S) -> Self {
        Lazy {
            value: OnceLock::new(),
            state: Mutex::new(State::Unrealized {
                deferred: Deferred::new(),
                peeker: None,
                peeks: 0,
                waiters: false,
            }),
            built: Condvar::new(),
            seed: UnsafeCell::new(Some(seed)),
        }
    }

    /// Queues a mutation of the value: applied right after the value is
    /// built, in the order queued, before any thread sees the value; applied
    /// at once if the value is already built. Builds nothing.
    ///
    /// ```
    /// use lazy_core::{Realize, sync::Lazy};
    ///
    /// let mut lazy = Lazy::new(|| vec![1]);
    /// Lazy::defer(&mut lazy, |v| v.push(2));
    /// assert!(!Lazy::is_realized(&lazy));
    /// assert_eq!(lazy.realize(), &[1, 2]);
    /// ```
    ///
    /// # Panics
    /// If the lazy is poisoned.
    #[track_caller]
    pub fn defer(this: &mut Self, mutation: impl FnOnce(&mut T) + Send + 'static) {
        if let Some(value) = this.value.get_mut() {
            mutation(value);
            return;
        }
        let state = this.state.get_mut().unwrap_or_else(PoisonError::into_inner);
        match state {
            State::Unrealized { deferred, .. } => deferred.push(mutation),
            State::Building { .. } | State::Realized | State::Poisoned => {
                panic::poisoned::<T>(FLAVOUR)
            }
        }
    }

    /// Queues a mutation through a shared reference, for a lazy that several
    /// owners share (`Arc<Lazy<..>>`): `Ok(())` if it was queued (the value
    /// is not built yet), or `Err(mutation)` given back if the value is
    /// already built or being built, so the caller can apply it another way.
    /// Builds nothing, never waits for a build, and works while the seed is
    /// peeked.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use lazy_core::{Realize, sync::Lazy};
    ///
    /// let shared = Arc::new(Lazy::new(|| String::from("x")));
    /// let clone = Arc::clone(&shared);
    /// assert!(Lazy::try_defer(&clone, |s| s.push_str(" hint")).is_ok());
    /// assert_eq!(shared.realize(), "x hint");
    /// assert!(Lazy::try_defer(&clone, |s| s.push('!')).is_err());
    /// ```
    ///
    /// # Panics
    /// If the lazy is poisoned.
    #[track_caller]
    pub fn try_defer<F>(this: &Self, mutation: F) -> Result<(), F>
    where
        F: FnOnce(&mut T) + Send + 'static,
    {
        if this.value.get().is_some() {
            return Err(mutation);
        }
        match &mut *lock(&this.state) {
            State::Unrealized { deferred, .. } => {
                deferred.push(mutation);
                Ok(())
            }
            State::Building { .. } | State::Realized => Err(mutation),
            State::Poisoned => panic::poisoned::<T>(FLAVOUR),
        }
    }

    /// The value mutably, building it first if needed: [`RealizeMut`] as an
    /// associated function, like `LazyLock::force_mut`.
    ///
    /// ```
    /// use lazy_core::sync::Lazy;
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
        let me = thread::current().id();
        let mut state = lock(&self.state);
        let deferred = loop {
            match &mut *state {
                State::Unrealized {
                    peeker: None,
                    waiters,
                    ..
                } => {
                    // Threads that waited for a peek now wait for the build.
                    let building = State::Building {
                        owner: me,
                        waiters: *waiters,
                    };
                    let State::Unrealized { deferred, .. } = mem::replace(&mut *state, building)
                    else {
                        unreachable!("matched as unrealized")
                    };
                    break deferred;
                }
                State::Unrealized {
                    peeker: Some(owner),
                    ..
                } if *owner == me => {
                    drop(state);
                    panic::peeked::<T>(FLAVOUR)
                }
                State::Building { owner, .. } if *owner == me => {
                    drop(state);
                    panic::reentrant::<T>(FLAVOUR)
                }
                // Another thread builds, or peeks at the seed: wait for it.
                State::Unrealized { waiters, .. } | State::Building { waiters, .. } => {
                    *waiters = true;
                    state = self
                        .built
                        .wait(state)
                        .unwrap_or_else(PoisonError::into_inner);
                }
                State::Realized | State::Poisoned => {
                    drop(state);
                    return Self::realized_or_poisoned(self);
                }
            }
        };
        // SAFETY: under the lock, the state has just left `Unrealized` with
        // no peeker, so no `SeedRef` lends the seed and no other thread can
        // take it (see the comment on `Lazy`).
        let seed = unsafe { (*self.seed.get()).take() };
        drop(state);
        let Some(seed) = seed else {
            unreachable!("an unrealized lazy has its seed")
        };
        // Marks the lazy poisoned and wakes the waiters if the build unwinds;
        // disarmed on success.
        let guard = PoisonOnUnwind(self);
        let value = self.value.get_or_init(|| state::build(seed, deferred));
        mem::forget(guard);
        let previous = mem::replace(&mut *lock(&self.state), State::Realized);
        // Waking costs a system call: only when somebody waits.
        if let State::Building { waiters: true, .. } = previous {
            self.built.notify_all();
        }
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
    /// Creates a lazy whose value is already built.
    ///
    /// ```
    /// use lazy_core::sync::Lazy;
    ///
    /// let lazy: Lazy<u8> = Lazy::from_value(7);
    /// assert_eq!(Lazy::get(&lazy), Some(&7));
    /// ```
    pub fn from_value(value: T) -> Self {
        Lazy {
            value: OnceLock::from(value),
            state: Mutex::new(State::Realized),
            built: Condvar::new(),
            seed: UnsafeCell::new(None),
        }
    }

    /// Consumes the lazy: `Ok(value)` if the value is built, `Err(seed)` if
    /// it is not, like `LazyLock::into_inner`. Builds nothing; mutations
    /// queued by [`Lazy::defer`] are dropped unapplied with the lazy.
    ///
    /// ```
    /// use lazy_core::{Realize, sync::Lazy};
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
        let Lazy { value, seed, .. } = this;
        if let Some(value) = value.into_inner() {
            return Ok(value);
        }
        match seed.into_inner() {
            Some(seed) => Err(seed),
            None => panic::poisoned::<T>(FLAVOUR),
        }
    }

    /// Whether the value is built. Builds nothing.
    ///
    /// ```
    /// use lazy_core::{Realize, sync::Lazy};
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
    /// use lazy_core::sync::Lazy;
    ///
    /// let lazy = Lazy::new(|| 1);
    /// assert!(!Lazy::is_poisoned(&lazy));
    /// ```
    pub fn is_poisoned(this: &Self) -> bool {
        matches!(*lock(&this.state), State::Poisoned)
    }

    /// The value if it is built; `None` otherwise. Never builds.
    ///
    /// ```
    /// use lazy_core::{Realize, sync::Lazy};
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
    /// use lazy_core::{Realize, sync::Lazy};
    ///
    /// let mut lazy = Lazy::new(|| 1);
    /// lazy.realize();
    /// *Lazy::get_mut(&mut lazy).unwrap() += 1;
    /// assert_eq!(Lazy::get(&lazy), Some(&2));
    /// ```
    #[inline]
    pub fn get_mut(this: &mut Self) -> Option<&mut T> {
        this.value.get_mut()
    }

    /// Borrows the seed while the value is not built; `None` once it is built
    /// (or poisoned, or being built by another thread). Never builds.
    ///
    /// ```
    /// use lazy_core::{Realize, Seed, sync::Lazy};
    ///
    /// struct FromSource(&'static str);
    /// impl Seed for FromSource {
    ///     type Output = usize;
    ///     fn build(self) -> usize { self.0.len() }
    /// }
    ///
    /// let lazy = Lazy::new(FromSource("G['w']"));
    /// assert_eq!(Lazy::peek(&lazy).map(|s| s.0), Some("G['w']"));
    /// lazy.realize();
    /// assert!(Lazy::peek(&lazy).is_none());
    /// ```
    ///
    /// # What a guard blocks
    /// The guard does not hold the lazy's lock. The seed is lent to one
    /// thread at a time: while guards of this thread are alive,
    ///
    /// - on this thread, everything works as usual (more [`Lazy::peek`]s,
    ///   [`Lazy::try_defer`], [`Lazy::is_poisoned`],
    ///   [`Lazy::seed_type_name`], `Debug`, …) except realizing this lazy,
    ///   which panics with a message that says so (the build would move the
    ///   seed out from under the guard);
    /// - on other threads, realizing this lazy and [`Lazy::peek`] (so
    ///   [`Lazy::seed_type_name`]) wait until the last guard is dropped;
    ///   everything else works without waiting.
    ///
    /// # Panics
    /// Never on this thread's own guards; see above for realizing.
    pub fn peek(this: &Self) -> Option<SeedRef<'_, T, S>> {
        let me = thread::current().id();
        let mut state = lock(&this.state);
        loop {
            match &mut *state {
                State::Unrealized {
                    peeker: peeker @ None,
                    peeks,
                    ..
                } => {
                    *peeker = Some(me);
                    *peeks = 1;
                    break;
                }
                State::Unrealized {
                    peeker: Some(owner),
                    peeks,
                    ..
                } if *owner == me => {
                    // Only 4 billion leaked guards overflow it; wrapping
                    // would let a build move the seed from under them.
                    *peeks = peeks
                        .checked_add(1)
                        .expect("too many `sync::Lazy::peek` guards");
                    break;
                }
                State::Unrealized { waiters, .. } => {
                    *waiters = true;
                    state = this
                        .built
                        .wait(state)
                        .unwrap_or_else(PoisonError::into_inner);
                }
                State::Building { .. } | State::Realized | State::Poisoned => return None,
            }
        }
        // SAFETY: the state is `Unrealized` and now counts this guard in
        // `peeks`, under the lock, so the seed is `Some` and nobody takes it
        // until the guard is dropped; other threads' guards cannot exist.
        let seed = unsafe { (*this.seed.get()).as_ref() };
        drop(state);
        let seed = seed?;
        Some(SeedRef {
            lazy: this,
            seed,
            not_send: PhantomData,
        })
    }

    /// The name of the seed's type while the value is not built; `None` once
    /// it is built (or poisoned). Never builds.
    ///
    /// ```
    /// use lazy_core::{Realize, sync::Lazy};
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

/// A borrow of a [`sync::Lazy`](Lazy)'s seed, from [`Lazy::peek`].
///
/// It holds the lazy's lock: drop it before realizing the same lazy.
///
/// ```
/// use lazy_core::sync::Lazy;
///
/// let lazy = Lazy::new(|| 1);
/// let seed = Lazy::peek(&lazy).expect("not built yet");
/// assert_eq!(seed(), 1); // the seed is a closure here: calling it builds a copy
/// drop(seed);
/// ```
pub struct SeedRef<'a, T, S> {
    lazy: &'a Lazy<T, S>,
    seed: &'a S,
    /// Counted in `peeks` under this thread's id: dropped on this thread.
    not_send: PhantomData<*const ()>,
}

impl<T, S> Deref for SeedRef<'_, T, S> {
    type Target = S;

    fn deref(&self) -> &S {
        self.seed
    }
}

impl<T, S> Drop for SeedRef<'_, T, S> {
    fn drop(&mut self) {
        let mut state = lock(&self.lazy.state);
        if let State::Unrealized {
            peeker,
            peeks,
            waiters,
            ..
        } = &mut *state
        {
            *peeks -= 1;
            if *peeks == 0 {
                *peeker = None;
                if mem::take(waiters) {
                    self.lazy.built.notify_all();
                }
            }
        }
    }
}

impl<T, S: fmt::Debug> fmt::Debug for SeedRef<'_, T, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        S::fmt(self, f)
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
        let Lazy {
            value, state, seed, ..
        } = self;
        if let Some(value) = value.into_inner() {
            return value;
        }
        match (
            state.into_inner().unwrap_or_else(PoisonError::into_inner),
            seed.into_inner(),
        ) {
            (State::Unrealized { deferred, .. }, Some(seed)) => state::build(seed, deferred),
            _ => panic::poisoned::<T>(FLAVOUR),
        }
    }
}

impl<T: Default> Default for Lazy<T> {
    /// A lazy that builds `T::default()` on first use.
    ///
    /// ```
    /// use lazy_core::{Realize, sync::Lazy};
    ///
    /// let lazy: Lazy<Vec<u8>> = Lazy::default();
    /// assert!(lazy.realize().is_empty());
    /// ```
    fn default() -> Self {
        Lazy::new(T::default)
    }
}

impl<T: fmt::Debug, S> fmt::Debug for Lazy<T, S> {
    /// Prints the value once built, and the seed's type before. Never builds
    /// and never waits: while another thread (or a [`SeedRef`]) holds the
    /// lazy's lock it prints `Lazy(locked)`.
    ///
    /// ```
    /// use lazy_core::{Realize, sync::Lazy};
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
        let state = match self.state.try_lock() {
            Ok(state) => state,
            Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            Err(TryLockError::WouldBlock) => return f.write_str("Lazy(locked)"),
        };
        match &*state {
            State::Unrealized { .. } => write!(f, "Lazy(unrealized: {})", type_name::<S>()),
            State::Poisoned => f.write_str("Lazy(poisoned)"),
            State::Building { .. } | State::Realized => f.write_str("Lazy(building)"),
        }
    }
}

struct PoisonOnUnwind<'a, T, S>(&'a Lazy<T, S>);

impl<T, S> Drop for PoisonOnUnwind<'_, T, S> {
    fn drop(&mut self) {
        *lock(&self.0.state) = State::Poisoned;
        self.0.built.notify_all();
    }
}
