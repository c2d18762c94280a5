//! Types in a trait's signatures resolve where the trait is defined: a derive
//! in another module compiles without the trait module's imports, private
//! imports and its own `Result` alias included, and the trait stays
//! dyn-compatible exactly when it was.

mod common;

use lazy_core::{Lazy, RealizeForward};

#[allow(unknown_lints, mismatched_lifetime_syntaxes)] // `Cow<str>`: a path that leaves its lifetime out
mod model {
    // Private imports and aliases: none of them is visible, or means the
    // same, where the wrappers below are derived.
    use self::private::Tag;
    use std::borrow::Cow;
    use std::collections::BTreeMap;
    use std::fmt::{self, Formatter};

    mod private {
        #[derive(Debug, Clone, PartialEq)]
        pub struct Tag(pub u32);
    }

    #[derive(Debug, PartialEq)]
    pub struct ModelError;

    /// The module's own `Result`.
    pub type Result<T> = std::result::Result<T, ModelError>;

    /// A length that only this module names.
    const WIDTH: usize = 2;

    /// Dyn-compatible.
    #[lazy_core::forwardable]
    pub trait Catalog {
        fn entries(&self) -> BTreeMap<String, u32>;
        fn tag(&self, key: &str) -> Result<Tag>;
        fn tags(&self) -> Option<Vec<Tag>>;
        fn pair(&self) -> (Tag, [Tag; WIDTH]);
        fn put(&mut self, entries: BTreeMap<String, u32>, tags: &[Tag]) -> usize;
        /// A path with a lifetime left out, in an argument and in the result.
        fn show(&self, f: &mut Formatter) -> fmt::Result;
        /// `'static` means the same anywhere.
        fn title(&self) -> Cow<'static, str>;
        fn name(&self) -> Cow<str>;
        /// Nothing to elide the result's lifetime from.
        fn into_entries(self) -> BTreeMap<String, u32>
        where
            Self: Sized;
        fn tag_iter(&self) -> Box<dyn Iterator<Item = Tag> + '_>;
        fn count_tags(&self, tags: &mut dyn Iterator<Item = Tag>) -> usize;
        fn has_default(&self) -> Tag {
            Tag(99)
        }
    }

    /// Not dyn-compatible (a const, a generic method, `impl Trait`).
    #[lazy_core::forwardable]
    pub trait Shelf {
        /// Of a private type.
        const FIRST: Tag;
        /// A generic method; `T` itself resolves anywhere.
        fn first_of<T: Clone>(&self, items: &[T], _tag: Tag) -> Option<T>;
        fn tag_stream(&self) -> impl Iterator<Item = Tag>;
        /// A named receiver lifetime: the carried result's `'_` is it.
        fn named<'a>(&'a self, key: &'a str) -> Tag;
        /// Precise captures that leave out the receiver's lifetime.
        fn captured(&self) -> impl Iterator<Item = Tag> + use<Self>;
        /// By value, beside a borrowed argument: a result that holds the
        /// wrapper and leaves a lifetime out, which is the argument's.
        fn split_at(self, key: &str) -> std::result::Result<Self, Cow<str>>
        where
            Self: Sized;
        /// By value beside a `fn` pointer, whose `&` is its own: no
        /// lifetime for the result to take.
        fn checked_by(self, ok: fn(&str) -> bool) -> Result<Self>
        where
            Self: Sized;
        /// By value beside a named lifetime: the result takes it by name.
        #[allow(clippy::needless_lifetimes)] // the name is what is tested
        fn keyed<'k>(self, key: &'k str) -> Result<Self>
        where
            Self: Sized;
    }

    pub struct Store {
        pub entries: BTreeMap<String, u32>,
    }

    pub fn store() -> Store {
        let mut entries = BTreeMap::new();
        entries.insert("a".to_string(), 1);
        Store { entries }
    }

    impl Shelf for Store {
        const FIRST: Tag = Tag(1);
        fn first_of<T: Clone>(&self, items: &[T], _tag: Tag) -> Option<T> {
            items.first().cloned()
        }
        fn tag_stream(&self) -> impl Iterator<Item = Tag> {
            vec![Tag(5)].into_iter()
        }
        fn named<'a>(&'a self, key: &'a str) -> Tag {
            Tag(key.len() as u32)
        }
        fn captured(&self) -> impl Iterator<Item = Tag> + use<> {
            std::iter::once(Tag(6))
        }
        fn checked_by(self, ok: fn(&str) -> bool) -> Result<Self> {
            if self.entries.keys().all(|key| ok(key)) {
                Ok(self)
            } else {
                Err(ModelError)
            }
        }
        #[allow(clippy::needless_lifetimes)]
        fn keyed<'k>(self, key: &'k str) -> Result<Self> {
            if self.entries.contains_key(key) {
                Ok(self)
            } else {
                Err(ModelError)
            }
        }
        fn split_at(self, key: &str) -> std::result::Result<Self, Cow<str>> {
            match key.split_once('=') {
                Some((key, _)) if self.entries.contains_key(key) => Ok(self),
                Some((key, _)) => Err(Cow::Borrowed(key)),
                None => Err(Cow::Owned(format!("no `=` in {key}"))),
            }
        }
    }

    impl Catalog for Store {
        fn entries(&self) -> BTreeMap<String, u32> {
            self.entries.clone()
        }
        fn tag(&self, key: &str) -> Result<Tag> {
            self.entries.get(key).map(|v| Tag(*v)).ok_or(ModelError)
        }
        fn tags(&self) -> Option<Vec<Tag>> {
            Some(self.entries.values().map(|v| Tag(*v)).collect())
        }
        fn pair(&self) -> (Tag, [Tag; WIDTH]) {
            (Tag(0), [Tag(1), Tag(2)])
        }
        fn put(&mut self, entries: BTreeMap<String, u32>, tags: &[Tag]) -> usize {
            self.entries.extend(entries);
            self.entries.len() + tags.len()
        }
        fn show(&self, f: &mut Formatter) -> fmt::Result {
            write!(f, "{} entries", self.entries.len())
        }
        fn title(&self) -> Cow<'static, str> {
            Cow::Borrowed("title")
        }
        fn name(&self) -> Cow<str> {
            Cow::Borrowed("store")
        }
        fn into_entries(self) -> BTreeMap<String, u32> {
            self.entries
        }
        fn tag_iter(&self) -> Box<dyn Iterator<Item = Tag> + '_> {
            Box::new(self.entries.values().map(|v| Tag(*v)))
        }
        fn count_tags(&self, tags: &mut dyn Iterator<Item = Tag>) -> usize {
            tags.count()
        }
    }

    pub fn tag(n: u32) -> Tag {
        Tag(n)
    }

    impl fmt::Display for Store {
        fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
            Catalog::show(self, f)
        }
    }
}

// What the derives write names its lifetimes as the trait does (a `'_`
// for a named `'k` is this lint's).
#[allow(unknown_lints)]
#[deny(mismatched_lifetime_syntaxes)]
mod elsewhere {
    //! No import of `BTreeMap`, `Tag`, `Formatter` or `Cow`, and `Result` is
    //! std's here.

    use super::{Lazy, RealizeForward};
    use crate::model::{self, Catalog};
    use lazy_core::FromRealized;

    #[derive(RealizeForward, FromRealized)]
    #[realize_forward(Catalog, model::Shelf)]
    pub struct LazyStore(#[realize] pub Lazy<model::Store>);

    /// `except(...)`: the forwarder that calls the wrapper's own `entries`
    /// has the carried signature too.
    #[derive(RealizeForward)]
    #[realize_forward(Catalog, except(entries))]
    pub struct Excepted(#[realize] pub Lazy<model::Store>);

    impl Excepted {
        pub fn entries(&self) -> std::collections::BTreeMap<String, u32> {
            [("own".to_string(), 0)].into()
        }
    }

    /// An enum forwards through the same carried types: `Self` is the enum,
    /// which implements the hidden supertrait too.
    #[derive(RealizeForward)]
    #[realize_forward(Catalog, model::Shelf)]
    pub enum AnyStore {
        Ready(model::Store),
        Later(#[realize] Lazy<model::Store>),
    }

    pub fn lazy_store() -> LazyStore {
        LazyStore(Lazy::new(model::store))
    }

    pub struct Shown<'a>(pub &'a LazyStore);

    impl std::fmt::Display for Shown<'_> {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            self.0.show(f)
        }
    }
}

#[test]
fn a_derive_elsewhere_forwards_types_it_does_not_import() {
    use model::{Catalog, Shelf};
    let mut lazy = elsewhere::lazy_store();
    assert!(!Lazy::is_realized(&lazy.0));
    assert_eq!(lazy.entries().get("a"), Some(&1));
    assert_eq!(lazy.tag("a"), Ok(model::tag(1)));
    assert_eq!(lazy.tag("b"), Err(model::ModelError));
    assert_eq!(lazy.tags(), Some(vec![model::tag(1)]));
    assert_eq!(lazy.pair().1, [model::tag(1), model::tag(2)]);
    let more: std::collections::BTreeMap<String, u32> = [("b".to_string(), 2)].into();
    assert_eq!(lazy.put(more, &[model::tag(3)]), 3);
    assert_eq!(elsewhere::Shown(&lazy).to_string(), "2 entries");
    assert_eq!(lazy.title(), "title");
    assert_eq!(lazy.name(), "store");
    assert_eq!(lazy.first_of(&[4, 5], model::tag(0)), Some(4));
    assert_eq!(lazy.tag_iter().count(), 2);
    assert_eq!(lazy.tag_stream().next(), Some(model::tag(5)));
    assert_eq!(lazy.named("abc"), model::tag(3));
    assert_eq!(lazy.captured().next(), Some(model::tag(6)));
    assert_eq!(lazy.count_tags(&mut vec![model::tag(1)].into_iter()), 1);
    assert_eq!(lazy.has_default(), model::tag(99));
    assert_eq!(
        <elsewhere::LazyStore as Shelf>::FIRST,
        <model::Store as Shelf>::FIRST
    );
    assert_eq!(lazy.into_entries().len(), 2);
}

#[test]
fn a_by_value_result_that_holds_the_wrapper_takes_the_arguments_lifetime() {
    use model::Shelf;
    let text = String::from("b=2");
    let error = elsewhere::lazy_store().split_at(&text).err();
    assert_eq!(error.as_deref(), Some("b"));
    let kept = elsewhere::lazy_store()
        .split_at("a=1")
        .expect("`a` is there");
    assert!(Lazy::is_realized(&kept.0), "built back already realized");
    let later = elsewhere::AnyStore::Later(Lazy::new(model::store));
    assert!(matches!(
        later.split_at("a=1"),
        Ok(elsewhere::AnyStore::Later(_))
    ));
    let short = |key: &str| key.len() == 1;
    assert!(elsewhere::lazy_store().checked_by(short).is_ok());
    assert_eq!(
        elsewhere::lazy_store()
            .checked_by(|key| key.is_empty())
            .err(),
        Some(model::ModelError)
    );
    let key = String::from("a");
    assert!(elsewhere::lazy_store().keyed(&key).is_ok());
    assert!(elsewhere::lazy_store().keyed("b").is_err());
}

#[test]
fn an_enum_elsewhere_forwards_types_it_does_not_import() {
    use model::{Catalog, Shelf};
    let mut later = elsewhere::AnyStore::Later(Lazy::new(model::store));
    let ready = elsewhere::AnyStore::Ready(model::store());
    assert_eq!(later.entries(), ready.entries());
    assert_eq!(later.tag("a"), Ok(model::tag(1)));
    assert_eq!(ready.tag("b"), Err(model::ModelError));
    assert_eq!(later.tag_stream().next(), Some(model::tag(5)));
    assert_eq!(ready.first_of(&[4, 5], model::tag(0)), Some(4));
    let more: std::collections::BTreeMap<String, u32> = [("b".to_string(), 2)].into();
    assert_eq!(later.put(more, &[model::tag(3)]), 3);
    assert_eq!(later.into_entries().len(), 2);
}

#[test]
fn an_except_forwarder_has_the_carried_signature() {
    use model::Catalog;
    let excepted = elsewhere::Excepted(Lazy::new(model::store));
    assert_eq!(Catalog::entries(&excepted).len(), 1);
    assert!(Catalog::entries(&excepted).contains_key("own"));
    assert!(!Lazy::is_realized(&excepted.0));
}

#[test]
fn the_trait_stays_dyn_compatible() {
    use model::Catalog;
    let boxed: Box<dyn Catalog> = Box::new(elsewhere::lazy_store());
    assert_eq!(boxed.entries().len(), 1);
    let hand: Box<dyn Catalog> = Box::new(model::store());
    assert_eq!(hand.tag("a"), Ok(model::tag(1)));
}

/// Other shapes of trait: generic, with a lifetime, GATs, async, cfg'd and
/// deprecated items, a forwardable supertrait with carried types of its own.
#[allow(unknown_lints, mismatched_lifetime_syntaxes)]
mod shapes {
    use self::private::Tag;
    use std::collections::BTreeMap;

    mod private {
        #[derive(Debug, Clone, PartialEq)]
        pub struct Tag(pub u32);
    }

    pub fn tag(n: u32) -> Tag {
        Tag(n)
    }

    /// A trait parameter: `BTreeMap<K, Tag>` names it, and resolves where the
    /// derive is written (imported there); `Tag` alone is carried.
    #[lazy_core::forwardable]
    pub trait Keyed<K: Ord + Clone> {
        fn key_tag(&self, key: K) -> Tag;
        fn by_key(&self, key: K) -> std::collections::BTreeMap<K, Tag>;
    }

    /// A lifetime parameter, a GAT and an associated type with bounds.
    #[lazy_core::forwardable]
    pub trait Source<'src> {
        type Item<'a>
        where
            Self: 'a;
        fn text(&self) -> &'src str;
        fn items<'a>(&'a self) -> Self::Item<'a>;
        fn tag_of(&self, text: &'src str) -> Tag;
    }

    /// The supertrait: its own carried types.
    #[lazy_core::forwardable]
    pub trait Base {
        fn base(&self) -> Tag;
    }

    #[lazy_core::forwardable]
    pub trait Derived: Base {
        fn derived(&self) -> BTreeMap<u32, Tag>;
        #[allow(async_fn_in_trait)]
        async fn later(&self) -> Tag;
        #[cfg(not(test))]
        fn never(&self) -> NotAType;
        fn cfg_param(&self, #[cfg(test)] tag: Tag, #[cfg(not(test))] gone: NotAType) -> Tag;
        #[deprecated = "use `derived`"]
        fn old(&self) -> Tag;
    }

    #[deprecated = "a deprecated trait"]
    #[lazy_core::forwardable]
    pub trait Old {
        fn old_tag(&self) -> Tag;
    }

    pub struct Real(pub u32, pub String);

    impl<K: Ord + Clone> Keyed<K> for Real {
        fn key_tag(&self, _: K) -> Tag {
            Tag(self.0)
        }
        fn by_key(&self, key: K) -> BTreeMap<K, Tag> {
            [(key, Tag(self.0))].into()
        }
    }

    impl Source<'static> for Real {
        type Item<'a> = &'a str;
        fn text(&self) -> &'static str {
            "static"
        }
        fn items(&self) -> &str {
            &self.1
        }
        fn tag_of(&self, text: &'static str) -> Tag {
            Tag(text.len() as u32)
        }
    }

    impl Base for Real {
        fn base(&self) -> Tag {
            Tag(self.0 + 1)
        }
    }

    #[allow(deprecated)]
    impl Derived for Real {
        fn derived(&self) -> BTreeMap<u32, Tag> {
            [(self.0, Tag(self.0))].into()
        }
        async fn later(&self) -> Tag {
            Tag(self.0 + 2)
        }
        fn cfg_param(&self, #[cfg(test)] tag: Tag, #[cfg(not(test))] gone: NotAType) -> Tag {
            tag
        }
        fn old(&self) -> Tag {
            Tag(0)
        }
    }

    #[allow(deprecated)]
    impl Old for Real {
        fn old_tag(&self) -> Tag {
            Tag(7)
        }
    }
}

mod shapes_elsewhere {
    #![allow(deprecated)]

    use super::{Lazy, RealizeForward};
    use crate::shapes::{self, Base, Derived, Keyed, Old, Source};

    #[derive(RealizeForward)]
    #[realize_forward(Keyed, Source<'static>, Base, Derived, Old)]
    pub struct LazyReal(#[realize] pub Lazy<shapes::Real>);

    /// A generic wrapper takes the derive's slower path: the same types.
    #[derive(RealizeForward)]
    #[realize_forward(Keyed<K>, Base, Derived)]
    pub struct LazyGeneric<K: Ord + Clone>(
        #[realize] pub Lazy<shapes::Real>,
        pub std::marker::PhantomData<K>,
    );
}

#[test]
fn generic_traits_lifetimes_gats_supertraits_cfg_and_deprecated_items() {
    #![allow(deprecated)]
    use shapes::{Base, Derived, Keyed, Old, Source};
    let lazy = shapes_elsewhere::LazyReal(Lazy::new(|| shapes::Real(3, "abc".to_string())));
    assert_eq!(lazy.key_tag("k"), shapes::tag(3));
    assert_eq!(lazy.by_key(1u8)[&1], shapes::tag(3));
    assert_eq!(lazy.text(), "static");
    assert_eq!(lazy.items(), "abc");
    assert_eq!(lazy.tag_of("four"), shapes::tag(4));
    assert_eq!(lazy.base(), shapes::tag(4));
    assert_eq!(lazy.derived()[&3], shapes::tag(3));
    assert_eq!(lazy.cfg_param(shapes::tag(9)), shapes::tag(9));
    assert_eq!(lazy.old(), shapes::tag(0));
    assert_eq!(lazy.old_tag(), shapes::tag(7));
    use std::future::Future;
    let later = std::pin::pin!(lazy.later());
    let std::task::Poll::Ready(tag) =
        later.poll(&mut std::task::Context::from_waker(std::task::Waker::noop()))
    else {
        panic!("ready at once");
    };
    assert_eq!(tag, shapes::tag(5));

    let generic = shapes_elsewhere::LazyGeneric::<u8>(
        Lazy::new(|| shapes::Real(1, String::new())),
        Default::default(),
    );
    assert_eq!(generic.key_tag(2u8), shapes::tag(1));
    assert_eq!(generic.base(), shapes::tag(2));
}

/// An item's own lint levels cover its carried types: under
/// `deny(deprecated)`, a method that allows its deprecated result type
/// compiles (its carried copy is allowed too), and so does the derive.
#[deny(deprecated)]
mod lint_levels {
    #[deprecated = "a test"]
    pub struct OldTag(pub u8);

    #[lazy_core::forwardable]
    pub trait Tagged {
        #[allow(deprecated)]
        fn old_tag(&self) -> OldTag;
        #[expect(deprecated)]
        fn expected(&self) -> OldTag;
    }

    #[allow(deprecated)]
    impl Tagged for u8 {
        fn old_tag(&self) -> OldTag {
            OldTag(*self)
        }
        fn expected(&self) -> OldTag {
            OldTag(*self + 1)
        }
    }

    #[derive(lazy_core::RealizeForward)]
    #[realize_forward(Tagged)]
    pub struct LazyTagged(#[realize] pub lazy_core::Lazy<u8>);

    #[allow(deprecated)]
    impl Tagged for OldTag {
        fn old_tag(&self) -> OldTag {
            OldTag(self.0)
        }
        fn expected(&self) -> OldTag {
            OldTag(self.0 + 1)
        }
    }

    #[allow(deprecated)]
    impl lazy_core::RealizeAll for OldTag {
        fn realize_all(&self) {}
    }

    // A field of a deprecated type that the struct or the field allows: the
    // derives' impls copy the type (into bounds, `Target`, `FromRealized`)
    // and carry the user's `allow`s with it.
    #[allow(deprecated)]
    #[derive(lazy_core::RealizeForward, lazy_core::FromRealized, lazy_core::RealizeAll)]
    #[realize_forward(Tagged)]
    pub struct LazyOld(#[realize] pub lazy_core::Lazy<OldTag>);

    #[derive(lazy_core::RealizeForward, lazy_core::RealizeAll)]
    #[realize_forward(Tagged)]
    pub enum AnyOld {
        Built(#[allow(deprecated)] OldTag),
        Later(
            #[allow(deprecated)]
            #[realize]
            lazy_core::Lazy<OldTag>,
        ),
    }
}

#[test]
fn an_items_lint_levels_cover_its_carried_types() {
    use lint_levels::Tagged;
    let lazy = lint_levels::LazyTagged(Lazy::new(|| 4));
    #[allow(deprecated)]
    let (old, expected) = (lazy.old_tag().0, lazy.expected().0);
    assert_eq!((old, expected), (4, 5));
    #[allow(deprecated)]
    {
        let lazy = lint_levels::LazyOld(Lazy::new(|| lint_levels::OldTag(7)));
        assert_eq!(lazy.expected().0, 8);
        let built = lint_levels::AnyOld::Built(lint_levels::OldTag(1));
        let later = lint_levels::AnyOld::Later(Lazy::new(|| lint_levels::OldTag(2)));
        assert_eq!((built.old_tag().0, later.old_tag().0), (1, 2));
    }
}

/// A type less visible than its trait (rustc's `private_interfaces` warns)
/// cannot be carried: where that lint is allowed, on the trait or on the
/// item, the item's types resolve at the derive, as before.
mod less_visible {
    pub(crate) struct Secret(pub u8);

    #[allow(private_interfaces)]
    #[lazy_core::forwardable]
    pub trait Whole {
        fn secret(&self) -> Secret;
    }

    #[lazy_core::forwardable]
    pub trait PerItem {
        #[allow(private_interfaces)]
        fn secret_too(&self) -> Secret;
    }

    impl Whole for u8 {
        fn secret(&self) -> Secret {
            Secret(*self)
        }
    }

    impl PerItem for u8 {
        fn secret_too(&self) -> Secret {
            Secret(*self + 1)
        }
    }
}

mod less_visible_elsewhere {
    use super::Lazy;
    use crate::less_visible::{PerItem, Secret, Whole};

    #[derive(lazy_core::RealizeForward)]
    #[realize_forward(Whole, PerItem)]
    pub struct LazySecret(#[realize] pub Lazy<u8>);

    pub fn secrets(lazy: &LazySecret) -> (Secret, Secret) {
        (lazy.secret(), lazy.secret_too())
    }
}

#[test]
fn a_less_visible_type_resolves_at_the_derive_where_its_lint_is_allowed() {
    let lazy = less_visible_elsewhere::LazySecret(Lazy::new(|| 1));
    let (a, b) = less_visible_elsewhere::secrets(&lazy);
    assert_eq!((a.0, b.0), (1, 2));
}

/// The prelude's names in a signature are std's at both ends: a module with
/// its own `Option`, `Vec`, `Box` and `String` derives the trait all the same.
mod prelude_names {
    #[lazy_core::forwardable]
    pub trait Bare {
        fn get(&self) -> Option<u8>;
        fn all(&self) -> Vec<String>;
        fn boxed(&self) -> Box<[u8]>;
    }

    impl Bare for u8 {
        fn get(&self) -> Option<u8> {
            Some(*self)
        }
        fn all(&self) -> Vec<String> {
            vec![self.to_string()]
        }
        fn boxed(&self) -> Box<[u8]> {
            Box::new([*self])
        }
    }

    pub mod shadowed {
        #![allow(dead_code)]
        pub struct Option;
        pub struct Vec;
        pub struct Box;
        pub struct String;

        #[derive(lazy_core::RealizeForward)]
        #[realize_forward(super::Bare)]
        pub struct W(#[realize] pub lazy_core::Lazy<u8>);

        #[derive(lazy_core::RealizeForward)]
        #[realize_forward(super::Bare)]
        pub enum E {
            Ready(u8),
            Later(#[realize] lazy_core::Lazy<u8>),
        }
    }
}

#[test]
fn prelude_names_in_signatures_are_stds_at_the_derive_too() {
    use prelude_names::Bare;
    use prelude_names::shadowed::{E, W};
    let lazy = W(lazy_core::Lazy::new(|| 3));
    assert_eq!(lazy.get(), Some(3));
    assert_eq!(lazy.all(), vec!["3".to_string()]);
    assert_eq!(*lazy.boxed(), [3]);
    assert_eq!(E::Later(lazy_core::Lazy::new(|| 4)).get(), Some(4));
    assert_eq!(E::Ready(5).all()[0].as_str(), "5");
}

/// An `async fn` or an `impl Trait` result captures its arguments'
/// lifetimes: a carried argument's `'_` was one lifetime parameter more
/// than the trait's method has (E0195 at every derive but `blanket`). Such
/// arguments are not carried: they resolve at the derive, here the trait's
/// own module.
mod capturing {
    use lazy_core::{Lazy, RealizeForward, forwardable};

    pub struct Key(pub u8);

    #[forwardable]
    pub trait Fetch {
        async fn put(&self, key: Key) -> u8;
        fn all(&self, key: Option<&Key>) -> impl Iterator<Item = u8> + '_;
    }

    pub struct Store(u8);

    impl Fetch for Store {
        async fn put(&self, key: Key) -> u8 {
            self.0 + key.0
        }
        fn all(&self, key: Option<&Key>) -> impl Iterator<Item = u8> + '_ {
            key.map(|key| key.0 + self.0).into_iter()
        }
    }

    /// Without `async`, the trait takes the fast reader (`scan`), which
    /// leaves such arguments alike.
    #[forwardable]
    pub trait Listing {
        fn keys(&self, first: Key) -> impl Iterator<Item = u8> + '_;
    }

    impl Listing for Store {
        fn keys(&self, first: Key) -> impl Iterator<Item = u8> + '_ {
            [first.0, self.0].into_iter()
        }
    }

    #[derive(RealizeForward)]
    #[realize_forward(Fetch, Listing)]
    pub struct LazyStore(#[realize] Lazy<Store>);

    #[test]
    fn async_and_impl_trait_methods_take_the_modules_types() {
        let store = LazyStore(Lazy::new(|| Store(10)));
        let mut put = std::pin::pin!(store.put(Key(1)));
        let waker = std::task::Waker::noop();
        let polled = put
            .as_mut()
            .poll(&mut std::task::Context::from_waker(waker));
        assert_eq!(polled, std::task::Poll::Ready(11));
        assert_eq!(store.all(Some(&Key(2))).collect::<Vec<u8>>(), vec![12]);
        assert_eq!(store.keys(Key(3)).collect::<Vec<u8>>(), vec![3, 10]);
    }
}

/// A path whose later name is spelled like a parameter of the trait or the
/// method (`io::Error` beside `Sink<Error>`, `self::Tag` beside `<Tag>`) names
/// a type of the trait's module, not the parameter: it is carried.
mod names_like_a_parameter {
    pub mod sink {
        use std::io;

        pub struct Tag(pub u8);

        #[lazy_core::forwardable]
        pub trait Sink<Error> {
            fn send(&mut self, item: u8) -> Result<(), Error>;
            fn last_io_error(&self) -> Option<io::Error>;
            fn tag<Tag: Default>(&self) -> (Tag, self::Tag);
            fn absolute(&self) -> ::std::io::ErrorKind;
        }

        pub struct File;

        impl Sink<String> for File {
            fn send(&mut self, item: u8) -> Result<(), String> {
                Err(format!("{item}"))
            }
            fn last_io_error(&self) -> Option<io::Error> {
                Some(io::Error::other("closed"))
            }
            fn tag<Tag: Default>(&self) -> (Tag, self::Tag) {
                (Tag::default(), self::Tag(7))
            }
            fn absolute(&self) -> ::std::io::ErrorKind {
                ::std::io::ErrorKind::Other
            }
        }
    }

    pub mod elsewhere {
        use lazy_core::{Lazy, RealizeForward};

        #[derive(RealizeForward)]
        #[realize_forward(super::sink::Sink<String>)]
        pub struct LazyFile(#[realize] pub Lazy<super::sink::File>);

        #[derive(RealizeForward)]
        #[realize_forward(super::sink::Sink)]
        pub enum AnyFile {
            Ready(super::sink::File),
            Later(#[realize] Lazy<super::sink::File>),
        }
    }

    #[test]
    fn forwarded_from_another_module() {
        use sink::Sink;
        let mut file = elsewhere::LazyFile(lazy_core::Lazy::new(|| sink::File));
        assert_eq!(file.send(3), Err(String::from("3")));
        assert_eq!(
            file.last_io_error().map(|e| e.to_string()).as_deref(),
            Some("closed")
        );
        let (plain, carried): (u8, sink::Tag) = file.tag();
        assert_eq!((plain, carried.0), (0, 7));
        assert_eq!(file.absolute(), std::io::ErrorKind::Other);
        let mut any = elsewhere::AnyFile::Later(lazy_core::Lazy::new(|| sink::File));
        assert_eq!(Sink::<String>::send(&mut any, 4), Err(String::from("4")));
        assert!(Sink::<String>::last_io_error(&any).is_some());
        let ready = elsewhere::AnyFile::Ready(sink::File);
        assert_eq!(Sink::<String>::absolute(&ready), std::io::ErrorKind::Other);
    }
}

/// A path whose one argument is `'_` resolves where the derive is written:
/// carried, a less visible type in it would be the hidden supertrait's,
/// which rustc refuses (E0446), and a wrapper whose last field is unsized
/// could not implement it (its associated types ask `Self: Sized`).
mod elided_paths_stay_written {
    pub(crate) struct Ctx<'a>(pub std::cell::Cell<&'a u8>);

    #[lazy_core::forwardable]
    pub trait Visit {
        fn visit(&self, cx: &mut Ctx<'_>) -> u8;
    }

    pub struct Real;
    impl Visit for Real {
        fn visit(&self, cx: &mut Ctx<'_>) -> u8 {
            cx.0.get() + 1
        }
    }

    #[derive(lazy_core::RealizeForward)]
    #[realize_forward(Visit)]
    pub struct LazyVisit(#[realize] pub lazy_core::Lazy<Real>);

    #[derive(lazy_core::RealizeForward)]
    #[realize_forward(Visit)]
    pub struct Tail<T: ?Sized>(#[realize] pub lazy_core::Lazy<Real>, pub T);

    #[test]
    fn a_private_context_type_and_an_unsized_tail() {
        let lazy = LazyVisit(lazy_core::Lazy::new(|| Real));
        let one = 1;
        assert_eq!(lazy.visit(&mut Ctx(std::cell::Cell::new(&one))), 2);
        let tail: &Tail<[u8]> = &Tail(lazy_core::Lazy::new(|| Real), [1, 2]);
        assert_eq!(tail.visit(&mut Ctx(std::cell::Cell::new(&one))), 2);
        assert_eq!(tail.1.len(), 2);
    }
}
