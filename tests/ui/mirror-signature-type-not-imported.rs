// log's `Log`, copied verbatim from its source: `Metadata` and `Record` are
// imported in log's own module. The error names each type and rustc's help
// imports it where the derive is written.
mod log {
    pub struct Metadata<'a>(pub &'a str);
    pub struct Record<'a>(pub &'a str);

    pub trait Log {
        fn enabled(&self, metadata: &Metadata<'_>) -> bool;
        fn log(&self, record: &Record<'_>);
        fn flush(&self);
    }
}

mod mirror {
    #[lazy_core::forwardable(remote = crate::log::Log)]
    pub trait Log: Sync + Send {
        fn enabled(&self, metadata: &Metadata<'_>) -> bool;
        fn log(&self, record: &Record<'_>);
        fn flush(&self);
    }
}

use lazy_core::{Lazy, RealizeForward};

pub struct Logger;

impl log::Log for Logger {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }
    fn log(&self, _: &log::Record<'_>) {}
    fn flush(&self) {}
}

#[derive(RealizeForward)]
#[realize_forward(mirror::Log)]
pub struct LazyLogger {
    #[realize]
    cache: Lazy<Logger>,
}

fn main() {}
