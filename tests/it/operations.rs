//! Deployment operations and hooks (issue 5): transport, start/stop/restart and backups run
//! the operator's hook scripts with the operation's context, their output is the operation's
//! log, one operation at a time per environment, following and detaching, and what a
//! `kill -9` of the server leaves behind.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command as StdCommand, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::helpers::*;

/// A dev server started with `[[hooks]]` from a config file, and `admin` (technical contact
/// of `demo`, whose production is padlocked) logged in.
struct Deploy {
    server: Server,
    admin: User,
    hooks: HookDir,
}

fn deploy(hooks: HookDir, specs: &[HookSpec]) -> Deploy {
    deploy_with(hooks, specs, &[])
}

fn deploy_with(hooks: HookDir, specs: &[HookSpec], envs: &[(&str, &str)]) -> Deploy {
    let config = hooks.config(specs);
    let server = Server::start_with(&["--config", config.to_str().unwrap()], envs);
    let admin = server.admin_password_only();
    Deploy {
        server,
        admin,
        hooks,
    }
}

fn hook<'a>(env: &'a str, operation: &'a str, script: &'a str) -> HookSpec<'a> {
    HookSpec {
        app: "demo",
        env,
        operation,
        script,
        timeout: None,
    }
}

/// Uploads `bytes` as `name` to `demo` and returns the package.
fn upload(user: &User, name: &str, bytes: &[u8]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, bytes).unwrap();
    user.json(&[
        "packages",
        "upload",
        "--app",
        "demo",
        file.to_str().unwrap(),
    ])
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// `padlock envs list --app demo`: environment name to its JSON.
fn envs(user: &User) -> BTreeMap<String, Value> {
    user.json(&["envs", "list", "--app", "demo"])
        .as_array()
        .unwrap()
        .iter()
        .map(|env| (env["name"].as_str().unwrap().to_owned(), env.clone()))
        .collect()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Starts an operation with `--detach --output json` and returns its id.
fn detach(user: &User, args: &[&str]) -> i64 {
    let mut args = args.to_vec();
    args.push("--detach");
    let op = user.json(&args);
    assert_eq!(op["state"], "running", "{op}");
    op["id"].as_i64().unwrap()
}

/// The `{"code","message"}` a failed command printed on stderr under `--output json`,
/// whatever it printed on stdout.
fn json_error_lenient(out: &std::process::Output, exit: i32) -> Value {
    assert_eq!(out.status.code(), Some(exit), "{}", stderr(out));
    let error: Value = serde_json::from_slice(&out.stderr)
        .unwrap_or_else(|err| panic!("stderr is not one JSON error ({err}): {}", stderr(out)));
    error["error"].clone()
}

/// The id in a failure message "… failed (operation ID); …".
fn operation_id_in(message: &str) -> i64 {
    message
        .split("(operation ")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no operation id in {message:?}"))
}

/// Whether a process is gone: no such pid, or a zombie nobody has reaped yet.
fn process_gone(pid: i32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        // The state follows the command name in parentheses: "pid (comm) S ...".
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| matches!(rest.trim_start().chars().next(), Some('Z' | 'X'))),
    }
}

/// A `padlock` run in the background, its output collected as it comes.
struct Running {
    child: Child,
    out: Arc<Mutex<String>>,
    err: Arc<Mutex<String>>,
    readers: Vec<JoinHandle<()>>,
}

impl Running {
    fn start(mut cmd: StdCommand) -> Running {
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = Arc::new(Mutex::new(String::new()));
        let err = Arc::new(Mutex::new(String::new()));
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let collect = |pipe: Box<dyn Read + Send>, into: Arc<Mutex<String>>| {
            std::thread::spawn(move || {
                let mut lines = BufReader::new(pipe);
                let mut line = String::new();
                while lines.read_line(&mut line).unwrap_or(0) > 0 {
                    into.lock().unwrap().push_str(&line);
                    line.clear();
                }
            })
        };
        let readers = vec![
            collect(Box::new(stdout), out.clone()),
            collect(Box::new(stderr), err.clone()),
        ];
        Running {
            child,
            out,
            err,
            readers,
        }
    }

    fn stdout(&self) -> String {
        self.out.lock().unwrap().clone()
    }

    /// Waits until stdout holds `text`.
    fn wait_stdout(&mut self, text: &str) {
        poll_until(60, &format!("{text:?} on stdout"), || {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "padlock exited ({status}) before printing {text:?}: stdout {} stderr {}",
                    self.stdout(),
                    self.err.lock().unwrap()
                );
            }
            self.stdout().contains(text).then_some(())
        })
    }

    fn still_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// Waits for the exit (at most a minute) and returns it with stdout and stderr.
    fn finish(mut self) -> (ExitStatus, String, String) {
        let status = poll_until(60, "padlock to exit", || self.child.try_wait().unwrap());
        for reader in self.readers.drain(..) {
            reader.join().unwrap();
        }
        let out = self.stdout();
        let err = self.err.lock().unwrap().clone();
        (status, out, err)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            self.child.kill().ok();
            self.child.wait().ok();
        }
    }
}

#[test]
fn transport_to_production_runs_the_configured_hook_with_the_operation_context() {
    let hooks = HookDir::new();
    hooks.script(
        "deploy.sh",
        r#"env | grep '^PADLOCK_' | sort > "$DIR/context.tmp"
cp "$PADLOCK_PACKAGE_FILE" "$DIR/received.pkg"
mv "$DIR/context.tmp" "$DIR/context"
echo "deploying $PADLOCK_PACKAGE_SHA256 to $PADLOCK_APP/$PADLOCK_ENV"
echo "deploy finished""#,
    );
    // A master key set through the environment is the server's secret, not the hook's.
    let master_key = "ab".repeat(32);
    let d = deploy_with(
        hooks,
        &[hook("production", "transport", "deploy.sh")],
        &[("PADLOCK_MASTER_KEY", &master_key)],
    );
    d.admin.enroll_totp();
    let bytes = b"MDA package \x00\x01\x02 payload\n".repeat(100);
    let package = upload(&d.admin, "shop-1.2.mda", &bytes);
    let package_id = package["id"].as_i64().unwrap();
    let sha256 = sha256_hex(&bytes);
    assert_eq!(package["sha256"], sha256.as_str());

    let out = d
        .admin
        .cmd()
        .args(["transport", "--app", "demo", "--to", "production"])
        .args(["--package", &package_id.to_string()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The operation's log, and nothing else, on stdout.
    assert_eq!(
        stdout(&out),
        format!(
            "deploying {sha256} to demo/production\ndeploy finished\npadlock: transport succeeded\n"
        )
    );

    let context: BTreeMap<String, String> = std::fs::read_to_string(d.hooks.file("context"))
        .unwrap()
        .lines()
        .map(|line| {
            let (key, value) = line.split_once('=').unwrap();
            (key.to_owned(), value.to_owned())
        })
        .collect();
    let var = |key: &str| {
        context
            .get(key)
            .unwrap_or_else(|| panic!("the hook got no {key}: {context:?}"))
            .as_str()
    };
    assert_eq!(var("PADLOCK_APP"), "demo");
    assert_eq!(var("PADLOCK_ENV"), "production");
    assert_eq!(var("PADLOCK_OPERATION"), "transport");
    assert_eq!(var("PADLOCK_ACTOR"), "admin");
    assert_eq!(var("PADLOCK_PACKAGE_SHA256"), sha256);
    assert_eq!(var("PADLOCK_PACKAGE_ID"), package_id.to_string());
    assert_eq!(std::fs::read(var("PADLOCK_PACKAGE_FILE")).unwrap(), bytes);
    assert_eq!(std::fs::read(d.hooks.file("received.pkg")).unwrap(), bytes);
    assert!(
        !context.contains_key("PADLOCK_MASTER_KEY")
            && !context.values().any(|v| v.contains(&master_key)),
        "the server's master key reached the hook: {context:?}"
    );
    let op_id: i64 = var("PADLOCK_OPERATION_ID").parse().unwrap();
    assert!(
        stderr(&out).contains(&format!("Operation {op_id}: transport on demo/production")),
        "{}",
        stderr(&out)
    );

    // The grant the hook was told about is the one the padlock let through.
    let grant_id = var("PADLOCK_GRANT_ID");
    let events = d.admin.audit(&["--app", "demo"]);
    let transport = events
        .iter()
        .find(|e| e["action"] == "transport" && e["env"] == "production")
        .unwrap_or_else(|| panic!("no transport event: {events:?}"));
    assert_eq!(transport["outcome"], "allowed");
    assert_eq!(transport["via"], format!("grant:{grant_id}").as_str());

    let shown = d.admin.operation(op_id);
    let op = &shown["operation"];
    assert_eq!(op["state"], "succeeded", "{shown}");
    assert_eq!(op["kind"], "transport");
    assert_eq!(op["app"], "demo");
    assert_eq!(op["env"], "production");
    assert_eq!(op["actor"], "admin");
    assert_eq!(op["package_id"], package_id);
    assert_eq!(op["exit_code"], 0);
    assert!(op["finished_at"].is_string(), "{op}");
    assert_eq!(shown["log"].as_str().unwrap(), stdout(&out));

    let envs = envs(&d.admin);
    assert_eq!(envs["production"]["package_id"], package_id, "{envs:?}");
    assert_eq!(envs["production"]["state"], "running");
    assert_eq!(envs["production"]["padlocked"], true);
    assert_eq!(envs["test"]["package_id"], Value::Null, "{envs:?}");
}

#[test]
fn a_failing_hook_fails_the_operation_and_keeps_its_log() {
    let hooks = HookDir::new();
    hooks.script(
        "stop.sh",
        "echo \"stopping $PADLOCK_ENV\"\necho 'the node did not answer' >&2\nexit 3",
    );
    let d = deploy(hooks, &[hook("production", "stop", "stop.sh")]);
    d.admin.enroll_totp();

    let out = d
        .admin
        .cmd()
        .args(["env", "stop", "--app", "demo", "--env", "production"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let printed = stdout(&out);
    assert!(printed.contains("stopping production\n"), "{printed}");
    assert!(printed.contains("the node did not answer\n"), "{printed}");
    assert!(
        printed.ends_with("padlock: stop failed: the hook exited with status 3\n"),
        "{printed}"
    );
    let message = stderr(&out);
    assert!(
        message.contains("stop on demo/production failed"),
        "{message}"
    );

    // The same failure under --output json: exit 1 and one JSON error on stderr; stdout
    // holds at most the failed operation.
    let out = d
        .admin
        .cmd()
        .args([
            "env",
            "stop",
            "--app",
            "demo",
            "--env",
            "production",
            "--output",
            "json",
        ])
        .output()
        .unwrap();
    let error = json_error_lenient(&out, 1);
    assert_eq!(error["code"], "failed", "{error}");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("stop on demo/production failed")
    );
    // A failed operation is an error: stdout is for data, and there is none.
    assert!(out.stdout.is_empty(), "{}", stdout(&out));

    let id = operation_id_in(&message);
    let shown = d.admin.operation(id);
    assert_eq!(shown["operation"]["state"], "failed", "{shown}");
    assert_eq!(shown["operation"]["exit_code"], 3, "{shown}");
    let log = shown["log"].as_str().unwrap();
    assert!(log.contains("stopping production"), "{log}");
    assert!(log.contains("the node did not answer"), "{log}");
    // A failed stop does not stop anything.
    assert_eq!(envs(&d.admin)["production"]["state"], "running");
}

#[test]
fn a_hook_past_its_timeout_is_killed_with_its_whole_process_group() {
    let hooks = HookDir::new();
    hooks.script(
        "restart.sh",
        "sleep 300 &\necho $! > \"$DIR/child.pid\"\necho 'restarting slowly'\nsleep 30\necho 'never printed'",
    );
    let d = deploy(
        hooks,
        &[HookSpec {
            timeout: Some("1s"),
            ..hook("test", "restart", "restart.sh")
        }],
    );

    let started = Instant::now();
    let out = d
        .admin
        .cmd()
        .args(["env", "restart", "--app", "demo", "--env", "test"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        started.elapsed() < Duration::from_secs(25),
        "the hook was not stopped at its timeout"
    );
    let printed = stdout(&out);
    assert!(printed.contains("restarting slowly"), "{printed}");
    assert!(!printed.contains("never printed"), "{printed}");
    assert!(printed.contains("timeout"), "{printed}");

    let pid: i32 = std::fs::read_to_string(d.hooks.file("child.pid"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    poll_until(10, &format!("the hook's child {pid} to be killed"), || {
        process_gone(pid).then_some(())
    });

    let id = operation_id_in(&stderr(&out));
    let shown = d.admin.operation(id);
    assert_eq!(shown["operation"]["state"], "failed", "{shown}");
    assert_eq!(shown["operation"]["exit_code"], Value::Null, "{shown}");
    assert!(
        shown["log"].as_str().unwrap().contains("timed out"),
        "{shown}"
    );
}

#[test]
fn a_hook_for_another_environment_does_not_match_and_dev_mode_logs_instead() {
    let hooks = HookDir::new();
    hooks.script("deploy.sh", "touch \"$DIR/ran\"\necho 'real deploy'");
    let d = deploy(
        hooks,
        &[
            hook("production", "transport", "deploy.sh"),
            HookSpec {
                app: "other",
                ..hook("*", "transport", "deploy.sh")
            },
        ],
    );
    let package = upload(&d.admin, "app.zip", b"zip");
    let id = package["id"].as_i64().unwrap().to_string();

    let out = d
        .admin
        .cmd()
        .args([
            "transport",
            "--app",
            "demo",
            "--to",
            "test",
            "--package",
            &id,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let printed = stdout(&out);
    assert!(
        printed.contains("dev hook: would run transport on demo/test for admin (package app.zip"),
        "{printed}"
    );
    assert!(!printed.contains("real deploy"), "{printed}");
    assert!(!d.hooks.file("ran").exists(), "the production hook ran");
    assert_eq!(envs(&d.admin)["test"]["package_id"].to_string(), id);

    // Promoting what runs in test to acceptance runs acceptance's hook: dev mode's too.
    let out = d
        .admin
        .cmd()
        .args([
            "transport",
            "--app",
            "demo",
            "--from",
            "test",
            "--to",
            "acceptance",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("dev hook: would run transport on demo/acceptance"),
        "{}",
        stdout(&out)
    );
    assert!(!d.hooks.file("ran").exists(), "the production hook ran");
    assert_eq!(envs(&d.admin)["acceptance"]["package_id"].to_string(), id);
}

#[test]
fn an_environment_runs_one_operation_at_a_time() {
    let hooks = HookDir::new();
    hooks.script(
        "slow.sh",
        &format!(
            "echo 'deploy waiting'\n{}\necho 'deploy done'",
            HookDir::wait_for_release("go")
        ),
    );
    let d = deploy(hooks, &[hook("production", "transport", "slow.sh")]);
    d.admin.enroll_totp();
    let package = upload(&d.admin, "p.bin", b"p");
    let package_id = package["id"].as_i64().unwrap().to_string();
    let transport = [
        "transport",
        "--app",
        "demo",
        "--to",
        "production",
        "--package",
        &package_id,
    ];
    let id = detach(&d.admin, &transport);

    let busy = d.admin.error(
        &["env", "restart", "--app", "demo", "--env", "production"],
        1,
    );
    assert_eq!(busy["code"], "busy", "{busy}");
    assert!(
        busy["message"]
            .as_str()
            .unwrap()
            .contains("demo/production"),
        "{busy}"
    );
    assert_eq!(d.admin.fails(&transport, 1), "busy");
    assert_eq!(
        d.admin.fails(
            &["backups", "create", "--app", "demo", "--env", "production"],
            1
        ),
        "busy"
    );
    // A refused backup leaves no backup behind, and the refusal is on record as such.
    let backups = d
        .admin
        .json(&["backups", "list", "--app", "demo", "--env", "production"]);
    assert_eq!(
        backups,
        serde_json::json!([]),
        "a refused backup_create left {backups}"
    );
    let events = d.admin.audit(&["--app", "demo"]);
    let restarts: Vec<&Value> = events
        .iter()
        .filter(|e| e["action"] == "restart" && e["env"] == "production")
        .collect();
    assert_eq!(restarts.len(), 1, "{events:#?}");
    assert_eq!(restarts[0]["outcome"], "denied", "{events:#?}");
    assert_eq!(restarts[0]["reason"], "busy", "{events:#?}");
    // Another environment of the same app is not blocked.
    d.admin
        .cmd()
        .args(["env", "restart", "--app", "demo", "--env", "test"])
        .assert()
        .success();
    assert_eq!(d.admin.operation(id)["operation"]["state"], "running");

    d.hooks.release("go");
    let shown = d.admin.wait_operation(id);
    assert_eq!(shown["operation"]["state"], "succeeded", "{shown}");
    // Free again once it ended.
    d.admin
        .cmd()
        .args(["env", "restart", "--app", "demo", "--env", "production"])
        .assert()
        .success();
}

/// Restarts of one environment sent all at once start one operation: the partial unique
/// index of the database, not a check before the insert, decides.
#[test]
fn concurrent_starts_in_one_environment_start_one_operation() {
    let hooks = slow_restart_hooks();
    let config = hooks.config(&[hook("test", "restart", "slow.sh")]);
    let server = Server::start_with(&["--config", config.to_str().unwrap()], &[]);
    concurrent_restarts_start_one(&[&server], &hooks);
}

/// The same on PostgreSQL, with the requests spread over two replicas of one database.
#[test]
fn concurrent_starts_in_one_environment_start_one_operation_across_replicas() {
    let Some(db) = crate::postgres::TestDatabase::create() else {
        return;
    };
    let hooks = slow_restart_hooks();
    let config = hooks.config(&[hook("test", "restart", "slow.sh")]);
    let (a, b) = crate::postgres::replicas_with(&db, &["--config", config.to_str().unwrap()], &[]);
    concurrent_restarts_start_one(&[&a, &b], &hooks);
}

/// `slow.sh`, a hook that runs until the test creates `go`.
fn slow_restart_hooks() -> HookDir {
    let hooks = HookDir::new();
    hooks.script(
        "slow.sh",
        &format!(
            "echo restarting\n{}\necho restarted",
            HookDir::wait_for_release("go")
        ),
    );
    hooks
}

/// Sixteen `restart`s of demo/test released at once over `servers` (replicas of one
/// database): exactly one is started, every other is refused as busy, and one operation
/// exists afterwards.
fn concurrent_restarts_start_one(servers: &[&Server], hooks: &HookDir) {
    let last = servers[servers.len() - 1];
    let admin = User::new(&servers[0].url);
    admin.login("admin", &last.admin_password);
    let session = admin.session_token();
    let barrier = Arc::new(std::sync::Barrier::new(16));
    let handles: Vec<_> = (0..16)
        .map(|i| {
            let url = servers[i % servers.len()].url.clone();
            let (barrier, session) = (barrier.clone(), session.clone());
            std::thread::spawn(move || {
                let client = http();
                barrier.wait();
                let response = client
                    .post(format!("{url}/v1/apps/demo/envs/test/operations"))
                    .bearer_auth(session)
                    .json(&serde_json::json!({"kind": "restart"}))
                    .send()
                    .unwrap();
                let status = response.status().as_u16();
                (status, response.json::<Value>().unwrap())
            })
        })
        .collect();
    let answers: Vec<(u16, Value)> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let started: Vec<&Value> = answers
        .iter()
        .filter(|(status, _)| *status == 202)
        .map(|(_, body)| body)
        .collect();
    assert_eq!(started.len(), 1, "one operation starts: {answers:#?}");
    for (status, body) in answers.iter().filter(|(status, _)| *status != 202) {
        assert_eq!(
            (*status, &body["error"]["code"]),
            (409, &Value::from("busy")),
            "{body}"
        );
    }
    let id = started[0]["id"].as_i64().unwrap();
    hooks.release("go");
    assert_eq!(admin.wait_operation(id)["operation"]["state"], "succeeded");
    let ops = admin.json(&["ops", "list", "--app", "demo", "--env", "test"]);
    assert_eq!(ops.as_array().map(Vec::len), Some(1), "{ops}");
}

#[test]
fn detached_operations_are_followed_to_their_end() {
    let hooks = HookDir::new();
    hooks.script(
        "deploy.sh",
        &format!(
            "echo 'step 1'\n{}\necho 'step 2'",
            HookDir::wait_for_release("go")
        ),
    );
    hooks.script("stop.sh", "echo 'cannot stop'\nexit 7");
    let d = deploy(
        hooks,
        &[
            hook("test", "transport", "deploy.sh"),
            hook("test", "stop", "stop.sh"),
        ],
    );
    let package = upload(&d.admin, "p.bin", b"p");
    let package_id = package["id"].as_i64().unwrap().to_string();

    // Text: one line naming the id and the command to follow it.
    let out = d
        .admin
        .cmd()
        .args(["transport", "--app", "demo", "--to", "test", "--detach"])
        .args(["--package", &package_id])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let printed = stdout(&out);
    let id: i64 = printed
        .strip_prefix("Operation ")
        .and_then(|rest| rest.split(' ').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no operation id in {printed:?}"));
    assert_eq!(
        printed,
        format!("Operation {id} started: padlock ops follow {id}\n")
    );

    let mut follow = d.admin.std_cmd();
    follow.args(["ops", "follow", &id.to_string()]);
    let mut follow = Running::start(follow);
    follow.wait_stdout("step 1\n");
    assert!(follow.still_running(), "follow ended while the hook waits");
    d.hooks.release("go");
    let (status, out, err) = follow.finish();
    assert_eq!(status.code(), Some(0), "{err}");
    assert_eq!(out, "step 1\nstep 2\npadlock: transport succeeded\n");

    // Following an operation that already ended prints its whole log again.
    let again = d
        .admin
        .cmd()
        .args(["ops", "follow", &id.to_string()])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(stdout(&again), out);

    let failing = detach(&d.admin, &["env", "stop", "--app", "demo", "--env", "test"]);
    let out = d
        .admin
        .cmd()
        .args(["ops", "follow", &failing.to_string()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("cannot stop\n"), "{}", stdout(&out));
    assert!(
        stderr(&out).contains(&format!("operation {failing}")),
        "{}",
        stderr(&out)
    );
    // Someone who is no member of the app cannot see its operations at all.
    let password = d.server.create_user(&d.admin, "outsider");
    let outsider = d.server.user();
    outsider.login("outsider", &password);
    assert_eq!(
        outsider.fails(&["ops", "show", &id.to_string()], 1),
        "not_found"
    );
    assert_eq!(
        outsider.fails(&["ops", "follow", &id.to_string()], 1),
        "not_found"
    );

    // With --output json, the end state is the one document on stdout.
    let out = d
        .admin
        .cmd()
        .args(["ops", "follow", &id.to_string(), "--output", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let op: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(op["id"], id);
    assert_eq!(op["state"], "succeeded");
}

#[test]
fn ctrl_c_while_following_detaches_and_the_operation_goes_on() {
    let hooks = HookDir::new();
    hooks.script(
        "deploy.sh",
        &format!(
            "echo 'deploy waiting'\n{}\necho 'deploy done'",
            HookDir::wait_for_release("go")
        ),
    );
    let d = deploy(hooks, &[hook("test", "transport", "deploy.sh")]);
    let package = upload(&d.admin, "p.bin", b"p");
    let package_id = package["id"].as_i64().unwrap().to_string();

    let mut cmd = d.admin.std_cmd();
    cmd.args(["transport", "--app", "demo", "--to", "test"])
        .args(["--package", &package_id]);
    let mut running = Running::start(cmd);
    // The log streams, so the CLI is following and listening for Ctrl-C.
    running.wait_stdout("deploy waiting\n");
    let pid = running.child.id() as i32;
    // SAFETY: kill(2) on the pid of a child this test started and has not reaped.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    let (status, _, err) = running.finish();
    assert_eq!(status.code(), Some(130), "{err}");
    let id: i64 = err
        .split("padlock ops follow ")
        .nth(1)
        .and_then(|rest| rest.trim().parse().ok())
        .unwrap_or_else(|| panic!("the message names no padlock ops follow ID: {err:?}"));
    assert_eq!(d.admin.operation(id)["operation"]["state"], "running");

    d.hooks.release("go");
    let shown = d.admin.wait_operation(id);
    assert_eq!(shown["operation"]["state"], "succeeded", "{shown}");
    assert!(shown["log"].as_str().unwrap().contains("deploy done"));
    assert_eq!(envs(&d.admin)["test"]["package_id"].to_string(), package_id);
}

#[test]
fn env_start_stop_restart_change_the_environment_state() {
    let d = deploy(HookDir::new(), &[]);
    let state = |env: &str| envs(&d.admin)[env]["state"].as_str().unwrap().to_owned();
    let run = |command: &str, env: &str| {
        d.admin
            .cmd()
            .args(["env", command, "--app", "demo", "--env", env])
            .assert()
            .success();
    };
    assert_eq!(state("test"), "running");
    run("stop", "test");
    assert_eq!(state("test"), "stopped");
    assert_eq!(state("acceptance"), "running", "only test was stopped");
    run("start", "test");
    assert_eq!(state("test"), "running");
    run("stop", "acceptance");
    run("restart", "acceptance");
    assert_eq!(state("acceptance"), "running");

    // A detached stop changes the state once it ends.
    let id = detach(&d.admin, &["env", "stop", "--app", "demo", "--env", "test"]);
    let shown = d.admin.wait_operation(id);
    assert_eq!(shown["operation"]["kind"], "stop");
    assert_eq!(shown["operation"]["state"], "succeeded");
    assert_eq!(state("test"), "stopped");

    // Production is padlocked: without a second factor nothing changes.
    assert_eq!(
        d.admin.fails(
            &[
                "env",
                "stop",
                "--app",
                "demo",
                "--env",
                "production",
                "--no-input"
            ],
            3
        ),
        "enrollment_required"
    );
    assert_eq!(state("production"), "running");
}

#[test]
fn backups_are_created_listed_downloaded_and_restored() {
    let hooks = HookDir::new();
    hooks.script(
        "backup.sh",
        "printf 'data-%s' \"$PADLOCK_BACKUP_ID\" > \"$PADLOCK_BACKUP_FILE\"\necho \"backup $PADLOCK_BACKUP_ID of $PADLOCK_APP/$PADLOCK_ENV written\"",
    );
    hooks.script(
        "restore.sh",
        "cp \"$PADLOCK_BACKUP_FILE\" \"$DIR/restored\"\necho \"restored backup $PADLOCK_BACKUP_ID\"",
    );
    let d = deploy(
        hooks,
        &[
            hook("production", "backup_create", "backup.sh"),
            hook("production", "backup_restore", "restore.sh"),
        ],
    );
    d.admin.enroll_totp();
    let target = ["--app", "demo", "--env", "production"];
    let create = || {
        let out = d
            .admin
            .cmd()
            .args(["backups", "create"])
            .args(target)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let first_log = create();
    let list = d
        .admin
        .json(&["backups", "list", "--app", "demo", "--env", "production"]);
    let backups = list.as_array().unwrap();
    assert_eq!(backups.len(), 1, "{list}");
    let first = backups[0]["id"].as_i64().unwrap();
    assert!(
        first_log.contains(&format!("backup {first} of demo/production written\n")),
        "{first_log}"
    );
    create();
    let list = d
        .admin
        .json(&["backups", "list", "--app", "demo", "--env", "production"]);
    let backups = list.as_array().unwrap();
    assert_eq!(backups.len(), 2, "{list}");
    let second = backups[1]["id"].as_i64().unwrap();
    assert_ne!(first, second);
    for (backup, id) in backups.iter().zip([first, second]) {
        let content = format!("data-{id}");
        assert_eq!(backup["ready"], true, "{backup}");
        assert_eq!(backup["size"], content.len(), "{backup}");
        assert_eq!(backup["sha256"], sha256_hex(content.as_bytes()), "{backup}");
        assert_eq!(backup["env"], "production");
        assert!(backup["operation_id"].as_i64().unwrap() > 0, "{backup}");
    }

    let dir = tempfile::tempdir().unwrap();
    let download = |args: &[&str], file: &str| {
        let path = dir.path().join(file);
        let result = d.admin.json(
            &[
                &["backups", "download"][..],
                &target,
                args,
                &["-o", path.to_str().unwrap()],
            ]
            .concat(),
        );
        (std::fs::read(&path).unwrap(), result)
    };
    let (bytes, result) = download(&[&first.to_string()], "first.bak");
    assert_eq!(bytes, format!("data-{first}").as_bytes());
    assert_eq!(result["id"], first);
    assert_eq!(result["sha256"], sha256_hex(&bytes));
    let (bytes, result) = download(&[], "latest.bak");
    assert_eq!(
        bytes,
        format!("data-{second}").as_bytes(),
        "without an id: the latest"
    );
    assert_eq!(result["id"], second);

    // Backups hold production data: a session without a grant gets none of it.
    let other = d.server.admin_password_only();
    let refused = dir.path().join("refused.bak");
    assert_eq!(
        other.fails(
            &[
                "backups",
                "download",
                "--app",
                "demo",
                "--env",
                "production",
                "--no-input",
                "-o",
                refused.to_str().unwrap(),
            ],
            3
        ),
        "second_factor_required"
    );
    assert!(!refused.exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.starts_with(".padlock-download-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let restore = |args: &[&str]| {
        let out = d
            .admin
            .cmd()
            .args(["backups", "restore"])
            .args(target)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let log = restore(&[&first.to_string()]);
    assert!(log.contains(&format!("restored backup {first}\n")), "{log}");
    assert_eq!(
        std::fs::read(d.hooks.file("restored")).unwrap(),
        format!("data-{first}").as_bytes()
    );
    let log = restore(&[]);
    assert!(
        log.contains(&format!("restored backup {second}\n")),
        "{log}"
    );
    assert_eq!(
        std::fs::read(d.hooks.file("restored")).unwrap(),
        format!("data-{second}").as_bytes()
    );

    let actions: Vec<String> = d
        .admin
        .audit(&["--app", "demo"])
        .iter()
        .filter(|e| e["env"] == "production" && e["outcome"] == "allowed")
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        actions,
        [
            "backup_create",
            "backup_create",
            "backup_download",
            "backup_download",
            "backup_restore",
            "backup_restore"
        ]
    );
}

#[test]
fn a_kill9_during_an_operation_leaves_it_failed_as_interrupted() {
    let hooks = HookDir::new();
    hooks.script(
        "deploy.sh",
        &format!(
            "echo $$ > \"$DIR/hook.pid\"\necho 'deploy waiting'\n{}\necho 'deploy done'",
            HookDir::wait_for_release("go")
        ),
    );
    let mut d = deploy(hooks, &[hook("test", "transport", "deploy.sh")]);
    let package = upload(&d.admin, "p.bin", b"p");
    let package_id = package["id"].as_i64().unwrap().to_string();
    let id = detach(
        &d.admin,
        &[
            "transport",
            "--app",
            "demo",
            "--to",
            "test",
            "--package",
            &package_id,
        ],
    );
    poll_until(60, "the hook's first line in the log", || {
        let shown = d.admin.operation(id);
        assert_eq!(shown["operation"]["state"], "running", "{shown}");
        shown["log"]
            .as_str()
            .unwrap()
            .contains("deploy waiting")
            .then_some(())
    });

    d.server.restart();
    // The orphaned hook may go on; it must not finish the operation after the fact. So
    // let it end, and only then look.
    d.hooks.release("go");
    let pid: i32 = std::fs::read_to_string(d.hooks.file("hook.pid"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    poll_until(60, "the orphaned hook to end", || {
        process_gone(pid).then_some(())
    });
    let admin = d.server.admin_password_only();
    let shown = admin.operation(id);
    let op = &shown["operation"];
    assert_eq!(op["state"], "failed", "{shown}");
    assert!(op["finished_at"].is_string(), "{shown}");
    let log = shown["log"].as_str().unwrap();
    assert!(
        log.contains("deploy waiting\n"),
        "the log so far is kept: {log}"
    );
    assert!(log.contains("interrupted"), "{log}");
    let out = admin
        .cmd()
        .args(["ops", "follow", &id.to_string()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));

    // The environment is free again, and still runs what it ran before.
    let envs_now = envs(&admin);
    assert_eq!(envs_now["test"]["package_id"], Value::Null, "{envs_now:?}");
    admin
        .cmd()
        .args([
            "transport",
            "--app",
            "demo",
            "--to",
            "test",
            "--package",
            &package_id,
        ])
        .assert()
        .success();
    assert_eq!(envs(&admin)["test"]["package_id"].to_string(), package_id);
}

#[test]
fn a_kill9_right_after_an_operation_keeps_it_and_its_audit_events() {
    let mut d = deploy(HookDir::new(), &[]);
    let package = upload(&d.admin, "p.bin", b"durable");
    let package_id = package["id"].as_i64().unwrap();
    let out = d
        .admin
        .cmd()
        .args(["transport", "--app", "demo", "--to", "acceptance"])
        .args(["--package", &package_id.to_string(), "--output", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Acknowledged: the CLI saw it end. Nothing else happens before the kill.
    d.server.kill9();
    let op: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(op["state"], "succeeded");

    d.server.restart();
    let admin = d.server.admin_password_only();
    let shown = admin.operation(op["id"].as_i64().unwrap());
    assert_eq!(shown["operation"]["state"], "succeeded", "{shown}");
    assert_eq!(shown["operation"]["exit_code"], 0);
    assert!(
        shown["log"]
            .as_str()
            .unwrap()
            .ends_with("padlock: transport succeeded\n"),
        "{shown}"
    );
    assert_eq!(envs(&admin)["acceptance"]["package_id"], package_id);
    let packages = admin.json(&["packages", "list", "--app", "demo"]);
    assert_eq!(packages[0]["id"], package_id, "{packages}");

    let events = admin.audit(&[]);
    let transport = events
        .iter()
        .find(|e| e["action"] == "transport")
        .unwrap_or_else(|| panic!("the transport's audit event is lost: {events:?}"));
    assert_eq!(transport["actor"], "admin");
    assert_eq!(transport["app"], "demo");
    assert_eq!(transport["env"], "acceptance");
    assert_eq!(transport["outcome"], "allowed");
    let logins = events
        .iter()
        .filter(|e| e["action"] == "login" && e["outcome"] == "allowed")
        .count();
    assert_eq!(
        logins, 2,
        "the logins before and after the crash: {events:?}"
    );
    let ids: Vec<i64> = events.iter().map(|e| e["id"].as_i64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
}
