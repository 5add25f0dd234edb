//! README's finding-code table is derived from the one code table in src/finding.rs.
//! `VIETREF_BLESS=1 cargo test --test readme` rewrites it after a code is added.

use vietref::Code;

const BEGIN: &str = "<!-- codes:begin -->";
const END: &str = "<!-- codes:end -->";

fn table() -> String {
    let mut s =
        String::from("| code | # | severity | English | Tiếng Việt |\n|---|---|---|---|---|\n");
    for c in Code::ALL {
        s.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            c.key(),
            c.number(),
            c.severity().as_str(),
            c.template_en().replace('|', "\\|"),
            c.template_vi().replace('|', "\\|")
        ));
    }
    s
}

#[test]
fn readme_lists_every_code() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let (Some(b), Some(e)) = (readme.find(BEGIN), readme.find(END)) else {
        panic!("README.md lacks the {BEGIN} … {END} markers");
    };
    let current = &readme[b + BEGIN.len()..e];
    let want = format!("\n{}", table());
    if current != want {
        if std::env::var_os("VIETREF_BLESS").is_some() {
            let new = format!("{}{}{}{}", &readme[..b], BEGIN, want, &readme[e..]);
            std::fs::write(path, new).expect("write README.md");
        } else {
            panic!("README's code table is stale; run VIETREF_BLESS=1 cargo test --test readme");
        }
    }
}
