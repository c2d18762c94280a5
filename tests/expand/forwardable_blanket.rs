// What `#[forwardable(blanket)]` writes beside the trait: the forwarders,
// once, as a blanket impl for every wrapper that implements the hidden
// `Forwards<key>`; and a hidden macro whose first rule implements that
// for a derived wrapper with one `#[realize]` field (bounded as the
// derive's own impl would be), and whose second rule hands any other
// wrapper to the derive's chain, as without `blanket`. The blanket
// impl's signatures name the types as the trait does (`Tag`,
// `BTreeMap`); the hidden macro carries them as the hidden
// supertrait's associated types, for a derive elsewhere.

pub trait Tracker
where
    Self: __lazy_types_Tracker_7d8e22d0a20942f1,
{
    fn python_type(&self) -> &'static str;
    fn call(&mut self, args: &[i64]) -> i64;
    fn describe(&self) -> String {
        format!("{}", self.python_type())
    }
    fn counts(&self, of: &Tag) -> BTreeMap<Tag, u32>;
}
#[doc(hidden)]
pub trait __lazy_types_Tracker_7d8e22d0a20942f1 {
    type __lazy_0_7d8e22d0a20942f1<'__lazy_l>: ?::core::marker::Sized
    where
        Self: ::core::marker::Sized;
    type __lazy_1_7d8e22d0a20942f1<'__lazy_l>: ?::core::marker::Sized
    where
        Self: ::core::marker::Sized;
}
impl<__LazyX_7d8e22d0a20942f1: ?::core::marker::Sized> __lazy_types_Tracker_7d8e22d0a20942f1
    for __LazyX_7d8e22d0a20942f1
{
    type __lazy_0_7d8e22d0a20942f1<'__lazy_l>
        = <fn(&'__lazy_l ()) -> *const Tag as ::lazy_core::__private::Elided>::Out
    where
        Self: ::core::marker::Sized;
    type __lazy_1_7d8e22d0a20942f1<'__lazy_l>
        = <fn(&'__lazy_l ()) -> *const BTreeMap<Tag, u32> as ::lazy_core::__private::Elided>::Out
    where
        Self: ::core::marker::Sized;
}
#[doc(hidden)]
#[automatically_derived]
#[diagnostic::do_not_recommend]
impl<__LazyWrapper> Tracker for __LazyWrapper
where
    __LazyWrapper: ::lazy_core::__private::Forwards<13917227541727830499>
        + ::lazy_core::Realize
        + ::lazy_core::RealizeMut,
    <__LazyWrapper as ::lazy_core::Realize>::Target: Tracker,
{
    fn python_type(&self) -> &'static str {
        Tracker::python_type(::lazy_core::Realize::realize(self))
    }
    fn call(&mut self, __arg0: &[i64]) -> i64 {
        Tracker::call(::lazy_core::RealizeMut::realize_mut(self), __arg0)
    }
    fn describe(&self) -> String {
        Tracker::describe(::lazy_core::Realize::realize(self))
    }
    fn counts(&self, __arg0: &Tag) -> BTreeMap<Tag, u32> {
        Tracker::counts(::lazy_core::Realize::realize(self), __arg0)
    }
}
#[doc(hidden)]
#[macro_export]
macro_rules ! __lazy_forwardable_Tracker_7d8e22d0a20942f1 { (fast = [{ fast ; $ (callee = $ __link : ident ;) ? self = $ __self : ty ; path = { $ ($ __path : tt) * } ; call = $ __call : ident ; realize = $ __realize : path ; realize_mut = $ __realize_mut : path ; into_realized = $ __into_realized : path ; target = $ __target : ty ; bounds = { $ ($ __b0 : tt) * } { $ ($ __b1 : tt) * } { $ ($ __b2 : tt) * } ; deref = $ __deref : ident ; next_step = $ __next_step : literal ; next = { $ ($ __next : tt) * } } $ ($ __rest : tt) *] step = $ __step : literal ; needs = [$ __mut : ident $ __into : ident] ; $ ($ __state : tt) *) => { # [automatically_derived] # [doc (hidden)] impl :: lazy_core :: __private :: Forwards < 13917227541727830499 > for $ __self where $ ($ __b1) * $ __target : $ ($ __path) * , { } $ ($ __next) *! { fast = [$ ($ __rest) *] step = $ __next_step ; needs = [yes $ __into] ; $ ($ __state) * } } ; (fast = [{ generic ; lend = $ __lend : ident ; names = { $ ($ __names : tt) * } ; callee = $ __callee : ident ; impl = { $ ($ __impl : tt) * } ; where = { $ ($ __where : tt) * } ; self = $ __self : ty ; path = { $ ($ __path : tt) * } ; call = $ __call : ident ; realize = $ __realize : path ; realize_mut = $ __realize_mut : path ; into_realized = $ __into_realized : path ; target = $ __target : ty ; bounds = { $ ($ __b0 : tt) * } { $ ($ __b1 : tt) * } { $ ($ __b2 : tt) * } ; deref = $ __deref : ident ; next_step = $ __next_step : literal ; next = { $ ($ __next : tt) * } } $ ($ __rest : tt) *] step = $ __step : literal ; needs = [$ __mut : ident $ __into : ident] ; $ ($ __state : tt) *) => { # [automatically_derived] # [doc (hidden)] impl $ ($ __impl) * :: lazy_core :: __private :: Forwards < 13917227541727830499 > for $ __self where $ ($ __where) * { } $ ($ __next) *! { fast = [$ ($ __rest) *] step = $ __next_step ; needs = [yes $ __into] ; $ ($ __state) * } } ; ($ ($ input : tt) *) => { :: lazy_core :: __private :: __forward_impl ! { trait { trait Tracker { fn python_type (& self) -> & 'static str ; fn call (& mut self , args : & [i64]) -> i64 ; fn describe (& self) -> :: lazy_core :: __private :: String { } fn counts (& self , of : & Self :: __lazy_0_7d8e22d0a20942f1 < '_ >) -> Self :: __lazy_1_7d8e22d0a20942f1 < '_ > ; } } derive { $ ($ input) * } } } ; }
#[doc(hidden)]
pub use __lazy_forwardable_Tracker_7d8e22d0a20942f1 as Tracker;
