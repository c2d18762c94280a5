// lazy-core's helper traits for generated code are implemented for every
// type, every pointer and every closure. rustc offers a method of a trait
// that is not in scope to a call that names no method of the value; these
// helpers must never be offered (they were: `lend` for `len`, `deref_value`
// for `get_value`, `checked` for `check`).

struct Frame {
    locals: Vec<u32>,
}

struct Value;

fn main() {
    let lazy: lazy_core::Lazy<Vec<u8>> = lazy_core::Lazy::new(|| vec![1]);
    lazy.len();
    let frame = Frame { locals: Vec::new() };
    frame.len();
    frame.end();
    let boxed = Box::new(Value);
    boxed.get_value();
    let build = || 1u8;
    build.check();
    let _ = frame.locals;
}
