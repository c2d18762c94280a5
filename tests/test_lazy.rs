//! Dynamo's lazy-cache contract, checked on both lazy flavours: each numbered
//! behaviour of the runtime has its own test, written once and instantiated
//! for `lazy_core::Lazy` and `lazy_core::sync::Lazy`.

mod common;

use common::panic_message;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts builds and drops of the seeds that report to it.
#[derive(Clone, Default)]
struct Counter(Arc<AtomicUsize>);

impl Counter {
    fn bump(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
    fn get(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

/// Owned by a seed: bumps its counter when dropped.
struct DropProbe(Counter);

impl Drop for DropProbe {
    fn drop(&mut self) {
        self.0.bump();
    }
}

/// A seed with inspectable fields, like Dynamo's lazy cache (value + source).
struct TrackerSeed {
    value: i64,
    source: &'static str,
    builds: Counter,
    _probe: DropProbe,
}

impl lazy_core::Seed for TrackerSeed {
    type Output = String;
    fn build(self) -> String {
        self.builds.bump();
        format!("{}={}", self.source, self.value)
    }
}

fn seed(builds: &Counter, drops: &Counter) -> TrackerSeed {
    TrackerSeed {
        value: 7,
        source: "L['x']",
        builds: builds.clone(),
        _probe: DropProbe(drops.clone()),
    }
}

macro_rules! contract_tests {
    ($flavour:ident, $($lazy:ident)::+) => {
        mod $flavour {
            use super::*;
            use lazy_core::{Realize, RealizeInto, RealizeMut};
            type Lazy<T, S = fn() -> T> = $($lazy)::+<T, S>;

            // 1. Construction builds nothing; realize builds at most once.
            #[test]
            fn construction_builds_nothing() {
                let (builds, drops) = (Counter::default(), Counter::default());
                let lazy = Lazy::new(seed(&builds, &drops));
                assert_eq!(builds.get(), 0);
                assert!(!Lazy::is_realized(&lazy));
                assert_eq!(Lazy::get(&lazy), None);
            }

            #[test]
            fn realize_builds_once_and_returns_the_same_value() {
                let (builds, drops) = (Counter::default(), Counter::default());
                let lazy = Lazy::new(seed(&builds, &drops));
                let first: *const String = lazy.realize();
                let second: *const String = lazy.realize();
                assert_eq!(builds.get(), 1);
                assert_eq!(first, second);
                assert_eq!(lazy.realize(), "L['x']=7");
                assert!(Lazy::is_realized(&lazy));
                assert_eq!(Lazy::get(&lazy).map(String::as_str), Some("L['x']=7"));
            }

            #[test]
            fn realize_mut_and_into_realized_build_once() {
                let (builds, drops) = (Counter::default(), Counter::default());
                let mut lazy = Lazy::new(seed(&builds, &drops));
                lazy.realize_mut().push('!');
                lazy.realize_mut().push('?');
                assert_eq!(lazy.into_realized(), "L['x']=7!?");
                assert_eq!(builds.get(), 1);

                let unbuilt = Lazy::new(seed(&builds, &drops));
                assert_eq!(unbuilt.into_realized(), "L['x']=7");
                assert_eq!(builds.get(), 2);
            }

            // 2. The seed and all it owns are dropped the moment the value is built.
            #[test]
            fn seed_is_dropped_when_the_value_is_built() {
                let (builds, drops) = (Counter::default(), Counter::default());
                let lazy = Lazy::new(seed(&builds, &drops));
                assert_eq!(drops.get(), 0);
                lazy.realize();
                assert_eq!(drops.get(), 1, "the seed must not outlive the build");
                drop(lazy);
                assert_eq!(drops.get(), 1);
            }

            // A queued mutation whose drop panics (it owns such a value):
            // `into_inner`'s panic still drops the seed it was giving back.
            #[test]
            fn into_inner_drops_the_seed_when_dropping_the_queue_panics() {
                struct PanicsOnDrop;
                impl Drop for PanicsOnDrop {
                    fn drop(&mut self) {
                        panic!("a mutation's drop");
                    }
                }
                let (builds, drops) = (Counter::default(), Counter::default());
                let mut lazy = Lazy::new(seed(&builds, &drops));
                let owned = PanicsOnDrop;
                Lazy::defer(&mut lazy, move |_| {
                    let _ = &owned;
                });
                let outcome = catch_unwind(AssertUnwindSafe(|| Lazy::into_inner(lazy)));
                let Err(payload) = outcome else {
                    panic!("the mutation's drop panics through `into_inner`")
                };
                assert_eq!(panic_message(payload), "a mutation's drop");
                assert_eq!((builds.get(), drops.get()), (0, 1), "the seed is dropped, not leaked");
            }

            #[test]
            fn unbuilt_lazy_drops_its_seed_once() {
                let (builds, drops) = (Counter::default(), Counter::default());
                drop(Lazy::new(seed(&builds, &drops)));
                assert_eq!((builds.get(), drops.get()), (0, 1));
            }

            // 3. Peeking reads the seed without building; afterwards it says so.
            #[test]
            fn peek_reads_the_seed_without_building() {
                let (builds, drops) = (Counter::default(), Counter::default());
                let lazy = Lazy::new(seed(&builds, &drops));
                let (value, source) = {
                    let seed = Lazy::peek(&lazy).expect("unrealized lazies can be peeked");
                    (seed.value, seed.source)
                };
                assert_eq!((value, source), (7, "L['x']"));
                assert!(
                    Lazy::seed_type_name(&lazy).is_some_and(|name| name.ends_with("TrackerSeed"))
                );
                assert_eq!(builds.get(), 0);
                assert!(!Lazy::is_realized(&lazy));
            }

            // A guard given to a function that drops it and then builds: the
            // guard held `&Seed`, which stays protected for the whole call,
            // and the build moved the seed out under it (Miri: Stacked
            // Borrows UB). It holds the lazy, and reads the seed through it.
            #[test]
            fn a_guard_dropped_inside_a_call_lets_that_call_build() {
                fn drop_then_realize<G, L: Realize<Target = String>>(guard: G, lazy: &L) -> &String {
                    drop(guard);
                    lazy.realize()
                }
                let (builds, drops) = (Counter::default(), Counter::default());
                let lazy = Lazy::new(seed(&builds, &drops));
                let guard = Lazy::peek(&lazy).expect("not built yet");
                assert_eq!(guard.value, 7);
                assert_eq!(drop_then_realize(guard, &lazy), "L['x']=7");
                assert_eq!((builds.get(), drops.get()), (1, 1));
            }

            // A guard leaked with `mem::forget` is no longer alive: `&mut`
            // and owning access prove it, and build (a leaked count held the
            // build back: a panic, or on `sync::Lazy` moved elsewhere, a wait
            // for ever).
            #[test]
            fn leaked_guards_hold_back_no_build_through_mut_or_by_value() {
                let (builds, drops) = (Counter::default(), Counter::default());
                let mut lazy = Lazy::new(seed(&builds, &drops));
                std::mem::forget(Lazy::peek(&lazy).expect("not built yet"));
                assert_eq!(lazy.realize_mut(), "L['x']=7");
                assert_eq!(Lazy::force_mut(&mut lazy), "L['x']=7");

                let lazy = Lazy::new(seed(&builds, &drops));
                std::mem::forget(Lazy::peek(&lazy).expect("not built yet"));
                std::mem::forget(Lazy::peek(&lazy).expect("not built yet"));
                let moved = Box::new(lazy);
                assert_eq!(moved.into_realized(), "L['x']=7");

                let lazy = Lazy::new(seed(&builds, &drops));
                std::mem::forget(Lazy::peek(&lazy).expect("not built yet"));
                assert_eq!(Lazy::into_inner(lazy).map_err(|seed| seed.value), Err(7));
                assert_eq!((builds.get(), drops.get()), (2, 3));
            }

            #[test]
            fn peek_after_realization_says_realized_instead_of_panicking() {
                let (builds, drops) = (Counter::default(), Counter::default());
                let lazy = Lazy::new(seed(&builds, &drops));
                lazy.realize();
                assert!(Lazy::peek(&lazy).is_none());
                assert_eq!(Lazy::seed_type_name(&lazy), None);
                assert_eq!(format!("{lazy:?}"), "Lazy(realized: \"L['x']=7\")");
            }

            // 4. Deferred mutations apply in order, right after the build.
            #[test]
            fn deferred_mutations_apply_in_order_before_anyone_sees_the_value() {
                let (builds, drops) = (Counter::default(), Counter::default());
                let mut lazy = Lazy::new(seed(&builds, &drops));
                Lazy::defer(&mut lazy, |s| s.push_str(" name_hint=x"));
                Lazy::defer(&mut lazy, |s| s.push_str(" line=3"));
                assert_eq!(builds.get(), 0, "deferring must not build");
                assert_eq!(Lazy::get(&lazy), None);
                assert_eq!(lazy.realize(), "L['x']=7 name_hint=x line=3");
            }

            #[test]
            fn deferred_mutations_reach_into_realized() {
                let (builds, drops) = (Counter::default(), Counter::default());
                let mut lazy = Lazy::new(seed(&builds, &drops));
                Lazy::defer(&mut lazy, |s| s.push_str(" hint"));
                assert_eq!(lazy.into_realized(), "L['x']=7 hint");
            }

            #[test]
            fn defer_after_realization_applies_at_once() {
                let (builds, drops) = (Counter::default(), Counter::default());
                let mut lazy = Lazy::new(seed(&builds, &drops));
                lazy.realize();
                Lazy::defer(&mut lazy, |s| s.push_str(" late"));
                assert_eq!(Lazy::get(&lazy).map(String::as_str), Some("L['x']=7 late"));
                assert_eq!(builds.get(), 1);
            }

            #[test]
            fn try_defer_queues_through_a_shared_reference_until_built() {
                let (builds, drops) = (Counter::default(), Counter::default());
                let shared = std::rc::Rc::new(Lazy::new(seed(&builds, &drops)));
                let clone = std::rc::Rc::clone(&shared);
                assert!(Lazy::try_defer(&clone, |s| s.push_str(" hint")).is_ok());
                assert_eq!(builds.get(), 0, "queuing must not build");
                assert_eq!(shared.realize(), "L['x']=7 hint");
                let late = Lazy::try_defer(&clone, |s| s.push_str(" late"));
                let mutation = late.expect_err("too late to queue once built");
                let mut copy = shared.realize().clone();
                mutation(&mut copy);
                assert_eq!(copy, "L['x']=7 hint late");
                assert_eq!(shared.realize(), "L['x']=7 hint");
            }

            #[test]
            fn try_defer_queues_while_the_seed_is_peeked() {
                let (builds, drops) = (Counter::default(), Counter::default());
                let lazy = Lazy::new(seed(&builds, &drops));
                let peeked = Lazy::peek(&lazy).expect("not built yet");
                assert!(Lazy::try_defer(&lazy, |s| s.push_str(" hint")).is_ok());
                assert_eq!(peeked.source, "L['x']");
                drop(peeked);
                assert_eq!(lazy.realize(), "L['x']=7 hint");
            }

            #[test]
            #[should_panic(expected = "is poisoned")]
            fn try_defer_on_a_poisoned_lazy_panics() {
                let lazy: Lazy<u32> = Lazy::new(|| panic!("no"));
                let _ = catch_unwind(AssertUnwindSafe(|| *lazy.realize()));
                let _ = Lazy::try_defer(&lazy, |v| *v += 1);
            }

            // 5. Debug never builds.
            #[test]
            fn debug_never_builds() {
                let (builds, drops) = (Counter::default(), Counter::default());
                let lazy = Lazy::new(seed(&builds, &drops));
                let text = format!("{lazy:?}");
                assert!(text.starts_with("Lazy(unrealized: "), "{text}");
                assert!(text.ends_with("TrackerSeed)"), "{text}");
                assert_eq!(builds.get(), 0);
                assert!(!Lazy::is_realized(&lazy));
            }

            // 6. A panic in the build poisons the lazy.
            #[test]
            fn panicking_build_poisons_and_never_builds_again() {
                let builds = Counter::default();
                let counted = builds.clone();
                let lazy: Lazy<u32, _> = Lazy::new(move || -> u32 {
                    counted.bump();
                    panic!("the builder failed")
                });
                let first = catch_unwind(AssertUnwindSafe(|| *lazy.realize()));
                assert_eq!(panic_message(first.unwrap_err()), "the builder failed");
                assert!(Lazy::is_poisoned(&lazy));
                assert!(!Lazy::is_realized(&lazy));
                assert_eq!(format!("{lazy:?}"), "Lazy(poisoned)");

                let second = catch_unwind(AssertUnwindSafe(|| *lazy.realize()));
                let message = panic_message(second.unwrap_err());
                assert!(message.contains("Lazy<u32> is poisoned"), "{message}");
                assert_eq!(builds.get(), 1, "a poisoned lazy must never build again");
                assert!(Lazy::peek(&lazy).is_none());
                drop(lazy);
            }

            #[test]
            fn panicking_deferred_mutation_poisons() {
                let mut lazy: Lazy<Vec<u8>> = Lazy::new(Vec::new);
                Lazy::defer(&mut lazy, |_| panic!("bad hint"));
                let first = catch_unwind(AssertUnwindSafe(|| lazy.realize().len()));
                assert!(first.is_err());
                let second = catch_unwind(AssertUnwindSafe(|| lazy.realize().len()));
                let message = panic_message(second.unwrap_err());
                assert!(message.contains("Lazy<alloc::vec::Vec<u8>> is poisoned"), "{message}");
            }

            #[test]
            #[should_panic(expected = "Lazy<u32> is poisoned")]
            fn realize_mut_on_a_poisoned_lazy_panics() {
                let mut lazy: Lazy<u32> = Lazy::new(|| panic!("no"));
                let _ = catch_unwind(AssertUnwindSafe(|| *lazy.realize()));
                *lazy.realize_mut() += 1;
            }

            #[test]
            #[should_panic(expected = "Lazy<u32> is poisoned")]
            fn defer_on_a_poisoned_lazy_panics() {
                let mut lazy: Lazy<u32> = Lazy::new(|| panic!("no"));
                let _ = catch_unwind(AssertUnwindSafe(|| *lazy.realize()));
                Lazy::defer(&mut lazy, |v| *v += 1);
            }

            #[test]
            fn from_value_is_realized_and_has_no_seed() {
                let lazy: Lazy<u8> = Lazy::from_value(3);
                assert!(Lazy::is_realized(&lazy));
                assert!(Lazy::peek(&lazy).is_none());
                assert_eq!(*lazy.realize(), 3);
            }

            // 7. Taking the lazy apart: the value if built, else the seed.
            #[test]
            fn into_inner_gives_the_value_or_the_unbuilt_seed() {
                let (builds, drops) = (Counter::default(), Counter::default());
                let mut lazy = Lazy::new(seed(&builds, &drops));
                Lazy::defer(&mut lazy, |s| s.push('!'));
                let back = Lazy::into_inner(lazy).err().expect("never built: the seed comes back");
                assert_eq!((back.value, back.source), (7, "L['x']"));
                assert_eq!((builds.get(), drops.get()), (0, 0), "nothing built, the seed alive");
                drop(back);
                assert_eq!(drops.get(), 1);

                let lazy = Lazy::new(seed(&builds, &drops));
                lazy.realize();
                assert_eq!(Lazy::into_inner(lazy).ok().as_deref(), Some("L['x']=7"));
                assert_eq!((builds.get(), drops.get()), (1, 2));
            }

            #[test]
            #[should_panic(expected = "Lazy<u32> is poisoned")]
            fn into_inner_of_a_poisoned_lazy_panics() {
                let lazy: Lazy<u32> = Lazy::new(|| panic!("no"));
                let _ = catch_unwind(AssertUnwindSafe(|| *lazy.realize()));
                let _ = Lazy::into_inner(lazy);
            }

            #[test]
            fn force_mut_builds_once_and_lends_the_value() {
                let (builds, drops) = (Counter::default(), Counter::default());
                let mut lazy = Lazy::new(seed(&builds, &drops));
                Lazy::force_mut(&mut lazy).push('!');
                Lazy::force_mut(&mut lazy).push('?');
                assert_eq!(Lazy::get(&lazy).map(String::as_str), Some("L['x']=7!?"));
                assert_eq!(builds.get(), 1);
                *Lazy::get_mut(&mut lazy).expect("built") = String::from("replaced");
                assert_eq!(lazy.realize(), "replaced");
            }

            #[test]
            fn default_builds_the_default_value() {
                let lazy: Lazy<Vec<u8>> = Lazy::default();
                assert!(!Lazy::is_realized(&lazy));
                assert!(lazy.realize().is_empty());
            }
        }
    };
}

contract_tests!(unsync, lazy_core::Lazy);

#[test]
fn unsync_lazy_is_unwind_safe_as_lazycell_is() {
    fn unwind_safe<T: std::panic::UnwindSafe>() {}
    unwind_safe::<std::cell::LazyCell<Vec<u8>>>();
    unwind_safe::<lazy_core::Lazy<Vec<u8>>>();
    let lazy = lazy_core::Lazy::new(|| 3_u32);
    assert_eq!(
        catch_unwind(move || *lazy_core::Realize::realize(&lazy)).ok(),
        Some(3)
    );
}

#[test]
fn unsync_lazy_moves_to_another_thread_when_its_parts_can() {
    let (builds, drops) = (Counter::default(), Counter::default());
    let mut lazy = lazy_core::Lazy::new(seed(&builds, &drops));
    lazy_core::Lazy::defer(&mut lazy, |s| s.push_str(" moved"));
    let value = std::thread::spawn(move || lazy_core::RealizeInto::into_realized(lazy))
        .join()
        .unwrap();
    assert_eq!(value, "L['x']=7 moved");
}
contract_tests!(sync, lazy_core::sync::Lazy);

/// A realized value is formatted through the caller's formatter: `{:#?}`
/// and `{:.2?}` reach it, in both flavours.
#[test]
fn debug_passes_the_formatters_flags_to_the_value() {
    use lazy_core::{Lazy, Realize};
    let list: Lazy<Vec<u32>> = Lazy::new(|| vec![1, 2]);
    let third: lazy_core::sync::Lazy<f64> = lazy_core::sync::Lazy::new(|| 1.0 / 3.0);
    list.realize();
    third.realize();
    assert_eq!(format!("{list:#?}"), "Lazy(realized: [\n    1,\n    2,\n])");
    assert_eq!(format!("{third:.2?}"), "Lazy(realized: 0.33)");
    assert_eq!(format!("{list:?}"), "Lazy(realized: [1, 2])");
}

/// `force` and `From<T>`, as std's lazies and cells have them, in both
/// flavours: `force` builds once, `into` gives a lazy already built.
#[test]
fn force_and_from_are_there_as_in_std() {
    use lazy_core::{Lazy, sync};
    let lazy = Lazy::new(|| vec![1]);
    assert_eq!(Lazy::force(&lazy), &vec![1]);
    assert!(Lazy::is_realized(&lazy));
    let shared = sync::Lazy::new(|| 2_u8);
    assert_eq!(*sync::Lazy::force(&shared), 2);
    let built: Lazy<String> = String::from("x").into();
    assert_eq!(Lazy::get(&built).map(String::as_str), Some("x"));
    let shared_built: sync::Lazy<u8> = 3.into();
    assert_eq!(sync::Lazy::get(&shared_built), Some(&3));
}
