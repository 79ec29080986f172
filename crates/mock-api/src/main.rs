//! Not built yet: see issue 4.
fn main() {}
