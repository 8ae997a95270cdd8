//! Build orchestration for Aduan: `cargo xtask <task>`.

fn main() -> anyhow::Result<()> {
    let task = std::env::args().nth(1);
    match task.as_deref() {
        _ => anyhow::bail!("usage: cargo xtask <task>; no tasks defined yet"),
    }
}
