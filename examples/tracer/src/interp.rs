//! Runs a program over a frame, the way Dynamo's `InstructionTranslator`
//! runs bytecode: every operation asks the trackers, and only the trackers
//! asked for something that needs the value get built.

use std::collections::HashMap;
use std::rc::Rc;

use lazy_core::RealizeAll;

use crate::builder::Tx;
use crate::guards::GuardKind;
use crate::lazy::{
    FormatPart, LazySymNodeFormatString, LazyVariableTracker, as_lazy, realized_as, type_only,
};
use crate::program::{Expr, FPart, Program, SpecPart, Stmt, StmtKind};
use crate::source::Source;
use crate::tracker::{
    ArgsWording, BinOp, CmpOp, Codegen, TraceError, TraceResult, Tracker, VariableTracker,
    check_args,
};
use crate::trackers::{SequenceTracker, TensorTracker};
use crate::value::{Frame, INT_OVERFLOW, TypeTag, Value};
use crate::{pyattrs, pyunicode};

/// The trackers of a frame's locals and globals, created when the trace
/// starts (lazily in a lazy run: that is Dynamo's whole point).
pub struct FrameTrackers {
    locals: HashMap<Rc<str>, Tracker>,
    globals: HashMap<Rc<str>, Tracker>,
}

impl FrameTrackers {
    pub fn create(tx: &Tx, frame: &Frame) -> FrameTrackers {
        let make = |named: &[(Rc<str>, Rc<Value>)], source: fn(&str) -> Source| {
            named
                .iter()
                .map(|(name, value)| (Rc::clone(name), tx.create(value, source(name))))
                .collect()
        };
        FrameTrackers {
            locals: make(&frame.locals, Source::local),
            globals: make(&frame.globals, Source::global),
        }
    }

    pub fn local(&self, name: &str) -> Option<&Tracker> {
        self.locals.get(name)
    }

    pub fn global(&self, name: &str) -> Option<&Tracker> {
        self.globals.get(name)
    }
}

/// What a trace produced. `realize_all` over it builds every lazy tracker
/// that leaves the trace (the frame must be able to rebuild its outputs).
#[derive(RealizeAll)]
pub struct TraceOutput {
    pub returned: Vec<Tracker>,
    pub stored_globals: Vec<(Rc<str>, Tracker)>,
    /// The line of the `return` that ended the trace.
    #[realize_all(skip)]
    pub return_line: Option<usize>,
}

impl TraceOutput {
    /// The bytecode that rebuilds the returned values.
    pub fn codegen(&self) -> TraceResult<Codegen> {
        let mut codegen = Codegen::default();
        for tracker in &self.returned {
            tracker.reconstruct(&mut codegen)?;
            codegen.check_size()?;
        }
        match self.returned.len() {
            0 => codegen.emit("LOAD_CONST None"),
            1 => {}
            n => codegen.emit(format!("BUILD_TUPLE {n}")),
        }
        codegen.emit("RETURN_VALUE");
        Ok(codegen)
    }
}

/// A trace error and the program line it happened on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

/// Runs `program` over the frame's trackers.
pub fn trace(tx: &Tx, frame: &FrameTrackers, program: &Program) -> Result<TraceOutput, LineError> {
    let mut interp = Interp {
        tx,
        frame,
        names: HashMap::new(),
        stored: Vec::new(),
        last_stored: HashMap::new(),
    };
    let returned = interp.block(&program.body)?;
    let (returned, return_line) = match returned {
        Some((values, line)) => (values, Some(line)),
        None => (Vec::new(), None),
    };
    Ok(TraceOutput {
        returned,
        stored_globals: interp.stored,
        return_line,
    })
}

struct Interp<'a> {
    tx: &'a Tx,
    frame: &'a FrameTrackers,
    names: HashMap<String, Tracker>,
    stored: Vec<(Rc<str>, Tracker)>,
    /// The place in `stored` of the last store to each name, which a read
    /// of `G['name']` finds: a scan of `stored` from its end made a program
    /// of N stores and N reads quadratic (40,000 each, 0.9 MB: 31 s).
    last_stored: HashMap<Rc<str>, usize>,
}

impl Interp<'_> {
    fn block(&mut self, body: &[Stmt]) -> Result<Option<(Vec<Tracker>, usize)>, LineError> {
        for stmt in body {
            let at_line = |error: TraceError| LineError {
                line: stmt.line,
                message: error.0,
            };
            match &stmt.kind {
                StmtKind::Assign { name, expr } => {
                    let value = self.eval(expr).map_err(at_line)?;
                    // Dynamo's STORE_FAST: a name hint, buffered by lazies.
                    value.set_name_hint(name);
                    self.names.insert(name.clone(), value);
                }
                StmtKind::Unpack { names, expr } => {
                    let value = self.eval(expr).map_err(at_line)?;
                    let items = unpack(self.tx, &value, names.len()).map_err(at_line)?;
                    for (name, item) in names.iter().zip(items) {
                        item.set_name_hint(name);
                        self.names.insert(name.clone(), item);
                    }
                }
                StmtKind::StoreGlobal { name, expr } => {
                    let value = self.eval(expr).map_err(at_line)?;
                    // The stored value now lives at another source: a lazy
                    // one must be built first (Dynamo's `clone(source=...)`).
                    let stored = value.clone_with_source(Some(Source::global(name)));
                    // The copy stays as long as the trace, and a list's
                    // items (a dict's, ...) are copied with it.
                    let copied = crate::trackers::copy_size(&*stored);
                    self.tx.charge(copied).map_err(at_line)?;
                    let name: Rc<str> = name.as_str().into();
                    self.last_stored.insert(Rc::clone(&name), self.stored.len());
                    self.stored.push((name, stored));
                }
                StmtKind::Expr(expr) => {
                    self.eval(expr).map_err(at_line)?;
                }
                StmtKind::If {
                    cond,
                    then,
                    otherwise,
                } => {
                    let taken = self.eval(cond).and_then(|c| c.truthy()).map_err(at_line)?;
                    let branch = if taken { then } else { otherwise };
                    if let Some(returned) = self.block(branch)? {
                        return Ok(Some(returned));
                    }
                }
                StmtKind::Return(exprs) => {
                    let values = exprs
                        .iter()
                        .map(|e| self.eval(e))
                        .collect::<TraceResult<Vec<_>>>()
                        .map_err(at_line)?;
                    return Ok(Some((values, stmt.line)));
                }
            }
        }
        Ok(None)
    }

    fn eval(&mut self, expr: &Expr) -> TraceResult<Tracker> {
        let tx = self.tx;
        match expr {
            Expr::Name(name) => self.name(name),
            Expr::Local(name) => self
                .frame
                .local(name)
                .cloned()
                .ok_or_else(|| TraceError::new(format!("the frame has no local '{name}'"))),
            Expr::Global(name) => {
                if let Some(stored) = self.stored_global(name) {
                    return Ok(Rc::clone(stored));
                }
                self.frame
                    .global(name)
                    .cloned()
                    .ok_or_else(|| TraceError::new(format!("the frame has no global '{name}'")))
            }
            Expr::Lit(value) => Ok(tx.constant(value.clone())),
            Expr::Attr(object, name) => self.eval(object)?.var_getattr(tx, name),
            Expr::Item(object, key) => {
                let object = self.eval(object)?;
                let key = self.eval(key)?;
                // Dict keys must be hashable: answered without building for
                // the kinds Dynamo allows. Only a dict asks: a list says its
                // indices must be integers, an int that it is no container.
                if matches!(object.python_type(), TypeTag::Dict) && !key.is_python_hashable() {
                    return Err(unhashable(&key));
                }
                // A dict looks an `$object` up by its identity.
                let key = match object.python_type() {
                    // A size by its relation to the number keys.
                    TypeTag::Dict => match realized_as::<crate::trackers::DictTracker>(&*object) {
                        Some(dict) => crate::trackers::dict_key_value(
                            &*key,
                            dict.entries.iter().map(|(k, _)| k),
                        )?,
                        None => crate::trackers::key_value(&*key)?,
                    },
                    ty => match key.as_python_constant() {
                        Ok(key) => key,
                        // A key whose value the trace does not know (an
                        // `$object`, a list holding one) is refused by any
                        // container but a dict by its type alone (`list
                        // indices must be integers or slices, not A`): a
                        // value of that type stands for it. A tensor's
                        // indexing is its own.
                        Err(error) => match type_stand_in(&*key) {
                            Some(key) if ty != TypeTag::Tensor => key,
                            _ => return Err(error),
                        },
                    },
                };
                object.getitem(tx, &key)
            }
            Expr::Call(callee, args) => {
                if let Expr::Attr(object, method) = &**callee {
                    let object = self.eval(object)?;
                    let args = self.eval_all(args)?;
                    return object.call_method(tx, method, &args);
                }
                let is_isinstance = matches!(&**callee, Expr::Name(n) if n == "isinstance" && !self.names.contains_key(n));
                let callee = self.eval(callee)?;
                let mut values = Vec::with_capacity(args.len());
                for (i, arg) in args.iter().enumerate() {
                    // `isinstance(x, Linear)`: a class name, not a variable.
                    match arg {
                        Expr::Name(class)
                            if is_isinstance && i == 1 && !self.names.contains_key(class) =>
                        {
                            values.push(self.class_name(class)?);
                        }
                        _ => values.push(self.eval(arg)?),
                    }
                }
                callee.call_function(tx, &values)
            }
            Expr::FString(parts) => self.fstring(parts),
            Expr::Binary(op, left, right) => {
                let (left, right) = (self.eval(left)?, self.eval(right)?);
                binary(tx, *op, &left, &right)
            }
            Expr::Compare(op, left, right) => {
                let (left, right) = (self.eval(left)?, self.eval(right)?);
                Ok(tx.constant(Value::Bool(compare(tx, *op, &left, &right)?)))
            }
            Expr::In(needle, haystack) => {
                let (needle, haystack) = (self.eval(needle)?, self.eval(haystack)?);
                Ok(tx.constant(Value::Bool(crate::trackers::contains(
                    tx, &*haystack, &*needle,
                )?)))
            }
            Expr::IsNone(value, negated) => {
                // `None` is the one value of its type: whether a value is
                // `None` is its type, all that is guarded of it (a
                // `TYPE_MATCH`, not a list's `LEN_CHECK` or a constant's
                // `CONSTANT_MATCH`).
                let is_none = type_only(&*self.eval(value)?) == TypeTag::NoneType;
                Ok(tx.constant(Value::Bool(is_none != *negated)))
            }
            Expr::Not(value) => Ok(tx.constant(Value::Bool(!self.eval(value)?.truthy()?))),
            Expr::Neg(operand) => {
                let value = self.eval(operand)?;
                if value.is_tensor() || value.is_symnode() {
                    // The graph records `0 - x`.
                    return binary(tx, BinOp::Sub, &tx.constant(Value::Int(0)), &value);
                }
                Ok(tx.constant(match number_operand(&value)? {
                    Some(Value::Bool(b)) => Value::Int(-i64::from(b)),
                    Some(Value::Int(i)) => Value::Int(
                        i.checked_neg()
                            .ok_or_else(|| TraceError::new(crate::value::INT_OVERFLOW))?,
                    ),
                    Some(Value::Float(x)) => Value::Float(-x),
                    // Named by the tracker: a dict's view answers as a list.
                    _ => {
                        return Err(TraceError::new(format!(
                            "bad operand type for unary -: '{}'",
                            value.python_type()
                        )));
                    }
                }))
            }
        }
    }

    /// The value last stored to `G['name']` by the trace, if any.
    fn stored_global(&self, name: &str) -> Option<&Tracker> {
        let at = *self.last_stored.get(name)?;
        Some(&self.stored[at].1)
    }

    fn eval_all(&mut self, exprs: &[Expr]) -> TraceResult<Vec<Tracker>> {
        exprs.iter().map(|e| self.eval(e)).collect()
    }

    fn name(&self, name: &str) -> TraceResult<Tracker> {
        if let Some(value) = self.names.get(name) {
            return Ok(Rc::clone(value));
        }
        if BUILTINS.contains(&name) {
            return Ok(self.tx.constant_function(Value::Builtin(name.into())));
        }
        // Python knows every builtin (`round`, `sorted`, `list`): one this
        // tracer lacks is no unknown name, which Python's `NameError` is.
        if pyattrs::is_builtin_function(name) || pyattrs::is_builtin_type(name) {
            return Err(TraceError::new(format!(
                "the Python builtin '{name}' is not supported by this tracer"
            )));
        }
        Err(TraceError::new(format!(
            "unknown name '{name}' (assign it first, or load it with L['{name}'] or G['{name}'])"
        )))
    }

    /// A bare name as `isinstance`'s second argument, where no variable has
    /// it, looked up as Python's `LOAD_GLOBAL` does: the frame's global of
    /// that name (or the value the trace stored to it) first, the global
    /// itself, guarded as `G['Linear']` is (a global named `float` shadows
    /// the builtin, as in Python), else a builtin type of Python's (`int`,
    /// `object`, `set`, ...) or of the tracer's (`Tensor`, which stands for
    /// `torch.Tensor`, `NoneType`, `function`), guarded by a
    /// `DICT_CONTAINS` that the globals have no such name (another frame's
    /// may), else an unknown name, as Python's `NameError`, not a class no
    /// value is an instance of.
    fn class_name(&mut self, name: &str) -> TraceResult<Tracker> {
        if let Some(global) = self.stored_global(name).or(self.frame.global(name)) {
            // Whether it is a type, read off the unbuilt value; a type is
            // the global's own tracker, which `isinstance` builds, with its
            // `ID_MATCH`: the answer depends on which class the global
            // holds (another frame's `Linear` may be `Conv`), as it does
            // for `isinstance(x, G['Linear'])`. A constant standing for the
            // class would guard nothing of it.
            let value = match as_lazy(&**global).and_then(LazyVariableTracker::peek_value) {
                Some(value) => (*value).clone(),
                None => global.as_python_constant()?,
            };
            // A builtin or a tuple is `isinstance`'s to judge, in Python's
            // order (`$builtin len` is no type, `(int, 5)` holds of an int).
            return match value {
                Value::Class(_) | Value::Builtin(_) | Value::Tuple(_) => Ok(Rc::clone(global)),
                _ => Err(TraceError::new(NOT_A_TYPE)),
            };
        }
        let builtin_type = names_a_builtin_type(name);
        if !builtin_type && !BUILTINS.contains(&name) {
            return Err(TraceError::new(format!(
                "unknown name '{name}' in isinstance(): name a builtin type (int, float, str, bool, list, tuple, dict, object, ...) or a class of the frame's globals (G['{name}'] holds none)"
            )));
        }
        // The builtin answers only while no global of that name shadows it:
        // a frame whose globals hold `float` must not reuse the answer.
        self.tx.guard_text(
            GuardKind::DictContains,
            "G".to_string(),
            crate::guards::has_detail(name, false),
        );
        Ok(if builtin_type {
            self.tx.constant(Value::Class(name.into()))
        } else {
            // `isinstance(x, len)`: no type, said so by `isinstance`.
            self.tx.constant_function(Value::Builtin(name.into()))
        })
    }

    /// An f-string of sizes only stays lazy (Dynamo's
    /// `LazySymNodeFormatString`); any other is formatted now.
    /// A placeholder's format spec, its nested placeholders put in as
    /// `format(value, spec)` gives them, with their own spec
    /// (`f"{x:{width}}"`, `f"{x:{width:03}}"`).
    fn spec(&mut self, parts: &[SpecPart]) -> TraceResult<String> {
        let mut spec = String::new();
        for part in parts {
            match part {
                SpecPart::Text(text) => spec.push_str(text),
                SpecPart::Expr(expr, own) => spec.push_str(&self.eval(expr)?.format_value(own)?),
            }
        }
        Ok(spec)
    }

    fn fstring(&mut self, parts: &[FPart]) -> TraceResult<Tracker> {
        let mut evaluated = Vec::with_capacity(parts.len());
        for part in parts {
            evaluated.push(match part {
                FPart::Text(text) => FormatPart::Text(text.clone()),
                FPart::Expr(expr, spec) => FormatPart::Sym {
                    sym: self.eval(expr)?,
                    spec: self.spec(spec)?,
                },
            });
        }
        let has_sym = evaluated
            .iter()
            .any(|p| matches!(p, FormatPart::Sym { .. }));
        let all_sym = evaluated
            .iter()
            .all(|p| !matches!(p, FormatPart::Sym { sym, .. } if !sym.is_symnode()));
        if has_sym && all_sym {
            let format = LazySymNodeFormatString::new(evaluated)?;
            return Ok(LazyVariableTracker::create_format(self.tx, format));
        }
        let mut text = String::new();
        for part in &evaluated {
            match part {
                FormatPart::Text(t) => text.push_str(t),
                FormatPart::Sym { sym, spec } => text.push_str(&sym.format_value(spec)?),
            }
            // The bound every string operation keeps (`'a' * n`, `+`); each
            // part stops at it too as it is formatted (a list's `str()`).
            if text.len() > crate::trackers::MAX_LEN {
                return Err(TraceError::new("string too large for this tracer"));
            }
        }
        self.tx.charge(text.len())?;
        Ok(self.tx.constant(Value::str(&text)))
    }
}

/// Dynamo's `UNPACK_SEQUENCE`: exactly `count` items.
fn unpack(tx: &Tx, value: &Tracker, count: usize) -> TraceResult<Vec<Tracker>> {
    if !value.has_unpack_var_sequence() {
        return Err(TraceError::new(format!(
            "cannot unpack non-iterable {} object",
            value.python_type_name()
        )));
    }
    let check = |len: usize| match len.cmp(&count) {
        std::cmp::Ordering::Equal => Ok(()),
        std::cmp::Ordering::Greater => Err(TraceError::new(format!(
            "too many values to unpack (expected {count})"
        ))),
        std::cmp::Ordering::Less => Err(TraceError::new(format!(
            "not enough values to unpack (expected {count}, got {len})"
        ))),
    };
    // A tensor unpacks along its first dim, one row (`select`) per name,
    // as Dynamo's `TensorVariable.unpack_var_sequence` does (a dynamic dim
    // specialized: guarded `== size`). Its length is checked first, so
    // that a long dim makes no rows.
    if let Some(tensor) = realized_as::<TensorTracker>(&**value) {
        check(tensor.row_count()?)?;
        return Ok(tensor.rows());
    }
    let items = value.unpack_var_sequence(tx)?;
    check(items.len())?;
    Ok(items)
}

/// `a OP b`: the tensor (or else the size) side decides what it means.
pub fn binary(tx: &Tx, op: BinOp, left: &Tracker, right: &Tracker) -> TraceResult<Tracker> {
    if !left.is_tensor() && (right.is_tensor() || (!left.is_symnode() && right.is_symnode())) {
        return right.binary_op(tx, op, &**left, true);
    }
    left.binary_op(tx, op, &**right, false)
}

/// The builtins a program can call.
pub const BUILTINS: &[&str] = &[
    "len",
    "isinstance",
    "str",
    "bool",
    "int",
    "float",
    "hash",
    "format",
    "hasattr",
    "abs",
    "min",
    "max",
    "log",
    "print",
];

/// Checks that a builtin of `n` arguments got them, with Python's words.
fn arity(name: &str, args: &[Tracker], n: usize) -> TraceResult<()> {
    let wording = match name {
        "len" | "abs" | "hash" => ArgsWording::One,
        _ => ArgsWording::Expected,
    };
    check_args(name, wording, n..=n, n..=n, args.len())
}

/// How Python's argument parsing (`_PyArg_BadArgument`) names the type of
/// an argument it refuses: `None` itself, else the type's name
/// (`str() argument 'encoding' must be str, not None`).
fn bad_argument_type(arg: &Tracker) -> String {
    if arg.is_constant_none() {
        "None".to_string()
    } else {
        arg.python_type_name()
    }
}

/// Python's error for `str(value, encoding[, errors])`, which decodes
/// bytes, and this tracer has none: the arguments' types, then the value's.
fn str_decoding_error(value: &Tracker, options: &[Tracker]) -> TraceError {
    for (option, what) in options.iter().zip(["encoding", "errors"]) {
        if !matches!(option.as_python_constant(), Ok(Value::Str(_))) {
            return TraceError::new(format!(
                "str() argument '{what}' must be str, not {}",
                bad_argument_type(option)
            ));
        }
    }
    match value.python_type() {
        TypeTag::Str => TraceError::new("decoding str is not supported"),
        _ => TraceError::new(format!(
            "decoding to str: need a bytes-like object, {} found",
            value.python_type_name()
        )),
    }
}

/// A builtin's str argument, with Python's error for another type:
/// `format()`'s spec, `hasattr()`'s name.
fn text_arg(name: &str, arg: &Tracker) -> TraceResult<String> {
    // Refused by its type alone, whose value (an `$object`, a tensor) the
    // trace need not know.
    if arg.python_type() != TypeTag::Str {
        return Err(TraceError::new(match name {
            "hasattr" => format!(
                "attribute name must be string, not '{}'",
                arg.python_type_name()
            ),
            _ => format!(
                "{name}() argument 2 must be str, not {}",
                bad_argument_type(arg)
            ),
        }));
    }
    match arg.as_python_constant()? {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(TraceError::new(format!(
            "{name}() argument 2 must be str, not {}",
            other.type_tag()
        ))),
    }
}

/// The value of the operand of `abs`, unary `-`, `int()` or `float()`, or
/// `None` for one whose value the trace cannot know and that is no number
/// either (an `$object`, a list holding one): Python's error for it names
/// its type, as for any value that is no number.
fn number_operand(value: &Tracker) -> TraceResult<Option<Value>> {
    match value.as_python_constant() {
        Ok(value) => Ok(Some(value)),
        Err(_) if !value.is_tensor() && !value.is_symnode() => Ok(None),
        Err(error) => Err(error),
    }
}

/// Python's `int(x)` of a float: truncates toward zero, exactly.
fn float_to_int(x: f64) -> TraceResult<i64> {
    // 2^63, exactly representable as a float.
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    if x.is_nan() {
        return Err(TraceError::new("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(TraceError::new("cannot convert float infinity to integer"));
    }
    let whole = x.trunc();
    if (-TWO_63..TWO_63).contains(&whole) {
        Ok(whole as i64)
    } else {
        Err(TraceError::new(INT_OVERFLOW))
    }
}

/// Python's `isinstance(value, spec)`: `spec` a class, a builtin type
/// (`int`, `str`, ... are builtins of the tracer as of Python), or a tuple
/// of them (nested too, `(int, (str, float))`, as a frame's `$tuple` holds
/// them), tried in order: the first that matches answers, and one that is
/// no type is Python's error when it is reached (`(int, 5)` holds for an
/// int, as in Python). The answer depends on `value`'s type alone, which
/// is all that is guarded of it (`type_only`): a `TYPE_MATCH` on a frame's
/// value not built yet, not the `LEN_CHECK` of a tuple (or a list's, a
/// dict's `DICT_KEYS`, a constant's `CONSTANT_MATCH`) that building it
/// installs.
fn isinstance_of(value: &Tracker, spec: &Value) -> TraceResult<bool> {
    match spec {
        Value::Class(class) => Ok(type_only(&**value).is_subtype_of(&TypeTag::from_name(class))),
        Value::Builtin(class) if names_a_builtin_type(class) => {
            Ok(type_only(&**value).is_subtype_of(&TypeTag::from_name(class)))
        }
        Value::Tuple(specs) => {
            for spec in specs {
                if isinstance_of(value, spec)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(TraceError::new(NOT_A_TYPE)),
    }
}

/// Python's error for `isinstance` given something that is no type.
const NOT_A_TYPE: &str = "isinstance() arg 2 must be a type, a tuple of types, or a union";

/// `name` is a builtin type: the tracer's (`Tensor`, `NoneType`, ...) or
/// Python's (`int`, `set`, `ValueError`, ...).
fn names_a_builtin_type(name: &str) -> bool {
    !matches!(TypeTag::from_name(name), TypeTag::User(_)) || pyattrs::is_builtin_type(name)
}

/// Python's `float(text)`: surrounding white space, any Unicode decimal
/// digit, and single `_` between two digits (`'1_000.5'`), which Rust's
/// parser does not take.
fn parse_float(text: &str) -> Option<f64> {
    let text = pyunicode::number_text(text)?;
    let bytes = text.as_bytes();
    for (at, byte) in bytes.iter().enumerate() {
        let digit = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(u8::is_ascii_digit);
        if *byte == b'_' && !(digit(at.checked_sub(1)) && digit(Some(at + 1))) {
            return None;
        }
    }
    text.replace('_', "").parse::<f64>().ok()
}

/// Python's `int(text)` in base 10: surrounding white space, an optional
/// sign, digits (any Unicode decimal digit: `'١٢'` is 12) with single `_`
/// between them.
fn parse_int(value: &Value, text: &str) -> TraceResult<i64> {
    // CPython cuts the repr at 200 characters (`%.200R`); float()'s is whole.
    let invalid = || {
        let repr: String = value.repr().chars().take(200).collect();
        TraceError::new(format!("invalid literal for int() with base 10: {repr}"))
    };
    let text = pyunicode::number_text(text).ok_or_else(invalid)?;
    let digits = text.strip_prefix(['-', '+']).unwrap_or(&text);
    let well_formed = !digits.is_empty()
        && digits
            .split('_')
            .all(|group| !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit()));
    if !well_formed {
        return Err(invalid());
    }
    text.replace('_', "")
        .parse::<i64>()
        .map_err(|_| TraceError::new(INT_OVERFLOW))
}

/// Whether `value` is a dict's view (`d.keys()`, `d.values()`), which
/// compares with no other value (`Value::DictView`).
fn is_view(value: &Tracker) -> bool {
    matches!(value.python_type(), TypeTag::DictKeys | TypeTag::DictValues)
}

/// `left op right`, Python's: `crate::trackers::compare`.
fn compare(tx: &Tx, op: CmpOp, left: &Tracker, right: &Tracker) -> TraceResult<bool> {
    crate::trackers::compare(tx, op, &**left, &**right)
}

/// A value of `key`'s type, for an error that names the type alone: the
/// value a dict would look an `$object` (or a tuple holding one) up by, an
/// empty list, tuple, dict or dict's view for one holding an `$object`. `None` for a
/// tensor, whose value is no constant either.
fn type_stand_in(key: &dyn VariableTracker) -> Option<Value> {
    if key.is_tensor() {
        return None;
    }
    if let Ok(value) = crate::trackers::key_value(key) {
        return Some(value);
    }
    match key.python_type() {
        TypeTag::List => Some(Value::List(Vec::new())),
        TypeTag::Tuple => Some(Value::Tuple(Vec::new())),
        TypeTag::Dict => Some(Value::Dict(Vec::new())),
        // A view holding an `$object` (`d.keys()`), of either kind.
        ty @ (TypeTag::DictKeys | TypeTag::DictValues) => {
            Some(Value::DictView(crate::value::DictView {
                keys: ty == TypeTag::DictKeys,
                id: 0,
                items: Vec::new(),
            }))
        }
        _ => None,
    }
}

/// Python's error for hashing `value`, which names the list or dict inside
/// a tuple (`(1, [2])`: 'list'), not the tuple.
fn unhashable(value: &Tracker) -> TraceError {
    // A dict's view names itself (a keys view; a values view hashes).
    if is_view(value) {
        return TraceError::new(format!("unhashable type: '{}'", value.python_type()));
    }
    // By the trackers, not the value: a tuple holding an `$object` has
    // none the trace knows (`([obj],)` names the list).
    let ty = crate::trackers::unhashable_type_of(&**value);
    TraceError::new(format!("unhashable type: '{ty}'"))
}

/// Dynamo's `BuiltinVariable.call_function`.
pub fn call_builtin(tx: &Tx, name: &str, args: &[Tracker]) -> TraceResult<Tracker> {
    let value = match name {
        "len" => {
            arity(name, args, 1)?;
            // Dynamo reads `.items` straight off a list tracker, through a
            // lazy one's `__getattr__`: here an explicit realize-then-downcast.
            match realized_as::<SequenceTracker>(&*args[0]) {
                Some(sequence) => Value::Int(sequence.items.len() as i64),
                None => Value::Int(args[0].sequence_len()? as i64),
            }
        }
        "isinstance" => {
            arity(name, args, 2)?;
            Value::Bool(isinstance_of(&args[0], &args[1].as_python_constant()?)?)
        }
        "str" => {
            check_args(name, ArgsWording::Takes, 0..=3, 0..=3, args.len())?;
            match args {
                [] => Value::str(""),
                [value] => Value::str(&value.python_str()?),
                [value, options @ ..] => return Err(str_decoding_error(value, options)),
            }
        }
        "bool" => {
            check_args(name, ArgsWording::Expected, 0..=1, 0..=1, args.len())?;
            match args.first() {
                Some(value) => Value::Bool(value.truthy()?),
                None => Value::Bool(false),
            }
        }
        "int" | "float" => {
            // `int(text, base)` is not read here.
            let (wording, most) = match name {
                "int" => (ArgsWording::Takes, 2),
                _ => (ArgsWording::Expected, 1),
            };
            check_args(name, wording, 0..=most, 0..=1, args.len())?;
            let Some(arg) = args.first() else {
                return Ok(tx.constant(match name {
                    "int" => Value::Int(0),
                    _ => Value::Float(0.0),
                }));
            };
            // Python's texts, which differ: int() also takes bytes.
            let no_number = || {
                let takes = if name == "int" {
                    "a string, a bytes-like object or a real number"
                } else {
                    "a string or a real number"
                };
                TraceError::new(format!(
                    "{name}() argument must be {takes}, not '{}'",
                    arg.python_type()
                ))
            };
            let value = number_operand(arg)?.ok_or_else(no_number)?;
            match (name, &value, value.as_int(), value.as_number()) {
                // Exactly: through a float, 2**53 + 1 would lose its last bit.
                ("int", _, Some(i), _) => Value::Int(i),
                ("int", Value::Float(x), ..) => Value::Int(float_to_int(*x)?),
                ("float", _, _, Some(x)) => Value::Float(x),
                ("int", Value::Str(s), ..) => Value::Int(parse_int(&value, s)?),
                ("float", Value::Str(s), ..) => Value::Float(parse_float(s).ok_or_else(|| {
                    TraceError::new(format!(
                        "could not convert string to float: {}",
                        value.repr()
                    ))
                })?),
                _ => return Err(no_number()),
            }
        }
        "hash" => {
            arity(name, args, 1)?;
            if !args[0].is_python_hashable() {
                return Err(unhashable(&args[0]));
            }
            Value::Int(args[0].get_python_hash()? as i64)
        }
        "format" => {
            check_args(name, ArgsWording::Expected, 1..=2, 1..=2, args.len())?;
            let spec = match args.get(1) {
                Some(spec) => text_arg(name, spec)?,
                None => String::new(),
            };
            if args[0].is_symnode() {
                let parts = vec![FormatPart::Sym {
                    sym: Rc::clone(&args[0]),
                    spec,
                }];
                return Ok(LazyVariableTracker::create_format(
                    tx,
                    LazySymNodeFormatString::new(parts)?,
                ));
            }
            Value::str(&args[0].format_value(&spec)?)
        }
        "hasattr" => {
            arity(name, args, 2)?;
            let attr = text_arg(name, &args[1])?;
            Value::Bool(crate::trackers::has_attr(tx, &*args[0], &attr))
        }
        "abs" => {
            arity(name, args, 1)?;
            if args[0].is_tensor() {
                return args[0].call_method(tx, "abs", &[]);
            }
            match number_operand(&args[0])? {
                Some(Value::Int(i)) => Value::Int(
                    i.checked_abs()
                        .ok_or_else(|| TraceError::new(INT_OVERFLOW))?,
                ),
                Some(Value::Bool(b)) => Value::Int(i64::from(b)),
                Some(Value::Float(x)) => Value::Float(x.abs()),
                _ => {
                    return Err(TraceError::new(format!(
                        "bad operand type for abs(): '{}'",
                        args[0].python_type()
                    )));
                }
            }
        }
        "min" | "max" => {
            if args.is_empty() {
                return Err(TraceError::new(format!(
                    "{name} expected at least 1 argument, got 0"
                )));
            }
            // One argument is an iterable of the candidates, as in Python
            // (its items as unpacking reads them, with its error for one
            // that is not iterable).
            let candidates = if args.len() == 1 {
                args[0].unpack_var_sequence(tx)?
            } else {
                args.to_vec()
            };
            let mut candidates = candidates.into_iter();
            let Some(mut best) = candidates.next() else {
                return Err(TraceError::new(format!(
                    "{name}() arg is an empty sequence"
                )));
            };
            let mut best_value = best.as_python_constant()?;
            let op = if name == "min" { CmpOp::Lt } else { CmpOp::Gt };
            for candidate in candidates {
                let value = candidate.as_python_constant()?;
                let wins = if is_view(&candidate) || is_view(&best) {
                    compare(tx, op, &candidate, &best)?
                } else {
                    crate::trackers::compare_values(&value, op, &best_value)?
                };
                if wins {
                    (best, best_value) = (candidate, value);
                }
            }
            // The winner itself, as Python returns the object: a list stays
            // a list (`len(max(ll))`, `bool(max([[], []]))` is False).
            return Ok(best);
        }
        "log" | "print" => {
            // Printing a tracker never builds it.
            let text: Vec<String> = args.iter().map(|a| a.debug_repr()).collect();
            let line = text.join(" ");
            tx.charge(line.len())?;
            tx.log(line);
            Value::None
        }
        _ => return Err(TraceError::new(format!("unknown function '{name}'"))),
    };
    // A string it made (`str()`, `format()`) is kept in the trace's count.
    if let Value::Str(text) = &value {
        tx.charge(text.len())?;
    }
    Ok(tx.constant(value))
}
