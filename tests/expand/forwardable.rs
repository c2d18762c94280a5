// What `#[forwardable]` writes beside the trait: a hidden macro that
// carries its items (default bodies emptied), and its re-export under
// the trait's name.

pub trait Tracker {
    fn python_type(&self) -> &'static str;
    fn describe(&self) -> String {
        format!("{}", self.python_type())
    }
}
#[doc(hidden)]
#[macro_export]
macro_rules ! __lazy_forwardable_Tracker_ece55b4baab21e62 { (fast = [{ generic ; lend = $ __lend : ident ; names = $ __names : tt ; callee = $ __callee : ident ; $ ($ __entry : tt) * } $ ($ __rest : tt) *] step = $ __step : literal ; needs = [yes $ __into : ident] ; $ ($ __state : tt) *) => { $ __callee ! { fast = [{ slow } $ ($ __rest) *] step = $ __step ; needs = [yes $ __into] ; $ ($ __state) * } } ; (fast = [{ generic ; lend = $ __lend : ident ; names = $ __names : tt ; callee = $ __callee : ident ; $ ($ __entry : tt) * } $ ($ __rest : tt) *] step = $ __step : literal ; needs = [$ __mut : ident yes] ; $ ($ __state : tt) *) => { $ __callee ! { fast = [{ slow } $ ($ __rest) *] step = $ __step ; needs = [$ __mut yes] ; $ ($ __state) * } } ; (fast = [{ $ (fast ; $ (callee = $ __link : ident ;) ?) ? $ (generic ; lend = $ __lend : ident ; names = { $ ($ __names : tt) * } ; callee = $ __callee : ident ; impl = { $ ($ __impl : tt) * } ; where = { $ ($ __where : tt) * } ;) ? self = $ __self : ty ; path = { $ ($ __path : tt) * } ; call = $ __call : ident ; realize = $ __realize : path ; realize_mut = $ __realize_mut : path ; into_realized = $ __into_realized : path ; target = $ __target : ty ; bounds = { $ ($ __b0 : tt) * } { $ ($ __b1 : tt) * } { $ ($ __b2 : tt) * } ; deref = $ __deref : ident ; next_step = $ __next_step : literal ; next = { $ ($ __next : tt) * } } $ ($ __rest : tt) *] step = $ __step : literal ; needs = [$ __mut : ident $ __into : ident] ; $ ($ __state : tt) *) => { # [automatically_derived] impl $ ($ ($ __impl) *) ? $ ($ __path) * for $ __self where $ ($ ($ __where) *) ? $ ($ __b0) * $ __target : $ ($ __path) * , { # [inline] fn python_type (& self) -> & 'static str { $ __call :: python_type ($ __realize (self)) } # [inline] fn describe (& self) -> :: lazy_core :: __private :: String { $ __call :: describe ($ __realize (self)) } } $ ($ __next) *! { fast = [$ ($ __rest) *] step = $ __next_step ; needs = [$ __mut $ __into] ; $ ($ __state) * } } ; ($ ($ input : tt) *) => { :: lazy_core :: __private :: __forward_impl ! { trait { trait Tracker { fn python_type (& self) -> & 'static str ; fn describe (& self) -> :: lazy_core :: __private :: String { } } } derive { $ ($ input) * } } } ; }
#[doc(hidden)]
pub use __lazy_forwardable_Tracker_ece55b4baab21e62 as Tracker;
