//! Pages of the macros' reference kept apart for their length.
//!
//! A macro's own documentation is what an editor shows where the macro is
//! used, so it holds what a user needs while writing one:
//! [`RealizeForward`](derive@crate::RealizeForward) says what the derive
//! does, its attributes and what each shape of trait item becomes;
//! [`forwardable`](macro@crate::forwardable) what the attribute records,
//! where a trait's types resolve, `blanket` and `remote`. The pages here
//! are the rest of their reference.

pub mod mistakes {
    #![doc = include_str!("../docs/guide/mistakes.md")]
}

pub mod limits {
    #![doc = include_str!("../docs/guide/limits.md")]
}

pub mod expansion {
    #![doc = include_str!("../docs/guide/expansion.md")]
}
