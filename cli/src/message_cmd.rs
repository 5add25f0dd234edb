//! `vietref message ...`
use crate::io::CliResult;

/// Arguments of `vietref text`.
#[derive(clap::Args)]
pub struct MessageArgs {}

pub fn run(_a: MessageArgs) -> CliResult {
    Err("not yet".into())
}
