//! Realizing every lazy in a structure.

/// Walks a structure and realizes every lazy in it.
pub trait RealizeAll {
    /// Realizes every lazy reachable from `self`.
    fn realize_all(&self);
}
