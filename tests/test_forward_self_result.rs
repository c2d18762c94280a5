//! Methods that return the wrapper (`Self`, `Option<Self>`,
//! `Result<Self, E>`, `Vec<Self>`, `Box<Self>`): forwarded to the target,
//! whose results are built back into wrappers by `FromRealized`.

use std::cell::Cell;
use std::rc::Rc;

use lazy_core::{FromRealized, Lazy, RealizeForward, Seed, forwardable};

#[forwardable]
pub trait Shape {
    fn area(&self) -> u32;
    fn scaled(&self, k: u32) -> Self;
    fn grown(self, by: u32) -> Self;
    fn halved(&self) -> Option<Self>
    where
        Self: Sized;
    fn checked(&self, limit: u32) -> Result<Self, String>
    where
        Self: Sized;
    fn split(&self) -> Vec<Self>
    where
        Self: Sized;
    fn boxed(&mut self) -> Box<Self>;
    /// A default is kept, as before.
    fn kept(&self) -> Option<Self>
    where
        Self: Sized,
    {
        None
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Square(u32);

impl Shape for Square {
    fn area(&self) -> u32 {
        self.0 * self.0
    }
    fn scaled(&self, k: u32) -> Self {
        Square(self.0 * k)
    }
    fn grown(self, by: u32) -> Self {
        Square(self.0 + by)
    }
    fn halved(&self) -> Option<Self> {
        self.0.is_multiple_of(2).then_some(Square(self.0 / 2))
    }
    fn checked(&self, limit: u32) -> Result<Self, String> {
        if self.0 <= limit {
            Ok(self.clone())
        } else {
            Err(format!("{} > {limit}", self.0))
        }
    }
    fn split(&self) -> Vec<Self> {
        (1..=self.0).map(Square).collect()
    }
    fn boxed(&mut self) -> Box<Self> {
        self.0 += 1;
        Box::new(self.clone())
    }
    fn kept(&self) -> Option<Self> {
        Some(self.clone())
    }
}

/// A plain field, with another field that the conversion fills in.
#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub struct Named {
    name: &'static str,
    #[realize(plain)]
    shape: Square,
}

impl FromRealized<Square> for Named {
    fn from_realized(shape: Square) -> Self {
        Named {
            name: "derived",
            shape,
        }
    }
}

fn named(side: u32) -> Named {
    Named {
        name: "original",
        shape: Square(side),
    }
}

fn parts(named: &Named) -> (&'static str, Square) {
    (named.name, named.shape.clone())
}

#[test]
fn each_result_shape_is_the_targets_built_back() {
    let direct = Square(4);
    let derived = |shape: Square| ("derived", shape);
    assert_eq!(parts(&named(4).scaled(3)), derived(direct.scaled(3)));
    assert_eq!(parts(&named(4).grown(1)), derived(direct.clone().grown(1)));
    assert_eq!(
        named(4).halved().as_ref().map(parts),
        direct.halved().map(derived)
    );
    assert_eq!(named(3).halved().map(|n| n.shape), None);
    assert_eq!(
        named(4).checked(5).map(|n| parts(&n)),
        direct.checked(5).map(derived)
    );
    assert_eq!(
        named(4).checked(3).map(|n| n.shape),
        Err(String::from("4 > 3"))
    );
    assert_eq!(
        named(4).split().iter().map(parts).collect::<Vec<_>>(),
        direct.split().into_iter().map(derived).collect::<Vec<_>>()
    );
    let mut wrapper = named(4);
    let mut target = direct.clone();
    assert_eq!(parts(&wrapper.boxed()), derived(*target.boxed()));
    assert_eq!(wrapper.shape, target);
    // The trait's default answers, not the target's.
    assert_eq!(named(4).kept().map(|n| n.shape), None);
    assert!(direct.kept().is_some());
}

/// A lazy field: the result is built from the realized target, once.
pub struct CountingSeed {
    side: u32,
    builds: Rc<Cell<u32>>,
}

impl Seed for CountingSeed {
    type Output = Square;
    fn build(self) -> Square {
        self.builds.set(self.builds.get() + 1);
        Square(self.side)
    }
}

#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub struct LazyShape {
    #[realize]
    cache: Lazy<Square, CountingSeed>,
}

/// The result is already built: it becomes a wrapper around a realized lazy.
impl FromRealized<Square> for LazyShape {
    fn from_realized(shape: Square) -> Self {
        LazyShape {
            cache: Lazy::from_value(shape),
        }
    }
}

#[test]
fn a_lazy_wrapper_realizes_once_and_wraps_the_result() {
    let builds = Rc::new(Cell::new(0));
    let lazy = LazyShape {
        cache: Lazy::new(CountingSeed {
            side: 2,
            builds: Rc::clone(&builds),
        }),
    };
    let scaled = lazy.scaled(5);
    assert_eq!(builds.get(), 1);
    assert_eq!(scaled.area(), Square(10).area());
    assert_eq!(
        lazy.split().iter().map(Shape::area).collect::<Vec<_>>(),
        [1, 4]
    );
    assert_eq!(
        builds.get(),
        1,
        "the results were built from the value, not the seed"
    );
}

/// A generic wrapper: the conversion is generic too.
#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub struct Generic<S> {
    #[realize(plain)]
    inner: S,
}

impl<S> FromRealized<S> for Generic<S> {
    fn from_realized(inner: S) -> Self {
        Generic { inner }
    }
}

#[test]
fn a_generic_wrapper_wraps_the_result() {
    let wrapper = Generic { inner: Square(3) };
    assert_eq!(wrapper.scaled(2).inner, Square(3).scaled(2));
    assert_eq!(wrapper.halved().map(|g| g.inner), Square(3).halved());
}

/// A wrapper with a lifetime whose conversion holds for `'static` only:
/// the impl is bounded by it, as for a generic wrapper.
#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub struct Tagged<'a> {
    #[realize]
    cache: Lazy<Square>,
    tag: &'a str,
}

impl FromRealized<Square> for Tagged<'static> {
    fn from_realized(shape: Square) -> Self {
        Tagged {
            cache: Lazy::from_value(shape),
            tag: "built back",
        }
    }
}

#[test]
fn a_conversion_for_some_lifetimes_wraps_the_result_at_those() {
    let tagged: Tagged<'static> = Tagged {
        cache: Lazy::new(|| Square(2)),
        tag: "first",
    };
    let scaled = tagged.scaled(3);
    assert_eq!(
        (scaled.tag, scaled.area()),
        ("built back", Square(6).area())
    );
    assert_eq!(tagged.tag, "first");
}

/// A lazy behind an alias: the derive names the target through the field
/// type's own `Realize` (`<Cached as Realize>::Target`).
type Cached = Lazy<Square>;

#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub struct Aliased {
    #[realize]
    cache: Cached,
    built_back: bool,
}

impl FromRealized<Square> for Aliased {
    fn from_realized(square: Square) -> Self {
        Aliased {
            cache: Lazy::from_value(square),
            built_back: true,
        }
    }
}

/// `Realize` written by hand (no field is a lazy): the target is named
/// through it, `<Self as Realize>::Target`.
#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub struct ByHand {
    square: Square,
    built_back: bool,
}

impl lazy_core::Realize for ByHand {
    type Target = Square;
    fn realize(&self) -> &Square {
        &self.square
    }
}

impl lazy_core::RealizeMut for ByHand {
    fn realize_mut(&mut self) -> &mut Square {
        &mut self.square
    }
}

impl lazy_core::RealizeInto for ByHand {
    fn into_realized(self) -> Square {
        self.square
    }
}

impl FromRealized<Square> for ByHand {
    fn from_realized(square: Square) -> Self {
        ByHand {
            square,
            built_back: true,
        }
    }
}

/// `Realize` written by hand beside a field of a lazy that is not marked
/// `#[realize]`: the derive realizes through lazy-core's hidden `Unmarked`
/// traits, which the hand-written impls give (a forgotten mark's error is
/// theirs, `tests/ui/realize-forgotten-*`). Counts its realizations.
#[derive(RealizeForward)]
#[realize_forward(Shape)]
pub struct LoggedByHand {
    lazy: Lazy<Square>,
    realized: Cell<u32>,
    built_back: bool,
}

impl lazy_core::Realize for LoggedByHand {
    type Target = Square;
    fn realize(&self) -> &Square {
        self.realized.set(self.realized.get() + 1);
        lazy_core::Realize::realize(&self.lazy)
    }
}

impl lazy_core::RealizeMut for LoggedByHand {
    fn realize_mut(&mut self) -> &mut Square {
        self.realized.set(self.realized.get() + 10);
        lazy_core::RealizeMut::realize_mut(&mut self.lazy)
    }
}

impl lazy_core::RealizeInto for LoggedByHand {
    fn into_realized(self) -> Square {
        lazy_core::RealizeInto::into_realized(self.lazy)
    }
}

impl FromRealized<Square> for LoggedByHand {
    fn from_realized(square: Square) -> Self {
        LoggedByHand {
            lazy: Lazy::from_value(square),
            realized: Cell::new(0),
            built_back: true,
        }
    }
}

#[test]
fn a_hand_written_realize_beside_an_unmarked_lazy_forwards_through_it() {
    let mut logged = LoggedByHand {
        lazy: Lazy::new(|| Square(3)),
        realized: Cell::new(0),
        built_back: false,
    };
    assert_eq!(logged.area(), Square(3).area());
    assert_eq!(logged.realized.get(), 1);
    let scaled = logged.scaled(2);
    assert!(scaled.built_back && Lazy::is_realized(&scaled.lazy));
    assert_eq!(scaled.area(), Square(6).area());
    assert_eq!(logged.boxed().area(), Square(4).area());
    assert_eq!(logged.realized.get(), 12);
    assert_eq!(logged.grown(1).area(), Square(5).area());
}

#[test]
fn a_target_named_through_an_alias_or_a_hand_written_realize_is_built_back() {
    let aliased = Aliased {
        cache: Lazy::new(|| Square(3)),
        built_back: false,
    };
    let scaled = aliased.scaled(2);
    assert!(scaled.built_back && !aliased.built_back);
    assert_eq!(scaled.area(), Square(6).area());
    assert_eq!(aliased.split().len(), 3);
    let by_hand = ByHand {
        square: Square(4),
        built_back: false,
    };
    assert_eq!(
        by_hand.halved().map(|half| (half.built_back, half.area())),
        Some((true, Square(2).area()))
    );
    assert_eq!(by_hand.grown(1).area(), Square(5).area());
}

/// `#[derive(FromRealized)]`: a wrapper that is its target's field alone.
#[derive(RealizeForward, lazy_core::FromRealized)]
#[realize_forward(Shape)]
pub struct PlainOnly(#[realize(plain)] Square);

#[derive(RealizeForward, lazy_core::FromRealized)]
#[realize_forward(Shape)]
pub struct LazyOnly<S: Seed<Output = Square>> {
    #[realize]
    cache: Lazy<Square, S>,
}

/// std's `Clone`, mirrored: its `clone` returns `Self`.
mod mirror {
    #[lazy_core::forwardable(remote = ::core::clone::Clone)]
    pub trait Clone {
        fn clone(&self) -> Self;
    }
}

/// A plain field that is a shared pointer or a reference is the target
/// itself: built back around the target's result as it is.
#[derive(RealizeForward, lazy_core::FromRealized)]
#[realize_forward(mirror::Clone, lazy_core::remote::Display)]
pub struct SharedName(#[realize(plain)] Rc<str>);

#[derive(RealizeForward, lazy_core::FromRealized)]
#[realize_forward(mirror::Clone)]
pub struct BorrowedName<'a>(#[realize(plain)] &'a str);

#[test]
fn derived_conversion_of_a_plain_pointer_holds_it_as_it_is() {
    let name = SharedName(Rc::from("x"));
    let copy = name.clone();
    assert_eq!(copy.to_string(), "x");
    assert!(Rc::ptr_eq(&copy.0, &name.0), "the same `Rc`, cloned");
    assert_eq!(Rc::strong_count(&name.0), 2);
    let text = String::from("y");
    let borrowed = BorrowedName(&text);
    assert!(std::ptr::eq(borrowed.clone().0, borrowed.0));
}

/// A boxed lazy, built back boxed (through `Box`'s `FromRealized`).
#[derive(RealizeForward, lazy_core::FromRealized)]
#[realize_forward(Shape)]
pub struct BoxedOnly(#[realize] Box<Lazy<Square>>);

#[test]
fn derived_conversion_of_a_boxed_lazy_boxes_the_target() {
    let boxed = BoxedOnly(Box::new(Lazy::new(|| Square(4))));
    let scaled = boxed.scaled(2);
    assert!(Lazy::is_realized(&scaled.0), "built back already realized");
    assert_eq!(scaled.area(), Square(4).scaled(2).area());
    assert_eq!(
        boxed.halved().map(|half| half.area()),
        Some(Square(2).area())
    );
}

#[test]
fn derived_conversions_hold_the_target() {
    assert_eq!(PlainOnly(Square(2)).scaled(3).0, Square(2).scaled(3));
    assert_eq!(
        PlainOnly(Square(2))
            .split()
            .into_iter()
            .map(|p| p.0)
            .collect::<Vec<_>>(),
        Square(2).split()
    );
    let builds = Rc::new(Cell::new(0));
    let lazy = LazyOnly {
        cache: Lazy::new(CountingSeed {
            side: 2,
            builds: Rc::clone(&builds),
        }),
    };
    let halved = lazy.halved().expect("2 is even");
    assert!(
        Lazy::is_realized(&halved.cache),
        "built back already realized"
    );
    assert_eq!(halved.area(), Square(1).area());
    assert_eq!(builds.get(), 1);
}

/// A trait whose results hold the wrapper in `Result`s named as its module
/// names them: its own one-argument alias, `io::Result` through a module
/// import, and std's `Result` written bare.
mod fallible {
    use std::io;

    use lazy_core::forwardable;

    #[derive(Debug, PartialEq)]
    pub struct TooBig(pub u32);

    pub type Result<T> = std::result::Result<T, TooBig>;

    #[forwardable]
    pub trait Grow {
        fn side(&self) -> u32;
        fn grown(&self, by: u32) -> Result<Self>
        where
            Self: Sized;
        fn read_back(&self) -> io::Result<Self>
        where
            Self: Sized;
        fn checked(&self, limit: u32) -> std::result::Result<Self, TooBig>
        where
            Self: Sized;
        // By value, with a borrowed argument: no lifetime for the result
        // to take from the receiver.
        fn tagged(self, tag: &str) -> Result<Self>
        where
            Self: Sized;
    }
}

/// Errors named through the signature's own (an associated type, a
/// parameter of the trait) beside std's `Result`, written bare.
mod picking {
    use lazy_core::forwardable;

    #[forwardable]
    pub trait Pick<U> {
        type Err;
        fn pick(&self, u: U) -> Result<Self, U>
        where
            Self: Sized;
        fn refuse(&self) -> Result<Self, Self::Err>
        where
            Self: Sized;
    }
}

// Here `Result` is `io::Result`, which takes one argument: the derive's
// forwarders name the results as the trait's module does, not as this one.
mod grown {
    use std::io::Result;

    use lazy_core::{FromRealized, Lazy, RealizeForward};

    use super::fallible::{Grow, TooBig};

    pub struct Side(pub u32);

    impl Grow for Side {
        fn side(&self) -> u32 {
            self.0
        }
        fn grown(&self, by: u32) -> super::fallible::Result<Self> {
            match self.0.checked_add(by) {
                Some(side) if side <= 10 => Ok(Side(side)),
                _ => Err(TooBig(self.0)),
            }
        }
        fn read_back(&self) -> Result<Self> {
            Ok(Side(self.0))
        }
        fn checked(&self, limit: u32) -> std::result::Result<Self, TooBig> {
            if self.0 <= limit {
                Ok(Side(self.0))
            } else {
                Err(TooBig(self.0))
            }
        }
        fn tagged(self, tag: &str) -> super::fallible::Result<Self> {
            match tag.parse() {
                Ok(side) => Ok(Side(side)),
                Err(_) => Err(TooBig(self.0)),
            }
        }
    }

    impl super::picking::Pick<u32> for Side {
        type Err = TooBig;
        fn pick(&self, u: u32) -> std::result::Result<Self, u32> {
            if u > self.0 { Ok(Side(u)) } else { Err(u) }
        }
        fn refuse(&self) -> std::result::Result<Self, TooBig> {
            Err(TooBig(self.0))
        }
    }

    #[derive(RealizeForward, FromRealized)]
    #[realize_forward(Grow, super::picking::Pick<u32>)]
    pub struct LazySide {
        #[realize]
        pub cache: Lazy<Side>,
    }
}

#[test]
fn results_named_by_the_traits_module_are_its_results() {
    use fallible::{Grow, TooBig};
    use grown::{LazySide, Side};

    let lazy = LazySide {
        cache: Lazy::new(|| Side(4)),
    };
    let grown = lazy.grown(3).expect("7 fits");
    assert!(
        Lazy::is_realized(&grown.cache),
        "built back already realized"
    );
    assert_eq!(grown.side(), 7);
    assert_eq!(grown.grown(5).err(), Some(TooBig(7)));
    assert_eq!(lazy.read_back().expect("reads").side(), 4);
    assert_eq!(lazy.checked(3).err(), Some(TooBig(4)));
    assert_eq!(lazy.checked(4).map(|side| side.side()), Ok(4));
    use picking::Pick;
    assert_eq!(lazy.pick(9).map(|side| side.side()), Ok(9));
    assert_eq!(lazy.pick(2).err(), Some(2));
    assert_eq!(lazy.refuse().err(), Some(TooBig(4)));
    let tagged = lazy.tagged("6").expect("a side");
    assert_eq!(tagged.side(), 6);
    assert_eq!(tagged.tagged("six").err(), Some(TooBig(6)));
}

/// Methods without a receiver: the target's own, called on its type, with a
/// `Self` result built back into the wrapper and `&Self` arguments realized;
/// std's `Default` and `FromStr` through mirrors.
mod receiverless {
    use lazy_core::{FromRealized, Lazy, RealizeForward, forwardable};

    #[forwardable]
    pub trait Tracker {
        fn python_type(&self) -> &'static str;
        fn create(source: &str) -> Self
        where
            Self: Sized;
        fn kind() -> &'static str
        where
            Self: Sized;
        fn same(a: &Self, b: &Self) -> bool
        where
            Self: Sized;
        fn parse(text: &str) -> Result<Self, String>
        where
            Self: Sized;
    }

    mod mirrors {
        #[lazy_core::forwardable(remote = ::core::default::Default)]
        pub trait Default: Sized {
            fn default() -> Self;
        }

        #[lazy_core::forwardable(remote = ::core::str::FromStr)]
        pub trait FromStr: Sized {
            type Err;
            fn from_str(s: &str) -> Result<Self, Self::Err>;
        }
    }

    #[derive(Debug, PartialEq)]
    pub struct Int(u8);

    impl Tracker for Int {
        fn python_type(&self) -> &'static str {
            "int"
        }
        fn create(source: &str) -> Self {
            Int(source.len() as u8)
        }
        fn kind() -> &'static str {
            "constant"
        }
        fn same(a: &Self, b: &Self) -> bool {
            a == b
        }
        fn parse(text: &str) -> Result<Self, String> {
            text.parse()
                .map(Int)
                .map_err(|_| format!("not an int: {text}"))
        }
    }

    impl Default for Int {
        fn default() -> Self {
            Int(42)
        }
    }

    #[derive(RealizeForward, FromRealized)]
    #[realize_forward(Tracker, mirrors::Default)]
    pub struct LazyInt(#[realize] Lazy<Int>);

    #[derive(RealizeForward, FromRealized)]
    #[realize_forward(mirrors::FromStr)]
    pub struct LazyNumber(#[realize] Lazy<u32>);

    /// A generic wrapper, and one realized through `deref`.
    #[derive(RealizeForward)]
    #[realize_forward(Tracker, except(create, parse))]
    pub struct Any<T: Tracker>(#[realize] Lazy<T>);

    #[derive(RealizeForward)]
    #[realize_forward(Tracker, except(create, parse))]
    pub struct Boxed(#[realize(deref)] Lazy<Box<Int>>);

    impl<T: Tracker> Any<T> {
        fn create(source: &str) -> Self {
            Any(Lazy::from_value(T::create(source)))
        }
        fn parse(text: &str) -> Result<Self, String> {
            T::parse(text).map(|t| Any(Lazy::from_value(t)))
        }
    }

    impl Boxed {
        fn create(source: &str) -> Self {
            Boxed(Lazy::from_value(Box::new(Int::create(source))))
        }
        fn parse(text: &str) -> Result<Self, String> {
            Int::parse(text).map(|int| Boxed(Lazy::from_value(Box::new(int))))
        }
    }

    #[test]
    fn the_target_s_own_built_back_into_the_wrapper() {
        let created = LazyInt::create("abc");
        assert_eq!(Lazy::force(&created.0), &Int(3));
        assert_eq!(created.python_type(), "int");
        assert_eq!(LazyInt::kind(), "constant");
        let two = || LazyInt(Lazy::new(|| Int(2)));
        let (a, b) = (two(), two());
        assert!(LazyInt::same(&a, &b));
        assert!(Lazy::is_realized(&a.0) && Lazy::is_realized(&b.0));
        assert!(!LazyInt::same(&a, &LazyInt::create("x")));
        assert_eq!(Lazy::force(&LazyInt::parse("7").unwrap().0), &Int(7));
        assert_eq!(LazyInt::parse("x").err().as_deref(), Some("not an int: x"));
        let default = LazyInt::default();
        assert_eq!(Lazy::force(&default.0), &Int(42));
        let number: LazyNumber = "12".parse().unwrap();
        assert_eq!(*Lazy::force(&number.0), 12);
        assert!("x".parse::<LazyNumber>().is_err());
        assert_eq!(Any::<Int>::kind(), "constant");
        assert_eq!(Boxed::kind(), "constant");
        assert!(Any::<Int>::same(
            &Any::create("ab"),
            &Any(Lazy::new(|| Int(2)))
        ));
        assert!(Boxed::same(
            &Boxed::create("a"),
            &Boxed::parse("1").unwrap()
        ));
    }
}
