//! The builder of one trace (Dynamo's `InstructionTranslator` plus
//! `VariableBuilder`): it builds concrete trackers from frame values,
//! installs their guards into the guard log as it builds, and counts.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::rc::Rc;

use crate::guards::{Guard, GuardKind, GuardLog};
use crate::lazy::LazyVariableTracker;
use crate::source::Source;
use crate::tracker::{TraceError, TraceResult, Tracker, VariableTracker};
use crate::trackers::{
    ConstantTracker, DictTracker, FunctionTracker, Meta, ObjectTracker, SequenceTracker,
    TensorTracker,
};
use crate::value::Value;

/// The most a trace may build over all its lines, in bytes (`Tx::charge`):
/// 256 MiB, each item of a list counting as the 16 bytes of its tracker.
pub const MAX_BUILT: usize = 256 << 20;

/// Whether frame values get lazy trackers (built on first real use) or are
/// all built up front.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Lazy,
    Eager,
}

/// Something the builder did, for `--verbose`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A tracker was built from a frame value (or a lazy f-string was
    /// rendered), installing `guards`.
    Realize {
        source: String,
        kind: &'static str,
        guards: Vec<Guard>,
    },
    /// A guard installed outside any build: a type query on a lazy constant,
    /// or a branch on a size.
    Guard(Guard),
}

/// What a trace cost.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Trackers created for frame values (placeholders, or built ones in an
    /// eager run).
    pub created: usize,
    /// Trackers built from a frame value.
    pub realized: usize,
    /// Guards installed.
    pub guards: usize,
    /// Tensors lifted into the graph as inputs.
    pub graph_inputs: usize,
    /// Operations recorded in the graph.
    pub graph_nodes: usize,
}

/// The graph the trace records: its inputs and its operations.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    pub inputs: Vec<String>,
    pub nodes: Vec<String>,
    names: Names,
}

/// The graph's node names, each given once: a base name (a source's
/// identifier, an op) gets `_1`, `_2`, ... after its first use, skipping a
/// name another base already took (`L['x'].w` twice-over and `L['x'].w_1`
/// would otherwise both be `l_x_w_1`).
#[derive(Clone, Debug, Default)]
struct Names {
    next_suffix: HashMap<String, usize>,
    taken: HashSet<String>,
}

/// One trace's shared state. Cheap to clone (an `Rc`); lazy seeds keep a
/// clone so that they build with the builder of their own frame.
#[derive(Clone, Debug)]
pub struct Tx(Rc<TxState>);

#[derive(Debug)]
struct TxState {
    mode: Mode,
    guards: RefCell<GuardLog>,
    /// Whether `events` are kept: only `--verbose` prints them, and they
    /// hold a copy of every guard and the source of every build (a third
    /// of the memory of a run that guards 10^6 values).
    record_events: bool,
    events: RefCell<Vec<Event>>,
    /// Indices into `events` of the builds in progress, innermost last.
    open: RefCell<Vec<usize>>,
    graph: RefCell<Graph>,
    symbols: RefCell<HashMap<String, String>>,
    log: RefCell<Vec<String>>,
    created: Cell<usize>,
    realized: Cell<usize>,
    /// Bytes of what the trace built and may keep (`Tx::charge`).
    built: Cell<usize>,
}

impl Tx {
    /// A trace that records its events ([`Tx::events`]).
    pub fn new(mode: Mode) -> Tx {
        Tx::with_events(mode, true)
    }

    /// A trace that records its events only if `record_events`; without
    /// them, [`Tx::events`] is empty.
    pub fn with_events(mode: Mode, record_events: bool) -> Tx {
        Tx(Rc::new(TxState {
            mode,
            guards: RefCell::default(),
            record_events,
            events: RefCell::default(),
            open: RefCell::default(),
            graph: RefCell::default(),
            symbols: RefCell::default(),
            log: RefCell::default(),
            created: Cell::new(0),
            realized: Cell::new(0),
            built: Cell::new(0),
        }))
    }

    pub fn mode(&self) -> Mode {
        self.0.mode
    }

    /// Dynamo's `LazyVariableTracker.create` / `VariableBuilder.__call__`:
    /// the tracker for a frame value. A lazy placeholder in a lazy run; built
    /// at once (with all it contains) in an eager run.
    pub fn create(&self, value: &Rc<Value>, source: Source) -> Tracker {
        self.0.created.set(self.0.created.get() + 1);
        match self.0.mode {
            Mode::Lazy => LazyVariableTracker::create(self, Rc::clone(value), source),
            Mode::Eager => Rc::from(self.realize_value(value, source)),
        }
    }

    /// Builds the concrete tracker for a frame value, installing its guards.
    /// Containers get a tracker per item from [`Tx::create`].
    pub fn realize_value(&self, value: &Value, source: Source) -> Box<dyn VariableTracker> {
        self.0.realized.set(self.0.realized.get() + 1);
        self.open_build(&source);
        let built = self.build(value, source);
        self.close_build(built.kind());
        built
    }

    fn build(&self, value: &Value, source: Source) -> Box<dyn VariableTracker> {
        let meta = Meta::new(Some(source.clone()));
        match value {
            Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_) => {
                self.value_guard(GuardKind::ConstantMatch, &source, value);
                Box::new(ConstantTracker::new(value.clone(), meta))
            }
            Value::List(items) | Value::Tuple(items) => {
                let tuple = matches!(value, Value::Tuple(_));
                self.value_guard(GuardKind::TypeMatch, &source, value);
                self.value_guard(GuardKind::LenCheck, &source, value);
                let items = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| self.create(item, source.index(i as i64)))
                    .collect();
                Box::new(SequenceTracker::new(tuple, items, meta))
            }
            Value::Dict(entries) => {
                self.value_guard(GuardKind::TypeMatch, &source, value);
                self.value_guard(GuardKind::DictKeys, &source, value);
                // A key that holds an `$object` is tracked on its own, at
                // `list(L['d'].keys())[i]`, and names its value's source.
                let mut object_keys = Vec::new();
                let entries = entries
                    .iter()
                    .enumerate()
                    .map(|(at, (key, item))| {
                        let item_source = if key.holds_object() {
                            let key_source = source.dict_key(at);
                            let key_text = key_source.to_string();
                            object_keys
                                .push((at, self.key_tracker(&Rc::new(key.clone()), key_source)));
                            source.key(&key_text)
                        } else {
                            source.key(&key.repr())
                        };
                        (key.clone(), self.create(item, item_source))
                    })
                    .collect();
                Box::new(DictTracker::new(entries, object_keys, meta))
            }
            Value::Tensor(tensor) => {
                self.value_guard(GuardKind::TensorMatch, &source, value);
                let node = self.graph_input(&source);
                Box::new(TensorTracker::new(self, tensor.clone(), node, meta))
            }
            Value::Object(object) => {
                self.value_guard(GuardKind::TypeMatch, &source, value);
                let attrs = object
                    .attrs
                    .iter()
                    .map(|(name, item)| (Rc::clone(name), self.create(item, source.attr(name))))
                    .collect();
                Box::new(ObjectTracker::new(
                    Rc::clone(&object.class),
                    attrs,
                    object.id(),
                    meta,
                ))
            }
            Value::Function(_) | Value::Class(_) | Value::Builtin(_) => {
                self.value_guard(GuardKind::IdMatch, &source, value);
                Box::new(FunctionTracker::new(value.clone(), meta))
            }
            // No frame holds a view (JSON has none, and the reader makes
            // none): only a program's `d.keys()` does, as a tracker of its
            // own. Were one read, its items would be a list.
            Value::DictView(view) => {
                let list = Value::List(view.items.clone());
                self.build(&list, source)
            }
        }
    }

    /// The tracker of a dict key that holds an `$object`, at `source`: the
    /// objects are the frame's, tracked (lazily) at their own sources; the
    /// constants beside them in a tuple are known from the dict's
    /// `DICT_KEYS` guard.
    fn key_tracker(&self, key: &Rc<Value>, source: Source) -> Tracker {
        match &**key {
            Value::Tuple(items) => {
                let items = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        if item.holds_object() {
                            self.key_tracker(item, source.index(i as i64))
                        } else {
                            self.constant((**item).clone())
                        }
                    })
                    .collect();
                Rc::new(SequenceTracker::new(true, items, Meta::new(Some(source))))
            }
            _ => self.create(key, source),
        }
    }

    /// A tracker for a value the trace computed: no source, no guard. A
    /// tuple (a dict's key) is a tuple's tracker, holding its items'.
    pub fn constant(&self, value: Value) -> Tracker {
        match value {
            Value::Tuple(items) => {
                let items = items
                    .iter()
                    .map(|item| self.constant((**item).clone()))
                    .collect();
                Rc::new(SequenceTracker::new(true, items, Meta::new(None)))
            }
            value => Rc::new(ConstantTracker::new(value, Meta::new(None))),
        }
    }

    /// A function, class or builtin the trace refers to by name.
    pub fn constant_function(&self, value: Value) -> Tracker {
        Rc::new(FunctionTracker::new(value, Meta::new(None)))
    }

    /// Counts `bytes` the trace built and may keep alive across its lines
    /// (a string, a list's items, a copy of a dict for its view, a log
    /// line, a stored global's copy), and fails once they pass
    /// [`MAX_BUILT`]: each value has its own bound (`MAX_LEN`), but a
    /// program of a few hundred lines, each keeping one more long list or
    /// string in a name, would not. Counted as they are built, not as they
    /// are dropped: a bound on everything a trace builds, which is what it
    /// can hold at once at most.
    pub fn charge(&self, bytes: usize) -> TraceResult<()> {
        let built = self.0.built.get().saturating_add(bytes);
        self.0.built.set(built);
        if built > MAX_BUILT {
            return Err(TraceError::new(format!(
                "the trace built more than {} MiB of strings, lists and log text; this tracer's limit",
                MAX_BUILT >> 20
            )));
        }
        Ok(())
    }

    /// Appends a line to the trace log (`log(...)` in a program).
    pub fn log(&self, line: String) {
        self.0.log.borrow_mut().push(line);
    }

    pub fn log_lines(&self) -> Vec<String> {
        self.0.log.borrow().clone()
    }

    /// Installs the guard of `kind` that a build of `value` at `source`
    /// installs ([`value_guard_detail`]).
    fn value_guard(&self, kind: GuardKind, source: &Source, value: &Value) {
        if let Some(detail) = value_guard_detail(kind, value) {
            self.guard(kind, source, detail);
        }
    }

    /// Installs a guard on `source`; installing it again is a no-op.
    pub fn guard(&self, kind: GuardKind, source: &Source, detail: String) {
        self.guard_text(kind, source.to_string(), detail);
    }

    /// Installs a guard whose subject is not a plain source (a size
    /// expression such as `2*L['x'].size()[0]`).
    pub fn guard_text(&self, kind: GuardKind, source: String, detail: String) {
        let guard = Guard {
            kind,
            source,
            detail,
        };
        // Only an event needs a copy of the guard.
        if !self.0.record_events {
            self.0.guards.borrow_mut().install(guard);
            return;
        }
        if !self.0.guards.borrow_mut().install(guard.clone()) {
            return;
        }
        let open = self.0.open.borrow();
        let mut events = self.0.events.borrow_mut();
        match open.last() {
            Some(&index) => {
                if let Some(Event::Realize { guards, .. }) = events.get_mut(index) {
                    guards.push(guard);
                }
            }
            None => events.push(Event::Guard(guard)),
        }
    }

    /// Marks the start of a build, so that guards installed until
    /// [`Tx::close_build`] are attributed to it.
    pub fn open_build(&self, source: impl fmt::Display) {
        if !self.0.record_events {
            return;
        }
        let mut events = self.0.events.borrow_mut();
        self.0.open.borrow_mut().push(events.len());
        events.push(Event::Realize {
            source: source.to_string(),
            kind: "",
            guards: Vec::new(),
        });
    }

    pub fn close_build(&self, built_kind: &'static str) {
        if self.0.record_events
            && let Some(index) = self.0.open.borrow_mut().pop()
            && let Some(Event::Realize { kind, .. }) = self.0.events.borrow_mut().get_mut(index)
        {
            *kind = built_kind;
        }
    }

    /// Lifts a tensor into the graph as an input; returns its node name.
    pub fn graph_input(&self, source: &Source) -> String {
        let mut graph = self.0.graph.borrow_mut();
        let name = unique_name(&mut graph.names, &source.ident());
        graph.inputs.push(name.clone());
        name
    }

    /// Records `name = op(args)` in the graph; returns the node name.
    pub fn graph_node(&self, op: &str, args: &[String]) -> String {
        let mut graph = self.0.graph.borrow_mut();
        let name = unique_name(&mut graph.names, op);
        graph
            .nodes
            .push(format!("{name} = torch.{op}({})", args.join(", ")));
        name
    }

    /// The symbol (`s0`, `s1`, ...) for a dynamic size, one per source.
    pub fn symbol(&self, size_source: &str) -> String {
        let mut symbols = self.0.symbols.borrow_mut();
        let next = symbols.len();
        symbols
            .entry(size_source.to_string())
            .or_insert_with(|| format!("s{next}"))
            .clone()
    }

    pub fn stats(&self) -> Stats {
        let graph = self.0.graph.borrow();
        Stats {
            created: self.0.created.get(),
            realized: self.0.realized.get(),
            guards: self.0.guards.borrow().len(),
            graph_inputs: graph.inputs.len(),
            graph_nodes: graph.nodes.len(),
        }
    }

    pub fn guards(&self) -> Vec<Guard> {
        self.0.guards.borrow().guards().cloned().collect()
    }

    pub fn guard_count(&self, kind: GuardKind) -> usize {
        self.0.guards.borrow().count(kind)
    }

    pub fn events(&self) -> Vec<Event> {
        self.0.events.borrow().clone()
    }

    pub fn graph(&self) -> Graph {
        self.0.graph.borrow().clone()
    }

    /// Moves out what the trace recorded (the guards, events, log lines and
    /// graph), leaving them empty: cheaper than copying at the end of a run.
    pub fn take_records(&self) -> Records {
        Records {
            guards: std::mem::take(&mut *self.0.guards.borrow_mut()).into_guards(),
            events: std::mem::take(&mut *self.0.events.borrow_mut()),
            log: std::mem::take(&mut *self.0.log.borrow_mut()),
            graph: std::mem::take(&mut *self.0.graph.borrow_mut()),
        }
    }
}

/// What one trace recorded, moved out of its [`Tx`].
#[derive(Debug, Default)]
pub struct Records {
    pub guards: Vec<Guard>,
    pub events: Vec<Event>,
    pub log: Vec<String>,
    pub graph: Graph,
}

fn unique_name(names: &mut Names, base: &str) -> String {
    let suffix = names.next_suffix.entry(base.to_string()).or_insert(0);
    loop {
        let name = if *suffix == 0 {
            base.to_string()
        } else {
            format!("{base}_{suffix}")
        };
        *suffix += 1;
        if names.taken.insert(name.clone()) {
            return name;
        }
    }
}

/// What a guard of `kind` on a frame value checks, as its text says
/// (`== 3`, `len == 2`, `float32[?32, 512]`): the text a build of `value`
/// installs, or `None` where no build of such a value installs that kind.
/// A guard holds of another frame's value when this text is the same for
/// it (the dynamic dims of a `TENSOR_MATCH` print their size hint, which
/// the guard does not check). `TYPE_MATCH` is every value's type, as a type
/// question on a value not built yet guards it too.
pub fn value_guard_detail(kind: GuardKind, value: &Value) -> Option<String> {
    match (kind, value) {
        (GuardKind::TypeMatch, value) => Some(value.type_tag().to_string()),
        (GuardKind::ConstantMatch, Value::None) => Some("is None".to_string()),
        (
            GuardKind::ConstantMatch,
            Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_),
        ) => Some(format!("== {}", value.repr())),
        (GuardKind::LenCheck, Value::List(items) | Value::Tuple(items)) => {
            Some(format!("len == {}", items.len()))
        }
        (GuardKind::DictKeys, Value::Dict(entries)) => Some(dict_keys_detail(entries)),
        (GuardKind::TensorMatch, Value::Tensor(tensor)) => Some(tensor.describe()),
        (GuardKind::IdMatch, Value::Function(_) | Value::Class(_) | Value::Builtin(_)) => {
            Some(value.repr())
        }
        _ => None,
    }
}

/// The keys a dict's `DICT_KEYS` guard checks, all of them, in order. Up
/// to three are written out (`keys == ['a', 'b'] (2 keys)`); past three,
/// the text says how many it leaves out and ends with a hash of them all,
/// so that two guards that check different keys never read the same
/// (`keys == ['a', 'b', 'c', ... and 2 more] (5 keys, hash of all
/// 0x...)`): a guard is known by its text, when it is installed twice and
/// when two frames' guards are compared.
pub fn dict_keys_detail(entries: &[(Value, Rc<Value>)]) -> String {
    const SHOWN: usize = 3;
    let shown: Vec<String> = entries.iter().take(SHOWN).map(|(k, _)| k.repr()).collect();
    let shown = shown.join(", ");
    match entries.len() {
        1 => format!("keys == [{shown}] (1 key)"),
        n if n <= SHOWN => format!("keys == [{shown}] ({n} keys)"),
        n => format!(
            "keys == [{shown}, ... and {} more] ({n} keys, hash of all {:#018x})",
            n - SHOWN,
            crate::value::keys_hash(entries.iter().map(|(k, _)| k))
        ),
    }
}
