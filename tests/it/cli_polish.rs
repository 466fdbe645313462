//! The CLI a technical contact enjoys (issue 11): one JSON document everywhere and a
//! separate streaming format, codes fetched by `--otp-command` for SMS users, quiet ends on
//! a closed pipe, questions before destructive steps at a terminal, and help and messages
//! written for people.

use serde_json::Value;

use crate::helpers::*;

/// `--output json` is one array even when the audit log holds a single event (it used to be
/// a bare object then); `--output jsonl` streams the same events one per line.
#[test]
fn audit_json_is_one_array_and_jsonl_streams_the_same_events() {
    let server = Server::start();
    let admin = server.admin();

    let one = admin
        .cmd()
        .args(["audit", "--limit", "1", "--output", "json"])
        .output()
        .unwrap();
    assert!(one.status.success(), "{one:?}");
    let one: Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(one.as_array().map(Vec::len), Some(1), "{one}");

    let all = admin.audit(&[]);
    assert!(all.len() > 1, "{all:?}");
    let lines = admin
        .cmd()
        .args(["audit", "--output", "jsonl"])
        .output()
        .unwrap();
    assert!(lines.status.success(), "{lines:?}");
    assert!(lines.stderr.is_empty(), "{lines:?}");
    let streamed: Vec<Value> = String::from_utf8(lines.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{line:?}: {e}")))
        .collect();
    // The audit of the first `audit` call itself is not an event, so both runs see the same.
    assert_eq!(streamed, all);

    let help = admin.cmd().args(["audit", "--help"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&help.stdout).contains("jsonl"),
        "{help:?}"
    );
}

/// An `--otp-command` that prints the newest code of the dev server's SMS outbox, as a
/// script that reads the SMS gateway would.
fn outbox_reader(server: &Server) -> String {
    format!(
        r#"sed -n 's/.*"code":"\([0-9]*\)".*/\1/p' '{}' | tail -n 1"#,
        server.outbox.display()
    )
}

/// An SMS user's `--otp-command` gets a code: padlock sends one before running the command
/// (it used to send only for the prompt, so the command found nothing new). When a code
/// was sent moments ago, the resend wait keeps padlock from sending another and the command
/// fetches the pending one.
#[test]
fn otp_command_of_an_sms_user_gets_a_fresh_or_pending_code() {
    const PHONE: &str = "+4915112345678";
    let server = Server::start();
    let admin = server.admin();
    let sue = crate::two_factor::person(&server, &admin, "sue");
    sue.user.json(&[
        "2fa",
        "setup",
        "--method",
        "sms",
        "--phone",
        PHONE,
        "--no-input",
    ]);
    let code = server.sms_codes(PHONE).pop().unwrap();
    sue.user.json(&["2fa", "confirm", "--otp", &code]);
    let restart = ["env", "restart", "--app", &sue.app, "--env", "production"];

    sue.relogin();
    let out = sue
        .user
        .cmd()
        .args(restart)
        .args(["--otp-command", &outbox_reader(&server)])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(server.sms_codes(PHONE).len(), 2, "one new code was sent");

    // A code is pending (sent through the API): no second SMS, the command reads that one.
    sue.relogin();
    let sent = http()
        .post(format!("{}/v1/2fa/sms", server.url))
        .bearer_auth(sue.user.session_token())
        .json(&serde_json::json!({}))
        .send()
        .unwrap();
    assert_eq!(sent.status(), 200, "{:?}", sent.text());
    let out = sue
        .user
        .cmd()
        .args(restart)
        .args(["--otp-command", &outbox_reader(&server)])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        server.sms_codes(PHONE).len(),
        3,
        "no SMS beyond the pending one"
    );
}

/// Runs `cmd` with its standard output a pipe whose reading end is already closed, as in
/// `padlock … | head -1` once `head` has left, and returns the exit code and stderr.
fn into_closed_pipe(mut cmd: std::process::Command) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = cmd
        .stdin(std::process::Stdio::null())
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// No command panics when the reader of its output has gone (`padlock completions zsh |
/// head -1` aborted with exit 134); like ripgrep, padlock ends quietly with exit 0.
#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    let server = Server::start();
    let admin = server.admin();
    let package_file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(package_file.path(), "a package\n").unwrap();
    let package = admin.json(&[
        "packages",
        "upload",
        "--app",
        "demo",
        package_file.path().to_str().unwrap(),
    ])["id"]
        .to_string();
    let table: Vec<Vec<&str>> = vec![
        vec!["completions", "zsh"],
        vec!["completions", "bash"],
        vec!["completions", "fish"],
        vec!["--help"],
        vec!["help", "transport"],
        vec!["backups", "--help"],
        vec!["--version"],
        vec!["status"],
        vec!["status", "--output", "json"],
        vec!["apps", "list"],
        vec!["audit"],
        vec!["audit", "--output", "json"],
        vec!["audit", "--output", "jsonl"],
        vec!["packages", "list", "--app", "demo"],
        // Streams the hook's log to stdout while it runs.
        vec![
            "transport",
            "--app",
            "demo",
            "--package",
            &package,
            "--to",
            "test",
        ],
    ];
    for args in &table {
        let mut cmd = admin.std_cmd();
        cmd.args(args);
        let (exit, stderr) = into_closed_pipe(cmd);
        assert_eq!(exit, Some(0), "padlock {args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "padlock {args:?}: {stderr}");
    }
}

/// `padlock ARGS` as `user` in a PTY, as a person at a terminal runs it.
fn at_a_terminal(user: &User, args: &[&str]) -> expectrl::Session {
    let mut cmd = user.std_cmd();
    cmd.args(args).env("TERM", "xterm").env("COLUMNS", "200");
    let mut session = expectrl::Session::spawn(cmd).expect("padlock starts in a PTY");
    session.set_expect_timeout(Some(std::time::Duration::from_secs(60)));
    session
}

/// Reads the rest of a PTY session and returns it with the exit code.
fn finish(session: &mut expectrl::Session) -> (String, i32) {
    let rest = session.expect(expectrl::Eof).expect("padlock ends");
    let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    match session.get_process().wait().unwrap() {
        expectrl::WaitStatus::Exited(_, code) => (rest, code),
        other => panic!("padlock ended with {other:?}; output {rest}"),
    }
}

fn state_of(user: &User, app: &str, env: &str) -> String {
    let envs = user.json(&["envs", "list", "--app", app]);
    let found = envs.as_array().unwrap().iter().find(|e| e["name"] == env);
    found.unwrap()["state"].as_str().unwrap().to_owned()
}

/// With a grant cached, stopping production at a terminal says what it does and asks; no
/// keeps it running, yes stops it, `--yes` and a script (no terminal) are not asked.
#[test]
fn stopping_a_padlocked_environment_asks_at_a_terminal() {
    let server = Server::start();
    let admin = server.admin();
    let stop = ["env", "stop", "--app", "demo", "--env", "production"];

    let mut session = at_a_terminal(&admin, &stop);
    session
        .expect("This stops demo/production (padlocked")
        .unwrap();
    session.expect("Go on?").unwrap();
    session.send("n").unwrap();
    let (rest, exit) = finish(&mut session);
    assert_eq!(exit, 1, "{rest}");
    assert!(rest.contains("nothing was done"), "{rest}");
    assert_eq!(state_of(&admin, "demo", "production"), "running");

    let mut session = at_a_terminal(&admin, &stop);
    session.expect("Go on?").unwrap();
    session.send("y").unwrap();
    let (rest, exit) = finish(&mut session);
    assert_eq!(exit, 0, "{rest}");
    assert_eq!(state_of(&admin, "demo", "production"), "stopped");

    // --yes at a terminal: no question (one would leave padlock waiting until the timeout).
    admin.json(&["env", "start", "--app", "demo", "--env", "production"]);
    let mut session = at_a_terminal(&admin, &[&stop[..], &["--yes"]].concat());
    let (rest, exit) = finish(&mut session);
    assert_eq!(exit, 0, "{rest}");
    assert!(!rest.contains("Go on?"), "{rest}");
    assert_eq!(state_of(&admin, "demo", "production"), "stopped");

    // A script: stdin and stderr are pipes, nothing asks.
    admin.json(&["env", "start", "--app", "demo", "--env", "production"]);
    let out = admin.cmd().args(stop).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("Go on?"),
        "{out:?}"
    );
    assert_eq!(state_of(&admin, "demo", "production"), "stopped");
}

/// A restore at a terminal names the backup it restores and when it was made, and restores
/// exactly that one; declined, nothing runs.
#[test]
fn restoring_a_backup_names_it_and_asks_at_a_terminal() {
    let server = Server::start();
    let admin = server.admin();
    let target = ["--app", "demo", "--env", "production"];
    admin.json(&[&["backups", "create"][..], &target].concat());
    let latest = admin.json(&[&["backups", "create"][..], &target].concat())["backup_id"]
        .as_i64()
        .unwrap();
    let restore = [&["backups", "restore"][..], &target].concat();
    let operations = || admin.audit(&["--app", "demo"]).len();

    let before = operations();
    let mut session = at_a_terminal(&admin, &restore);
    session
        .expect(format!(
            "This restores backup {latest} (the latest, created "
        ))
        .unwrap();
    session.expect("Go on?").unwrap();
    session.send("n").unwrap();
    let (rest, exit) = finish(&mut session);
    assert_eq!(exit, 1, "{rest}");
    assert_eq!(
        operations(),
        before,
        "declined: nothing was asked of the server"
    );

    // A backup that finishes while the question is open does not change what is restored.
    let mut session = at_a_terminal(&admin, &restore);
    session.expect("Go on?").unwrap();
    admin.json(&[&["backups", "create"][..], &target].concat());
    session.send("y").unwrap();
    let (rest, exit) = finish(&mut session);
    assert_eq!(exit, 0, "{rest}");
    let op: i64 = operation_id_in(&rest);
    assert_eq!(
        admin.operation(op)["operation"]["backup_id"],
        latest,
        "{rest}"
    );

    // No terminal: no question, the latest is restored.
    let out = admin.cmd().args(&restore).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("Go on?"),
        "{out:?}"
    );
}

/// `backups download -o FILE` keeps an existing FILE unless `--force` says otherwise.
#[test]
fn a_download_does_not_overwrite_a_file_without_force() {
    let server = Server::start();
    let admin = server.admin();
    admin.json(&["backups", "create", "--app", "demo", "--env", "test"]);
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), "an older backup").unwrap();
    let download = [
        "backups",
        "download",
        "--app",
        "demo",
        "--env",
        "test",
        "-o",
        file.path().to_str().unwrap(),
    ];
    let error = admin.error(&download, 2);
    assert!(
        error["message"].as_str().unwrap().contains("--force"),
        "{error}"
    );
    assert_eq!(
        std::fs::read_to_string(file.path()).unwrap(),
        "an older backup"
    );

    admin.json(&[&download[..], &["--force"]].concat());
    assert_ne!(
        std::fs::read_to_string(file.path()).unwrap(),
        "an older backup"
    );
}

/// The id in the "Operation N: …" line a command prints when it starts one.
fn operation_id_in(text: &str) -> i64 {
    let at = text
        .find("Operation ")
        .unwrap_or_else(|| panic!("no operation in {text}"));
    text[at + "Operation ".len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or_else(|_| panic!("no operation id in {text}"))
}

/// A start refused because the environment is busy names the operation holding it, so the
/// caller can follow it.
#[test]
fn a_busy_environment_names_its_operation() {
    let hooks = HookDir::new();
    hooks.script("slow.sh", &HookDir::wait_for_release("go"));
    let config = hooks.config(&[HookSpec {
        app: "demo",
        env: "test",
        operation: "restart",
        script: "slow.sh",
        timeout: None,
    }]);
    let server = Server::start_with(&["--config", config.to_str().unwrap()], &[]);
    let admin = server.admin_password_only();
    let restart = ["env", "restart", "--app", "demo", "--env", "test"];
    let started = admin.json(&[&restart[..], &["--detach"]].concat());
    let id = started["id"].as_i64().unwrap();

    let busy = admin.error(&restart, 1);
    assert_eq!(busy["code"], "busy", "{busy}");
    let message = busy["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("operation {id} (restart by admin)"))
            && message.contains(&format!("padlock ops follow {id}")),
        "{busy}"
    );
    hooks.release("go");
    admin.wait_operation(id);
}

/// Promoting from an environment where nothing runs is a failure of the moment (exit 1),
/// not a usage error (exit 2): the command line was right.
#[test]
fn promoting_from_an_empty_environment_exits_1() {
    let server = Server::start();
    let admin = server.admin();
    let error = admin.error(
        &[
            "transport",
            "--app",
            "demo",
            "--from",
            "acceptance",
            "--to",
            "production",
        ],
        1,
    );
    assert_eq!(error["code"], "nothing_to_promote", "{error}");
    assert!(
        error["message"].as_str().unwrap().contains("--package"),
        "{error}"
    );
}
