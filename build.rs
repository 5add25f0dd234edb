//! Gives the shared library a versioned SONAME on Linux (`libvietref.so.0`), so programs
//! linked against it keep working across compatible upgrades and `make install` can lay
//! out `libvietref.so -> libvietref.so.0 -> libvietref.so.0.1.0`.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" || os == "android" || os.ends_with("bsd") {
        let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_else(|_| "0".into());
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libvietref.so.{major}");
    }
}
