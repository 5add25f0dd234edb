//! Shared input/output helpers for the commands.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};

/// An error a command reports on stderr with exit status 2.
pub type CliResult = Result<std::process::ExitCode, String>;

/// Opens FILE, or stdin for `None` or `-`.
pub fn open_input(path: Option<&str>) -> Result<Box<dyn BufRead>, String> {
    match path {
        None | Some("-") => Ok(Box::new(BufReader::new(io::stdin()))),
        Some(p) => File::open(p)
            .map(|f| Box::new(BufReader::new(f)) as Box<dyn BufRead>)
            .map_err(|e| format!("cannot open {p}: {e}")),
    }
}

/// Reads all of FILE (or stdin) as bytes.
pub fn read_all(path: Option<&str>) -> Result<Vec<u8>, String> {
    let mut r = open_input(path)?;
    let mut v = Vec::new();
    r.read_to_end(&mut v)
        .map_err(|e| format!("cannot read input: {e}"))?;
    Ok(v)
}
