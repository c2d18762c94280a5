use lazy_core::RealizeAll;

#[derive(RealizeAll)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
