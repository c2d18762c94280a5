//! The lazies' panics (poisoned, re-entrant) point at the user's call, not
//! inside lazy-core: the panic location is what a user reads first.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;

use lazy_core::{Lazy, Realize, RealizeMut, sync};

static LOCATIONS: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn record_panic_locations() {
    std::panic::set_hook(Box::new(|info| {
        if let Some(location) = info.location() {
            LOCATIONS
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(location.file().to_owned());
        }
    }));
}

/// The one test of this binary: it installs a panic hook, which is global.
#[test]
fn poison_panics_point_at_the_caller() {
    record_panic_locations();
    let mut lazy: Lazy<u32> = Lazy::new(|| panic!("build failed"));
    let shared: sync::Lazy<u32> = sync::Lazy::new(|| panic!("build failed"));
    let _ = catch_unwind(AssertUnwindSafe(|| *lazy.realize()));
    let _ = catch_unwind(AssertUnwindSafe(|| *shared.realize()));
    LOCATIONS.lock().unwrap().clear();

    let _ = catch_unwind(AssertUnwindSafe(|| *lazy.realize()));
    let _ = catch_unwind(AssertUnwindSafe(|| *lazy.realize_mut()));
    let _ = catch_unwind(AssertUnwindSafe(|| *shared.realize()));
    let boxed: Box<Lazy<u32>> = Box::new(Lazy::new(|| panic!("build failed")));
    let _ = catch_unwind(AssertUnwindSafe(|| *boxed.realize()));
    let _ = catch_unwind(AssertUnwindSafe(|| *boxed.realize()));
    // Through `dyn Realize` (and `dyn RealizeMut`): the trait's own methods
    // are `#[track_caller]`, not only the impls (the call through the
    // vtable pointed inside lazy-core).
    let tracker: &dyn Realize<Target = u32> = &lazy;
    let _ = catch_unwind(AssertUnwindSafe(|| *tracker.realize()));
    let tracker: &dyn Realize<Target = u32> = &shared;
    let _ = catch_unwind(AssertUnwindSafe(|| *tracker.realize()));
    let tracker: &mut dyn RealizeMut<Target = u32> = &mut lazy;
    let _ = catch_unwind(AssertUnwindSafe(|| *tracker.realize_mut()));
    let _ = std::panic::take_hook();

    let locations = LOCATIONS.lock().unwrap().clone();
    assert_eq!(locations.len(), 8, "{locations:?}");
    // The build's own panic points at the closure, which is in this file too.
    assert!(
        locations
            .iter()
            .all(|file| file.ends_with("test_panic_location.rs")),
        "{locations:?}"
    );
}
