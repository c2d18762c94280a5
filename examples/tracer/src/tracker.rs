//! The `VariableTracker` trait: what the tracer asks of every value it
//! traces. Its methods follow the set that Dynamo's `LazyVariableTracker`
//! forwards (`python_type`, `var_getattr`, `call_method`, ...).

use std::any::Any;
use std::fmt;
use std::ops::RangeInclusive;
use std::rc::Rc;

use lazy_core::RealizeAll;

use crate::builder::Tx;
use crate::source::Source;
use crate::value::{TypeTag, Value};

/// A tracker as the tracer holds it: shared, and possibly lazy.
pub type Tracker = Rc<dyn VariableTracker>;

/// What a traced operation can fail with (Python would raise). The
/// interpreter adds the program's line number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceError(pub String);

impl TraceError {
    pub fn new(message: impl Into<String>) -> TraceError {
        TraceError(message.into())
    }
}

impl fmt::Display for TraceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub type TraceResult<T> = Result<T, TraceError>;

/// How Python 3.11 words a wrong number of arguments to one of its builtin
/// functions or methods: it depends on the C code that reads them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgsWording {
    /// A method that takes none: `str.upper() takes no arguments (1 given)`.
    NoArgs,
    /// A function of one: `len() takes exactly one argument (2 given)`.
    One,
    /// `startswith() takes at least 1 argument (0 given)`, `str() takes at
    /// most 3 arguments (4 given)`.
    Takes,
    /// `strip expected at most 1 argument, got 2`, `isinstance expected 2
    /// arguments, got 1`.
    Expected,
}

/// Checks the number of arguments `given` to a builtin function or method
/// that Python calls `name` in its message (`str.upper`, `startswith`,
/// `get`): Python's error, in its `wording`, when Python takes no such
/// number (`python`); the tracer's own when Python does but the tracer does
/// not (outside `traced`, a part of `python`).
pub fn check_args(
    name: &str,
    wording: ArgsWording,
    python: RangeInclusive<usize>,
    traced: RangeInclusive<usize>,
    given: usize,
) -> TraceResult<()> {
    if traced.contains(&given) {
        return Ok(());
    }
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if python.contains(&given) {
        return Err(TraceError::new(format!(
            "{name}() with {given} argument{} is not supported by this tracer",
            plural(given)
        )));
    }
    let (min, max) = (*python.start(), *python.end());
    let (bound, which) = match (min == max, given < min) {
        (true, _) => (min, "exactly"),
        (false, true) => (min, "at least"),
        (false, false) => (max, "at most"),
    };
    let s = plural(bound);
    Err(TraceError::new(match wording {
        ArgsWording::NoArgs => format!("{name}() takes no arguments ({given} given)"),
        ArgsWording::One => format!("{name}() takes exactly one argument ({given} given)"),
        ArgsWording::Takes => {
            format!("{name}() takes {which} {bound} argument{s} ({given} given)")
        }
        // Python leaves "exactly" out here.
        ArgsWording::Expected if min == max => {
            format!("{name} expected {bound} argument{s}, got {given}")
        }
        ArgsWording::Expected => {
            format!("{name} expected {which} {bound} argument{s}, got {given}")
        }
    }))
}

/// Comparison operators a program can branch on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    /// The operator that holds exactly when this one does not.
    pub fn negate(self) -> CmpOp {
        match self {
            CmpOp::Eq => CmpOp::Ne,
            CmpOp::Ne => CmpOp::Eq,
            CmpOp::Lt => CmpOp::Ge,
            CmpOp::Le => CmpOp::Gt,
            CmpOp::Gt => CmpOp::Le,
            CmpOp::Ge => CmpOp::Lt,
        }
    }

    /// The operator with its operands swapped: `a < b` is `b > a`.
    pub fn swap(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
            same => same,
        }
    }

    /// Applies the operator to an ordering.
    pub fn holds(self, ordering: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::{Equal, Greater, Less};
        match self {
            CmpOp::Eq => ordering == Equal,
            CmpOp::Ne => ordering != Equal,
            CmpOp::Lt => ordering == Less,
            CmpOp::Le => ordering != Greater,
            CmpOp::Gt => ordering == Greater,
            CmpOp::Ge => ordering != Less,
        }
    }
}

/// Arithmetic operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    MatMul,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::MatMul => "@",
        }
    }

    /// The name of the matching tensor op in the graph.
    pub fn op_name(self) -> &'static str {
        match self {
            BinOp::Add => "add",
            BinOp::Sub => "sub",
            BinOp::Mul => "mul",
            BinOp::Div => "div",
            BinOp::FloorDiv => "floor_divide",
            BinOp::Mod => "remainder",
            BinOp::MatMul => "matmul",
        }
    }
}

/// The bytecode that rebuilds the frame's outputs after the graph ran.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Codegen {
    pub instructions: Vec<String>,
    /// The bytes of text in `instructions`.
    size: usize,
}

/// The most text (in bytes) the output code may hold: 64 MiB. A traced
/// list of a million references to one long string rebuilds each item
/// (`LOAD_CONST '...'`), whose text would take gigabytes; the trackers
/// that emit many instructions (a list's, a dict's items) stop at it.
pub const MAX_CODE: usize = 64 << 20;

impl Codegen {
    pub fn emit(&mut self, instruction: impl Into<String>) {
        let instruction = instruction.into();
        self.size = self.size.saturating_add(instruction.len());
        self.instructions.push(instruction);
    }

    /// An error once the output code holds more than [`MAX_CODE`] bytes.
    pub fn check_size(&self) -> TraceResult<()> {
        if self.size > MAX_CODE {
            return Err(TraceError::new(
                "output code too large for this tracer (over 64 MiB of text)",
            ));
        }
        Ok(())
    }
}

/// `&dyn Any` for every tracker, so that code that needs a member only one
/// concrete tracker has can downcast to it (see `lazy::realized_as`).
pub trait AsAny: Any {
    fn as_any(&self) -> &dyn Any;
}

impl<T: Any> AsAny for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// What every tracker carries besides its value: where the value came from
/// and the name the traced code gave it. Dynamo keeps both on the
/// `VariableTracker` base class, which every tracker inherits; here the
/// concrete trackers hold a `trackers::Meta` and forward this trait to it
/// (`#[derive(RealizeForward)]` through a `#[realize(plain)]` field), and the
/// lazy trackers answer it themselves, without building.
///
/// A supertrait of `VariableTracker`, so a `Tracker` answers it.
///
/// `blanket`: the forwarders are written once, here, for the six concrete
/// trackers (to their `Meta`) and the lazy constant (to its lazy tracker)
/// that forward it; each of them adds one marker impl, not three forwarders.
#[lazy_core::forwardable(blanket)]
pub trait TrackerMeta {
    /// Where the value came from; `None` for values the trace computed.
    fn source(&self) -> Option<Source>;
    /// The name the traced code gave the value (`STORE_FAST` name).
    fn name_hint(&self) -> Option<String>;
    /// Records the name the traced code gave the value.
    fn set_name_hint(&self, name: &str);
}

/// Every traced value is a `VariableTracker`. Concrete trackers (constants,
/// sequences, dicts, tensors, user objects, ...) implement it directly; the
/// lazy trackers implement it by building the concrete tracker first
/// (`#[derive(RealizeForward)]`), except for the few questions they can
/// answer without building.
///
/// `RealizeAll` is a supertrait so that `realize_all` reaches through a
/// `Tracker` into whatever it holds; `TrackerMeta` holds the source and the
/// name hint.
///
/// `#[forwardable]` records the trait's methods for `#[derive(RealizeForward)]`.
#[lazy_core::forwardable]
pub trait VariableTracker: AsAny + RealizeAll + TrackerMeta {
    // --- identity and metadata ---------------------------------------------

    /// The tracker's class name in Dynamo (`ListVariable`, ...).
    fn kind(&self) -> &'static str;
    /// A copy of this tracker with another source (Dynamo's `clone(source=)`).
    fn clone_with_source(&self, source: Option<Source>) -> Tracker;
    /// Whether the concrete tracker exists (always, except for lazies).
    fn is_realized(&self) -> bool {
        true
    }
    /// A short description for logs; never builds anything.
    fn debug_repr(&self) -> String;

    // --- types --------------------------------------------------------------

    /// `type(x)`.
    fn python_type(&self) -> TypeTag;
    /// `type(x).__name__`.
    fn python_type_name(&self) -> String {
        self.python_type().name().to_string()
    }
    /// `isinstance(x, ty)`.
    fn isinstance(&self, ty: &TypeTag) -> bool {
        self.python_type().is_subtype_of(ty)
    }
    fn is_tensor(&self) -> bool {
        false
    }
    fn is_symnode(&self) -> bool {
        false
    }
    fn is_constant_none(&self) -> bool {
        false
    }

    // --- constants and hashing ----------------------------------------------

    fn is_python_constant(&self) -> bool;
    /// The value as a constant; an error if the trace cannot know it.
    fn as_python_constant(&self) -> TraceResult<Value>;
    fn is_mutable(&self) -> bool;
    fn is_python_hashable(&self) -> bool;
    fn get_python_hash(&self) -> TraceResult<u64>;
    /// Python `==` between two trackers whose values are known.
    fn is_python_equal(&self, other: &dyn VariableTracker) -> bool {
        match (self.as_python_constant(), other.as_python_constant()) {
            (Ok(a), Ok(b)) => a.py_eq(&b),
            _ => false,
        }
    }

    // --- attributes, items, sequences ----------------------------------------

    /// `x.name`.
    fn var_getattr(&self, tx: &Tx, name: &str) -> TraceResult<Tracker>;
    /// `hasattr(x, name)`.
    fn has_attr(&self, name: &str) -> bool;
    /// `x[key]`.
    fn getitem(&self, tx: &Tx, key: &Value) -> TraceResult<Tracker>;
    /// `key in x`.
    fn contains(&self, key: &Value) -> TraceResult<bool>;
    fn has_unpack_var_sequence(&self) -> bool {
        false
    }
    /// The items of a sequence (the keys of a dict), as trackers.
    fn unpack_var_sequence(&self, tx: &Tx) -> TraceResult<Vec<Tracker>>;
    /// `len(x)`.
    fn sequence_len(&self) -> TraceResult<usize>;

    // --- calls, operators, conversions -----------------------------------------

    /// `x.name(*args)`.
    fn call_method(&self, tx: &Tx, name: &str, args: &[Tracker]) -> TraceResult<Tracker>;
    /// `x(*args)`.
    fn call_function(&self, tx: &Tx, args: &[Tracker]) -> TraceResult<Tracker>;
    /// `bool(x)`, as a branch needs it.
    fn truthy(&self) -> TraceResult<bool>;
    /// `x OP other`; the result is a known bool.
    fn compare(&self, tx: &Tx, op: CmpOp, other: &dyn VariableTracker) -> TraceResult<bool>;
    /// `x OP other` (`other OP x` when `reflected`).
    fn binary_op(
        &self,
        tx: &Tx,
        op: BinOp,
        other: &dyn VariableTracker,
        reflected: bool,
    ) -> TraceResult<Tracker>;
    /// `str(x)`.
    fn python_str(&self) -> TraceResult<String> {
        Ok(self.as_python_constant()?.to_py_str())
    }
    /// `format(x, spec)`, as f-strings call it.
    fn format_value(&self, spec: &str) -> TraceResult<String> {
        crate::format::format_value(&self.as_python_constant()?, spec)
    }

    // --- graph and code generation ---------------------------------------------

    /// The graph node that computes this value (tensors and symbols only).
    fn as_proxy(&self) -> TraceResult<String>;
    /// Emits the bytecode that rebuilds this value after the graph ran.
    fn reconstruct(&self, codegen: &mut Codegen) -> TraceResult<()>;
}

impl fmt::Debug for dyn VariableTracker {
    /// The tracker's `debug_repr`, which never builds anything.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.debug_repr())
    }
}
