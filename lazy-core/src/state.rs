//! What both lazy flavours share: building a value from its seed and the
//! mutations deferred until then.

use crate::Seed;

/// Builds the value and applies the deferred mutations in the order they were
/// queued, before anyone else can see the value.
#[inline]
pub(crate) fn build<S, D>(seed: S, deferred: Vec<D>) -> S::Output
where
    S: Seed,
    D: FnOnce(&mut S::Output),
{
    let mut value = seed.build();
    for mutation in deferred {
        mutation(&mut value);
    }
    value
}
