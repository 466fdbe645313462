//! The scripting contract (issue 6): with `--output json` one JSON document on stdout and
//! errors as JSON on stderr, the exit codes in `--help`, `-q`, `NO_COLOR`, and no command
//! waiting for a terminal that is not there.

use std::io::Read;
use std::process::{Command as StdCommand, Output, Stdio};
use std::time::{Duration, Instant};

use expectrl::{Eof, Session, WaitStatus};
use serde_json::Value;

use crate::helpers::*;

/// The shape a command's JSON output must have.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    Object,
    Array,
}

/// Checks that `stdout` is exactly one JSON document of `shape`, ended by a newline, and
/// returns it.
fn one_document(stdout: &[u8], shape: Shape, what: &str) -> Value {
    let text = String::from_utf8_lossy(stdout);
    let mut documents = serde_json::Deserializer::from_slice(stdout).into_iter::<Value>();
    let first = documents
        .next()
        .unwrap_or_else(|| panic!("{what}: no JSON on stdout"))
        .unwrap_or_else(|err| panic!("{what}: stdout is not JSON ({err}): {text}"));
    assert!(
        documents.next().is_none(),
        "{what}: more than one JSON document on stdout: {text}"
    );
    assert!(text.ends_with('\n'), "{what}: {text:?}");
    let found = if first.is_array() {
        Shape::Array
    } else if first.is_object() {
        Shape::Object
    } else {
        panic!("{what}: {first} is neither an object nor an array")
    };
    assert_eq!(found, shape, "{what}: {text}");
    first
}

/// Runs `args` with `--output json`; it must succeed with one document of `shape` on
/// stdout and nothing on stderr (notes for people are silent in JSON mode).
fn json_of(mut cmd: assert_cmd::Command, args: &[&str], shape: Shape) -> Value {
    let out = cmd.args(args).args(["--output", "json"]).output().unwrap();
    let what = format!("padlock {args:?}");
    assert!(out.status.success(), "{what}: {out:?}");
    assert!(
        out.stderr.is_empty(),
        "{what}: stderr {}",
        String::from_utf8_lossy(&out.stderr)
    );
    one_document(&out.stdout, shape, &what)
}

/// Every command a script would run prints one JSON document on stdout under
/// `--output json`: an array for lists (the audit log too), an object otherwise.
#[test]
fn json_output_is_one_document() {
    let server = Server::start();
    let admin = server.admin();
    let files = tempfile::tempdir().unwrap();
    let package_file = files.path().join("app-1.0.mda");
    std::fs::write(&package_file, "a package\n").unwrap();
    let backup_file = files.path().join("test.bak");
    let run = |args: &[&str], shape: Shape| json_of(admin.cmd(), args, shape);

    let fresh = server.user();
    let login = fresh
        .cmd()
        .args(["login", "admin", "--password-stdin", "--output", "json"])
        .write_stdin(format!("{}\n", server.admin_password))
        .output()
        .unwrap();
    assert!(login.status.success(), "{login:?}");
    one_document(&login.stdout, Shape::Object, "login");

    let package = run(
        &[
            "packages",
            "upload",
            "--app",
            "demo",
            package_file.to_str().unwrap(),
        ],
        Shape::Object,
    );
    let package = package["id"].as_i64().unwrap().to_string();
    let op = run(
        &[
            "transport",
            "--app",
            "demo",
            "--package",
            &package,
            "--to",
            "test",
            "--detach",
        ],
        Shape::Object,
    );
    let op_id = op["id"].as_i64().unwrap().to_string();
    let done = run(&["ops", "follow", &op_id], Shape::Object);
    assert_eq!(done["state"], "succeeded", "{done}");
    let issued = run(
        &[
            "grant",
            "issue",
            "--app",
            "demo",
            "--env",
            "production",
            "--allow",
            "transport",
        ],
        Shape::Object,
    );
    let token = issued["token"].as_str().unwrap().to_owned();
    let grant_id = issued["id"].to_string();
    let table: Vec<(Vec<&str>, Shape)> = vec![
        (vec!["status"], Shape::Object),
        (vec!["apps", "list"], Shape::Array),
        (vec!["envs", "list", "--app", "demo"], Shape::Array),
        (vec!["packages", "list", "--app", "demo"], Shape::Array),
        (
            vec![
                "transport",
                "--app",
                "demo",
                "--package",
                &package,
                "--to",
                "production",
            ],
            Shape::Object,
        ),
        (vec!["ops", "show", &op_id], Shape::Object),
        (
            vec!["env", "restart", "--app", "demo", "--env", "test"],
            Shape::Object,
        ),
        (
            vec!["backups", "create", "--app", "demo", "--env", "test"],
            Shape::Object,
        ),
        (
            vec!["backups", "list", "--app", "demo", "--env", "test"],
            Shape::Array,
        ),
        (
            vec![
                "backups",
                "download",
                "--app",
                "demo",
                "--env",
                "test",
                "-o",
                backup_file.to_str().unwrap(),
            ],
            Shape::Object,
        ),
        (vec!["permissions", "list", "--app", "demo"], Shape::Array),
        (vec!["node", "show", "--app", "demo"], Shape::Object),
        (vec!["2fa", "status"], Shape::Object),
        (vec!["grant", "list"], Shape::Array),
        (vec!["audit"], Shape::Array),
        (vec!["audit", "--app", "demo"], Shape::Array),
        (
            vec!["can-i", "transport", "--app", "demo", "--env", "production"],
            Shape::Object,
        ),
        (vec!["admin", "users", "create", "zed"], Shape::Object),
        (vec!["admin", "users", "list"], Shape::Array),
        (
            vec!["admin", "apps", "create", "zed-app", "--contact", "zed"],
            Shape::Object,
        ),
    ];
    for (args, shape) in &table {
        run(args, *shape);
    }

    let job = CiJob::new(&server.url, &token);
    for (args, shape) in [
        (vec!["packages", "list", "--app", "demo"], Shape::Array),
        (
            vec!["can-i", "transport", "--app", "demo", "--env", "production"],
            Shape::Object,
        ),
        (
            vec![
                "transport",
                "--app",
                "demo",
                "--package",
                &package,
                "--to",
                "production",
            ],
            Shape::Object,
        ),
        (vec!["status"], Shape::Object),
    ] {
        json_of(job.cmd(), &args, shape);
    }

    run(&["grant", "revoke", &grant_id], Shape::Object);
    run(&["logout"], Shape::Object);
}

/// Failing commands under `--output json` print nothing on stdout and one
/// `{"error":{"code","message"}}` on stderr, with the exit code of the README, whoever
/// refuses: the server, the CLI, a CI grant. `can-i` answering no is the one command that
/// still prints its answer (exit 4).
#[test]
fn json_errors_go_to_stderr_only() {
    let server = Server::start();
    let admin = server.admin();
    let (_, token) = {
        let issued = admin.issue_ci_grant(&[
            "--app",
            "demo",
            "--env",
            "production",
            "--allow",
            "transport",
        ]);
        (
            issued["id"].as_i64().unwrap(),
            issued["token"].as_str().unwrap().to_owned(),
        )
    };
    let job = CiJob::new(&server.url, &token);
    let garbage = CiJob::new(&server.url, "not-a-grant");
    let unenrolled = server.user();
    let password = server.create_user(&admin, "nell");
    unenrolled.login("nell", &password);
    admin.json(&["admin", "apps", "create", "nell-app", "--contact", "nell"]);

    let cases: Vec<(&str, assert_cmd::Command, &[&str], i32, &str)> = vec![
        (
            "revoking a grant that does not exist",
            admin.cmd(),
            &["grant", "revoke", "99999"],
            1,
            "not_found",
        ),
        (
            "an unknown operation in a grant",
            admin.cmd(),
            &[
                "grant",
                "issue",
                "--app",
                "demo",
                "--env",
                "production",
                "--allow",
                "deploy",
            ],
            2,
            "bad_request",
        ),
        (
            "can-i with an unknown operation",
            admin.cmd(),
            &["can-i", "deploy", "--app", "demo", "--env", "test"],
            2,
            "bad_request",
        ),
        (
            "an unknown app",
            admin.cmd(),
            &["envs", "list", "--app", "nope"],
            1,
            "not_found",
        ),
        (
            "a padlocked command without a second factor",
            unenrolled.cmd(),
            &["node", "show", "--app", "nell-app"],
            3,
            "enrollment_required",
        ),
        (
            "a CI grant out of its scope",
            job.cmd(),
            &["env", "stop", "--app", "demo", "--env", "production"],
            4,
            "out_of_scope",
        ),
        (
            "a CI grant managing grants",
            job.cmd(),
            &["grant", "list"],
            2,
            "usage",
        ),
        (
            "a token that is no CI grant",
            garbage.cmd(),
            &["apps", "list"],
            1,
            "unauthenticated",
        ),
    ];
    for (what, mut cmd, args, exit, code) in cases {
        let out = cmd.args(args).args(["--output", "json"]).output().unwrap();
        let err = json_error(&out, exit, what);
        assert_eq!(err["code"], code, "{what}: {err}");
        assert!(!err["message"].as_str().unwrap().is_empty(), "{what}");
    }

    // can-i: the answer on stdout, exit 4, and the error on stderr.
    let out = job
        .cmd()
        .args(["can-i", "transport", "--app", "demo", "--env", "test"])
        .args(["--output", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{out:?}");
    let answer = one_document(&out.stdout, Shape::Object, "can-i");
    assert_eq!(answer["allowed"], false, "{answer}");
    assert_eq!(answer["reason"], "out_of_scope", "{answer}");
    let err: Value = serde_json::from_slice(&out.stderr)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    assert!(err["error"]["code"].is_string(), "{err}");
}

/// `padlock --help` lists every exit code of the README's table (0 to 6), under EXIT
/// CODES.
#[test]
fn help_lists_the_readme_exit_codes() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("### Exit codes")
        .nth(1)
        .expect("the README has an exit code table");
    let documented: Vec<u8> = section
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .filter_map(|line| line.split('|').nth(1)?.trim().parse().ok())
        .collect();
    for code in 0..=6 {
        assert!(
            documented.contains(&code),
            "{code} in the README: {section}"
        );
    }

    let out = padlock().arg("--help").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let help = String::from_utf8_lossy(&out.stdout);
    let listed = help
        .split("EXIT CODES:")
        .nth(1)
        .unwrap_or_else(|| panic!("EXIT CODES in:\n{help}"));
    for code in documented.iter().filter(|code| **code <= 6) {
        assert!(
            listed
                .lines()
                .any(|line| line.trim_start().starts_with(&format!("{code}  "))),
            "exit code {code} in:\n{listed}"
        );
    }
}

/// `-q` silences the notes for people on stderr, not the result on stdout.
#[test]
fn quiet_suppresses_notes() {
    let server = Server::start();
    let admin = server.admin();
    let file = admin.config_dir().join("quiet.mda");
    std::fs::write(&file, "quiet\n").unwrap();
    let package = admin.json(&[
        "packages",
        "upload",
        "--app",
        "demo",
        file.to_str().unwrap(),
    ]);
    let package = package["id"].to_string();
    let transport = [
        "transport",
        "--app",
        "demo",
        "--package",
        &package,
        "--to",
        "test",
    ];

    let loud = admin.cmd().args(transport).output().unwrap();
    assert!(loud.status.success(), "{loud:?}");
    let stderr = String::from_utf8_lossy(&loud.stderr);
    assert!(
        stderr.contains("Operation ") && stderr.contains("transport on demo/test"),
        "{stderr}"
    );
    let quiet = admin.cmd().args(transport).arg("-q").output().unwrap();
    assert!(quiet.status.success(), "{quiet:?}");
    assert_eq!(String::from_utf8_lossy(&quiet.stderr), "", "{quiet:?}");
    assert!(
        String::from_utf8_lossy(&quiet.stdout).contains("padlock: transport succeeded"),
        "{quiet:?}"
    );
}

/// Everything `padlock ARGS` writes to a terminal (a PTY), with `env` set, and its exit code.
fn on_a_terminal(user: &User, args: &[&str], env: &[(&str, &str)]) -> (String, i32) {
    let mut cmd = user.std_cmd();
    cmd.args(args)
        .env("TERM", "xterm-256color")
        .env("COLUMNS", "200")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CI");
    cmd.envs(env.iter().copied());
    let mut session = Session::spawn(cmd).expect("padlock starts in a PTY");
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    let all = session.expect(Eof).expect("padlock ends");
    let text = String::from_utf8_lossy(all.before()).into_owned()
        + &String::from_utf8_lossy(all.as_bytes());
    match session.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => (text, code),
        other => panic!("padlock {args:?} ended with {other:?}: {text}"),
    }
}

/// With `NO_COLOR=1`, even on a terminal, neither output nor errors carry ANSI escapes;
/// without it the same usage error is coloured there (so the check can see them).
#[test]
fn no_color_means_no_escapes() {
    let server = Server::start();
    let admin = server.admin();
    let file = admin.config_dir().join("plain.mda");
    std::fs::write(&file, "plain\n").unwrap();
    let package = admin.json(&[
        "packages",
        "upload",
        "--app",
        "demo",
        file.to_str().unwrap(),
    ]);
    let package = package["id"].to_string();
    let no_color = [("NO_COLOR", "1")];

    let usage_error = ["transport", "--app", "demo", "--to"];
    let (coloured, code) = on_a_terminal(&admin, &usage_error, &[]);
    assert_eq!(code, 2, "{coloured}");
    assert!(
        coloured.contains('\u{1b}'),
        "a usage error is coloured on a terminal: {coloured:?}"
    );

    for (args, exit) in [
        (
            vec![
                "transport",
                "--app",
                "demo",
                "--package",
                &package,
                "--to",
                "test",
            ],
            0,
        ),
        (
            vec![
                "transport",
                "--app",
                "demo",
                "--package",
                "99999",
                "--to",
                "test",
            ],
            1,
        ),
        (usage_error.to_vec(), 2),
    ] {
        let (text, code) = on_a_terminal(&admin, &args, &no_color);
        assert_eq!(code, exit, "{args:?}: {text}");
        assert!(!text.contains('\u{1b}'), "{args:?}: {text:?}");
        if exit == 0 {
            assert!(text.contains("padlock: transport succeeded"), "{text}");
        } else {
            assert!(text.contains("error"), "{text}");
        }
    }
}

/// Runs `cmd` with `stdin`; kills it when it has not ended within `limit`. Returns its
/// output and how long it took.
fn run_within(mut cmd: StdCommand, stdin: Stdio, limit: Duration) -> (Output, Duration) {
    let started = Instant::now();
    let mut child = cmd
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        stdout.read_to_end(&mut buf).ok();
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        stderr.read_to_end(&mut buf).ok();
        buf
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("{cmd:?} was still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = started.elapsed();
    let output = Output {
        status,
        stdout: out_reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
    };
    (output, took)
}

/// Without a terminal nothing waits for input: commands that could prompt fail at once
/// with exit 2 (a usage error: say what is missing) or 3 (a second factor cannot be asked
/// for) — with stdin an open pipe nobody writes to, with stdin closed, and with
/// `--no-input`.
#[test]
fn nothing_waits_for_a_terminal() {
    let server = Server::start();
    let admin = server.admin();
    // dora has a second factor and an app of her own, but her new session has no grant.
    let password = server.create_user(&admin, "dora");
    admin.json(&["admin", "apps", "create", "dora-app", "--contact", "dora"]);
    let enrolling = server.user();
    enrolling.login("dora", &password);
    enrolling.enroll_totp();
    let file = enrolling.config_dir().join("dora.mda");
    std::fs::write(&file, "dora\n").unwrap();
    let package = enrolling.json(&[
        "packages",
        "upload",
        "--app",
        "dora-app",
        file.to_str().unwrap(),
    ]);
    let package = package["id"].to_string();
    let dora = server.user();
    dora.login("dora", &password);
    let logged_out = server.user();
    // sue (support) and fay (technical contact of fay-app) have no second factor yet.
    let sue = server.user();
    let created = admin.json(&["admin", "users", "create", "sue", "--support"]);
    sue.login("sue", created["password"].as_str().unwrap());
    let fay = server.user();
    fay.login("fay", &server.create_user(&admin, "fay"));
    admin.json(&["admin", "apps", "create", "fay-app", "--contact", "fay"]);
    let fay_file = fay.config_dir().join("fay.mda");
    std::fs::write(&fay_file, "fay\n").unwrap();
    let fay_package = fay.json(&[
        "packages",
        "upload",
        "--app",
        "fay-app",
        fay_file.to_str().unwrap(),
    ]);
    let fay_package = fay_package["id"].to_string();

    let cases: Vec<(&str, &User, Vec<&str>, i32, &str)> = vec![
        (
            "login without a password",
            &logged_out,
            vec!["login", "admin"],
            2,
            "usage",
        ),
        (
            "2fa setup without --method",
            &sue,
            vec!["2fa", "setup"],
            2,
            "usage",
        ),
        (
            "2fa confirm without a code",
            &sue,
            vec!["2fa", "confirm"],
            3,
            "second_factor_required",
        ),
        (
            "transport to production before enrolling",
            &fay,
            vec![
                "transport",
                "--app",
                "fay-app",
                "--package",
                &fay_package,
                "--to",
                "production",
            ],
            3,
            "enrollment_required",
        ),
        (
            "transport to production without a grant",
            &dora,
            vec![
                "transport",
                "--app",
                "dora-app",
                "--package",
                &package,
                "--to",
                "production",
            ],
            3,
            "second_factor_required",
        ),
        (
            "2fa verify without a code",
            &dora,
            vec!["2fa", "verify"],
            3,
            "second_factor_required",
        ),
        (
            "grant issue without a grant",
            &dora,
            vec![
                "grant",
                "issue",
                "--app",
                "dora-app",
                "--env",
                "production",
                "--allow",
                "transport",
            ],
            3,
            "second_factor_required",
        ),
        (
            "node show without a grant",
            &dora,
            vec!["node", "show", "--app", "dora-app"],
            3,
            "second_factor_required",
        ),
        (
            "reset-2fa before enrolling",
            &sue,
            vec!["admin", "reset-2fa", "dora"],
            3,
            "enrollment_required",
        ),
    ];
    let limit = Duration::from_secs(10);
    for (what, user, args, exit, code) in &cases {
        for (how, no_input) in [
            ("stdin open", false),
            ("stdin closed", false),
            ("--no-input", true),
        ] {
            let mut cmd = user.std_cmd();
            cmd.args(args).args(["--output", "json"]);
            if no_input {
                cmd.arg("--no-input");
            }
            let (reader, writer) = std::io::pipe().unwrap();
            let (out, took) = if how == "stdin closed" {
                // A pipe whose writer is gone: a read ends at once with nothing.
                drop(writer);
                run_within(cmd, Stdio::from(reader), limit)
            } else {
                // A pipe that stays open and never delivers anything: reading it would hang,
                // with or without --no-input.
                let result = run_within(cmd, Stdio::from(reader), limit);
                drop(writer);
                result
            };
            let err = json_error(&out, *exit, &format!("{what} ({how})"));
            assert_eq!(err["code"], *code, "{what} ({how}): {err}");
            assert!(took < limit, "{what} ({how}) took {took:?}");
        }
    }
    let status = dora.json(&["2fa", "status"]);
    assert_eq!(status["active"], true, "{status}");
}
