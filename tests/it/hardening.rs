//! Safer defaults and less leakage (issue 9): outside dev mode SMS codes go nowhere unless a
//! provider is configured, the data folder and everything in it is private to the server's
//! user, and hooks start from a minimal environment.

use std::path::{Path, PathBuf};
use std::process::{Child, Command as StdCommand, Stdio};

use serde_json::Value;

use crate::helpers::*;

/// Any 32 bytes as hex: servers started from one data folder must share it.
pub const MASTER_KEY: &str = "3f1c9a0d5be24e7781a6c0f2d94b3e5a6c7d8e9f0a1b2c3d4e5f60718293a4b5";

/// A `padlock server` with a controlled environment (PATH, HOME and what the test passes) and
/// umask 022, the usual default, so a file's mode shows what the server chose rather than
/// what the test runner's umask hid. Its log, at info level, goes to `server.log` beside the
/// data folder. Killed when dropped.
pub struct Running {
    child: Child,
    pub url: String,
    /// The JSON line the server printed once it listened.
    pub info: Value,
    log: PathBuf,
    /// Where this server's part of the log starts (servers on one folder share the file).
    log_start: usize,
}

impl Running {
    pub fn start(data_dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> Running {
        let log = data_dir.with_file_name("server.log");
        let log_file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .unwrap();
        let log_start = log_file.metadata().unwrap().len() as usize;
        let mut cmd = StdCommand::new("sh");
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", data_dir.parent().unwrap())
            .env("RUST_LOG", "info")
            .envs(envs.iter().copied())
            .args(["-c", "umask 022 && exec \"$0\" \"$@\"", BIN, "server"])
            .args(["--listen", "127.0.0.1:0", "--output", "json", "--data-dir"])
            .arg(data_dir)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log_file);
        let mut child = cmd.spawn().expect("padlock server starts");
        let line = first_line(&mut child, &log);
        let info: Value = serde_json::from_str(&line).unwrap_or_else(|err| {
            panic!(
                "the server said {line:?} ({err}); log: {}",
                std::fs::read_to_string(&log).unwrap_or_default()
            )
        });
        Running {
            child,
            url: info["url"].as_str().unwrap().to_owned(),
            info,
            log,
            log_start,
        }
    }

    /// What this server logged.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap()[self.log_start..].to_owned()
    }

    /// A logged-in user of this server.
    pub fn login(&self, username: &str, password: &str) -> User {
        let user = User::new(&self.url);
        user.login(username, password);
        user
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

/// A data folder prepared the only way a first support account exists today: a dev-mode
/// start (with the production master key) makes `admin`, then `setup` runs against that dev
/// server with `admin` logged in, and the dev server stops.
pub struct Bootstrapped {
    dir: tempfile::TempDir,
    pub data_dir: PathBuf,
    pub admin_password: String,
}

pub fn bootstrap(envs: &[(&str, &str)], setup: impl FnOnce(&Running, &User)) -> Bootstrapped {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let mut dev_envs = vec![("PADLOCK_MASTER_KEY", MASTER_KEY)];
    dev_envs.extend_from_slice(envs);
    let dev = Running::start(&data_dir, &["--dev"], &dev_envs);
    let admin_password = dev.info["admin_password"].as_str().unwrap().to_owned();
    setup(&dev, &dev.login("admin", &admin_password));
    Bootstrapped {
        dir,
        data_dir,
        admin_password,
    }
}

impl Bootstrapped {
    /// `padlock server` without `--dev` on this data folder.
    pub fn production(&self, envs: &[(&str, &str)]) -> Running {
        self.production_with(&[], envs)
    }

    /// `production` with extra arguments (`--config FILE`).
    pub fn production_with(&self, args: &[&str], envs: &[(&str, &str)]) -> Running {
        let mut all = vec![("PADLOCK_MASTER_KEY", MASTER_KEY)];
        all.extend_from_slice(envs);
        Running::start(&self.data_dir, args, &all)
    }
}

/// The codes an outbox file holds, oldest first.
fn outbox_codes(file: &Path) -> Vec<String> {
    std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).unwrap()["code"].to_string())
        .map(|code| code.trim_matches('"').to_owned())
        .collect()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|err| panic!("{}: {err}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn without_an_sms_provider_production_refuses_sms_and_keeps_totp() {
    // Sam enrolled SMS while the server still ran in dev mode, with its outbox.
    let dir = tempfile::tempdir().unwrap();
    let dev_outbox = dir.path().join("dev-outbox.jsonl");
    let dev_outbox_text = dev_outbox.to_str().unwrap();
    let mut sam_password = String::new();
    let data = bootstrap(
        &[("PADLOCK_SMS_OUTBOX_FILE", dev_outbox_text)],
        |dev, admin| {
            sam_password = admin.json(&["admin", "users", "create", "sam"])["password"]
                .as_str()
                .unwrap()
                .to_owned();
            let sam = dev.login("sam", &sam_password);
            sam.json(&[
                "2fa",
                "setup",
                "--method",
                "sms",
                "--phone",
                "+4915112345678",
                "--no-input",
            ]);
            let code = outbox_codes(&dev_outbox).pop().unwrap();
            sam.cmd()
                .args(["2fa", "confirm", "--otp", &code])
                .assert()
                .success();
        },
    );
    let server = data.production(&[]);
    assert_eq!(server.info["sms_outbox"], Value::Null, "{}", server.info);

    let admin = server.login("admin", &data.admin_password);
    let refused = admin.error(
        &[
            "2fa",
            "setup",
            "--method",
            "sms",
            "--phone",
            "+4915112345679",
            "--no-input",
        ],
        1,
    );
    assert_eq!(refused["code"], "sms_unavailable", "{refused}");
    let message = refused["message"].as_str().unwrap();
    assert!(
        message.contains("no SMS provider") && message.contains("--method totp"),
        "{message}"
    );
    // The raw API answers the same, as a 409.
    let token = {
        let response = http()
            .post(format!("{}/v1/sessions", server.url))
            .json(&serde_json::json!({"username": "admin", "password": data.admin_password}))
            .send()
            .unwrap();
        response.json::<Value>().unwrap()["token"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let response = http()
        .post(format!("{}/v1/2fa/setup", server.url))
        .bearer_auth(&token)
        .json(&serde_json::json!({"method": "sms", "phone": "+4915112345679"}))
        .send()
        .unwrap();
    assert_eq!(response.status(), 409);
    assert_eq!(
        response.json::<Value>().unwrap()["error"]["code"],
        "sms_unavailable"
    );

    // Sam's SMS second factor cannot get a code any more, and is told why.
    let sam = server.login("sam", &sam_password);
    let refused = sam.error(&["2fa", "verify", "--resend", "--otp", "123456"], 1);
    assert_eq!(refused["code"], "sms_unavailable", "{refused}");
    assert!(
        refused["message"].as_str().unwrap().contains("reset-2fa"),
        "{refused}"
    );

    // TOTP works.
    admin.enroll_totp();
    let status = admin.json(&["2fa", "status"]);
    assert_eq!(status["method"], "totp", "{status}");
    assert_eq!(status["active"], true, "{status}");
    assert_eq!(status["sms_available"], false, "{status}");

    assert!(
        !data.data_dir.join("sms-outbox.jsonl").exists(),
        "an outbox was written"
    );
    assert_eq!(outbox_codes(&dev_outbox).len(), 1, "only the dev-mode code");
    let log = server.log();
    assert!(
        log.contains("no SMS provider is configured"),
        "no warning at start: {log}"
    );
    assert!(!log.contains("SMS code for"), "{log}");
    drop(data.dir);
}

#[test]
fn an_outbox_outside_dev_is_private_and_codes_stay_out_of_the_log() {
    let data = bootstrap(&[], |_, _| {});
    let server = data.production(&[("PADLOCK_SMS_PROVIDER", "outbox")]);
    let outbox = data.data_dir.join("sms-outbox.jsonl");
    assert_eq!(server.info["sms_outbox"], outbox.to_str().unwrap());

    let admin = server.login("admin", &data.admin_password);
    admin.json(&[
        "2fa",
        "setup",
        "--method",
        "sms",
        "--phone",
        "+4915112345678",
        "--no-input",
    ]);
    #[cfg(unix)]
    assert_eq!(mode(&outbox), 0o600, "the outbox holds codes in clear");
    let code = outbox_codes(&outbox).pop().unwrap();
    admin
        .cmd()
        .args(["2fa", "confirm", "--otp", &code])
        .assert()
        .success();
    let log = server.log();
    assert!(!log.contains(&code), "the code is in the log: {log}");
    assert!(
        log.contains("written in clear"),
        "no warning at start: {log}"
    );
}

#[cfg(unix)]
#[test]
fn the_data_folder_database_packages_and_backups_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    // An existing folder as `mkdir` leaves it: tightened at start.
    std::fs::create_dir(&data_dir).unwrap();
    std::fs::set_permissions(&data_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let server = Running::start(&data_dir, &["--dev"], &[]);
    let admin = server.login("admin", server.info["admin_password"].as_str().unwrap());

    let package_file = dir.path().join("app.mda");
    std::fs::write(&package_file, b"a deployment package").unwrap();
    let package = admin.json(&[
        "packages",
        "upload",
        "--app",
        "demo",
        package_file.to_str().unwrap(),
    ]);
    admin
        .cmd()
        .args(["backups", "create", "--app", "demo", "--env", "test"])
        .assert()
        .success();
    let backups = admin.json(&["backups", "list", "--app", "demo", "--env", "test"]);
    let backup_id = backups[0]["id"].as_i64().unwrap();

    let db = data_dir.join("padlock.db");
    for (path, expected) in [
        (data_dir.clone(), 0o700),
        (data_dir.join("packages"), 0o700),
        (data_dir.join("backups"), 0o700),
        (db.clone(), 0o600),
        (db.with_extension("db-wal"), 0o600),
        (db.with_extension("db-shm"), 0o600),
        (
            data_dir
                .join("packages")
                .join(package["sha256"].as_str().unwrap()),
            0o600,
        ),
        (
            data_dir.join("backups").join(format!("{backup_id}.bak")),
            0o600,
        ),
    ] {
        assert_eq!(
            mode(&path),
            expected,
            "{}: {:o}",
            path.display(),
            mode(&path)
        );
    }
    let log = server.log();
    assert!(
        log.contains("was readable by others (mode 755); set to 700"),
        "{log}"
    );
}

#[test]
fn hooks_see_their_context_and_what_the_operator_passes_but_no_server_secret() {
    let hooks = HookDir::new();
    hooks.script("dump.sh", "env > \"$DIR/env.txt\"");
    let config = hooks.file("config.toml");
    std::fs::write(
        &config,
        format!(
            "[[hooks]]\napp = \"demo\"\nenv = \"test\"\noperation = \"start\"\ncommand = \"sh '{}'\"\npass_env = [\"DEPLOY_TARGET\", \"NOT_SET_ANYWHERE\"]\n",
            hooks.file("dump.sh").display()
        ),
    )
    .unwrap();
    let secrets = [
        ("PADLOCK_MASTER_KEY", MASTER_KEY),
        ("PADLOCK_SMS_TWILIO_AUTH_TOKEN", "twilio-token-7f3a9c"),
        ("AWS_SECRET_ACCESS_KEY", "aws-secret-41d8cd98f00b"),
        ("DATABASE_PASSWORD", "db-password-e3b0c442"),
    ];
    let mut envs = secrets.to_vec();
    envs.extend([
        ("DEPLOY_TARGET", "cluster-eu-1"),
        ("LANG", "C.UTF-8"),
        ("PADLOCK_CONFIG", config.to_str().unwrap()),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let server = Running::start(&dir.path().join("data"), &["--dev"], &envs);
    let admin = server.login("admin", server.info["admin_password"].as_str().unwrap());
    admin
        .cmd()
        .args(["env", "start", "--app", "demo", "--env", "test"])
        .assert()
        .success();

    let dumped = std::fs::read_to_string(hooks.file("env.txt")).unwrap();
    for (name, value) in secrets {
        assert!(
            !dumped.contains(value),
            "{name} reached the hook:\n{dumped}"
        );
    }
    let vars: std::collections::BTreeMap<&str, &str> = dumped
        .lines()
        .filter_map(|line| line.split_once('='))
        .collect();
    assert_eq!(
        vars.get("PATH").copied(),
        std::env::var("PATH").ok().as_deref()
    );
    assert_eq!(vars.get("HOME").copied(), dir.path().to_str());
    assert_eq!(vars.get("LANG").copied(), Some("C.UTF-8"));
    assert_eq!(vars.get("DEPLOY_TARGET").copied(), Some("cluster-eu-1"));
    assert_eq!(vars.get("PADLOCK_APP").copied(), Some("demo"));
    assert_eq!(vars.get("PADLOCK_ENV").copied(), Some("test"));
    assert_eq!(vars.get("PADLOCK_OPERATION").copied(), Some("start"));
    assert_eq!(vars.get("PADLOCK_ACTOR").copied(), Some("admin"));
    // Nothing else, beyond what the shell sets for itself.
    let shell_own = ["PWD", "OLDPWD", "SHLVL", "_"];
    let unexpected: Vec<&&str> = vars
        .keys()
        .filter(|name| {
            !name.starts_with("PADLOCK_")
                && !["PATH", "HOME", "LANG", "DEPLOY_TARGET"].contains(name)
                && !shell_own.contains(name)
        })
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:?} in\n{dumped}");
}

#[test]
fn enrollment_at_a_terminal_offers_only_totp_when_the_server_sends_no_sms() {
    use expectrl::{Eof, Regex, Session, WaitStatus};
    let data = bootstrap(&[], |_, _| {});
    let server = data.production(&[]);
    let admin = server.login("admin", &data.admin_password);

    let mut cmd = admin.std_cmd();
    cmd.args(["2fa", "setup"]).env("TERM", "xterm");
    let mut session = Session::spawn(cmd).expect("padlock starts in a PTY");
    session.set_expect_timeout(Some(std::time::Duration::from_secs(30)));
    session
        .expect("This server sends no SMS codes")
        .expect("no method question, a note instead");
    let shown = session
        .expect(Regex(r"Key: ((?:[A-Z2-7]{4} ){7}[A-Z2-7]{4})"))
        .expect("the key is shown");
    let key: String = String::from_utf8_lossy(shown.get(1).unwrap())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    session
        .expect("Code shown by your authenticator app")
        .unwrap();
    crate::two_factor::avoid_step_end();
    session.send_line(totp_now(&key)).unwrap();
    let rest = session.expect(Eof).expect("padlock ends");
    let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert!(
        matches!(
            session.get_process().wait().unwrap(),
            WaitStatus::Exited(_, 0)
        ),
        "{rest}"
    );
    assert!(rest.contains("Second factor active"), "{rest}");
    assert_eq!(admin.json(&["2fa", "status"])["method"], "totp");
}
