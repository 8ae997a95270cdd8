//! Criterion benchmarks of aduan-core (filled as modules land).
fn main() {}
