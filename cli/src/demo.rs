//! `vietref demo`: the main job on bundled examples.
use crate::io::CliResult;

pub fn run() -> CliResult {
    Err("not yet".into())
}
