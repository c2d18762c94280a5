//! Pages of the derives' reference kept apart for their length.
//!
//! A derive's own documentation is what an editor shows where the derive is
//! used, so it holds what a user needs while writing one:
//! [`RealizeForward`](derive@crate::RealizeForward) says what the derive
//! does, its attributes and what each shape of trait item becomes. The
//! pages here are the rest of its reference, for structs, unions and enums.

pub mod mistakes {
    #![doc = include_str!("../docs/guide/mistakes.md")]
}

pub mod limits {
    #![doc = include_str!("../docs/guide/limits.md")]
}

pub mod expansion {
    #![doc = include_str!("../docs/guide/expansion.md")]
}
