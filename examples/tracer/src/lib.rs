//! A Dynamo-style tracer over lazy variable trackers: the main example of
//! `lazy-core` and `lazy-derive`. The command (`cargo run --example tracer`,
//! or the `lazy-tracer` binary) is [`run::main`]; the tests use the modules
//! directly.
//!
//! Dynamo (PyTorch's bytecode tracer) creates a tracker for every local and
//! global of a frame. Building a tracker installs guards, and every guard is
//! a reason to recompile; so Dynamo makes them lazy and builds only what the
//! traced code really uses. This module reproduces that on `lazy_core`:
//!
//! - `value`, `source`: the frame's values (from JSON) and where they live;
//! - `tracker`: the `VariableTracker` trait; `trackers`: the concrete ones;
//! - `builder`: builds trackers and installs guards into the guard log;
//! - `lazy`: `LazyVariableTracker` and friends, forwarding with
//!   `#[derive(RealizeForward)]`;
//! - `program`, `interp`: the traced program and its interpreter;
//! - `run`: the command line and the lazy-vs-eager report; `memory`: the
//!   estimates that refuse a run which cannot fit.

pub mod builder;
pub mod format;
pub mod frame_gen;
pub mod guards;
pub mod interp;
pub mod lazy;
pub mod memory;
pub mod program;
pub mod pyattrs;
pub mod pyunicode;
pub mod run;
pub mod source;
pub mod tracker;
pub mod trackers;
pub mod value;
