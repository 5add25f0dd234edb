//! The documentation is checked like code:
//!
//! - the generated pages (the findings catalogue from `src/finding.rs`, the C function
//!   reference from `include/vietref.h`) are fresh: `VIETREF_BLESS=1 cargo test --test docs`
//!   rewrites them after a change;
//! - every relative link of README.md and `docs/` points at a file that exists and, with an
//!   anchor, at a heading of that file;
//! - every page under `docs/` can be reached from README.md;
//! - every page with Rust examples is compiled as a doctest (listed in `src/lib.rs`);
//! - README stays a front page (at most 250 lines).

use std::collections::{BTreeSet, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};
use vietref::Code;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bless() -> bool {
    std::env::var_os("VIETREF_BLESS").is_some()
}

/// Checks (or with VIETREF_BLESS rewrites) the text between `begin` and `end` in `path`.
fn fresh_between(path: &Path, begin: &str, end: &str, want: &str) {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (Some(b), Some(e)) = (text.find(begin), text.find(end)) else {
        panic!("{} lacks the {begin} … {end} markers", path.display());
    };
    let current = &text[b + begin.len()..e];
    if current != want {
        if bless() {
            let new = format!("{}{}{}{}", &text[..b], begin, want, &text[e..]);
            fs::write(path, new).expect("write");
        } else {
            let line = current
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(current.lines().count().min(want.lines().count()));
            panic!(
                "{} is stale near generated line {} (run VIETREF_BLESS=1 cargo test --test docs)",
                path.display(),
                line + 1
            );
        }
    }
}

// ---------------------------------------------------------------- findings catalogue

fn findings_table() -> String {
    let mut s =
        String::from("\n| code | # | severity | English | Tiếng Việt |\n|---|---|---|---|---|\n");
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
fn findings_catalogue_lists_every_code() {
    fresh_between(
        &root().join("docs/reference/findings.md"),
        "<!-- codes:begin -->",
        "<!-- codes:end -->",
        &findings_table(),
    );
}

// ---------------------------------------------------------------- C function reference

/// One documented declaration of the header.
struct Decl {
    doc: String,
    code: String,
    name: String,
    kind: &'static str,
}

/// Removes the preprocessor lines cbindgen puts inside enum declarations.
fn strip_preprocessor(code: &str) -> String {
    // The C23/C++ underlying type of an enum sits inside such a conditional, so it goes too.
    code.lines()
        .filter(|l| !l.trim_start().starts_with('#') && l.trim() != ": uint32_t")
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text of a `/** ... */` comment, without its frame.
fn comment_text(c: &str) -> String {
    c.trim_start_matches("/**")
        .trim_end_matches("*/")
        .lines()
        .map(|l| {
            let l = l.trim();
            let l = l.strip_prefix('*').unwrap_or(l);
            l.strip_prefix(' ').unwrap_or(l)
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// Every top-level documented declaration of `vietref.h`, in order.
fn declarations(header: &str) -> Vec<Decl> {
    let mut out = Vec::new();
    let mut rest = header;
    while let Some(start) = rest.find("\n/**") {
        let after = &rest[start + 1..];
        let Some(end) = after.find("*/") else { break };
        let doc = comment_text(&after[..end + 2]);
        let body = &after[end + 2..];
        // The declaration runs to the first `;` outside braces.
        let mut depth = 0i32;
        let mut stop = body.len();
        for (i, ch) in body.char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => depth -= 1,
                ';' if depth == 0 => {
                    stop = i + 1;
                    break;
                }
                _ => {}
            }
        }
        let code = strip_preprocessor(body[..stop].trim());
        rest = &body[stop..];
        let (kind, name) = if let Some(n) = code.strip_prefix("#define ") {
            (
                "constant",
                n.split_whitespace().next().unwrap_or("").to_string(),
            )
        } else if let Some(e) = code.strip_prefix("enum ") {
            (
                "enum",
                e.split_whitespace().next().unwrap_or("").to_string(),
            )
        } else if code.starts_with("typedef struct") {
            (
                "handle",
                code.trim_end_matches(';')
                    .rsplit(' ')
                    .next()
                    .unwrap_or("")
                    .to_string(),
            )
        } else if let Some(p) = code.find('(') {
            let name = code[..p]
                .rsplit(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next();
            ("function", name.unwrap_or("").to_string())
        } else {
            continue;
        };
        if name.starts_with("vietref_") || name.starts_with("VIETREF_") {
            out.push(Decl {
                doc,
                code,
                name,
                kind,
            });
        }
    }
    out
}

/// The area a function belongs to, by its name.
fn area(name: &str) -> &'static str {
    const AREAS: &[(&str, &str)] = &[
        ("vietref_string", "Strings"),
        ("vietref_version", "Version and statuses"),
        ("vietref_status", "Version and statuses"),
        ("vietref_text", "Text"),
        ("vietref_message", "Messages"),
        ("vietref_report", "Reports"),
        ("vietref_ref", "References"),
        ("vietref_memo", "Memos"),
        ("vietref_candidates", "Memos"),
        ("vietref_vietqr", "VietQR"),
        ("vietref_bank", "VietQR"),
        ("vietref_crc", "VietQR"),
        ("vietref_legacy", "Legacy encodings"),
        ("vietref_encoded", "Legacy encodings"),
        ("vietref_detection", "Legacy encodings"),
        ("vietref_reconciler", "Reconciliation"),
        ("vietref_line_result", "Reconciliation"),
    ];
    AREAS
        .iter()
        .find(|(p, _)| name.starts_with(p))
        .map(|(_, a)| *a)
        .unwrap_or("Other")
}

fn c_api_page() -> String {
    let header = fs::read_to_string(root().join("include/vietref.h")).expect("vietref.h");
    let decls = declarations(&header);
    let mut s = String::from("\n");
    let types: Vec<&Decl> = decls.iter().filter(|d| d.kind != "function").collect();
    let functions: Vec<&Decl> = decls.iter().filter(|d| d.kind == "function").collect();
    assert!(
        functions.len() > 100,
        "only {} functions read",
        functions.len()
    );
    s.push_str(&format!(
        "{} functions, {} types and constants.\n\n## Types and constants\n\n",
        functions.len(),
        types.len()
    ));
    for d in &types {
        s.push_str(&format!(
            "### `{}` ({})\n\n{}\n\n```c\n{}\n```\n\n",
            d.name, d.kind, d.doc, d.code
        ));
    }
    let mut areas: Vec<&str> = Vec::new();
    for d in &functions {
        let a = area(&d.name);
        if !areas.contains(&a) {
            areas.push(a);
        }
    }
    for a in areas {
        s.push_str(&format!("## {a}\n\n"));
        for d in functions.iter().filter(|d| area(&d.name) == a) {
            let doc = d.doc.replace("# Safety", "**Safety.**");
            s.push_str(&format!(
                "### `{}`\n\n```c\n{}\n```\n\n{}\n\n",
                d.name, d.code, doc
            ));
        }
    }
    s
}

#[test]
fn c_function_reference_is_fresh() {
    fresh_between(
        &root().join("docs/reference/c-api.md"),
        "<!-- generated:begin -->",
        "<!-- generated:end -->",
        &c_api_page(),
    );
}

#[test]
fn header_parser_reads_declarations() {
    let h = "x\n/**\n * Does a thing.\n *\n * # Safety\n * `p` is valid.\n */\nvietref_status vietref_do(const char *p,\n    size_t n);\n\n/**\n * A handle.\n */\ntypedef struct vietref_thing vietref_thing;\n";
    let d = declarations(h);
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].name, "vietref_do");
    assert_eq!(d[0].kind, "function");
    assert_eq!(d[0].doc, "Does a thing.\n\n# Safety\n`p` is valid.");
    assert_eq!(d[1].name, "vietref_thing");
    assert_eq!(d[1].kind, "handle");
}

// ---------------------------------------------------------------- links and reachability

fn pages() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "md") {
                out.push(p);
            }
        }
    }
    let mut out = vec![root().join("README.md")];
    walk(&root().join("docs"), &mut out);
    out.sort();
    out
}

/// The relative links `[text](target)` of a markdown text, outside code.
fn links(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fence = false;
    for line in md.lines() {
        if line.trim_start().starts_with("```") {
            fence = !fence;
            continue;
        }
        if fence {
            continue;
        }
        // Inline code cannot hold links.
        let mut plain = String::new();
        for (i, part) in line.split('`').enumerate() {
            if i % 2 == 0 {
                plain.push_str(part);
            }
        }
        let mut rest = plain.as_str();
        while let Some(i) = rest.find("](") {
            let tail = &rest[i + 2..];
            let Some(j) = tail.find(')') else { break };
            let target = &tail[..j];
            if !target.contains("://") && !target.starts_with("mailto:") {
                out.push(target.to_string());
            }
            rest = &tail[j..];
        }
    }
    out
}

/// GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn anchors(md: &str) -> BTreeSet<String> {
    let mut fence = false;
    let mut out = BTreeSet::new();
    for line in md.lines() {
        if line.trim_start().starts_with("```") {
            fence = !fence;
        } else if !fence && line.starts_with('#') {
            out.insert(anchor(line.trim_start_matches('#')));
        }
    }
    out
}

#[test]
fn anchors_follow_github() {
    assert_eq!(
        anchor(" Rendering (`vietref::memo::render`)"),
        "rendering-vietrefmemorender"
    );
    assert_eq!(
        anchor(" What banks do to a memo"),
        "what-banks-do-to-a-memo"
    );
    assert_eq!(
        links("see [a](b.md#c) and `[x](y)` and [web](https://e.org)\n```\n[n](m)\n```"),
        ["b.md#c"]
    );
}

#[test]
fn every_link_resolves() {
    let mut broken = Vec::new();
    for page in pages() {
        let md = fs::read_to_string(&page).unwrap();
        for l in links(&md) {
            let (file, frag) = l.split_once('#').unwrap_or((&l, ""));
            let target = if file.is_empty() {
                page.clone()
            } else {
                page.parent().unwrap().join(file)
            };
            if !target.exists() {
                broken.push(format!("{}: {l} (no such file)", page.display()));
                continue;
            }
            if !frag.is_empty() && target.extension().is_some_and(|x| x == "md") {
                let t = fs::read_to_string(&target).unwrap();
                if !anchors(&t).contains(frag) {
                    broken.push(format!("{}: {l} (no such heading)", page.display()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn every_page_is_reachable_from_readme() {
    let all: BTreeSet<PathBuf> = pages()
        .into_iter()
        .map(|p| p.canonicalize().unwrap())
        .collect();
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from([root().join("README.md").canonicalize().unwrap()]);
    while let Some(p) = queue.pop_front() {
        if !seen.insert(p.clone()) {
            continue;
        }
        let md = fs::read_to_string(&p).unwrap();
        for l in links(&md) {
            let file = l.split('#').next().unwrap();
            if file.is_empty() {
                continue;
            }
            if let Ok(t) = p.parent().unwrap().join(file).canonicalize() {
                if all.contains(&t) {
                    queue.push_back(t);
                }
            }
        }
    }
    let lost: Vec<_> = all.difference(&seen).collect();
    assert!(lost.is_empty(), "pages no link reaches: {lost:?}");
}

#[test]
fn every_page_with_rust_examples_is_a_doctest() {
    let lib = fs::read_to_string(root().join("src/lib.rs")).unwrap();
    for page in pages() {
        let md = fs::read_to_string(&page).unwrap();
        if md.lines().any(|l| l.trim_start() == "```rust") {
            let rel = page.strip_prefix(root()).unwrap().display().to_string();
            assert!(
                lib.contains(&format!("include_str!(\"../{rel}\")")),
                "{rel} has Rust examples but src/lib.rs does not compile them"
            );
        }
    }
}

#[test]
fn readme_is_a_front_page() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let n = readme.lines().count();
    assert!(n <= 250, "README.md has {n} lines; move detail into docs/");
    assert!(
        readme.starts_with("# vietref\n\n```sh\n"),
        "README opens with the two commands"
    );
}
