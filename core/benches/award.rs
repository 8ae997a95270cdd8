//! Criterion benchmarks of aduan-core: award (written with its module).
fn main() {}
