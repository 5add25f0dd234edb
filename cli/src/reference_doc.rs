//! `docs/reference/cli.md` is generated from the clap definitions of every command, so the
//! reference cannot drift from the program: this test fails when it is stale, and
//! `VIETREF_BLESS=1 cargo test -p vietref-cli reference_doc` rewrites it.

use crate::Cli;
use clap::CommandFactory;

const BEGIN: &str = "<!-- generated:begin -->";
const END: &str = "<!-- generated:end -->";

fn section(cmd: &mut clap::Command, path: &str, out: &mut String) {
    let level = "#".repeat((path.split(' ').count() + 1).min(4));
    let help = cmd.render_long_help().to_string();
    out.push_str(&format!(
        "{level} `{path}`\n\n```text\n{}\n```\n\n",
        help.trim_end()
    ));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .filter(|n| n != "help")
        .collect();
    for n in names {
        let sub = cmd.find_subcommand_mut(&n).expect("listed");
        section(sub, &format!("{path} {n}"), out);
    }
}

fn page() -> String {
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = String::from("\n");
    section(&mut cmd, "vietref", &mut out);
    out
}

#[test]
fn cli_reference_is_fresh() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/reference/cli.md");
    let text = std::fs::read_to_string(path).expect("docs/reference/cli.md");
    let (Some(b), Some(e)) = (text.find(BEGIN), text.find(END)) else {
        panic!("docs/reference/cli.md lacks the {BEGIN} … {END} markers");
    };
    let want = page();
    assert!(
        want.contains("## `vietref reconcile`"),
        "the walk missed commands"
    );
    if text[b + BEGIN.len()..e] != want {
        if std::env::var_os("VIETREF_BLESS").is_some() {
            let new = format!("{}{BEGIN}{want}{}", &text[..b], &text[e..]);
            std::fs::write(path, new).expect("write docs/reference/cli.md");
        } else {
            panic!(
                "docs/reference/cli.md is stale; run VIETREF_BLESS=1 cargo test -p vietref-cli reference_doc"
            );
        }
    }
}
