// Other separators than `,` in `#[realize_forward(...)]`, a comma too many,
// bounds after a trait and mistakes in `except(...)`: one error each, at
// the token, and the entries read before it are kept, so that the calls of
// their methods in `main` add no "no method named .. found" (the whole list
// was dropped before, one E0599 a call). The names in `except(...)` before
// a mistake are kept too: `put` of a shared lazy (`Rc<Lazy<..>>`), which
// cannot be forwarded, adds no error where it is listed. `except()` (from a
// macro's empty repetition) is no mistake.

use std::rc::Rc;

use lazy_core::{Lazy, RealizeForward, forwardable};

#[forwardable]
pub trait Tracker {
    fn python_type(&self) -> &'static str;
}

#[forwardable]
pub trait Store {
    fn put(&mut self, value: u8);
}

pub struct Real;

impl Tracker for Real {
    fn python_type(&self) -> &'static str {
        "int"
    }
}

impl Store for Real {
    fn put(&mut self, _: u8) {}
}

#[derive(RealizeForward)]
#[realize_forward(Tracker; Store)]
pub struct Semicolon(#[realize] Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker | Store)]
pub struct Bar(#[realize] Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker,, Store)]
pub struct TwoCommas(#[realize] Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(, Tracker, Store)]
pub struct LeadingComma(#[realize] Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker + Send, Store)]
pub struct Bounds(#[realize] Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker + Store)]
pub struct Plus(#[realize] Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker + 'static + ?Sized, Store)]
pub struct LifetimeBound(#[realize] Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker && Store)]
pub struct Doubled(#[realize] Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker, Store + Send except(put))]
pub struct BoundsThenExcept(#[realize] Rc<Lazy<Real>>);

#[derive(RealizeForward)]
#[realize_forward(Tracker, Store, except(put, 1))]
pub struct ExceptThenMistake(#[realize] Rc<Lazy<Real>>);

#[derive(RealizeForward)]
#[realize_forward(Store, except(put; python_type), Tracker)]
pub struct ExceptSemicolonKept(#[realize] Rc<Lazy<Real>>);

#[derive(RealizeForward)]
#[realize_forward(Tracker, Store, &Other)]
pub struct NoPath(#[realize] Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker, Store, except())]
pub struct EmptyExcept(#[realize] Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker, Store, except(fn python_type))]
pub struct ExceptFn(#[realize] Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker, Store, except(python_type()))]
pub struct ExceptCall(#[realize] Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker, Store, except(python_type;))]
pub struct ExceptSemicolon(#[realize] Lazy<Real>);

#[derive(RealizeForward)]
#[realize_forward(Tracker, Store, except(*))]
pub struct ExceptStar(#[realize] Lazy<Real>);

impl BoundsThenExcept {
    pub fn put(&mut self, _: u8) {}
}

impl ExceptThenMistake {
    pub fn put(&mut self, _: u8) {}
}

impl ExceptSemicolonKept {
    pub fn put(&mut self, _: u8) {}
    pub fn python_type(&self) -> &'static str {
        "kept"
    }
}

impl ExceptSemicolon {
    pub fn python_type(&self) -> &'static str {
        "semicolon"
    }
}

impl ExceptFn {
    pub fn python_type(&self) -> &'static str {
        "fn"
    }
}

impl ExceptCall {
    pub fn python_type(&self) -> &'static str {
        "call"
    }
}

fn main() {
    let mut semicolon = Semicolon(Lazy::new(|| Real));
    semicolon.python_type();
    semicolon.put(1);
    let mut bar = Bar(Lazy::new(|| Real));
    bar.python_type();
    bar.put(1);
    let mut two = TwoCommas(Lazy::new(|| Real));
    two.python_type();
    two.put(1);
    let mut leading = LeadingComma(Lazy::new(|| Real));
    leading.python_type();
    leading.put(1);
    let mut bounds = Bounds(Lazy::new(|| Real));
    bounds.python_type();
    bounds.put(1);
    let mut no_path = NoPath(Lazy::new(|| Real));
    no_path.python_type();
    no_path.put(1);
    let mut plus = Plus(Lazy::new(|| Real));
    plus.python_type();
    plus.put(1);
    let mut lifetime = LifetimeBound(Lazy::new(|| Real));
    lifetime.python_type();
    lifetime.put(1);
    let mut doubled = Doubled(Lazy::new(|| Real));
    doubled.python_type();
    doubled.put(1);
    let mut empty = EmptyExcept(Lazy::new(|| Real));
    empty.python_type();
    empty.put(1);
    let mut except_fn = ExceptFn(Lazy::new(|| Real));
    except_fn.python_type();
    except_fn.put(1);
    let mut call = ExceptCall(Lazy::new(|| Real));
    call.python_type();
    call.put(1);
    let mut semi = ExceptSemicolon(Lazy::new(|| Real));
    semi.python_type();
    semi.put(1);
    let mut star = ExceptStar(Lazy::new(|| Real));
    star.python_type();
    star.put(1);
}
