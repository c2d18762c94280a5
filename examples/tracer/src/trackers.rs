//! The concrete trackers: what a lazy tracker becomes once it is built.

use std::cell::RefCell;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::rc::Rc;

use lazy_core::{RealizeAll, RealizeForward};

use crate::builder::Tx;
use crate::guards::GuardKind;
use crate::lazy::{is_symnode_unbuilt, realized_as, type_only};
use crate::source::Source;
use crate::tracker::{
    ArgsWording, BinOp, CmpOp, Codegen, TraceError, TraceResult, Tracker, TrackerMeta,
    VariableTracker, check_args,
};
use crate::value::{KeyIndex, Object, TensorMeta, TypeTag, Value};

/// What every concrete tracker carries besides its value: its source and the
/// name the traced code gave it. Each tracker forwards `TrackerMeta` to its
/// `Meta` with the library's own derive, the way a Dynamo tracker inherits
/// them from its base class:
///
/// ```text
/// #[derive(RealizeForward)]
/// #[realize_forward(TrackerMeta)]
/// struct ConstantTracker {
///     value: Value,
///     #[realize(plain)] // the field, as it is, answers `TrackerMeta`
///     meta: Meta,
/// }
/// ```
///
/// Not a variable: `realize_all` skips it (`#[realize_all(skip)]`, Dynamo's
/// `_nonvar_fields`).
#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub source: Option<Source>,
    name_hint: RefCell<Option<String>>,
}

impl Meta {
    pub fn new(source: Option<Source>) -> Meta {
        Meta {
            source,
            name_hint: RefCell::new(None),
        }
    }

    fn reconstruct_source(&self, codegen: &mut Codegen) -> bool {
        match &self.source {
            Some(source) => {
                codegen.emit(format!("LOAD {source}"));
                true
            }
            None => false,
        }
    }
}

impl TrackerMeta for Meta {
    fn source(&self) -> Option<Source> {
        self.source.clone()
    }

    fn name_hint(&self) -> Option<String> {
        self.name_hint.borrow().clone()
    }

    fn set_name_hint(&self, name: &str) {
        *self.name_hint.borrow_mut() = Some(name.to_string());
    }
}

/// Python's error for an attribute `ty` lacks; for one Python's builtin
/// type has but this tracer does not model (`'a'.split`), says so.
fn no_attr(ty: &TypeTag, name: &str) -> TraceError {
    if crate::pyattrs::python_has_attr(ty, name) {
        return TraceError::new(format!(
            "'{ty}.{name}' is not supported by this tracer ('{ty}' objects have it in Python)"
        ));
    }
    TraceError::new(format!("'{ty}' object has no attribute '{name}'"))
}

fn not_subscriptable(ty: &TypeTag) -> TraceError {
    TraceError::new(format!("'{ty}' object is not subscriptable"))
}

fn not_iterable(ty: &TypeTag) -> TraceError {
    TraceError::new(format!("'{ty}' object is not iterable"))
}

/// Python's error for `x in y` where `y` is no container.
fn not_a_container(ty: &TypeTag) -> TraceError {
    TraceError::new(format!("argument of type '{ty}' is not iterable"))
}

fn no_len(ty: &TypeTag) -> TraceError {
    TraceError::new(format!("object of type '{ty}' has no len()"))
}

fn not_callable(ty: &TypeTag) -> TraceError {
    TraceError::new(format!("'{ty}' object is not callable"))
}

fn unsupported_operands(op: BinOp, a: &TypeTag, b: &TypeTag) -> TraceError {
    TraceError::new(format!(
        "unsupported operand type(s) for {}: '{a}' and '{b}'",
        op.symbol()
    ))
}

/// Whether `ty` is a dict's view's (`d.keys()`, `d.values()`).
fn is_dict_view(ty: &TypeTag) -> bool {
    matches!(ty, TypeTag::DictKeys | TypeTag::DictValues)
}

/// Python's error for a str, list or tuple times `ty`, not an int (on
/// either side).
fn cannot_repeat(ty: &TypeTag) -> TraceError {
    TraceError::new(format!("can't multiply sequence by non-int of type '{ty}'"))
}

/// Python's error for `a + b` where `a` is a str, list or tuple and `b` is
/// not of its type.
fn cannot_concatenate(a: &TypeTag, b: &TypeTag) -> TraceError {
    TraceError::new(format!("can only concatenate {a} (not \"{b}\") to {a}"))
}

fn not_a_constant(ty: &TypeTag) -> TraceError {
    TraceError::new(format!("a '{ty}' is not a constant the trace can know"))
}

fn unhashable(ty: &TypeTag) -> TraceError {
    TraceError::new(format!("unhashable type: '{ty}'"))
}

/// `hash()` of a NaN, or of a tuple holding one: Python's is the NaN
/// object's identity, which no trace can know.
fn nan_hash() -> TraceError {
    TraceError::new(
        "hash() of a float NaN depends on the object's identity in Python 3.10+; not supported by this tracer",
    )
}

fn expect_args(
    method: &str,
    args: &[Tracker],
    range: std::ops::RangeInclusive<usize>,
) -> TraceResult<()> {
    if range.contains(&args.len()) {
        Ok(())
    } else {
        Err(TraceError::new(format!(
            "{method}() takes {} argument(s), got {}",
            if range.start() == range.end() {
                range.start().to_string()
            } else {
                format!("{} to {}", range.start(), range.end())
            },
            args.len()
        )))
    }
}

fn int_arg(method: &str, arg: &Tracker) -> TraceResult<i64> {
    match arg.as_python_constant()? {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(i64::from(b)),
        other => Err(TraceError::new(format!(
            "{method}() expects an int, got '{}'",
            other.type_tag()
        ))),
    }
}

/// The largest string (in bytes) or sequence (in items) a trace may build:
/// a program that doubles a value on every line must fail, not exhaust memory.
/// The text `str()`, `format()` and f-strings make of a value, and the repr
/// an error shows, stop at it as they are written (`write_repr`).
pub(crate) const MAX_LEN: usize = 1 << 20;

/// The longest symbolic expression a trace may build, for the same reason.
const MAX_EXPR: usize = 1 << 12;

/// The values of a sequence's (or a dict view's) items.
fn items_constant(items: &[Tracker]) -> TraceResult<Vec<Rc<Value>>> {
    items
        .iter()
        .map(|item| item.as_python_constant().map(Rc::new))
        .collect()
}

/// `key in items`, by Python's equality (an `$object` among the items is
/// none of the values a trace knows).
fn items_contain(items: &[Tracker], key: &Value) -> TraceResult<bool> {
    for item in items {
        if tracker_equals_value(&**item, key)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The type Python names when hashing `value` fails: a list, a dict or a
/// keys view, or the first such item of a tuple, however deep.
pub fn unhashable_type_of(value: &dyn VariableTracker) -> TypeTag {
    if let Some(sequence) = realized_as::<SequenceTracker>(value)
        && sequence.tuple
        && let Some(item) = sequence
            .items
            .iter()
            .find(|item| !item.is_python_hashable())
    {
        return unhashable_type_of(&**item);
    }
    value.python_type()
}

/// `needle in haystack`, for any needle. Among a list's, a tuple's or a
/// values view's items by Python's `==` (`compare`), item by item up to
/// the first equal one, each guarded for no more than its answer needs (a
/// size among strings or objects is not guarded, `1 in ['a']` guards the
/// types). In a dict or a keys view by its hash first (`[obj] in d` is
/// unhashable), and then among keys the trace knows, none of which is a
/// frame's object (JSON cannot share one). A string refuses a needle
/// that is no string.
pub fn contains(
    tx: &Tx,
    haystack: &dyn VariableTracker,
    needle: &dyn VariableTracker,
) -> TraceResult<bool> {
    let items = match realized_as::<SequenceTracker>(haystack) {
        Some(sequence) => Some(&sequence.items),
        None => realized_as::<DictViewTracker>(haystack)
            .filter(|view| !view.keys)
            .map(|view| &view.items),
    };
    if let Some(items) = items {
        return Ok(!items_search(tx, items, needle, true)?.is_empty());
    }
    // A size in a dict or a keys view: by its relation to the number keys.
    if let Some(sym) = symnode_of(needle) {
        let dict = match realized_as::<DictViewTracker>(haystack) {
            Some(view) if view.keys => realized_as::<DictTracker>(&*view.dict),
            Some(_) => None,
            None => realized_as::<DictTracker>(haystack),
        };
        if let Some(dict) = dict {
            return dict.contains(&sym.dict_key(dict.entries.iter().map(|(k, _)| k))?);
        }
    }
    let error = match needle.as_python_constant() {
        Ok(key) => return haystack.contains(&key),
        Err(error) => error,
    };
    if needle.is_tensor() {
        return Err(error);
    }
    match haystack.python_type() {
        // Looked up by its identity.
        TypeTag::Dict | TypeTag::DictKeys if needle.is_python_hashable() => {
            haystack.contains(&key_value(needle)?)
        }
        TypeTag::Dict | TypeTag::DictKeys => Err(unhashable(&unhashable_type_of(needle))),
        TypeTag::Str => Err(TraceError::new(format!(
            "'in <string>' requires string as left operand, not {}",
            needle.python_type()
        ))),
        // No container: its error names no key.
        _ => haystack.contains(&Value::None),
    }
}

/// `hasattr(value, name)`. A constant (`None`, a bool, int, float or str),
/// a list, a tuple or a dict has no attribute of its own: it has one or
/// not by its type alone (`pyattrs::python_has_attr`), so a frame's value
/// of one of these types not built yet is guarded by its type alone
/// (`type_only`: a `TYPE_MATCH`), not built, which would guard its value
/// (`CONSTANT_MATCH`), its length (`LEN_CHECK`) or its keys (`DICT_KEYS`).
/// Of a frame's `$object`, an attribute of its own
/// is there or not whatever its class, which is all its build guards
/// (`TYPE_MATCH`): the answer is guarded with a `HASATTR` on the source the
/// object was built from (a copy's too, `G['o'] = L['obj']`). An attribute
/// every object has (`__class__`) is its class's, told by the `TYPE_MATCH`.
pub fn has_attr(tx: &Tx, value: &dyn VariableTracker, name: &str) -> bool {
    let by_type = |ty: &TypeTag| {
        matches!(
            ty,
            TypeTag::NoneType
                | TypeTag::Bool
                | TypeTag::Int
                | TypeTag::Float
                | TypeTag::Str
                | TypeTag::List
                | TypeTag::Tuple
                | TypeTag::Dict
        )
    };
    // `peek_value`: a frame's value, not built yet (an f-string of sizes,
    // a str too, is left to its own build).
    if crate::lazy::as_lazy(value)
        .and_then(|lazy| lazy.peek_value())
        .is_some_and(|raw| by_type(&raw.type_tag()))
    {
        return crate::pyattrs::python_has_attr(&type_only(value), name);
    }
    let answer = value.has_attr(name);
    if let Some(object) = realized_as::<ObjectTracker>(value)
        && !crate::pyattrs::python_has_attr(&object.type_tag(), name)
        && let Some(source) = &object.built_from
    {
        tx.guard(
            GuardKind::HasAttr,
            source,
            crate::guards::has_detail(name, answer),
        );
    }
    answer
}

/// `tracker` as a tensor, built if it is a frame's tensor not built yet
/// (as `type_only` builds one, its `TENSOR_MATCH` checking its type), and
/// without building any other value.
fn as_tensor(tracker: &dyn VariableTracker) -> Option<&TensorTracker> {
    if let Some(lazy) = crate::lazy::as_lazy(tracker)
        && !lazy.is_realized()
        && lazy.peek_type() != Some(TypeTag::Tensor)
    {
        return None;
    }
    realized_as::<TensorTracker>(tracker)
}

/// Python's `a is b` for two tensors: one graph node, which a copy under
/// another source keeps (`G['g'] = L['x']`). Containers compare their items
/// by identity first (CPython's `PyObject_RichCompareBool`), which only a
/// tensor needs here: an `$object` and a values view already compare by
/// identity alone, and any other value the trace knows is equal to itself
/// (no NaN reaches a container: JSON has none).
fn same_tensor(a: &dyn VariableTracker, b: &dyn VariableTracker) -> bool {
    // `b` is looked at only after `a` is a tensor: the guards come in the
    // order `==` installs them.
    let Some(p) = as_tensor(a) else {
        return false;
    };
    as_tensor(b).is_some_and(|q| p.node == q.node)
}

/// Python's `==` of two items of containers (`[a] == [b]`, a dict's
/// values): identity first, as CPython's, then `trackers_equal`.
fn items_equal(a: &dyn VariableTracker, b: &dyn VariableTracker) -> TraceResult<bool> {
    Ok(same_tensor(a, b) || trackers_equal(a, b)?)
}

/// The indices of the items equal to `needle` by Python's `==`
/// (`compare`, the item on the left, as Python's `in`, `count` and
/// `index` compare), in order; only the first when `first`, the items
/// after it never compared. An item that is the needle itself is equal
/// first, as CPython's `PyObject_RichCompareBool` checks identity before
/// `==` (`t in [t]` is True for a tensor, whose `==` is elementwise).
fn items_search(
    tx: &Tx,
    items: &[Tracker],
    needle: &dyn VariableTracker,
    first: bool,
) -> TraceResult<Vec<usize>> {
    let mut found = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if same_tensor(&**item, needle) || compare(tx, CmpOp::Eq, &**item, needle)? {
            found.push(i);
            if first {
                break;
            }
        }
    }
    Ok(found)
}

/// The value a dict looks `key` up by: its constant value, or for an
/// `$object` (or a tuple holding one) a value of its identity
/// (`Object::standing_for`), which is equal only to the object's.
pub fn key_value(key: &dyn VariableTracker) -> TraceResult<Value> {
    let error = match key.as_python_constant() {
        Ok(value) => return Ok(value),
        Err(error) => error,
    };
    if key.is_tensor() || key.is_symnode() {
        return Err(error);
    }
    if let Some(object) = realized_as::<ObjectTracker>(key) {
        return Ok(object.key_value());
    }
    if let Some(sequence) = realized_as::<SequenceTracker>(key)
        && sequence.tuple
    {
        let items = sequence
            .items
            .iter()
            .map(|item| key_value(&**item).map(Rc::new))
            .collect::<TraceResult<Vec<_>>>()?;
        return Ok(Value::Tuple(items));
    }
    Err(error)
}

/// Why [`write_repr`] stopped.
enum ReprStop {
    /// The text passed `MAX_LEN` bytes.
    TooLarge,
    /// A value the trace cannot know (a tensor, an `$object` unless shown
    /// by its stand-in), with its error.
    Unknown(TraceError),
}

/// What `str()` and `format()` say when the text they would build passes
/// `MAX_LEN`: it is a string, held to the bound of every other.
fn string_too_large() -> TraceError {
    TraceError::new("string too large for this tracer")
}

/// What an error shows in place of a value whose `repr()` passes
/// `MAX_LEN` (Python's message would hold all of it).
pub const TOO_LARGE_TO_SHOW: &str = "<a value whose repr() is too large for this tracer to show>";

/// Appends Python's `repr()` of `value` to `out`, item by item through the
/// lists, tuples and dict views that hold other trackers, and stops once
/// `out` passes `MAX_LEN` bytes: a traced list can hold a million
/// references to one long string, whose text would take gigabytes, so it
/// is never made into one whole constant first. With `stand_in`, for an
/// error that shows the value, an `$object` (inside a list, tuple, dict or
/// dict's view too) is written as Python's repr without the address no
/// trace knows (`<B object>`); else it is its own error, as a tensor is
/// always.
fn write_repr(
    value: &dyn VariableTracker,
    out: &mut String,
    stand_in: bool,
) -> Result<(), ReprStop> {
    let items = |out: &mut String, items: &[Tracker]| -> Result<(), ReprStop> {
        for (at, item) in items.iter().enumerate() {
            if at > 0 {
                out.push_str(", ");
            }
            write_repr(&**item, out, stand_in)?;
        }
        Ok(())
    };
    let constant = |out: &mut String, constant: &Value| {
        constant
            .write_repr(out, MAX_LEN)
            .map_err(|_| ReprStop::TooLarge)
    };
    if let Some(sequence) = realized_as::<SequenceTracker>(value) {
        out.push(if sequence.tuple { '(' } else { '[' });
        items(out, &sequence.items)?;
        out.push_str(match (sequence.tuple, sequence.items.len()) {
            (true, 1) => ",)",
            (true, _) => ")",
            (false, _) => "]",
        });
    } else if let Some(view) = realized_as::<DictViewTracker>(value) {
        out.push_str(if view.keys {
            "dict_keys(["
        } else {
            "dict_values(["
        });
        items(out, &view.items)?;
        out.push_str("])");
    } else {
        match value.as_python_constant() {
            Ok(value) => constant(out, &value)?,
            Err(error) if !stand_in || value.is_tensor() => return Err(ReprStop::Unknown(error)),
            Err(error) => {
                if let Some(object) = realized_as::<ObjectTracker>(value) {
                    constant(out, &object.key_value())?;
                } else if let Some(dict) = realized_as::<DictTracker>(value) {
                    // A key that is an `$object` shows as one (`key_value`).
                    out.push('{');
                    for (at, (key, item)) in dict.entries.iter().enumerate() {
                        if at > 0 {
                            out.push_str(", ");
                        }
                        constant(out, key)?;
                        out.push_str(": ");
                        write_repr(&**item, out, stand_in)?;
                    }
                    out.push('}');
                } else {
                    return Err(ReprStop::Unknown(error));
                }
            }
        }
    }
    if out.len() > MAX_LEN {
        return Err(ReprStop::TooLarge);
    }
    Ok(())
}

/// `str()` of a list, a tuple or a dict's view: its `repr()`, item by item
/// ([`write_repr`]), or Python's error for an item the trace cannot know,
/// and an error past `MAX_LEN` bytes.
fn container_str(value: &dyn VariableTracker) -> TraceResult<String> {
    let mut out = String::new();
    match write_repr(value, &mut out, false) {
        Ok(()) => Ok(out),
        Err(ReprStop::TooLarge) => Err(string_too_large()),
        Err(ReprStop::Unknown(error)) => Err(error),
    }
}

/// `format()` of a list, a tuple or a dict's view, `object.__format__`:
/// `str()` for an empty spec, and any other refused, whatever the items are.
fn container_format(value: &dyn VariableTracker, tag: TypeTag, spec: &str) -> TraceResult<String> {
    if spec.is_empty() {
        return container_str(value);
    }
    Err(TraceError::new(format!(
        "unsupported format string passed to {tag}.__format__"
    )))
}

/// `repr()` of `value` for an error that shows it: its constant value's,
/// or for one the trace cannot know, with an `$object`'s stand-in
/// (`<B object>`, Python's repr without the address no trace knows), also
/// inside a list, tuple, dict or dict's view (`[<B object>, 1.5]`); for a
/// tensor, or what holds one, `<list object>` of its type. Past
/// `MAX_LEN` bytes, [`TOO_LARGE_TO_SHOW`]: it stops there.
pub fn error_repr(value: &dyn VariableTracker) -> String {
    let mut out = String::new();
    match write_repr(value, &mut out, true) {
        Ok(()) => out,
        Err(ReprStop::TooLarge) => TOO_LARGE_TO_SHOW.to_string(),
        Err(ReprStop::Unknown(_)) => format!("<{} object>", value.python_type()),
    }
}

/// `repr()` of a known `value` for an error that shows it (a dict's
/// missing key), or [`TOO_LARGE_TO_SHOW`] past `MAX_LEN` bytes.
fn error_repr_of(value: &Value) -> String {
    value
        .repr_within(MAX_LEN)
        .unwrap_or_else(|_| TOO_LARGE_TO_SHOW.to_string())
}

/// The bytes a copy of the built tracker `value` holds of its own (a copy
/// under another source, `G['g'] = a`, copies them): a list's, a dict's,
/// a dict view's or an object's items, each counted as the size of its
/// place. 0 for anything else.
pub fn copy_size(value: &dyn VariableTracker) -> usize {
    let any = value.as_any();
    let (count, each) = if let Some(sequence) = any.downcast_ref::<SequenceTracker>() {
        (sequence.items.len(), std::mem::size_of::<Tracker>())
    } else if let Some(dict) = any.downcast_ref::<DictTracker>() {
        (dict.entries.len(), std::mem::size_of::<(Value, Tracker)>())
    } else if let Some(view) = any.downcast_ref::<DictViewTracker>() {
        (view.items.len(), std::mem::size_of::<Tracker>())
    } else if let Some(object) = any.downcast_ref::<ObjectTracker>() {
        (
            object.attrs.len(),
            std::mem::size_of::<(Rc<str>, Tracker)>(),
        )
    } else {
        (0, 0)
    };
    count.saturating_mul(each)
}

/// `tracker` as a symbolic size, without building a frame value (none is
/// one).
fn symnode_of(tracker: &dyn VariableTracker) -> Option<&SymNodeTracker> {
    if is_symnode_unbuilt(tracker) {
        realized_as::<SymNodeTracker>(tracker)
    } else {
        None
    }
}

/// The value a dict of `keys` looks `key` up by (`key_value`), a size by
/// the relation to each number key (`SymNodeTracker::dict_key`), not its
/// value: `n in {'a': 1}` guards nothing of `n`.
pub fn dict_key_value<'a>(
    key: &dyn VariableTracker,
    keys: impl IntoIterator<Item = &'a Value>,
) -> TraceResult<Value> {
    match symnode_of(key) {
        Some(sym) => sym.dict_key(keys),
        None => key_value(key),
    }
}

/// Python's `item == key`, where the trace knows `key`: by `item`'s type
/// alone when no value of it equals `key` (`'a' == 1`), by its value else.
fn tracker_equals_value(item: &dyn VariableTracker, key: &Value) -> TraceResult<bool> {
    let ty = type_only(item);
    if let TypeTag::User(_) = ty {
        let Value::Object(key) = key else {
            return Ok(false);
        };
        return Ok(realized_as::<ObjectTracker>(item).is_some_and(|object| object.id == key.id()));
    }
    if ty != TypeTag::Tensor && never_equal(&ty, &key.type_tag()) {
        return Ok(false);
    }
    if let Some(sym) = symnode_of(item) {
        return sym.compare_with(
            CmpOp::Eq,
            &ConstantTracker::new(key.clone(), Meta::new(None)),
        );
    }
    match item.as_python_constant() {
        Ok(value) => Ok(value.py_eq(key)),
        Err(error) => equals_value(item, key, error),
    }
}

/// Python's comparison of two known values.
pub fn compare_values(a: &Value, op: CmpOp, b: &Value) -> TraceResult<bool> {
    let ordering = match a.num_cmp(b) {
        Some(ordering) => ordering,
        None => match (a, b) {
            // A string is equal to itself before its text is compared
            // (CPython's `PyUnicode_RichCompare`): `max()` of a million
            // references to one long string.
            (Value::Str(x), Value::Str(y)) if Rc::ptr_eq(x, y) => Some(std::cmp::Ordering::Equal),
            (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
            // Lexicographically, as Python: the first items that differ
            // decide by `op`, else the lengths do.
            (Value::List(x), Value::List(y)) | (Value::Tuple(x), Value::Tuple(y))
                if !matches!(op, CmpOp::Eq | CmpOp::Ne) =>
            {
                match x.iter().zip(y).find(|(p, q)| !p.py_eq(q)) {
                    Some((p, q)) => return compare_values(p, op, q),
                    None => Some(x.len().cmp(&y.len())),
                }
            }
            _ if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let equal = a.py_eq(b);
                return Ok(equal == (op == CmpOp::Eq));
            }
            _ => {
                return Err(TraceError::new(format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    a.type_tag(),
                    b.type_tag()
                )));
            }
        },
    };
    // NaN compares false with everything, except `!=`.
    Ok(ordering.map_or(op == CmpOp::Ne, |o| op.holds(o)))
}

/// Python's `a == b` for two trackers. By value when the trace knows both
/// values; else an `$object` is equal only to itself (its class defines no
/// `__eq__`, so Python compares by identity: `1 == obj` is False), and two
/// lists, two tuples or two dicts are compared item by item (`[1, obj] ==
/// [1, obj]`). A tensor's value stays unknown: an error, as before.
pub fn trackers_equal(a: &dyn VariableTracker, b: &dyn VariableTracker) -> TraceResult<bool> {
    // What the answer depends on, the least first: the types (an object
    // is equal only to itself, and two values of types that never compare
    // equal are not, whatever their values: a size's is not guarded in
    // `obj == x.shape[0]`), the lengths, then the items one by one, up to
    // the first that differ. A frame value is guarded for no more: its
    // type alone (`type_only`) for the first.
    let (ta, tb) = (type_only(a), type_only(b));
    match (&ta, &tb) {
        (TypeTag::User(_), TypeTag::User(_)) => {
            return Ok(matches!(
                (realized_as::<ObjectTracker>(a), realized_as::<ObjectTracker>(b)),
                (Some(p), Some(q)) if p.is(q)
            ));
        }
        (TypeTag::User(_), _) | (_, TypeTag::User(_)) => return Ok(false),
        _ => {}
    }
    // A tensor's `==` is its own (elementwise), whatever the other value.
    if ta != TypeTag::Tensor && tb != TypeTag::Tensor {
        if never_equal(&ta, &tb) {
            return Ok(false);
        }
        // A size (an item of `x.shape` too) guards the relation, `!= 2`,
        // not its value.
        if let Some(sym) = symnode_of(a) {
            return sym.compare_with(CmpOp::Eq, b);
        }
        if let Some(sym) = symnode_of(b) {
            return sym.compare_with(CmpOp::Eq, a);
        }
        if let Some(equal) = sequences_equal(a, b, &ta)? {
            return Ok(equal);
        }
    }
    let (mine, theirs) = (a.as_python_constant(), b.as_python_constant());
    let error = match (mine, theirs) {
        (Ok(x), Ok(y)) => return Ok(x.py_eq(&y)),
        (Err(error), Ok(y)) => return equals_value(a, &y, error),
        (Ok(x), Err(error)) => return equals_value(b, &x, error),
        (Err(error), Err(_)) => error,
    };
    match (
        realized_as::<ObjectTracker>(a),
        realized_as::<ObjectTracker>(b),
    ) {
        (Some(p), Some(q)) => return Ok(p.is(q)),
        (Some(_), None) | (None, Some(_)) => return Ok(false),
        (None, None) => {}
    }
    if a.is_tensor() || b.is_tensor() {
        return Err(error);
    }
    if let (Some(p), Some(q)) = (
        realized_as::<SequenceTracker>(a),
        realized_as::<SequenceTracker>(b),
    ) {
        if p.tuple != q.tuple || p.items.len() != q.items.len() {
            return Ok(false);
        }
        for (x, y) in p.items.iter().zip(&q.items) {
            if !items_equal(&**x, &**y)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    if let (Some(p), Some(q)) = (realized_as::<DictTracker>(a), realized_as::<DictTracker>(b)) {
        if p.entries.len() != q.entries.len() {
            return Ok(false);
        }
        let theirs = KeyIndex::new(q.entries.iter().map(|(key, _)| key));
        for (key, x) in &p.entries {
            let Some(at) = theirs.find(key) else {
                return Ok(false);
            };
            if !items_equal(&**x, &*q.entries[at].1)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    // Of two different types (a list and a dict), neither a tensor.
    if a.python_type() != b.python_type() {
        return Ok(false);
    }
    Err(error)
}

/// Whether values of the types `a` and `b` are never equal, whatever their
/// values: different types but for numbers (`1 == 1.0 == True`) and two
/// classes (`int` is a builtin, `Linear` a frame's class: both `type`).
pub fn never_equal(a: &TypeTag, b: &TypeTag) -> bool {
    let number = |ty: &TypeTag| matches!(ty, TypeTag::Bool | TypeTag::Int | TypeTag::Float);
    a != b && !(number(a) && number(b))
}

/// Two lists or two tuples (of the type `ty`) compared as Python does: by
/// their lengths, then item by item up to the first two that differ.
/// `None` for any other values.
fn sequences_equal(
    a: &dyn VariableTracker,
    b: &dyn VariableTracker,
    ty: &TypeTag,
) -> TraceResult<Option<bool>> {
    if !matches!(ty, TypeTag::List | TypeTag::Tuple) {
        return Ok(None);
    }
    let (Some(p), Some(q)) = (
        realized_as::<SequenceTracker>(a),
        realized_as::<SequenceTracker>(b),
    ) else {
        return Ok(None);
    };
    if p.items.len() != q.items.len() {
        return Ok(Some(false));
    }
    for (x, y) in p.items.iter().zip(&q.items) {
        if !items_equal(&**x, &**y)? {
            return Ok(Some(false));
        }
    }
    Ok(Some(true))
}

/// Python's `item == key`, where the trace knows `key` but not `item`'s value
/// (`as_python_constant` failed with `error`): an `$object` is no known
/// value, and a list, tuple or dict holding one is compared item by item.
fn equals_value(item: &dyn VariableTracker, key: &Value, error: TraceError) -> TraceResult<bool> {
    if let Some(object) = realized_as::<ObjectTracker>(item) {
        // A dict's key is a value that may be an object (`key_value`).
        return Ok(matches!(key, Value::Object(key) if key.id() == object.id));
    }
    if item.is_tensor() {
        return Err(error);
    }
    if let Some(sequence) = realized_as::<SequenceTracker>(item) {
        let items = match (key, sequence.tuple) {
            (Value::Tuple(items), true) | (Value::List(items), false) => items,
            _ => return Ok(false),
        };
        if items.len() != sequence.items.len() {
            return Ok(false);
        }
        for (mine, theirs) in sequence.items.iter().zip(items) {
            if !tracker_equals_value(&**mine, theirs)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    if let Some(dict) = realized_as::<DictTracker>(item) {
        let Value::Dict(entries) = key else {
            return Ok(false);
        };
        if entries.len() != dict.entries.len() {
            return Ok(false);
        }
        let theirs = KeyIndex::new(entries.iter().map(|(key, _)| key));
        for (key, mine) in &dict.entries {
            let Some(at) = theirs.find(key) else {
                return Ok(false);
            };
            if !tracker_equals_value(&**mine, &entries[at].1)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    if item.python_type() != key.type_tag() {
        return Ok(false);
    }
    Err(error)
}

/// Python's `left op right`, the `==` of `in`, `count` and `index` too. A
/// dict's view compares only with views: on the right of another value,
/// it is never equal to it, and ordering them is Python's `TypeError` (the
/// left value would compare its items as a list's).
pub fn compare(
    tx: &Tx,
    op: CmpOp,
    left: &dyn VariableTracker,
    right: &dyn VariableTracker,
) -> TraceResult<bool> {
    // The types first, guarded alone (`type_only`): a view answers by its
    // own, and `==` (`trackers_equal`) needs no more of a value than its
    // answer depends on: an `$object` is equal only to itself, whatever the
    // other value is (`n == obj` guards `n`'s type, not its value), a list
    // to no int. A tensor's `==` is its own, and a size's guards the
    // relation (`n == 2` holds or not), not the size's value.
    let (lt, rt) = (type_only(left), type_only(right));
    if let Some(answer) = compare_with_itself(op, left, right, &lt) {
        return Ok(answer);
    }
    let view = |ty: &TypeTag| matches!(ty, TypeTag::DictKeys | TypeTag::DictValues);
    let object = |ty: &TypeTag| matches!(ty, TypeTag::User(_));
    let by_equality = object(&lt)
        || object(&rt)
        || (lt != TypeTag::Tensor
            && rt != TypeTag::Tensor
            && !view(&lt)
            && !view(&rt)
            && (never_equal(&lt, &rt) || !(is_symnode_unbuilt(left) || is_symnode_unbuilt(right))));
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && by_equality {
        return Ok(trackers_equal(left, right)? == (op == CmpOp::Eq));
    }
    if view(&rt) && !view(&lt) {
        return match op {
            CmpOp::Eq | CmpOp::Ne => Ok(op == CmpOp::Ne),
            _ => Err(TraceError::new(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                left.python_type(),
                right.python_type()
            ))),
        };
    }
    left.compare(tx, op, right)
}

/// Whether `a` and `b` are one tracker, so one Python object: the same
/// variable on both sides (`xs == xs`, or `ys = xs` then `ys == xs`), or
/// two lazies sharing one cache (a clone under the same source). A copy
/// under another source (`G['g'] = L['xs']`) is another tracker: compared
/// by its items, as before.
fn same_tracker(a: &dyn VariableTracker, b: &dyn VariableTracker) -> bool {
    if let (Some(p), Some(q)) = (crate::lazy::as_lazy(a), crate::lazy::as_lazy(b))
        && p.shares_cache_with(q)
    {
        return true;
    }
    // The address and the concrete type: a lazy constant and the lazy it
    // holds in its first field share an address.
    std::ptr::addr_eq(a, b) && a.as_any().type_id() == b.as_any().type_id()
}

/// `x OP x` of a list, a tuple or a dict compared with itself (of the type
/// `ty`), answered without its items: CPython compares two containers'
/// items by identity first (`list_richcompare` skips two items that are
/// one object, `PyObject_RichCompareBool` counts them equal, as a dict's
/// `==` does its values), so every item is equal to itself, a NaN too
/// (`xs = [nan]; xs == xs` is True), and the lengths are equal: `==`,
/// `<=` and `>=` hold, `!=`, `<` and `>` do not, whatever the items. The
/// value's type is all that is guarded (`ty` came from `type_only`).
/// `None` for anything else: a float is not equal to itself when it is a
/// NaN (`nan == nan` is False), so a bare value compares by its value, and
/// dicts are not ordered (Python's `TypeError`).
fn compare_with_itself(
    op: CmpOp,
    a: &dyn VariableTracker,
    b: &dyn VariableTracker,
    ty: &TypeTag,
) -> Option<bool> {
    let container = match ty {
        TypeTag::List | TypeTag::Tuple => true,
        TypeTag::Dict => matches!(op, CmpOp::Eq | CmpOp::Ne),
        _ => false,
    };
    (container && same_tracker(a, b)).then(|| op.holds(std::cmp::Ordering::Equal))
}

/// Python's `a OP b` for two trackers: `compare_values` when the trace
/// knows both values; else `==` and `!=` as `trackers_equal`, two lists or
/// two tuples in order by their first items that differ, and anything else
/// Python's `TypeError` (`1 < obj`), but for a tensor's unknown value.
pub fn compare_trackers(
    a: &dyn VariableTracker,
    op: CmpOp,
    b: &dyn VariableTracker,
) -> TraceResult<bool> {
    if matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(trackers_equal(a, b)? == (op == CmpOp::Eq));
    }
    let error = match (a.as_python_constant(), b.as_python_constant()) {
        (Ok(x), Ok(y)) => return compare_values(&x, op, &y),
        (Err(error), _) | (_, Err(error)) => error,
    };
    if a.is_tensor() || b.is_tensor() {
        return Err(error);
    }
    if let (Some(p), Some(q)) = (
        realized_as::<SequenceTracker>(a),
        realized_as::<SequenceTracker>(b),
    ) && p.tuple == q.tuple
    {
        for (x, y) in p.items.iter().zip(&q.items) {
            if !items_equal(&**x, &**y)? {
                return compare_trackers(&**x, op, &**y);
            }
        }
        return Ok(op.holds(p.items.len().cmp(&q.items.len())));
    }
    Err(TraceError::new(format!(
        "'{}' not supported between instances of '{}' and '{}'",
        op.symbol(),
        a.python_type(),
        b.python_type()
    )))
}

/// Python's `divmod` on ints: the quotient rounds toward negative infinity
/// and the remainder takes the divisor's sign (`7 // -2 == -4`,
/// `7 % -2 == -1`). `None` when the quotient does not fit (`i64::MIN // -1`);
/// `y` is not 0.
pub fn int_floor_divmod(x: i64, y: i64) -> Option<(i64, i64)> {
    let (q, r) = (x.checked_div(y)?, x.checked_rem(y)?);
    if r != 0 && ((r < 0) != (y < 0)) {
        // |q| < |x| here, so `q - 1` cannot overflow.
        Some((q - 1, r + y))
    } else {
        Some((q, r))
    }
}

/// Python's `int / int`: the exact quotient rounded once, to the nearest
/// float (half to even), not each int rounded to a float first and then
/// divided, which rounds twice: `-6755985577202380367 / 940` is
/// `-7187218699151468.0` in Python, and was `...469.0` here. Both sides
/// within 2**53 are exact floats, and one IEEE division rounds once. As in
/// Python, a zero quotient has the sign of the operands' (`0 / -5` is
/// `-0.0`). `y` is not 0.
pub fn int_true_div(x: i64, y: i64) -> f64 {
    const EXACT: u64 = 1 << 53;
    if x.unsigned_abs() <= EXACT && y.unsigned_abs() <= EXACT {
        return x as f64 / y as f64;
    }
    let negative = (x < 0) != (y < 0);
    let sign = if negative { -1.0 } else { 1.0 };
    let (n, d) = (u128::from(x.unsigned_abs()), u128::from(y.unsigned_abs()));
    if n == 0 {
        return 0.0 * sign;
    }
    // Scale the dividend to 127 bits: n / d is then at least 2**62 (d is at
    // most 2**64), so the integer quotient holds every bit a float keeps
    // and more, and the remainder says whether anything was cut below.
    let shift = n.leading_zeros() - 1;
    let (q, r) = ((n << shift) / d, (n << shift) % d);
    // Keep the top 53 bits of `q`; round on the bits dropped, with the
    // remainder as a sticky bit: above half rounds up, exactly half to even.
    let dropped = 128 - q.leading_zeros() - 53;
    let mut mantissa = q >> dropped;
    let rest = q & ((1 << dropped) - 1);
    let half = 1 << (dropped - 1);
    if rest > half || (rest == half && (r != 0 || mantissa & 1 == 1)) {
        mantissa += 1;
    }
    // mantissa <= 2**53 converts exactly; times 2**(dropped - shift), a
    // power of two between 2**-126 and 2**11 (a normal float), exactly too.
    let exponent = i64::from(dropped) - i64::from(shift);
    let scale = f64::from_bits(((exponent + 1023) as u64) << 52);
    sign * (mantissa as f64 * scale)
}

/// Python's `divmod` on floats, as CPython's `float_divmod` computes it;
/// `y` is not 0.
pub fn float_floor_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut rem = x % y;
    let mut div = (x - rem) / y;
    if rem != 0.0 {
        if (y < 0.0) != (rem < 0.0) {
            rem += y;
            div -= 1.0;
        }
    } else {
        rem = 0.0_f64.copysign(y);
    }
    let floor = if div != 0.0 {
        let floor = div.floor();
        if div - floor > 0.5 {
            floor + 1.0
        } else {
            floor
        }
    } else {
        0.0_f64.copysign(x / y)
    };
    (floor, rem)
}

/// Python's arithmetic on two known values.
pub fn arith(a: &Value, op: BinOp, b: &Value) -> TraceResult<Value> {
    let overflow = || TraceError::new(crate::value::INT_OVERFLOW);
    // Python's text for each operator, of ints (bools) or else of floats.
    let zero = |float: bool| {
        TraceError::new(match (op, float) {
            (BinOp::Div, false) => "division by zero",
            (BinOp::FloorDiv, false) => "integer division or modulo by zero",
            (_, false) => "integer modulo by zero",
            (BinOp::Div, true) => "float division by zero",
            (BinOp::FloorDiv, true) => "float floor division by zero",
            (_, true) => "float modulo",
        })
    };
    if let (Some(x), Some(y)) = (a.as_int(), b.as_int()) {
        return Ok(match op {
            BinOp::Add => Value::Int(x.checked_add(y).ok_or_else(overflow)?),
            BinOp::Sub => Value::Int(x.checked_sub(y).ok_or_else(overflow)?),
            BinOp::Mul => Value::Int(x.checked_mul(y).ok_or_else(overflow)?),
            BinOp::Div | BinOp::FloorDiv | BinOp::Mod if y == 0 => return Err(zero(false)),
            BinOp::Div => Value::Float(int_true_div(x, y)),
            BinOp::FloorDiv => Value::Int(int_floor_divmod(x, y).ok_or_else(overflow)?.0),
            // `i64::MIN % -1` is 0; only its quotient overflows.
            BinOp::Mod if y == -1 => Value::Int(0),
            BinOp::Mod => Value::Int(int_floor_divmod(x, y).ok_or_else(overflow)?.1),
            BinOp::MatMul => return Err(unsupported_operands(op, &a.type_tag(), &b.type_tag())),
        });
    }
    if let (Some(x), Some(y)) = (a.as_number(), b.as_number()) {
        return Ok(Value::Float(match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::Div | BinOp::FloorDiv | BinOp::Mod if y == 0.0 => return Err(zero(true)),
            BinOp::Div => x / y,
            BinOp::FloorDiv => float_floor_divmod(x, y).0,
            BinOp::Mod => float_floor_divmod(x, y).1,
            BinOp::MatMul => return Err(unsupported_operands(op, &a.type_tag(), &b.type_tag())),
        }));
    }
    match (a, op, b) {
        (Value::Str(x), BinOp::Add, Value::Str(y)) => {
            if x.len() + y.len() > MAX_LEN {
                return Err(TraceError::new("string too large for this tracer"));
            }
            Ok(Value::str(&format!("{x}{y}")))
        }
        // `bool` counts as `int` (`'ab' * True`).
        (Value::Str(s), BinOp::Mul, n) | (n, BinOp::Mul, Value::Str(s)) if n.as_int().is_some() => {
            let n = usize::try_from(n.as_int().unwrap_or(0)).unwrap_or(0);
            if s.len().saturating_mul(n) > MAX_LEN {
                return Err(TraceError::new("string repetition too large"));
            }
            Ok(Value::str(&s.repeat(n)))
        }
        (Value::Str(_), BinOp::Add, other) => {
            Err(cannot_concatenate(&TypeTag::Str, &other.type_tag()))
        }
        (Value::Str(_), BinOp::Mod, _) => Err(TraceError::new(
            "printf-style formatting (str % args) is not supported by this tracer; use an f-string or format()",
        )),
        // The left one repeats if it can: `'ab' * 'cd'` names the right.
        (Value::Str(_), BinOp::Mul, other) | (other, BinOp::Mul, Value::Str(_)) => {
            Err(cannot_repeat(&other.type_tag()))
        }
        _ => Err(unsupported_operands(op, &a.type_tag(), &b.type_tag())),
    }
}

// ---------------------------------------------------------------------------

/// `None`, `bool`, `int`, `float`, `str`: Dynamo's `ConstantVariable`.
#[derive(Clone, Debug, RealizeAll, RealizeForward)]
#[realize_forward(TrackerMeta)]
pub struct ConstantTracker {
    pub value: Value,
    #[realize_all(skip)]
    #[realize(plain)]
    meta: Meta,
}

impl ConstantTracker {
    pub fn new(value: Value, meta: Meta) -> ConstantTracker {
        ConstantTracker { value, meta }
    }
}

impl VariableTracker for ConstantTracker {
    fn kind(&self) -> &'static str {
        "ConstantVariable"
    }
    fn clone_with_source(&self, source: Option<Source>) -> Tracker {
        let mut copy = self.clone();
        copy.meta.source = source;
        Rc::new(copy)
    }
    fn debug_repr(&self) -> String {
        format!("ConstantVariable({})", self.value.repr())
    }
    fn python_type(&self) -> TypeTag {
        self.value.type_tag()
    }
    fn is_constant_none(&self) -> bool {
        self.value == Value::None
    }
    fn is_python_constant(&self) -> bool {
        true
    }
    fn as_python_constant(&self) -> TraceResult<Value> {
        Ok(self.value.clone())
    }
    fn is_mutable(&self) -> bool {
        false
    }
    fn is_python_hashable(&self) -> bool {
        self.value.is_hashable()
    }
    fn get_python_hash(&self) -> TraceResult<u64> {
        if self.value.holds_nan() {
            return Err(nan_hash());
        }
        Ok(self.value.py_hash())
    }
    fn var_getattr(&self, _tx: &Tx, name: &str) -> TraceResult<Tracker> {
        Err(no_attr(&self.python_type(), name))
    }
    fn has_attr(&self, name: &str) -> bool {
        crate::pyattrs::python_has_attr(&self.python_type(), name)
    }
    fn getitem(&self, tx: &Tx, key: &Value) -> TraceResult<Tracker> {
        match (&self.value, key.as_int()) {
            (Value::Str(s), Some(i)) => {
                let chars: Vec<char> = s.chars().collect();
                let index = normalize_index(i, chars.len(), "string")?;
                Ok(tx.constant(Value::str(&chars[index].to_string())))
            }
            (Value::Str(_), None) => Err(TraceError::new(format!(
                "string indices must be integers, not '{}'",
                key.type_tag()
            ))),
            _ => Err(not_subscriptable(&self.python_type())),
        }
    }
    fn contains(&self, key: &Value) -> TraceResult<bool> {
        match (&self.value, key) {
            (Value::Str(s), Value::Str(k)) => Ok(s.contains(&**k)),
            (Value::Str(_), other) => Err(TraceError::new(format!(
                "'in <string>' requires string as left operand, not {}",
                other.type_tag()
            ))),
            _ => Err(not_a_container(&self.python_type())),
        }
    }
    fn has_unpack_var_sequence(&self) -> bool {
        matches!(self.value, Value::Str(_))
    }
    fn unpack_var_sequence(&self, tx: &Tx) -> TraceResult<Vec<Tracker>> {
        match &self.value {
            Value::Str(s) => Ok(s
                .chars()
                .map(|c| tx.constant(Value::str(&c.to_string())))
                .collect()),
            _ => Err(not_iterable(&self.python_type())),
        }
    }
    fn sequence_len(&self) -> TraceResult<usize> {
        match &self.value {
            Value::Str(s) => Ok(s.chars().count()),
            _ => Err(no_len(&self.python_type())),
        }
    }
    fn call_method(&self, tx: &Tx, name: &str, args: &[Tracker]) -> TraceResult<Tracker> {
        let Value::Str(s) = &self.value else {
            return Err(no_attr(&self.python_type(), name));
        };
        let text_arg = |args: &[Tracker]| -> TraceResult<String> {
            // Python's `start` and `end` are not read here.
            check_args(name, ArgsWording::Takes, 1..=3, 1..=1, args.len())?;
            match args[0].as_python_constant()? {
                Value::Str(t) => Ok(t.to_string()),
                other => Err(TraceError::new(format!(
                    "{name}() expects a str, got '{}'",
                    other.type_tag()
                ))),
            }
        };
        let value = match name {
            "upper" | "lower" => {
                let qualified = format!("str.{name}");
                check_args(&qualified, ArgsWording::NoArgs, 0..=0, 0..=0, args.len())?;
                Value::str(&match name {
                    "upper" => crate::pyunicode::upper(s),
                    _ => crate::pyunicode::lower(s),
                })
            }
            "strip" => {
                check_args(name, ArgsWording::Expected, 0..=1, 0..=1, args.len())?;
                let chars = match args.first().map(|chars| chars.as_python_constant()) {
                    None => None,
                    Some(chars) => match chars? {
                        Value::None => None,
                        Value::Str(chars) => Some(chars),
                        _ => return Err(TraceError::new("strip arg must be None or str")),
                    },
                };
                Value::str(match chars {
                    Some(chars) => s.trim_matches(|c: char| chars.contains(c)),
                    // Python's `str.isspace()`: Unicode's white space and
                    // the separators \x1c to \x1f.
                    None => s.trim_matches(|c: char| {
                        c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
                    }),
                })
            }
            "startswith" => Value::Bool(s.starts_with(&text_arg(args)?)),
            "endswith" => Value::Bool(s.ends_with(&text_arg(args)?)),
            _ => return Err(no_attr(&self.python_type(), name)),
        };
        if let Value::Str(text) = &value {
            tx.charge(text.len())?;
        }
        Ok(tx.constant(value))
    }
    fn call_function(&self, _tx: &Tx, _args: &[Tracker]) -> TraceResult<Tracker> {
        Err(not_callable(&self.python_type()))
    }
    fn truthy(&self) -> TraceResult<bool> {
        Ok(match &self.value {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(x) => *x != 0.0,
            Value::Str(s) => !s.is_empty(),
            _ => true,
        })
    }
    fn compare(&self, tx: &Tx, op: CmpOp, other: &dyn VariableTracker) -> TraceResult<bool> {
        if other.is_symnode() || other.is_tensor() {
            return other.compare(tx, op.swap(), self);
        }
        compare_trackers(self, op, other)
    }
    fn binary_op(
        &self,
        tx: &Tx,
        op: BinOp,
        other: &dyn VariableTracker,
        reflected: bool,
    ) -> TraceResult<Tracker> {
        // `2 * [x]` repeats the list as `[x] * 2` does: the sequence's own
        // operation, reflected (a str on the left repeats first, as Python's
        // error for `'ab' * [x]` shows).
        if other.is_symnode()
            || other.is_tensor()
            || (op == BinOp::Mul
                && !matches!(self.value, Value::Str(_))
                && matches!(other.python_type(), TypeTag::List | TypeTag::Tuple))
            // A dict's view, which answers as a list, names itself.
            || matches!(other.python_type(), TypeTag::DictKeys | TypeTag::DictValues)
        {
            return other.binary_op(tx, op, self, !reflected);
        }
        let theirs = other.as_python_constant()?;
        let value = if reflected {
            arith(&theirs, op, &self.value)?
        } else {
            arith(&self.value, op, &theirs)?
        };
        if let Value::Str(text) = &value {
            tx.charge(text.len())?;
        }
        Ok(tx.constant(value))
    }
    fn as_proxy(&self) -> TraceResult<String> {
        Ok(self.value.repr())
    }
    fn reconstruct(&self, codegen: &mut Codegen) -> TraceResult<()> {
        codegen.emit(format!("LOAD_CONST {}", self.value.repr()));
        Ok(())
    }
}

/// `index` of a `what` of `len` items, counted from the end if negative;
/// out of range, Python's error (`list index out of range`), or torch's for
/// a tensor, which names the index and the size.
fn normalize_index(index: i64, len: usize, what: &str) -> TraceResult<usize> {
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let adjusted = if index < 0 { index + len_i } else { index };
    if (0..len_i).contains(&adjusted) {
        Ok(adjusted as usize)
    } else if what == "tensor" {
        Err(TraceError::new(format!(
            "index {index} is out of bounds for dimension 0 with size {len}"
        )))
    } else {
        Err(TraceError::new(format!("{what} index out of range")))
    }
}

/// A `start` or `stop` of `list.index` and `tuple.index`: an int (a bool
/// counts as one), as Python's slice indices; `None` is refused too, and
/// so is a value the trace cannot know (an `$object`, a container holding
/// one, a dict's view of one), whose type has no `__index__` either. A
/// tensor's own error is kept: its value is data.
fn slice_index(arg: &Tracker) -> TraceResult<i64> {
    let refused = || TraceError::new("slice indices must be integers or have an __index__ method");
    let value = match arg.as_python_constant() {
        Ok(value) => value,
        Err(error) if arg.is_tensor() => return Err(error),
        Err(_) => return Err(refused()),
    };
    match value {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(i64::from(b)),
        _ => Err(refused()),
    }
}

/// A slice bound `index` of a sequence of `len` items, as Python reads it:
/// from the end when negative, then clamped to `0..=len`.
fn slice_bound(index: i64, len: usize) -> usize {
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let adjusted = if index < 0 {
        index.saturating_add(len_i)
    } else {
        index
    };
    adjusted.clamp(0, len_i) as usize
}

// ---------------------------------------------------------------------------

/// A list or tuple whose items are trackers of their own (lazy ones, in a
/// lazy run): Dynamo's `ListVariable` / `TupleVariable`.
#[derive(Clone, Debug, RealizeAll, RealizeForward)]
#[realize_forward(TrackerMeta)]
pub struct SequenceTracker {
    pub tuple: bool,
    pub items: Vec<Tracker>,
    #[realize_all(skip)]
    #[realize(plain)]
    meta: Meta,
}

impl SequenceTracker {
    pub fn new(tuple: bool, items: Vec<Tracker>, meta: Meta) -> SequenceTracker {
        SequenceTracker { tuple, items, meta }
    }

    fn type_tag(&self) -> TypeTag {
        if self.tuple {
            TypeTag::Tuple
        } else {
            TypeTag::List
        }
    }
}

impl VariableTracker for SequenceTracker {
    fn kind(&self) -> &'static str {
        if self.tuple {
            "TupleVariable"
        } else {
            "ListVariable"
        }
    }
    fn clone_with_source(&self, source: Option<Source>) -> Tracker {
        let mut copy = self.clone();
        copy.meta.source = source;
        Rc::new(copy)
    }
    fn debug_repr(&self) -> String {
        format!("{}(len={})", self.kind(), self.items.len())
    }
    fn python_type(&self) -> TypeTag {
        self.type_tag()
    }
    fn is_python_constant(&self) -> bool {
        self.items.iter().all(|item| item.is_python_constant())
    }
    fn as_python_constant(&self) -> TraceResult<Value> {
        let items = items_constant(&self.items)?;
        Ok(if self.tuple {
            Value::Tuple(items)
        } else {
            Value::List(items)
        })
    }
    fn is_mutable(&self) -> bool {
        !self.tuple
    }
    fn is_python_hashable(&self) -> bool {
        self.tuple && self.items.iter().all(|item| item.is_python_hashable())
    }
    fn get_python_hash(&self) -> TraceResult<u64> {
        if !self.tuple {
            return Err(unhashable(&TypeTag::List));
        }
        // Item by item, as Python hashes a tuple: an `$object` among them
        // hashes by its identity, which no constant has.
        if !self.is_python_hashable() {
            return Err(unhashable(&unhashable_type_of(self)));
        }
        // Each tracker once, however many times it is an item: CPython
        // keeps a string's hash in the string, and a string's hash here
        // reads all its text (a tuple of a million references to one long
        // string hashed it a million times).
        let mut hashed: HashMap<*const (), u64> = HashMap::new();
        let lanes = self
            .items
            .iter()
            .map(|item| match hashed.entry(Rc::as_ptr(item).cast::<()>()) {
                Entry::Occupied(lane) => Ok(*lane.get()),
                Entry::Vacant(lane) => Ok(*lane.insert(item.get_python_hash()?)),
            })
            .collect::<TraceResult<Vec<u64>>>()?;
        Ok(crate::value::hash_tuple_lanes(&lanes))
    }
    fn var_getattr(&self, _tx: &Tx, name: &str) -> TraceResult<Tracker> {
        Err(no_attr(&self.type_tag(), name))
    }
    fn has_attr(&self, name: &str) -> bool {
        crate::pyattrs::python_has_attr(&self.type_tag(), name)
    }
    fn getitem(&self, _tx: &Tx, key: &Value) -> TraceResult<Tracker> {
        let what = self.type_tag().to_string();
        // `bool` counts as `int` (`[a, b][True]` is `b`).
        match key.as_int() {
            Some(i) => Ok(Rc::clone(
                &self.items[normalize_index(i, self.items.len(), &what)?],
            )),
            // Python's text: slices allowed, the type unquoted (a str's
            // own error quotes it and names no slices).
            None => Err(TraceError::new(format!(
                "{what} indices must be integers or slices, not {}",
                key.type_tag()
            ))),
        }
    }
    fn contains(&self, key: &Value) -> TraceResult<bool> {
        items_contain(&self.items, key)
    }
    fn has_unpack_var_sequence(&self) -> bool {
        true
    }
    fn unpack_var_sequence(&self, _tx: &Tx) -> TraceResult<Vec<Tracker>> {
        Ok(self.items.clone())
    }
    fn sequence_len(&self) -> TraceResult<usize> {
        Ok(self.items.len())
    }
    fn call_method(&self, tx: &Tx, name: &str, args: &[Tracker]) -> TraceResult<Tracker> {
        match name {
            "index" | "count" => {
                if name == "count" {
                    let qualified = format!("{}.count", self.type_tag());
                    check_args(&qualified, ArgsWording::One, 1..=1, 1..=1, args.len())?;
                } else {
                    check_args(name, ArgsWording::Expected, 1..=3, 1..=3, args.len())?;
                }
                // `index` searches `start..stop` (Python's slice bounds:
                // from the end when negative, clamped to the list) and
                // stops at the first match: the items after it are never
                // compared, and so never guarded (nor a tensor's value
                // asked for).
                let len = self.items.len();
                let bound = |at: usize, default: usize| -> TraceResult<usize> {
                    match args.get(at) {
                        None => Ok(default),
                        Some(arg) => Ok(slice_bound(slice_index(arg)?, len)),
                    }
                };
                let (start, stop) = (bound(1, 0)?, bound(2, len)?);
                let searched = &self.items[start..stop.max(start)];
                let found = items_search(tx, searched, &*args[0], name == "index")?;
                if name == "count" {
                    return Ok(tx.constant(Value::Int(found.len() as i64)));
                }
                match found.first() {
                    Some(i) => Ok(tx.constant(Value::Int((start + i) as i64))),
                    // Python's texts: a tuple's does not name the value.
                    None if self.tuple => Err(TraceError::new("tuple.index(x): x not in tuple")),
                    // An object's repr in Python holds its address, which
                    // no trace knows: `<Linear object>` stands for it, in a
                    // container too (`[<Linear object>, 1.5]`).
                    None => Err(TraceError::new(format!(
                        "{} is not in list",
                        error_repr(&*args[0])
                    ))),
                }
            }
            "append" | "extend" | "pop" | "insert" | "remove" | "clear" if !self.tuple => {
                Err(TraceError::new(format!(
                    "list.{name}() mutates the list; this tracer does not trace mutations"
                )))
            }
            _ => Err(no_attr(&self.type_tag(), name)),
        }
    }
    fn call_function(&self, _tx: &Tx, _args: &[Tracker]) -> TraceResult<Tracker> {
        Err(not_callable(&self.type_tag()))
    }
    fn truthy(&self) -> TraceResult<bool> {
        Ok(!self.items.is_empty())
    }
    fn compare(&self, _tx: &Tx, op: CmpOp, other: &dyn VariableTracker) -> TraceResult<bool> {
        compare_trackers(self, op, other)
    }
    fn binary_op(
        &self,
        tx: &Tx,
        op: BinOp,
        other: &dyn VariableTracker,
        reflected: bool,
    ) -> TraceResult<Tracker> {
        // Dynamo's `__getattr__` fallback: another sequence's items are a
        // member only the concrete tracker has.
        let items: Vec<Tracker> = match (op, realized_as::<SequenceTracker>(other)) {
            (BinOp::Add, Some(theirs)) if theirs.tuple == self.tuple => {
                if self.items.len() + theirs.items.len() > MAX_LEN {
                    return Err(TraceError::new("sequence too large for this tracer"));
                }
                let (first, second) = if reflected {
                    (theirs, self)
                } else {
                    (self, theirs)
                };
                first.items.iter().chain(&second.items).cloned().collect()
            }
            (BinOp::Mul, None) if other.isinstance(&TypeTag::Int) => {
                let n = match other.as_python_constant()? {
                    Value::Int(n) => usize::try_from(n).unwrap_or(0),
                    Value::Bool(b) => usize::from(b),
                    v => return Err(unsupported_operands(op, &self.type_tag(), &v.type_tag())),
                };
                if self.items.len().saturating_mul(n) > MAX_LEN {
                    return Err(TraceError::new("sequence repetition too large"));
                }
                self.items
                    .iter()
                    .cloned()
                    .cycle()
                    .take(self.items.len() * n)
                    .collect()
            }
            (BinOp::Add, _) if !reflected => {
                return Err(cannot_concatenate(&self.type_tag(), &other.python_type()));
            }
            (BinOp::Mul, _) => return Err(cannot_repeat(&other.python_type())),
            // A dict's view answers the rest, as beside a constant: a keys
            // view's set operations take any iterable (`[1] - d.keys()` is
            // a set in Python), and it names both types otherwise.
            _ if is_dict_view(&other.python_type()) => {
                return other.binary_op(tx, op, self, !reflected);
            }
            _ => {
                return Err(unsupported_operands(
                    op,
                    &self.type_tag(),
                    &other.python_type(),
                ));
            }
        };
        tx.charge(items.len().saturating_mul(std::mem::size_of::<Tracker>()))?;
        Ok(Rc::new(SequenceTracker::new(
            self.tuple,
            items,
            Meta::new(None),
        )))
    }
    /// Its `repr()`, item by item, within the bound of any string.
    fn python_str(&self) -> TraceResult<String> {
        container_str(self)
    }
    fn format_value(&self, spec: &str) -> TraceResult<String> {
        container_format(self, self.type_tag(), spec)
    }
    fn as_proxy(&self) -> TraceResult<String> {
        Err(TraceError::new(format!(
            "a {} has no graph node",
            self.type_tag()
        )))
    }
    fn reconstruct(&self, codegen: &mut Codegen) -> TraceResult<()> {
        if self.meta.reconstruct_source(codegen) {
            return Ok(());
        }
        // Item by item, stopping at the bound of the output code: a million
        // references to one long string would each repeat it.
        for item in &self.items {
            item.reconstruct(codegen)?;
            codegen.check_size()?;
        }
        let op = if self.tuple {
            "BUILD_TUPLE"
        } else {
            "BUILD_LIST"
        };
        codegen.emit(format!("{op} {}", self.items.len()));
        Ok(())
    }
}

// ---------------------------------------------------------------------------

/// A dict with constant keys: Dynamo's `ConstDictVariable`.
#[derive(Clone, Debug, RealizeAll, RealizeForward)]
#[realize_forward(TrackerMeta)]
pub struct DictTracker {
    pub entries: Vec<(Value, Tracker)>,
    /// The trackers of the keys that hold an `$object` (the object, or a
    /// tuple holding one), by their place in `entries`: no constants, they
    /// are the frame's objects, with their attributes and identity.
    object_keys: Vec<(usize, Tracker)>,
    #[realize_all(skip)]
    #[realize(plain)]
    meta: Meta,
}

impl DictTracker {
    pub fn new(
        entries: Vec<(Value, Tracker)>,
        object_keys: Vec<(usize, Tracker)>,
        meta: Meta,
    ) -> DictTracker {
        // `object_key` searches them by their place.
        debug_assert!(object_keys.windows(2).all(|pair| pair[0].0 < pair[1].0));
        DictTracker {
            entries,
            object_keys,
            meta,
        }
    }

    /// The tracker of the key at `at` if it holds an `$object`. By a
    /// binary search: `object_keys` is in the order of the entries (the
    /// builder adds them so), and a scan for each key made `keys()` of a
    /// dict of many object keys quadratic (2^17 of them: 30 s).
    fn object_key(&self, at: usize) -> Option<&Tracker> {
        let found = self.object_keys.binary_search_by_key(&at, |(i, _)| *i);
        found.ok().map(|i| &self.object_keys[i].1)
    }

    /// The tracker of the key at `at`.
    fn key_tracker(&self, tx: &Tx, at: usize) -> Tracker {
        match self.object_key(at) {
            Some(key) => Rc::clone(key),
            None => tx.constant(self.entries[at].0.clone()),
        }
    }

    /// The value of `key`, which must be hashable, as in Python: a dict
    /// looks a key up by its hash first (`[1] in d` is an error, not False).
    fn lookup(&self, key: &Value) -> TraceResult<Option<&Tracker>> {
        if let Some(ty) = key.unhashable_type() {
            return Err(unhashable(&ty));
        }
        Ok(self
            .entries
            .iter()
            .find(|(k, _)| k.py_eq(key))
            .map(|(_, v)| v))
    }
}

impl VariableTracker for DictTracker {
    fn kind(&self) -> &'static str {
        "ConstDictVariable"
    }
    fn clone_with_source(&self, source: Option<Source>) -> Tracker {
        let mut copy = self.clone();
        copy.meta.source = source;
        Rc::new(copy)
    }
    fn debug_repr(&self) -> String {
        format!("ConstDictVariable(len={})", self.entries.len())
    }
    fn python_type(&self) -> TypeTag {
        TypeTag::Dict
    }
    fn is_python_constant(&self) -> bool {
        self.object_keys.is_empty() && self.entries.iter().all(|(_, v)| v.is_python_constant())
    }
    fn as_python_constant(&self) -> TraceResult<Value> {
        // A key that is an object is no constant, as the object is not.
        if let Some((_, key)) = self.object_keys.first() {
            key.as_python_constant()?;
        }
        let entries = self
            .entries
            .iter()
            .map(|(k, v)| Ok((k.clone(), Rc::new(v.as_python_constant()?))))
            .collect::<TraceResult<Vec<_>>>()?;
        Ok(Value::Dict(entries))
    }
    fn is_mutable(&self) -> bool {
        true
    }
    fn is_python_hashable(&self) -> bool {
        false
    }
    fn get_python_hash(&self) -> TraceResult<u64> {
        Err(unhashable(&TypeTag::Dict))
    }
    fn var_getattr(&self, _tx: &Tx, name: &str) -> TraceResult<Tracker> {
        Err(no_attr(&TypeTag::Dict, name))
    }
    fn has_attr(&self, name: &str) -> bool {
        crate::pyattrs::python_has_attr(&TypeTag::Dict, name)
    }
    fn getitem(&self, _tx: &Tx, key: &Value) -> TraceResult<Tracker> {
        match self.lookup(key)? {
            Some(value) => Ok(Rc::clone(value)),
            // Python's `KeyError`, whose message is the key's repr alone:
            // named, as the last line of Python's traceback names it.
            None => Err(TraceError::new(format!("KeyError: {}", error_repr_of(key)))),
        }
    }
    fn contains(&self, key: &Value) -> TraceResult<bool> {
        Ok(self.lookup(key)?.is_some())
    }
    fn has_unpack_var_sequence(&self) -> bool {
        true
    }
    fn unpack_var_sequence(&self, tx: &Tx) -> TraceResult<Vec<Tracker>> {
        Ok((0..self.entries.len())
            .map(|at| self.key_tracker(tx, at))
            .collect())
    }
    fn sequence_len(&self) -> TraceResult<usize> {
        Ok(self.entries.len())
    }
    fn call_method(&self, tx: &Tx, name: &str, args: &[Tracker]) -> TraceResult<Tracker> {
        match name {
            "get" => {
                check_args(name, ArgsWording::Expected, 1..=2, 1..=2, args.len())?;
                if !args[0].is_python_hashable() {
                    return Err(unhashable(&unhashable_type_of(&*args[0])));
                }
                let key = dict_key_value(&*args[0], self.entries.iter().map(|(k, _)| k))?;
                Ok(match (self.lookup(&key)?, args.get(1)) {
                    (Some(value), _) => Rc::clone(value),
                    (None, Some(default)) => Rc::clone(default),
                    (None, None) => tx.constant(Value::None),
                })
            }
            "keys" | "values" => {
                let qualified = format!("dict.{name}");
                check_args(&qualified, ArgsWording::NoArgs, 0..=0, 0..=0, args.len())?;
                let keys = name == "keys";
                // The view holds its items and a copy of the dict.
                let each = std::mem::size_of::<Tracker>() + std::mem::size_of::<(Value, Tracker)>();
                tx.charge(self.entries.len().saturating_mul(each))?;
                let items = if keys {
                    self.unpack_var_sequence(tx)?
                } else {
                    self.entries.iter().map(|(_, v)| Rc::clone(v)).collect()
                };
                Ok(Rc::new(DictViewTracker {
                    keys,
                    id: next_view_id(),
                    items,
                    dict: Rc::new(self.clone()),
                    meta: Meta::new(None),
                }))
            }
            _ => Err(no_attr(&TypeTag::Dict, name)),
        }
    }
    fn call_function(&self, _tx: &Tx, _args: &[Tracker]) -> TraceResult<Tracker> {
        Err(not_callable(&TypeTag::Dict))
    }
    fn truthy(&self) -> TraceResult<bool> {
        Ok(!self.entries.is_empty())
    }
    fn compare(&self, _tx: &Tx, op: CmpOp, other: &dyn VariableTracker) -> TraceResult<bool> {
        compare_trackers(self, op, other)
    }
    fn binary_op(
        &self,
        tx: &Tx,
        op: BinOp,
        other: &dyn VariableTracker,
        reflected: bool,
    ) -> TraceResult<Tracker> {
        // `{} * [x]`: the sequence repeats, and names the dict; a dict's
        // view answers as it does beside a list (`{} - d.keys()` is a set
        // in Python).
        let ty = other.python_type();
        if (op == BinOp::Mul && matches!(ty, TypeTag::List | TypeTag::Tuple | TypeTag::Str))
            || is_dict_view(&ty)
        {
            return other.binary_op(tx, op, self, !reflected);
        }
        Err(unsupported_operands(
            op,
            &TypeTag::Dict,
            &other.python_type(),
        ))
    }
    /// Its `repr()`, within the bound of any string.
    fn python_str(&self) -> TraceResult<String> {
        container_str(self)
    }
    fn as_proxy(&self) -> TraceResult<String> {
        Err(TraceError::new("a dict has no graph node"))
    }
    fn reconstruct(&self, codegen: &mut Codegen) -> TraceResult<()> {
        if self.meta.reconstruct_source(codegen) {
            return Ok(());
        }
        for (at, (key, value)) in self.entries.iter().enumerate() {
            match self.object_key(at) {
                Some(key) => key.reconstruct(codegen)?,
                None => codegen.emit(format!("LOAD_CONST {}", key.repr())),
            }
            value.reconstruct(codegen)?;
            codegen.check_size()?;
        }
        codegen.emit(format!("BUILD_MAP {}", self.entries.len()));
        Ok(())
    }
}

// ---------------------------------------------------------------------------

/// `dict.keys()` or `dict.values()`: Dynamo's `DictKeysVariable` /
/// `DictValuesVariable`. Sized, iterable and searchable as the dict's keys
/// or values, printed as Python prints it (`dict_keys(['x'])`), and no
/// list: it cannot be indexed, added or repeated. Keys views compare equal
/// when they hold the same keys; a values view equals only itself. A keys
/// view's set operations (`&`, `|`, `<=`, ..) are not supported, with the
/// view on either side: a constant, list, tuple or dict on its left hands
/// the operation to it.
#[derive(Clone, Debug, RealizeAll, RealizeForward)]
#[realize_forward(TrackerMeta)]
pub struct DictViewTracker {
    keys: bool,
    /// Which view this is (`Value::DictView`'s identity): a copy with
    /// another source is the same view.
    #[realize_all(skip)]
    id: u64,
    items: Vec<Tracker>,
    /// The dict it views, which the output code calls `keys` or `values` on.
    dict: Tracker,
    #[realize_all(skip)]
    #[realize(plain)]
    meta: Meta,
}

/// A new view's identity: views made by two calls of `keys()` or
/// `values()` are two, whatever they hold.
fn next_view_id() -> u64 {
    thread_local! {
        static NEXT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }
    NEXT.with(|next| {
        let id = next.get();
        next.set(id + 1);
        id
    })
}

impl DictViewTracker {
    /// A keys view as the value of its keys (`key_value`).
    fn keys_value(&self) -> TraceResult<Value> {
        let items = self
            .items
            .iter()
            .map(|item| key_value(&**item).map(Rc::new))
            .collect::<TraceResult<Vec<_>>>()?;
        Ok(Value::DictView(crate::value::DictView {
            keys: self.keys,
            id: self.id,
            items,
        }))
    }

    fn type_tag(&self) -> TypeTag {
        if self.keys {
            TypeTag::DictKeys
        } else {
            TypeTag::DictValues
        }
    }
}

impl VariableTracker for DictViewTracker {
    fn kind(&self) -> &'static str {
        if self.keys {
            "DictKeysVariable"
        } else {
            "DictValuesVariable"
        }
    }
    fn clone_with_source(&self, source: Option<Source>) -> Tracker {
        let mut copy = self.clone();
        copy.meta.source = source;
        Rc::new(copy)
    }
    fn debug_repr(&self) -> String {
        format!("{}(len={})", self.kind(), self.items.len())
    }
    fn python_type(&self) -> TypeTag {
        self.type_tag()
    }
    fn is_python_constant(&self) -> bool {
        self.items.iter().all(|item| item.is_python_constant())
    }
    /// The view as a value: its items, and its identity, which a values
    /// view is compared by (`in`, `index`, `count`, a dict's lookup).
    fn as_python_constant(&self) -> TraceResult<Value> {
        Ok(Value::DictView(crate::value::DictView {
            keys: self.keys,
            id: self.id,
            items: items_constant(&self.items)?,
        }))
    }
    fn is_mutable(&self) -> bool {
        false
    }
    /// A values view hashes by its identity in Python; a keys view not at
    /// all (it is set-like).
    fn is_python_hashable(&self) -> bool {
        !self.keys
    }
    fn get_python_hash(&self) -> TraceResult<u64> {
        if self.keys {
            return Err(unhashable(&self.type_tag()));
        }
        Err(TraceError::new(
            "hash() of a dict_values is the view's identity in Python; not supported by this tracer",
        ))
    }
    fn var_getattr(&self, _tx: &Tx, name: &str) -> TraceResult<Tracker> {
        Err(no_attr(&self.type_tag(), name))
    }
    fn has_attr(&self, name: &str) -> bool {
        crate::pyattrs::python_has_attr(&self.type_tag(), name)
    }
    fn getitem(&self, _tx: &Tx, _key: &Value) -> TraceResult<Tracker> {
        Err(not_subscriptable(&self.type_tag()))
    }
    /// A keys view is searched as the dict is, so the key must be
    /// hashable (`[1] in d.keys()` is Python's `TypeError`).
    fn contains(&self, key: &Value) -> TraceResult<bool> {
        if self.keys
            && let Some(ty) = key.unhashable_type()
        {
            return Err(unhashable(&ty));
        }
        items_contain(&self.items, key)
    }
    fn has_unpack_var_sequence(&self) -> bool {
        true
    }
    fn unpack_var_sequence(&self, _tx: &Tx) -> TraceResult<Vec<Tracker>> {
        Ok(self.items.clone())
    }
    fn sequence_len(&self) -> TraceResult<usize> {
        Ok(self.items.len())
    }
    fn call_method(&self, _tx: &Tx, name: &str, _args: &[Tracker]) -> TraceResult<Tracker> {
        Err(no_attr(&self.type_tag(), name))
    }
    fn call_function(&self, _tx: &Tx, _args: &[Tracker]) -> TraceResult<Tracker> {
        Err(not_callable(&self.type_tag()))
    }
    fn truthy(&self) -> TraceResult<bool> {
        Ok(!self.items.is_empty())
    }
    fn compare(&self, _tx: &Tx, op: CmpOp, other: &dyn VariableTracker) -> TraceResult<bool> {
        let theirs = realized_as::<DictViewTracker>(other);
        let equal = match (op, theirs) {
            // The same keys, an `$object` among them by its identity.
            (CmpOp::Eq | CmpOp::Ne, Some(theirs)) if self.keys && theirs.keys => {
                self.keys_value()?.py_eq(&theirs.keys_value()?)
            }
            // A values view is equal to itself only; a view to no list.
            (CmpOp::Eq | CmpOp::Ne, theirs) => {
                // By its identity, which a copy with another source keeps.
                theirs.is_some_and(|theirs| !self.keys && !theirs.keys && self.id == theirs.id)
            }
            // Two keys views order as sets (`<=` is "is a subset of").
            (_, Some(theirs)) if self.keys && theirs.keys => {
                return Err(TraceError::new(format!(
                    "'{}' on a dict_keys (a set comparison) is not supported by this tracer",
                    op.symbol()
                )));
            }
            _ => {
                return Err(TraceError::new(format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    self.type_tag(),
                    other.python_type()
                )));
            }
        };
        Ok(equal == (op == CmpOp::Eq))
    }
    fn binary_op(
        &self,
        _tx: &Tx,
        op: BinOp,
        other: &dyn VariableTracker,
        reflected: bool,
    ) -> TraceResult<Tracker> {
        // `'ab' * d.keys()`, either way round: the sequence's error, naming
        // the view (which has no `*` of its own).
        if op == BinOp::Mul
            && matches!(
                other.python_type(),
                TypeTag::Str | TypeTag::List | TypeTag::Tuple
            )
        {
            return Err(cannot_repeat(&self.type_tag()));
        }
        if self.keys && matches!(op, BinOp::Sub) {
            return Err(TraceError::new(
                "'-' on a dict_keys (a set difference) is not supported by this tracer",
            ));
        }
        let (a, b) = if reflected {
            (other.python_type(), self.type_tag())
        } else {
            (self.type_tag(), other.python_type())
        };
        Err(unsupported_operands(op, &a, &b))
    }
    /// Its `repr()`, item by item, within the bound of any string.
    fn python_str(&self) -> TraceResult<String> {
        container_str(self)
    }
    fn format_value(&self, spec: &str) -> TraceResult<String> {
        container_format(self, self.type_tag(), spec)
    }
    fn as_proxy(&self) -> TraceResult<String> {
        Err(TraceError::new(format!(
            "a {} has no graph node",
            self.type_tag()
        )))
    }
    fn reconstruct(&self, codegen: &mut Codegen) -> TraceResult<()> {
        if self.meta.reconstruct_source(codegen) {
            return Ok(());
        }
        self.dict.reconstruct(codegen)?;
        let method = if self.keys { "keys" } else { "values" };
        codegen.emit(format!("LOAD_METHOD {method}"));
        codegen.emit("CALL_METHOD 0");
        Ok(())
    }
}

// ---------------------------------------------------------------------------

/// One dim of a traced tensor: its size (the hint, if dynamic) and, if
/// dynamic, its symbol and the source expression guards print for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dim {
    pub size: i64,
    pub sym: Option<(String, String)>,
}

/// NumPy's broadcasting of two shapes, aligned at their last dims: `None`
/// where a pair of dims is neither equal nor a fixed 1. Two dims found
/// equal where either is dynamic are guarded equal (`same_size`).
fn broadcast_dims(tx: &Tx, a: &[Dim], b: &[Dim]) -> Option<Vec<Dim>> {
    let rank = a.len().max(b.len());
    let pad = |dims: &[Dim]| -> Vec<Dim> {
        let mut padded = vec![Dim::fixed(1); rank - dims.len()];
        padded.extend_from_slice(dims);
        padded
    };
    pad(a)
        .into_iter()
        .zip(pad(b))
        .map(|(x, y)| match (x.size, y.size) {
            // A fixed 1 broadcasts against any size, which needs no guard.
            (1, _) if x.sym.is_none() => Some(y),
            (_, 1) if y.sym.is_none() => Some(x),
            (p, q) if p == q => {
                same_size(tx, &x, &y);
                Some(if x.sym.is_some() { x } else { y })
            }
            _ => None,
        })
        .collect()
}

/// Guards that two dims found equal stay equal, where either is dynamic
/// (`L['x'].size()[0] == L['y'].size()[0]`, or `== 4` against a fixed
/// size): their hints were compared, and another frame's dynamic sizes
/// may differ, where the trace would be a shape mismatch.
fn same_size(tx: &Tx, x: &Dim, y: &Dim) {
    let (expr, other) = match (&x.sym, &y.sym) {
        (Some((_, a)), Some((_, b))) if a == b => return,
        (Some((_, a)), Some((_, b))) => (a.clone(), b.clone()),
        (Some((_, a)), None) => (a.clone(), y.size.to_string()),
        (None, Some((_, b))) => (b.clone(), x.size.to_string()),
        (None, None) => return,
    };
    tx.guard_text(GuardKind::ShapeEnv, expr, format!("== {other}"));
}

impl Dim {
    fn fixed(size: i64) -> Dim {
        Dim { size, sym: None }
    }
}

/// A tensor: a graph node with known dtype and shape. Dynamo's
/// `TensorVariable`.
#[derive(Clone, Debug, RealizeAll, RealizeForward)]
#[realize_forward(TrackerMeta)]
pub struct TensorTracker {
    #[realize_all(skip)]
    pub dims: Vec<Dim>,
    pub dtype: Rc<str>,
    pub node: String,
    #[realize_all(skip)]
    tx: Tx,
    #[realize_all(skip)]
    #[realize(plain)]
    meta: Meta,
}

const ELEMENTWISE: &[&str] = &[
    "relu",
    "sigmoid",
    "tanh",
    "gelu",
    "silu",
    "neg",
    "abs",
    "exp",
    "log",
    "sqrt",
    "contiguous",
    "clone",
    "detach",
    "softmax",
];

impl TensorTracker {
    /// The tracker of a frame tensor; its dynamic dims get symbols.
    pub fn new(tx: &Tx, tensor: TensorMeta, node: String, meta: Meta) -> TensorTracker {
        let dims = tensor
            .shape
            .iter()
            .enumerate()
            .map(|(i, &size)| Dim {
                size,
                sym: match (&meta.source, tensor.is_dynamic(i)) {
                    (Some(source), true) => {
                        let expr = source.size(i).to_string();
                        Some((tx.symbol(&expr), expr))
                    }
                    _ => None,
                },
            })
            .collect();
        TensorTracker {
            dims,
            dtype: tensor.dtype,
            node,
            tx: tx.clone(),
            meta,
        }
    }

    fn derived(&self, op: &str, args: &[String], dims: Vec<Dim>, dtype: Rc<str>) -> Tracker {
        let node = self.tx.graph_node(op, args);
        Rc::new(TensorTracker {
            dims,
            dtype,
            node,
            tx: self.tx.clone(),
            meta: Meta::new(None),
        })
    }

    pub fn describe(&self) -> String {
        let dims: Vec<String> = self
            .dims
            .iter()
            .map(|d| match &d.sym {
                Some((sym, _)) => sym.clone(),
                None => d.size.to_string(),
            })
            .collect();
        format!("{}[{}]", self.dtype, dims.join(", "))
    }

    fn dim_index(&self, dim: i64) -> TraceResult<usize> {
        let rank = self.dims.len();
        let adjusted = if dim < 0 { dim + rank as i64 } else { dim };
        usize::try_from(adjusted)
            .ok()
            .filter(|d| *d < rank)
            .ok_or_else(|| {
                TraceError::new(format!(
                    "dimension {dim} out of range for a tensor of rank {rank}"
                ))
            })
    }

    /// `x.size(dim)`: a symbol for a dynamic dim, a constant otherwise.
    fn size_of(&self, dim: usize) -> Tracker {
        let d = &self.dims[dim];
        match &d.sym {
            Some((sym, expr)) => Rc::new(SymNodeTracker::new(
                &self.tx,
                sym.clone(),
                expr.clone(),
                d.size,
            )),
            None => self.tx.constant(Value::Int(d.size)),
        }
    }

    fn shape(&self) -> Tracker {
        let items = (0..self.dims.len()).map(|d| self.size_of(d)).collect();
        Rc::new(SequenceTracker::new(true, items, Meta::new(None)))
    }

    fn mismatch(&self, op: BinOp, other: &TensorTracker) -> TraceError {
        TraceError::new(format!(
            "shape mismatch for {}: {} and {}",
            op.symbol(),
            self.describe(),
            other.describe()
        ))
    }

    fn broadcast(&self, op: BinOp, other: &TensorTracker) -> TraceResult<Vec<Dim>> {
        broadcast_dims(&self.tx, &self.dims, &other.dims).ok_or_else(|| self.mismatch(op, other))
    }

    fn matmul(&self, other: &TensorTracker, reflected: bool) -> TraceResult<Tracker> {
        let (a, b) = if reflected {
            (other, self)
        } else {
            (self, other)
        };
        let (Some(k_a), Some(k_b)) = (a.dims.last(), b.dims.get(b.dims.len().saturating_sub(2)))
        else {
            return Err(TraceError::new("matmul needs tensors of rank 1 or more"));
        };
        if k_a.size != k_b.size {
            return Err(a.mismatch(BinOp::MatMul, b));
        }
        same_size(&self.tx, k_a, k_b);
        // torch.matmul: the dims before the last two broadcast, then `n`
        // (unless `a` is a vector) and `m` (unless `b` is one).
        let batch = |dims: &[Dim]| dims[..dims.len().saturating_sub(2)].to_vec();
        let mut dims = broadcast_dims(&self.tx, &batch(&a.dims), &batch(&b.dims))
            .ok_or_else(|| a.mismatch(BinOp::MatMul, b))?;
        if a.dims.len() >= 2 {
            dims.push(a.dims[a.dims.len() - 2].clone());
        }
        if b.dims.len() >= 2 {
            dims.extend(b.dims.last().cloned());
        }
        Ok(self.derived(
            "matmul",
            &[a.node.clone(), b.node.clone()],
            dims,
            a.dtype.clone(),
        ))
    }

    /// How many rows unpacking yields: the first dim's size, a dynamic
    /// one's guarded `== size` (`sequence_len`); a 0-d tensor has none,
    /// torch's error.
    pub fn row_count(&self) -> TraceResult<usize> {
        if self.dims.is_empty() {
            return Err(TraceError::new("iteration over a 0-d tensor"));
        }
        self.sequence_len()
    }

    /// The rows along the first dim, each a `select` in the graph, as
    /// `x[i]` is; call `row_count` first, which checks and guards it.
    pub fn rows(&self) -> Vec<Tracker> {
        let Some(first) = self.dims.first() else {
            return Vec::new();
        };
        (0..first.size)
            .map(|i| {
                let args = [self.node.clone(), i.to_string()];
                self.derived("select", &args, self.dims[1..].to_vec(), self.dtype.clone())
            })
            .collect()
    }

    fn data_dependent(&self, what: &str) -> TraceError {
        TraceError::new(format!(
            "{what} on a tensor depends on its data; the graph would break here"
        ))
    }
}

impl VariableTracker for TensorTracker {
    fn kind(&self) -> &'static str {
        "TensorVariable"
    }
    fn clone_with_source(&self, source: Option<Source>) -> Tracker {
        let mut copy = self.clone();
        copy.meta.source = source;
        Rc::new(copy)
    }
    fn debug_repr(&self) -> String {
        format!("TensorVariable({})", self.describe())
    }
    fn python_type(&self) -> TypeTag {
        TypeTag::Tensor
    }
    fn is_tensor(&self) -> bool {
        true
    }
    fn is_python_constant(&self) -> bool {
        false
    }
    fn as_python_constant(&self) -> TraceResult<Value> {
        Err(not_a_constant(&TypeTag::Tensor))
    }
    fn is_mutable(&self) -> bool {
        true
    }
    fn is_python_hashable(&self) -> bool {
        true
    }
    fn get_python_hash(&self) -> TraceResult<u64> {
        // Tensors hash by identity: the graph node stands for it, under a
        // tag, so that no string's hash is a tensor's.
        Ok(crate::value::tagged_hash("$tensor", &self.node))
    }
    fn var_getattr(&self, _tx: &Tx, name: &str) -> TraceResult<Tracker> {
        match name {
            "shape" => Ok(self.shape()),
            "dtype" => Ok(self.tx.constant(Value::Str(self.dtype.clone()))),
            "ndim" => Ok(self.tx.constant(Value::Int(self.dims.len() as i64))),
            "T" => {
                let dims = self.dims.iter().rev().cloned().collect();
                Ok(self.derived(
                    "permute",
                    std::slice::from_ref(&self.node),
                    dims,
                    self.dtype.clone(),
                ))
            }
            _ => Err(no_attr(&TypeTag::Tensor, name)),
        }
    }
    fn has_attr(&self, name: &str) -> bool {
        matches!(name, "shape" | "dtype" | "ndim" | "T")
    }
    fn getitem(&self, _tx: &Tx, key: &Value) -> TraceResult<Tracker> {
        let Value::Int(index) = key else {
            return Err(TraceError::new(format!(
                "tensor indices must be integers here, not '{}'",
                key.type_tag()
            )));
        };
        let Some(first) = self.dims.first() else {
            return Err(TraceError::new("invalid index of a 0-dim tensor"));
        };
        // Checked against the size, a dynamic one's hint too (torch checks
        // `-size <= index < size` on the symbolic size, which Dynamo answers
        // by the hint): out of bounds, torch's `IndexError`. In bounds on a
        // dynamic dim, the relation that makes the index valid is guarded
        // (`> 1` for `x[1]`, `>= 2` for `x[-2]`), not the size's value.
        normalize_index(*index, usize::try_from(first.size).unwrap_or(0), "tensor")?;
        if let Some((_, expr)) = &first.sym {
            let holds = if *index >= 0 {
                format!("> {index}")
            } else {
                // In bounds, so `-index` is at most the size: no overflow.
                format!(">= {}", -index)
            };
            self.tx.guard_text(GuardKind::ShapeEnv, expr.clone(), holds);
        }
        let args = [self.node.clone(), index.to_string()];
        Ok(self.derived("select", &args, self.dims[1..].to_vec(), self.dtype.clone()))
    }
    fn contains(&self, _key: &Value) -> TraceResult<bool> {
        Err(self.data_dependent("`in`"))
    }
    /// A tensor is iterable: `a, b = x` unpacks its rows (`rows`).
    fn has_unpack_var_sequence(&self) -> bool {
        true
    }
    /// Iterating over a tensor elsewhere (`max(x)`) is not supported.
    fn unpack_var_sequence(&self, _tx: &Tx) -> TraceResult<Vec<Tracker>> {
        Err(TraceError::new(
            "iterating over a tensor is not supported by this tracer",
        ))
    }
    fn sequence_len(&self) -> TraceResult<usize> {
        let Some(first) = self.dims.first() else {
            return Err(TraceError::new("len() of a 0-d tensor"));
        };
        if let Some((_, expr)) = &first.sym {
            self.tx.guard_text(
                GuardKind::ShapeEnv,
                expr.clone(),
                format!("== {}", first.size),
            );
        }
        Ok(usize::try_from(first.size).unwrap_or(0))
    }
    fn call_method(&self, tx: &Tx, name: &str, args: &[Tracker]) -> TraceResult<Tracker> {
        let same = |op: &str, dtype: Rc<str>| {
            self.derived(
                op,
                std::slice::from_ref(&self.node),
                self.dims.clone(),
                dtype,
            )
        };
        match name {
            "size" => {
                expect_args(name, args, 0..=1)?;
                match args.first() {
                    Some(dim) => Ok(self.size_of(self.dim_index(int_arg(name, dim)?)?)),
                    None => Ok(self.shape()),
                }
            }
            "dim" => {
                expect_args(name, args, 0..=0)?;
                Ok(tx.constant(Value::Int(self.dims.len() as i64)))
            }
            "float" | "half" => {
                expect_args(name, args, 0..=0)?;
                let dtype = if name == "float" {
                    "float32"
                } else {
                    "float16"
                };
                Ok(same(name, dtype.into()))
            }
            "softmax" => {
                expect_args(name, args, 1..=1)?;
                let dim = self.dim_index(int_arg(name, &args[0])?)?;
                let call_args = [self.node.clone(), format!("dim={dim}")];
                Ok(self.derived(name, &call_args, self.dims.clone(), self.dtype.clone()))
            }
            op if ELEMENTWISE.contains(&op) => {
                expect_args(name, args, 0..=0)?;
                Ok(same(op, self.dtype.clone()))
            }
            "sum" | "mean" => {
                expect_args(name, args, 0..=1)?;
                let mut dims = Vec::new();
                let mut call_args = vec![self.node.clone()];
                if let Some(dim) = args.first() {
                    let d = self.dim_index(int_arg(name, dim)?)?;
                    dims = self.dims.clone();
                    dims.remove(d);
                    call_args.push(d.to_string());
                }
                Ok(self.derived(name, &call_args, dims, self.dtype.clone()))
            }
            "t" => {
                expect_args(name, args, 0..=0)?;
                if self.dims.len() > 2 {
                    return Err(TraceError::new("t() expects a tensor of rank 2 or less"));
                }
                let dims = self.dims.iter().rev().cloned().collect();
                Ok(self.derived(
                    "t",
                    std::slice::from_ref(&self.node),
                    dims,
                    self.dtype.clone(),
                ))
            }
            "matmul" | "add" | "sub" | "mul" | "div" => {
                expect_args(name, args, 1..=1)?;
                let op = match name {
                    "matmul" => BinOp::MatMul,
                    "add" => BinOp::Add,
                    "sub" => BinOp::Sub,
                    "mul" => BinOp::Mul,
                    _ => BinOp::Div,
                };
                self.binary_op(tx, op, &*args[0], false)
            }
            _ => Err(no_attr(&TypeTag::Tensor, name)),
        }
    }
    fn call_function(&self, _tx: &Tx, _args: &[Tracker]) -> TraceResult<Tracker> {
        Err(not_callable(&TypeTag::Tensor))
    }
    fn truthy(&self) -> TraceResult<bool> {
        Err(self.data_dependent("a branch"))
    }
    fn compare(&self, _tx: &Tx, op: CmpOp, _other: &dyn VariableTracker) -> TraceResult<bool> {
        Err(self.data_dependent(&format!("a branch on `{}`", op.symbol())))
    }
    fn binary_op(
        &self,
        _tx: &Tx,
        op: BinOp,
        other: &dyn VariableTracker,
        reflected: bool,
    ) -> TraceResult<Tracker> {
        if let Some(theirs) = realized_as::<TensorTracker>(other) {
            if op == BinOp::MatMul {
                return self.matmul(theirs, reflected);
            }
            let dims = self.broadcast(op, theirs)?;
            let mut args = [self.node.clone(), theirs.node.clone()];
            if reflected {
                args.swap(0, 1);
            }
            return Ok(self.derived(op.op_name(), &args, dims, self.dtype.clone()));
        }
        if op == BinOp::MatMul {
            return Err(unsupported_operands(
                op,
                &TypeTag::Tensor,
                &other.python_type(),
            ));
        }
        // A number (or a size): using its value specializes it.
        let scalar = if other.is_symnode() {
            other.as_proxy()?
        } else if other.isinstance(&TypeTag::Int) || other.isinstance(&TypeTag::Float) {
            other.as_python_constant()?.repr()
        } else {
            return Err(unsupported_operands(
                op,
                &TypeTag::Tensor,
                &other.python_type(),
            ));
        };
        let mut args = [self.node.clone(), scalar];
        if reflected {
            args.swap(0, 1);
        }
        Ok(self.derived(op.op_name(), &args, self.dims.clone(), self.dtype.clone()))
    }
    fn as_proxy(&self) -> TraceResult<String> {
        Ok(self.node.clone())
    }
    fn reconstruct(&self, codegen: &mut Codegen) -> TraceResult<()> {
        if !self.meta.reconstruct_source(codegen) {
            codegen.emit(format!("LOAD_GRAPH_OUTPUT {}", self.node));
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------

/// A symbolic int (a dynamic size, or arithmetic on one): Dynamo's
/// `SymNodeVariable`. Using its value as a concrete int installs a
/// `SHAPE_ENV` guard on the sizes it comes from.
#[derive(Clone, Debug, RealizeAll, RealizeForward)]
#[realize_forward(TrackerMeta)]
pub struct SymNodeTracker {
    /// In symbols: `2*s0`.
    pub expr: String,
    /// In sources, for guards: `2*L['x'].size()[0]`.
    pub source_expr: String,
    pub hint: i64,
    #[realize_all(skip)]
    tx: Tx,
    #[realize_all(skip)]
    #[realize(plain)]
    meta: Meta,
}

impl SymNodeTracker {
    /// `self op other`, guarding the relation that holds (`!= 2`), not the
    /// size's value: the `compare` of the program's operators, and the
    /// `==` of `trackers_equal` (an item of `x.shape`, a dict's key).
    pub fn compare_with(&self, op: CmpOp, other: &dyn VariableTracker) -> TraceResult<bool> {
        let (theirs, their_text) = match realized_as::<SymNodeTracker>(other) {
            Some(sym) => (Value::Int(sym.hint), Some(sym.source_expr.clone())),
            None => match other.as_python_constant() {
                Ok(value) => (value, None),
                // An `$object`, or a list holding one: no int equals it or
                // is ordered with it, whatever the size, which stays
                // unguarded.
                Err(_) => {
                    let size = ConstantTracker::new(Value::Int(self.hint), Meta::new(None));
                    return compare_trackers(&size, op, other);
                }
            },
        };
        let holds = compare_values(&Value::Int(self.hint), op, &theirs)?;
        // The value's text for the guard, made once the comparison has an
        // answer and within the bound of any text: `n < (s,) * 10**6` is
        // Python's TypeError, and its repr, made first, took gigabytes.
        let their_text = match their_text {
            Some(text) => text,
            None => theirs
                .repr_within(MAX_LEN)
                .map_err(|_| string_too_large())?,
        };
        let guarded = if holds { op } else { op.negate() };
        self.tx.guard_text(
            GuardKind::ShapeEnv,
            self.source_expr.clone(),
            format!("{} {their_text}", guarded.symbol()),
        );
        Ok(holds)
    }

    /// The key a dict of `keys` looks this size up by: the key equal to it,
    /// compared with the number keys alone (no other equals an int) with
    /// `!=` guarded for each that differs, or the size's value when none
    /// is equal (which then finds nothing: a `KeyError` names it).
    pub fn dict_key<'a>(&self, keys: impl IntoIterator<Item = &'a Value>) -> TraceResult<Value> {
        for key in keys {
            if never_equal(&TypeTag::Int, &key.type_tag()) {
                continue;
            }
            let constant = ConstantTracker::new(key.clone(), Meta::new(None));
            if self.compare_with(CmpOp::Eq, &constant)? {
                return Ok(key.clone());
            }
        }
        Ok(Value::Int(self.hint))
    }

    pub fn new(tx: &Tx, expr: String, source_expr: String, hint: i64) -> SymNodeTracker {
        SymNodeTracker {
            expr,
            source_expr,
            hint,
            tx: tx.clone(),
            meta: Meta::new(None),
        }
    }

    /// Uses the value as a concrete int: guards that it stays the same.
    fn specialize(&self) -> i64 {
        self.tx.guard_text(
            GuardKind::ShapeEnv,
            self.source_expr.clone(),
            format!("== {}", self.hint),
        );
        self.hint
    }
}

fn parenthesize(expr: &str) -> String {
    if expr.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        || !expr.contains([' ', '+', '-', '*', '/', '%'])
    {
        expr.to_string()
    } else {
        format!("({expr})")
    }
}

impl VariableTracker for SymNodeTracker {
    fn kind(&self) -> &'static str {
        "SymNodeVariable"
    }
    fn clone_with_source(&self, source: Option<Source>) -> Tracker {
        let mut copy = self.clone();
        copy.meta.source = source;
        Rc::new(copy)
    }
    fn debug_repr(&self) -> String {
        format!("SymNodeVariable({}, hint={})", self.expr, self.hint)
    }
    fn python_type(&self) -> TypeTag {
        TypeTag::Int
    }
    fn is_symnode(&self) -> bool {
        true
    }
    fn is_python_constant(&self) -> bool {
        false
    }
    fn as_python_constant(&self) -> TraceResult<Value> {
        Ok(Value::Int(self.specialize()))
    }
    fn is_mutable(&self) -> bool {
        false
    }
    fn is_python_hashable(&self) -> bool {
        true
    }
    fn get_python_hash(&self) -> TraceResult<u64> {
        Ok(Value::Int(self.specialize()).py_hash())
    }
    fn var_getattr(&self, _tx: &Tx, name: &str) -> TraceResult<Tracker> {
        Err(no_attr(&TypeTag::Int, name))
    }
    fn has_attr(&self, name: &str) -> bool {
        crate::pyattrs::python_has_attr(&TypeTag::Int, name)
    }
    fn getitem(&self, _tx: &Tx, _key: &Value) -> TraceResult<Tracker> {
        Err(not_subscriptable(&TypeTag::Int))
    }
    fn contains(&self, _key: &Value) -> TraceResult<bool> {
        Err(not_a_container(&TypeTag::Int))
    }
    fn unpack_var_sequence(&self, _tx: &Tx) -> TraceResult<Vec<Tracker>> {
        Err(not_iterable(&TypeTag::Int))
    }
    fn sequence_len(&self) -> TraceResult<usize> {
        Err(no_len(&TypeTag::Int))
    }
    fn call_method(&self, _tx: &Tx, name: &str, _args: &[Tracker]) -> TraceResult<Tracker> {
        Err(no_attr(&TypeTag::Int, name))
    }
    fn call_function(&self, _tx: &Tx, _args: &[Tracker]) -> TraceResult<Tracker> {
        Err(not_callable(&TypeTag::Int))
    }
    fn truthy(&self) -> TraceResult<bool> {
        let nonzero = self.hint != 0;
        let detail = if nonzero { "!= 0" } else { "== 0" };
        self.tx.guard_text(
            GuardKind::ShapeEnv,
            self.source_expr.clone(),
            detail.to_string(),
        );
        Ok(nonzero)
    }
    fn compare(&self, _tx: &Tx, op: CmpOp, other: &dyn VariableTracker) -> TraceResult<bool> {
        self.compare_with(op, other)
    }
    fn binary_op(
        &self,
        tx: &Tx,
        op: BinOp,
        other: &dyn VariableTracker,
        reflected: bool,
    ) -> TraceResult<Tracker> {
        if other.is_tensor() {
            return other.binary_op(tx, op, self, !reflected);
        }
        if !matches!(
            op,
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::FloorDiv | BinOp::Mod
        ) {
            return Err(TraceError::new(format!(
                "`{}` on a symbolic size is not supported by this tracer",
                op.symbol()
            )));
        }
        let their_sym = realized_as::<SymNodeTracker>(other);
        let (their_hint, their_expr, their_source) = match their_sym {
            Some(sym) => (sym.hint, sym.expr.clone(), sym.source_expr.clone()),
            None => match other.as_python_constant()? {
                Value::Int(i) => (i, i.to_string(), i.to_string()),
                Value::Bool(b) => (
                    i64::from(b),
                    i64::from(b).to_string(),
                    i64::from(b).to_string(),
                ),
                // Valid Python that this tracer does not trace: Dynamo makes
                // a `SymFloat` of `n * 1.5` and specializes `n * 'ab'`.
                v if matches!(v, Value::Float(_))
                    || (op == BinOp::Mul
                        && matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_))) =>
                {
                    return Err(TraceError::new(format!(
                        "`{}` of a symbolic size and a '{}' is not supported by this tracer (Python allows it); use int(n) to specialize the size first",
                        op.symbol(),
                        v.type_tag()
                    )));
                }
                Value::Str(_) if op == BinOp::Mod && reflected => {
                    return Err(TraceError::new(
                        "printf-style formatting (str % args) is not supported by this tracer; use an f-string or format()",
                    ));
                }
                // Python's error, the operands in the order written.
                v @ (Value::Str(_) | Value::List(_) | Value::Tuple(_))
                    if reflected && op == BinOp::Add =>
                {
                    return Err(cannot_concatenate(&v.type_tag(), &TypeTag::Int));
                }
                v if reflected => {
                    return Err(unsupported_operands(op, &v.type_tag(), &TypeTag::Int));
                }
                v => return Err(unsupported_operands(op, &TypeTag::Int, &v.type_tag())),
            },
        };
        let (a, b) = if reflected {
            (Value::Int(their_hint), Value::Int(self.hint))
        } else {
            (Value::Int(self.hint), Value::Int(their_hint))
        };
        let Value::Int(hint) = arith(&a, op, &b)? else {
            return Err(TraceError::new("symbolic size arithmetic gave a non-int"));
        };
        if self.source_expr.len() + their_source.len() > MAX_EXPR {
            return Err(TraceError::new(
                "symbolic expression too large for this tracer",
            ));
        }
        // `//` and `%` by a symbolic size: its hint was not zero (else
        // `arith` raised Python's ZeroDivisionError), which another frame's
        // sizes may make it (`1 // (s0 - 2)` of `s0 == 2`), where the trace
        // fails. Guarded as Dynamo's shape env would: `!= 0`, not its value.
        if matches!(op, BinOp::FloorDiv | BinOp::Mod) {
            let divisor = if reflected {
                Some(&self.source_expr)
            } else {
                their_sym.map(|s| &s.source_expr)
            };
            if let Some(divisor) = divisor {
                self.tx
                    .guard_text(GuardKind::ShapeEnv, divisor.clone(), "!= 0".to_string());
            }
        }
        let join = |x: &str, y: &str| {
            let (x, y) = (parenthesize(x), parenthesize(y));
            if reflected {
                format!("{y}{}{x}", op.symbol())
            } else {
                format!("{x}{}{y}", op.symbol())
            }
        };
        Ok(Rc::new(SymNodeTracker::new(
            tx,
            join(&self.expr, &their_expr),
            join(&self.source_expr, &their_source),
            hint,
        )))
    }
    fn python_str(&self) -> TraceResult<String> {
        Ok(self.specialize().to_string())
    }
    fn format_value(&self, spec: &str) -> TraceResult<String> {
        crate::format::format_value(&Value::Int(self.specialize()), spec)
    }
    fn as_proxy(&self) -> TraceResult<String> {
        Ok(self.expr.clone())
    }
    fn reconstruct(&self, codegen: &mut Codegen) -> TraceResult<()> {
        codegen.emit(format!("LOAD_GRAPH_OUTPUT {}", self.expr));
        Ok(())
    }
}

// ---------------------------------------------------------------------------

/// An instance of a user class: Dynamo's `UserDefinedObjectVariable`.
#[derive(Clone, Debug, RealizeAll, RealizeForward)]
#[realize_forward(TrackerMeta)]
pub struct ObjectTracker {
    pub class: Rc<str>,
    pub attrs: Vec<(Rc<str>, Tracker)>,
    /// The object's identity (`Object::id`), which a copy stored elsewhere
    /// (`G['g'] = L['o']`) keeps, as Python's `is` would.
    #[realize_all(skip)]
    id: u64,
    /// The source it was built from, which a copy keeps too: its hash.
    #[realize_all(skip)]
    built_from: Option<Source>,
    #[realize_all(skip)]
    #[realize(plain)]
    meta: Meta,
}

impl ObjectTracker {
    pub fn new(
        class: Rc<str>,
        attrs: Vec<(Rc<str>, Tracker)>,
        id: u64,
        meta: Meta,
    ) -> ObjectTracker {
        ObjectTracker {
            class,
            attrs,
            id,
            built_from: meta.source.clone(),
            meta,
        }
    }

    /// Python's `self is other`. A frame's objects are all distinct (JSON
    /// cannot share one), each with its own identity.
    fn is(&self, other: &ObjectTracker) -> bool {
        self.id == other.id
    }

    /// The value a dict looks this object up by: its identity.
    fn key_value(&self) -> Value {
        Value::Object(Object::standing_for(Rc::clone(&self.class), self.id))
    }

    fn type_tag(&self) -> TypeTag {
        TypeTag::User(self.class.clone())
    }

    fn attr(&self, name: &str) -> Option<&Tracker> {
        self.attrs
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, v)| v)
    }
}

impl VariableTracker for ObjectTracker {
    fn kind(&self) -> &'static str {
        "UserDefinedObjectVariable"
    }
    fn clone_with_source(&self, source: Option<Source>) -> Tracker {
        let mut copy = self.clone();
        copy.meta.source = source;
        Rc::new(copy)
    }
    fn debug_repr(&self) -> String {
        format!("UserDefinedObjectVariable({})", self.class)
    }
    fn python_type(&self) -> TypeTag {
        self.type_tag()
    }
    fn is_python_constant(&self) -> bool {
        false
    }
    fn as_python_constant(&self) -> TraceResult<Value> {
        Err(not_a_constant(&self.type_tag()))
    }
    fn is_mutable(&self) -> bool {
        true
    }
    fn is_python_hashable(&self) -> bool {
        true
    }
    fn get_python_hash(&self) -> TraceResult<u64> {
        // By identity, which the source it was built from stands for, under
        // a tag, so that no string's hash (`hash("L['o']")`) is an object's.
        let identity = match &self.built_from {
            Some(source) => source.to_string(),
            None => format!("<{} object>", self.class),
        };
        Ok(crate::value::tagged_hash("$object", &identity))
    }
    fn var_getattr(&self, _tx: &Tx, name: &str) -> TraceResult<Tracker> {
        self.attr(name)
            .cloned()
            .ok_or_else(|| no_attr(&self.type_tag(), name))
    }
    fn has_attr(&self, name: &str) -> bool {
        self.attr(name).is_some() || crate::pyattrs::python_has_attr(&self.type_tag(), name)
    }
    fn getitem(&self, _tx: &Tx, _key: &Value) -> TraceResult<Tracker> {
        Err(not_subscriptable(&self.type_tag()))
    }
    fn contains(&self, _key: &Value) -> TraceResult<bool> {
        Err(not_a_container(&self.type_tag()))
    }
    fn unpack_var_sequence(&self, _tx: &Tx) -> TraceResult<Vec<Tracker>> {
        Err(not_iterable(&self.type_tag()))
    }
    fn sequence_len(&self) -> TraceResult<usize> {
        Err(no_len(&self.type_tag()))
    }
    fn call_method(&self, tx: &Tx, name: &str, args: &[Tracker]) -> TraceResult<Tracker> {
        // A method stored on the instance: look it up, then call it.
        self.var_getattr(tx, name)?.call_function(tx, args)
    }
    fn call_function(&self, _tx: &Tx, _args: &[Tracker]) -> TraceResult<Tracker> {
        Err(not_callable(&self.type_tag()))
    }
    fn truthy(&self) -> TraceResult<bool> {
        Ok(true)
    }
    fn compare(&self, _tx: &Tx, op: CmpOp, other: &dyn VariableTracker) -> TraceResult<bool> {
        match op {
            // By identity: its class defines no `__eq__`.
            CmpOp::Eq | CmpOp::Ne => Ok(trackers_equal(self, other)? == (op == CmpOp::Eq)),
            _ => Err(TraceError::new(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.class,
                other.python_type()
            ))),
        }
    }
    fn binary_op(
        &self,
        _tx: &Tx,
        op: BinOp,
        other: &dyn VariableTracker,
        _reflected: bool,
    ) -> TraceResult<Tracker> {
        Err(unsupported_operands(
            op,
            &self.type_tag(),
            &other.python_type(),
        ))
    }
    fn as_proxy(&self) -> TraceResult<String> {
        Err(TraceError::new(format!(
            "a '{}' object has no graph node",
            self.class
        )))
    }
    fn reconstruct(&self, codegen: &mut Codegen) -> TraceResult<()> {
        if self.meta.reconstruct_source(codegen) {
            Ok(())
        } else {
            Err(TraceError::new(format!(
                "cannot rebuild a '{}' object that has no source",
                self.class
            )))
        }
    }
}

// ---------------------------------------------------------------------------

/// Torch functions a frame may hold (`{"$function": "torch.relu"}`) and the
/// tensor method each one is.
fn torch_function(name: &str) -> Option<&str> {
    let op = name
        .strip_prefix("torch.nn.functional.")
        .or_else(|| name.strip_prefix("torch."))
        .or_else(|| name.strip_prefix("F."))?;
    (ELEMENTWISE.contains(&op) || matches!(op, "sum" | "mean" | "matmul" | "add" | "mul"))
        .then_some(op)
}

/// A function, class or builtin of the frame: Dynamo's `UserFunctionVariable`,
/// `UserDefinedClassVariable` and `BuiltinVariable`.
#[derive(Clone, Debug, RealizeAll, RealizeForward)]
#[realize_forward(TrackerMeta)]
pub struct FunctionTracker {
    pub value: Value,
    #[realize_all(skip)]
    #[realize(plain)]
    meta: Meta,
}

impl FunctionTracker {
    pub fn new(value: Value, meta: Meta) -> FunctionTracker {
        FunctionTracker { value, meta }
    }

    fn name(&self) -> &str {
        match &self.value {
            Value::Function(name) | Value::Class(name) | Value::Builtin(name) => name,
            _ => "?",
        }
    }

    /// The last part of its name, Python's `__name__`.
    fn short_name(&self) -> &str {
        self.name().rsplit('.').next().unwrap_or("")
    }
}

impl VariableTracker for FunctionTracker {
    fn kind(&self) -> &'static str {
        match self.value {
            Value::Class(_) => "UserDefinedClassVariable",
            Value::Builtin(_) => "BuiltinVariable",
            _ => "UserFunctionVariable",
        }
    }
    fn clone_with_source(&self, source: Option<Source>) -> Tracker {
        let mut copy = self.clone();
        copy.meta.source = source;
        Rc::new(copy)
    }
    fn debug_repr(&self) -> String {
        format!("{}({})", self.kind(), self.name())
    }
    fn python_type(&self) -> TypeTag {
        self.value.type_tag()
    }
    fn is_python_constant(&self) -> bool {
        true
    }
    fn as_python_constant(&self) -> TraceResult<Value> {
        Ok(self.value.clone())
    }
    fn is_mutable(&self) -> bool {
        false
    }
    fn is_python_hashable(&self) -> bool {
        true
    }
    fn get_python_hash(&self) -> TraceResult<u64> {
        Ok(self.value.py_hash())
    }
    fn var_getattr(&self, tx: &Tx, name: &str) -> TraceResult<Tracker> {
        match name {
            "__name__" => Ok(tx.constant(Value::str(self.short_name()))),
            // Python names the class itself.
            _ if self.python_type() == TypeTag::Type => {
                let class = self.short_name();
                Err(TraceError::new(
                    match crate::pyattrs::class_has_attr(class, name) {
                        true => format!(
                            "'{class}.{name}' is not supported by this tracer (the class has it in Python)"
                        ),
                        false => format!("type object '{class}' has no attribute '{name}'"),
                    },
                ))
            }
            _ => Err(no_attr(&self.python_type(), name)),
        }
    }
    fn has_attr(&self, name: &str) -> bool {
        match self.python_type() {
            TypeTag::Type => crate::pyattrs::class_has_attr(self.short_name(), name),
            other => crate::pyattrs::python_has_attr(&other, name),
        }
    }
    fn getitem(&self, _tx: &Tx, _key: &Value) -> TraceResult<Tracker> {
        match self.python_type() {
            // `list[int]` is a generic alias in Python.
            TypeTag::Type
                if matches!(
                    self.short_name(),
                    "list" | "tuple" | "dict" | "set" | "frozenset" | "type"
                ) =>
            {
                Err(TraceError::new(format!(
                    "`{}[...]` (a generic alias) is not supported by this tracer",
                    self.short_name()
                )))
            }
            TypeTag::Type => Err(TraceError::new(format!(
                "type '{}' is not subscriptable",
                self.short_name()
            ))),
            other => Err(not_subscriptable(&other)),
        }
    }
    fn contains(&self, _key: &Value) -> TraceResult<bool> {
        Err(not_a_container(&self.python_type()))
    }
    fn unpack_var_sequence(&self, _tx: &Tx) -> TraceResult<Vec<Tracker>> {
        Err(not_iterable(&self.python_type()))
    }
    fn sequence_len(&self) -> TraceResult<usize> {
        Err(no_len(&self.python_type()))
    }
    fn call_method(&self, tx: &Tx, name: &str, args: &[Tracker]) -> TraceResult<Tracker> {
        // Looked up as an attribute first, whose error names a class itself
        // (`type object 'Linear' has no attribute 'upper'`), as Python's.
        self.var_getattr(tx, name)?.call_function(tx, args)
    }
    fn call_function(&self, tx: &Tx, args: &[Tracker]) -> TraceResult<Tracker> {
        match &self.value {
            Value::Function(name) => match (torch_function(name), args.split_first()) {
                (Some(op), Some((first, rest))) if first.is_tensor() => {
                    first.call_method(tx, op, rest)
                }
                (Some(_), _) => Err(TraceError::new(format!("{name}() expects a tensor first"))),
                (None, _) => Err(TraceError::new(format!(
                    "cannot inline user function '{name}' (this tracer only calls torch functions)"
                ))),
            },
            Value::Builtin(name) => crate::interp::call_builtin(tx, name, args),
            _ => Err(TraceError::new(format!(
                "constructing '{}' objects is not supported by this tracer",
                self.name()
            ))),
        }
    }
    fn truthy(&self) -> TraceResult<bool> {
        Ok(true)
    }
    fn compare(&self, _tx: &Tx, op: CmpOp, other: &dyn VariableTracker) -> TraceResult<bool> {
        compare_trackers(self, op, other)
    }
    fn binary_op(
        &self,
        _tx: &Tx,
        op: BinOp,
        other: &dyn VariableTracker,
        _reflected: bool,
    ) -> TraceResult<Tracker> {
        Err(unsupported_operands(
            op,
            &self.python_type(),
            &other.python_type(),
        ))
    }
    fn as_proxy(&self) -> TraceResult<String> {
        Ok(self.name().to_string())
    }
    fn reconstruct(&self, codegen: &mut Codegen) -> TraceResult<()> {
        if !self.meta.reconstruct_source(codegen) {
            codegen.emit(format!("LOAD_GLOBAL {}", self.name()));
        }
        Ok(())
    }
}
