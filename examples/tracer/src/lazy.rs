//! The lazy trackers: Dynamo's `LazyVariableTracker`, `LazyConstantVariable`
//! and `LazySymNodeFormatString`, on `lazy_core::Lazy`.
//!
//! A lazy tracker is a placeholder for a frame value. It holds the raw value
//! and its source (the seed) until a question needs the real tracker; then
//! the builder builds it once, installing its guards, and the seed is
//! dropped. Every method of `VariableTracker` is forwarded to the built
//! tracker, except the few the placeholder answers itself (`except(...)`)
//! and its `TrackerMeta` (the source, the name hint), which never builds.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use lazy_core::{Lazy, Realize, RealizeAll, Seed, SeedRef};

use crate::builder::Tx;
use crate::guards::GuardKind;
use crate::source::Source;
use crate::tracker::{TraceError, TraceResult, Tracker, TrackerMeta, VariableTracker};
use crate::trackers::{ConstantTracker, Meta};
use crate::value::{TypeTag, Value};

/// What a lazy tracker builds from: Dynamo's `LazyCache` minus the built
/// tracker. Owned by the `Lazy`, so it is dropped the moment the tracker is
/// built.
pub struct TrackerSeed {
    tx: Tx,
    origin: Origin,
    /// A name hint that arrived before the build (Dynamo's buffered
    /// `name_hint`). It lives in the seed rather than in a deferred mutation
    /// (`Lazy::try_defer`) because it must stay readable before the build
    /// (`name_hint()`), and a queued closure cannot be read back.
    name_hint: RefCell<Option<String>>,
}

/// The raw input of a lazy tracker.
pub enum Origin {
    /// A value of the frame and where it came from.
    Value { value: Rc<Value>, source: Source },
    /// An f-string of symbolic sizes, rendered only when used.
    Format(LazySymNodeFormatString),
}

impl TrackerSeed {
    fn new(tx: &Tx, origin: Origin) -> TrackerSeed {
        TrackerSeed {
            tx: tx.clone(),
            origin,
            name_hint: RefCell::new(None),
        }
    }
}

impl Seed for TrackerSeed {
    type Output = Box<dyn VariableTracker>;

    fn build(self) -> Box<dyn VariableTracker> {
        let built = match self.origin {
            Origin::Value { value, source } => self.tx.realize_value(&value, source),
            Origin::Format(format) => format.render_tracker(&self.tx),
        };
        if let Some(name) = self.name_hint.into_inner() {
            built.set_name_hint(&name);
        }
        built
    }
}

/// The cache that clones of a lazy tracker share: realizing one realizes all
/// (Dynamo's shared `_cache`). Realizes to the built tracker as a trait
/// object, so the forwarders call `<dyn VariableTracker>::method`. (An enum
/// of the seven tracker kinds, held inline, makes every unbuilt lazy 40 bytes
/// larger and the tracer's lazy run slower; the README has the numbers.)
/// `realize_all` builds the tracker and walks it; a cache shared by clones
/// is walked once.
#[derive(Clone, RealizeAll)]
pub struct TrackerCache(Rc<Lazy<Box<dyn VariableTracker>, TrackerSeed>>);

impl TrackerCache {
    fn new(seed: TrackerSeed) -> TrackerCache {
        TrackerCache(Rc::new(Lazy::new(seed)))
    }

    fn seed(&self) -> Option<SeedRef<'_, Box<dyn VariableTracker>, TrackerSeed>> {
        Lazy::peek(&self.0)
    }

    fn get(&self) -> Option<&dyn VariableTracker> {
        Lazy::get(&self.0).map(|built| &**built)
    }
}

impl Realize for TrackerCache {
    type Target = dyn VariableTracker;

    fn realize(&self) -> &(dyn VariableTracker + 'static) {
        &**self.0.realize()
    }
}

/// Dynamo's `LazyVariableTracker`: a placeholder for a frame value that
/// builds its real tracker on first real use.
///
/// Every `VariableTracker` method is forwarded by the derive (Dynamo's
/// `_populate()`): it realizes `cache`, then calls the method on the built
/// tracker. The methods in `except(...)` are the wrapper's own (below).
#[derive(Clone, RealizeAll, lazy_core::RealizeForward)]
#[realize_forward(
    VariableTracker,
    except(clone_with_source, is_realized, debug_repr, is_python_hashable)
)]
pub struct LazyVariableTracker {
    #[realize]
    cache: TrackerCache,
    #[realize_all(skip)]
    source: Option<Source>,
}

impl LazyVariableTracker {
    /// Dynamo's `LazyVariableTracker.create(value, source)`: a lazy constant
    /// for `bool`/`int`/`float`/`str`, a lazy tracker for anything else.
    pub fn create(tx: &Tx, value: Rc<Value>, source: Source) -> Tracker {
        let constant = value.is_constant_scalar();
        let origin = Origin::Value {
            value,
            source: source.clone(),
        };
        let lazy = LazyVariableTracker {
            cache: TrackerCache::new(TrackerSeed::new(tx, origin)),
            source: Some(source),
        };
        if constant {
            Rc::new(LazyConstantVariable { inner: lazy })
        } else {
            Rc::new(lazy)
        }
    }

    /// A sourceless lazy tracker for an f-string of symbolic sizes.
    pub fn create_format(tx: &Tx, format: LazySymNodeFormatString) -> Tracker {
        Rc::new(LazyVariableTracker {
            cache: TrackerCache::new(TrackerSeed::new(tx, Origin::Format(format))),
            source: None,
        })
    }

    /// Dynamo's `realize()`: the built tracker, building it if needed.
    pub fn realize_tracker(&self) -> &dyn VariableTracker {
        self.cache.realize()
    }

    /// Whether the real tracker is built. Builds nothing.
    pub fn is_realized(&self) -> bool {
        self.cache.get().is_some()
    }

    /// Dynamo's `unwrap()`: the built tracker if there is one. Builds nothing.
    pub fn unwrap(&self) -> Option<&dyn VariableTracker> {
        self.cache.get()
    }

    /// The type of the raw value, while unbuilt. Builds nothing.
    pub fn peek_type(&self) -> Option<TypeTag> {
        let seed = self.cache.seed()?;
        Some(match &seed.origin {
            Origin::Value { value, .. } => value.type_tag(),
            Origin::Format(_) => TypeTag::Str,
        })
    }

    /// Dynamo's `peek_value()` / `original_value()`: the raw value, while
    /// unbuilt. Builds nothing.
    pub fn peek_value(&self) -> Option<Rc<Value>> {
        match &self.cache.seed()?.origin {
            Origin::Value { value, .. } => Some(Rc::clone(value)),
            Origin::Format(_) => None,
        }
    }

    /// Dynamo's `original_source()`: the source the seed was created with,
    /// while unbuilt. Builds nothing.
    pub fn original_source(&self) -> Option<Source> {
        match &self.cache.seed()?.origin {
            Origin::Value { source, .. } => Some(source.clone()),
            Origin::Format(_) => None,
        }
    }

    /// Whether `other` is a clone that shares this tracker's cache.
    pub fn shares_cache_with(&self, other: &LazyVariableTracker) -> bool {
        Rc::ptr_eq(&self.cache.0, &other.cache.0)
    }

    /// Dynamo's `__getattr__` fallback, made explicit: realize, then reach a
    /// member only the concrete tracker `T` has.
    pub fn realized_as<T: 'static>(&self) -> Option<&T> {
        self.realize_tracker().as_any().downcast_ref::<T>()
    }

    // --- the methods the placeholder answers itself (`except(...)`) ---------

    /// Dynamo's `clone()`: with the same source, a placeholder that shares
    /// this one's cache; with another source, the built tracker's clone
    /// (building it first).
    pub fn clone_with_source(&self, source: Option<Source>) -> Tracker {
        if source == self.source {
            Rc::new(self.clone())
        } else {
            self.realize_tracker().clone_with_source(source)
        }
    }

    /// Dynamo's `is_hashable` on a lazy: builtins, classes, functions and
    /// tuples of them are answered from the raw value without building.
    pub fn is_python_hashable(&self) -> bool {
        if self
            .peek_value()
            .is_some_and(|value| value.is_hashable_without_building())
        {
            return true;
        }
        self.realize_tracker().is_python_hashable()
    }

    /// `LazyVariableTracker(unrealized: <type>)` or `(realized: <repr>)`.
    /// Builds nothing.
    pub fn debug_repr(&self) -> String {
        self.to_string()
    }
}

/// The placeholder's metadata, answered without building: its own source,
/// and the name hint buffered in the seed until the build.
impl TrackerMeta for LazyVariableTracker {
    /// The wrapper's own source.
    fn source(&self) -> Option<Source> {
        self.source.clone()
    }

    /// The buffered name hint while unbuilt, then the built tracker's.
    fn name_hint(&self) -> Option<String> {
        if let Some(seed) = self.cache.seed() {
            return seed.name_hint.borrow().clone();
        }
        self.unwrap().and_then(|built| built.name_hint())
    }

    /// Buffers the name hint until the build (#151184: realizing here on
    /// every `STORE_FAST` cost Dynamo dearly).
    fn set_name_hint(&self, name: &str) {
        if let Some(seed) = self.cache.seed() {
            *seed.name_hint.borrow_mut() = Some(name.to_string());
            return;
        }
        if let Some(built) = self.unwrap() {
            built.set_name_hint(name);
        }
    }
}

impl fmt::Display for LazyVariableTracker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.unwrap(), self.peek_type()) {
            (Some(built), _) => write!(f, "LazyVariableTracker(realized: {})", built.debug_repr()),
            (None, Some(ty)) => write!(f, "LazyVariableTracker(unrealized: {ty})"),
            (None, None) => f.write_str("LazyVariableTracker(building)"),
        }
    }
}

impl fmt::Debug for LazyVariableTracker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Dynamo's `LazyConstantVariable`: a lazy tracker for a `bool`, `int`,
/// `float` or `str` that answers type questions from the raw value,
/// installing only a `TYPE_MATCH` guard, and installs the full
/// `CONSTANT_MATCH` only when the value is really used. A constant that only
/// passes through is never guarded on its value.
///
/// Both traits are forwarded to the [`LazyVariableTracker`] it wraps, as it
/// is (`#[realize(plain)]`: the wrapped lazy is the target, nothing is
/// built): that lazy answers `is_realized`, the source and the name hint
/// itself, and builds for everything else. This wrapper answers the type
/// questions, its own `clone_with_source` and `debug_repr` (`except(...)`).
#[derive(Clone, RealizeAll, lazy_core::RealizeForward)]
#[realize_forward(TrackerMeta)]
#[realize_forward(
    VariableTracker,
    except(
        clone_with_source,
        debug_repr,
        python_type,
        python_type_name,
        isinstance,
        is_tensor,
        is_symnode,
        is_constant_none,
        is_python_constant,
        is_python_hashable,
    )
)]
pub struct LazyConstantVariable {
    #[realize(plain)]
    inner: LazyVariableTracker,
}

impl LazyConstantVariable {
    /// The lazy tracker this one wraps.
    pub fn lazy(&self) -> &LazyVariableTracker {
        &self.inner
    }

    /// The raw value's type, guarded with `TYPE_MATCH`, while unbuilt.
    fn type_query(&self) -> Option<TypeTag> {
        let seed = self.inner.cache.seed()?;
        let Origin::Value { value, source } = &seed.origin else {
            return None;
        };
        let ty = value.type_tag();
        seed.tx.guard(GuardKind::TypeMatch, source, ty.to_string());
        Some(ty)
    }

    /// Answers a type question from the raw value's type while unbuilt
    /// (`from_type`, with a `TYPE_MATCH` guard only), else from the built
    /// tracker (`built`).
    fn by_type<R>(
        &self,
        from_type: impl FnOnce(TypeTag) -> R,
        built: impl FnOnce(&dyn VariableTracker) -> R,
    ) -> R {
        match self.type_query() {
            Some(ty) => from_type(ty),
            None => built(self.inner.realize_tracker()),
        }
    }

    // --- answered from the raw value's type --------------------------------

    pub fn python_type(&self) -> TypeTag {
        self.by_type(|ty| ty, |built| built.python_type())
    }

    pub fn python_type_name(&self) -> String {
        self.python_type().name().to_string()
    }

    pub fn isinstance(&self, ty: &TypeTag) -> bool {
        self.by_type(|own| own.is_subtype_of(ty), |built| built.isinstance(ty))
    }

    pub fn is_tensor(&self) -> bool {
        self.by_type(|_| false, |built| built.is_tensor())
    }

    pub fn is_symnode(&self) -> bool {
        self.by_type(|_| false, |built| built.is_symnode())
    }

    pub fn is_constant_none(&self) -> bool {
        self.by_type(
            |ty| ty == TypeTag::NoneType,
            |built| built.is_constant_none(),
        )
    }

    pub fn is_python_constant(&self) -> bool {
        self.by_type(|_| true, |built| built.is_python_constant())
    }

    pub fn is_python_hashable(&self) -> bool {
        self.by_type(|_| true, |built| built.is_python_hashable())
    }

    // --- the wrapper's own --------------------------------------------------

    /// As for any lazy, but the clone that shares the cache is a lazy
    /// constant too.
    pub fn clone_with_source(&self, source: Option<Source>) -> Tracker {
        if source == self.inner.source {
            Rc::new(self.clone())
        } else {
            self.inner.realize_tracker().clone_with_source(source)
        }
    }

    pub fn debug_repr(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for LazyConstantVariable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.inner.unwrap(), self.inner.peek_type()) {
            (Some(built), _) => write!(f, "LazyConstantVariable(realized: {})", built.debug_repr()),
            (None, Some(ty)) => write!(f, "LazyConstantVariable(unrealized: {ty})"),
            (None, None) => f.write_str("LazyConstantVariable(building)"),
        }
    }
}

impl fmt::Debug for LazyConstantVariable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// One piece of an f-string.
pub enum FormatPart {
    Text(String),
    /// `{n:spec}` where `n` is a symbolic size.
    Sym {
        sym: Tracker,
        spec: String,
    },
}

/// Dynamo's `LazySymNodeFormatString`: an f-string of symbolic sizes with
/// format specs (`f"{n:>8}"`). Formatting a size needs its concrete value,
/// which installs a guard on it; kept in a sourceless lazy tracker, the
/// string is formatted only if it is really used, so a string that is only
/// logged or dropped guards nothing.
pub struct LazySymNodeFormatString {
    parts: Vec<FormatPart>,
}

impl LazySymNodeFormatString {
    /// Checks every part now, so that formatting later cannot fail: each
    /// placeholder is a symbolic size with a spec valid for an `int`.
    pub fn new(parts: Vec<FormatPart>) -> TraceResult<LazySymNodeFormatString> {
        for part in &parts {
            if let FormatPart::Sym { sym, spec } = part {
                if !sym.is_symnode() {
                    return Err(TraceError::new(
                        "a lazy f-string formats symbolic sizes only",
                    ));
                }
                crate::format::Spec::parse(spec, "int")?.check("int")?;
            }
        }
        Ok(LazySymNodeFormatString { parts })
    }

    /// The f-string as written, with symbols: `f"{s0:>8}"`.
    pub fn describe(&self) -> String {
        let mut text = String::from("f\"");
        for part in &self.parts {
            match part {
                FormatPart::Text(t) => text.push_str(t),
                FormatPart::Sym { sym, spec } if spec.is_empty() => {
                    text.push_str(&format!("{{{}}}", sym.as_proxy().unwrap_or_default()));
                }
                FormatPart::Sym { sym, spec } => {
                    text.push_str(&format!(
                        "{{{}:{spec}}}",
                        sym.as_proxy().unwrap_or_default()
                    ));
                }
            }
        }
        text.push('"');
        text
    }

    /// Formats the string: the sizes are used, so they get guarded.
    fn render_tracker(self, tx: &Tx) -> Box<dyn VariableTracker> {
        tx.open_build(self.describe());
        let mut text = String::new();
        for part in &self.parts {
            match part {
                FormatPart::Text(t) => text.push_str(t),
                // Checked in `new`: a size always formats.
                FormatPart::Sym { sym, spec } => match sym.format_value(spec) {
                    Ok(formatted) => text.push_str(&formatted),
                    Err(error) => text.push_str(&error.0),
                },
            }
        }
        let built = ConstantTracker::new(Value::str(&text), Meta::new(None));
        tx.close_build("ConstantVariable");
        Box::new(built)
    }
}

/// Reaches a member only the concrete tracker `T` has, through any lazy
/// wrapper: realizes the lazy first (Dynamo's `__getattr__` fallback), then
/// downcasts through `Any`. `None` if the tracker is not a `T`.
pub fn realized_as<T: 'static>(tracker: &dyn VariableTracker) -> Option<&T> {
    let any = tracker.as_any();
    if let Some(concrete) = any.downcast_ref::<T>() {
        return Some(concrete);
    }
    if let Some(lazy) = any.downcast_ref::<LazyVariableTracker>() {
        return realized_as::<T>(lazy.realize_tracker());
    }
    if let Some(lazy) = any.downcast_ref::<LazyConstantVariable>() {
        return realized_as::<T>(lazy.inner.realize_tracker());
    }
    None
}

/// The lazy wrapper behind a tracker, if it is one.
pub fn as_lazy(tracker: &dyn VariableTracker) -> Option<&LazyVariableTracker> {
    let any = tracker.as_any();
    any.downcast_ref::<LazyVariableTracker>()
        .or_else(|| any.downcast_ref::<LazyConstantVariable>().map(|c| &c.inner))
}

/// The type of `tracker`, guarded by a `TYPE_MATCH` alone on a frame value
/// not built yet: all that an answer depending on the type alone needs
/// (`obj == [1, [2]]` is False whatever the list holds), where building a
/// list would check its length too and a constant its value. A tensor is
/// built, as its `TENSOR_MATCH` checks its type.
pub fn type_only(tracker: &dyn VariableTracker) -> TypeTag {
    if let Some(lazy) = tracker.as_any().downcast_ref::<LazyVariableTracker>()
        && let Some(seed) = lazy.cache.seed()
        && let Origin::Value { value, source } = &seed.origin
        && !matches!(**value, Value::Tensor(_))
    {
        let ty = value.type_tag();
        seed.tx.guard(GuardKind::TypeMatch, source, ty.to_string());
        return ty;
    }
    // A lazy constant answers with a `TYPE_MATCH` too.
    tracker.python_type()
}

/// Whether `tracker` is a symbolic size, without building a frame value
/// (none is one: sizes come from a tensor's shape).
pub fn is_symnode_unbuilt(tracker: &dyn VariableTracker) -> bool {
    match tracker.as_any().downcast_ref::<LazyVariableTracker>() {
        Some(lazy) if !lazy.is_realized() => false,
        _ => tracker.is_symnode(),
    }
}
