//! The Python-like values of a frame, and their JSON form.
//!
//! JSON has no tuples, tensors or objects, so those are written as a JSON
//! object whose first key is a `$` tag:
//!
//! | value | JSON |
//! |---|---|
//! | `None`, `True`, `3`, `2.5`, `"s"` | `null`, `true`, `3`, `2.5`, `"s"` |
//! | list | `[1, 2]` |
//! | dict with `str` keys | `{"a": 1}` |
//! | dict with other keys | `{"$dict": [[1, "one"], [2, "two"]]}` |
//! | tuple | `{"$tuple": [1, 2]}` |
//! | tensor | `{"$tensor": [32, 512], "dtype": "float32", "dynamic": [0]}` |
//! | user object | `{"$object": "Linear", "weight": ..., "bias": ...}` |
//! | function, class, builtin | `{"$function": "torch.relu"}`, `{"$class": "Linear"}`, `{"$builtin": "len"}` |

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::rc::Rc;

use lazy_core::RealizeAll;
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::pyunicode;

/// The error of an int result outside 64 bits. The tracer's ints are exact
/// 64-bit integers: a result Python would make larger is this error, never
/// a float.
pub const INT_OVERFLOW: &str =
    "integer overflow: the result does not fit in 64 bits (this tracer's ints are 64-bit)";

/// A value of the traced frame. Containers hold their items behind `Rc`, so a
/// lazy tracker's seed can keep its part of the frame without copying it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    List(Vec<Rc<Value>>),
    Tuple(Vec<Rc<Value>>),
    /// Keys are hashable values (checked when read).
    Dict(Vec<(Value, Rc<Value>)>),
    Tensor(TensorMeta),
    Object(Object),
    Function(Rc<str>),
    Class(Rc<str>),
    Builtin(Rc<str>),
    /// A dict's `keys()` or `values()` view, made by a program (a frame
    /// holds none).
    DictView(DictView),
}

/// A dict's `keys()` or `values()` view as a value: its items, and which
/// view it is, since a values view equals only itself (Python compares it
/// by identity) and a keys view equals another that holds the same keys.
#[derive(Clone, Debug, PartialEq)]
pub struct DictView {
    /// `keys()`, else `values()`.
    pub keys: bool,
    /// The view's identity: one per call of `keys()` or `values()`.
    pub id: u64,
    pub items: Vec<Rc<Value>>,
}

/// A raw value holds no lazy tracker: `realize_all` has nothing to do in it
/// (a leaf, like std's numbers and strings).
impl RealizeAll for Value {
    fn realize_all(&self) {}
}

/// What a tracer knows about a tensor: its shape, dtype, and which dims are
/// dynamic (traced as symbols instead of being specialized).
#[derive(Clone, Debug, PartialEq)]
pub struct TensorMeta {
    pub shape: Vec<i64>,
    pub dtype: Rc<str>,
    pub dynamic: Vec<usize>,
}

/// An instance of a user class: its class name and attributes, in order,
/// and its identity. Python compares an instance of a class without
/// `__eq__` by identity, so two objects that look alike are two (as two
/// `$object`s of a frame always are: JSON cannot share one), and a dict
/// holds both as keys.
#[derive(Clone, Debug)]
pub struct Object {
    pub class: Rc<str>,
    pub attrs: Vec<(Rc<str>, Rc<Value>)>,
    /// Unique to this object (and its clones): Python's `id()`.
    id: u64,
}

impl Object {
    /// A new object, distinct from every other.
    pub fn new(class: Rc<str>, attrs: Vec<(Rc<str>, Rc<Value>)>) -> Object {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Object { class, attrs, id }
    }

    /// The object's identity, which Python's `is` and `==` compare.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// An object that stands for the one of identity `id` (of `class`),
    /// without its attributes: equal to it, hashing as it does, as a dict
    /// looks a key up.
    pub fn standing_for(class: Rc<str>, id: u64) -> Object {
        Object {
            class,
            attrs: Vec::new(),
            id,
        }
    }
}

/// The same class and attributes: the same JSON (a frame read back from
/// its JSON equals the frame), not Python's `==`, which is identity
/// (`Value::py_eq`).
impl PartialEq for Object {
    fn eq(&self, other: &Object) -> bool {
        self.class == other.class && self.attrs == other.attrs
    }
}

/// The Python type of a value, as `type(x)` would name it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeTag {
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    /// `dict.keys()`'s view.
    DictKeys,
    /// `dict.values()`'s view.
    DictValues,
    Tensor,
    Function,
    /// The type of classes.
    Type,
    BuiltinFunction,
    /// A user class.
    User(Rc<str>),
}

impl TypeTag {
    /// The type's name, as Python prints it.
    pub fn name(&self) -> &str {
        match self {
            TypeTag::NoneType => "NoneType",
            TypeTag::Bool => "bool",
            TypeTag::Int => "int",
            TypeTag::Float => "float",
            TypeTag::Str => "str",
            TypeTag::List => "list",
            TypeTag::Tuple => "tuple",
            TypeTag::Dict => "dict",
            TypeTag::DictKeys => "dict_keys",
            TypeTag::DictValues => "dict_values",
            TypeTag::Tensor => "Tensor",
            TypeTag::Function => "function",
            TypeTag::Type => "type",
            TypeTag::BuiltinFunction => "builtin_function_or_method",
            TypeTag::User(name) => name,
        }
    }

    /// The type a program names in `isinstance(x, NAME)`; any name that is
    /// not a builtin type is taken as a user class.
    pub fn from_name(name: &str) -> TypeTag {
        match name {
            "NoneType" => TypeTag::NoneType,
            "bool" => TypeTag::Bool,
            "int" => TypeTag::Int,
            "float" => TypeTag::Float,
            "str" => TypeTag::Str,
            "list" => TypeTag::List,
            "tuple" => TypeTag::Tuple,
            "dict" => TypeTag::Dict,
            "Tensor" => TypeTag::Tensor,
            "function" => TypeTag::Function,
            "type" => TypeTag::Type,
            "builtin_function_or_method" => TypeTag::BuiltinFunction,
            other => TypeTag::User(other.into()),
        }
    }

    /// `isinstance` for our small type lattice: `bool` is a subclass of
    /// `int`, and every type of `object`.
    pub fn is_subtype_of(&self, other: &TypeTag) -> bool {
        self == other
            || (*self == TypeTag::Bool && *other == TypeTag::Int)
            || matches!(other, TypeTag::User(name) if &**name == "object")
    }
}

impl fmt::Display for TypeTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(s.into())
    }

    pub fn type_tag(&self) -> TypeTag {
        match self {
            Value::None => TypeTag::NoneType,
            Value::Bool(_) => TypeTag::Bool,
            Value::Int(_) => TypeTag::Int,
            Value::Float(_) => TypeTag::Float,
            Value::Str(_) => TypeTag::Str,
            Value::List(_) => TypeTag::List,
            Value::Tuple(_) => TypeTag::Tuple,
            Value::Dict(_) => TypeTag::Dict,
            Value::Tensor(_) => TypeTag::Tensor,
            Value::Object(object) => TypeTag::User(object.class.clone()),
            Value::Function(_) => TypeTag::Function,
            Value::Class(_) => TypeTag::Type,
            // `int`, `str`, `float` and `bool` are classes in Python.
            Value::Builtin(name) if is_builtin_class(name) => TypeTag::Type,
            Value::Builtin(_) => TypeTag::BuiltinFunction,
            Value::DictView(view) if view.keys => TypeTag::DictKeys,
            Value::DictView(_) => TypeTag::DictValues,
        }
    }

    /// `bool`, `int`, `float` and `str`: the values Dynamo tracks with a
    /// `LazyConstantVariable`.
    pub fn is_constant_scalar(&self) -> bool {
        matches!(
            self,
            Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_)
        )
    }

    /// Whether `hash(value)` works in Python.
    pub fn is_hashable(&self) -> bool {
        match self {
            Value::List(_) | Value::Dict(_) => false,
            // A keys view is unhashable (it is set-like); a values view
            // hashes by its identity.
            Value::DictView(view) => !view.keys,
            Value::Tuple(items) => items.iter().all(|item| item.is_hashable()),
            _ => true,
        }
    }

    /// The type Python names when hashing this value fails: a list or a
    /// dict, or the first such item of a tuple, however deep (`(1, [2])` is
    /// "unhashable type: 'list'").
    pub fn unhashable_type(&self) -> Option<TypeTag> {
        match self {
            Value::List(_) => Some(TypeTag::List),
            Value::Dict(_) => Some(TypeTag::Dict),
            Value::DictView(view) if view.keys => Some(TypeTag::DictKeys),
            Value::Tuple(items) => items.iter().find_map(|item| item.unhashable_type()),
            _ => None,
        }
    }

    /// Whether the value is a float NaN or a tuple holding one, however
    /// deep: since Python 3.10 a NaN hashes by its object's identity, so no
    /// value the tracer could give is Python's `hash()` of it.
    pub fn holds_nan(&self) -> bool {
        match self {
            Value::Float(x) => x.is_nan(),
            Value::Tuple(items) => items.iter().any(|item| item.holds_nan()),
            _ => false,
        }
    }

    /// The kinds `is_hashable` may answer from the raw value without building
    /// a tracker: builtins, classes, functions, and tuples of them.
    pub fn is_hashable_without_building(&self) -> bool {
        match self {
            Value::Builtin(_) | Value::Class(_) | Value::Function(_) => true,
            Value::Tuple(items) => items.iter().all(|item| item.is_hashable_without_building()),
            _ => false,
        }
    }

    /// Whether the value is an `$object` or a tuple holding one, however
    /// deep: a dict key that is no constant, tracked on its own.
    pub fn holds_object(&self) -> bool {
        match self {
            Value::Object(_) => true,
            Value::Tuple(items) => items.iter().any(|item| item.holds_object()),
            _ => false,
        }
    }

    /// The number of values in the `$object`s of a dict key (the object,
    /// or a tuple holding some), the only part of a key tracked on its own.
    fn objects_count(&self) -> usize {
        match self {
            Value::Object(_) => self.count(),
            Value::Tuple(items) => items.iter().map(|item| item.objects_count()).sum(),
            _ => 0,
        }
    }

    /// The number of values in this one, itself included (a dict's keys
    /// are not counted, but for the `$object`s in them: the rest of a key
    /// is never tracked on its own).
    pub fn count(&self) -> usize {
        1 + match self {
            Value::List(items) | Value::Tuple(items) => items.iter().map(|v| v.count()).sum(),
            Value::DictView(view) => view.items.iter().map(|v| v.count()).sum(),
            Value::Dict(entries) => entries
                .iter()
                .map(|(k, v)| k.objects_count() + v.count())
                .sum(),
            Value::Object(object) => object.attrs.iter().map(|(_, v)| v.count()).sum(),
            _ => 0,
        }
    }

    /// Python's `==` on constants: numbers compare across `bool`/`int`/`float`.
    pub fn py_eq(&self, other: &Value) -> bool {
        match self.num_cmp(other) {
            Some(ordering) => ordering == Some(std::cmp::Ordering::Equal),
            None => match (self, other) {
                (Value::List(a), Value::List(b)) | (Value::Tuple(a), Value::Tuple(b)) => {
                    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.py_eq(y))
                }
                // As Python's: the same keys (in any order, `1` and `1.0`
                // alike), each with an equal value.
                (Value::Dict(a), Value::Dict(b)) => {
                    let theirs = KeyIndex::new(b.iter().map(|(key, _)| key));
                    a.len() == b.len()
                        && a.iter().all(|(key, value)| {
                            theirs.find(key).is_some_and(|at| value.py_eq(&b[at].1))
                        })
                }
                // Keys views: the same keys, as sets; a values view: itself.
                (Value::DictView(a), Value::DictView(b)) if a.keys && b.keys => {
                    same_keys(&a.items, &b.items)
                }
                (Value::DictView(a), Value::DictView(b)) => !a.keys && !b.keys && a.id == b.id,
                // By identity: its class defines no `__eq__`.
                (Value::Object(a), Value::Object(b)) => a.id == b.id,
                // A string is itself before its text is compared, as in
                // CPython (`unicode_compare_eq`): a million references to
                // one long string compare in a million steps, not a
                // million times its length (Rust's `Rc<str>` has no such
                // shortcut: `str` is unsized).
                (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || a == b,
                _ => self == other,
            },
        }
    }

    /// The value as an exact integer, if it is one (`bool` counts).
    pub fn as_int(&self) -> Option<i64> {
        match *self {
            Value::Bool(b) => Some(i64::from(b)),
            Value::Int(i) => Some(i),
            _ => None,
        }
    }

    /// Python's ordering of two numbers, exact across `int` and `float`
    /// (`2**53 + 1 > float(2**53)`): `None` if either is not a number,
    /// `Some(None)` if either is NaN.
    pub fn num_cmp(&self, other: &Value) -> Option<Option<std::cmp::Ordering>> {
        Some(match (self.as_int(), other.as_int()) {
            (Some(a), Some(b)) => Some(a.cmp(&b)),
            (Some(a), None) => cmp_int_float(a, other.as_float()?),
            (None, Some(b)) => cmp_int_float(b, self.as_float()?).map(std::cmp::Ordering::reverse),
            (None, None) => self.as_float()?.partial_cmp(&other.as_float()?),
        })
    }

    fn as_float(&self) -> Option<f64> {
        match *self {
            Value::Float(x) => Some(x),
            _ => None,
        }
    }

    /// The value as a number, if it is one (`bool` counts, as in Python).
    pub fn as_number(&self) -> Option<f64> {
        match *self {
            Value::Bool(b) => Some(f64::from(u8::from(b))),
            // Precision loss above 2^53 only affects comparisons of huge ints.
            Value::Int(i) => Some(i as f64),
            Value::Float(x) => Some(x),
            _ => None,
        }
    }

    /// Python's `hash()` for hashable values: Python's own values for
    /// numbers (`hash(5)` is 5, `hash(1.5)` is 2**60 + 1, `hash(-1)` is -2)
    /// and tuples of them (Python 3.8's tuple hash), and the empty string's
    /// (0); for the rest, whose Python hash is salted per run (strings) or
    /// an address, a hash of the repr, the same in every run. Equal values
    /// hash equal, `1`, `1.0` and `True` too.
    pub fn py_hash(&self) -> u64 {
        let hash = match self {
            Value::Bool(b) => hash_int(i64::from(*b)),
            Value::Int(i) => hash_int(*i),
            Value::Float(x) => hash_float(*x),
            Value::Tuple(items) => hash_tuple(items),
            // The one string hash Python does not salt: an empty string's
            // is 0 in every run (so `hash(('',))` is `hash((0,))` too).
            Value::Str(s) if s.is_empty() => 0,
            // Only a dict's own lookups reach it (Python's is an address:
            // `hash()` of a values view is an error of the tracker's).
            Value::DictView(view) => view.id as i64,
            // By identity, as it compares; only a dict's own lookups reach
            // it too (a tracker hashes an object by its source).
            Value::Object(object) => tagged_hash("$object", &object.id.to_string()) as i64,
            other => {
                let mut hasher = Fnv::default();
                hasher.write(other.repr().as_bytes());
                hasher.0 as i64
            }
        };
        // -1 is CPython's error value: no hash is -1.
        (if hash == -1 { -2 } else { hash }) as u64
    }

    /// Python's `repr()`, every item of a container included.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        // No bound: nothing to stop at.
        let _ = self.write_repr(&mut out, usize::MAX);
        out
    }

    /// Python's `repr()`, or `TooLarge` as soon as it passes `limit` bytes,
    /// before it is all written: a value's text can be far larger than the
    /// value (a traced list of a million references to one long string).
    pub fn repr_within(&self, limit: usize) -> Result<String, TooLarge> {
        let mut out = String::new();
        self.write_repr(&mut out, limit)?;
        Ok(out)
    }

    /// Appends Python's `repr()` to `out`, item by item, stopping with
    /// `TooLarge` once `out` holds more than `limit` bytes.
    pub fn write_repr(&self, out: &mut String, limit: usize) -> Result<(), TooLarge> {
        match self {
            Value::None => out.push_str("None"),
            Value::Bool(true) => out.push_str("True"),
            Value::Bool(false) => out.push_str("False"),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::Float(x) => out.push_str(&float_repr(*x)),
            // Its repr is at least as long as the text and its quotes.
            Value::Str(s) if out.len().saturating_add(s.len() + 2) > limit => {
                return Err(TooLarge);
            }
            Value::Str(s) => push_str_repr(out, s),
            Value::List(items) => {
                out.push('[');
                write_reprs(out, items.iter().map(|v| &**v), limit)?;
                out.push(']');
            }
            Value::Tuple(items) => {
                out.push('(');
                write_reprs(out, items.iter().map(|v| &**v), limit)?;
                out.push_str(if items.len() == 1 { ",)" } else { ")" });
            }
            Value::Dict(entries) => {
                out.push('{');
                for (at, (key, value)) in entries.iter().enumerate() {
                    if at > 0 {
                        out.push_str(", ");
                    }
                    key.write_repr(out, limit)?;
                    out.push_str(": ");
                    value.write_repr(out, limit)?;
                }
                out.push('}');
            }
            Value::Tensor(meta) => out.push_str(&format!("Tensor({})", meta.describe())),
            Value::Object(object) => out.push_str(&format!("<{} object>", object.class)),
            Value::Function(name) => out.push_str(&format!("<function {name}>")),
            Value::DictView(view) => {
                out.push_str(if view.keys {
                    "dict_keys(["
                } else {
                    "dict_values(["
                });
                write_reprs(out, view.items.iter().map(|v| &**v), limit)?;
                out.push_str("])");
            }
            Value::Class(name) => out.push_str(&format!("<class '{name}'>")),
            Value::Builtin(name) if is_builtin_class(name) => {
                out.push_str(&format!("<class '{name}'>"));
            }
            Value::Builtin(name) => out.push_str(&format!("<built-in function {name}>")),
        }
        if out.len() > limit {
            return Err(TooLarge);
        }
        Ok(())
    }

    /// Python's `str()`: like `repr()` except that strings print bare.
    pub fn to_py_str(&self) -> String {
        match self {
            Value::Str(s) => s.to_string(),
            other => other.repr(),
        }
    }
}

/// Compares an int with a float exactly, as Python does.
fn cmp_int_float(i: i64, x: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    // 2^63, exactly representable as a float.
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    if x.is_nan() {
        return None;
    }
    if x >= TWO_63 {
        return Some(Ordering::Less);
    }
    if x < -TWO_63 {
        return Some(Ordering::Greater);
    }
    // In [-2^63, 2^63): the integral part converts exactly.
    let whole = x.trunc();
    Some(i.cmp(&(whole as i64)).then_with(|| {
        let fraction = x - whole;
        if fraction > 0.0 {
            Ordering::Less
        } else if fraction < 0.0 {
            Ordering::Greater
        } else {
            Ordering::Equal
        }
    }))
}

/// Python's `repr(str)`: single quotes unless the text has a `'` and no `"`.
/// A character Python 3.11's `str.isprintable()` refuses is escaped
/// (`\x..`, `\u....`, `\U........`), by Python's Unicode (14.0).
#[cfg(test)]
fn str_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_str_repr(&mut out, s);
    out
}

/// Appends Python's `repr(str)` of `s` to `out` (`str_repr`).
fn push_str_repr(out: &mut String, s: &str) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.reserve(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            // Printable ASCII without a table search: a repr can be long.
            ' '..='~' => out.push(c),
            c if pyunicode::is_printable(c) => out.push(c),
            c => {
                let code = u32::from(c);
                out.push_str(&match code {
                    0..=0xff => format!("\\x{code:02x}"),
                    0x100..=0xffff => format!("\\u{code:04x}"),
                    _ => format!("\\U{code:08x}"),
                });
            }
        }
    }
    out.push(quote);
}

/// The reprs of `values`, comma-separated, appended to `out` within `limit`.
fn write_reprs<'a>(
    out: &mut String,
    values: impl Iterator<Item = &'a Value>,
    limit: usize,
) -> Result<(), TooLarge> {
    for (at, value) in values.enumerate() {
        if at > 0 {
            out.push_str(", ");
        }
        value.write_repr(out, limit)?;
    }
    Ok(())
}

/// A `repr()` or `str()` that would pass its bound (`Value::repr_within`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLarge;

/// Python's `repr(float)`: the shortest digits that read back the same,
/// in scientific notation below 1e-4 and from 1e16 on.
fn float_repr(x: f64) -> String {
    if !x.is_finite() {
        return match x {
            x if x.is_nan() => "nan".into(),
            x if x > 0.0 => "inf".into(),
            _ => "-inf".into(),
        };
    }
    let (negative, digits, exponent) = shortest_digits(x);
    let sign = if negative { "-" } else { "" };
    let count = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    if !(-4..16).contains(&exponent) {
        let (first, rest) = digits.split_at(1);
        let point = if rest.is_empty() { "" } else { "." };
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        return format!("{sign}{first}{point}{rest}e{exp_sign}{:02}", exponent.abs());
    }
    if exponent < 0 {
        // 0.000ddd
        let zeros = "0".repeat(usize::try_from(-exponent - 1).unwrap_or(0));
        format!("{sign}0.{zeros}{digits}")
    } else if exponent + 1 >= count {
        // ddd000.0
        let zeros = "0".repeat(usize::try_from(exponent + 1 - count).unwrap_or(0));
        format!("{sign}{digits}{zeros}.0")
    } else {
        let (whole, fraction) = digits.split_at(usize::try_from(exponent + 1).unwrap_or(0));
        format!("{sign}{whole}.{fraction}")
    }
}

/// The sign, significant digits and decimal exponent of Python's
/// `repr(x)` for a finite `x` (`x = d.ddd * 10^exponent`). Rust's shortest
/// digits are as short as Python's, but where two strings of that length
/// read back the same and lie as near, Rust may take the other one
/// (`89155593642296.13` for Python's `...12`): Python's are those of `x`
/// rounded correctly, half to even, to that many digits, when they read
/// back the same.
fn shortest_digits(x: f64) -> (bool, String, i32) {
    let shortest = format!("{:e}", x.abs());
    let (mantissa, _) = shortest.split_once('e').unwrap_or((&shortest, "0"));
    let precision = mantissa.len().saturating_sub(2);
    let rounded = format!("{:.precision$e}", x.abs());
    let text = if rounded.parse::<f64>() == Ok(x.abs()) {
        rounded
    } else {
        shortest
    };
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = match digits.trim_end_matches('0') {
        "" => "0".to_string(),
        trimmed => trimmed.to_string(),
    };
    (x.is_sign_negative(), digits, exponent.parse().unwrap_or(0))
}

/// Rust writes `1.5e-5`, Python `1.5e-05`.
pub fn python_exponent(text: &str) -> String {
    match text.split_once('e') {
        Some((mantissa, exp)) => {
            let (sign, digits) = match exp.strip_prefix('-') {
                Some(digits) => ('-', digits),
                None => ('+', exp),
            };
            format!("{mantissa}e{sign}{digits:0>2}")
        }
        None => text.to_string(),
    }
}

/// Where each key of a dict (or keys view) is, by its hash: finding a key
/// among n is then one bucket's comparisons, not n (two dicts of 10^5 keys
/// compared in 40 s with a scan per key).
pub(crate) struct KeyIndex<'a> {
    keys: Vec<&'a Value>,
    by_hash: HashMap<u64, Vec<usize>>,
}

impl<'a> KeyIndex<'a> {
    pub(crate) fn new(keys: impl Iterator<Item = &'a Value>) -> KeyIndex<'a> {
        let keys: Vec<&Value> = keys.collect();
        let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::with_capacity(keys.len());
        for (at, key) in keys.iter().enumerate() {
            by_hash.entry(key.py_hash()).or_default().push(at);
        }
        KeyIndex { keys, by_hash }
    }

    /// Where `key` is among the keys, by Python's equality.
    pub(crate) fn find(&self, key: &Value) -> Option<usize> {
        let bucket = self.by_hash.get(&key.py_hash())?;
        bucket.iter().copied().find(|&at| self.keys[at].py_eq(key))
    }
}

/// Whether two keys views hold the same keys, in any order.
fn same_keys(a: &[Rc<Value>], b: &[Rc<Value>]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let theirs = KeyIndex::new(b.iter().map(|key| &**key));
    a.iter().all(|key| theirs.find(key).is_some())
}

/// Whether a builtin is a class in Python (`int(x)` builds an int;
/// `isinstance(int, type)`): the tracer's own, and those a frame may hold
/// as `{"$builtin": "list"}`.
fn is_builtin_class(name: &str) -> bool {
    matches!(
        name,
        "int"
            | "str"
            | "float"
            | "bool"
            | "list"
            | "tuple"
            | "dict"
            | "set"
            | "frozenset"
            | "bytes"
            | "bytearray"
            | "complex"
            | "range"
            | "slice"
            | "type"
            | "object"
            | "enumerate"
            | "zip"
            | "map"
            | "filter"
            | "reversed"
            | "super"
            | "property"
            | "staticmethod"
            | "classmethod"
            | "memoryview"
    )
}

/// The modulus of Python's numeric hash, 2**61 - 1.
const HASH_MODULUS: u64 = (1 << 61) - 1;

/// Python's `hash(int)`: the value modulo 2**61 - 1, with its sign.
fn hash_int(i: i64) -> i64 {
    let magnitude = (i.unsigned_abs() % HASH_MODULUS) as i64;
    if i < 0 { -magnitude } else { magnitude }
}

/// Python's `hash(float)` (`_Py_HashDouble`): the value as a fraction,
/// modulo 2**61 - 1, so that a float equal to an int hashes as the int.
/// A NaN's is its object's identity in Python; 0 here, for the frame's
/// own lookups only: `hash()` of one is an error (`Value::holds_nan`).
fn hash_float(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314_159 } else { -314_159 };
    }
    let (mut mantissa, mut exponent) = frexp(x.abs());
    let mut hash: u64 = 0;
    while mantissa != 0.0 {
        hash = ((hash << 28) & HASH_MODULUS) | (hash >> (61 - 28));
        mantissa *= 268_435_456.0; // 2**28
        exponent -= 28;
        let digits = mantissa as u64; // the integral part, below 2**28
        mantissa -= digits as f64;
        hash += digits;
        if hash >= HASH_MODULUS {
            hash -= HASH_MODULUS;
        }
    }
    let shift = exponent.rem_euclid(61) as u32;
    hash = ((hash << shift) & HASH_MODULUS) | (hash >> (61 - shift));
    let hash = hash as i64;
    if x < 0.0 { -hash } else { hash }
}

/// `x = mantissa * 2**exponent`, the mantissa in [0.5, 1) (0 for 0), for a
/// finite, non-negative `x`.
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        // Subnormal: scale into the normal range first.
        let (mantissa, exponent) = frexp(x * 18_014_398_509_481_984.0); // 2**54
        return (mantissa, exponent - 54);
    }
    let mantissa = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (mantissa, biased - 1022)
}

/// Python's `hash(tuple)` (3.8 on): xxHash's round over the items' hashes.
fn hash_tuple(items: &[std::rc::Rc<Value>]) -> i64 {
    let lanes: Vec<u64> = items.iter().map(|item| item.py_hash()).collect();
    hash_tuple_lanes(&lanes) as i64
}

/// Python's `hash()` of a tuple whose items hash to `lanes` (never -1).
pub fn hash_tuple_lanes(lanes: &[u64]) -> u64 {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = PRIME_5;
    for lane in lanes {
        acc = acc.wrapping_add(lane.wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add(lanes.len() as u64 ^ (PRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc
}

/// A hash of `text` under `tag` (`$object`): no string, whose hash is that
/// of its repr, which starts with a quote, hashes the same bytes (never -1).
pub fn tagged_hash(tag: &str, text: &str) -> u64 {
    let mut hasher = Fnv::default();
    hasher.write(tag.as_bytes());
    hasher.write(&[0]);
    hasher.write(text.as_bytes());
    if hasher.0 == u64::MAX {
        u64::MAX - 1
    } else {
        hasher.0
    }
}

/// A hash of the keys' reprs, in order, the same in every run: what a
/// `DICT_KEYS` guard's text shows of keys it does not write out. Each repr
/// is preceded by its length, so that no two lists of reprs hash the same
/// bytes (an `$object`'s class or a function's name may hold any
/// character). A 64-bit hash that is not built against collisions: two key
/// lists crafted to collide would share a guard.
pub fn keys_hash<'a>(keys: impl Iterator<Item = &'a Value>) -> u64 {
    let mut hasher = Fnv::default();
    for key in keys {
        let repr = key.repr();
        hasher.write(&(repr.len() as u64).to_le_bytes());
        hasher.write(repr.as_bytes());
    }
    hasher.0
}

/// FNV-1a: a small deterministic hash, so `hash()` results are stable.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl TensorMeta {
    /// Whether dim `i` is traced as a symbol: marked dynamic, and of a size
    /// other than 0 or 1, which Dynamo always specializes (a 1 broadcasts
    /// and a 0 is empty, where another size would not): such a dim is
    /// fixed, and its `TENSOR_MATCH` checks that size.
    pub fn is_dynamic(&self, i: usize) -> bool {
        self.dynamic.contains(&i) && self.shape.get(i).is_some_and(|&size| size > 1)
    }

    /// `float32[s0, 512]`: dynamic dims print as `?` plus their size hint.
    pub fn describe(&self) -> String {
        let dims: Vec<String> = self
            .shape
            .iter()
            .enumerate()
            .map(|(i, d)| {
                if self.is_dynamic(i) {
                    format!("?{d}")
                } else {
                    d.to_string()
                }
            })
            .collect();
        format!("{}[{}]", self.dtype, dims.join(", "))
    }
}

/// The dtypes a frame may name.
pub const DTYPES: &[&str] = &[
    "float32", "float16", "bfloat16", "float64", "int64", "int32", "int8", "uint8", "bool",
];

// ---------------------------------------------------------------------------
// JSON: a hand-written `Deserialize`, so that every error, including "unknown
// tag" and "unhashable key", comes back from serde_json with its line number.
// ---------------------------------------------------------------------------

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a frame value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::None)
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E: de::Error>(self, i: i64) -> Result<Value, E> {
        Ok(Value::Int(i))
    }

    fn visit_u64<E: de::Error>(self, u: u64) -> Result<Value, E> {
        i64::try_from(u)
            .map(Value::Int)
            .map_err(|_| E::custom(int_too_large(&u.to_string())))
    }

    fn visit_f64<E: de::Error>(self, x: f64) -> Result<Value, E> {
        // serde_json reads an integer literal past 64 bits as a float; it
        // may be one (see `check_int_literals`).
        if x.fract() == 0.0 && x.abs() >= 9.2e18 {
            MAYBE_HUGE_INT.set(true);
        }
        Ok(Value::Float(x))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
        Ok(Value::str(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Value>()? {
            items.push(Rc::new(item));
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let Some(first) = map.next_key::<String>()? else {
            return Ok(Value::Dict(Vec::new()));
        };
        if !first.starts_with('$') {
            return read_plain_dict(first, map);
        }
        let value = match first.as_str() {
            "$tuple" => {
                let items: Vec<Value> = map.next_value()?;
                Value::Tuple(items.into_iter().map(Rc::new).collect())
            }
            "$dict" => Value::Dict(map.next_value::<DictEntries>()?.0),
            "$tensor" => return read_tensor(map),
            "$object" => return read_object(map),
            "$function" => Value::Function(map.next_value::<String>()?.into()),
            "$class" => Value::Class(map.next_value::<String>()?.into()),
            "$builtin" => Value::Builtin(map.next_value::<String>()?.into()),
            other => {
                return Err(de::Error::custom(format!(
                    "unknown tag `{other}` (expected $tuple, $dict, $tensor, $object, $function, $class or $builtin)"
                )));
            }
        };
        if let Some(extra) = map.next_key::<String>()? {
            return Err(de::Error::custom(format!(
                "unexpected key `{extra}` after `{first}`"
            )));
        }
        Ok(value)
    }
}

/// The message of an int literal past 64 bits, in a frame or a program.
pub fn int_too_large(literal: &str) -> String {
    format!("integer {literal} does not fit in 64 bits (this tracer's ints are 64-bit)")
}

thread_local! {
    /// Set when serde_json hands over a float that may have been written as
    /// an int literal past 64 bits.
    static MAYBE_HUGE_INT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Clears the mark of a possible int literal past 64 bits; returns whether
/// it was set since the last call.
pub fn take_maybe_huge_int() -> bool {
    MAYBE_HUGE_INT.replace(false)
}

/// The byte offset and text of the first int literal of a JSON text that
/// does not fit in 64 bits (serde_json would read it as a float).
pub fn find_huge_int_literal(json: &str) -> Option<(usize, &str)> {
    let bytes = json.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                i += 1;
                while i < bytes.len()
                    && matches!(bytes[i], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
                {
                    i += 1;
                }
                let literal = &json[start..i];
                if !literal.contains(['.', 'e', 'E']) && literal.parse::<i64>().is_err() {
                    return Some((start, literal));
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// The keys of one JSON object read so far, to refuse a duplicate: a scan
/// while there are few, a set past that.
#[derive(Default)]
struct Keys {
    few: Vec<Rc<str>>,
    many: HashSet<Rc<str>>,
}

impl Keys {
    const SCAN: usize = 16;

    /// Adds `key`; `false` if it was already there.
    fn insert(&mut self, key: &Rc<str>) -> bool {
        if !self.many.is_empty() {
            return self.many.insert(Rc::clone(key));
        }
        if self.few.iter().any(|k| **k == **key) {
            return false;
        }
        self.few.push(Rc::clone(key));
        if self.few.len() > Self::SCAN {
            self.many.extend(self.few.drain(..));
        }
        true
    }
}

fn read_plain_dict<'de, A: MapAccess<'de>>(first: String, mut map: A) -> Result<Value, A::Error> {
    let mut entries: Vec<(Value, Rc<Value>)> = Vec::new();
    let mut keys = Keys::default();
    let mut key = first;
    loop {
        if key.starts_with('$') {
            return Err(de::Error::custom(format!(
                "tag `{key}` must be the first key of its object"
            )));
        }
        let key_rc: Rc<str> = key.as_str().into();
        if !keys.insert(&key_rc) {
            return Err(de::Error::custom(format!(
                "duplicate key `{key}` (each key of an object must be different)"
            )));
        }
        let value: Value = map.next_value()?;
        entries.push((Value::Str(key_rc), Rc::new(value)));
        match map.next_key::<String>()? {
            Some(next) => key = next,
            None => return Ok(Value::Dict(entries)),
        }
    }
}

/// The `[[key, value], ...]` of a `$dict`, checked pair by pair so that an
/// error points at the pair that is wrong.
struct DictEntries(Vec<(Value, Rc<Value>)>);

impl<'de> Deserialize<'de> for DictEntries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(DictEntriesVisitor)
    }
}

struct DictEntriesVisitor;

impl<'de> Visitor<'de> for DictEntriesVisitor {
    type Value = DictEntries;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of [key, value] pairs")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<DictEntries, A::Error> {
        let mut entries = DictEntries(Vec::new());
        let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::new();
        while let Some((key, hash, value)) = seq.next_element_seed(PairSeed {
            entries: &entries.0,
            by_hash: &by_hash,
        })? {
            by_hash.entry(hash).or_default().push(entries.0.len());
            entries.0.push((key, Rc::new(value)));
        }
        Ok(entries)
    }
}

/// One `[key, value]` of a `$dict`: the key is checked as soon as it is
/// read, so that an error points at it.
struct PairSeed<'a> {
    entries: &'a [(Value, Rc<Value>)],
    by_hash: &'a HashMap<u64, Vec<usize>>,
}

impl<'de> DeserializeSeed<'de> for PairSeed<'_> {
    /// The key, its hash, and the value.
    type Value = (Value, u64, Value);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for PairSeed<'_> {
    type Value = (Value, u64, Value);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a [key, value] pair")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let Some(key) = seq.next_element::<Value>()? else {
            return Err(de::Error::invalid_length(0, &self));
        };
        if !key.is_hashable() {
            return Err(de::Error::custom(format!(
                "unhashable dict key of type '{}'",
                key.type_tag()
            )));
        }
        let hash = key.py_hash();
        let same_hash = self.by_hash.get(&hash).map_or(&[][..], Vec::as_slice);
        if same_hash.iter().any(|&i| self.entries[i].0.py_eq(&key)) {
            return Err(de::Error::custom(format!(
                "duplicate key {} in a $dict (each key must be different)",
                key.repr()
            )));
        }
        let Some(value) = seq.next_element::<Value>()? else {
            return Err(de::Error::invalid_length(1, &self));
        };
        if seq.next_element::<de::IgnoredAny>()?.is_some() {
            return Err(de::Error::invalid_length(3, &self));
        }
        Ok((key, hash, value))
    }
}

fn read_tensor<'de, A: MapAccess<'de>>(mut map: A) -> Result<Value, A::Error> {
    let shape: Vec<i64> = map.next_value()?;
    if let Some(bad) = shape.iter().find(|d| **d < 0) {
        return Err(de::Error::custom(format!(
            "tensor dimension {bad} is negative"
        )));
    }
    let mut meta = TensorMeta {
        shape,
        dtype: "float32".into(),
        dynamic: Vec::new(),
    };
    let mut seen: Vec<String> = Vec::new();
    while let Some(key) = map.next_key::<String>()? {
        if seen.contains(&key) {
            return Err(de::Error::custom(format!(
                "duplicate key `{key}` in a tensor"
            )));
        }
        seen.push(key.clone());
        match key.as_str() {
            "dtype" => {
                let dtype: String = map.next_value()?;
                if !DTYPES.contains(&dtype.as_str()) {
                    return Err(de::Error::custom(format!(
                        "unknown dtype `{dtype}` (expected one of {})",
                        DTYPES.join(", ")
                    )));
                }
                meta.dtype = dtype.into();
            }
            "dynamic" => {
                let mut dims: Vec<usize> = map.next_value()?;
                if let Some(bad) = dims.iter().find(|d| **d >= meta.shape.len()) {
                    return Err(de::Error::custom(format!(
                        "dynamic dim {bad} is out of range for a tensor of rank {}",
                        meta.shape.len()
                    )));
                }
                dims.sort_unstable();
                dims.dedup();
                meta.dynamic = dims;
            }
            other => {
                return Err(de::Error::custom(format!(
                    "unexpected key `{other}` in a tensor (expected dtype or dynamic)"
                )));
            }
        }
    }
    Ok(Value::Tensor(meta))
}

fn read_object<'de, A: MapAccess<'de>>(mut map: A) -> Result<Value, A::Error> {
    let class: String = map.next_value()?;
    // A class of the frame's named like a builtin type would be that type
    // to every guard (`TYPE_MATCH L['x'] str`), which judges by the name: a
    // trace of a str would be reused for such an object.
    if !matches!(TypeTag::from_name(&class), TypeTag::User(_)) {
        return Err(de::Error::custom(format!(
            "an `$object` of class `{class}`, a builtin type's name: a value of a builtin type is written as itself (a string, a number, a list, `$tuple`, `$dict`, `$tensor`, ...), and a class of the frame needs another name"
        )));
    }
    let mut attrs: Vec<(Rc<str>, Rc<Value>)> = Vec::new();
    let mut keys = Keys::default();
    while let Some(name) = map.next_key::<String>()? {
        if name.starts_with('$') {
            return Err(de::Error::custom(format!(
                "tag `{name}` must be the first key of its object"
            )));
        }
        let name_rc: Rc<str> = name.as_str().into();
        if !keys.insert(&name_rc) {
            return Err(de::Error::custom(format!(
                "duplicate attribute `{name}` of a `{class}` object"
            )));
        }
        let value: Value = map.next_value()?;
        attrs.push((name_rc, Rc::new(value)));
    }
    Ok(Value::Object(Object::new(class.into(), attrs)))
}

/// The input of a trace: a frame's locals and globals, in order.
#[derive(Clone, Debug, Default)]
pub struct Frame {
    pub locals: Vec<(Rc<str>, Rc<Value>)>,
    pub globals: Vec<(Rc<str>, Rc<Value>)>,
}

impl Frame {
    /// Every value of the frame, nested ones included.
    pub fn value_count(&self) -> usize {
        self.locals
            .iter()
            .chain(&self.globals)
            .map(|(_, v)| v.count())
            .sum()
    }
}

impl Frame {
    /// The frame as JSON in the form [`Frame`]'s `Deserialize` reads: for
    /// generated frames (benchmarks, tests at scale).
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        for (i, (key, named)) in [("locals", &self.locals), ("globals", &self.globals)]
            .into_iter()
            .enumerate()
        {
            out.push_str(if i == 0 { "{" } else { ",\n" });
            write_json_str(&mut out, key);
            out.push_str(": {");
            for (j, (name, value)) in named.iter().enumerate() {
                out.push_str(if j == 0 { "\n  " } else { ",\n  " });
                write_json_str(&mut out, name);
                out.push_str(": ");
                value.write_json(&mut out);
            }
            out.push('}');
        }
        out.push_str("}\n");
        out
    }
}

impl Value {
    /// Appends the value as JSON, tagged where JSON has no such value. A
    /// float that is not finite is written as `null`: JSON has none.
    pub fn write_json(&self, out: &mut String) {
        use std::fmt::Write as _;
        let items = |out: &mut String, items: &[Rc<Value>]| {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                item.write_json(out);
            }
            out.push(']');
        };
        match self {
            Value::None => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Value::Float(x) if x.is_finite() => out.push_str(&float_repr(*x)),
            Value::Float(_) => out.push_str("null"),
            Value::Str(s) => write_json_str(out, s),
            Value::List(list) => items(out, list),
            // Written as the list of its items (a frame holds no view).
            Value::DictView(view) => items(out, &view.items),
            Value::Tuple(tuple) => {
                out.push_str("{\"$tuple\": ");
                items(out, tuple);
                out.push('}');
            }
            Value::Dict(entries) => {
                let plain = entries
                    .iter()
                    .all(|(k, _)| matches!(k, Value::Str(s) if !s.starts_with('$')));
                out.push_str(if plain { "{" } else { "{\"$dict\": [" });
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    if plain {
                        key.write_json(out);
                        out.push_str(": ");
                        value.write_json(out);
                    } else {
                        out.push('[');
                        key.write_json(out);
                        out.push_str(", ");
                        value.write_json(out);
                        out.push(']');
                    }
                }
                out.push_str(if plain { "}" } else { "]}" });
            }
            Value::Tensor(meta) => {
                let _ = write!(out, "{{\"$tensor\": {:?}, \"dtype\": ", meta.shape);
                write_json_str(out, &meta.dtype);
                if !meta.dynamic.is_empty() {
                    let _ = write!(out, ", \"dynamic\": {:?}", meta.dynamic);
                }
                out.push('}');
            }
            Value::Object(object) => {
                out.push_str("{\"$object\": ");
                write_json_str(out, &object.class);
                for (name, value) in &object.attrs {
                    out.push_str(", ");
                    write_json_str(out, name);
                    out.push_str(": ");
                    value.write_json(out);
                }
                out.push('}');
            }
            Value::Function(name) | Value::Class(name) | Value::Builtin(name) => {
                let tag = match self {
                    Value::Function(_) => "$function",
                    Value::Class(_) => "$class",
                    _ => "$builtin",
                };
                let _ = write!(out, "{{\"{tag}\": ");
                write_json_str(out, name);
                out.push('}');
            }
        }
    }
}

/// Appends `s` as a JSON string.
fn write_json_str(out: &mut String, s: &str) {
    use std::fmt::Write as _;
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl<'de> Deserialize<'de> for Frame {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(FrameVisitor)
    }
}

struct FrameVisitor;

impl<'de> Visitor<'de> for FrameVisitor {
    type Value = Frame;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(r#"a frame: {"locals": {...}, "globals": {...}}"#)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Frame, A::Error> {
        let mut frame = Frame::default();
        let mut seen: Vec<String> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                return Err(de::Error::custom(format!(
                    "duplicate key `{key}` in a frame"
                )));
            }
            seen.push(key.clone());
            let named = match key.as_str() {
                "locals" => &mut frame.locals,
                "globals" => &mut frame.globals,
                other => {
                    return Err(de::Error::custom(format!(
                        "unexpected key `{other}` in a frame (expected locals or globals)"
                    )));
                }
            };
            let Value::Dict(entries) = map.next_value::<Value>()? else {
                return Err(de::Error::custom(format!(
                    "`{key}` must be an object of name: value"
                )));
            };
            for (name, value) in entries {
                let Value::Str(name) = name else {
                    return Err(de::Error::custom(format!("`{key}` names must be strings")));
                };
                named.push((name, value));
            }
        }
        Ok(frame)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Python 3.11's answers (`repr(s)` in python3 3.11.7, whose Unicode is
    /// 14.0). The first ones are characters that Unicode 14.0 leaves
    /// unassigned and later versions, Rust's (17.0 in Rust 1.95), assign:
    /// Python escapes them, alone or after a letter, as any unassigned
    /// code point; the others are where both agree.
    #[test]
    fn str_repr_escapes_what_python_3_11_does_not_print() {
        let python = [
            // Unicode 15.0: a Kannada sign, Nag Mundari, Kawi, an emoji
            // (LIGHT BLUE HEART), CJK extension H, Egyptian hieroglyph
            // format controls (Cf since 15.0: escaped either way).
            ("\u{cf3}", "'\\u0cf3'"),
            ("\u{1e4d0}", "'\\U0001e4d0'"),
            ("\u{11f00}", "'\\U00011f00'"),
            ("\u{1fa75}", "'\\U0001fa75'"),
            ("\u{31350}", "'\\U00031350'"),
            ("\u{1343a}", "'\\U0001343a'"),
            // Unicode 15.1: CJK extension I, an ideographic description
            // character.
            ("\u{2ebf0}", "'\\U0002ebf0'"),
            ("\u{2ffc}", "'\\u2ffc'"),
            // Unicode 16.0: letters with a case, Garay, legacy computing,
            // an emoji, a combining mark after a letter.
            ("\u{1c89}", "'\\u1c89'"),
            ("\u{a7cb}", "'\\ua7cb'"),
            ("\u{10d40}", "'\\U00010d40'"),
            ("\u{1cc00}", "'\\U0001cc00'"),
            ("\u{1fadf}", "'\\U0001fadf'"),
            ("a\u{897}", "'a\\u0897'"),
            // Unicode 17.0: a currency sign, an Arabic letter, Beria Erfe,
            // a combining mark alone and after a letter.
            ("\u{20c1}", "'\\u20c1'"),
            ("\u{88f}", "'\\u088f'"),
            ("\u{16ea0}", "'\\U00016ea0'"),
            ("\u{1acf}", "'\\u1acf'"),
            ("a\u{1acf}", "'a\\u1acf'"),
            // Both agree: a combining mark prints, alone or after a letter;
            // so do letters and emoji of 14.0 and the space; controls,
            // format, private-use, noncharacters and other separators are
            // escaped.
            ("a\u{301}", "'a\u{301}'"),
            ("\u{301}", "'\u{301}'"),
            ("é😀 \u{1fae7}\u{3134a}", "'é😀 \u{1fae7}\u{3134a}'"),
            ("\u{85}\u{ad}\u{61c}\u{200b}", "'\\x85\\xad\\u061c\\u200b'"),
            ("\u{3000}\u{2028}", "'\\u3000\\u2028'"),
            ("\u{e000}\u{f0000}\u{fffe}", "'\\ue000\\U000f0000\\ufffe'"),
            ("\u{e0001}\u{3134b}", "'\\U000e0001\\U0003134b'"),
        ];
        for (text, repr) in python {
            assert_eq!(str_repr(text), repr, "{text:?}");
        }
    }
}
