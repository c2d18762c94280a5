// `#[derive(FromRealized)]` on a struct without fields: the error says the
// target needs a field to live in.
#[derive(lazy_core::FromRealized)]
pub struct Empty;

fn main() {}
