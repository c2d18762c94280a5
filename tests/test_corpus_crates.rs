//! Traits of real crates, mirrored from their own source with as few edits
//! as the mirror rules allow (each edit is commented), forwarded through a
//! lazy wrapper, compared with direct calls on an eager value, and used where
//! the real trait is required (`log::set_boxed_logger`,
//! `serde_json::to_string`, `Dispatch::new`, `rand_core::Rng`, `bytes::Buf`'s
//! provided methods, a generic `Service` caller, a map looked up by `&str`).
//!
//! The rules at work: types that the original's module imports are imported
//! here, where the derive is written (rustc's error names each one and offers
//! the import); `crate::`, `self::` and `super::` mean the remote trait's
//! crate and module; the mirror's own name means the remote trait; a
//! `#[cfg(feature = ..)]` of the original is an error, and removed.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use common::{Counted, counted};
use lazy_core::{Lazy, RealizeForward, Seed, forwardable, sync};

/// A seed for `lazy_core::sync::Lazy` that counts its builds.
pub struct SyncCounted<T> {
    make: fn() -> T,
    builds: Arc<AtomicU32>,
}

impl<T> Seed for SyncCounted<T> {
    type Output = T;
    fn build(self) -> T {
        self.builds.fetch_add(1, Ordering::SeqCst);
        (self.make)()
    }
}

fn sync_counted<T>(make: fn() -> T) -> (sync::Lazy<T, SyncCounted<T>>, Arc<AtomicU32>) {
    let builds = Arc::new(AtomicU32::new(0));
    let seed = SyncCounted {
        make,
        builds: Arc::clone(&builds),
    };
    (sync::Lazy::new(seed), builds)
}

mod log_logger {
    //! `log::Log`, verbatim from log 0.4's `src/lib.rs` (docs left out).

    use std::sync::Mutex;

    // Imported in log's own module.
    use log::{Metadata, Record};

    use super::*;

    #[forwardable(remote = ::log::Log)]
    pub trait Log: Sync + Send {
        fn enabled(&self, metadata: &Metadata) -> bool;

        fn log(&self, record: &Record);

        fn flush(&self);
    }

    /// Keeps the messages of `Warn` and above.
    #[derive(Default)]
    pub struct Keeper {
        pub lines: Mutex<Vec<String>>,
    }

    impl log::Log for Keeper {
        fn enabled(&self, metadata: &Metadata) -> bool {
            metadata.level() <= log::Level::Warn
        }
        fn log(&self, record: &Record) {
            if self.enabled(record.metadata()) {
                let line = format!("{}: {}", record.level(), record.args());
                self.lines.lock().unwrap().push(line);
            }
        }
        fn flush(&self) {
            self.lines.lock().unwrap().push(String::from("flushed"));
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Log)]
    pub struct LazyLogger(#[realize] pub sync::Lazy<Keeper, SyncCounted<Keeper>>);

    #[test]
    fn log_forwards_and_installs_as_the_global_logger() {
        let drive = |logger: &dyn log::Log| {
            for (level, text) in [(log::Level::Info, "quiet"), (log::Level::Error, "loud")] {
                logger.log(
                    &Record::builder()
                        .level(level)
                        .args(format_args!("{text}"))
                        .build(),
                );
            }
            logger.flush();
        };
        let eager = Keeper::default();
        drive(&eager);
        let (cache, builds) = sync_counted(Keeper::default);
        let lazy = LazyLogger(cache);
        assert_eq!(builds.load(Ordering::SeqCst), 0);
        drive(&lazy);
        let lines = |keeper: &Keeper| keeper.lines.lock().unwrap().clone();
        assert_eq!(lines(sync::Lazy::get(&lazy.0).unwrap()), lines(&eager));
        assert_eq!(lines(&eager), ["ERROR: loud", "flushed"]);

        // Where the real trait is required: the process's logger, built at
        // its first use.
        let (cache, builds) = sync_counted(Keeper::default);
        log::set_boxed_logger(Box::new(LazyLogger(cache))).unwrap();
        log::set_max_level(log::LevelFilter::Trace);
        assert_eq!(builds.load(Ordering::SeqCst), 0);
        log::warn!("disk {}% full", 91);
        log::debug!("ignored");
        assert!(!log::log_enabled!(log::Level::Info));
        assert_eq!(builds.load(Ordering::SeqCst), 1);
    }
}

mod serde_serialize {
    //! `serde::Serialize`, verbatim from serde_core's `src/ser/mod.rs`.

    // Imported in serde's own module.
    use serde::Serializer;

    use super::*;

    #[forwardable(remote = ::serde::Serialize)]
    pub trait Serialize {
        fn serialize<S>(&self, serializer: S) -> Result<S::Ok, S::Error>
        where
            S: Serializer;
    }

    #[derive(RealizeForward)]
    #[realize_forward(Serialize)]
    pub struct LazyTable(#[realize] Lazy<Table, Counted<Table>>);

    type Table = Vec<(String, u32)>;

    fn table() -> Table {
        vec![(String::from("a"), 1), (String::from("b"), 2)]
    }

    #[test]
    fn serialize_forwards_into_serde_json() {
        let (cache, builds) = counted(table);
        let lazy = LazyTable(cache);
        assert_eq!(builds.get(), 0);
        let json = serde_json::to_string(&lazy).unwrap();
        assert_eq!(json, serde_json::to_string(&table()).unwrap());
        assert_eq!(json, r#"[["a",1],["b",2]]"#);
        let mut out = Vec::new();
        serde_json::to_writer(&mut out, &[&lazy, &lazy]).unwrap();
        assert_eq!(out, format!("[{json},{json}]").into_bytes());
        assert_eq!(builds.get(), 1);
    }
}

mod bytes_buf {
    //! `bytes::Buf`, from bytes 1's `src/buf/buf_impl.rs`: its required
    //! methods, `chunks_vectored` and `copy_to_bytes` (the others keep their
    //! defaults, which call these).

    // Imported in bytes' own module.
    use std::io::IoSlice;

    use bytes::{Buf as _, Bytes};

    use super::*;

    #[forwardable(remote = ::bytes::Buf)]
    pub trait Buf {
        fn remaining(&self) -> usize;

        fn chunk(&self) -> &[u8];

        // Edit: the original's `#[cfg(feature = "std")]` removed (a mirror
        // refuses it: it would test this crate's features); bytes is built
        // with `std` here.
        fn chunks_vectored<'a>(&'a self, dst: &mut [IoSlice<'a>]) -> usize;

        fn advance(&mut self, cnt: usize);

        fn copy_to_bytes(&mut self, len: usize) -> crate::Bytes;
    }

    static TEXT: &[u8] = b"\x00\x07hello world";

    #[derive(RealizeForward)]
    #[realize_forward(Buf)]
    pub struct LazyBytes(#[realize] Lazy<Bytes, Counted<Bytes>>);

    #[test]
    fn buf_forwards_and_its_provided_methods_use_it() {
        let (cache, builds) = counted(|| Bytes::from_static(TEXT));
        let mut lazy = LazyBytes(cache);
        let mut eager = Bytes::from_static(TEXT);
        assert_eq!(builds.get(), 0);
        assert_eq!(lazy.remaining(), eager.remaining());
        assert_eq!(lazy.get_u16(), eager.get_u16());
        // `Bytes::copy_to_bytes` shares the buffer: the target's override is
        // the one called (the default would copy).
        let (word, eager_word) = (lazy.copy_to_bytes(5), eager.copy_to_bytes(5));
        assert_eq!(word, eager_word);
        assert_eq!(word.as_ptr(), TEXT[2..].as_ptr());
        let mut slices = [IoSlice::new(&[]); 2];
        assert_eq!(lazy.chunks_vectored(&mut slices), 1);
        assert_eq!(&*slices[0], b" world");
        lazy.advance(1);
        assert_eq!(lazy.chunk(), b"world");
        assert_eq!(builds.get(), 1);
    }
}

mod tower_service {
    //! `tower_service::Service`, verbatim from tower-service 0.3's
    //! `src/lib.rs`.

    use std::future::{Future, Ready, ready};
    use std::pin::pin;
    // Imported in tower-service's own module.
    use std::task::{Context, Poll, Waker};

    use super::*;

    #[forwardable(remote = ::tower_service::Service)]
    pub trait Service<Request> {
        type Response;

        type Error;

        type Future: Future<Output = Result<Self::Response, Self::Error>>;

        fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>>;

        fn call(&mut self, req: Request) -> Self::Future;
    }

    /// Squares numbers; ready from its second poll.
    #[derive(Default)]
    pub struct Squarer {
        polls: u32,
    }

    impl ::tower_service::Service<u64> for Squarer {
        type Response = u64;
        type Error = String;
        type Future = Ready<Result<u64, String>>;
        fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), String>> {
            self.polls += 1;
            if self.polls < 2 {
                Poll::Pending
            } else {
                Poll::Ready(Ok(()))
            }
        }
        fn call(&mut self, req: u64) -> Self::Future {
            ready(Ok(req * req))
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Service)]
    pub struct LazySquarer(#[realize] Lazy<Squarer, Counted<Squarer>>);

    /// What a tower middleware does: wait until ready, then call.
    fn serve<S: ::tower_service::Service<u64>>(
        service: &mut S,
        req: u64,
    ) -> Result<S::Response, S::Error> {
        let mut cx = Context::from_waker(Waker::noop());
        while service.poll_ready(&mut cx).is_pending() {}
        let mut future = pin!(service.call(req));
        loop {
            if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
                return out;
            }
        }
    }

    #[test]
    fn service_forwards_for_a_generic_caller() {
        let (cache, builds) = counted(Squarer::default);
        let mut lazy = LazySquarer(cache);
        let mut eager = Squarer::default();
        assert_eq!(builds.get(), 0);
        assert_eq!(serve(&mut lazy, 12), serve(&mut eager, 12));
        assert_eq!(serve(&mut lazy, 3), Ok(9));
        assert_eq!(Lazy::get(&lazy.0).map(|s| s.polls), Some(eager.polls + 1));
        assert_eq!(builds.get(), 1);
    }
}

mod rand_core_rng {
    //! `rand_core::TryRng`, verbatim from rand_core 0.10's `src/lib.rs`
    //! (`Rng`, which generators use, is implemented for every `TryRng`
    //! whose error is `Infallible`).

    use std::convert::Infallible;

    use rand_core::Rng as _;

    use super::*;

    #[forwardable(remote = ::rand_core::TryRng)]
    pub trait TryRng {
        type Error: core::error::Error;

        fn try_next_u32(&mut self) -> Result<u32, Self::Error>;
        fn try_next_u64(&mut self) -> Result<u64, Self::Error>;
        fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error>;
    }

    /// A xorshift generator.
    pub struct XorShift(pub u64);

    impl ::rand_core::TryRng for XorShift {
        type Error = Infallible;
        fn try_next_u32(&mut self) -> Result<u32, Infallible> {
            self.try_next_u64().map(|x| (x >> 32) as u32)
        }
        fn try_next_u64(&mut self) -> Result<u64, Infallible> {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            Ok(self.0)
        }
        fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
            for chunk in dst.chunks_mut(8) {
                let bytes = self.try_next_u64()?.to_le_bytes();
                chunk.copy_from_slice(&bytes[..chunk.len()]);
            }
            Ok(())
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(TryRng)]
    pub struct LazyRng(#[realize] Lazy<XorShift, Counted<XorShift>>);

    #[test]
    fn try_rng_forwards_and_the_wrapper_is_an_rng() {
        let (cache, builds) = counted(|| XorShift(0x9E37_79B9));
        let mut lazy = LazyRng(cache);
        let mut eager = XorShift(0x9E37_79B9);
        assert_eq!(builds.get(), 0);
        assert_eq!(lazy.next_u32(), eager.next_u32());
        assert_eq!(lazy.next_u64(), eager.next_u64());
        let (mut a, mut b) = ([0u8; 13], [0u8; 13]);
        lazy.fill_bytes(&mut a);
        eager.fill_bytes(&mut b);
        assert_eq!(a, b);
        assert_eq!(builds.get(), 1);
    }
}

mod tracing_subscriber {
    //! `tracing_core::Subscriber`, from tracing-core 0.1's
    //! `src/subscriber.rs`: every method but `on_register_dispatch`,
    //! `event_enabled`, the deprecated `drop_span` and the `unsafe`
    //! `downcast_raw` (which keep their defaults).

    use std::sync::Mutex;

    // Imported in tracing-core's own module.
    use tracing_core::span;
    use tracing_core::subscriber::Interest;
    use tracing_core::{Dispatch, Event, LevelFilter, Metadata};

    use super::*;

    #[forwardable(remote = ::tracing_core::Subscriber)]
    pub trait Subscriber: 'static {
        fn register_callsite(&self, metadata: &'static Metadata<'static>) -> Interest;
        fn enabled(&self, metadata: &Metadata<'_>) -> bool;
        fn max_level_hint(&self) -> Option<LevelFilter>;
        fn new_span(&self, span: &span::Attributes<'_>) -> span::Id;
        fn record(&self, span: &span::Id, values: &span::Record<'_>);
        fn record_follows_from(&self, span: &span::Id, follows: &span::Id);
        fn event(&self, event: &Event<'_>);
        fn enter(&self, span: &span::Id);
        fn exit(&self, span: &span::Id);
        fn clone_span(&self, id: &span::Id) -> span::Id;
        fn try_close(&self, id: span::Id) -> bool;
        fn current_span(&self) -> span::Current;
    }

    /// Writes down the calls it gets.
    #[derive(Default)]
    pub struct Journal {
        pub calls: Mutex<Vec<String>>,
    }

    impl Journal {
        fn note(&self, call: String) {
            self.calls.lock().unwrap().push(call);
        }
    }

    impl ::tracing_core::Subscriber for Journal {
        fn enabled(&self, _: &Metadata<'_>) -> bool {
            true
        }
        fn max_level_hint(&self) -> Option<LevelFilter> {
            Some(LevelFilter::WARN)
        }
        fn new_span(&self, _: &span::Attributes<'_>) -> span::Id {
            span::Id::from_u64(1)
        }
        fn record(&self, _: &span::Id, _: &span::Record<'_>) {}
        fn record_follows_from(&self, span: &span::Id, follows: &span::Id) {
            self.note(format!(
                "{} follows {}",
                span.into_u64(),
                follows.into_u64()
            ));
        }
        fn event(&self, _: &Event<'_>) {}
        fn enter(&self, span: &span::Id) {
            self.note(format!("enter {}", span.into_u64()));
        }
        fn exit(&self, span: &span::Id) {
            self.note(format!("exit {}", span.into_u64()));
        }
        fn clone_span(&self, id: &span::Id) -> span::Id {
            self.note(format!("clone {}", id.into_u64()));
            span::Id::from_u64(id.into_u64() + 100)
        }
        fn try_close(&self, id: span::Id) -> bool {
            self.note(format!("close {}", id.into_u64()));
            true
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Subscriber)]
    pub struct LazyJournal(#[realize] pub sync::Lazy<Journal, SyncCounted<Journal>>);

    fn drive(dispatch: &Dispatch) -> (u64, bool) {
        let id = span::Id::from_u64(7);
        dispatch.enter(&id);
        dispatch.record_follows_from(&id, &span::Id::from_u64(3));
        let cloned = dispatch.clone_span(&id).into_u64();
        dispatch.exit(&id);
        (cloned, dispatch.try_close(id))
    }

    #[test]
    fn subscriber_forwards_through_a_dispatch() {
        let (cache, builds) = sync_counted(Journal::default);
        let lazy = LazyJournal(cache);
        assert_eq!(builds.load(Ordering::SeqCst), 0);
        // A new dispatch asks every subscriber for `max_level_hint`: the
        // forwarded one realizes here (leave it out of the mirror, and its
        // default `None` answers without building).
        let lazy = Dispatch::new(lazy);
        assert_eq!(builds.load(Ordering::SeqCst), 1);
        let eager = Dispatch::new(Journal::default());
        assert_eq!(drive(&lazy), drive(&eager));
        assert_eq!(drive(&lazy), (107, true));
        let calls = |dispatch: &Dispatch| {
            if let Some(journal) = dispatch.downcast_ref::<Journal>() {
                return journal.calls.lock().unwrap().clone();
            }
            let lazy = dispatch.downcast_ref::<LazyJournal>().unwrap();
            sync::Lazy::get(&lazy.0)
                .unwrap()
                .calls
                .lock()
                .unwrap()
                .clone()
        };
        assert_eq!(calls(&lazy).len(), 2 * calls(&eager).len());
        assert_eq!(
            calls(&eager),
            ["enter 7", "7 follows 3", "clone 7", "exit 7", "close 7"]
        );
        let wrapper = lazy.downcast_ref::<LazyJournal>().unwrap();
        assert_eq!(
            ::tracing_core::Subscriber::max_level_hint(wrapper),
            Some(LevelFilter::WARN)
        );
        assert_eq!(builds.load(Ordering::SeqCst), 1);
    }
}

mod std_traits_from_their_source {
    //! std's `fmt::Write`, `Deref`, `AsRef` and `Borrow`, verbatim from
    //! core's source (docs and attributes left out).

    use std::collections::HashMap;

    use super::*;

    #[forwardable(remote = ::core::fmt::Write)]
    pub trait Write {
        // Edit: `Result` is imported in core's `fmt` module; `self::` there
        // is that module.
        fn write_str(&mut self, s: &str) -> self::Result;
        fn write_char(&mut self, c: char) -> self::Result;
    }

    #[forwardable(remote = ::core::ops::Deref)]
    pub trait Deref {
        type Target: ?Sized;
        fn deref(&self) -> &Self::Target;
    }

    #[forwardable(remote = ::core::convert::AsRef)]
    pub trait AsRef<T: ?Sized> {
        fn as_ref(&self) -> &T;
    }

    #[forwardable(remote = ::core::borrow::Borrow)]
    pub trait Borrow<Borrowed: ?Sized> {
        fn borrow(&self) -> &Borrowed;
    }

    // Named with the type to borrow as: without it, the impl would cover
    // `Borrow<Self>`, which std implements for every type.
    #[derive(RealizeForward)]
    #[realize_forward(
        Write,
        Deref,
        AsRef,
        Borrow<str>,
        lazy_core::remote::Hash,
        lazy_core::remote::PartialEq,
        lazy_core::remote::Eq
    )]
    pub struct LazyName(#[realize] Lazy<String, Counted<String>>);

    #[test]
    fn fmt_write_deref_as_ref_and_borrow_forward() {
        use std::fmt::Write as _;

        let (cache, builds) = counted(|| String::from("name"));
        let mut lazy = LazyName(cache);
        let mut eager = String::from("name");
        assert_eq!(builds.get(), 0);
        write!(lazy, "-{}", 2).unwrap();
        write!(eager, "-{}", 2).unwrap();
        lazy.write_char('!').unwrap();
        eager.write_char('!').unwrap();
        // `Deref` to `str`: its methods through the wrapper.
        assert_eq!(lazy.to_uppercase(), eager.to_uppercase());
        let bytes: &[u8] = lazy.as_ref();
        assert_eq!(bytes, AsRef::<[u8]>::as_ref(&eager));
        let path: &std::path::Path = lazy.as_ref();
        assert_eq!(path, std::path::Path::new("name-2!"));
        assert_eq!(builds.get(), 1);

        let mut ages: HashMap<LazyName, u32> = HashMap::new();
        ages.insert(lazy, 7);
        assert_eq!(ages.get("name-2!"), Some(&7));
    }
}
