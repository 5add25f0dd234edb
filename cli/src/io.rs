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

/// Writes one line to stdout. When the reader has gone (`vietref … | head`), the process
/// ends quietly with success, as Unix filters do, instead of panicking the way `println!`
/// does on a closed pipe; any other write error ends it with status 2 and says why.
pub fn write_line(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut out = io::stdout().lock();
    let written = out.write_fmt(args).and_then(|()| out.write_all(b"\n"));
    if let Err(e) = written {
        if e.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("vietref: cannot write the output: {e}");
        std::process::exit(2);
    }
}

/// `println!` for command output: see [`write_line`].
macro_rules! outln {
    () => {
        $crate::io::write_line(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::io::write_line(format_args!($($arg)*))
    };
}
pub(crate) use outln;

/// The error of a write to stdout, as a command reports it; a closed pipe ends the process
/// quietly with success (see [`write_line`]).
pub fn output_error(e: io::Error) -> String {
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    format!("cannot write the output: {e}")
}
