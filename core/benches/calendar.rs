//! Criterion benchmarks of aduan-core: calendar (written with its module).
fn main() {}
