//! `except(...)`: the wrapper's own inherent methods answer, as the methods a
//! Dynamo lazy class defines itself do; everything else is forwarded.

mod common;

use std::cell::RefCell;

use common::{Counted, counted};
use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn set_name_hint(&mut self, hint: &str);
    fn name_hint(&self) -> Option<String>;
    fn call(&self, args: &[i64]) -> i64;
    /// Receiverless without default: only an `except` can supply it.
    fn create(source: &str) -> Self
    where
        Self: Sized;
    /// `Self` in argument position without default: same.
    fn merge(&mut self, other: Self)
    where
        Self: Sized;
}

#[derive(Debug, Default)]
pub struct Real {
    hint: Option<String>,
}

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
    fn set_name_hint(&mut self, hint: &str) {
        self.hint = Some(hint.to_owned());
    }
    fn name_hint(&self) -> Option<String> {
        self.hint.clone()
    }
    fn call(&self, args: &[i64]) -> i64 {
        args.iter().sum()
    }
    fn create(_source: &str) -> Self {
        Real::default()
    }
    fn merge(&mut self, other: Self) {
        if self.hint.is_none() {
            self.hint = other.hint;
        }
    }
}

#[derive(RealizeForward)]
#[realize_forward(Tracker, except(python_type, set_name_hint, create, merge))]
pub struct LazyTracker {
    #[realize]
    cache: Lazy<Real, Counted<Real>>,
    source: String,
    pending_hint: RefCell<Option<String>>,
}

impl LazyTracker {
    /// Answers from the source, without building (Dynamo's `peek_type`).
    fn python_type(&self) -> &'static str {
        if self.source.starts_with('L') {
            "int"
        } else {
            "unknown"
        }
    }

    /// Buffers the hint until the value is built (Dynamo's `set_name_hint`).
    fn set_name_hint(&mut self, hint: &str) {
        match Lazy::get_mut(&mut self.cache) {
            Some(real) => real.set_name_hint(hint),
            None => {
                let hint = hint.to_owned();
                *self.pending_hint.borrow_mut() = Some(hint.clone());
                Lazy::defer(&mut self.cache, move |real| real.set_name_hint(&hint));
            }
        }
    }

    fn create(source: &str) -> Self {
        let (cache, _) = counted(Real::default);
        LazyTracker {
            cache,
            source: source.to_owned(),
            pending_hint: RefCell::new(None),
        }
    }

    fn merge(&mut self, other: Self) {
        self.source.push_str(&other.source);
    }
}

fn lazy() -> (LazyTracker, std::rc::Rc<std::cell::Cell<u32>>) {
    let (cache, builds) = counted(Real::default);
    let tracker = LazyTracker {
        cache,
        source: String::from("L['x']"),
        pending_hint: RefCell::new(None),
    };
    (tracker, builds)
}

#[test]
fn excepted_methods_answer_from_the_wrapper_without_building() {
    let (mut tracker, builds) = lazy();
    assert_eq!(Tracker::python_type(&tracker), "int");
    Tracker::set_name_hint(&mut tracker, "x");
    assert_eq!(builds.get(), 0, "neither excepted method builds");
    assert_eq!(tracker.pending_hint.borrow().as_deref(), Some("x"));
    assert_eq!(
        tracker.name_hint().as_deref(),
        Some("x"),
        "forwarded, and the deferred hint applied"
    );
    assert_eq!(builds.get(), 1);
}

#[test]
fn other_methods_are_still_forwarded() {
    let (tracker, builds) = lazy();
    assert_eq!(tracker.call(&[1, 2, 3]), 6);
    assert_eq!(builds.get(), 1);
}

#[test]
fn receiverless_and_self_argument_methods_through_except() {
    let mut tracker = <LazyTracker as Tracker>::create("G['y']");
    assert_eq!(tracker.source, "G['y']");
    let (other, builds) = lazy();
    Tracker::merge(&mut tracker, other);
    assert_eq!(tracker.source, "G['y']L['x']");
    assert_eq!(builds.get(), 0);
}

/// Every shape of signature an `except` name may answer: the check on the
/// inherent method (`__private::InherentMethod`) accepts what fits, generic,
/// `impl Trait`, `async`, named lifetimes and every receiver included.
mod every_signature_shape {
    #![allow(
        clippy::too_many_arguments,
        clippy::boxed_local,
        clippy::needless_lifetimes,
        reason = "the shapes under test: 12 arguments beside the receiver, a `Box<Self>` receiver, a named lifetime"
    )]

    use std::fmt::Display;

    use lazy_core::{Lazy, RealizeForward, forwardable};

    #[forwardable]
    pub trait Shapes {
        fn generic<T: Display>(&self, value: T) -> String;
        fn impl_arg(&self, value: impl Display) -> String;
        // Parameters that neither the arguments nor the result name: the
        // inherent method is called with the trait method's turbofish (the
        // unsafe one without the signature check).
        fn uninferred<T: Default + Display, const N: usize>(&self, value: impl Display) -> String;
        /// # Safety
        /// None needed: the shape under test is an `unsafe fn`.
        unsafe fn uninferred_unsafe<const N: usize>(&self) -> usize;
        fn impl_result(&self) -> impl Iterator<Item = u8>;
        fn named<'a>(&'a self, text: &'a str) -> &'a str;
        fn mutable(&mut self, by: u8);
        fn owned(self) -> u8
        where
            Self: Sized;
        fn boxed(self: Box<Self>) -> u8;
        fn many(
            &self,
            a: u8,
            b: u8,
            c: u8,
            d: u8,
            e: u8,
            f: u8,
            g: u8,
            h: u8,
            i: u8,
            j: u8,
            k: u8,
            l: u8,
        ) -> u8;
        #[allow(async_fn_in_trait)]
        async fn later(&self) -> u8;
        // Answered by inherent methods that differ where the call coerces:
        // `&self` for `&mut self`, `&'static str` for `&'a str`, `Box<u8>`
        // for `Box<dyn Display>`.
        fn lend(&mut self) -> u8;
        // A result borrowed from the lent receiver, by a `&mut self` and by
        // a `&self` inherent method.
        fn count_mut(&mut self) -> &mut u8;
        fn count_ref<'a>(&'a mut self) -> &'a u8;
        fn label<'a>(&'a self) -> &'a str;
        fn shown(&self) -> Box<dyn Display>;
        // Another ABI: its function item is not `FnOnce`, so the inherent
        // method is called without the signature check (it was refused).
        extern "C" fn foreign(&self) -> u8;
        extern "C" fn foreign_mut(&mut self, by: u8) -> u8;
    }

    pub struct Real;

    impl Shapes for Real {
        fn generic<T: Display>(&self, _: T) -> String {
            String::from("real")
        }
        fn impl_arg(&self, _: impl Display) -> String {
            String::from("real")
        }
        fn uninferred<T: Default + Display, const N: usize>(&self, _: impl Display) -> String {
            String::from("real")
        }
        unsafe fn uninferred_unsafe<const N: usize>(&self) -> usize {
            0
        }
        fn impl_result(&self) -> impl Iterator<Item = u8> {
            [0].into_iter()
        }
        fn named<'a>(&'a self, _: &'a str) -> &'a str {
            "real"
        }
        fn mutable(&mut self, _: u8) {}
        fn owned(self) -> u8 {
            0
        }
        fn boxed(self: Box<Self>) -> u8 {
            0
        }
        fn many(
            &self,
            _: u8,
            _: u8,
            _: u8,
            _: u8,
            _: u8,
            _: u8,
            _: u8,
            _: u8,
            _: u8,
            _: u8,
            _: u8,
            _: u8,
        ) -> u8 {
            0
        }
        async fn later(&self) -> u8 {
            0
        }
        fn lend(&mut self) -> u8 {
            0
        }
        fn count_mut(&mut self) -> &mut u8 {
            unreachable!("answered by the wrapper")
        }
        fn count_ref<'a>(&'a mut self) -> &'a u8 {
            unreachable!("answered by the wrapper")
        }
        fn label<'a>(&'a self) -> &'a str {
            "real"
        }
        fn shown(&self) -> Box<dyn Display> {
            Box::new("real")
        }
        extern "C" fn foreign(&self) -> u8 {
            0
        }
        extern "C" fn foreign_mut(&mut self, _: u8) -> u8 {
            0
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(
        Shapes,
        except(
            generic,
            impl_arg,
            uninferred,
            uninferred_unsafe,
            impl_result,
            named,
            mutable,
            owned,
            boxed,
            many,
            later,
            lend,
            count_mut,
            count_ref,
            label,
            shown,
            foreign,
            foreign_mut
        )
    )]
    pub struct Wrapper {
        #[realize]
        cache: Lazy<Real>,
        count: u8,
    }

    impl Wrapper {
        fn generic<T: Display>(&self, value: T) -> String {
            value.to_string()
        }
        fn impl_arg(&self, value: impl Display) -> String {
            format!("<{value}>")
        }
        fn uninferred<T: Default + Display, const N: usize>(&self, value: impl Display) -> String {
            format!("{value}{}{N}", T::default())
        }
        unsafe fn uninferred_unsafe<const N: usize>(&self) -> usize {
            N * 10
        }
        fn impl_result(&self) -> impl Iterator<Item = u8> {
            1..=self.count
        }
        fn named<'a>(&'a self, text: &'a str) -> &'a str {
            text
        }
        fn mutable(&mut self, by: u8) {
            self.count += by;
        }
        fn owned(self) -> u8 {
            self.count
        }
        fn boxed(self: Box<Self>) -> u8 {
            self.count + 100
        }
        fn many(
            &self,
            a: u8,
            b: u8,
            c: u8,
            d: u8,
            e: u8,
            f: u8,
            g: u8,
            h: u8,
            i: u8,
            j: u8,
            k: u8,
            l: u8,
        ) -> u8 {
            a + b + c + d + e + f + g + h + i + j + k + l
        }
        async fn later(&self) -> u8 {
            self.count
        }
        fn lend(&self) -> u8 {
            self.count
        }
        fn count_mut(&mut self) -> &mut u8 {
            &mut self.count
        }
        fn count_ref(&self) -> &u8 {
            &self.count
        }
        fn label(&self) -> &'static str {
            "wrapper"
        }
        fn shown(&self) -> Box<u8> {
            Box::new(self.count)
        }
        extern "C" fn foreign(&self) -> u8 {
            self.count + 50
        }
        extern "C" fn foreign_mut(&mut self, by: u8) -> u8 {
            self.count += by;
            self.count
        }
    }

    #[test]
    fn the_wrapper_answers_every_shape_without_building() {
        let mut wrapper = Wrapper {
            cache: Lazy::new(|| Real),
            count: 2,
        };
        assert_eq!(Shapes::generic(&wrapper, 7), "7");
        assert_eq!(Shapes::impl_arg(&wrapper, 7), "<7>");
        assert_eq!(Shapes::uninferred::<u8, 3>(&wrapper, "x"), "x03");
        // SAFETY: the method has no safety condition.
        assert_eq!(unsafe { Shapes::uninferred_unsafe::<4>(&wrapper) }, 40);
        assert_eq!(Shapes::impl_result(&wrapper).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(Shapes::named(&wrapper, "text"), "text");
        Shapes::mutable(&mut wrapper, 3);
        assert_eq!(
            Shapes::many(&wrapper, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
            12
        );
        {
            let waker = std::task::Waker::noop();
            let mut later = std::pin::pin!(Shapes::later(&wrapper));
            let ready = later
                .as_mut()
                .poll(&mut std::task::Context::from_waker(waker));
            assert_eq!(ready, std::task::Poll::Ready(5));
        }
        assert!(!Lazy::is_realized(&wrapper.cache));
        assert_eq!(
            Shapes::boxed(Box::new(Wrapper {
                cache: Lazy::new(|| Real),
                count: 1
            })),
            101
        );
        assert_eq!(Shapes::lend(&mut wrapper), 5);
        *Shapes::count_mut(&mut wrapper) += 1;
        assert_eq!(*Shapes::count_ref(&mut wrapper), 6);
        assert_eq!(Shapes::label(&wrapper), "wrapper");
        assert_eq!(Shapes::shown(&wrapper).to_string(), "6");
        assert_eq!(Shapes::foreign(&wrapper), 56);
        assert_eq!(Shapes::foreign_mut(&mut wrapper, 1), 7);
        assert_eq!(Shapes::owned(wrapper), 7);
    }
}

#[forwardable]
pub trait Finish {
    fn finish(self) -> u8;
    fn peek(&self) -> u8;
}

impl Finish for u8 {
    fn finish(self) -> u8 {
        self
    }
    fn peek(&self) -> u8 {
        *self
    }
}

/// A wrapper with a `Drop` impl cannot give its lazy away to `finish`: the
/// derive's error says to answer it on the wrapper, and this is that fix.
#[derive(RealizeForward)]
#[realize_forward(Finish, except(finish))]
pub struct LazyFinish {
    #[realize]
    cache: Lazy<u8>,
    dropped: std::rc::Rc<std::cell::Cell<bool>>,
}

impl LazyFinish {
    fn finish(self) -> u8 {
        Lazy::get(&self.cache).map_or(0, |value| *value + 100)
    }
}

impl Drop for LazyFinish {
    fn drop(&mut self) {
        self.dropped.set(true);
    }
}

#[test]
fn a_wrapper_with_drop_answers_its_by_value_method_through_except() {
    let dropped = std::rc::Rc::new(std::cell::Cell::new(false));
    let wrapper = LazyFinish {
        cache: Lazy::new(|| 7),
        dropped: dropped.clone(),
    };
    assert_eq!(wrapper.peek(), 7);
    assert_eq!(Finish::finish(wrapper), 107);
    assert!(dropped.get(), "the wrapper's own Drop ran");
}
