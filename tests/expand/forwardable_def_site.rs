// What `#[forwardable]` writes for a trait whose signatures name types
// that resolve only where it is defined (`BTreeMap`, `fmt`, `Tag`, the
// module's `Result`): a hidden supertrait whose associated types are those
// types, implemented for every type, and the carried signatures name them
// through `Self::`. (`String`, `Vec` and `str` resolve anywhere.)

pub trait Catalog
where
    Self: __lazy_types_Catalog_cdf623d6030f6b1f,
{
    fn entries(&self) -> BTreeMap<String, u32>;
    fn show(&self, f: &mut fmt::Formatter) -> fmt::Result;
    fn tag(&self, key: &str) -> Result<Tag>;
    fn into_tags(self) -> Vec<Tag>
    where
        Self: Sized;
}
#[doc(hidden)]
pub trait __lazy_types_Catalog_cdf623d6030f6b1f {
    type __lazy_0_cdf623d6030f6b1f<'__lazy_l>: ?::core::marker::Sized
    where
        Self: ::core::marker::Sized;
    type __lazy_1_cdf623d6030f6b1f<'__lazy_l>: ?::core::marker::Sized
    where
        Self: ::core::marker::Sized;
    type __lazy_2_cdf623d6030f6b1f<'__lazy_l>: ?::core::marker::Sized
    where
        Self: ::core::marker::Sized;
    type __lazy_3_cdf623d6030f6b1f<'__lazy_l>: ?::core::marker::Sized
    where
        Self: ::core::marker::Sized;
    type __lazy_4_cdf623d6030f6b1f<'__lazy_l>: ?::core::marker::Sized
    where
        Self: ::core::marker::Sized;
}
impl<__LazyX_cdf623d6030f6b1f: ?::core::marker::Sized> __lazy_types_Catalog_cdf623d6030f6b1f
    for __LazyX_cdf623d6030f6b1f
{
    type __lazy_0_cdf623d6030f6b1f<'__lazy_l>
        = <fn(&'__lazy_l ()) -> *const BTreeMap<String, u32> as ::lazy_core::__private::Elided>::Out
    where
        Self: ::core::marker::Sized;
    type __lazy_1_cdf623d6030f6b1f<'__lazy_l>
        = <fn(&'__lazy_l ()) -> *const fmt::Formatter as ::lazy_core::__private::Elided>::Out
    where
        Self: ::core::marker::Sized;
    type __lazy_2_cdf623d6030f6b1f<'__lazy_l>
        = <fn(&'__lazy_l ()) -> *const fmt::Result as ::lazy_core::__private::Elided>::Out
    where
        Self: ::core::marker::Sized;
    type __lazy_3_cdf623d6030f6b1f<'__lazy_l>
        = <fn(&'__lazy_l ()) -> *const Result<Tag> as ::lazy_core::__private::Elided>::Out
    where
        Self: ::core::marker::Sized;
    type __lazy_4_cdf623d6030f6b1f<'__lazy_l>
        = <fn(&'__lazy_l ()) -> *const Tag as ::lazy_core::__private::Elided>::Out
    where
        Self: ::core::marker::Sized;
}
#[doc(hidden)]
#[macro_export]
macro_rules ! __lazy_forwardable_Catalog_cdf623d6030f6b1f { (fast = [{ fast ; callee = $ __callee : ident ; $ ($ __entry : tt) * } $ ($ __rest : tt) *] $ ($ __state : tt) *) => { $ __callee ! { fast = [{ slow } $ ($ __rest) *] $ ($ __state) * } } ; (fast = [{ generic ; lend = $ __lend : ident ; names = $ __names : tt ; callee = $ __callee : ident ; $ ($ __entry : tt) * } $ ($ __rest : tt) *] step = $ __step : literal ; needs = [yes $ __into : ident] ; $ ($ __state : tt) *) => { $ __callee ! { fast = [{ slow } $ ($ __rest) *] step = $ __step ; needs = [yes $ __into] ; $ ($ __state) * } } ; (fast = [{ $ (fast ; $ (callee = $ __link : ident ;) ?) ? $ (generic ; lend = $ __lend : ident ; names = { $ ($ __names : tt) * } ; callee = $ __callee : ident ; impl = { $ ($ __impl : tt) * } ; where = { $ ($ __where : tt) * } ;) ? self = $ __self : ty ; path = { $ ($ __path : tt) * } ; call = $ __call : ident ; realize = $ __realize : path ; realize_mut = $ __realize_mut : path ; into_realized = $ __into_realized : path ; target = $ __target : ty ; bounds = { $ ($ __b0 : tt) * } { $ ($ __b1 : tt) * } { $ ($ __b2 : tt) * } ; deref = no ; next_step = $ __next_step : literal ; next = { $ ($ __next : tt) * } } $ ($ __rest : tt) *] step = $ __step : literal ; needs = [$ __mut : ident $ __into : ident] ; $ ($ __state : tt) *) => { # [automatically_derived] impl $ ($ ($ __impl) *) ? $ ($ __path) * for $ __self where $ ($ ($ __where) *) ? $ ($ __b2) * $ __target : $ ($ __path) * , < Self as :: lazy_core :: Realize > :: Target : :: core :: marker :: Sized , { # [inline] fn entries (& self) -> Self :: __lazy_0_cdf623d6030f6b1f < '_ > { $ __call :: entries ($ __realize (self)) } # [inline] fn show (& self , __arg0 : & mut Self :: __lazy_1_cdf623d6030f6b1f < '_ >) -> Self :: __lazy_2_cdf623d6030f6b1f < '_ > { $ __call :: show ($ __realize (self) , __arg0) } # [inline] fn tag (& self , __arg0 : & str) -> Self :: __lazy_3_cdf623d6030f6b1f < '_ > { $ __call :: tag ($ __realize (self) , __arg0) } # [inline] fn into_tags (self) -> :: lazy_core :: __private :: Vec < Self :: __lazy_4_cdf623d6030f6b1f < 'static > > where Self : Sized { $ __call :: into_tags ($ __into_realized (self)) } } $ ($ __next) *! { fast = [$ ($ __rest) *] step = $ __next_step ; needs = [$ __mut yes] ; $ ($ __state) * } } ; ($ ($ input : tt) *) => { :: lazy_core :: __private :: __forward_impl ! { trait { trait Catalog { fn entries (& self) -> Self :: __lazy_0_cdf623d6030f6b1f < '_ > ; fn show (& self , f : & mut Self :: __lazy_1_cdf623d6030f6b1f < '_ >) -> Self :: __lazy_2_cdf623d6030f6b1f < '_ > ; fn tag (& self , key : & str) -> Self :: __lazy_3_cdf623d6030f6b1f < '_ > ; fn into_tags (self) -> :: lazy_core :: __private :: Vec < Self :: __lazy_4_cdf623d6030f6b1f < 'static > > where Self : Sized ; } } derive { $ ($ input) * } } } ; }
#[doc(hidden)]
pub use __lazy_forwardable_Catalog_cdf623d6030f6b1f as Catalog;
