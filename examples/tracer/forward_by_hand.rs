//! TEMPORARY, HAND-WRITTEN FORWARDING: a stand-in for
//! `#[derive(lazy_core::RealizeForward)]` until the derive lands on main.
//! This is the only place where forwarding is written by hand; it is
//! replaced by the derive on `LazyVariableTracker` and `LazyConstantVariable`
//! in `lazy.rs`.

use lazy_core::Realize;

use super::builder::Tx;
use super::lazy::{LazyConstantVariable, LazyVariableTracker};
use super::source::Source;
use super::tracker::{BinOp, CmpOp, Codegen, TraceResult, Tracker, VariableTracker};
use super::value::{TypeTag, Value};

impl Realize for LazyVariableTracker {
    type Target = dyn VariableTracker;
    fn realize(&self) -> &Self::Target {
        self.realize_tracker()
    }
}

impl Realize for LazyConstantVariable {
    type Target = dyn VariableTracker;
    fn realize(&self) -> &Self::Target {
        self.lazy().realize_tracker()
    }
}

macro_rules! forward_common {
    () => {
        fn kind(&self) -> &'static str {
            self.realize().kind()
        }
        fn get_python_hash(&self) -> TraceResult<u64> {
            self.realize().get_python_hash()
        }
        fn as_python_constant(&self) -> TraceResult<Value> {
            self.realize().as_python_constant()
        }
        fn is_mutable(&self) -> bool {
            self.realize().is_mutable()
        }
        fn is_python_equal(&self, other: &dyn VariableTracker) -> bool {
            self.realize().is_python_equal(other)
        }
        fn var_getattr(&self, tx: &Tx, name: &str) -> TraceResult<Tracker> {
            self.realize().var_getattr(tx, name)
        }
        fn has_attr(&self, name: &str) -> bool {
            self.realize().has_attr(name)
        }
        fn getitem(&self, tx: &Tx, key: &Value) -> TraceResult<Tracker> {
            self.realize().getitem(tx, key)
        }
        fn contains(&self, key: &Value) -> TraceResult<bool> {
            self.realize().contains(key)
        }
        fn has_unpack_var_sequence(&self) -> bool {
            self.realize().has_unpack_var_sequence()
        }
        fn unpack_var_sequence(&self, tx: &Tx) -> TraceResult<Vec<Tracker>> {
            self.realize().unpack_var_sequence(tx)
        }
        fn sequence_len(&self) -> TraceResult<usize> {
            self.realize().sequence_len()
        }
        fn call_method(&self, tx: &Tx, name: &str, args: &[Tracker]) -> TraceResult<Tracker> {
            self.realize().call_method(tx, name, args)
        }
        fn call_function(&self, tx: &Tx, args: &[Tracker]) -> TraceResult<Tracker> {
            self.realize().call_function(tx, args)
        }
        fn truthy(&self) -> TraceResult<bool> {
            self.realize().truthy()
        }
        fn compare(&self, tx: &Tx, op: CmpOp, other: &dyn VariableTracker) -> TraceResult<bool> {
            self.realize().compare(tx, op, other)
        }
        fn binary_op(
            &self,
            tx: &Tx,
            op: BinOp,
            other: &dyn VariableTracker,
            reflected: bool,
        ) -> TraceResult<Tracker> {
            self.realize().binary_op(tx, op, other, reflected)
        }
        fn python_str(&self) -> TraceResult<String> {
            self.realize().python_str()
        }
        fn format_value(&self, spec: &str) -> TraceResult<String> {
            self.realize().format_value(spec)
        }
        fn as_proxy(&self) -> TraceResult<String> {
            self.realize().as_proxy()
        }
        fn reconstruct(&self, codegen: &mut Codegen) -> TraceResult<()> {
            self.realize().reconstruct(codegen)
        }
        // except(...): the wrapper's own methods.
        fn source(&self) -> Option<Source> {
            Self::source(self)
        }
        fn clone_with_source(&self, source: Option<Source>) -> Tracker {
            Self::clone_with_source(self, source)
        }
        fn is_realized(&self) -> bool {
            Self::is_realized(self)
        }
        fn name_hint(&self) -> Option<String> {
            Self::name_hint(self)
        }
        fn set_name_hint(&self, name: &str) {
            Self::set_name_hint(self, name)
        }
        fn debug_repr(&self) -> String {
            Self::debug_repr(self)
        }
        fn is_python_hashable(&self) -> bool {
            Self::is_python_hashable(self)
        }
    };
}

impl VariableTracker for LazyVariableTracker {
    forward_common!();
    fn python_type(&self) -> TypeTag {
        self.realize().python_type()
    }
    fn python_type_name(&self) -> String {
        self.realize().python_type_name()
    }
    fn isinstance(&self, ty: &TypeTag) -> bool {
        self.realize().isinstance(ty)
    }
    fn is_tensor(&self) -> bool {
        self.realize().is_tensor()
    }
    fn is_symnode(&self) -> bool {
        self.realize().is_symnode()
    }
    fn is_constant_none(&self) -> bool {
        self.realize().is_constant_none()
    }
    fn is_python_constant(&self) -> bool {
        self.realize().is_python_constant()
    }
}

impl VariableTracker for LazyConstantVariable {
    forward_common!();
    fn python_type(&self) -> TypeTag {
        Self::python_type(self)
    }
    fn python_type_name(&self) -> String {
        Self::python_type_name(self)
    }
    fn isinstance(&self, ty: &TypeTag) -> bool {
        Self::isinstance(self, ty)
    }
    fn is_tensor(&self) -> bool {
        Self::is_tensor(self)
    }
    fn is_symnode(&self) -> bool {
        Self::is_symnode(self)
    }
    fn is_constant_none(&self) -> bool {
        Self::is_constant_none(self)
    }
    fn is_python_constant(&self) -> bool {
        Self::is_python_constant(self)
    }
}
