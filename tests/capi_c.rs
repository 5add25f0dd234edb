//! Builds the C tests (tests/c/test_*.c, one program per area sharing tests/c/check.h) and
//! the example (examples/c/tuition.c) with
//! `gcc -std=c99 -Wall -Wextra -Werror -pedantic` against the static and the shared
//! library that this `cargo test` run built, and runs them.
//!
//! Skipped (with a message) only when gcc is missing. tests/c/run.sh runs the same programs
//! under valgrind and AddressSanitizer.

use std::path::{Path, PathBuf};
use std::process::Command;

const CFLAGS: &[&str] = &["-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-g"];
const SYSLIBS: &[&str] = &["-lpthread", "-ldl", "-lm"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The directory holding libvietref.a and libvietref.so of this build: the test binary's
/// own `deps` directory, or its parent.
fn lib_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let deps = exe.parent().expect("deps dir").to_path_buf();
    for dir in [
        deps.clone(),
        deps.parent().map(Path::to_path_buf).unwrap_or_default(),
    ] {
        if dir.join("libvietref.a").exists() && dir.join(shared_name()).exists() {
            return dir;
        }
    }
    panic!(
        "libvietref.a / {} not found next to {}; the lib target must build the staticlib and cdylib crate types",
        shared_name(),
        exe.display()
    );
}

fn shared_name() -> &'static str {
    if cfg!(target_os = "macos") {
        "libvietref.dylib"
    } else {
        "libvietref.so"
    }
}

fn have_gcc() -> bool {
    Command::new("gcc")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A scratch directory for this test run.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vietref-capi-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn gcc(args: &[&str]) {
    let out = Command::new("gcc").args(args).output().expect("run gcc");
    assert!(
        out.status.success(),
        "gcc {} failed:\n{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn run(exe: &Path) -> String {
    let out = Command::new(exe).output().expect("run the C program");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{} failed:\n{stdout}\n{}",
        exe.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Compiles `source` against the static and the shared library and returns both programs'
/// output.
fn build_and_run(source: &Path, name: &str) -> Vec<String> {
    let lib = lib_dir();
    let dir = scratch(name);
    let include = format!("-I{}", root().join("include").display());
    let src = source.to_str().unwrap();

    let static_exe = dir.join(format!("{name}_static"));
    let mut args: Vec<&str> = CFLAGS.to_vec();
    let a = lib.join("libvietref.a");
    args.extend([include.as_str(), src, a.to_str().unwrap()]);
    args.extend(SYSLIBS);
    args.extend(["-o", static_exe.to_str().unwrap()]);
    gcc(&args);

    // The loader looks for the SONAME (libvietref.so.0), so give the copy that name.
    let so = if cfg!(target_os = "macos") {
        dir.join(shared_name())
    } else {
        dir.join("libvietref.so.0")
    };
    std::fs::copy(lib.join(shared_name()), &so).unwrap();
    let shared_exe = dir.join(format!("{name}_shared"));
    let rpath = format!("-Wl,-rpath,{}", dir.display());
    let mut args: Vec<&str> = CFLAGS.to_vec();
    args.extend([include.as_str(), src, so.to_str().unwrap(), rpath.as_str()]);
    args.extend(["-o", shared_exe.to_str().unwrap()]);
    gcc(&args);

    let outs = vec![run(&static_exe), run(&shared_exe)];
    let _ = std::fs::remove_dir_all(&dir);
    outs
}

/// The C test programs: `tests/c/test_*.c`, one per area, with the fewest checks each must
/// run (so a program that silently stops early fails).
const C_TESTS: &[(&str, usize)] = &[
    ("test_capi.c", 500),
    ("test_gateway.c", 80),
    ("test_legacy.c", 300),
    ("test_memo.c", 500),
    ("test_reconcile.c", 300),
    ("test_vietqr.c", 500),
];

/// The C test programs found on disk are the ones listed in `C_TESTS`.
fn c_test_files() -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(root().join("tests/c"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("test_") && n.ends_with(".c"))
        .collect();
    found.sort();
    let mut listed: Vec<String> = C_TESTS.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(
        found, listed,
        "tests/c/test_*.c and C_TESTS in tests/capi_c.rs differ"
    );
    found
}

#[test]
fn c_tests_pass_against_static_and_shared_library() {
    if !have_gcc() {
        eprintln!("skipped: gcc is not installed");
        return;
    }
    c_test_files();
    for (file, min) in C_TESTS {
        let name = file.trim_end_matches(".c");
        for out in build_and_run(&root().join("tests/c").join(file), name) {
            let last = out.lines().last().unwrap_or_default();
            assert!(last.ends_with(" passed, 0 failed"), "{file}: {out}");
            let n: usize = last.split_whitespace().next().unwrap().parse().unwrap();
            assert!(n > *min, "{file} ran only {n} checks");
        }
    }
}

#[test]
fn the_tuition_example_runs() {
    if !have_gcc() {
        eprintln!("skipped: gcc is not installed");
        return;
    }
    for out in build_and_run(&root().join("examples/c/tuition.c"), "tuition") {
        assert!(out.contains("valid: yes, 2 finding(s)"), "{out}");
        assert!(out.contains("  warning payerName [name.case 204]"), "{out}");
        assert!(
            out.contains(
                "    vi: chữ hoa/thường đã được chuyển sang dạng hiển thị “Nguyễn Văn An”"
            ),
            "{out}"
        );
        assert!(out.contains("\"payerName\":\"Nguyễn Văn An\""), "{out}");
        assert!(out.contains("\nmemo name: NGUYEN VAN AN\n"), "{out}");
        // The template worked out by hand: code, reason, HS + beneficiary, PH + payer.
        assert!(out.contains("\ntransfer memo: HP7184097674 HOC PHI HOC KY 1 NAM 2024 2025 HS NGUYEN THI BINH PH NGUYEN VAN AN\n"), "{out}");
        // Tags assembled by hand: 38 (BIN, account, service), 53, 54 = 1250000, 58,
        // 62 = 01 bill number + 08 purpose (the memo cut to 25 after a word).
        assert!(out.contains("\nvietqr: 00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA5303704540712500005802VN62440112HP71840976740824HP7184097674 HOC PHI HOC6304"), "{out}");
        // "MBVCB.3312.IB " is 14 bytes; "hp 7184 0976 74" the next 15.
        assert!(
            out.ends_with("read back: HP7184097674 at bytes 14-29 of the statement line\n"),
            "{out}"
        );
    }
}

/// Every function the header declares is exercised by the C tests.
#[test]
fn the_c_tests_call_every_function() {
    let header = std::fs::read_to_string(root().join("include/vietref.h")).unwrap();
    let tests: String = c_test_files()
        .iter()
        .map(|f| std::fs::read_to_string(root().join("tests/c").join(f)).unwrap())
        .collect();
    let mut missing = Vec::new();
    for line in header.lines().filter(|l| !l.starts_with([' ', '/', '#'])) {
        if let Some(head) = line.split_once('(').map(|(h, _)| h) {
            let name = head
                .split_whitespace()
                .last()
                .unwrap_or("")
                .trim_start_matches('*');
            if name.starts_with("vietref_") && !tests.contains(&format!("{name}(")) {
                missing.push(name.to_string());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "no program in tests/c/test_*.c calls {missing:?}"
    );
}

/// What both FFI smoke scripts print (version, constants, a fold, a size query, a
/// Vietnamese status message).
fn smoke_expected() -> String {
    format!(
        "{}|{}|200|0|NGUYEN VAN DUC|3|14|bộ đệm quá nhỏ; độ dài cần thiết đã được ghi vào len_out\n",
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_VERSION_MINOR")
    )
}

/// Runs an FFI smoke script on the flat header and this build's shared library; `None`
/// when the interpreter (or its FFI module) is missing.
fn smoke(cmd: &[&str], script: &str) -> Option<String> {
    let lib = lib_dir().join(shared_name());
    let flat = root().join("include/vietref_flat.h");
    let out = Command::new(cmd[0])
        .args(&cmd[1..])
        .arg(root().join("tests/ffi").join(script))
        .arg(&flat)
        .arg(&lib)
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success()
        && (stderr.contains("No module named 'cffi'") || stderr.contains("Class \"FFI\" not found"))
    {
        return None;
    }
    assert!(out.status.success(), "{script} failed:\n{stderr}");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn python_cffi_uses_the_flat_header_as_is() {
    match smoke(&["python3"], "smoke.py") {
        Some(out) => assert_eq!(out, smoke_expected()),
        None => eprintln!("skipped: python3 with cffi is not installed"),
    }
}

#[test]
fn php_ffi_uses_the_flat_header_as_is() {
    match smoke(&["php", "-d", "ffi.enable=1"], "smoke.php") {
        Some(out) => assert_eq!(out, smoke_expected()),
        None => eprintln!("skipped: php with FFI is not installed"),
    }
}
