//! The crate's own tests, which drive the stages by hand: the fast rule
//! against the chain, expansion snapshots, property tests, robustness.

mod excepts;
mod fast_path;
mod items;
mod mirrors;
mod proptests;
mod robustness;
mod scan;
mod scan_mutations;
mod snapshots;
mod support;
mod syntax;
mod template;
