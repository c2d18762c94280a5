//! Uses syn with `full` at build time, so that cargo builds the one syn of
//! the host, lazy-derive's too, with `full` (see Cargo.toml).

fn main() {
    assert!(syn::parse_str::<syn::Item>("fn f() { let x = 1; }").is_ok());
}
