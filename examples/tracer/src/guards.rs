//! Guards: the checks a compiled frame runs before it may be reused. Every
//! guard is a reason to recompile, so the fewer the better.

use std::collections::hash_map::RandomState;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

/// The kinds of guard the builder installs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GuardKind {
    /// The value's type is unchanged.
    TypeMatch,
    /// The value is unchanged (a specialized constant).
    ConstantMatch,
    /// The tensor's dtype, rank and static sizes are unchanged.
    TensorMatch,
    /// The sequence's length is unchanged.
    LenCheck,
    /// The dict's keys are unchanged.
    DictKeys,
    /// The very same object (functions, classes, builtins).
    IdMatch,
    /// An object has (or has not) an attribute of its own: what
    /// `hasattr(obj, name)` answers, which its class does not tell.
    HasAttr,
    /// A dict has (or has not) a key: the globals have no `float` that
    /// would shadow the builtin a bare name stands for.
    DictContains,
    /// A relation between symbolic sizes holds.
    ShapeEnv,
}

impl GuardKind {
    pub const ALL: [GuardKind; 9] = [
        GuardKind::TypeMatch,
        GuardKind::ConstantMatch,
        GuardKind::TensorMatch,
        GuardKind::LenCheck,
        GuardKind::DictKeys,
        GuardKind::IdMatch,
        GuardKind::HasAttr,
        GuardKind::DictContains,
        GuardKind::ShapeEnv,
    ];

    pub fn name(self) -> &'static str {
        match self {
            GuardKind::TypeMatch => "TYPE_MATCH",
            GuardKind::ConstantMatch => "CONSTANT_MATCH",
            GuardKind::TensorMatch => "TENSOR_MATCH",
            GuardKind::LenCheck => "LEN_CHECK",
            GuardKind::DictKeys => "DICT_KEYS",
            GuardKind::IdMatch => "ID_MATCH",
            GuardKind::HasAttr => "HASATTR",
            GuardKind::DictContains => "DICT_CONTAINS",
            GuardKind::ShapeEnv => "SHAPE_ENV",
        }
    }
}

impl fmt::Display for GuardKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// One installed guard: what it checks, on which source.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Guard {
    pub kind: GuardKind,
    /// The guarded source, as printed (`L['x']`).
    pub source: String,
    /// What is checked (`== 3`, `float32[?32, 512]`, ...).
    pub detail: String,
}

impl fmt::Display for Guard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:<14} {} {}", self.kind, self.source, self.detail)
    }
}

/// What a `HASATTR` or a `DICT_CONTAINS` guard checks: that an object has
/// (or has not) the attribute `name`, or a dict the key `name`
/// (`has 'bias'`, `has no 'float'`).
pub fn has_detail(name: &str, has: bool) -> String {
    let name = crate::value::Value::str(name).repr();
    if has {
        format!("has {name}")
    } else {
        format!("has no {name}")
    }
}

/// The guards of one trace, in the order installed; installing the same
/// guard twice keeps one.
///
/// A `CONSTANT_MATCH` checks the type as well as the value (as Dynamo's
/// `EQUALS_MATCH` does), so it replaces a `TYPE_MATCH` on the same source,
/// and a `TYPE_MATCH` after it adds nothing.
#[derive(Debug, Default)]
pub struct GuardLog {
    /// A replaced `TYPE_MATCH` leaves a `None` in its place: removing it
    /// would shift every guard after it, and `hash()` of a tuple of N ints
    /// replaces N of them one by one, which would be quadratic. There are
    /// never more holes than `CONSTANT_MATCH` guards, so the vector is never
    /// more than twice the guards it holds.
    guards: Vec<Option<Guard>>,
    /// The guards in `guards` that are not holes.
    live: usize,
    /// Where each installed guard is in `guards`, by its hash (`hasher`):
    /// a set of the guards themselves would keep a second copy of each
    /// one's text, the larger part of the log's memory at 10^6 guards. The
    /// entry it points to is compared in full. A replaced `TYPE_MATCH`
    /// keeps its entry, pointing at its hole: the same guard again is
    /// turned away by `type_guards`.
    seen: HashMap<u64, usize, BuildHasherDefault<PassThrough>>,
    /// The guards whose hash is already in `seen` for another guard (a
    /// 64-bit collision, so in practice none), in full.
    collided: HashSet<Guard>,
    hasher: RandomState,
    /// The type guards of each source with a `TYPE_MATCH` or a
    /// `CONSTANT_MATCH`: one map (one copy of the source, one lookup per
    /// guard) rather than a set of the constant sources beside a map of
    /// positions, which at 10^6 replaced guards kept each source twice.
    type_guards: HashMap<String, TypeGuards>,
}

/// What the log knows of the type guards of one source.
#[derive(Debug)]
enum TypeGuards {
    /// Where its `TYPE_MATCH` guards are in `GuardLog::guards`, so that
    /// replacing them does not search the log.
    At(Vec<usize>),
    /// It has a `CONSTANT_MATCH`, which replaced them and turns away any
    /// later one.
    Constant,
}

impl GuardLog {
    /// Installs `guard`; returns `false` if it adds nothing to the guards
    /// already installed.
    pub fn install(&mut self, guard: Guard) -> bool {
        let hash = self.hasher.hash_one(&guard);
        let slot = self.seen.get(&hash).copied();
        let installed = slot.is_some_and(|at| {
            self.guards[at].as_ref() == Some(&guard) || self.collided.contains(&guard)
        });
        if installed {
            return false;
        }
        // `get_mut` before `insert`: `entry` would copy the source each time.
        let at = self.guards.len();
        match guard.kind {
            GuardKind::TypeMatch => match self.type_guards.get_mut(&guard.source) {
                Some(TypeGuards::Constant) => return false,
                Some(TypeGuards::At(positions)) => positions.push(at),
                None => {
                    let positions = TypeGuards::At(vec![at]);
                    self.type_guards.insert(guard.source.clone(), positions);
                }
            },
            GuardKind::ConstantMatch => match self.type_guards.get_mut(&guard.source) {
                Some(types) => {
                    if let TypeGuards::At(positions) =
                        std::mem::replace(types, TypeGuards::Constant)
                    {
                        for position in positions {
                            self.guards[position] = None;
                            self.live -= 1;
                        }
                    }
                }
                None => {
                    self.type_guards
                        .insert(guard.source.clone(), TypeGuards::Constant);
                }
            },
            _ => {}
        }
        match slot {
            Some(_) => {
                self.collided.insert(guard.clone());
            }
            None => {
                self.seen.insert(hash, self.guards.len());
            }
        }
        self.guards.push(Some(guard));
        self.live += 1;
        true
    }

    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// The installed guards, in order.
    pub fn guards(&self) -> impl Iterator<Item = &Guard> {
        self.guards.iter().flatten()
    }

    /// The installed guards, in order, without copying them.
    pub fn into_guards(self) -> Vec<Guard> {
        // `filter_map` collects in place, into this vector's memory;
        // `flatten` would allocate a new one and move every guard into it.
        #[allow(clippy::filter_map_identity)] // for the reason above
        self.guards.into_iter().filter_map(|guard| guard).collect()
    }

    /// How many guards of `kind` are installed.
    pub fn count(&self, kind: GuardKind) -> usize {
        self.guards().filter(|g| g.kind == kind).count()
    }
}

/// The hasher of `GuardLog::seen`, whose keys are hashes already: it passes
/// them through instead of hashing them a second time.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is called; this keeps any other key correct.
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }
}
