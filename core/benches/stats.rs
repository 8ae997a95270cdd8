//! Criterion benchmarks of aduan-core: stats (written with its module).
fn main() {}
