//! One cold, never-inlined panic helper per message, so the hot paths stay
//! small. `flavour` names the lazy type: `Lazy` or `sync::Lazy`.

use core::any::type_name;

#[cold]
#[inline(never)]
#[track_caller]
pub(crate) fn poisoned<T: ?Sized>(flavour: &str) -> ! {
    panic!(
        "{flavour}<{}> is poisoned: building its value panicked earlier",
        type_name::<T>()
    )
}

#[cold]
#[inline(never)]
#[track_caller]
pub(crate) fn reentrant<T: ?Sized>(flavour: &str) -> ! {
    panic!(
        "{flavour}<{}> was realized re-entrantly: building its value needs the value itself",
        type_name::<T>()
    )
}

#[cold]
#[inline(never)]
#[track_caller]
pub(crate) fn peeked<T: ?Sized>(flavour: &str) -> ! {
    panic!(
        "{flavour}<{}> cannot be realized while its seed is borrowed by `{flavour}::peek`",
        type_name::<T>()
    )
}
