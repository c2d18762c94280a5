//! One cold, never-inlined panic helper per message, so the hot paths stay
//! small.

use core::any::type_name;

#[cold]
#[inline(never)]
#[track_caller]
pub(crate) fn poisoned<T: ?Sized>() -> ! {
    panic!(
        "Lazy<{}> is poisoned: building its value panicked earlier",
        type_name::<T>()
    )
}

#[cold]
#[inline(never)]
#[track_caller]
pub(crate) fn reentrant<T: ?Sized>() -> ! {
    panic!(
        "Lazy<{}> was realized re-entrantly: building its value needs the value itself",
        type_name::<T>()
    )
}

#[cold]
#[inline(never)]
#[track_caller]
pub(crate) fn peeked<T: ?Sized>() -> ! {
    panic!(
        "Lazy<{}> cannot be realized while its seed is borrowed by `Lazy::peek`",
        type_name::<T>()
    )
}
