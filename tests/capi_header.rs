//! The committed C headers are what cbindgen generates from src/capi.
//!
//! * `include/vietref.h`: cbindgen's output with cbindgen.toml (documentation, include
//!   guard, C++ and C23 conditionals).
//! * `include/vietref_flat.h`: the same declarations with no preprocessor line and no
//!   comment, for loaders that take plain declarations (PHP `FFI::cdef`, Python
//!   `cffi.FFI.cdef`): conditionals resolved for C99, `#define N V` as `enum { N = V };`.
//!
//! Regenerate both with `make header` (= `VIETREF_BLESS=1 cargo test --test capi_header`).

use std::path::{Path, PathBuf};
use vietref::capi::vietref_status;

const HOW: &str = "regenerate with `make header` (or `VIETREF_BLESS=1 cargo test --test capi_header`) and commit the result";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn generate() -> String {
    let config = cbindgen::Config::from_file(root().join("cbindgen.toml")).expect("cbindgen.toml");
    let bindings = cbindgen::Builder::new()
        .with_config(config)
        // Only src/capi (and the modules it declares): the rest of the crate has no C ABI.
        .with_src(root().join("src/capi/mod.rs"))
        .generate()
        .expect("cbindgen failed on src/capi");
    let mut out = Vec::new();
    bindings.write(&mut out);
    String::from_utf8(out).expect("header is UTF-8")
}

/// Resolves the header's conditionals for a C99 compiler (`__cplusplus` undefined,
/// `__STDC_VERSION__` below C23), turns `#define NAME VALUE` into an enum constant, drops
/// includes, the include guard and every comment.
fn flatten(header: &str) -> String {
    let mut active: Vec<bool> = Vec::new();
    let mut body = String::new();
    for line in header.lines() {
        let t = line.trim();
        if let Some(d) = t.strip_prefix('#') {
            let d = d.trim();
            let d = d.split("//").next().unwrap_or("").trim();
            match d {
                "ifndef VIETREF_H" | "ifndef __cplusplus" => active.push(true),
                "ifdef __cplusplus"
                | "if __STDC_VERSION__ >= 202311L"
                | "if defined(__cplusplus) || __STDC_VERSION__ >= 202311L" => active.push(false),
                "else" => {
                    let top = active.last_mut().expect("#else without #if");
                    *top = !*top;
                }
                _ if d.starts_with("endif") => {
                    active.pop().expect("#endif without #if");
                }
                "define VIETREF_H" => {}
                _ if d.starts_with("include ") => {}
                _ if d.starts_with("define ") => {
                    if active.iter().all(|a| *a) {
                        let mut parts = d["define ".len()..].split_whitespace();
                        let (name, value) = (parts.next().unwrap(), parts.next().unwrap());
                        assert!(
                            parts.next().is_none() && value.parse::<i64>().is_ok(),
                            "unexpected {t}"
                        );
                        body.push_str(&format!("enum {{ {name} = {value} }};\n"));
                    }
                }
                _ => panic!(
                    "flatten: unknown preprocessor line {t:?}; teach tests/capi_header.rs about it"
                ),
            }
            continue;
        }
        if active.iter().all(|a| *a) {
            body.push_str(line);
            body.push('\n');
        }
    }
    assert!(active.is_empty(), "unbalanced conditionals");
    // Drop comments (the header has no string or character literals).
    let mut plain = String::new();
    let mut rest = body.as_str();
    while let Some(i) = rest.find("/*") {
        plain.push_str(&rest[..i]);
        let end = rest[i..].find("*/").expect("unterminated comment");
        rest = &rest[i + end + 2..];
    }
    plain.push_str(rest);
    let mut out = String::from(
        "/* vietref_flat.h: include/vietref.h without preprocessor lines or comments, for FFI loaders. Generated; see vietref.h for documentation. */\n",
    );
    // One blank line between top-level items, none inside braces; `{` joins its line.
    let mut blank = true;
    let mut depth = 0usize;
    for line in plain.lines() {
        let line = line.split("//").next().unwrap_or("").trim_end();
        if line.trim().is_empty() {
            if !blank && depth == 0 {
                out.push('\n');
            }
            blank = true;
            continue;
        }
        if line.trim() == "{" {
            out.truncate(out.trim_end().len());
            out.push_str(" {\n");
        } else {
            out.push_str(line);
            out.push('\n');
        }
        depth += line.matches('{').count();
        depth = depth.saturating_sub(line.matches('}').count());
        blank = false;
    }
    out.trim_end().to_string() + "\n"
}

fn check_fresh(path: &Path, fresh: &str) {
    let bless = std::env::var_os("VIETREF_BLESS").is_some();
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    if committed == fresh {
        return;
    }
    if bless {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, fresh).unwrap();
        eprintln!("wrote {}", path.display());
        return;
    }
    let first_diff = committed
        .lines()
        .zip(fresh.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(committed.lines().count().min(fresh.lines().count()));
    panic!(
        "{} is stale (first difference at line {}): {HOW}",
        path.display(),
        first_diff + 1
    );
}

#[test]
fn headers_are_fresh() {
    let header = generate();
    check_fresh(&root().join("include/vietref.h"), &header);
    check_fresh(&root().join("include/vietref_flat.h"), &flatten(&header));
}

#[test]
fn every_declaration_is_documented() {
    let header = generate();
    let lines: Vec<&str> = header.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let is_decl = line.starts_with("typedef struct")
            || line.starts_with("enum ")
            || line.starts_with("#define VIETREF_VERSION")
            || (line.starts_with("vietref_")
                || line.starts_with("const ")
                || line.starts_with("void ")
                || line.starts_with("size_t "))
                && line.contains('(');
        if is_decl {
            assert!(
                i > 0 && lines[i - 1].trim_end().ends_with("*/"),
                "line {}: `{line}` has no doc comment",
                i + 1
            );
        }
    }
    // Every enum constant is documented too.
    for (i, line) in lines.iter().enumerate() {
        if line.trim_start().starts_with("VIETREF_") && line.contains(" = ") {
            assert!(
                lines[i - 1].trim_end().ends_with("*/"),
                "line {}: {line}",
                i + 1
            );
        }
    }
}

#[test]
fn flat_header_is_plain() {
    let flat = flatten(&generate());
    assert!(flat.is_ascii(), "the flat header must be ASCII");
    assert!(!flat.lines().any(|l| l.trim_start().starts_with('#')));
    assert!(flat.contains("typedef uint32_t vietref_status;"));
    assert!(flat.contains("enum { VIETREF_VERSION_MAJOR = "));
    assert!(!flat.contains("extern \"C\""));
    // Every function of the full header is in the flat one.
    for line in generate().lines().filter(|l| !l.starts_with([' ', '/'])) {
        if let Some(name) = line
            .split('(')
            .next()
            .and_then(|s| s.split_whitespace().last())
        {
            if line.contains('(') && name.trim_start_matches('*').starts_with("vietref_") {
                assert!(
                    flat.contains(&format!("{}(", name.trim_start_matches('*'))),
                    "{name}"
                );
            }
        }
    }
}

#[test]
fn flat_header_parses_with_python_cffi_when_available() {
    let flat = root().join("include/vietref_flat.h");
    let script = "import sys\ntry:\n    import cffi\nexcept ImportError:\n    print('skip'); sys.exit(0)\nffi = cffi.FFI()\nffi.cdef(open(sys.argv[1]).read())\nprint('ok')\n";
    match std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&flat)
        .output()
    {
        Ok(out) => {
            assert!(
                out.status.success(),
                "cffi could not parse {}: {}",
                flat.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            let said = String::from_utf8_lossy(&out.stdout);
            if said.trim() == "skip" {
                eprintln!("skipped: python3 has no cffi module");
            }
        }
        Err(_) => eprintln!("skipped: no python3"),
    }
}

#[test]
fn docs_list_every_status() {
    let docs = std::fs::read_to_string(root().join("docs/reference/c-abi.md"))
        .expect("docs/reference/c-abi.md");
    for s in vietref_status::ALL {
        let row = format!("| {} | `{}` |", s.number(), s.name());
        assert!(
            docs.contains(&row),
            "docs/reference/c-abi.md lacks the status row `{row}`"
        );
    }
}
