//! Options shared by several commands, defined once so that every command spells, names
//! and explains them the same way (`--scheme PREFIX:LENGTH`, `--json`).

use vietref::reference::Scheme;

/// The placeholder of `--scheme` in every command's help.
pub const SCHEME_VALUE: &str = "PREFIX:LENGTH";

/// The one-line help of `--scheme`, the same in every command.
const SCHEME_HELP: &str = "The institution's payment-code scheme, PREFIX:LENGTH: a prefix of 2-5 \
     letters and the length of the body after it, 6-12 (e.g. HP:8); repeatable";

fn parse_scheme(s: &str) -> Result<Scheme, String> {
    s.parse()
        .map_err(|e: vietref::reference::RefError| e.to_string())
}

/// `--scheme PREFIX:LENGTH`, repeatable and optional.
#[derive(clap::Args, Clone, Default)]
pub struct Schemes {
    #[arg(long = "scheme", value_name = SCHEME_VALUE, value_parser = parse_scheme, help = SCHEME_HELP)]
    pub schemes: Vec<Scheme>,
}

/// `--scheme PREFIX:LENGTH`, repeatable, at least one.
#[derive(clap::Args, Clone)]
pub struct RequiredSchemes {
    #[arg(long = "scheme", value_name = SCHEME_VALUE, value_parser = parse_scheme, help = SCHEME_HELP, required = true)]
    pub schemes: Vec<Scheme>,
}

/// The help of `--json` on a command whose output is JSON in any case.
pub const JSON_ALWAYS: &str =
    "Write JSON (this command's output is always JSON lines; the flag is accepted everywhere for scripts)";

/// `--json` on a command whose output is always JSON: accepted so that every command that
/// prints JSON takes the same flag.
#[derive(clap::Args, Clone, Copy, Default)]
pub struct JsonAlways {
    #[arg(long, help = JSON_ALWAYS)]
    pub json: bool,
}
