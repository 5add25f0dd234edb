//! One version: the version in Cargo.toml is the CLI's, every binding package's (Python,
//! Java, .NET; Composer's is written into the archive by scripts/dist.sh from Cargo.toml)
//! and what `vietref_version()` returns; each binding's ABI check asks for the same
//! major.minor. scripts/test-dist.sh checks the built artifacts the same way.

use std::ffi::CStr;
use std::path::Path;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn read(path: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The text between the first `open` after `after` and the next `close`.
fn between<'a>(text: &'a str, after: &str, open: &str, close: &str) -> &'a str {
    let start = text.find(after).unwrap_or_else(|| panic!("no {after:?}"));
    let rest = &text[start..];
    let a = rest
        .find(open)
        .unwrap_or_else(|| panic!("no {open:?} after {after:?}"))
        + open.len();
    let b = rest[a..]
        .find(close)
        .unwrap_or_else(|| panic!("no {close:?}"))
        + a;
    &rest[a..b]
}

#[test]
fn the_c_abi_reports_the_cargo_version() {
    let v = unsafe { CStr::from_ptr(vietref::capi::vietref_version()) };
    assert_eq!(v.to_str().unwrap(), VERSION);
    let header = read("include/vietref.h");
    for (name, part) in ["MAJOR", "MINOR", "PATCH"].iter().zip(VERSION.split('.')) {
        let line = format!("#define VIETREF_VERSION_{name} {part}\n");
        assert!(header.contains(&line), "include/vietref.h lacks {line:?}");
    }
}

#[test]
fn every_package_has_the_cargo_version() {
    let packages = [
        (
            "cli/Cargo.toml",
            between(&read("cli/Cargo.toml"), "[package]", "version = \"", "\"").to_string(),
        ),
        (
            "bindings/python/pyproject.toml",
            between(
                &read("bindings/python/pyproject.toml"),
                "[project]",
                "version = \"",
                "\"",
            )
            .to_string(),
        ),
        (
            "bindings/java/pom.xml",
            between(
                &read("bindings/java/pom.xml"),
                "<artifactId>vietref</artifactId>",
                "<version>",
                "</version>",
            )
            .to_string(),
        ),
        (
            "bindings/csharp/Vietref.csproj",
            between(
                &read("bindings/csharp/Vietref.csproj"),
                "<PackageId>",
                "<Version>",
                "</Version>",
            )
            .to_string(),
        ),
    ];
    for (file, v) in packages {
        assert_eq!(v, VERSION, "{file} has version {v}, Cargo.toml {VERSION}");
    }
    // Composer takes the version from the archive (scripts/dist.sh writes it); a fixed one in
    // the source composer.json would be a second place to forget.
    assert!(!read("bindings/php/composer.json").contains("\"version\""));
}

#[test]
fn every_binding_asks_for_this_abi() {
    let mut parts = VERSION.split('.');
    let (major, minor) = (parts.next().unwrap(), parts.next().unwrap());
    let checks = [
        (
            "bindings/python/src/vietref/_native.py",
            format!("ABI_VERSION = ({major}, {minor})"),
        ),
        (
            "bindings/java/src/main/java/org/vietref/NativeAccess.java",
            format!("ABI_MAJOR = {major};"),
        ),
        (
            "bindings/java/src/main/java/org/vietref/NativeAccess.java",
            format!("ABI_MINOR = {minor};"),
        ),
        (
            "bindings/csharp/src/Native.cs",
            format!("AbiMajor = {major}, AbiMinor = {minor};"),
        ),
        (
            "bindings/php/src/Native.php",
            format!("ABI_MAJOR = {major};"),
        ),
        (
            "bindings/php/src/Native.php",
            format!("ABI_MINOR = {minor};"),
        ),
    ];
    for (file, line) in checks {
        assert!(
            read(file).contains(&line),
            "{file} lacks {line:?} (Cargo.toml has {VERSION})"
        );
    }
}
