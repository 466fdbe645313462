//! Stamps the binary with the git commit it was built from, for `padlock --version` and
//! `GET /v1/version`. A build outside a git checkout (a crate tarball, a source archive)
//! has no commit and says only the version.
//!
//! Cargo re-runs this script only when HEAD moves: the files watched are HEAD itself, the
//! branch it points at, and `packed-refs` (where `git gc` moves branches). In a worktree
//! `.git` is a file, so the paths come from git rather than from `.git/HEAD`.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let version = env!("CARGO_PKG_VERSION");
    match commit() {
        Some(commit) => {
            println!("cargo:rustc-env=PADLOCK_COMMIT={commit}");
            println!("cargo:rustc-env=PADLOCK_VERSION={version} ({commit})");
        }
        None => println!("cargo:rustc-env=PADLOCK_VERSION={version}"),
    }
}

/// The short commit of HEAD, when this crate is the top of a git checkout: a tarball
/// unpacked inside some other repository must not report that repository's commit.
fn commit() -> Option<String> {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").ok()?;
    let top = git(&["rev-parse", "--show-toplevel"])?;
    if !same_dir(Path::new(&top), Path::new(&manifest_dir)) {
        return None;
    }
    let git_dir = git(&["rev-parse", "--absolute-git-dir"])?;
    watch(&Path::new(&git_dir).join("HEAD"));
    if let Some(common_dir) = git(&["rev-parse", "--path-format=absolute", "--git-common-dir"]) {
        watch(&Path::new(&common_dir).join("packed-refs"));
        if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
            watch(&Path::new(&common_dir).join(branch));
        }
    }
    git(&["rev-parse", "--short", "HEAD"])
}

/// Re-run when `path` changes or disappears. A path that does not exist is left out: cargo
/// would re-run the script on every build.
fn watch(path: &Path) {
    if path.exists() {
        println!("cargo:rerun-if-changed={}", path.display());
    }
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// A git command's trimmed output, or `None` when git is missing or fails.
fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (out.status.success() && !text.is_empty()).then(|| text.to_owned())
}
