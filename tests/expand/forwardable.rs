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
macro_rules ! __lazy_forwardable_Tracker_a88303effdfc8232 { ($ ($ input : tt) *) => { :: lazy_core :: __private :: __forward_impl ! { trait { trait Tracker { fn python_type (& self) -> & 'static str ; fn describe (& self) -> String { } } } derive { $ ($ input) * } } } ; }
#[doc(hidden)]
pub use __lazy_forwardable_Tracker_a88303effdfc8232 as Tracker;
