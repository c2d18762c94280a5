//! Ready mirrors of std traits, for `#[realize_forward(...)]`.
