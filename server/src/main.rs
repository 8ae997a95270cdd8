//! The `aduan` binary (being written).

fn main() {}
