//! Guard soundness, as Dynamo's cache uses the guards: if frame B passes
//! every guard that the lazy trace of frame A installed, the trace of A is
//! reused for B, so tracing B must give what tracing A gave (the returned
//! values, the output code, the stored globals and the graph).
//!
//! `holds` is the oracle's guard evaluator: it resolves a guard's source in
//! a frame's values and checks the guard there, rendering the text the
//! builder would install for that value (`value_guard_detail`,
//! `has_detail`) and comparing it with the guard's; `SHAPE_ENV` relations
//! are evaluated numerically on the frame's sizes. A source that does not
//! resolve fails the guard.
//!
//! The oracle then runs many (program, frame A, frame B) triples: the
//! pairs of `test_guard_soundness.rs`, the built-in program over the
//! built-in frame and perturbed copies of it, and generated frames and
//! programs with perturbed copies. Each run counts the pairs that reuse and
//! the pairs that do not, and both must be found.

mod common;

use std::rc::Rc;

use common::Rng;
use lazy_tracer::builder::{Mode, value_guard_detail};
use lazy_tracer::frame_gen;
use lazy_tracer::guards::{Guard, GuardKind, has_detail};
use lazy_tracer::program::Program;
use lazy_tracer::run::{Input, parse_frame, parse_program, run_mode_with_events};
use lazy_tracer::source::Source;
use lazy_tracer::tracker::CmpOp;
use lazy_tracer::trackers::compare_values;
use lazy_tracer::value::{Frame, Object, TensorMeta, Value};

// ---------------------------------------------------------------------------
// Resolving sources in a frame
// ---------------------------------------------------------------------------

/// One step from a value to a value inside it, to change it in a copy.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Local(usize),
    Global(usize),
    /// A list's or a tuple's item.
    Item(usize),
    /// A dict's value.
    Entry(usize),
    /// A dict's key that holds an `$object` (`list(d.keys())[i]`).
    EntryKey(usize),
    /// An object's attribute.
    Attr(usize),
    /// A tensor's size along a dim.
    Size(usize),
}

/// A value of a frame with the source the builder gives it.
#[derive(Clone, Debug)]
struct Node {
    source: Source,
    value: Rc<Value>,
    path: Vec<Step>,
}

/// The frame's locals and globals, at `L['name']` and `G['name']`.
fn roots(frame: &Frame) -> Vec<Node> {
    let locals = frame
        .locals
        .iter()
        .enumerate()
        .map(|(i, (name, value))| Node {
            source: Source::local(name),
            value: Rc::clone(value),
            path: vec![Step::Local(i)],
        });
    let globals = frame
        .globals
        .iter()
        .enumerate()
        .map(|(i, (name, value))| Node {
            source: Source::global(name),
            value: Rc::clone(value),
            path: vec![Step::Global(i)],
        });
    locals.chain(globals).collect()
}

/// The values inside `node`, at the sources the builder gives them
/// (`Tx::build`, `Tx::key_tracker`, `TensorTracker::new`).
fn children(node: &Node) -> Vec<Node> {
    let child = |source: Source, value: Rc<Value>, step: Step| {
        let mut path = node.path.clone();
        path.push(step);
        Node {
            source,
            value,
            path,
        }
    };
    let source = &node.source;
    match &*node.value {
        Value::List(items) | Value::Tuple(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| child(source.index(i as i64), Rc::clone(item), Step::Item(i)))
            .collect(),
        Value::Dict(entries) => {
            let mut nodes = Vec::new();
            for (i, (key, item)) in entries.iter().enumerate() {
                if key.holds_object() {
                    let key_source = source.dict_key(i);
                    let item_source = source.key(&key_source.to_string());
                    nodes.push(child(key_source, Rc::new(key.clone()), Step::EntryKey(i)));
                    nodes.push(child(item_source, Rc::clone(item), Step::Entry(i)));
                } else {
                    nodes.push(child(
                        source.key(&key.repr()),
                        Rc::clone(item),
                        Step::Entry(i),
                    ));
                }
            }
            nodes
        }
        Value::Object(object) => object
            .attrs
            .iter()
            .enumerate()
            .map(|(i, (name, item))| child(source.attr(name), Rc::clone(item), Step::Attr(i)))
            .collect(),
        Value::Tensor(tensor) => tensor
            .shape
            .iter()
            .enumerate()
            .map(|(d, &size)| child(source.size(d), Rc::new(Value::Int(size)), Step::Size(d)))
            .collect(),
        _ => Vec::new(),
    }
}

/// The value at the source printed as `text` in `frame`, if there is one.
/// Only values whose source is a part of `text` are searched (a dict's
/// key's source, `list(L['d'].keys())[0]`, holds the dict's as a part,
/// not as a prefix).
fn resolve(frame: &Frame, text: &str) -> Option<Node> {
    fn search(node: Node, text: &str) -> Option<Node> {
        let printed = node.source.to_string();
        if printed == text {
            return Some(node);
        }
        if !text.contains(&printed) {
            return None;
        }
        children(&node)
            .into_iter()
            .find_map(|child| search(child, text))
    }
    roots(frame).into_iter().find_map(|root| search(root, text))
}

/// Every value of `frame`, each with its source.
fn all_nodes(frame: &Frame) -> Vec<Node> {
    let mut out = Vec::new();
    let mut stack = roots(frame);
    while let Some(node) = stack.pop() {
        stack.extend(children(&node));
        out.push(node);
    }
    out
}

// ---------------------------------------------------------------------------
// The guard evaluator
// ---------------------------------------------------------------------------

/// Whether `guard` holds of `frame`.
fn holds(guard: &Guard, frame: &Frame) -> bool {
    match guard.kind {
        GuardKind::DictContains => {
            // Only the frame's globals are guarded so (`G has no 'float'`).
            guard.source == "G"
                && has_holds(frame.globals.iter().map(|(name, _)| &**name), &guard.detail)
        }
        GuardKind::HasAttr => match resolve(frame, &guard.source).map(|node| node.value) {
            Some(value) => match &*value {
                Value::Object(object) => {
                    has_holds(object.attrs.iter().map(|(name, _)| &**name), &guard.detail)
                }
                _ => false,
            },
            None => false,
        },
        GuardKind::ShapeEnv => shape_env_holds(frame, &guard.source, &guard.detail),
        kind => {
            let Some(node) = resolve(frame, &guard.source) else {
                return false;
            };
            let Some(text) = value_guard_detail(kind, &node.value) else {
                return false;
            };
            if kind == GuardKind::TensorMatch {
                // A dynamic dim prints its size hint (`?32`), which the
                // guard does not check: its dtype, rank, static sizes and
                // which dims are dynamic.
                without_hints(&text) == without_hints(&guard.detail)
            } else {
                text == guard.detail
            }
        }
    }
}

/// Whether a `has 'name'` or `has no 'name'` guard holds of a container
/// whose attributes or keys are `names`, comparing the text `has_detail`
/// makes of each name.
fn has_holds<'a>(mut names: impl Iterator<Item = &'a str>, detail: &str) -> bool {
    match detail.strip_prefix("has no ") {
        Some(name) => {
            let present = format!("has {name}");
            !names.any(|n| has_detail(n, true) == present)
        }
        None => names.any(|n| has_detail(n, true) == detail),
    }
}

/// A tensor's description with each dynamic dim's hint left out
/// (`float32[?32, 512]` is `float32[?, 512]`).
fn without_hints(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_hint = false;
    for c in text.chars() {
        if in_hint && c.is_ascii_digit() {
            continue;
        }
        in_hint = c == '?';
        out.push(c);
    }
    out
}

const OPS: [CmpOp; 6] = [
    CmpOp::Eq,
    CmpOp::Ne,
    CmpOp::Lt,
    CmpOp::Le,
    CmpOp::Gt,
    CmpOp::Ge,
];

/// A `SHAPE_ENV` guard, `EXPR OP OTHER`: the expression evaluated on the
/// frame's sizes, the other side either another such expression or a
/// constant's repr (an int, a float, a bool; any other constant is no
/// number, equal to no size).
fn shape_env_holds(frame: &Frame, expr: &str, detail: &str) -> bool {
    let Some((symbol, other)) = detail.split_once(' ') else {
        return false;
    };
    let Some(op) = OPS.into_iter().find(|op| op.symbol() == symbol) else {
        return false;
    };
    let Some(left) = eval_size_expr(frame, expr) else {
        return false;
    };
    let right = match eval_size_expr(frame, other) {
        Some(n) => Value::Int(n),
        None => match other {
            "True" => Value::Bool(true),
            "False" => Value::Bool(false),
            _ => match other.parse::<f64>() {
                Ok(x) if other.contains(['.', 'e', 'n']) => Value::Float(x),
                // Equal to no int, and ordered with none.
                _ => Value::None,
            },
        },
    };
    compare_values(&Value::Int(left), op, &right).unwrap_or(false)
}

/// The value of a size expression (`(L['x'].size()[0]*2)+(-1)`) over the
/// frame's sizes, with Python's `//` and `%`; `None` if it does not parse,
/// names a size the frame lacks, divides by zero or overflows.
fn eval_size_expr(frame: &Frame, text: &str) -> Option<i64> {
    let mut parser = ExprParser { frame, text, at: 0 };
    let value = parser.sum()?;
    (parser.at == text.len()).then_some(value)
}

struct ExprParser<'a> {
    frame: &'a Frame,
    text: &'a str,
    at: usize,
}

impl ExprParser<'_> {
    fn rest(&self) -> &str {
        &self.text[self.at..]
    }

    fn eat(&mut self, token: &str) -> bool {
        if self.rest().starts_with(token) {
            self.at += token.len();
            true
        } else {
            false
        }
    }

    fn sum(&mut self) -> Option<i64> {
        let mut value = self.product()?;
        loop {
            if self.eat("+") {
                value = value.checked_add(self.product()?)?;
            } else if self.eat("-") {
                value = value.checked_sub(self.product()?)?;
            } else {
                return Some(value);
            }
        }
    }

    fn product(&mut self) -> Option<i64> {
        let mut value = self.atom()?;
        loop {
            if self.eat("*") {
                value = value.checked_mul(self.atom()?)?;
            } else if self.eat("//") {
                let d = self.atom()?;
                value = python_floor_div(value, d)?;
            } else if self.eat("%") {
                let d = self.atom()?;
                value = value.checked_sub(python_floor_div(value, d)?.checked_mul(d)?)?;
            } else {
                return Some(value);
            }
        }
    }

    fn atom(&mut self) -> Option<i64> {
        if self.eat("(") {
            let value = self.sum()?;
            return self.eat(")").then_some(value);
        }
        if self.eat("-") {
            return self.atom()?.checked_neg();
        }
        let rest = self.rest();
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            let value = rest[..digits].parse().ok()?;
            self.at += digits;
            return Some(value);
        }
        // A size's source: the first `.size()[N]` after which the text so
        // far is a size of the frame.
        if !["L[", "G[", "list("].iter().any(|p| rest.starts_with(p)) {
            return None;
        }
        let mut from = 0;
        while let Some(found) = rest[from..].find(".size()[") {
            let dim_at = from + found + ".size()[".len();
            let dim_len = rest[dim_at..]
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len() - dim_at);
            let end = dim_at + dim_len;
            if dim_len > 0 && rest[end..].starts_with(']') {
                let candidate = &rest[..end + 1];
                if let Some(node) = resolve(self.frame, candidate)
                    && let Some(Step::Size(_)) = node.path.last()
                    && let Value::Int(size) = *node.value
                {
                    self.at += candidate.len();
                    return Some(size);
                }
            }
            from = dim_at;
        }
        None
    }
}

/// Python's `a // b` of ints; `None` for a zero divisor or an overflow.
fn python_floor_div(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q.checked_sub(1)
    } else {
        Some(q)
    }
}

// ---------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------

/// What a trace gives, as a reused trace would give it: its returned
/// values, output code, stored globals and graph, or its error.
#[derive(Debug, PartialEq)]
enum Outcome {
    Traced {
        returned: Vec<String>,
        codegen: Vec<String>,
        stored: Vec<(String, String)>,
        graph_inputs: Vec<String>,
        graph_nodes: Vec<String>,
    },
    Failed(String),
}

struct Trace {
    outcome: Outcome,
    guards: Vec<Guard>,
}

fn trace(program: &Program, frame: &Frame) -> Trace {
    let input = Input {
        frame: frame.clone(),
        frame_name: "f.json".into(),
        program: program.clone(),
        program_name: "p".into(),
    };
    match run_mode_with_events(&input, Mode::Lazy, false) {
        Ok(run) => Trace {
            outcome: Outcome::Traced {
                returned: run.returned.iter().map(|r| without_size_hints(r)).collect(),
                codegen: run.codegen,
                stored: run
                    .stored
                    .into_iter()
                    .map(|(name, value)| (name, without_size_hints(&value)))
                    .collect(),
                graph_inputs: run.graph.inputs,
                graph_nodes: run.graph.nodes,
            },
            guards: run.guards,
        },
        Err(error) => Trace {
            outcome: Outcome::Failed(error.to_string()),
            guards: Vec::new(),
        },
    }
}

/// A returned value's text without the hints of its symbolic sizes
/// (`SymNodeVariable(s0-2, hint=3)` is `SymNodeVariable(s0-2)`): a reused
/// trace returns the symbol, whose hint is the frame's.
fn without_size_hints(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(", hint=") {
        out.push_str(&rest[..at]);
        rest = rest[at + ", hint=".len()..]
            .trim_start_matches(|c: char| c == '-' || c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

/// The counts of one oracle run, and the unsound pairs it found.
#[derive(Default)]
struct Tally {
    /// B passed every guard of A's trace: A's trace is reused for B.
    reused: usize,
    /// B failed one of A's guards: B is traced again.
    retraced: usize,
    /// A's trace failed: no guards to reuse.
    a_failed: usize,
    /// B passed A's guards and its trace failed on an attribute that an
    /// object of B lacks and A's has, read and never used (`v =
    /// L['obj'].child`, then nothing; `[].count(L['obj'].n)`): no guard
    /// checks such an attribute, as in Dynamo (`with_attributes_of`).
    dead_attribute_reads: usize,
    unsound: Vec<String>,
}

impl Tally {
    /// Checks every frame of `frames_b` against A's trace of `program`.
    fn check(
        &mut self,
        program_text: &str,
        program: &Program,
        frame_a: &Frame,
        frames_b: &[Frame],
    ) {
        let a = trace(program, frame_a);
        if let Outcome::Failed(_) = a.outcome {
            self.a_failed += 1;
            return;
        }
        // Every guard a trace installs holds of its own frame: else the
        // evaluator is wrong, or the guard is on no source of the frame.
        for guard in &a.guards {
            assert!(
                holds(guard, frame_a),
                "a guard of the trace fails on its own frame: {guard}\nprogram:\n{program_text}\nframe:\n{}",
                frame_a.to_json()
            );
        }
        for frame_b in frames_b {
            if !a.guards.iter().all(|guard| holds(guard, frame_b)) {
                self.retraced += 1;
                continue;
            }
            self.reused += 1;
            let b = trace(program, frame_b);
            if let Outcome::Failed(error) = &b.outcome
                && error.contains("object has no attribute")
                && trace(program, &with_attributes_of(frame_a, frame_b)).outcome == a.outcome
            {
                self.dead_attribute_reads += 1;
                continue;
            }
            if b.outcome != a.outcome {
                let guards: Vec<String> = a.guards.iter().map(|g| g.to_string()).collect();
                self.unsound.push(format!(
                    "program:\n{program_text}\nframe A:\n{}\nframe B:\n{}\nA's guards, all holding of B:\n{}\nA: {:?}\nB: {:?}",
                    frame_a.to_json(),
                    frame_b.to_json(),
                    guards.join("\n"),
                    a.outcome,
                    b.outcome
                ));
            }
        }
    }

    fn assert_sound_and_not_vacuous(&self, what: &str) {
        // `ORACLE_DUMP=FILE` writes every unsound pair in full.
        if let Ok(path) = std::env::var("ORACLE_DUMP") {
            std::fs::write(path, self.unsound.join("\n=====\n")).expect("the dump is written");
        }
        eprintln!(
            "{what}: {} pairs reused A's trace, {} traced again ({} frames A failed, {} dead attribute reads)",
            self.reused, self.retraced, self.a_failed, self.dead_attribute_reads
        );
        assert!(
            self.unsound.is_empty(),
            "{what}: {} unsound pairs; the first:\n{}\nall:\n{}",
            self.unsound.len(),
            self.unsound[0],
            self.unsound
                .iter()
                .map(|u| u.lines().rev().take(2).collect::<Vec<_>>().join("\n"))
                .collect::<Vec<_>>()
                .join("\n--\n")
        );
        assert!(
            self.reused > 0 && self.retraced > 0,
            "{what}: the oracle is vacuous: {} reused, {} retraced",
            self.reused,
            self.retraced
        );
    }
}

/// `frame_b` with the attributes of each object of `frame_a` that its
/// object at the same place in `frame_b` lacks: a frame whose trace is
/// A's if B's differs only in attributes that A's trace read and never
/// used.
fn with_attributes_of(frame_a: &Frame, frame_b: &Frame) -> Frame {
    fn merge(a: &Value, b: &Value) -> Value {
        let zip = |xs: &[Rc<Value>], ys: &[Rc<Value>]| -> Vec<Rc<Value>> {
            ys.iter()
                .enumerate()
                .map(|(i, y)| match xs.get(i) {
                    Some(x) => Rc::new(merge(x, y)),
                    None => Rc::clone(y),
                })
                .collect()
        };
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                let mut attrs: Vec<(Rc<str>, Rc<Value>)> = y
                    .attrs
                    .iter()
                    .map(|(name, value)| {
                        let merged = match x.attrs.iter().find(|(n, _)| n == name) {
                            Some((_, old)) => Rc::new(merge(old, value)),
                            None => Rc::clone(value),
                        };
                        (Rc::clone(name), merged)
                    })
                    .collect();
                for (name, value) in &x.attrs {
                    if !y.attrs.iter().any(|(n, _)| n == name) {
                        attrs.push((Rc::clone(name), Rc::clone(value)));
                    }
                }
                Value::Object(Object::new(Rc::clone(&y.class), attrs))
            }
            (Value::List(xs), Value::List(ys)) => Value::List(zip(xs, ys)),
            (Value::Tuple(xs), Value::Tuple(ys)) => Value::Tuple(zip(xs, ys)),
            (Value::Dict(xs), Value::Dict(ys)) => Value::Dict(
                ys.iter()
                    .map(
                        |(key, y)| match xs.iter().find(|(k, _)| k.repr() == key.repr()) {
                            Some((_, x)) => (key.clone(), Rc::new(merge(x, y))),
                            None => (key.clone(), Rc::clone(y)),
                        },
                    )
                    .collect(),
            ),
            _ => b.clone(),
        }
    }
    let merge_all = |xs: &[(Rc<str>, Rc<Value>)], ys: &[(Rc<str>, Rc<Value>)]| {
        ys.iter()
            .map(|(name, y)| match xs.iter().find(|(n, _)| n == name) {
                Some((_, x)) => (Rc::clone(name), Rc::new(merge(x, y))),
                None => (Rc::clone(name), Rc::clone(y)),
            })
            .collect()
    };
    Frame {
        locals: merge_all(&frame_a.locals, &frame_b.locals),
        globals: merge_all(&frame_a.globals, &frame_b.globals),
    }
}

fn frame(json: &str) -> Frame {
    parse_frame("f.json", json).expect("the frame parses")
}

fn program(text: &str) -> Program {
    parse_program("p", text).expect("the program parses")
}

// ---------------------------------------------------------------------------
// Perturbed frames
// ---------------------------------------------------------------------------

/// Another value in place of `value`: most often of the same type (another
/// int, a list one shorter, a tensor of another size, an object without an
/// attribute), sometimes of another.
fn perturb(rng: &mut Rng, value: &Value) -> Value {
    let item = |rng: &mut Rng| -> Rc<Value> {
        Rc::new(match rng.below(3) {
            0 => Value::Int(1),
            1 => Value::str("relu"),
            _ => Value::None,
        })
    };
    match value {
        Value::None => [Value::Int(0), Value::str("")][rng.below(2)].clone(),
        Value::Bool(b) => match rng.below(3) {
            0 => Value::Int(i64::from(*b)),
            _ => Value::Bool(!b),
        },
        Value::Int(i) => match rng.below(7) {
            0 => Value::Int(i.wrapping_add(1)),
            1 => Value::Int(i.wrapping_sub(1)),
            2 => Value::Int(0),
            3 => Value::Int(i.wrapping_mul(2)),
            4 => Value::Float(*i as f64),
            5 => Value::Bool(*i != 0),
            _ => Value::None,
        },
        Value::Float(x) => match rng.below(4) {
            0 => Value::Float(x + 1.0),
            1 => Value::Float(-x),
            2 => Value::Int(*x as i64),
            _ => Value::Float(x * 0.5),
        },
        Value::Str(s) => match rng.below(5) {
            0 => Value::str(&format!("{s}x")),
            1 => Value::str(""),
            2 => Value::str(if &**s == "gelu" { "relu" } else { "gelu" }),
            3 => Value::Int(s.len() as i64),
            _ => Value::str(&s.to_uppercase()),
        },
        Value::List(items) | Value::Tuple(items) => {
            let mut items = items.clone();
            match rng.below(4) {
                0 => {
                    items.pop();
                }
                1 => items.push(item(rng)),
                2 if !items.is_empty() => {
                    let at = rng.below(items.len());
                    items[at] = item(rng);
                }
                _ => {}
            }
            // The other sequence type, now and then, or the same items.
            let flip = rng.one_in(4);
            match (value, flip) {
                (Value::List(_), false) | (Value::Tuple(_), true) => Value::List(items),
                _ => Value::Tuple(items),
            }
        }
        Value::Dict(entries) => {
            let mut entries = entries.clone();
            match rng.below(5) {
                0 => {
                    entries.pop();
                }
                1 => entries.push((Value::str("zz"), item(rng))),
                2 => entries.reverse(),
                3 if !entries.is_empty() => {
                    let at = rng.below(entries.len());
                    entries[at].1 = item(rng);
                }
                _ => {
                    if let Some((Value::Str(key), _)) = entries.last_mut() {
                        *key = format!("{key}_").into();
                    }
                }
            }
            Value::Dict(entries)
        }
        Value::Tensor(tensor) => {
            let mut tensor = tensor.clone();
            match rng.below(6) {
                0 | 1 if !tensor.shape.is_empty() => {
                    let d = rng.below(tensor.shape.len());
                    tensor.shape[d] = [1, 2, 3, 4, 16, 32, 64][rng.below(7)];
                }
                2 if !tensor.dynamic.is_empty() => {
                    // The same size on each dynamic dim (`?n` and `?n`).
                    let size = [1, 2, 7, 32][rng.below(4)];
                    for &d in &tensor.dynamic {
                        tensor.shape[d] = size;
                    }
                }
                3 => tensor.dtype = other_dtype(&tensor.dtype).into(),
                4 if !tensor.shape.is_empty() => {
                    if tensor.dynamic.contains(&0) {
                        tensor.dynamic.clear();
                    } else {
                        tensor.dynamic = vec![0];
                    }
                }
                _ => {
                    tensor.shape.pop();
                    tensor.dynamic.retain(|&d| d < tensor.shape.len());
                }
            }
            Value::Tensor(tensor)
        }
        Value::Object(object) => {
            let mut attrs = object.attrs.clone();
            let mut class = Rc::clone(&object.class);
            match rng.below(4) {
                0 => {
                    attrs.pop();
                }
                1 if !attrs.iter().any(|(name, _)| &**name == "bias") => {
                    attrs.push(("bias".into(), item(rng)))
                }
                2 => class = format!("{class}2").into(),
                _ if !attrs.is_empty() => {
                    let at = rng.below(attrs.len());
                    let changed = perturb(rng, &attrs[at].1);
                    attrs[at].1 = Rc::new(changed);
                }
                _ => {}
            }
            Value::Object(Object::new(class, attrs))
        }
        Value::Function(name) => Value::Function(
            (if &**name == "torch.relu" {
                "torch.nn.functional.gelu"
            } else {
                "torch.relu"
            })
            .into(),
        ),
        Value::Class(name) => Value::Class(format!("{name}2").into()),
        Value::Builtin(name) => {
            Value::Builtin((if &**name == "int" { "str" } else { "int" }).into())
        }
        Value::DictView(_) => value.clone(),
    }
}

/// `frame` with the value at `path` replaced by `f` of it (a size changed
/// in its tensor's shape).
fn replace_at(frame: &Frame, path: &[Step], f: &mut dyn FnMut(&Value) -> Value) -> Frame {
    fn at(value: &mut Value, path: &[Step], f: &mut dyn FnMut(&Value) -> Value) {
        let Some((step, rest)) = path.split_first() else {
            *value = f(value);
            return;
        };
        match (step, value) {
            (Step::Item(i), Value::List(items) | Value::Tuple(items)) => {
                at(Rc::make_mut(&mut items[*i]), rest, f)
            }
            (Step::Entry(i), Value::Dict(entries)) => at(Rc::make_mut(&mut entries[*i].1), rest, f),
            (Step::EntryKey(i), Value::Dict(entries)) => at(&mut entries[*i].0, rest, f),
            (Step::Attr(i), Value::Object(object)) => {
                at(Rc::make_mut(&mut object.attrs[*i].1), rest, f)
            }
            (Step::Size(d), Value::Tensor(tensor)) => {
                if let Value::Int(size) = f(&Value::Int(tensor.shape[*d]))
                    && size >= 0
                {
                    tensor.shape[*d] = size;
                }
            }
            (step, value) => panic!("no {step:?} in {value:?}"),
        }
    }
    let mut frame = frame.clone();
    let (first, rest) = path.split_first().expect("a path from a local or a global");
    let root = match first {
        Step::Local(i) => &mut frame.locals[*i].1,
        Step::Global(i) => &mut frame.globals[*i].1,
        step => panic!("a path starts at a local or a global, not {step:?}"),
    };
    at(Rc::make_mut(root), rest, f);
    frame
}

/// `count` perturbed copies of `frame`, each read back from its JSON (a
/// copy the reader refuses, such as a dict with a key twice, is left out):
/// most change a value that A's trace guarded (or one inside it), the rest
/// any value, or add a global (one that shadows a builtin or a class).
fn perturbed_frames(rng: &mut Rng, frame: &Frame, guards: &[Guard], count: usize) -> Vec<Frame> {
    perturbed_frames_by(rng, frame, guards, count, perturb)
}

/// [`perturbed_frames`], each changed value changed by `perturb`.
fn perturbed_frames_by(
    rng: &mut Rng,
    frame: &Frame,
    guards: &[Guard],
    count: usize,
    perturb: fn(&mut Rng, &Value) -> Value,
) -> Vec<Frame> {
    let guarded: Vec<Node> = guards
        .iter()
        .filter_map(|guard| resolve(frame, &guard.source))
        .collect();
    let everything = all_nodes(frame);
    let mut frames = Vec::new();
    for _ in 0..count {
        let changed = match rng.below(10) {
            0 => {
                let mut copy = frame.clone();
                let (name, value) = [
                    ("float", Value::Class("Linear".into())),
                    ("int", Value::Builtin("str".into())),
                    ("Linear", Value::Class("Conv".into())),
                ][rng.below(3)]
                .clone();
                copy.globals.retain(|(n, _)| &**n != name);
                copy.globals.push((name.into(), Rc::new(value)));
                copy
            }
            // A global the program does not name. No name is dropped: a
            // code object's locals are fixed, and a global read but not
            // built (`log(G['g'])`) is, as in Dynamo, guarded by nothing,
            // so a frame without it fails where A's traced.
            1 => {
                let mut copy = frame.clone();
                copy.globals.retain(|(n, _)| &**n != "unused");
                copy.globals.push(("unused".into(), Rc::new(Value::Int(0))));
                copy
            }
            2..=6 if !guarded.is_empty() => {
                let mut node = guarded[rng.below(guarded.len())].clone();
                // Now and then a value inside the guarded one.
                while rng.one_in(3) {
                    let inside = children(&node);
                    if inside.is_empty() {
                        break;
                    }
                    node = inside[rng.below(inside.len())].clone();
                }
                replace_at(frame, &node.path, &mut |v| perturb(rng, v))
            }
            _ if !everything.is_empty() => {
                let node = &everything[rng.below(everything.len())];
                replace_at(frame, &node.path, &mut |v| perturb(rng, v))
            }
            _ => continue,
        };
        if let Ok(read) = parse_frame("b.json", &changed.to_json()) {
            frames.push(read);
        }
    }
    frames
}

// ---------------------------------------------------------------------------
// The evaluator, kind by kind
// ---------------------------------------------------------------------------

fn guard(kind: GuardKind, source: &str, detail: &str) -> Guard {
    Guard {
        kind,
        source: source.into(),
        detail: detail.into(),
    }
}

/// `guard` holds of each frame of `yes` and of none of `no` (frames given
/// as their locals, and globals when they have any).
fn assert_holds(guard: &Guard, yes: &[&str], no: &[&str]) {
    for json in yes {
        assert!(holds(guard, &frame(json)), "{guard} should hold of {json}");
    }
    for json in no {
        assert!(!holds(guard, &frame(json)), "{guard} should fail on {json}");
    }
}

#[test]
fn type_match_compares_the_type_name() {
    assert_holds(
        &guard(
            GuardKind::TypeMatch,
            "L['self'].layers[1].attn",
            "Attention",
        ),
        &[
            r#"{"locals": {"self": {"$object": "M", "layers": [1, {"$object": "A", "attn": {"$object": "Attention"}}]}}}"#,
        ],
        &[
            r#"{"locals": {"self": {"$object": "M", "layers": [1, {"$object": "A", "attn": {"$object": "Conv"}}]}}}"#,
            // The source is missing: no item 1, no attribute, no local.
            r#"{"locals": {"self": {"$object": "M", "layers": [{"$object": "A", "attn": {"$object": "Attention"}}]}}}"#,
            r#"{"locals": {"self": {"$object": "M", "layers": [1, {"$object": "A"}]}}}"#,
            r#"{"locals": {}, "globals": {"self": 1}}"#,
        ],
    );
    let int = guard(GuardKind::TypeMatch, "L['n']", "int");
    assert_holds(
        &int,
        &[r#"{"locals": {"n": 3}}"#, r#"{"locals": {"n": -70}}"#],
        &[
            r#"{"locals": {"n": 3.0}}"#,
            r#"{"locals": {"n": true}}"#,
            r#"{"locals": {"m": 3}}"#,
        ],
    );
}

#[test]
fn constant_match_compares_the_value_and_its_type() {
    let step = guard(GuardKind::ConstantMatch, "L['step']", "== 1200");
    assert_holds(
        &step,
        &[r#"{"locals": {"step": 1200}}"#],
        &[
            r#"{"locals": {"step": 1201}}"#,
            r#"{"locals": {"step": 1200.0}}"#,
            r#"{"locals": {"step": "1200"}}"#,
            r#"{"locals": {"step": [1200]}}"#,
        ],
    );
    let none = guard(GuardKind::ConstantMatch, "G['cfg']['act']", "is None");
    assert_holds(
        &none,
        &[r#"{"locals": {}, "globals": {"cfg": {"act": null, "b": 2}}}"#],
        &[
            r#"{"locals": {}, "globals": {"cfg": {"act": 0}}}"#,
            r#"{"locals": {}, "globals": {"cfg": {"b": null}}}"#,
            r#"{"locals": {"cfg": {"act": null}}}"#,
        ],
    );
    // Python's repr: `"a'b"`.
    let text = guard(GuardKind::ConstantMatch, "L['s']", "== \"a'b\"");
    assert_holds(
        &text,
        &[r#"{"locals": {"s": "a'b"}}"#],
        &[r#"{"locals": {"s": "ab"}}"#],
    );
}

#[test]
fn len_check_compares_a_list_or_tuple_length() {
    let len = guard(GuardKind::LenCheck, "L['self'].layers", "len == 2");
    assert_holds(
        &len,
        &[
            r#"{"locals": {"self": {"$object": "M", "layers": [1, "a"]}}}"#,
            r#"{"locals": {"self": {"$object": "M", "layers": {"$tuple": [[], {}]}}}}"#,
        ],
        &[
            r#"{"locals": {"self": {"$object": "M", "layers": [1, 2, 3]}}}"#,
            r#"{"locals": {"self": {"$object": "M", "layers": {"a": 1, "b": 2}}}}"#,
            r#"{"locals": {"self": {"$object": "M", "layers": "ab"}}}"#,
        ],
    );
}

#[test]
fn tensor_match_checks_dtype_rank_static_sizes_and_dynamic_dims() {
    let x = guard(GuardKind::TensorMatch, "L['x']", "float32[?32, 512]");
    assert_holds(
        &x,
        &[
            r#"{"locals": {"x": {"$tensor": [32, 512], "dtype": "float32", "dynamic": [0]}}}"#,
            // The dynamic dim's size is a hint, not checked.
            r#"{"locals": {"x": {"$tensor": [7, 512], "dtype": "float32", "dynamic": [0]}}}"#,
        ],
        &[
            r#"{"locals": {"x": {"$tensor": [32, 512], "dtype": "float32"}}}"#,
            r#"{"locals": {"x": {"$tensor": [32, 256], "dtype": "float32", "dynamic": [0]}}}"#,
            r#"{"locals": {"x": {"$tensor": [32, 512], "dtype": "float16", "dynamic": [0]}}}"#,
            r#"{"locals": {"x": {"$tensor": [32, 512, 1], "dtype": "float32", "dynamic": [0]}}}"#,
            r#"{"locals": {"x": {"$tensor": [32, 512], "dtype": "float32", "dynamic": [0, 1]}}}"#,
            r#"{"locals": {"x": 1}}"#,
        ],
    );
}

#[test]
fn dict_keys_compares_all_keys_in_order() {
    let two = guard(GuardKind::DictKeys, "L['d']", "keys == ['a', 'b'] (2 keys)");
    assert_holds(
        &two,
        &[r#"{"locals": {"d": {"a": 1, "b": [2]}}}"#],
        &[
            r#"{"locals": {"d": {"b": 2, "a": 1}}}"#,
            r#"{"locals": {"d": {"a": 1}}}"#,
            r#"{"locals": {"d": {"a": 1, "b": 2, "c": 3}}}"#,
            r#"{"locals": {"d": [1, 2]}}"#,
        ],
    );
    // Past three keys, the hash of all of them tells the fourth apart.
    let five = r#"{"locals": {"d": {"a": 1, "b": 2, "c": 3, "x": 4}}}"#;
    let d = resolve(&frame(five), "L['d']").expect("L['d']");
    let detail = value_guard_detail(GuardKind::DictKeys, &d.value).expect("a dict");
    assert!(detail.contains("... and 1 more"), "{detail}");
    assert_holds(
        &guard(GuardKind::DictKeys, "L['d']", &detail),
        &[five],
        &[r#"{"locals": {"d": {"a": 1, "b": 2, "c": 3, "y": 4}}}"#],
    );
    // A dict's value under a key that is an object, and the key itself.
    let keyed = r#"{"locals": {"d": {"$dict": [[{"$object": "K", "w": 1}, {"v": 5}]]}}}"#;
    assert_holds(
        &guard(
            GuardKind::ConstantMatch,
            "L['d'][list(L['d'].keys())[0]]['v']",
            "== 5",
        ),
        &[keyed],
        &[r#"{"locals": {"d": {"$dict": [[{"$object": "K", "w": 1}, {"v": 6}]]}}}"#],
    );
    assert_holds(
        &guard(GuardKind::ConstantMatch, "list(L['d'].keys())[0].w", "== 1"),
        &[keyed],
        &[r#"{"locals": {"d": {"$dict": [[{"$object": "K", "w": 2}, {"v": 5}]]}}}"#],
    );
    // An int key prints as a list's index does.
    assert_holds(
        &guard(GuardKind::ConstantMatch, "L['d'][3]", "== 'x'"),
        &[
            r#"{"locals": {"d": {"$dict": [[3, "x"]]}}}"#,
            r#"{"locals": {"d": [0, 1, 2, "x"]}}"#,
        ],
        &[r#"{"locals": {"d": {"$dict": [["3", "x"]]}}}"#],
    );
}

#[test]
fn id_match_compares_the_function_class_or_builtin() {
    let relu = guard(GuardKind::IdMatch, "G['F_relu']", "<function torch.relu>");
    let function = |name: &str| {
        format!(r#"{{"locals": {{}}, "globals": {{"F_relu": {{"$function": "{name}"}}}}}}"#)
    };
    assert_holds(
        &relu,
        &[&function("torch.relu")],
        &[
            &function("torch.gelu"),
            r#"{"locals": {}, "globals": {"F_relu": "torch.relu"}}"#,
        ],
    );
    // The text is the builder's: a class's and a builtin's too.
    for (json, detail) in [
        (r#"{"$class": "Linear"}"#, "<class 'Linear'>"),
        (r#"{"$builtin": "int"}"#, "<class 'int'>"),
        (r#"{"$builtin": "len"}"#, "<built-in function len>"),
    ] {
        let f = frame(&format!(r#"{{"locals": {{"c": {json}}}}}"#));
        let node = resolve(&f, "L['c']").expect("L['c']");
        assert_eq!(
            value_guard_detail(GuardKind::IdMatch, &node.value).as_deref(),
            Some(detail)
        );
        assert!(holds(&guard(GuardKind::IdMatch, "L['c']", detail), &f));
    }
}

#[test]
fn hasattr_checks_the_object_own_attributes() {
    let has = guard(GuardKind::HasAttr, "L['obj']", "has 'bias'");
    let has_no = guard(GuardKind::HasAttr, "L['obj']", "has no 'bias'");
    let with = r#"{"locals": {"obj": {"$object": "Linear", "bias": null}}}"#;
    let without = r#"{"locals": {"obj": {"$object": "Linear", "weight": 1}}}"#;
    let not_an_object = r#"{"locals": {"obj": {"bias": 1}}}"#;
    let missing = r#"{"locals": {"o": {"$object": "Linear", "bias": 1}}}"#;
    assert_holds(&has, &[with], &[without, not_an_object, missing]);
    assert_holds(&has_no, &[without], &[with, not_an_object, missing]);
}

#[test]
fn dict_contains_checks_the_frame_globals() {
    let no_float = guard(GuardKind::DictContains, "G", "has no 'float'");
    assert_holds(
        &no_float,
        &[
            r#"{"locals": {"float": 1}, "globals": {"int": 1}}"#,
            r#"{"locals": {}}"#,
        ],
        &[r#"{"locals": {}, "globals": {"float": {"$class": "Linear"}}}"#],
    );
}

#[test]
fn shape_env_evaluates_the_relation_on_the_frame_sizes() {
    let x = |n: i64, m: i64| {
        format!(
            r#"{{"locals": {{"x": {{"$tensor": [{n}, 4], "dtype": "float32", "dynamic": [0]}}, "y": {{"$tensor": [{m}], "dtype": "float32", "dynamic": [0]}}}}}}"#
        )
    };
    let more = guard(GuardKind::ShapeEnv, "L['x'].size()[0]", "> 1");
    assert_holds(&more, &[&x(2, 1), &x(32, 1)], &[&x(1, 1), &x(0, 1)]);
    // Arithmetic with Python's `//` and `%`, another size on the right.
    let sum = guard(
        GuardKind::ShapeEnv,
        "(L['x'].size()[0]*2)+(-1)",
        "== L['y'].size()[0]",
    );
    assert_holds(&sum, &[&x(3, 5), &x(1, 1)], &[&x(3, 6), &x(2, 5)]);
    let floor = guard(GuardKind::ShapeEnv, "(0-L['x'].size()[0])//3", "== -2");
    assert_holds(&floor, &[&x(4, 1), &x(6, 1)], &[&x(3, 1), &x(7, 1)]);
    let modulo = guard(GuardKind::ShapeEnv, "(0-L['x'].size()[0])%3", "== 2");
    assert_holds(&modulo, &[&x(4, 1)], &[&x(3, 1)]);
    let by_zero = guard(
        GuardKind::ShapeEnv,
        "L['x'].size()[0]//L['x'].size()[1]",
        "== 1",
    );
    let zero = r#"{"locals": {"x": {"$tensor": [4, 0], "dtype": "float32", "dynamic": [0, 1]}}}"#;
    let four = r#"{"locals": {"x": {"$tensor": [4, 4], "dtype": "float32", "dynamic": [0, 1]}}}"#;
    assert_holds(&by_zero, &[four], &[zero]);
    // A float, a bool and a constant that is no number.
    assert_holds(
        &guard(GuardKind::ShapeEnv, "L['x'].size()[0]", "< 2.5"),
        &[&x(2, 1)],
        &[&x(3, 1)],
    );
    assert_holds(
        &guard(GuardKind::ShapeEnv, "L['x'].size()[0]", "== True"),
        &[&x(1, 1)],
        &[&x(2, 1)],
    );
    assert_holds(
        &guard(GuardKind::ShapeEnv, "L['x'].size()[0]", "!= 'a'"),
        &[&x(2, 1)],
        &[r#"{"locals": {"y": 1}}"#],
    );
    // A size of a tensor the frame lacks, or of a dim it lacks.
    assert_holds(
        &guard(GuardKind::ShapeEnv, "L['x'].size()[2]", "> 1"),
        &[],
        &[&x(2, 1)],
    );
}

/// The guards of a real trace hold of its frame, and the evaluator tells
/// the frames of `test_guard_soundness.rs`'s pairs apart as their guards do.
#[test]
fn real_guards_hold_of_their_frame_and_not_of_a_frame_with_another_result() {
    let p = program("r = isinstance(L['x'], float)\nreturn r\n");
    let builtin = frame(r#"{"locals": {"x": 1.5}, "globals": {}}"#);
    let shadowed = frame(r#"{"locals": {"x": 1.5}, "globals": {"float": {"$class": "Linear"}}}"#);
    let a = trace(&p, &builtin);
    assert!(a.guards.iter().all(|g| holds(g, &builtin)));
    assert!(!a.guards.iter().all(|g| holds(g, &shadowed)));
    let input = Input::built_in();
    let run = trace(&input.program, &input.frame);
    assert_eq!(run.guards.len(), 23);
    assert!(run.guards.iter().all(|g| holds(g, &input.frame)));
}

// ---------------------------------------------------------------------------
// The oracle over many triples
// ---------------------------------------------------------------------------

/// Every ordered pair of `frames` under `program`, and `perturbed` changed
/// copies of each frame.
fn check_group(
    tally: &mut Tally,
    rng: &mut Rng,
    program_text: &str,
    frames: &[&str],
    perturbed: usize,
) {
    let p = program(program_text);
    let frames: Vec<Frame> = frames.iter().map(|json| frame(json)).collect();
    for a in &frames {
        let guards = trace(&p, a).guards;
        let mut others: Vec<Frame> = frames.to_vec();
        others.extend(perturbed_frames(rng, a, &guards, perturbed));
        tally.check(program_text, &p, a, &others);
    }
}

/// The programs and frames of `test_guard_soundness.rs`, each frame of a
/// program against each other one and against perturbed copies of itself.
#[test]
fn oracle_over_the_guard_soundness_pairs() {
    let mut tally = Tally::default();
    let mut rng = Rng::new(1);
    let linear = |class: &str| {
        format!(
            r#"{{"locals": {{"obj": {{"$object": "Linear"}}}}, "globals": {{"Linear": {{"$class": "{class}"}}}}}}"#
        )
    };
    let (lin, conv) = (linear("Linear"), linear("Conv"));
    for program in [
        "r = isinstance(L['obj'], Linear)\nreturn r\n",
        "r = isinstance(L['obj'], G['Linear'])\nreturn r\n",
    ] {
        check_group(&mut tally, &mut rng, program, &[&lin, &conv], 6);
    }
    let globals = |globals: &str| {
        format!(
            r#"{{"locals": {{"x": 1.5, "obj": {{"$object": "Linear"}}}}, "globals": {{{globals}}}}}"#
        )
    };
    let shadowing = [
        globals(""),
        globals(r#""float": {"$class": "Linear"}"#),
        globals(r#""float": {"$class": "float"}"#),
        globals(r#""float": {"$builtin": "int"}"#),
        globals(r#""float": {"$tuple": [{"$builtin": "str"}, {"$class": "Linear"}]}"#),
        globals(r#""Linear": {"$class": "Linear"}"#),
    ];
    let shadowing: Vec<&str> = shadowing.iter().map(String::as_str).collect();
    for program in [
        "r = isinstance(L['x'], float)\nreturn r\n",
        "r = isinstance(L['x'], G['float'])\nreturn r\n",
        "r = isinstance(L['obj'], float)\nreturn r\n",
        "r = isinstance(1, float)\nreturn r\n",
        "G['float'] = int\nr = isinstance(1, float)\nreturn r\n",
        "float = G['Linear']\nr = isinstance(L['obj'], float)\nreturn r\n",
    ] {
        check_group(&mut tally, &mut rng, program, &shadowing, 4);
    }
    let with_bias = r#"{"locals": {"obj": {"$object": "Linear", "bias": 1}}}"#;
    let without = r#"{"locals": {"obj": {"$object": "Linear"}}}"#;
    for program in [
        "r = hasattr(L['obj'], 'bias')\nreturn r\n",
        "r = hasattr(L['obj'], '__class__')\nreturn r\n",
        "G['o'] = L['obj']\nr = hasattr(G['o'], 'bias')\nreturn r\n",
    ] {
        check_group(&mut tally, &mut rng, program, &[with_bias, without], 6);
    }
    let d = |keys: &str| format!(r#"{{"locals": {{"d": {{{keys}}}}}}}"#);
    let dicts = [
        d(r#""a": 1, "b": 2, "c": 3, "x": 4"#),
        d(r#""a": 1, "b": 2, "c": 3, "y": 4"#),
        d(r#""x": 1"#),
        d(r#""a": 1, "b": 2, "x": 3"#),
        d(r#""a": 1, "b": 2, "c": 3, "x": 4, "y": 5"#),
        d(r#""a": 1, "b": 2, "c": 3, "y": 5, "x": 4"#),
    ];
    let dicts: Vec<&str> = dicts.iter().map(String::as_str).collect();
    check_group(
        &mut tally,
        &mut rng,
        "r = 'x' in L['d']\nreturn r\n",
        &dicts,
        4,
    );
    let x = |x: &str| format!(r#"{{"locals": {{"x": {x}}}}}"#);
    let xs = [
        x(r#""ab""#),
        x("3"),
        x("1.5"),
        x("2.0"),
        x("true"),
        x("[1, 2]"),
        x(r#"["a", [3], 4.5]"#),
        x("[]"),
        x(r#"{"$tuple": [1, 2]}"#),
        x(r#"{"$tuple": []}"#),
        x(r#"{"a": 1}"#),
        x(r#"{"b": 2, "c": 3}"#),
        x("null"),
        x(r#"[{"$tensor": [2]}, {"$object": "A"}]"#),
    ];
    let xs: Vec<&str> = xs.iter().map(String::as_str).collect();
    for program in [
        "r = hasattr(L['x'], 'upper')\nreturn r\n",
        "r = hasattr(L['x'], 'append')\nreturn r\n",
        "r = hasattr(L['x'], 'is_integer')\nreturn r\n",
        "r = isinstance(L['x'], tuple)\nreturn r\n",
        "r = L['x'] is None\nreturn r\n",
        "r = L['x'] is not None\nreturn r\n",
        "r = L['x'] == L['x']\nreturn r\n",
        "r = L['x'] != L['x']\nreturn r\n",
        "r = L['x'] < L['x']\nreturn r\n",
    ] {
        check_group(&mut tally, &mut rng, program, &xs, 2);
    }
    let pick =
        "if L['same']\n  ys = L['xs']\nelse\n  ys = L['zs']\nend\nr = L['xs'] == ys\nreturn r\n";
    let same = |same: &str, xs: &str, zs: &str| {
        format!(r#"{{"locals": {{"same": {same}, "xs": {xs}, "zs": {zs}}}}}"#)
    };
    let picks = [
        same("true", "[1, 2]", "[1, 3]"),
        same("false", "[1, 2]", "[1, 3]"),
        same("false", "[1, 2]", "[1, 2]"),
        same("true", "[1]", "[1, 2]"),
    ];
    let picks: Vec<&str> = picks.iter().map(String::as_str).collect();
    check_group(&mut tally, &mut rng, pick, &picks, 6);
    let text = |s: &str| format!(r#"{{"locals": {{"s": "{s}"}}}}"#);
    let texts = [text("1.5"), text("nan"), text("2"), text("1.5e3")];
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    check_group(
        &mut tally,
        &mut rng,
        "n = float(L['s'])\nr = n == n\nreturn r\n",
        &texts,
        4,
    );
    tally.assert_sound_and_not_vacuous("test_guard_soundness pairs");
}

/// A stored size is the frame's symbol, whose hint is the frame's: two
/// frames whose dynamic sizes differ reuse one trace.
#[test]
fn a_stored_size_is_compared_without_its_hint() {
    let mut tally = Tally::default();
    let mut rng = Rng::new(3);
    let t = |n: i64| {
        format!(
            r#"{{"locals": {{"t": {{"$tensor": [{n}], "dtype": "float32", "dynamic": [0]}}}}}}"#
        )
    };
    let (three, six) = (t(3), t(6));
    check_group(
        &mut tally,
        &mut rng,
        "G['g'] = L['t'].size(0)\nreturn 1\n",
        &[&three, &six, r#"{"locals": {"t": 1}}"#],
        0,
    );
    assert_eq!((tally.reused, tally.dead_attribute_reads), (4, 0));
    tally.assert_sound_and_not_vacuous("a stored size");
}

/// An attribute of an object read and never used is guarded by nothing,
/// as in Dynamo (no guard on its source, and an object's type does not
/// tell its attributes): a frame whose object lacks it passes every guard
/// and fails where A's traced. The oracle counts such a pair apart, and
/// only when the frame with A's attributes restored traces as A.
#[test]
fn an_attribute_read_and_never_used_is_not_guarded() {
    let with = r#"{"locals": {"obj": {"$object": "Linear", "child": 1, "n": 2}}}"#;
    let without = r#"{"locals": {"obj": {"$object": "Linear", "n": 2}}}"#;
    for program in [
        "v = L['obj'].child\nreturn L['obj'].n\n",
        "v = L['obj'].n\nlog(L['obj'].child)\nreturn v\n",
    ] {
        let p = crate::program(program);
        let a = trace(&p, &frame(with));
        assert!(
            a.guards.iter().all(|g| holds(g, &frame(without))),
            "{program}"
        );
        assert!(matches!(
            trace(&p, &frame(without)).outcome,
            Outcome::Failed(_)
        ));
        let mut tally = Tally::default();
        tally.check(program, &p, &frame(with), &[frame(without)]);
        assert_eq!((tally.dead_attribute_reads, tally.unsound.len()), (1, 0));
    }
    // Read and used, it is guarded: the frame without it is traced again.
    let p = crate::program("v = L['obj'].child\nreturn v\n");
    let a = trace(&p, &frame(with));
    assert!(!a.guards.iter().all(|g| holds(g, &frame(without))));
}

/// The built-in program over a small frame of the built-in model and over
/// the built-in frame itself, each against perturbed copies.
#[test]
fn oracle_over_the_built_in_program_and_perturbed_frames() {
    let mut tally = Tally::default();
    let mut rng = Rng::new(2);
    let input = Input::built_in();
    let program_text = frame_gen::DEFAULT_PROGRAM;
    for (a, copies) in [
        (frame_gen::model_frame(6, 8), 150),
        (frame_gen::default_frame(), 12),
    ] {
        let guards = trace(&input.program, &a).guards;
        let others = perturbed_frames(&mut rng, &a, &guards, copies);
        tally.check(program_text, &input.program, &a, &others);
    }
    tally.assert_sound_and_not_vacuous("built-in program");
}

// ---------------------------------------------------------------------------
// Generated frames and programs
// ---------------------------------------------------------------------------

const GEN_NAMES: &[&str] = &["x", "y", "xs", "obj", "cfg", "n", "s"];

fn gen_tensor(rng: &mut Rng) -> Value {
    let rank = 1 + rng.below(2);
    let shape: Vec<i64> = (0..rank).map(|_| [1, 2, 4, 4, 4][rng.below(5)]).collect();
    let dynamic = match rng.below(3) {
        0 => Vec::new(),
        1 => vec![0],
        _ => (0..rank).collect(),
    };
    Value::Tensor(TensorMeta {
        shape,
        dtype: rng.pick(&["float32", "float32", "float16"]).into(),
        dynamic,
    })
}

fn gen_value(rng: &mut Rng, depth: usize) -> Value {
    let leaf = depth >= 2;
    let items = |rng: &mut Rng| -> Vec<Rc<Value>> {
        (0..rng.below(4))
            .map(|_| Rc::new(gen_value(rng, depth + 1)))
            .collect()
    };
    match rng.below(if leaf { 7 } else { 11 }) {
        0 => Value::None,
        1 => Value::Bool(rng.one_in(2)),
        2 => Value::Int([0, 1, 2, 3, -1, 4][rng.below(6)]),
        3 => Value::Float([0.5, 2.0, -1.5][rng.below(3)]),
        4 => Value::str(rng.pick(&["", "relu", "gelu", "a"])),
        5 => Value::Function(rng.pick(&["torch.relu", "torch.nn.functional.gelu"]).into()),
        6 => gen_tensor(rng),
        7 => Value::List(items(rng)),
        8 => Value::Tuple(items(rng)),
        9 => Value::Dict(
            ["a", "b", "n", "x"][..rng.below(5)]
                .iter()
                .map(|key| (Value::str(key), Rc::new(gen_value(rng, depth + 1))))
                .collect(),
        ),
        _ => Value::Object(Object::new(rng.pick(&["Linear", "MLP"]).into(), {
            let mut attrs = Vec::new();
            for name in ["weight", "bias", "act", "n"] {
                if !rng.one_in(3) {
                    attrs.push((Rc::from(name), Rc::new(gen_value(rng, depth + 1))));
                }
            }
            attrs
        })),
    }
}

fn gen_frame(rng: &mut Rng) -> Frame {
    let locals = GEN_NAMES
        .iter()
        .map(|name| {
            let value = match *name {
                "x" | "y" if !rng.one_in(4) => gen_tensor(rng),
                "n" if !rng.one_in(4) => Value::Int(rng.below(5) as i64),
                _ => gen_value(rng, 0),
            };
            (Rc::from(*name), Rc::new(value))
        })
        .collect();
    let mut globals = Vec::new();
    if rng.one_in(2) {
        globals.push((Rc::from("Linear"), Rc::new(Value::Class("Linear".into()))));
    }
    if rng.one_in(4) {
        globals.push((Rc::from("float"), Rc::new(Value::Builtin("int".into()))));
    }
    globals.push((Rc::from("k"), Rc::new(Value::Int(rng.below(4) as i64))));
    Frame { locals, globals }
}

fn gen_atom(rng: &mut Rng, names: &[String]) -> String {
    match rng.below(8) {
        0 | 1 => format!("L['{}']", rng.pick(GEN_NAMES)),
        2 => format!("L['{}']", rng.pick(&["x", "y"])),
        3 => "G['k']".to_string(),
        4 => rng
            .pick(&["0", "1", "2", "4", "'a'", "'relu'", "None", "True"])
            .to_string(),
        _ if !names.is_empty() => names[rng.below(names.len())].clone(),
        _ => format!("L['{}']", rng.pick(GEN_NAMES)),
    }
}

fn gen_expr(rng: &mut Rng, names: &[String], depth: usize) -> String {
    if depth >= 2 || rng.one_in(3) {
        return gen_atom(rng, names);
    }
    let inner = |rng: &mut Rng| gen_expr(rng, names, depth + 1);
    match rng.below(12) {
        0 | 1 => {
            let op = rng.pick(&["+", "-", "*", "//", "%", "@"]);
            format!("{} {op} {}", inner(rng), inner(rng))
        }
        2 | 3 => {
            let op = rng.pick(&["==", "!=", "<", "<=", ">", ">=", "in"]);
            format!("{} {op} {}", inner(rng), inner(rng))
        }
        4 => format!(
            "{}.{}",
            gen_atom(rng, names),
            rng.pick(&["weight", "bias", "act", "n", "shape", "dtype"])
        ),
        5 => format!(
            "{}[{}]",
            gen_atom(rng, names),
            rng.pick(&["0", "1", "-1", "'a'", "'n'"])
        ),
        6 => format!(
            "{}.{}",
            gen_atom(rng, names),
            rng.pick(&[
                "size(0)", "size(-1)", "t()", "relu()", "keys()", "get('a')", "count(1)"
            ])
        ),
        7 => format!(
            "{}({})",
            rng.pick(&["len", "str", "bool", "int", "abs", "hash"]),
            inner(rng)
        ),
        8 => format!(
            "isinstance({}, {})",
            inner(rng),
            rng.pick(&["int", "float", "Linear", "list", "tuple", "dict", "str"])
        ),
        9 => format!(
            "hasattr({}, '{}')",
            gen_atom(rng, names),
            rng.pick(&["bias", "n", "upper"])
        ),
        10 => format!("{} is None", inner(rng)),
        _ => format!("f\"{{{}:>3}}\"", gen_atom(rng, names)),
    }
}

fn gen_program(rng: &mut Rng) -> String {
    let mut names: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut open = 0;
    for _ in 0..1 + rng.below(6) {
        let line = match rng.below(8) {
            0..=3 => {
                let name = rng.pick(&["a", "b", "h", "m"]).to_string();
                let line = format!("{name} = {}", gen_expr(rng, &names, 0));
                names.push(name);
                line
            }
            4 => format!("G['g'] = {}", gen_expr(rng, &names, 0)),
            5 => {
                open += 1;
                format!("if {}", gen_expr(rng, &names, 0))
            }
            6 if open > 0 => {
                open -= 1;
                "end".to_string()
            }
            _ => format!("log({})", gen_expr(rng, &names, 0)),
        };
        text.push_str(&line);
        text.push('\n');
    }
    text.push_str(&"end\n".repeat(open));
    let returned: Vec<String> = (0..1 + rng.below(2))
        .map(|_| gen_expr(rng, &names, 0))
        .collect();
    text.push_str(&format!("return {}\n", returned.join(", ")));
    text
}

/// One generated family of the oracle: for each seed, a frame and a
/// program (`None` where a generator wrote what the tracer refuses), the
/// frame's trace against `copies` perturbed copies of it (by `perturb`)
/// and `fresh` new frames; sound, with pairs that reuse and pairs that do
/// not.
fn oracle_family(
    name: &str,
    seeds: std::ops::Range<u64>,
    (copies, fresh): (usize, usize),
    frame: &dyn Fn(&mut Rng) -> Option<Frame>,
    program: &dyn Fn(&mut Rng) -> String,
    perturb: fn(&mut Rng, &Value) -> Value,
) {
    let mut tally = Tally::default();
    for seed in seeds {
        let mut rng = Rng::new(seed);
        let Some(frame_a) = frame(&mut rng) else {
            continue;
        };
        let text = program(&mut rng);
        let Ok(p) = parse_program("p", &text) else {
            continue;
        };
        let a = trace(&p, &frame_a);
        if let Outcome::Failed(_) = a.outcome {
            tally.a_failed += 1;
            continue;
        }
        let mut others = perturbed_frames_by(&mut rng, &frame_a, &a.guards, copies, perturb);
        others.extend((0..fresh).filter_map(|_| frame(&mut rng)));
        tally.check(&text, &p, &frame_a, &others);
    }
    tally.assert_sound_and_not_vacuous(name);
}

/// The other of the two dtypes the generated tensors hold.
fn other_dtype(dtype: &str) -> &'static str {
    if dtype == "float32" {
        "float16"
    } else {
        "float32"
    }
}

/// How many seeds a generated family runs: `ORACLE_SEEDS` where it is set
/// (to hunt further), else `default`.
fn seeds_or(default: u64) -> u64 {
    std::env::var("ORACLE_SEEDS")
        .ok()
        .and_then(|seeds| seeds.parse().ok())
        .unwrap_or(default)
}

/// A generated frame, read back from its JSON as a frame file is.
fn read_back(frame: &Frame) -> Option<Frame> {
    parse_frame("f.json", &frame.to_json()).ok()
}

/// Generated programs over generated frames, each frame against perturbed
/// copies of itself and against the next generated frame.
#[test]
fn oracle_over_generated_frames_and_programs() {
    oracle_family(
        "generated",
        0..700,
        (12, 1),
        &|rng| Some(read_back(&gen_frame(rng)).expect("a generated frame reads")),
        &gen_program,
        perturb,
    );
}

/// A frame of three tensors (sizes 1, 2 or 4, some dims dynamic) and an
/// int, for the tensor programs.
fn gen_tensor_frame(rng: &mut Rng) -> Frame {
    let mut locals: Vec<(Rc<str>, Rc<Value>)> = ["x", "y", "z"]
        .iter()
        .map(|name| {
            let rank = 1 + rng.below(2);
            let shape: Vec<i64> = (0..rank).map(|_| [1, 2, 4, 4][rng.below(4)]).collect();
            let dynamic = (0..rank).filter(|_| !rng.one_in(3)).collect();
            let tensor = Value::Tensor(TensorMeta {
                shape,
                dtype: "float32".into(),
                dynamic,
            });
            (Rc::from(*name), Rc::new(tensor))
        })
        .collect();
    locals.push((Rc::from("n"), Rc::new(Value::Int(rng.below(5) as i64))));
    Frame {
        locals,
        globals: Vec::new(),
    }
}

/// A program of tensor arithmetic, sizes and branches on them.
fn gen_tensor_program(rng: &mut Rng) -> String {
    let tensor = |rng: &mut Rng| -> String {
        match rng.below(5) {
            0 => format!("L['{}'].t()", rng.pick(&["x", "y", "z"])),
            _ => format!("L['{}']", rng.pick(&["x", "y", "z"])),
        }
    };
    let size = |rng: &mut Rng| -> String {
        match rng.below(4) {
            0 => format!("L['{}'].size(0)", rng.pick(&["x", "y", "z"])),
            1 => format!("L['{}'].size(-1)", rng.pick(&["x", "y", "z"])),
            2 => format!("len(L['{}'])", rng.pick(&["x", "y", "z"])),
            _ => format!("L['{}'].shape[0]", rng.pick(&["x", "y", "z"])),
        }
    };
    let mut text = String::new();
    let mut returned = vec!["1".to_string()];
    for i in 0..1 + rng.below(4) {
        let line = match rng.below(6) {
            0..=2 => {
                let op = rng.pick(&["+", "*", "-", "@"]);
                returned.push(format!("h{i}"));
                format!("h{i} = {} {op} {}", tensor(rng), tensor(rng))
            }
            3 => {
                let op = rng.pick(&["+", "*", "//", "%", "-"]);
                returned.push(format!("m{i}"));
                format!(
                    "m{i} = {} {op} {}",
                    size(rng),
                    rng.pick(&["1", "2", "L['n']"])
                )
            }
            4 => {
                let op = rng.pick(&["==", "!=", "<", ">=", ">"]);
                let other = match rng.below(2) {
                    0 => size(rng),
                    _ => rng.pick(&["1", "2", "3", "L['n']"]).to_string(),
                };
                returned.push(format!("h{i}"));
                format!(
                    "if {} {op} {other}\n  h{i} = {}\nelse\n  h{i} = 0\nend",
                    size(rng),
                    tensor(rng)
                )
            }
            _ => {
                returned.push(format!("r{i}"));
                format!("r{i} = {}[{}]", tensor(rng), rng.pick(&["0", "1", "-1"]))
            }
        };
        text.push_str(&line);
        text.push('\n');
    }
    text.push_str(&format!("return {}\n", returned.join(", ")));
    text
}

/// Generated tensor programs over generated frames of tensors, each frame
/// against perturbed copies of itself and against other generated frames.
#[test]
fn oracle_over_generated_tensor_programs() {
    oracle_family(
        "generated tensor programs",
        0..500,
        (8, 4),
        &|rng| Some(gen_tensor_frame(rng)),
        // Each one reads: `program` says where one does not.
        &|rng| {
            let text = gen_tensor_program(rng);
            program(&text);
            text
        },
        perturb,
    );
}

// ---------------------------------------------------------------------------
// Containers, objects, types and constants
// ---------------------------------------------------------------------------

/// A dict key: strings, ints, a float, `None`, tuples and an `$object`,
/// no two of them equal.
fn gen_key(rng: &mut Rng) -> Value {
    let ints =
        |items: &[i64]| Value::Tuple(items.iter().map(|&i| Rc::new(Value::Int(i))).collect());
    match rng.below(13) {
        9 => ints(&[[1, 2, 3][rng.below(3)]]),
        10 => ints(&[[1, 2, 3][rng.below(3)], [1, 2, 3][rng.below(3)]]),
        11 => Value::Int(3),
        12 => Value::Bool(rng.one_in(2)),
        0 | 1 => Value::str(rng.pick(&["a", "b", "n"])),
        2 | 3 => Value::Int([1, 2, 0][rng.below(3)]),
        4 => Value::Float(2.5),
        5 => Value::None,
        6 => Value::Tuple(vec![Rc::new(Value::Int(1)), Rc::new(Value::str("a"))]),
        7 => Value::Tuple(vec![Rc::new(Value::str("a"))]),
        _ => Value::Object(Object::new(rng.pick(&["K", "Linear"]).into(), Vec::new())),
    }
}

/// A small leaf: a number, a string, `None`, an object or a type.
fn gen_leaf(rng: &mut Rng) -> Value {
    match rng.below(9) {
        0 => Value::None,
        1 => Value::Bool(rng.one_in(2)),
        2 | 3 => Value::Int([0, 1, 2, -3, 7][rng.below(5)]),
        4 => Value::Float([0.5, 2.0, -1.25, 3.0][rng.below(4)]),
        5 | 6 => Value::str(rng.pick(&["a", "relu", "Gelu ", "", "12", "1.5"])),
        7 => gen_object(rng, 1),
        _ => gen_type(rng),
    }
}

/// A class, a builtin type or function, or a tuple of types.
fn gen_type(rng: &mut Rng) -> Value {
    match rng.below(5) {
        0 => Value::Class(rng.pick(&["Linear", "MLP"]).into()),
        1 => Value::Builtin(rng.pick(&["int", "float", "str", "bool"]).into()),
        2 => Value::Builtin("len".into()),
        3 => Value::Tuple(vec![
            Rc::new(Value::Builtin(rng.pick(&["int", "str"]).into())),
            Rc::new(Value::Class(rng.pick(&["Linear", "MLP"]).into())),
        ]),
        _ => Value::Function("torch.relu".into()),
    }
}

/// An object of `Linear` or `MLP` with some of the attributes `n`,
/// `name`, `child` (an object) and `items` (a list of objects).
fn gen_object(rng: &mut Rng, depth: usize) -> Value {
    let mut attrs: Vec<(Rc<str>, Rc<Value>)> = Vec::new();
    if !rng.one_in(5) {
        attrs.push(("n".into(), Rc::new(Value::Int(rng.below(4) as i64))));
    }
    if rng.one_in(2) {
        attrs.push(("name".into(), Rc::new(Value::str(rng.pick(&["a", "relu"])))));
    }
    if depth < 2 && !rng.one_in(3) {
        attrs.push(("child".into(), Rc::new(gen_object(rng, depth + 1))));
    }
    if depth < 2 && !rng.one_in(3) {
        let items = (0..rng.below(3))
            .map(|_| Rc::new(gen_object(rng, depth + 1)))
            .collect();
        attrs.push(("items".into(), Rc::new(Value::List(items))));
    }
    Value::Object(Object::new(rng.pick(&["Linear", "MLP"]).into(), attrs))
}

fn gen_dict(rng: &mut Rng) -> Value {
    let mut entries: Vec<(Value, Rc<Value>)> = Vec::new();
    for _ in 0..rng.below(5) {
        let key = gen_key(rng);
        if !entries.iter().any(|(k, _)| k.py_eq(&key)) {
            entries.push((key, Rc::new(gen_leaf(rng))));
        }
    }
    Value::Dict(entries)
}

fn gen_container_frame(rng: &mut Rng) -> Frame {
    let seq = |rng: &mut Rng| -> Value {
        let items = (0..rng.below(4)).map(|_| Rc::new(gen_leaf(rng))).collect();
        if rng.one_in(3) {
            Value::Tuple(items)
        } else {
            Value::List(items)
        }
    };
    let tensor = |rng: &mut Rng| -> Value {
        let rank = 1 + rng.below(3);
        Value::Tensor(TensorMeta {
            shape: (0..rank).map(|_| [1, 2, 3][rng.below(3)]).collect(),
            dtype: "float32".into(),
            dynamic: (0..rank).filter(|_| rng.one_in(2)).collect(),
        })
    };
    let locals: Vec<(Rc<str>, Rc<Value>)> = vec![
        ("d".into(), Rc::new(gen_dict(rng))),
        ("xs".into(), Rc::new(seq(rng))),
        ("obj".into(), Rc::new(gen_object(rng, 0))),
        ("n".into(), Rc::new(gen_leaf(rng))),
        (
            "m".into(),
            Rc::new(Value::Float([0.5, 2.0, -1.25, 3.0][rng.below(4)])),
        ),
        (
            "s".into(),
            Rc::new(Value::str(
                rng.pick(&["relu", "Gelu ", "", "12", "ab", "1.5"]),
            )),
        ),
        ("t".into(), Rc::new(tensor(rng))),
        ("c".into(), Rc::new(gen_type(rng))),
    ];
    let mut globals: Vec<(Rc<str>, Rc<Value>)> = Vec::new();
    for (name, value) in [
        ("Linear", Value::Class("Linear".into())),
        ("MLP", Value::Class(rng.pick(&["MLP", "Linear"]).into())),
        ("float", Value::Builtin("int".into())),
        ("int", Value::Class("Linear".into())),
        ("T", gen_type(rng)),
    ] {
        if rng.one_in(2) {
            globals.push((name.into(), Rc::new(value)));
        }
    }
    globals.push(("cfg".into(), Rc::new(gen_dict(rng))));
    globals.push(("g".into(), Rc::new(gen_leaf(rng))));
    globals.push(("k".into(), Rc::new(Value::Int(rng.below(3) as i64))));
    Frame { locals, globals }
}

/// Another value for the container family: a dict's key of another type,
/// an object of another class or with an attribute more or less, a list's
/// item of another type, another type; else [`perturb`]'s.
fn perturb_container(rng: &mut Rng, value: &Value) -> Value {
    if rng.one_in(2) {
        return perturb(rng, value);
    }
    match value {
        Value::Dict(entries) => {
            let mut entries = entries.clone();
            match rng.below(3) {
                0 if !entries.is_empty() => {
                    let at = rng.below(entries.len());
                    let key = gen_key(rng);
                    if !entries.iter().any(|(k, _)| k.py_eq(&key)) {
                        entries[at].0 = key;
                    }
                }
                1 => {
                    let key = gen_key(rng);
                    if !entries.iter().any(|(k, _)| k.py_eq(&key)) {
                        entries.insert(rng.below(entries.len() + 1), (key, Rc::new(gen_leaf(rng))));
                    }
                }
                _ if !entries.is_empty() => {
                    let at = rng.below(entries.len());
                    entries[at].1 = Rc::new(gen_leaf(rng));
                }
                _ => {}
            }
            Value::Dict(entries)
        }
        Value::List(items) | Value::Tuple(items) => {
            let mut items = items.clone();
            match rng.below(3) {
                0 if !items.is_empty() => {
                    let at = rng.below(items.len());
                    items[at] = Rc::new(gen_leaf(rng));
                }
                1 => items.insert(rng.below(items.len() + 1), Rc::new(gen_leaf(rng))),
                _ => items.reverse(),
            }
            match value {
                Value::List(_) => Value::List(items),
                _ => Value::Tuple(items),
            }
        }
        Value::Object(object) => {
            let mut attrs = object.attrs.clone();
            let mut class = Rc::clone(&object.class);
            match rng.below(4) {
                0 => class = (if &*class == "Linear" { "MLP" } else { "Linear" }).into(),
                1 if !attrs.is_empty() => {
                    attrs.remove(rng.below(attrs.len()));
                }
                2 => {
                    for (name, v) in [("n", Value::Int(5)), ("name", Value::str("b"))] {
                        if !attrs.iter().any(|(n, _)| &**n == name) {
                            attrs.push((name.into(), Rc::new(v)));
                            break;
                        }
                    }
                }
                _ => return gen_leaf(rng),
            }
            Value::Object(Object::new(class, attrs))
        }
        Value::Class(_) | Value::Builtin(_) | Value::Function(_) => gen_type(rng),
        _ => gen_leaf(rng),
    }
}

const CONTAINER_ATOMS: &[&str] = &[
    "L['d']",
    "L['xs']",
    "L['obj']",
    "L['n']",
    "L['m']",
    "L['s']",
    "L['t']",
    "L['c']",
    "G['cfg']",
    "G['k']",
    "L['obj'].child",
    "L['obj'].items",
    "L['obj'].n",
    "L['obj'].name",
    "L['obj'].child.n",
    "L['obj'].items[0]",
    "L['xs'][0]",
    "L['xs'][-1]",
    "L['t'].size(0)",
    "L['t'].shape",
    "L['t'].size(-1)",
    "len(L['t'])",
];

const CONTAINER_LITERALS: &[&str] = &[
    "0", "1", "2", "-1", "2.5", "0.5", "'a'", "'b'", "'n'", "'relu'", "''", "None", "True", "False",
];

fn gen_c_atom(rng: &mut Rng, names: &[String]) -> String {
    match rng.below(6) {
        0 | 1 => rng.pick(CONTAINER_ATOMS).to_string(),
        2 => rng.pick(CONTAINER_LITERALS).to_string(),
        3 if !names.is_empty() => names[rng.below(names.len())].clone(),
        4 => "G['g']".to_string(),
        _ => rng.pick(CONTAINER_ATOMS).to_string(),
    }
}

fn gen_c_expr(rng: &mut Rng, names: &[String], depth: usize) -> String {
    if depth >= 2 || rng.one_in(4) {
        return gen_c_atom(rng, names);
    }
    let inner = |rng: &mut Rng| gen_c_expr(rng, names, depth + 1);
    let atom = |rng: &mut Rng| gen_c_atom(rng, names);
    let key = |rng: &mut Rng| match rng.below(3) {
        0 => atom(rng),
        _ => rng.pick(CONTAINER_LITERALS).to_string(),
    };
    match rng.below(20) {
        0 => {
            let container = rng.pick(&[
                "L['d']",
                "L['d'].keys()",
                "L['d'].values()",
                "L['xs']",
                "L['s']",
                "G['cfg']",
                "G['cfg'].keys()",
                "L['obj'].items",
                "L['t'].shape",
            ]);
            format!("{} in {container}", key(rng))
        }
        1 => format!(
            "len({})",
            rng.pick(&[
                "L['d']",
                "L['d'].keys()",
                "L['d'].values()",
                "L['xs']",
                "L['s']",
                "G['cfg']",
                "L['obj'].items",
                "L['t']",
                "L['t'].shape",
                "L['n']",
            ])
        ),
        2 => format!("{}[{}]", rng.pick(&["L['d']", "G['cfg']"]), key(rng)),
        3 => format!(
            "{}.get({}{})",
            rng.pick(&["L['d']", "G['cfg']"]),
            key(rng),
            if rng.one_in(2) { ", 0" } else { "" }
        ),
        4 => format!(
            "{}.{}({})",
            rng.pick(&["L['xs']", "L['obj'].items"]),
            rng.pick(&["index", "count"]),
            key(rng)
        ),
        5 => format!(
            "isinstance({}, {})",
            inner(rng),
            rng.pick(&[
                "int", "float", "str", "bool", "list", "tuple", "dict", "Linear", "MLP", "T",
                "G['T']", "L['c']", "type",
            ])
        ),
        6 => format!(
            "hasattr({}, '{}')",
            atom(rng),
            rng.pick(&[
                "n",
                "child",
                "name",
                "items",
                "upper",
                "real",
                "append",
                "keys",
                "__name__",
                "__class__",
                "bias",
                "is_integer",
                "shape",
            ])
        ),
        7 => format!("{} {}", inner(rng), rng.pick(&["is None", "is not None"])),
        8 | 9 => {
            let op = rng.pick(&["==", "!=", "<", "<=", ">", ">="]);
            format!("{} {op} {}", inner(rng), inner(rng))
        }
        10 | 11 => {
            let op = rng.pick(&["+", "-", "*", "/", "//", "%"]);
            format!("{} {op} {}", inner(rng), inner(rng))
        }
        12 => format!(
            "{}({})",
            rng.pick(&["abs", "hash", "str", "int", "float", "bool", "len"]),
            inner(rng)
        ),
        13 => format!(
            "{}({}, {})",
            rng.pick(&["min", "max"]),
            inner(rng),
            inner(rng)
        ),
        14 => format!(
            "{}({})",
            rng.pick(&["min", "max"]),
            rng.pick(&[
                "L['xs']",
                "L['d']",
                "L['d'].keys()",
                "L['t'].shape",
                "L['s']"
            ])
        ),
        15 => {
            let spec = rng.pick(&[
                "", ":>5", ":.2f", ":d", ":x", ":05", ":+", ":,", ":.1%", ":e", ":s", ":^7", ":<3",
                ":g",
            ]);
            format!("f\"<{{{}{spec}}}>\"", inner(rng))
        }
        16 => format!(
            "{}.{}",
            rng.pick(&[
                "L['s']",
                "L['obj'].name",
                "L['n']",
                "L['xs'][0]",
                "L['d']['a']"
            ]),
            rng.pick(&[
                "upper()",
                "lower()",
                "strip()",
                "startswith('r')",
                "endswith(' ')",
                "count('a')",
            ])
        ),
        17 => format!("not {}", inner(rng)),
        18 => format!(
            "L['t'].{}",
            rng.pick(&["shape", "size(0)", "size(-1)", "dim()", "ndim", "shape[1]"])
        ),
        _ => format!("-{}", atom(rng)),
    }
}

fn gen_container_program(rng: &mut Rng) -> String {
    // Each name is assigned once and returned (a value read and never
    // used is guarded by nothing: see `Tally::dead_attribute_reads`).
    let mut names: Vec<String> = Vec::new();
    let mut text = String::new();
    let fresh = |names: &mut Vec<String>| {
        let name = format!("v{}", names.len());
        names.push(name.clone());
        name
    };
    for _ in 0..1 + rng.below(5) {
        let line = match rng.below(9) {
            0..=2 => {
                let expr = gen_c_expr(rng, &names, 0);
                format!("{} = {expr}", fresh(&mut names))
            }
            3 => {
                let seq = rng.pick(&[
                    "L['xs']",
                    "L['t'].shape",
                    "L['t']",
                    "L['d']",
                    "L['d'].keys()",
                    "L['d'].values()",
                    "L['s']",
                    "L['obj'].items",
                    "G['cfg']",
                ]);
                let (p, q) = (fresh(&mut names), fresh(&mut names));
                format!("{p}, {q} = {seq}")
            }
            4 => format!(
                "G['{}'] = {}",
                rng.pick(&["g", "cfg", "k", "Linear", "float"]),
                gen_c_expr(rng, &names, 0)
            ),
            5 | 6 => {
                let cond = gen_c_expr(rng, &names, 0);
                let then = gen_c_expr(rng, &names, 1);
                let other = gen_c_expr(rng, &names, 1);
                let name = fresh(&mut names);
                format!("if {cond}\n  {name} = {then}\nelse\n  {name} = {other}\nend")
            }
            7 if !names.is_empty() => format!("log({})", names[rng.below(names.len())]),
            _ => format!("log({})", gen_c_expr(rng, &names, 0)),
        };
        text.push_str(&line);
        text.push('\n');
    }
    let mut returned = names.clone();
    returned.push(gen_c_expr(rng, &names, 0));
    text.push_str(&format!("return {}\n", returned.join(", ")));
    text
}

/// Programs over dicts (keys of several types, views, `in`, `get`),
/// sequences (unpacking, `index`, `count`), nested objects (`hasattr`),
/// types (`isinstance` with classes, builtins, tuples of types, globals
/// shadowing builtins), constants of mixed types (comparisons, arithmetic,
/// conversions, f-strings with specs, string methods) and stored globals,
/// each frame against perturbed copies and other generated frames.
#[test]
fn oracle_over_generated_container_programs() {
    // `ORACLE_SEEDS=30000` hunts further (about 20 s in debug); nothing
    // was found at that many.
    let seeds = seeds_or(2500);
    oracle_family(
        "generated container programs",
        10_000..10_000 + seeds,
        (14, 2),
        &|rng| read_back(&gen_container_frame(rng)),
        &gen_container_program,
        perturb_container,
    );
}

// ---------------------------------------------------------------------------
// Symbolic sizes
// ---------------------------------------------------------------------------

/// A tensor for the size family: rank 1 to 3, sizes 2 to 5 (now and then a
/// 0 or a 1, which are never symbolic), some dims dynamic, sometimes every
/// dim of one size (`?n, ?n`).
fn gen_size_tensor(rng: &mut Rng, rank: usize) -> Value {
    let size = |rng: &mut Rng| -> i64 {
        if rng.one_in(8) {
            rng.below(2) as i64
        } else {
            2 + rng.below(4) as i64
        }
    };
    let mut shape: Vec<i64> = (0..rank).map(|_| size(rng)).collect();
    if rng.one_in(3) {
        let same = size(rng);
        shape.iter_mut().for_each(|s| *s = same);
    }
    let dynamic = match rng.below(4) {
        0 => Vec::new(),
        1 => vec![0],
        _ => (0..rank).filter(|_| !rng.one_in(3)).collect(),
    };
    Value::Tensor(TensorMeta {
        shape,
        dtype: rng.pick(&["float32", "float32", "float16"]).into(),
        dynamic,
    })
}

/// Three tensors, an int (negative too), a list and a dict to index with
/// sizes, and a tuple of ints for `in`.
fn gen_size_frame(rng: &mut Rng) -> Frame {
    let ints =
        |items: &[i64]| Value::Tuple(items.iter().map(|&i| Rc::new(Value::Int(i))).collect());
    let mut locals: Vec<(Rc<str>, Rc<Value>)> = ["x", "y", "z"]
        .iter()
        .map(|name| {
            // `x` is most often of rank 2, for `a, b = L['x'].shape`; `z`'s
            // first dim is often 2, for `a, b = L['z']`.
            let rank = match *name {
                "x" if !rng.one_in(4) => 2,
                _ => 1 + rng.below(3),
            };
            let mut tensor = gen_size_tensor(rng, rank);
            if let Value::Tensor(t) = &mut tensor
                && *name == "z"
                && rng.one_in(2)
            {
                t.shape[0] = 2;
            }
            (Rc::from(*name), Rc::new(tensor))
        })
        .collect();
    locals.push((
        "n".into(),
        Rc::new(Value::Int([-3, -1, 0, 1, 2, 3, 4, 7][rng.below(8)])),
    ));
    locals.push((
        "xs".into(),
        Rc::new(Value::List(
            (0..3 + rng.below(4))
                .map(|i| Rc::new(Value::Int(10 * i as i64)))
                .collect(),
        )),
    ));
    locals.push((
        "d".into(),
        Rc::new(Value::Dict(
            [2, 3, 4, -1][..1 + rng.below(4)]
                .iter()
                .map(|&k| (Value::Int(k), Rc::new(Value::str(&format!("k{k}")))))
                .collect(),
        )),
    ));
    locals.push((
        "t".into(),
        Rc::new([ints(&[2, 4]), ints(&[3]), ints(&[])][rng.below(3)].clone()),
    ));
    Frame {
        locals,
        globals: vec![("k".into(), Rc::new(Value::Int(rng.below(4) as i64)))],
    }
}

/// Another value for the size family: a tensor with a dynamic size changed
/// (to 2 or more, now and then to 0 or 1), a dim flipped between dynamic and
/// static, a dim more or less, another dtype, all dynamic dims one size;
/// an int changed or negated; else [`perturb`]'s.
fn perturb_sizes(rng: &mut Rng, value: &Value) -> Value {
    match value {
        Value::Tensor(tensor) if !tensor.shape.is_empty() => {
            let mut tensor = tensor.clone();
            let rank = tensor.shape.len();
            let d = rng.below(rank);
            match rng.below(8) {
                0..=2 => {
                    let dim = match tensor.dynamic.is_empty() {
                        true => d,
                        false => tensor.dynamic[rng.below(tensor.dynamic.len())],
                    };
                    tensor.shape[dim] = if rng.one_in(5) {
                        rng.below(2) as i64
                    } else {
                        2 + rng.below(6) as i64
                    };
                }
                3 => {
                    if let Some(at) = tensor.dynamic.iter().position(|&x| x == d) {
                        tensor.dynamic.remove(at);
                    } else {
                        tensor.dynamic.push(d);
                        tensor.dynamic.sort_unstable();
                    }
                }
                4 => {
                    let size = 2 + rng.below(4) as i64;
                    for &dim in &tensor.dynamic {
                        tensor.shape[dim] = size;
                    }
                }
                5 => {
                    if rank > 1 && rng.one_in(2) {
                        tensor.shape.pop();
                        tensor.dynamic.retain(|&x| x < rank - 1);
                    } else {
                        tensor.shape.push(2 + rng.below(3) as i64);
                        if rng.one_in(2) {
                            tensor.dynamic.push(rank);
                        }
                    }
                }
                6 => tensor.dtype = other_dtype(&tensor.dtype).into(),
                _ => {
                    // Two dims swapped: the same sizes, other places.
                    let e = rng.below(rank);
                    tensor.shape.swap(d, e);
                }
            }
            Value::Tensor(tensor)
        }
        Value::Int(i) if rng.one_in(2) => Value::Int(match rng.below(3) {
            0 => i + 1,
            1 => i - 1,
            _ => -i,
        }),
        _ => perturb(rng, value),
    }
}

/// A program of symbolic sizes: read (`size(i)`, `shape[i]`, unpacking the
/// shape, `len`), combined (`+ - * // %` with ints, negative ones, and with
/// each other), compared and branched on, converted (`int`, `str`, `hash`,
/// f-strings), `min`/`max`/`abs`, used as a list's index, a dict's key and
/// in `in`; and tensors indexed, unpacked, multiplied and broadcast.
fn gen_size_program(rng: &mut Rng) -> String {
    let tensor = |rng: &mut Rng| format!("L['{}']", rng.pick(&["x", "y", "z"]));
    let mut sizes: Vec<String> = Vec::new();
    let mut returned: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut fresh = 0;
    let mut name = |prefix: &str| {
        fresh += 1;
        format!("{prefix}{fresh}")
    };
    let read = |rng: &mut Rng| -> String {
        let t = tensor(rng);
        match rng.below(5) {
            0 => format!("{t}.size({})", rng.pick(&["0", "1", "-1", "-1", "0"])),
            1 => format!("{t}.shape[{}]", rng.pick(&["0", "1", "-1", "-1"])),
            2 => format!("len({t})"),
            3 => format!("{t}.size()[{}]", rng.pick(&["0", "-1"])),
            _ => format!("{t}.size(0)"),
        }
    };
    let int = |rng: &mut Rng| -> String {
        rng.pick(&["1", "2", "3", "-1", "-2", "0", "L['n']", "G['k']"])
            .to_string()
    };
    let size = |rng: &mut Rng, sizes: &[String]| -> String {
        if !sizes.is_empty() && rng.one_in(2) {
            sizes[rng.below(sizes.len())].clone()
        } else {
            read(rng)
        }
    };
    for _ in 0..1 + rng.below(5) {
        let line = match rng.below(21) {
            0..=2 => {
                let v = name("s");
                let line = format!("{v} = {}", read(rng));
                sizes.push(v);
                line
            }
            3 => {
                let (a, b) = (name("a"), name("b"));
                let line = format!("{a}, {b} = L['x'].shape");
                sizes.push(a);
                sizes.push(b);
                line
            }
            4..=6 => {
                let v = name("m");
                let op = rng.pick(&["+", "-", "*", "//", "%"]);
                let (l, r) = match rng.below(3) {
                    0 => (size(rng, &sizes), int(rng)),
                    1 => (int(rng), size(rng, &sizes)),
                    _ => (size(rng, &sizes), size(rng, &sizes)),
                };
                let line = format!("{v} = {l} {op} {r}");
                sizes.push(v);
                line
            }
            7 | 8 => {
                let op = rng.pick(&["==", "!=", "<", "<=", ">", ">="]);
                let other = if rng.one_in(2) {
                    size(rng, &sizes)
                } else {
                    int(rng)
                };
                let v = name("r");
                returned.push(v.clone());
                let (yes, no) = match rng.below(3) {
                    0 => ("1".to_string(), "2".to_string()),
                    1 => (tensor(rng), "0".to_string()),
                    _ => (size(rng, &sizes), int(rng)),
                };
                format!(
                    "if {} {op} {other}\n  {v} = {yes}\nelse\n  {v} = {no}\nend",
                    size(rng, &sizes)
                )
            }
            9 => {
                let v = name("c");
                returned.push(v.clone());
                let s = size(rng, &sizes);
                let expr = match rng.below(9) {
                    0 => format!("int({s})"),
                    1 => format!("str({s})"),
                    2 => format!("hash({s})"),
                    3 => format!("abs({s} - {})", size(rng, &sizes)),
                    4 => format!("min({s}, {})", size(rng, &sizes)),
                    5 => format!("max({s}, {})", int(rng)),
                    6 => format!("{s} in L['t']"),
                    7 => format!("f\"{{{s}}}\" == '{}'", rng.below(6)),
                    _ => format!("f\"n={{{s}:>3}}\""),
                };
                format!("{v} = {expr}")
            }
            10 => {
                let v = name("c");
                returned.push(v.clone());
                let s = size(rng, &sizes);
                match rng.below(3) {
                    0 => format!("{v} = L['xs'][{s}]"),
                    1 => format!("{v} = L['d'][{s}]"),
                    _ => format!("{v} = L['d'].get({s})"),
                }
            }
            11 => {
                let v = name("h");
                returned.push(v.clone());
                format!(
                    "{v} = {}[{}]",
                    tensor(rng),
                    rng.pick(&["0", "1", "-1", "-2"])
                )
            }
            12 => {
                let (a, b) = (name("u"), name("u"));
                returned.push(a.clone());
                returned.push(b.clone());
                format!("{a}, {b} = L['{}']", rng.pick(&["z", "z", "x"]))
            }
            13 => {
                let v = name("h");
                returned.push(v.clone());
                let op = rng.pick(&["@", "+", "*", "-"]);
                let r = if rng.one_in(4) {
                    format!("{}.t()", tensor(rng))
                } else {
                    tensor(rng)
                };
                format!("{v} = {} {op} {r}", tensor(rng))
            }
            14 => {
                let v = name("h");
                returned.push(v.clone());
                format!("{v} = {} * {}", tensor(rng), size(rng, &sizes))
            }
            15 => {
                let v = name("c");
                returned.push(v.clone());
                format!("{v} = {} // {}", int(rng), size(rng, &sizes))
            }
            16 => {
                let v = name("c");
                returned.push(v.clone());
                let s = size(rng, &sizes);
                let other = rng.pick(&["2.5", "True", "'3'", "-1.0", "L['xs']"]);
                let op = rng.pick(&["==", "!=", "<", ">="]);
                match rng.below(3) {
                    0 => format!("{v} = {s} {op} {other}"),
                    1 => format!("{v} = bool({s} - {})", size(rng, &sizes)),
                    _ => format!("if {s} - {}\n  {v} = 1\nelse\n  {v} = 0\nend", int(rng)),
                }
            }
            17 => {
                let v = name("m");
                let s = size(rng, &sizes);
                let line = match rng.below(4) {
                    0 => format!("{v} = -{s}"),
                    1 => format!("{v} = {s} * {s} - {}", size(rng, &sizes)),
                    2 => format!("{v} = ({s} + {}) % {}", int(rng), size(rng, &sizes)),
                    _ => format!("{v} = {s} // {} * {}", size(rng, &sizes), int(rng)),
                };
                sizes.push(v);
                line
            }
            18 => {
                let v = name("c");
                returned.push(v.clone());
                let s = size(rng, &sizes);
                let expr = match rng.below(7) {
                    0 => format!("format({s}, '03')"),
                    1 => format!("{}.size()", tensor(rng)),
                    2 => format!("{}.shape == L['t']", tensor(rng)),
                    3 => format!("L['xs'].count({s})"),
                    4 => format!("{s} in L['xs']"),
                    5 => format!("L['xs'].index({s})"),
                    _ => format!("{}.ndim", tensor(rng)),
                };
                format!("{v} = {expr}")
            }
            19 => {
                let v = name("h");
                returned.push(v.clone());
                let t = tensor(rng);
                let s = size(rng, &sizes);
                match rng.below(6) {
                    0 => format!("{v} = {t}[{s}]"),
                    1 => format!("{v} = {t}.size({s})"),
                    2 => format!(
                        "{v} = {t}.sum({}) + {}",
                        rng.pick(&["0", "-1"]),
                        tensor(rng)
                    ),
                    3 => format!("{v} = {t}.T @ {}", tensor(rng)),
                    4 => format!("{v} = {s} + {t}"),
                    _ => format!("{v} = {t}.softmax(-1) - {t}.mean(0)"),
                }
            }
            _ => {
                let (a, b) = (name("a"), name("b"));
                let line = match rng.below(2) {
                    0 => format!("{a}, {b} = L['x'].size()"),
                    _ => {
                        returned.push("G['g']".into());
                        format!("G['g'] = {}\n{a} = 0\n{b} = 1", size(rng, &sizes))
                    }
                };
                sizes.push(a);
                sizes.push(b);
                line
            }
        };
        text.push_str(&line);
        text.push('\n');
    }
    // Some sizes are returned as they are (symbols), others not at all.
    for s in &sizes {
        if rng.one_in(2) {
            returned.push(s.clone());
        }
    }
    if returned.is_empty() {
        returned.push("1".into());
    }
    text.push_str(&format!("return {}\n", returned.join(", ")));
    text
}

/// Generated programs of symbolic sizes over frames of tensors with dynamic
/// dims, each frame against perturbed copies (sizes, dynamic dims, ranks,
/// dtypes) and other generated frames.
#[test]
fn oracle_over_generated_size_programs() {
    let seeds = seeds_or(1500);
    oracle_family(
        "generated size programs",
        20_000..20_000 + seeds,
        (12, 3),
        &|rng| read_back(&gen_size_frame(rng)),
        &|rng| {
            let text = gen_size_program(rng);
            program(&text);
            text
        },
        perturb_sizes,
    );
}

// ---------------------------------------------------------------------------
// Aliasing and identity
// ---------------------------------------------------------------------------

/// A small object of class `A` or `B` with an int `n` now and then.
fn gen_small_object(rng: &mut Rng) -> Value {
    let mut attrs: Vec<(Rc<str>, Rc<Value>)> = Vec::new();
    if !rng.one_in(6) {
        attrs.push(("n".into(), Rc::new(Value::Int(rng.below(3) as i64))));
    }
    if !rng.one_in(3) {
        let child = match rng.below(3) {
            0 => Value::Int(1),
            _ => Value::Object(Object::new(rng.pick(&["A", "B"]).into(), Vec::new())),
        };
        attrs.push(("child".into(), Rc::new(child)));
    }
    Value::Object(Object::new(rng.pick(&["A", "B"]).into(), attrs))
}

/// An item of the alias family's lists: mostly objects, now and then an
/// int, a string or `None`.
fn gen_alias_item(rng: &mut Rng) -> Value {
    match rng.below(7) {
        0 => Value::Int(rng.below(3) as i64),
        1 => Value::str(rng.pick(&["a", "n"])),
        2 => Value::None,
        3 if rng.one_in(2) => Value::Tensor(TensorMeta {
            shape: vec![1 + rng.below(2) as i64],
            dtype: "float32".into(),
            dynamic: Vec::new(),
        }),
        _ => gen_small_object(rng),
    }
}

/// A frame whose values are objects, lists and dicts of objects, two
/// objects alike (`obj` and `o2`, distinct as every two `$object`s of a
/// frame are) and globals the programs overwrite with aliases.
fn gen_alias_frame(rng: &mut Rng) -> Frame {
    let list = |rng: &mut Rng, least: usize, most: usize| -> Value {
        let n = least + rng.below(most - least + 1);
        Value::List((0..n).map(|_| Rc::new(gen_alias_item(rng))).collect())
    };
    let obj = gen_small_object(rng);
    let o2 = if rng.one_in(2) {
        // The same JSON: another object alike once read back.
        obj.clone()
    } else {
        gen_small_object(rng)
    };
    let mut entries: Vec<(Value, Rc<Value>)> = Vec::new();
    for _ in 0..rng.below(4) {
        let key = match rng.below(4) {
            0 => Value::str(rng.pick(&["a", "n"])),
            1 => Value::Int(rng.below(2) as i64),
            2 => Value::Tuple(vec![Rc::new(gen_small_object(rng))]),
            _ => gen_small_object(rng),
        };
        if !entries.iter().any(|(k, _)| k.py_eq(&key)) {
            entries.push((key, Rc::new(gen_alias_item(rng))));
        }
    }
    let mut locals: Vec<(Rc<str>, Rc<Value>)> = vec![
        ("xs".into(), Rc::new(list(rng, 1, 3))),
        ("ys".into(), Rc::new(list(rng, 0, 2))),
        ("obj".into(), Rc::new(obj)),
        ("o2".into(), Rc::new(o2)),
        ("d".into(), Rc::new(Value::Dict(entries))),
        ("n".into(), Rc::new(Value::Int(rng.below(3) as i64))),
    ];
    if rng.one_in(3) {
        locals.push((
            "t".into(),
            Rc::new(Value::Tensor(TensorMeta {
                shape: vec![2],
                dtype: "float32".into(),
                dynamic: Vec::new(),
            })),
        ));
    } else {
        locals.push(("t".into(), Rc::new(gen_alias_item(rng))));
    }
    let globals: Vec<(Rc<str>, Rc<Value>)> = vec![
        ("g".into(), Rc::new(gen_alias_item(rng))),
        ("h".into(), Rc::new(list(rng, 1, 2))),
        ("A".into(), Rc::new(Value::Class("A".into()))),
        ("B".into(), Rc::new(Value::Class("B".into()))),
    ];
    Frame { locals, globals }
}

/// Another value for the alias family: an object in place of its twin
/// (alike, another identity), a list's items swapped or one repeated (an
/// object repeated is two objects alike), an object added or dropped;
/// else [`perturb_container`]'s.
fn perturb_alias(rng: &mut Rng, value: &Value) -> Value {
    match value {
        Value::List(items) if rng.one_in(2) => {
            let mut items = items.clone();
            match rng.below(4) {
                0 if items.len() > 1 => items.swap(0, 1),
                1 if !items.is_empty() => {
                    let first = (*items[0]).clone();
                    items.push(Rc::new(first));
                }
                2 => items.insert(0, Rc::new(gen_small_object(rng))),
                _ if !items.is_empty() => {
                    items.pop();
                }
                _ => {}
            }
            Value::List(items)
        }
        Value::Object(_) if rng.one_in(2) => match rng.below(3) {
            0 => value.clone(),
            1 => gen_small_object(rng),
            _ => gen_alias_item(rng),
        },
        _ => perturb_container(rng, value),
    }
}

/// Values that may hold one object, or an object's copy, or one another.
const ALIAS_ATOMS: &[&str] = &[
    "L['obj']",
    "L['o2']",
    "L['xs'][0]",
    "L['xs'][-1]",
    "L['ys'][0]",
    "L['xs']",
    "L['ys']",
    "L['d']",
    "L['t']",
    "L['n']",
    "G['g']",
    "G['h']",
    "G['h'][0]",
    "L['obj'].n",
    "L['obj'].child",
    "L['o2'].child",
    "L['d'].values()",
    "L['d'].keys()",
    "None",
    "0",
    "1",
    "'a'",
];

const ALIAS_CONTAINERS: &[&str] = &[
    "L['xs']",
    "L['ys']",
    "G['g']",
    "G['h']",
    "L['d'].values()",
    "L['d'].keys()",
];

fn gen_alias_atom(rng: &mut Rng, names: &[String]) -> String {
    if !names.is_empty() && rng.one_in(3) {
        return names[rng.below(names.len())].clone();
    }
    rng.pick(ALIAS_ATOMS).to_string()
}

fn gen_alias_expr(rng: &mut Rng, names: &[String]) -> String {
    let a = gen_alias_atom(rng, names);
    let b = gen_alias_atom(rng, names);
    let container = |rng: &mut Rng| {
        if !names.is_empty() && rng.one_in(4) {
            names[rng.below(names.len())].clone()
        } else {
            rng.pick(ALIAS_CONTAINERS).to_string()
        }
    };
    match rng.below(14) {
        0 | 1 => format!("{a} == {b}"),
        2 => format!("{a} != {b}"),
        3 | 4 => format!("{a} in {}", container(rng)),
        5 => format!(
            "{}.index({a})",
            rng.pick(&["L['xs']", "L['ys']", "G['g']", "G['h']"])
        ),
        6 => format!(
            "{}.count({a})",
            rng.pick(&["L['xs']", "L['ys']", "G['g']", "G['h']"])
        ),
        7 => format!("{}.get({a}, {b})", rng.pick(&["L['d']", "G['g']"])),
        8 => format!("{a} in {}", rng.pick(&["L['d']", "G['g']"])),
        9 => format!(
            "hasattr({a}, '{}')",
            rng.pick(&["n", "child", "append", "keys"])
        ),
        10 => format!("{a} {}", rng.pick(&["is None", "is not None"])),
        11 => format!("hash({a}) == hash({b})"),
        12 => format!("len({})", container(rng)),
        _ => format!(
            "isinstance({a}, {})",
            rng.pick(&["A", "B", "list", "int", "dict"])
        ),
    }
}

fn gen_alias_program(rng: &mut Rng) -> String {
    let mut names: Vec<String> = Vec::new();
    let mut text = String::new();
    let fresh = |names: &mut Vec<String>| {
        let name = format!("v{}", names.len());
        names.push(name.clone());
        name
    };
    for _ in 0..2 + rng.below(5) {
        let line = match rng.below(10) {
            0..=2 => {
                let expr = gen_alias_expr(rng, &names);
                format!("{} = {expr}", fresh(&mut names))
            }
            3 | 4 => format!(
                "G['{}'] = {}",
                rng.pick(&["g", "h"]),
                gen_alias_atom(rng, &names)
            ),
            5 => {
                let seq = rng.pick(&["L['xs']", "L['ys']", "L['d']", "G['h']", "G['g']"]);
                let (p, q) = (fresh(&mut names), fresh(&mut names));
                format!("{p}, {q} = {seq}")
            }
            6..=8 => {
                let cond = gen_alias_expr(rng, &names);
                let store = format!(
                    "G['{}'] = {}",
                    rng.pick(&["g", "h"]),
                    gen_alias_atom(rng, &names)
                );
                let other = gen_alias_expr(rng, &names);
                let name = fresh(&mut names);
                if rng.one_in(2) {
                    format!("if {cond}\n  {store}\n  {name} = 1\nelse\n  {name} = {other}\nend")
                } else {
                    format!("if {cond}\n  {name} = {other}\nelse\n  {store}\n  {name} = 0\nend")
                }
            }
            _ => format!("log({})", gen_alias_expr(rng, &names)),
        };
        text.push_str(&line);
        text.push('\n');
    }
    let mut returned = names.clone();
    returned.push(gen_alias_expr(rng, &names));
    text.push_str(&format!("return {}\n", returned.join(", ")));
    text
}

/// Programs of identity and aliasing: globals overwritten with a local (a
/// list, an object, an item), in branches too, then compared (`==`, `in`,
/// `index`, `count`, `get`, `hash`) with the local and its items; lists
/// and dicts of objects, objects as dict keys, `hasattr` after stores.
/// Frames hold two objects alike (`L['obj']`, `L['o2']`), and their
/// perturbations swap an object for another alike, repeat one in a list,
/// reorder lists: equal-looking values of other identities.
#[test]
fn oracle_over_generated_alias_programs() {
    // `ORACLE_SEEDS=20000` hunts further (about 10 s in debug); nothing
    // was found at that many.
    let seeds = seeds_or(1500);
    oracle_family(
        "generated alias programs",
        30_000..30_000 + seeds,
        (12, 2),
        &|rng| read_back(&gen_alias_frame(rng)),
        &gen_alias_program,
        perturb_alias,
    );
}
