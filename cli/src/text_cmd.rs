//! `vietref text ...`
use crate::io::CliResult;

/// Arguments of `vietref text`.
#[derive(clap::Args)]
pub struct TextArgs {}

pub fn run(_a: TextArgs) -> CliResult {
    Err("not yet".into())
}
