// What `#[forwardable(blanket)]` writes beside the trait: the forwarders,
// once, as a blanket impl for every wrapper that implements the hidden
// `Forwards<key>`; and a hidden macro whose first rule implements that
// for a derived wrapper with one `#[realize]` field (bounded as the
// derive's own impl would be), and whose second rule hands any other
// wrapper to the derive's chain, as without `blanket`.

pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn call(&mut self, args: &[i64]) -> i64;
    fn describe(&self) -> String {
        format!("{}", self.python_type())
    }
}
#[doc(hidden)]
#[automatically_derived]
#[diagnostic::do_not_recommend]
impl<__LazyWrapper> Tracker for __LazyWrapper
where
    __LazyWrapper: ::lazy_core::__private::Forwards<1919197938331424821>
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
    fn describe(&self) -> ::lazy_core::__private::String {
        Tracker::describe(::lazy_core::Realize::realize(self))
    }
}
#[doc(hidden)]
#[macro_export]
macro_rules ! __lazy_forwardable_Tracker_4c7de1e377ee133d { (step = $ __step : literal ; needs = [$ ($ __needs : ident) *] ; matched = [$ ($ __matched : literal) *] ; site = $ ($ __site : ident) * ; input = $ __input : tt fast = [{ fast ; self = $ __self : ty ; path = { $ ($ __path : tt) * } ; target = $ __target : ty ; bounds = { { $ ($ __b0 : tt) * } { $ ($ __b1 : tt) * } { $ ($ __b2 : tt) * } { $ ($ __b3 : tt) * } } ; deref = $ __deref : ident ; next = { step = $ __next_step : literal ; path = { $ ($ __next : tt) * } } } $ ($ __rest : tt) *]) => { # [automatically_derived] # [doc (hidden)] impl :: lazy_core :: __private :: Forwards < 1919197938331424821 > for $ __self where $ ($ __b1) * $ __target : $ ($ __path) * , { } $ ($ __next) * ! { step = $ __next_step ; needs = [$ ($ __needs) * realize_mut] ; matched = [$ ($ __matched) *] ; site = $ ($ __site) * ; input = $ __input fast = [$ ($ __rest) *] } } ; (step = $ __step : literal ; needs = [$ ($ __needs : ident) *] ; matched = [$ ($ __matched : literal) *] ; site = $ ($ __site : ident) * ; input = $ __input : tt fast = [{ generic ; impl = { $ ($ __impl : tt) * } ; where = { $ ($ __where : tt) * } ; self = $ __self : ty ; path = { $ ($ __path : tt) * } ; target = $ __target : ty ; bounds = { { $ ($ __b0 : tt) * } { $ ($ __b1 : tt) * } { $ ($ __b2 : tt) * } { $ ($ __b3 : tt) * } } ; deref = $ __deref : ident ; next = { step = $ __next_step : literal ; path = { $ ($ __next : tt) * } } } $ ($ __rest : tt) *]) => { # [automatically_derived] # [doc (hidden)] impl $ ($ __impl) * :: lazy_core :: __private :: Forwards < 1919197938331424821 > for $ __self where $ ($ __where) * { } $ ($ __next) * ! { step = $ __next_step ; needs = [$ ($ __needs) * realize_mut] ; matched = [$ ($ __matched) *] ; site = $ ($ __site) * ; input = $ __input fast = [$ ($ __rest) *] } } ; ($ ($ input : tt) *) => { :: lazy_core :: __private :: __forward_impl ! { trait { trait Tracker { fn python_type (& self) -> & 'static str ; fn call (& mut self , args : & [i64]) -> i64 ; fn describe (& self) -> :: lazy_core :: __private :: String { } } } derive { $ ($ input) * } } } ; }
#[doc(hidden)]
pub use __lazy_forwardable_Tracker_4c7de1e377ee133d as Tracker;
