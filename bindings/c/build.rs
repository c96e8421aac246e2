//! Gives `libmarrowkb.so` a versioned SONAME on ELF targets, so that a program records which ABI it was
//! linked against (`NEEDED libmarrowkb.so.0.1`) and installed copies of incompatible versions can sit side
//! by side (`bindings/c/install.sh` installs the file as `libmarrowkb.so.MAJOR.MINOR.PATCH` with the
//! usual symlinks).
//!
//! The SONAME carries the part of the version that changes when the ABI breaks. From 1.0 on that is the
//! major version (`libmarrowkb.so.1`). Before 1.0 it is major and minor (`libmarrowkb.so.0.1`): under the
//! 0.x convention Cargo follows (the semver rules it applies to `^0.1`), 0.1 → 0.2 may break compatibility
//! and only patch releases promise not to, so 0.1.x and 0.2.x must not share a SONAME.
//!
//! Only targets whose linker takes GNU `-soname` get the flag: Apple's ld (which uses `-install_name`)
//! and MSVC's link.exe would reject it, and Windows DLLs have no SONAME.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let elf_gnu_linker = matches!(
        os.as_str(),
        "linux" | "android" | "freebsd" | "netbsd" | "openbsd" | "dragonfly"
    );
    if !elf_gnu_linker {
        return;
    }
    let major = env!("CARGO_PKG_VERSION_MAJOR");
    let minor = env!("CARGO_PKG_VERSION_MINOR");
    let abi = if major == "0" {
        format!("0.{minor}")
    } else {
        major.to_owned()
    };
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libmarrowkb.so.{abi}");
}
