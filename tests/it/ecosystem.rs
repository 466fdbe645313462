//! padlock among other tools (issue 12): completion scripts and man pages committed and kept
//! fresh from the clap tree, and a version that names its commit, on the CLI and the server.
//!
//! The committed files are compared with what the binary generates now. After changing the
//! CLI, regenerate them with `PADLOCK_REGENERATE=1 cargo test --test it ecosystem`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::helpers::*;

const REGENERATE: &str = "PADLOCK_REGENERATE=1 cargo test --test it ecosystem";

fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn regenerating() -> bool {
    std::env::var_os("PADLOCK_REGENERATE").is_some_and(|v| v == "1")
}

/// Runs `padlock ARGS`, which must succeed, and returns its stdout.
fn stdout_of(args: &[&str]) -> String {
    let out = padlock().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "padlock {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every file of `dir` by name, with its contents (empty when `dir` does not exist).
fn files_in(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

/// Compares the committed files in `dir` (those `owned` says are generated) with `fresh`,
/// or, when regenerating, makes them equal. Panics with the stale names and the way out.
fn check_fresh(dir: &Path, fresh: &BTreeMap<String, String>, owned: impl Fn(&str) -> bool) {
    let committed: BTreeMap<String, String> = files_in(dir)
        .into_iter()
        .filter(|(name, _)| owned(name))
        .collect();
    if regenerating() {
        std::fs::create_dir_all(dir).unwrap();
        for name in committed.keys().filter(|name| !fresh.contains_key(*name)) {
            std::fs::remove_file(dir.join(name)).unwrap();
        }
        for (name, text) in fresh {
            std::fs::write(dir.join(name), text).unwrap();
        }
        return;
    }
    let mut stale: Vec<String> = fresh
        .iter()
        .filter(|(name, text)| committed.get(*name) != Some(*text))
        .map(|(name, _)| format!("{name} (missing or out of date)"))
        .collect();
    stale.extend(
        committed
            .keys()
            .filter(|name| !fresh.contains_key(*name))
            .map(|name| format!("{name} (no longer generated)")),
    );
    assert!(
        stale.is_empty(),
        "stale files in {}:\n  {}\nregenerate them with `{REGENERATE}` and commit the result",
        dir.display(),
        stale.join("\n  ")
    );
}

/// The committed scripts are exactly what `padlock completions SHELL` prints, under the
/// names each shell looks for.
#[test]
fn committed_completions_are_what_the_binary_generates() {
    let shells = [
        ("bash", "padlock.bash"),
        ("zsh", "_padlock"),
        ("fish", "padlock.fish"),
        ("powershell", "_padlock.ps1"),
        ("elvish", "padlock.elv"),
    ];
    let fresh: BTreeMap<String, String> = shells
        .iter()
        .map(|(shell, file)| (file.to_string(), stdout_of(&["completions", shell])))
        .collect();
    for (file, script) in &fresh {
        assert!(
            script.contains("login") && script.contains("can-i"),
            "{file} completes no commands:\n{script}"
        );
    }
    let generated: Vec<&str> = shells.iter().map(|(_, file)| *file).collect();
    check_fresh(&repo_path("completions"), &fresh, |name| {
        generated.contains(&name)
    });
}

/// `man/` holds one page per command, exactly what `padlock man DIR` writes.
#[test]
fn committed_man_pages_are_what_the_binary_generates() {
    let dir = tempfile::tempdir().unwrap();
    stdout_of(&["man", dir.path().to_str().unwrap()]);
    let fresh = files_in(dir.path());
    for page in [
        "padlock.1",
        "padlock-login.1",
        "padlock-grant-issue.1",
        "padlock-2fa-setup.1",
    ] {
        assert!(
            fresh.contains_key(page),
            "no {page} among {:?}",
            fresh.keys()
        );
    }
    assert!(
        fresh["padlock-grant-issue.1"].contains(".SH OPTIONS"),
        "a page without its options:\n{}",
        fresh["padlock-grant-issue.1"]
    );
    // The pages carry the release, not the commit, or every commit would make them stale.
    assert!(
        fresh["padlock.1"].contains(&format!("\"padlock {}\"", env!("CARGO_PKG_VERSION"))),
        "{}",
        fresh["padlock.1"]
    );
    check_fresh(&repo_path("man"), &fresh, |name| name.ends_with(".1"));
}

/// The commit this checkout is at, as `build.rs` reads it; `None` outside git.
fn git_commit() -> Option<String> {
    let out = std::process::Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8(out.stdout).unwrap().trim().to_owned())
}

#[test]
fn version_names_the_release_and_the_commit() {
    let version = env!("CARGO_PKG_VERSION");
    let expected = match git_commit() {
        Some(commit) => format!("padlock {version} ({commit})\n"),
        None => format!("padlock {version}\n"),
    };
    assert_eq!(stdout_of(&["--version"]), expected);
    assert_eq!(stdout_of(&["-V"]), expected);
}

/// `GET /v1/version` answers anyone, and the OpenAPI document says it needs no credentials.
#[test]
fn the_server_tells_its_version_without_credentials() {
    let server = Server::start();
    let response = http()
        .get(format!("{}/v1/version", server.url))
        .send()
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().unwrap();
    assert_eq!(
        body,
        serde_json::json!({"version": env!("CARGO_PKG_VERSION"), "commit": git_commit()})
    );

    let document: Value = http()
        .get(format!("{}/v1/openapi.json", server.url))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let operation = &document["paths"]["/v1/version"]["get"];
    assert_eq!(
        operation["security"],
        serde_json::json!([{}]),
        "{operation}"
    );
    assert_eq!(
        operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Version",
        "{operation}"
    );
}
