//! The lazy that threads can share.
//!
//! [`sync::Lazy`](Lazy) mirrors the API of the single-threaded
//! [`crate::Lazy`]; it is to it what [`std::sync::LazyLock`] is to
//! [`core::cell::LazyCell`].

#[cfg(all(test, loom))]
mod loom_models;
mod shim;
mod state;

use core::any::type_name;
use core::cell::UnsafeCell;
use core::fmt;
use core::marker::PhantomData;
use core::mem::{self, ManuallyDrop};
use core::ops::Deref;
use core::panic::{RefUnwindSafe, UnwindSafe};
use core::ptr;
use core::sync::atomic::Ordering::{Acquire, Relaxed, Release};

use self::shim::{AtomicUsize, QueueCell, read_mut, spin, write_mut};
use self::state::{
    COMPLETE, FLAGS, INCOMPLETE, KIND, LOCKED, ONE_PEEK, POISONED, RUNNING, WAITERS,
};
use crate::state::{self as deferred, Deferred};
use crate::{Realize, RealizeInto, RealizeMut, Seed, panic};

/// The name of this lazy type in panic messages.
const FLAVOUR: &str = "sync::Lazy";

/// The seed before the build, the value after: never both, so they share
/// their bytes, as in `LazyLock`. Which one is there says the state word.
union Data<T, S> {
    seed: ManuallyDrop<S>,
    value: ManuallyDrop<T>,
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
///
/// # Size
/// One word of state (which also names the building thread), the seed and
/// the value in the same bytes, and one pointer for the queue of deferred
/// mutations, allocated only when something is deferred: `sync::Lazy<u64>`
/// is 24 bytes on 64-bit targets, one word over `LazyLock<u64>`.
//
// Soundness. `state` (see `sync/state.rs`) says what `data` holds: the seed
// while `INCOMPLETE`, the value once `COMPLETE`, nothing while `RUNNING` or
// `POISONED`; and who may touch what:
// - the seed is read only through `SeedRef`s, counted in the word, and
//   moved out only by the one thread whose compare-exchange turns an
//   `INCOMPLETE` word with no `SeedRef`s and no `LOCKED` into `RUNNING`;
// - the deferred queue is touched only by a thread that set `LOCKED` on an
//   `INCOMPLETE` word, or by that builder, or through `&mut self`;
// - the value is written once, by the builder, before the `Release` store of
//   `COMPLETE`, and only read after an `Acquire` load of `COMPLETE` (or
//   through `&mut self`).
// Every `unsafe` block below says which of these it relies on. The models in
// `loom_models.rs` run this machine under loom (`shim.rs`).
pub struct Lazy<T, S = fn() -> T> {
    state: AtomicUsize,
    data: UnsafeCell<Data<T, S>>,
    deferred: QueueCell<Deferred<T>>,
}

// SAFETY: as `LazyLock`: the value is shared between threads (`T: Sync`) and
// may be built on any of them (`T: Send`); the seed is moved to the building
// thread (`S: Send`). `SeedRef`s share the seed between threads, but `peek`
// asks for `S: Sync` itself. The queue holds `Send` mutations and is touched
// by one thread at a time (see the comment on `Lazy`).
unsafe impl<T: Send + Sync, S: Send> Sync for Lazy<T, S> {}

// As `LazyLock`: a build that panics poisons the lazy, so no broken value is
// ever seen after an unwind.
impl<T: RefUnwindSafe + UnwindSafe, S: UnwindSafe> RefUnwindSafe for Lazy<T, S> {}
// The queued mutations are not `UnwindSafe` themselves, but they run only
// inside the build, whose unwinding poisons the lazy.
impl<T: UnwindSafe, S: UnwindSafe> UnwindSafe for Lazy<T, S> {}

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
    #[cfg(not(all(test, loom)))]
    #[inline]
    pub const fn new(seed: S) -> Self {
        Lazy {
            state: AtomicUsize::new(INCOMPLETE),
            data: UnsafeCell::new(Data {
                seed: ManuallyDrop::new(seed),
            }),
            deferred: QueueCell::new(Deferred::new()),
        }
    }

    /// `new` under loom, whose atomics cannot be made in a `const fn`.
    #[cfg(all(test, loom))]
    pub fn new(seed: S) -> Self {
        Lazy {
            state: AtomicUsize::new(INCOMPLETE),
            data: UnsafeCell::new(Data {
                seed: ManuallyDrop::new(seed),
            }),
            deferred: QueueCell::new(Deferred::new()),
        }
    }

    /// Queues a mutation of the value: applied right after the value is
    /// built, in the order queued, before any thread sees the value; applied
    /// at once if the value is already built. Builds nothing.
    /// It takes the lazy by `&mut`: through a shared one (`Rc`, `Arc`, `&`),
    /// queue with [`Lazy::try_defer`].
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
        match read_mut(&mut this.state) & KIND {
            INCOMPLETE => this.deferred.get_mut().push(mutation),
            COMPLETE => mutation(Self::value_mut(this)),
            _ => panic::poisoned::<T>(FLAVOUR),
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
        let mut seen = this.state.load(Relaxed);
        loop {
            match seen & KIND {
                INCOMPLETE if seen & LOCKED != 0 => {
                    spin();
                    seen = this.state.load(Relaxed);
                }
                INCOMPLETE => {
                    match this
                        .state
                        .compare_exchange_weak(seen, seen | LOCKED, Acquire, Relaxed)
                    {
                        Ok(_) => break,
                        Err(now) => seen = now,
                    }
                }
                RUNNING | COMPLETE => return Err(mutation),
                _ => panic::poisoned::<T>(FLAVOUR),
            }
        }
        /// Clears `LOCKED`, also if the push unwinds (out of memory).
        struct Unlock<'a>(&'a AtomicUsize);
        impl Drop for Unlock<'_> {
            fn drop(&mut self) {
                self.0.fetch_and(!LOCKED, Release);
            }
        }
        let _unlock = Unlock(&this.state);
        // SAFETY: this thread set `LOCKED` on an `INCOMPLETE` word, so it alone
        // touches the queue until `_unlock` clears it (see the comment on
        // `Lazy`); no reference into the queue outlives this statement.
        unsafe { this.deferred.with_mut(|queue| queue.push(mutation)) };
        Ok(())
    }

    /// The value, building it first if needed: [`Realize::realize`] as an
    /// associated function, like `LazyLock::force`.
    ///
    /// ```
    /// use lazy_core::sync::Lazy;
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
        let me = state::marker();
        let mut seen = self.state.load(Acquire);
        loop {
            match seen & KIND {
                COMPLETE => return Self::value(self),
                POISONED => panic::poisoned::<T>(FLAVOUR),
                RUNNING if seen & !FLAGS == me => panic::reentrant::<T>(FLAVOUR),
                // Another thread builds: wait for it.
                RUNNING => state::wait(&self.state, seen),
                // Another thread pushes on the queue: a few instructions.
                _ if seen & LOCKED != 0 => spin(),
                _ if seen >= ONE_PEEK => {
                    if state::is_peeking(self.address()) {
                        panic::peeked::<T>(FLAVOUR)
                    }
                    // Another thread peeks at the seed: wait for it.
                    state::wait(&self.state, seen);
                }
                _ => {
                    // Threads that waited for the peeks now wait for the build.
                    let running = me | RUNNING | (seen & WAITERS);
                    if self
                        .state
                        .compare_exchange_weak(seen, running, Acquire, Relaxed)
                        .is_ok()
                    {
                        break;
                    }
                }
            }
            seen = self.state.load(Acquire);
        }
        // SAFETY: this thread turned an `INCOMPLETE` word with no `SeedRef`s
        // and no `LOCKED` into `RUNNING`: it alone owns the seed and the
        // queue now (see the comment on `Lazy`). The seed is read out once;
        // the union no longer holds it.
        let (seed, queue) = unsafe {
            (
                ManuallyDrop::take(&mut (*self.data.get()).seed),
                self.deferred.with_mut(mem::take),
            )
        };
        // Marks the lazy poisoned and wakes the waiters if the build unwinds;
        // disarmed on success.
        let guard = PoisonOnUnwind(&self.state);
        let value = deferred::build(seed, queue);
        mem::forget(guard);
        // SAFETY: still `RUNNING` by this thread: nobody reads `data` until
        // the `Release` store below publishes the value.
        unsafe {
            ptr::write(
                self.data.get(),
                Data {
                    value: ManuallyDrop::new(value),
                },
            )
        };
        if self.state.swap(COMPLETE, Release) & WAITERS != 0 {
            state::wake_all();
        }
        Self::value(self)
    }
}

impl<T, S> Lazy<T, S> {
    /// Creates a lazy whose value is already built; usable in a `static`.
    ///
    /// ```
    /// use lazy_core::sync::Lazy;
    ///
    /// static LIMIT: Lazy<u8> = Lazy::from_value(7);
    /// assert_eq!(Lazy::get(&LIMIT), Some(&7));
    /// ```
    #[cfg(not(all(test, loom)))]
    pub const fn from_value(value: T) -> Self {
        Lazy {
            state: AtomicUsize::new(COMPLETE),
            data: UnsafeCell::new(Data {
                value: ManuallyDrop::new(value),
            }),
            deferred: QueueCell::new(Deferred::new()),
        }
    }

    /// `from_value` under loom, whose atomics cannot be made in a `const fn`.
    #[cfg(all(test, loom))]
    pub fn from_value(value: T) -> Self {
        Lazy {
            state: AtomicUsize::new(COMPLETE),
            data: UnsafeCell::new(Data {
                value: ManuallyDrop::new(value),
            }),
            deferred: QueueCell::new(Deferred::new()),
        }
    }

    /// What names the lazy in this thread's record of the lazies it peeks
    /// at: the address of its state. Not the lazy's own address, which a
    /// lazy in its seed may share (at the same place in memory, first in
    /// the seed): then a guard on one would be taken for a guard on the
    /// other. Two states alive at once never share an address.
    fn address(&self) -> usize {
        (&raw const self.state).addr()
    }

    /// Through `&mut self` no [`SeedRef`] is alive, so a count of guards
    /// the word still holds is of guards leaked with [`mem::forget`]: clears
    /// it, and this thread's record of them, so that a build goes on.
    fn forget_leaked_peeks(&mut self) {
        let word = read_mut(&mut self.state);
        if word & KIND == INCOMPLETE && word >= ONE_PEEK {
            // `&mut self`: nobody pushes (`LOCKED`) or waits (`WAITERS`).
            write_mut(&mut self.state, INCOMPLETE);
            state::forget_leaked_peeks(self.address());
        }
    }

    /// The value, once an `Acquire` load saw `COMPLETE`.
    #[inline(always)]
    fn value(this: &Self) -> &T {
        // SAFETY: the caller saw `COMPLETE` with `Acquire`, which the builder
        // stored with `Release` after writing the value; the value is never
        // written again through `&self`.
        unsafe { &(*this.data.get()).value }
    }

    /// The value, when `COMPLETE` through `&mut self`.
    fn value_mut(this: &mut Self) -> &mut T {
        debug_assert_eq!(read_mut(&mut this.state), COMPLETE);
        // SAFETY: the caller saw `COMPLETE`, so the union holds the value;
        // `&mut self` excludes every other access.
        unsafe { &mut this.data.get_mut().value }
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
    pub fn into_inner(mut this: Self) -> Result<T, S> {
        this.forget_leaked_peeks();
        let mut this = ManuallyDrop::new(this);
        let kind = read_mut(&mut this.state) & KIND;
        // SAFETY: `this` is never used or dropped again (`ManuallyDrop`): the
        // one field the state says is there is read out exactly once, and
        // the queue is dropped in place once, on each path.
        unsafe {
            let inner = match kind {
                COMPLETE => Ok(ManuallyDrop::take(&mut this.data.get_mut().value)),
                INCOMPLETE => Err(ManuallyDrop::take(&mut this.data.get_mut().seed)),
                _ => {
                    ptr::drop_in_place(this.deferred.get_mut());
                    panic::poisoned::<T>(FLAVOUR)
                }
            };
            // After the value or seed is out: a queued mutation whose drop
            // panics then drops `inner` as the panic unwinds, where left in
            // `this` it would leak.
            ptr::drop_in_place(this.deferred.get_mut());
            inner
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
        this.state.load(Acquire) == COMPLETE
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
        this.state.load(Relaxed) == POISONED
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
        if this.state.load(Acquire) == COMPLETE {
            Some(Self::value(this))
        } else {
            None
        }
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
        if read_mut(&mut this.state) == COMPLETE {
            Some(Self::value_mut(this))
        } else {
            None
        }
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
    /// The seed is shared by every thread that peeks, hence `S: Sync`.
    ///
    /// # What a guard blocks
    /// A guard holds no lock; it only keeps the seed where it is. While any
    /// guard of this lazy is alive, only realizing it is held back:
    ///
    /// - on a thread that holds one of the guards, realizing this lazy
    ///   panics with a message that says so (the build would move the seed
    ///   out from under the guard; waiting would never end);
    /// - on the other threads, realizing this lazy waits until the last
    ///   guard is dropped.
    ///
    /// Everything else, on any thread, works as usual and never waits: more
    /// [`Lazy::peek`]s, [`Lazy::try_defer`], [`Lazy::is_poisoned`],
    /// [`Lazy::seed_type_name`], [`Lazy::get`], `Debug`.
    ///
    /// A thread whose locals are being destroyed no longer knows its own
    /// guards: realizing the lazy there while it still holds one (a guard
    /// kept in another thread-local) waits for that guard, for ever.
    ///
    /// A guard leaked with [`mem::forget`] stays counted, as a leaked
    /// `MutexGuard` keeps its mutex locked: realizing through `&self` then
    /// panics on the thread that leaked it or waits for ever on the others
    /// (and on that thread too once the lazy has moved). `&mut` and owning
    /// access prove that no guard is alive, so [`RealizeMut::realize_mut`],
    /// [`Lazy::force_mut`], [`RealizeInto::into_realized`] and
    /// [`Lazy::into_inner`] forget the leaked count and build. The leaking
    /// thread's record of the guard (by the lazy's address) goes when the
    /// lazy is dropped or built that way on that thread; if the lazy moves
    /// or is dropped on another thread, the record stays, and a lazy later
    /// at that address, peeked by another thread, panics on realizing there
    /// as if this thread held the guard, where it would wait.
    ///
    /// # Panics
    /// Only if this thread's locals are being destroyed (the guard is
    /// recorded in one, so that realizing can tell whose guard it is; the
    /// lazy is then left as it was), or if some 2^60 guards were leaked with
    /// [`mem::forget`].
    pub fn peek(this: &Self) -> Option<SeedRef<'_, T, S>>
    where
        S: Sync,
    {
        // This thread's record first: if its locals are being destroyed,
        // that panics before the word counts a guard that no `SeedRef` would
        // ever take back (which would hold every build back for good).
        state::start_peeking(this.address());
        let mut seen = this.state.load(Relaxed);
        loop {
            if seen & KIND != INCOMPLETE {
                state::stop_peeking(this.address());
                return None;
            }
            // The count sits at the top of the word: it overflows only when
            // some 2^60 guards (2^28 on 32-bit targets) are leaked.
            let Some(counted) = seen.checked_add(ONE_PEEK) else {
                state::stop_peeking(this.address());
                panic!("too many live `sync::Lazy::peek` guards")
            };
            match this
                .state
                .compare_exchange_weak(seen, counted, Acquire, Relaxed)
            {
                Ok(_) => break,
                Err(now) => seen = now,
            }
        }
        Some(SeedRef {
            lazy: this,
            seed: PhantomData,
            not_send: PhantomData,
        })
    }

    /// The name of the seed's type while the value is not built; `None` once
    /// it is built (or poisoned), and while it is being built. Never builds.
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
        (this.state.load(Relaxed) & KIND == INCOMPLETE).then(type_name::<S>)
    }
}

/// A borrow of a [`sync::Lazy`](Lazy)'s seed, from [`Lazy::peek`].
///
/// Realizing the lazy waits for (on other threads) or panics on (on the
/// guard's own thread) a live guard: see [`Lazy::peek`].
///
/// As a `MutexGuard`, a guard is not `Send` (it is dropped on the thread
/// that took it, which its drop tells the lazy) and is `Sync` when the lazy
/// and the seed are: scoped threads may read the seed through `&SeedRef`.
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
    /// The lazy, whose word counts this guard. Not a `&S` into the lazy, as
    /// a `MutexGuard` holds its `&Mutex` and no `&T`: a guard given to a
    /// function keeps the references it holds valid for the whole call,
    /// and one to the seed would then forbid a build, here or on another
    /// thread, once the call has dropped the guard (a `&S` is taken anew at
    /// each `deref`).
    lazy: &'a Lazy<T, S>,
    /// Shares the seed: `Sync` only where `S` is (`peek` asks `S: Sync`).
    seed: PhantomData<&'a S>,
    /// Counted in `peeks` under this thread's id: dropped on this thread,
    /// so not `Send`; shared with other threads (`Sync`) where the seed and
    /// the lazy are, as a `MutexGuard` is. The marker says both, without an
    /// `unsafe impl`.
    not_send: PhantomData<std::sync::MutexGuard<'static, ()>>,
}

impl<T, S> Deref for SeedRef<'_, T, S> {
    type Target = S;

    fn deref(&self) -> &S {
        // SAFETY: the word counts this guard and was `INCOMPLETE` when it
        // did, so the seed is there and nobody moves it out until the guard
        // is dropped (see the comment on `Lazy`); `S: Sync` (`peek`), so
        // threads may share it.
        unsafe { &(*self.lazy.data.get()).seed }
    }
}

impl<T, S> Drop for SeedRef<'_, T, S> {
    fn drop(&mut self) {
        state::stop_peeking(self.lazy.address());
        let state = &self.lazy.state;
        let mut seen = state.load(Relaxed);
        loop {
            let mut left = seen - ONE_PEEK;
            // The last guard wakes whoever waits to build.
            if left < ONE_PEEK {
                left &= !WAITERS;
            }
            match state.compare_exchange_weak(seen, left, Release, Relaxed) {
                Ok(_) => break,
                Err(now) => seen = now,
            }
        }
        if seen & WAITERS != 0 && seen < 2 * ONE_PEEK {
            state::wake_all();
        }
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
/// use lazy_core::{FromRealized, sync::Lazy};
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
        if self.state.load(Acquire) == COMPLETE {
            Self::value(self)
        } else {
            self.realize_cold()
        }
    }
}

impl<T, S: Seed<Output = T>> RealizeMut for Lazy<T, S> {
    #[inline]
    #[track_caller]
    fn realize_mut(&mut self) -> &mut T {
        if read_mut(&mut self.state) != COMPLETE {
            self.forget_leaked_peeks();
            self.realize_cold();
        }
        Self::value_mut(self)
    }
}

impl<T, S: Seed<Output = T>> RealizeInto for Lazy<T, S> {
    #[inline]
    #[track_caller]
    fn into_realized(mut self) -> T {
        if read_mut(&mut self.state) != COMPLETE {
            self.forget_leaked_peeks();
            self.realize_cold();
        }
        match Lazy::into_inner(self) {
            Ok(value) => value,
            Err(_) => unreachable!("`realize_cold` returns only once the value is built"),
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
    /// Prints the value once built, the seed's type before, and
    /// `Lazy(building)` or `Lazy(poisoned)` during a build or after one that
    /// panicked. Never builds
    /// and never waits.
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
        match self.state.load(Acquire) & KIND {
            // The value through the caller's formatter, so that `{:#?}` and
            // `{:.2?}` reach it.
            COMPLETE => {
                f.write_str("Lazy(realized: ")?;
                fmt::Debug::fmt(Self::value(self), f)?;
                f.write_str(")")
            }
            INCOMPLETE => write!(f, "Lazy(unrealized: {})", type_name::<S>()),
            RUNNING => f.write_str("Lazy(building)"),
            _ => f.write_str("Lazy(poisoned)"),
        }
    }
}

impl<T, S> Drop for Lazy<T, S> {
    fn drop(&mut self) {
        self.forget_leaked_peeks();
        let kind = read_mut(&mut self.state) & KIND;
        // SAFETY: `&mut self`, and the state says which field the union
        // holds; each is dropped once, here. (`RUNNING` cannot be seen
        // through `&mut self`; `POISONED` holds nothing.)
        unsafe {
            match kind {
                INCOMPLETE => ManuallyDrop::drop(&mut self.data.get_mut().seed),
                COMPLETE => ManuallyDrop::drop(&mut self.data.get_mut().value),
                _ => {}
            }
        }
    }
}

/// Marks the lazy poisoned and wakes its waiters when dropped: armed during
/// the build, forgotten when it succeeds.
struct PoisonOnUnwind<'a>(&'a AtomicUsize);

impl Drop for PoisonOnUnwind<'_> {
    fn drop(&mut self) {
        if self.0.swap(POISONED, Release) & WAITERS != 0 {
            state::wake_all();
        }
    }
}

/// A lazy whose value is already built, as [`Lazy::from_value`]: like
/// `OnceCell`'s `From<T>`.
///
/// ```
/// use lazy_core::sync::Lazy;
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
