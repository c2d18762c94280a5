//! Real-world trait shapes from widely used crates, written for this suite
//! from their public signatures: a `tower::Service`-like trait, a
//! `futures::Stream`-like trait and a `serde::Serializer`-like trait with
//! its companion traits. Each is forwarded through a derived wrapper and
//! checked against the same calls on an eager value, with one build.

#![deny(warnings)]

mod common;

use std::cell::Cell;
use std::future::Future;
use std::pin::{Pin, pin};
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use common::{Counted, counted};
use lazy_core::{Lazy, RealizeForward, forwardable};

fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return value;
        }
    }
}

mod service {
    //! `tower::Service<Request>`: a generic trait named without arguments
    //! (one impl for every request type the target serves), associated types
    //! bounded by each other, `Context<'_>` and a future in return position.

    use super::*;

    #[forwardable]
    pub trait Service<Request> {
        type Response;
        type Error;
        type Future: Future<Output = Result<Self::Response, Self::Error>>;
        fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>>;
        fn call(&mut self, req: Request) -> Self::Future;
    }

    /// Doubles numbers; is ready only from its second poll (to see the
    /// target's own readiness through the wrapper).
    #[derive(Default)]
    pub struct Doubler {
        polls: u32,
    }

    impl Service<u32> for Doubler {
        type Response = u64;
        type Error = String;
        type Future = std::future::Ready<Result<u64, String>>;
        fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), String>> {
            self.polls += 1;
            if self.polls < 2 {
                Poll::Pending
            } else {
                Poll::Ready(Ok(()))
            }
        }
        fn call(&mut self, req: u32) -> Self::Future {
            std::future::ready(u64::from(req).checked_mul(2).ok_or_else(String::new))
        }
    }

    impl Service<&'static str> for Doubler {
        type Response = String;
        type Error = String;
        type Future = Pin<Box<dyn Future<Output = Result<String, String>>>>;
        fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), String>> {
            Poll::Ready(Err(String::from("strings are never ready")))
        }
        fn call(&mut self, req: &'static str) -> Self::Future {
            Box::pin(async move { Ok(req.repeat(2)) })
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Service)]
    pub struct LazyService {
        #[realize]
        cache: Lazy<Doubler, Counted<Doubler>>,
    }

    /// What a caller of any service does: wait until ready, then call.
    fn serve<S: Service<R>, R>(service: &mut S, req: R) -> Result<S::Response, S::Error> {
        let mut cx = Context::from_waker(Waker::noop());
        loop {
            match service.poll_ready(&mut cx) {
                Poll::Ready(Ok(())) => break,
                Poll::Ready(Err(err)) => return Err(err),
                Poll::Pending => {}
            }
        }
        block_on(service.call(req))
    }

    #[test]
    fn every_request_type_of_the_target_is_served() {
        let (cache, builds) = counted(Doubler::default);
        let mut lazy = LazyService { cache };
        let mut eager = Doubler::default();
        assert_eq!(builds.get(), 0);
        assert_eq!(serve(&mut lazy, 21_u32), serve(&mut eager, 21_u32));
        assert_eq!(serve(&mut lazy, 21_u32), Ok(42));
        assert_eq!(serve(&mut lazy, "ab"), serve(&mut eager, "ab"));
        assert_eq!(
            block_on(Service::<&str>::call(&mut lazy, "ab")),
            Ok(String::from("abab"))
        );
        assert_eq!(builds.get(), 1);
    }

    #[test]
    fn readiness_is_the_targets() {
        let (cache, builds) = counted(Doubler::default);
        let mut lazy = LazyService { cache };
        let mut cx = Context::from_waker(Waker::noop());
        assert!(Service::<u32>::poll_ready(&mut lazy, &mut cx).is_pending());
        assert_eq!(
            Service::<u32>::poll_ready(&mut lazy, &mut cx),
            Poll::Ready(Ok(()))
        );
        assert_eq!(builds.get(), 1);
    }
}

mod stream {
    //! `futures::Stream`: `poll_next(self: Pin<&mut Self>, ..)`. Forwarded
    //! through `Pin::get_mut` and `Pin::new`, where the wrapper and its
    //! target are `Unpin`; a default body is kept (it asks nothing of them),
    //! and `except(...)` lets the wrapper answer itself: all are shown here.

    use super::*;

    #[forwardable]
    pub trait Stream {
        type Item;
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>>;
        fn size_hint(&self) -> (usize, Option<usize>) {
            (0, None)
        }
    }

    /// The same trait, with a default `poll_next` (an empty stream).
    #[forwardable]
    pub trait DefaultedStream {
        type Item;
        fn poll_next(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
            Poll::Ready(None)
        }
        fn size_hint(&self) -> (usize, Option<usize>) {
            (0, None)
        }
    }

    /// Yields `0..end`, then ends.
    pub struct Numbers {
        next: u8,
        end: u8,
    }

    impl Stream for Numbers {
        type Item = u8;
        fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
            let value = self.next;
            if value == self.end {
                return Poll::Ready(None);
            }
            self.next += 1;
            Poll::Ready(Some(value))
        }
        fn size_hint(&self) -> (usize, Option<usize>) {
            let left = usize::from(self.end - self.next);
            (left, Some(left))
        }
    }

    impl DefaultedStream for Numbers {
        type Item = u8;
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u8>> {
            Stream::poll_next(self, cx)
        }
        fn size_hint(&self) -> (usize, Option<usize>) {
            Stream::size_hint(self)
        }
    }

    fn numbers() -> Numbers {
        Numbers { next: 0, end: 3 }
    }

    /// `poll_next` and `size_hint` are forwarded.
    #[derive(RealizeForward)]
    #[realize_forward(Stream)]
    pub struct LazyNumbers {
        #[realize]
        cache: Lazy<Numbers, Counted<Numbers>>,
    }

    /// `poll_next` is answered by the wrapper; `size_hint` is forwarded.
    #[derive(RealizeForward)]
    #[realize_forward(Stream, except(poll_next))]
    pub struct OwnNumbers {
        #[realize]
        cache: Lazy<Numbers, Counted<Numbers>>,
    }

    impl OwnNumbers {
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u8>> {
            let target = lazy_core::RealizeMut::realize_mut(&mut self.get_mut().cache);
            Stream::poll_next(Pin::new(target), cx)
        }
    }

    /// Without `except`, the default `poll_next` stays (an empty stream).
    #[derive(RealizeForward)]
    #[realize_forward(DefaultedStream)]
    pub struct LazyDefaulted {
        #[realize]
        cache: Lazy<Numbers, Counted<Numbers>>,
    }

    fn collect<S: Stream + Unpin>(mut stream: S) -> (Vec<S::Item>, (usize, Option<usize>)) {
        let hint = stream.size_hint();
        let mut cx = Context::from_waker(Waker::noop());
        let mut items = Vec::new();
        while let Poll::Ready(Some(item)) = Pin::new(&mut stream).poll_next(&mut cx) {
            items.push(item);
        }
        (items, hint)
    }

    #[test]
    fn pinned_poll_next_forwarded_and_through_except() {
        let (cache, builds) = counted(numbers);
        let lazy = LazyNumbers { cache };
        assert_eq!(builds.get(), 0);
        assert_eq!(collect(lazy), collect(numbers()));
        assert_eq!(collect(numbers()), (vec![0, 1, 2], (3, Some(3))));
        assert_eq!(builds.get(), 1);
        let (cache, builds) = counted(numbers);
        assert_eq!(collect(OwnNumbers { cache }), collect(numbers()));
        assert_eq!(builds.get(), 1);
    }

    #[test]
    fn pinned_poll_next_with_a_default_keeps_the_default() {
        let (cache, builds) = counted(numbers);
        let mut lazy = LazyDefaulted { cache };
        let mut cx = Context::from_waker(Waker::noop());
        assert_eq!(
            DefaultedStream::poll_next(Pin::new(&mut lazy), &mut cx),
            Poll::Ready(None),
            "the trait's default answers, not the target"
        );
        assert_eq!(builds.get(), 0, "the default does not realize");
        assert_eq!(DefaultedStream::size_hint(&lazy), (3, Some(3)));
        assert_eq!(builds.get(), 1);
    }
}

mod serializer {
    //! `serde::Serializer`: `Sized` supertrait, every method by value
    //! (`RealizeInto`), generic methods with `?Sized` bounds on a local
    //! trait, associated types bounded by companion traits that name
    //! `Self::Ok` / `Self::Error`, a default generic method, and `&self`.

    use super::*;
    use std::fmt::{self, Display};

    pub trait Error: Sized + std::error::Error {
        fn custom<T: Display>(msg: T) -> Self;
    }

    pub trait Serialize {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
    }

    pub trait SerializeSeq {
        type Ok;
        type Error: Error;
        fn serialize_element<T: ?Sized + Serialize>(
            &mut self,
            value: &T,
        ) -> Result<(), Self::Error>;
        fn end(self) -> Result<Self::Ok, Self::Error>;
    }

    pub trait SerializeMap {
        type Ok;
        type Error: Error;
        fn serialize_entry<K: ?Sized + Serialize, V: ?Sized + Serialize>(
            &mut self,
            key: &K,
            value: &V,
        ) -> Result<(), Self::Error>;
        fn end(self) -> Result<Self::Ok, Self::Error>;
    }

    #[forwardable]
    pub trait Serializer: Sized {
        type Ok;
        type Error: Error;
        type SerializeSeq: SerializeSeq<Ok = Self::Ok, Error = Self::Error>;
        type SerializeMap: SerializeMap<Ok = Self::Ok, Error = Self::Error>;
        fn serialize_bool(self, v: bool) -> Result<Self::Ok, Self::Error>;
        fn serialize_i64(self, v: i64) -> Result<Self::Ok, Self::Error>;
        fn serialize_u8(self, v: u8) -> Result<Self::Ok, Self::Error> {
            self.serialize_i64(i64::from(v))
        }
        fn serialize_str(self, v: &str) -> Result<Self::Ok, Self::Error>;
        fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok, Self::Error>;
        fn serialize_none(self) -> Result<Self::Ok, Self::Error>;
        fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Self::Ok, Self::Error>;
        fn serialize_unit_variant(
            self,
            name: &'static str,
            variant_index: u32,
            variant: &'static str,
        ) -> Result<Self::Ok, Self::Error>;
        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            name: &'static str,
            value: &T,
        ) -> Result<Self::Ok, Self::Error>;
        fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, Self::Error>;
        fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, Self::Error>;
        fn collect_seq<I>(self, iter: I) -> Result<Self::Ok, Self::Error>
        where
            I: IntoIterator,
            <I as IntoIterator>::Item: Serialize,
        {
            let mut seq = self.serialize_seq(None)?;
            for item in iter {
                seq.serialize_element(&item)?;
            }
            seq.end()
        }
        fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result<Self::Ok, Self::Error> {
            self.serialize_str(&value.to_string())
        }
        fn is_human_readable(&self) -> bool {
            true
        }
    }

    // The data model: a few values that serialize themselves.

    impl Serialize for i64 {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_i64(*self)
        }
    }
    impl Serialize for u8 {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_u8(*self)
        }
    }
    impl Serialize for str {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(self)
        }
    }
    impl Serialize for bool {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bool(*self)
        }
    }

    // A compact text format: the real serializer.

    #[derive(Debug, PartialEq)]
    pub struct TextError(String);
    impl Display for TextError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.0)
        }
    }
    impl std::error::Error for TextError {}
    impl Error for TextError {
        fn custom<T: Display>(msg: T) -> Self {
            TextError(msg.to_string())
        }
    }

    /// Writes values as text; overrides `serialize_u8`, `collect_str` and
    /// `is_human_readable` with answers that mark them.
    #[derive(Default)]
    pub struct Text;

    pub struct TextSeq(Vec<String>);
    pub struct TextMap(Vec<String>);

    impl SerializeSeq for TextSeq {
        type Ok = String;
        type Error = TextError;
        fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), TextError> {
            self.0.push(value.serialize(Text)?);
            Ok(())
        }
        fn end(self) -> Result<String, TextError> {
            Ok(format!("[{}]", self.0.join(",")))
        }
    }

    impl SerializeMap for TextMap {
        type Ok = String;
        type Error = TextError;
        fn serialize_entry<K: ?Sized + Serialize, V: ?Sized + Serialize>(
            &mut self,
            key: &K,
            value: &V,
        ) -> Result<(), TextError> {
            self.0.push(format!(
                "{}:{}",
                key.serialize(Text)?,
                value.serialize(Text)?
            ));
            Ok(())
        }
        fn end(self) -> Result<String, TextError> {
            Ok(format!("{{{}}}", self.0.join(",")))
        }
    }

    impl Serializer for Text {
        type Ok = String;
        type Error = TextError;
        type SerializeSeq = TextSeq;
        type SerializeMap = TextMap;
        fn serialize_bool(self, v: bool) -> Result<String, TextError> {
            Ok(v.to_string())
        }
        fn serialize_i64(self, v: i64) -> Result<String, TextError> {
            Ok(v.to_string())
        }
        fn serialize_u8(self, v: u8) -> Result<String, TextError> {
            Ok(format!("{v}u8"))
        }
        fn serialize_str(self, v: &str) -> Result<String, TextError> {
            Ok(format!("{v:?}"))
        }
        fn serialize_bytes(self, v: &[u8]) -> Result<String, TextError> {
            Ok(format!("b{v:?}"))
        }
        fn serialize_none(self) -> Result<String, TextError> {
            Ok(String::from("none"))
        }
        fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<String, TextError> {
            Ok(format!("some({})", value.serialize(Text)?))
        }
        fn serialize_unit_variant(
            self,
            name: &'static str,
            index: u32,
            variant: &'static str,
        ) -> Result<String, TextError> {
            Ok(format!("{name}::{variant}#{index}"))
        }
        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            name: &'static str,
            value: &T,
        ) -> Result<String, TextError> {
            Ok(format!("{name}({})", value.serialize(Text)?))
        }
        fn serialize_seq(self, len: Option<usize>) -> Result<TextSeq, TextError> {
            match len {
                Some(0) => Err(TextError::custom("empty sequences are refused")),
                _ => Ok(TextSeq(Vec::new())),
            }
        }
        fn serialize_map(self, _: Option<usize>) -> Result<TextMap, TextError> {
            Ok(TextMap(Vec::new()))
        }
        fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result<String, TextError> {
            Ok(format!("str<{value}>"))
        }
        fn is_human_readable(&self) -> bool {
            false
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Serializer)]
    pub struct LazyText {
        #[realize]
        cache: Lazy<Text, Counted<Text>>,
    }

    /// Runs `op` on a fresh wrapper and on an eager `Text`: same result, and
    /// the wrapper built exactly once.
    fn same<R: PartialEq + fmt::Debug>(
        op_lazy: impl FnOnce(LazyText) -> R,
        op_eager: impl FnOnce(Text) -> R,
    ) -> R {
        let (cache, builds): (_, Rc<Cell<u32>>) = counted(|| Text);
        let lazy = op_lazy(LazyText { cache });
        assert_eq!(builds.get(), 1, "one build per wrapper");
        let eager = op_eager(Text);
        assert_eq!(lazy, eager);
        lazy
    }

    macro_rules! same {
        (|$s:ident| $body:expr) => {
            same(|$s: LazyText| $body, |$s: Text| $body)
        };
    }

    #[test]
    fn scalar_methods_are_forwarded() {
        assert_eq!(same!(|s| s.serialize_bool(true)), Ok("true".into()));
        assert_eq!(same!(|s| s.serialize_i64(-4)), Ok("-4".into()));
        assert_eq!(same!(|s| s.serialize_u8(4)), Ok("4u8".into()));
        assert_eq!(same!(|s| s.serialize_str("a")), Ok("\"a\"".into()));
        assert_eq!(same!(|s| s.serialize_bytes(b"ab")), Ok("b[97, 98]".into()));
        assert_eq!(same!(|s| s.serialize_none()), Ok("none".into()));
        assert_eq!(
            same!(|s| s.serialize_unit_variant("E", 1, "B")),
            Ok("E::B#1".into())
        );
    }

    #[test]
    fn generic_methods_with_unsized_arguments_are_forwarded() {
        assert_eq!(same!(|s| s.serialize_some("x")), Ok("some(\"x\")".into()));
        assert_eq!(same!(|s| s.serialize_some(&7_i64)), Ok("some(7)".into()));
        assert_eq!(
            same!(|s| s.serialize_newtype_struct("Id", &3_u8)),
            Ok("Id(3u8)".into())
        );
        assert_eq!(same!(|s| s.collect_str("x")), Ok("str<x>".into()));
    }

    #[test]
    fn compound_serializers_come_from_the_target() {
        let seq = same!(|s| {
            let mut seq = s.serialize_seq(Some(2)).unwrap();
            seq.serialize_element(&1_i64).unwrap();
            seq.serialize_element("two").unwrap();
            seq.end()
        });
        assert_eq!(seq, Ok("[1,\"two\"]".into()));
        let map = same!(|s| {
            let mut map = s.serialize_map(None).unwrap();
            map.serialize_entry("k", &true).unwrap();
            map.end()
        });
        assert_eq!(map, Ok("{\"k\":true}".into()));
        assert_eq!(
            same!(|s| s.serialize_seq(Some(0)).map(|_| ())),
            Err(TextError("empty sequences are refused".into()))
        );
        assert_eq!(same!(|s| s.collect_seq([1_i64, 2])), Ok("[1,2]".into()));
    }

    #[test]
    fn ref_method_is_forwarded() {
        assert!(!same!(|s| s.is_human_readable()));
    }

    #[test]
    fn the_wrapper_serializes_real_values() {
        let (cache, builds) = counted(|| Text);
        let out = "inner".serialize(LazyText { cache });
        assert_eq!(out, Ok(String::from("\"inner\"")));
        assert_eq!(builds.get(), 1);
    }
}
