//! The attributes Python's builtin types have (`dir(int)`, ... in Python
//! 3.11), for `hasattr` and for an error that tells an attribute Python has
//! but this tracer does not model from one Python does not have. `bool` has
//! `int`'s. Also the names of Python's builtin types, for `isinstance`.

use crate::value::TypeTag;

/// Whether Python's `ty` has the attribute `name` (`hasattr(x, name)` for
/// an `x` of that type, which has no attribute of its own).
pub fn python_has_attr(ty: &TypeTag, name: &str) -> bool {
    let names: &[&str] = match ty {
        TypeTag::NoneType => NONE_TYPE,
        TypeTag::Bool | TypeTag::Int => INT,
        TypeTag::Float => FLOAT,
        TypeTag::Str => STR,
        TypeTag::List => LIST,
        TypeTag::Tuple => TUPLE,
        TypeTag::Dict => DICT,
        TypeTag::DictKeys => DICT_KEYS,
        TypeTag::DictValues => DICT_VALUES,
        TypeTag::Function => FUNCTION,
        TypeTag::BuiltinFunction => BUILTIN_FUNCTION,
        // A class, for the names every class has from `type`.
        TypeTag::Type => TYPE,
        // An instance of a user class (a frame's `$object`), for what every
        // one has: its own attributes are the object's.
        // `object` itself has no instance dict, module or weak references.
        TypeTag::User(class) if &**class == "object" => {
            return !matches!(name, "__dict__" | "__module__" | "__weakref__")
                && USER_OBJECT.binary_search(&name).is_ok();
        }
        TypeTag::User(_) => USER_OBJECT,
        _ => return false,
    };
    names.binary_search(&name).is_ok()
}

/// Whether Python's class named `class` has the attribute `name`
/// (`hasattr(int, 'bit_length')`): its instances' (where this tracer knows
/// them: the builtin types above), or one that every class has as an
/// instance of `type` (`__name__`, `mro`). A user class's own attributes are
/// not known here: for one, only the latter.
pub fn class_has_attr(class: &str, name: &str) -> bool {
    let tag = TypeTag::from_name(class);
    // A user class's annotations, which `type` makes on first look.
    let user =
        matches!(&tag, TypeTag::User(class) if &**class != "object") && name == "__annotations__";
    user || python_has_attr(&tag, name) || TYPE.binary_search(&name).is_ok()
}

/// Whether `name` is a type among Python's builtins (`int`, `set`,
/// `ValueError`, ...), which `isinstance` takes by name.
pub fn is_builtin_type(name: &str) -> bool {
    BUILTIN_TYPES.binary_search(&name).is_ok()
}

/// Whether `name` is one of Python's builtin functions (`round`, `sorted`,
/// `divmod`, ...): a name Python always knows, unlike a misspelt one.
pub fn is_builtin_function(name: &str) -> bool {
    BUILTIN_FUNCTIONS.binary_search(&name).is_ok()
}

/// `[n for n in dir(builtins) if callable(getattr(builtins, n)) and not
/// isinstance(getattr(builtins, n), type)]` in `python3 -S` (without the
/// `site` module's `exit`, `help`, ...), less `__build_class__` and
/// `__import__`, sorted.
#[rustfmt::skip]
const BUILTIN_FUNCTIONS: &[&str] = &[
    "abs", "aiter", "all", "anext", "any", "ascii", "bin", "breakpoint", "callable", "chr",
    "compile", "delattr", "dir", "divmod", "eval", "exec", "format", "getattr", "globals",
    "hasattr", "hash", "hex", "id", "input", "isinstance", "issubclass", "iter", "len", "locals",
    "max", "min", "next", "oct", "open", "ord", "pow", "print", "repr", "round", "setattr",
    "sorted", "sum", "vars",
];

/// `[n for n in dir(builtins) if isinstance(getattr(builtins, n), type)]`,
/// less `__loader__`, sorted.
#[rustfmt::skip]
const BUILTIN_TYPES: &[&str] = &[
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
    "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
    "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
    "DeprecationWarning", "EOFError", "EncodingWarning", "EnvironmentError", "Exception",
    "ExceptionGroup", "FileExistsError", "FileNotFoundError", "FloatingPointError",
    "FutureWarning", "GeneratorExit", "IOError", "ImportError", "ImportWarning",
    "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError", "KeyError",
    "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError",
    "NotADirectoryError", "NotImplementedError", "OSError", "OverflowError",
    "PendingDeprecationWarning", "PermissionError", "ProcessLookupError", "RecursionError",
    "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning", "StopAsyncIteration",
    "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError",
    "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError",
    "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError",
    "Warning", "ZeroDivisionError", "bool", "bytearray", "bytes", "classmethod", "complex", "dict",
    "enumerate", "filter", "float", "frozenset", "int", "list", "map", "memoryview", "object",
    "property", "range", "reversed", "set", "slice", "staticmethod", "str", "super", "tuple",
    "type", "zip",
];

#[rustfmt::skip]
const NONE_TYPE: &[&str] = &[
    "__bool__", "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
    "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__",
    "__le__", "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__",
    "__setattr__", "__sizeof__", "__str__", "__subclasshook__",
];

#[rustfmt::skip]
const INT: &[&str] = &[
    "__abs__", "__add__", "__and__", "__bool__", "__ceil__", "__class__", "__delattr__", "__dir__",
    "__divmod__", "__doc__", "__eq__", "__float__", "__floor__", "__floordiv__", "__format__",
    "__ge__", "__getattribute__", "__getnewargs__", "__getstate__", "__gt__", "__hash__",
    "__index__", "__init__", "__init_subclass__", "__int__", "__invert__", "__le__", "__lshift__",
    "__lt__", "__mod__", "__mul__", "__ne__", "__neg__", "__new__", "__or__", "__pos__", "__pow__",
    "__radd__", "__rand__", "__rdivmod__", "__reduce__", "__reduce_ex__", "__repr__",
    "__rfloordiv__", "__rlshift__", "__rmod__", "__rmul__", "__ror__", "__round__", "__rpow__",
    "__rrshift__", "__rshift__", "__rsub__", "__rtruediv__", "__rxor__", "__setattr__",
    "__sizeof__", "__str__", "__sub__", "__subclasshook__", "__truediv__", "__trunc__", "__xor__",
    "as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator", "from_bytes",
    "imag", "numerator", "real", "to_bytes",
];

#[rustfmt::skip]
const FLOAT: &[&str] = &[
    "__abs__", "__add__", "__bool__", "__ceil__", "__class__", "__delattr__", "__dir__",
    "__divmod__", "__doc__", "__eq__", "__float__", "__floor__", "__floordiv__", "__format__",
    "__ge__", "__getattribute__", "__getformat__", "__getnewargs__", "__getstate__", "__gt__",
    "__hash__", "__init__", "__init_subclass__", "__int__", "__le__", "__lt__", "__mod__",
    "__mul__", "__ne__", "__neg__", "__new__", "__pos__", "__pow__", "__radd__", "__rdivmod__",
    "__reduce__", "__reduce_ex__", "__repr__", "__rfloordiv__", "__rmod__", "__rmul__",
    "__round__", "__rpow__", "__rsub__", "__rtruediv__", "__setattr__", "__sizeof__", "__str__",
    "__sub__", "__subclasshook__", "__truediv__", "__trunc__", "as_integer_ratio", "conjugate",
    "fromhex", "hex", "imag", "is_integer", "real",
];

#[rustfmt::skip]
const STR: &[&str] = &[
    "__add__", "__class__", "__contains__", "__delattr__", "__dir__", "__doc__", "__eq__",
    "__format__", "__ge__", "__getattribute__", "__getitem__", "__getnewargs__", "__getstate__",
    "__gt__", "__hash__", "__init__", "__init_subclass__", "__iter__", "__le__", "__len__",
    "__lt__", "__mod__", "__mul__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__",
    "__rmod__", "__rmul__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__",
    "capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find",
    "format", "format_map", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit",
    "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join",
    "ljust", "lower", "lstrip", "maketrans", "partition", "removeprefix", "removesuffix",
    "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
    "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill",
];

#[rustfmt::skip]
const LIST: &[&str] = &[
    "__add__", "__class__", "__class_getitem__", "__contains__", "__delattr__", "__delitem__",
    "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getitem__",
    "__getstate__", "__gt__", "__hash__", "__iadd__", "__imul__", "__init__", "__init_subclass__",
    "__iter__", "__le__", "__len__", "__lt__", "__mul__", "__ne__", "__new__", "__reduce__",
    "__reduce_ex__", "__repr__", "__reversed__", "__rmul__", "__setattr__", "__setitem__",
    "__sizeof__", "__str__", "__subclasshook__", "append", "clear", "copy", "count", "extend",
    "index", "insert", "pop", "remove", "reverse", "sort",
];

#[rustfmt::skip]
const TUPLE: &[&str] = &[
    "__add__", "__class__", "__class_getitem__", "__contains__", "__delattr__", "__dir__",
    "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getitem__",
    "__getnewargs__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__",
    "__iter__", "__le__", "__len__", "__lt__", "__mul__", "__ne__", "__new__", "__reduce__",
    "__reduce_ex__", "__repr__", "__rmul__", "__setattr__", "__sizeof__", "__str__",
    "__subclasshook__", "count", "index",
];

#[rustfmt::skip]
const DICT: &[&str] = &[
    "__class__", "__class_getitem__", "__contains__", "__delattr__", "__delitem__", "__dir__",
    "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getitem__", "__getstate__",
    "__gt__", "__hash__", "__init__", "__init_subclass__", "__ior__", "__iter__", "__le__",
    "__len__", "__lt__", "__ne__", "__new__", "__or__", "__reduce__", "__reduce_ex__", "__repr__",
    "__reversed__", "__ror__", "__setattr__", "__setitem__", "__sizeof__", "__str__",
    "__subclasshook__", "clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem",
    "setdefault", "update", "values",
];

#[rustfmt::skip]
const DICT_KEYS: &[&str] = &[
    "__and__", "__class__", "__contains__", "__delattr__", "__dir__", "__doc__", "__eq__",
    "__format__", "__ge__", "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__",
    "__init_subclass__", "__iter__", "__le__", "__len__", "__lt__", "__ne__", "__new__", "__or__",
    "__rand__", "__reduce__", "__reduce_ex__", "__repr__", "__reversed__", "__ror__", "__rsub__",
    "__rxor__", "__setattr__", "__sizeof__", "__str__", "__sub__", "__subclasshook__", "__xor__",
    "isdisjoint", "mapping",
];

#[rustfmt::skip]
const DICT_VALUES: &[&str] = &[
    "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
    "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__",
    "__iter__", "__le__", "__len__", "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__",
    "__repr__", "__reversed__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__",
    "mapping",
];

/// `dir(len)` (a builtin function), in Python 3.11.
#[rustfmt::skip]
const BUILTIN_FUNCTION: &[&str] = &[
    "__call__", "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
    "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__",
    "__le__", "__lt__", "__module__", "__name__", "__ne__", "__new__", "__qualname__", "__reduce__",
    "__reduce_ex__", "__repr__", "__self__", "__setattr__", "__sizeof__", "__str__",
    "__subclasshook__", "__text_signature__",
];

/// `dir(f)` for a function `f` of the program's, in Python 3.11.
#[rustfmt::skip]
const FUNCTION: &[&str] = &[
    "__annotations__", "__builtins__", "__call__", "__class__", "__closure__", "__code__",
    "__defaults__", "__delattr__", "__dict__", "__dir__", "__doc__", "__eq__", "__format__",
    "__ge__", "__get__", "__getattribute__", "__getstate__", "__globals__", "__gt__", "__hash__",
    "__init__", "__init_subclass__", "__kwdefaults__", "__le__", "__lt__", "__module__", "__name__",
    "__ne__", "__new__", "__qualname__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__",
    "__sizeof__", "__str__", "__subclasshook__",
];

/// What `hasattr(C, name)` finds on every class `C` through `type`: the names
/// of `dir(type)` that `int`, `str`, `object`, `type` and a user class all
/// have, in Python 3.11.
#[rustfmt::skip]
const TYPE: &[&str] = &[
    "__base__", "__bases__", "__basicsize__", "__call__", "__class__", "__delattr__", "__dict__",
    "__dictoffset__", "__dir__", "__doc__", "__eq__", "__flags__", "__format__", "__ge__",
    "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__",
    "__instancecheck__", "__itemsize__", "__le__", "__lt__", "__module__", "__mro__", "__name__",
    "__ne__", "__new__", "__or__", "__prepare__", "__qualname__", "__reduce__", "__reduce_ex__",
    "__repr__", "__ror__", "__setattr__", "__sizeof__", "__str__", "__subclasscheck__",
    "__subclasses__", "__subclasshook__", "__text_signature__", "__weakrefoffset__", "mro",
];

/// `dir(C())` for a user class `C` without attributes, in Python 3.11.
#[rustfmt::skip]
const USER_OBJECT: &[&str] = &[
    "__class__", "__delattr__", "__dict__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
    "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__",
    "__le__", "__lt__", "__module__", "__ne__", "__new__", "__reduce__", "__reduce_ex__",
    "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__", "__weakref__",
];

#[cfg(test)]
mod tests {
    /// `python_has_attr`, `is_builtin_type` and `is_builtin_function`
    /// search the lists by halves: they must be sorted.
    #[test]
    fn the_lists_are_sorted() {
        for names in [super::BUILTIN_TYPES, super::BUILTIN_FUNCTIONS] {
            assert!(names.is_sorted(), "{names:?}");
        }
        for names in [super::NONE_TYPE, super::INT, super::FLOAT, super::STR] {
            assert!(names.is_sorted(), "{names:?}");
        }
        for names in [super::LIST, super::TUPLE, super::DICT] {
            assert!(names.is_sorted(), "{names:?}");
        }
        for names in [super::DICT_KEYS, super::DICT_VALUES] {
            assert!(names.is_sorted(), "{names:?}");
        }
    }
}
