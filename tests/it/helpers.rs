//! Shared test plumbing: a real `padlock server --dev` on a random port, and users who drive
//! the real binary against it.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command as StdCommand, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use assert_cmd::Command;
use serde_json::Value;

pub const BIN: &str = env!("CARGO_BIN_EXE_padlock");

/// Removes every `PADLOCK_*` variable of this process from `cmd`: a developer's shell or CI
/// may carry any of them (today's settings, and ones added later), and each would change
/// what the binary under test does.
pub fn scrub(cmd: &mut StdCommand) {
    for (var, _) in std::env::vars_os() {
        if var.to_string_lossy().starts_with("PADLOCK_") {
            cmd.env_remove(var);
        }
    }
}

/// How long a server may take to print its address before a test gives up on it.
pub const STARTUP_TIMEOUT: Duration = Duration::from_secs(60);

/// The first line a just-spawned server prints on stdout, waiting at most
/// `STARTUP_TIMEOUT`: a server that hangs before listening fails the test (killed, `log`
/// shown) instead of hanging it. `log` is the file its stderr goes to.
pub fn first_line(child: &mut Child, log: &Path) -> String {
    let stdout = child.stdout.take().expect("stdout is piped");
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let read = BufReader::new(stdout).read_line(&mut line).map(|_| line);
        send.send(read).ok();
    });
    let log_text = || std::fs::read_to_string(log).unwrap_or_default();
    match receive.recv_timeout(STARTUP_TIMEOUT) {
        Ok(Ok(line)) if !line.is_empty() => line,
        Ok(Ok(_)) => panic!(
            "the server exited without printing its address; log:\n{}",
            log_text()
        ),
        Ok(Err(err)) => panic!("reading the server's stdout: {err}"),
        Err(_) => {
            child.kill().ok();
            child.wait().ok();
            panic!(
                "the server printed nothing within {STARTUP_TIMEOUT:?}; log:\n{}",
                log_text()
            )
        }
    }
}

/// A running `padlock server --dev`, killed when dropped.
pub struct Server {
    child: Option<Child>,
    pub url: String,
    pub data_dir: PathBuf,
    pub admin_password: String,
    pub outbox: PathBuf,
    /// `http://ADDR/metrics` when the server was started with `PADLOCK_METRICS_LISTEN`.
    pub metrics_url: Option<String>,
    /// The JSON line the server printed on stdout when it was ready.
    pub start_line: String,
    /// Extra arguments and environment the server was started with, for restarts.
    args: Vec<String>,
    envs: Vec<(String, String)>,
    /// The credentials of `admin` with a second factor, once set up (see `admin`).
    admin_home: std::sync::OnceLock<tempfile::TempDir>,
    _dir: Option<tempfile::TempDir>,
}

impl Server {
    pub fn start() -> Server {
        Server::start_with(&[], &[])
    }

    /// Starts a dev server in a fresh data folder with extra arguments and `PADLOCK_*`
    /// settings (e.g. `("PADLOCK_GRANT_TTL", "2s")`).
    pub fn start_with(args: &[&str], envs: &[(&str, &str)]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let data_dir = dir.path().join("data");
        let mut server = Server {
            child: None,
            url: String::new(),
            data_dir,
            admin_password: String::new(),
            outbox: PathBuf::new(),
            metrics_url: None,
            start_line: String::new(),
            args: args.iter().map(|a| a.to_string()).collect(),
            envs: envs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            admin_home: std::sync::OnceLock::new(),
            _dir: Some(dir),
        };
        server.spawn();
        server
    }

    fn spawn(&mut self) {
        let mut cmd = StdCommand::new(BIN);
        scrub(&mut cmd);
        cmd.args([
            "server",
            "--dev",
            "--listen",
            "127.0.0.1:0",
            "--output",
            "json",
            "--data-dir",
        ])
        .arg(&self.data_dir)
        .args(&self.args)
        // Quiet unless a test asks for more (`("RUST_LOG", "debug")` in its settings).
        .env("RUST_LOG", "warn")
        .envs(self.envs.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(self.log_file());
        let mut child = cmd.spawn().expect("padlock server starts");
        let line = first_line(&mut child, &self.log_path());
        let info: Value =
            serde_json::from_str(&line).unwrap_or_else(|err| panic!("server said {line:?}: {err}"));
        self.url = info["url"].as_str().unwrap().to_owned();
        self.admin_password = info["admin_password"].as_str().unwrap().to_owned();
        self.outbox = PathBuf::from(info["sms_outbox"].as_str().unwrap());
        self.metrics_url = info["metrics_url"].as_str().map(str::to_owned);
        self.start_line = line;
        self.child = Some(child);
    }

    /// Everything the server wrote on stderr so far (its log), over all its restarts.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.log_path()).unwrap_or_default()
    }

    /// The server's log, beside its data folder: read it when a test fails.
    fn log_file(&self) -> std::fs::File {
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.log_path())
            .unwrap()
    }

    pub fn log_path(&self) -> PathBuf {
        self.data_dir.with_file_name("server.log")
    }

    /// Kills the server with SIGKILL (no shutdown of any kind).
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().ok();
            child.wait().ok();
        }
    }

    /// Kills and starts again on the same data folder (a new port; dev mode gives `admin` a
    /// new password).
    pub fn restart(&mut self) {
        self.kill9();
        self.spawn();
    }

    /// A user with a fresh config directory, not logged in.
    pub fn user(&self) -> User {
        User::new(&self.url)
    }

    /// `admin`, logged in with a password only.
    pub fn admin_password_only(&self) -> User {
        let admin = self.user();
        admin.login("admin", &self.admin_password);
        admin
    }

    /// `admin`, logged in and holding a grant: creating apps and support accounts is
    /// padlocked. The first call sets up TOTP; later ones share its session and grant (a
    /// second TOTP check in the same 30 s step would be a replay).
    pub fn admin(&self) -> User {
        let home = self.admin_home.get_or_init(|| {
            let admin = self.admin_password_only();
            admin.enroll_totp();
            admin.config_dir
        });
        let admin = self.user();
        for entry in std::fs::read_dir(home.path()).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), admin.config_dir().join(entry.file_name())).unwrap();
        }
        admin
    }

    /// Creates an account through `admin` and returns its generated password.
    pub fn create_user(&self, admin: &User, name: &str) -> String {
        let out = admin.json(&["admin", "users", "create", name]);
        out["password"].as_str().unwrap().to_owned()
    }

    /// The SMS codes sent so far, newest last.
    pub fn sms_codes(&self, to: &str) -> Vec<String> {
        std::fs::read_to_string(&self.outbox)
            .unwrap_or_default()
            .lines()
            .map(|line| serde_json::from_str::<Value>(line).unwrap())
            .filter(|v| v["to"] == to)
            .map(|v| v["code"].as_str().unwrap().to_owned())
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// Someone using the CLI: their own config directory, the file credential store (the
/// keyring stores have tests of their own), no terminal.
pub struct User {
    pub config_dir: tempfile::TempDir,
    pub server: String,
}

impl User {
    pub fn new(server: &str) -> User {
        User {
            config_dir: tempfile::tempdir().unwrap(),
            server: server.to_owned(),
        }
    }

    /// `padlock` with this user's environment; stdin is empty unless set.
    pub fn cmd(&self) -> Command {
        let mut std = StdCommand::new(BIN);
        scrub(&mut std);
        std.env("PADLOCK_CONFIG_DIR", self.config_dir.path())
            .env("PADLOCK_SERVER", &self.server)
            .env("PADLOCK_CREDENTIAL_STORE", "file");
        let mut cmd = Command::from_std(std);
        cmd.timeout(Duration::from_secs(60)).write_stdin("");
        cmd
    }

    pub fn login(&self, username: &str, password: &str) {
        self.cmd()
            .args(["login", username, "--password-stdin"])
            .write_stdin(format!("{password}\n"))
            .assert()
            .success();
    }

    /// Runs a command that must succeed with `--output json` and parses its stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        json_output(self.cmd(), args, "padlock")
    }

    /// Runs a command that must fail with `exit`, and returns the JSON error's code.
    pub fn fails(&self, args: &[&str], exit: i32) -> String {
        self.error(args, exit)["code"].as_str().unwrap().to_owned()
    }

    /// Sets up TOTP through the scripting contract and returns the base32 secret; the user
    /// then holds a grant.
    pub fn enroll_totp(&self) -> String {
        let setup = self.json(&["2fa", "setup", "--method", "totp", "--no-input"]);
        let secret = setup["secret"].as_str().unwrap().to_owned();
        self.cmd()
            .args(["2fa", "confirm", "--otp", &totp_now(&secret)])
            .assert()
            .success();
        secret
    }

    pub fn config_dir(&self) -> &Path {
        self.config_dir.path()
    }
}

/// The unix time of an RFC 3339 timestamp the server or the CLI printed.
pub fn unix(rfc3339: &Value) -> i64 {
    let text = rfc3339
        .as_str()
        .unwrap_or_else(|| panic!("{rfc3339} is not a time"));
    time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|err| panic!("{text:?} is not RFC 3339: {err}"))
        .unix_timestamp()
}

pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// The code of `secret` (base32) for the step containing `time`: RFC 6238 with its defaults
/// (HMAC-SHA1, 30 s steps, 6 digits), written here from the RFC rather than taken from
/// totp-rs, the server's own library, so that a bug the two share cannot pass unnoticed.
pub fn totp_at(secret: &str, time: u64) -> String {
    let key = data_encoding::BASE32_NOPAD
        .decode(secret.trim_end_matches('=').as_bytes())
        .unwrap_or_else(|err| panic!("{secret:?} is not base32: {err}"));
    hotp(&key, time / 30)
}

/// RFC 4226 HOTP, six digits.
fn hotp(key: &[u8], counter: u64) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(key).unwrap();
    mac.update(&counter.to_be_bytes());
    let hash = mac.finalize().into_bytes();
    // Dynamic truncation: four bytes at the offset the last nibble names, top bit cleared.
    let offset = usize::from(hash[19] & 0x0f);
    let bytes: [u8; 4] = hash[offset..offset + 4].try_into().unwrap();
    format!(
        "{:06}",
        (u32::from_be_bytes(bytes) & 0x7fff_ffff) % 1_000_000
    )
}

/// The test vectors of RFC 6238, appendix B (SHA-1; the last six of the eight digits), and
/// agreement with the library the server uses.
#[test]
fn test_totp_follows_rfc_6238() {
    let secret = data_encoding::BASE32_NOPAD.encode(b"12345678901234567890");
    for (time, code) in [
        (59, "287082"),
        (1111111109, "081804"),
        (1111111111, "050471"),
        (1234567890, "005924"),
        (2000000000, "279037"),
        (20000000000, "353130"),
    ] {
        assert_eq!(totp_at(&secret, time), code, "T = {time}");
    }
    let library = totp_rs::Builder::new()
        .with_secret(totp_rs::Secret::try_from_base32(&secret).unwrap())
        .build()
        .unwrap();
    assert_eq!(library.generate(1234567890).to_string(), "005924");
}

pub fn totp_now(secret: &str) -> String {
    totp_at(secret, unix_now())
}

/// Waits until the next 30-second step starts, so two codes in a test are of different steps.
pub fn wait_next_step() {
    let left = 30 - unix_now() % 30;
    std::thread::sleep(Duration::from_secs(left) + Duration::from_millis(100));
}

/// A plain HTTP client for requests the CLI would never send (bad input, raw API checks).
pub fn http() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

// Plumbing for the foundation tests (issue 3): runs outside a `User`, whole JSON errors,
// the session token a user's file store holds, raw API logins.

/// `padlock` with none of the caller's `PADLOCK_*` variables, for runs that set up their own
/// environment (a PTY, a private D-Bus, no server at all).
pub fn padlock() -> StdCommand {
    let mut cmd = StdCommand::new(BIN);
    scrub(&mut cmd);
    cmd
}

/// Runs `cmd ARGS --output json`, which must succeed, and parses its one JSON document.
pub fn json_output(mut cmd: Command, args: &[&str], what: &str) -> Value {
    let out = cmd.args(args).args(["--output", "json"]).output().unwrap();
    assert!(
        out.status.success(),
        "{what} {args:?} failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|err| {
        panic!(
            "{what} {args:?} printed no JSON ({err}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// The `{"code","message"}` of a command that failed under `--output json`, checked the way
/// `User::fails` checks it: the expected exit code, nothing on stdout, one JSON error on
/// stderr.
pub fn json_error(out: &std::process::Output, exit: i32, what: &str) -> Value {
    assert_eq!(
        out.status.code(),
        Some(exit),
        "{what}: stdout {} stderr {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout.is_empty(),
        "{what}: errors print nothing on stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err: Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|e| {
        panic!(
            "{what}: stderr is not one JSON error ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert!(err["error"]["code"].is_string(), "{what}: {err}");
    assert!(err["error"]["message"].is_string(), "{what}: {err}");
    err["error"].clone()
}

impl User {
    /// Like `fails`, but returns the whole error (`code` and `message`).
    pub fn error(&self, args: &[&str], exit: i32) -> Value {
        let out = self
            .cmd()
            .args(args)
            .args(["--output", "json"])
            .output()
            .unwrap();
        json_error(&out, exit, &format!("padlock {args:?}"))
    }

    /// The session token the file credential store holds for this user's server.
    pub fn session_token(&self) -> String {
        let path = self.config_dir().join("credentials.json");
        let entries: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|err| panic!("{} is not JSON: {err}", path.display()));
        let secrets: Value = serde_json::from_str(
            entries[self.server.as_str()]
                .as_str()
                .unwrap_or_else(|| panic!("no entry for {} in {entries}", self.server)),
        )
        .unwrap();
        secrets["session"].as_str().unwrap().to_owned()
    }
}

/// Logs in through the raw API and returns the session token. A login the server is too
/// busy to hash now (503 `busy`, as when tests log in by the dozen on a loaded machine) is
/// tried again after its `Retry-After`, as a client should.
pub fn api_login(server: &Server, username: &str, password: &str) -> String {
    for _ in 0..30 {
        let response = http()
            .post(format!("{}/v1/sessions", server.url))
            .json(&serde_json::json!({"username": username, "password": password}))
            .send()
            .unwrap();
        if response.status() == reqwest::StatusCode::SERVICE_UNAVAILABLE {
            std::thread::sleep(Duration::from_secs(1));
            continue;
        }
        assert!(
            response.status().is_success(),
            "login {username}: {response:?}"
        );
        let body: Value = response.json().unwrap();
        return body["token"].as_str().unwrap().to_owned();
    }
    panic!("login {username}: the server stayed busy for 30 tries");
}

impl User {
    /// `padlock` with this user's environment as a plain `std` command (for a PTY, or when a
    /// test needs the process itself).
    pub fn std_cmd(&self) -> StdCommand {
        let mut cmd = StdCommand::new(BIN);
        scrub(&mut cmd);
        cmd.env("PADLOCK_CONFIG_DIR", self.config_dir.path())
            .env("PADLOCK_SERVER", &self.server)
            .env("PADLOCK_CREDENTIAL_STORE", "file");
        cmd
    }

    /// What the file credential store holds for this user's server: `session`, `grant`,
    /// `grant_expires_at` (Null when logged out).
    pub fn stored_secrets(&self) -> Value {
        let path = self.config_dir.path().join("credentials.json");
        let Ok(text) = std::fs::read_to_string(path) else {
            return Value::Null;
        };
        let entries: Value = serde_json::from_str(&text).unwrap();
        match entries.as_object().and_then(|o| o.values().next()) {
            Some(Value::String(secrets)) => serde_json::from_str(secrets).unwrap(),
            _ => Value::Null,
        }
    }
}

impl User {
    /// `padlock audit ARGS --output json`: the events, one JSON array.
    pub fn audit(&self, args: &[&str]) -> Vec<Value> {
        let out = self
            .cmd()
            .arg("audit")
            .args(args)
            .args(["--output", "json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "padlock audit {args:?}: {out:?}");
        serde_json::from_slice(&out.stdout).unwrap_or_else(|err| {
            panic!(
                "padlock audit {args:?} printed no JSON array ({err}): {}",
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }
}

// Plumbing for operations, hooks and the audit log (issue 5): hook scripts in a temporary
// folder, the server config that maps operations to them, and polling.

/// A folder of hook scripts and files they write, and the server config naming them.
/// Dropping it removes the folder, which also ends any `wait_for_release` loop left running.
pub struct HookDir {
    dir: tempfile::TempDir,
}

/// One `[[hooks]]` entry: app, environment, operation, the script's name in the `HookDir`,
/// and a timeout (`None`: the server's default).
pub struct HookSpec<'a> {
    pub app: &'a str,
    pub env: &'a str,
    pub operation: &'a str,
    pub script: &'a str,
    pub timeout: Option<&'a str>,
}

impl HookDir {
    pub fn new() -> HookDir {
        HookDir {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A file in the folder.
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes the sh script `name`; `$DIR` in it is the folder.
    pub fn script(&self, name: &str, body: &str) {
        let text = format!("DIR='{}'\n{body}\n", self.dir.path().display());
        std::fs::write(self.file(name), text).unwrap();
    }

    /// Writes `config.toml` with these hooks and returns its path.
    pub fn config(&self, hooks: &[HookSpec]) -> PathBuf {
        let quote = |text: &str| toml::Value::String(text.to_owned()).to_string();
        let mut text = String::new();
        for hook in hooks {
            let command = format!("sh '{}'", self.file(hook.script).display());
            text.push_str(&format!(
                "[[hooks]]\napp = {}\nenv = {}\noperation = {}\ncommand = {}\n",
                quote(hook.app),
                quote(hook.env),
                quote(hook.operation),
                quote(&command)
            ));
            if let Some(timeout) = hook.timeout {
                text.push_str(&format!("timeout = {}\n", quote(timeout)));
            }
            text.push('\n');
        }
        let path = self.file("config.toml");
        std::fs::write(&path, text).unwrap();
        path
    }

    /// sh lines that wait (at most two minutes) until the test creates `$DIR/NAME`, or the
    /// folder is gone.
    pub fn wait_for_release(name: &str) -> String {
        format!(
            "i=0\nwhile [ ! -e \"$DIR/{name}\" ] && [ -d \"$DIR\" ] && [ $i -lt 1200 ]; do sleep 0.1; i=$((i+1)); done"
        )
    }

    /// Lets hooks waiting on `name` go on.
    pub fn release(&self, name: &str) {
        std::fs::write(self.file(name), "").unwrap();
    }
}

/// Polls `check` every 100 ms until it gives `Some`, for at most `seconds`; panics naming
/// `what` otherwise.
pub fn poll_until<T>(seconds: u64, what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let deadline = std::time::Instant::now() + Duration::from_secs(seconds);
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "gave up after {seconds}s waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

impl User {
    /// `padlock ops show ID --output json`: `{"operation": …, "log": …}`.
    pub fn operation(&self, id: i64) -> Value {
        self.json(&["ops", "show", &id.to_string()])
    }

    /// Polls an operation until it has ended, and returns its `ops show` JSON.
    pub fn wait_operation(&self, id: i64) -> Value {
        poll_until(120, &format!("operation {id} to end"), || {
            let shown = self.operation(id);
            let state = shown["operation"]["state"].as_str().unwrap().to_owned();
            (state == "succeeded" || state == "failed").then_some(shown)
        })
    }
}

// Plumbing for the CI-grant and scripting tests (issue 6): a CI job that has nothing but
// `PADLOCK_SERVER` and `PADLOCK_GRANT`.

/// A CI job: a process whose environment is only `PADLOCK_SERVER`, `PADLOCK_GRANT` and a
/// fresh, empty `PADLOCK_CONFIG_DIR` (no login, no credential store, no terminal).
pub struct CiJob {
    pub config_dir: tempfile::TempDir,
    pub server: String,
    pub grant: String,
}

impl CiJob {
    pub fn new(server: &str, grant: &str) -> CiJob {
        CiJob {
            config_dir: tempfile::tempdir().unwrap(),
            server: server.to_owned(),
            grant: grant.to_owned(),
        }
    }

    /// `padlock` with the job's environment and nothing else; stdin is empty.
    pub fn cmd(&self) -> Command {
        let mut std = StdCommand::new(BIN);
        std.env_clear()
            .env("PADLOCK_SERVER", &self.server)
            .env("PADLOCK_GRANT", &self.grant)
            .env("PADLOCK_CONFIG_DIR", self.config_dir.path());
        let mut cmd = Command::from_std(std);
        cmd.timeout(Duration::from_secs(60)).write_stdin("");
        cmd
    }

    /// Runs a command that must succeed with `--output json` and parses its stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        json_output(self.cmd(), args, "CI job: padlock")
    }

    /// Runs a command that must fail with `exit` under `--output json`; returns the error.
    pub fn error(&self, args: &[&str], exit: i32) -> Value {
        let out = self
            .cmd()
            .args(args)
            .args(["--output", "json"])
            .output()
            .unwrap();
        json_error(&out, exit, &format!("CI job: padlock {args:?}"))
    }
}

impl User {
    /// `padlock grant issue ARGS --output json`: the issued grant, token included.
    pub fn issue_ci_grant(&self, args: &[&str]) -> Value {
        let mut all = vec!["grant", "issue"];
        all.extend_from_slice(args);
        self.json(&all)
    }
}

// Plumbing for the exhaustion tests (issue 9): the server's process, its memory.

impl Server {
    /// The server's process id, to read its memory from /proc.
    pub fn pid(&self) -> u32 {
        self.child.as_ref().expect("the server is running").id()
    }
}

/// Resident memory of a process in KiB (`VmRSS` of /proc/PID/status).
pub fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no VmRSS in /proc/{pid}/status"))
}

// App teams (issue 14): node permissions go to `deploy` members only.

impl User {
    /// `padlock team add --app APP --user USER --role ROLE`: the team afterwards.
    pub fn team_add(&self, app: &str, user: &str, role: &str) -> Value {
        self.json(&["team", "add", "--app", app, "--user", user, "--role", role])
    }
}

// Prerequisites some tests need beyond Rust: PostgreSQL, a Secret Service (dbus and
// gnome-keyring), the kernel keyring, oathtool. Under CI a missing one fails the run, since
// a skipped test guards nothing; elsewhere the test is skipped where everyone sees it.

/// Whether this is a CI run (`CI` set and not false, as CI services and `.ci/run` set it),
/// where nothing may be skipped.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Whether the current test may go on, `missing` naming what it lacks (`None`: nothing).
/// Under CI a missing prerequisite fails the test. Elsewhere the test is skipped with a
/// `SKIPPED test: why` line written straight to stderr, which the test harness does not
/// capture, so it shows in the output of `cargo test` beside the test results.
pub fn prerequisite(missing: Option<String>) -> bool {
    let Some(missing) = missing else {
        return true;
    };
    // The harness names each test's thread after the test.
    let current = std::thread::current();
    let test = current.name().unwrap_or("a test");
    assert!(
        !in_ci(),
        "{test}: {missing}; under CI nothing may be skipped (.ci/run installs every prerequisite)"
    );
    use std::io::Write;
    writeln!(std::io::stderr(), "SKIPPED {test}: {missing}").ok();
    false
}

/// The programs of `programs` not on PATH, as a reason for `prerequisite`.
pub fn missing_programs(programs: &[&str]) -> Option<String> {
    let missing: Vec<&str> = programs
        .iter()
        .copied()
        .filter(|program| {
            !std::env::var_os("PATH").is_some_and(|path| {
                std::env::split_paths(&path).any(|dir| dir.join(program).is_file())
            })
        })
        .collect();
    (!missing.is_empty()).then(|| format!("{} not installed", missing.join(", ")))
}
