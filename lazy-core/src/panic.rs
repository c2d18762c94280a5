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

/// A forwarded method of an enum got `Self` values in different variants,
/// whose targets are not known to be one type.
#[cold]
#[inline(never)]
#[track_caller]
pub fn variant_mismatch(method: &str, variants: &[&str]) -> ! {
    panic!(
        "`{method}` was forwarded with values in different variants ({}): the variants' targets are not known to be one type (written alike), so an enum forwards a method with `Self` arguments only when the receiver and every `Self` argument are in the same variant; list the method in `except(...)` and implement it on the enum where such values mean something",
        Variants(variants)
    )
}

/// `A`, `B`, `C`, in backquotes.
struct Variants<'a>(&'a [&'a str]);

impl core::fmt::Display for Variants<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        for (index, name) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str(", ")?;
            }
            write!(f, "`{name}`")?;
        }
        Ok(())
    }
}
