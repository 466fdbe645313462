//! Master-key rotation (`padlock server rotate-master-key`): every user's second factor keeps
//! working under the new key, the old key no longer starts the server, and a bad or
//! interrupted rotation changes nothing.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::helpers::*;
use crate::postgres::TestDatabase;

const PHONE: &str = "+4915112345678";

/// What rotation must keep working: `admin` with TOTP, and `sam` with an SMS enrollment
/// whose code is pending (sent, not yet confirmed).
struct Enrolled {
    admin: User,
    totp_secret: String,
    sam: User,
    sms_code: String,
}

fn enroll(server: &Server) -> Enrolled {
    let admin = server.admin_password_only();
    let totp_secret = admin.enroll_totp();
    let password = server.create_user(&admin, "sam");
    let sam = server.user();
    sam.login("sam", &password);
    sam.json(&[
        "2fa",
        "setup",
        "--method",
        "sms",
        "--phone",
        PHONE,
        "--no-input",
    ]);
    let sms_code = server.sms_codes(PHONE).pop().unwrap();
    Enrolled {
        admin,
        totp_secret,
        sam,
        sms_code,
    }
}

impl Enrolled {
    /// Both second factors work at `url`: a fresh TOTP code verifies for admin (the next
    /// step's: the enrollment used this one), and sam's pending SMS code activates SMS.
    fn still_work(&self, url: &str) {
        let at = |user: &User| {
            User {
                config_dir: tempfile::tempdir().unwrap(),
                server: url.to_owned(),
            }
            .with_files_of(user)
        };
        let admin = at(&self.admin);
        let code = totp_at(&self.totp_secret, unix_now() + 30);
        admin.json(&["2fa", "verify", "--otp", &code]);
        let sam = at(&self.sam);
        let confirmed = sam.json(&["2fa", "confirm", "--otp", &self.sms_code]);
        assert_eq!(confirmed["second_factor"], "sms", "{confirmed}");
    }
}

impl User {
    /// This user with the config directory (session, grant) of `other`.
    fn with_files_of(self, other: &User) -> User {
        for entry in std::fs::read_dir(other.config_dir()).unwrap() {
            let entry = entry.unwrap();
            let text = std::fs::read_to_string(entry.path())
                .unwrap()
                .replace(&other.server, &self.server);
            std::fs::write(self.config_dir().join(entry.file_name()), text).unwrap();
        }
        self
    }
}

fn new_key_file(dir: &Path) -> PathBuf {
    let path = dir.join("new.key");
    std::fs::write(&path, format!("{}\n", "3c".repeat(32))).unwrap();
    path
}

/// `padlock server rotate-master-key ARGS` with the given environment.
fn rotate(args: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut cmd = padlock();
    cmd.args(["server", "rotate-master-key"])
        .args(args)
        .envs(envs.iter().copied())
        .stdin(Stdio::null());
    let mut cmd = assert_cmd::Command::from_std(cmd);
    cmd.timeout(Duration::from_secs(120)).output().unwrap()
}

/// `padlock server` that must refuse to start, and its message.
fn refuses_to_start(args: &[&str], envs: &[(&str, &str)]) -> String {
    let mut cmd = padlock();
    cmd.args(["server", "--dev", "--listen", "127.0.0.1:0"])
        .args(args)
        .envs(envs.iter().copied())
        .stdin(Stdio::null());
    let mut cmd = assert_cmd::Command::from_std(cmd);
    let out = cmd.timeout(Duration::from_secs(60)).output().unwrap();
    assert!(!out.status.success(), "the server started: {out:?}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn after_rotation_every_second_factor_works_and_the_old_key_is_refused() {
    let mut server = Server::start();
    let enrolled = enroll(&server);
    server.kill9();
    let dir = tempfile::tempdir().unwrap();
    let new_key = new_key_file(dir.path());
    let data_dir = server.data_dir.to_str().unwrap().to_owned();
    let old_key_file = server.data_dir.join("master.key");
    let old_key_env = ("PADLOCK_MASTER_KEY_FILE", old_key_file.to_str().unwrap());

    let out = rotate(
        &[
            "--data-dir",
            &data_dir,
            "--new-key-file",
            new_key.to_str().unwrap(),
            "--output",
            "json",
        ],
        &[old_key_env],
    );
    assert!(out.status.success(), "{out:?}");
    let result: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["totp_secrets"], 1, "{result}");
    assert_eq!(result["sms_codes"], 1, "{result}");

    let message = refuses_to_start(&["--data-dir", &data_dir], &[]);
    assert!(
        message.contains("not the key they are sealed with") && message.contains("new key"),
        "{message}"
    );
    std::fs::copy(&new_key, &old_key_file).unwrap();
    server.restart();
    enrolled.still_work(&server.url);
}

#[test]
fn a_bad_key_file_or_an_interrupted_rotation_changes_nothing() {
    let mut server = Server::start();
    let enrolled = enroll(&server);
    server.kill9();
    let dir = tempfile::tempdir().unwrap();
    let data_dir = server.data_dir.to_str().unwrap().to_owned();
    let key_file = server.data_dir.join("master.key");
    let key_env = ("PADLOCK_MASTER_KEY_FILE", key_file.to_str().unwrap());
    let short = dir.path().join("short.key");
    std::fs::write(&short, "abcd").unwrap();
    let missing = dir.path().join("missing.key");
    for (file, needle) in [
        (&missing, "cannot read the new master key file"),
        (&short, "must be 32 bytes"),
        (&key_file, "holds the current master key"),
    ] {
        let out = rotate(
            &[
                "--data-dir",
                &data_dir,
                "--new-key-file",
                file.to_str().unwrap(),
            ],
            &[key_env],
        );
        assert_eq!(out.status.code(), Some(1), "{file:?}: {out:?}");
        assert!(stderr(&out).contains(needle), "{file:?}: {}", stderr(&out));
    }
    // The current key named wrongly: refused before anything is touched.
    let new_key = new_key_file(dir.path());
    let out = rotate(
        &[
            "--data-dir",
            &data_dir,
            "--new-key-file",
            new_key.to_str().unwrap(),
        ],
        &[("PADLOCK_MASTER_KEY", &"5a".repeat(32))],
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(stderr(&out).contains("not the key"), "{}", stderr(&out));

    // Killed inside its transaction: the key check and the TOTP secret are re-keyed by then,
    // the pending SMS code is being recovered (a million HMACs: seconds).
    let mut child = padlock()
        .args(["server", "rotate-master-key", "--data-dir", &data_dir])
        .arg("--new-key-file")
        .arg(&new_key)
        .env(key_env.0, key_env.1)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.contains("Re-keying 1 pending SMS code"), "{line}");
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "the rotation ended before it was killed");

    server.restart();
    enrolled.still_work(&server.url);
}

#[test]
fn rotation_on_postgresql() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    let old_key = "7f".repeat(32);
    let args = ["--database-url", db.url.as_str()];
    let mut server = Server::start_with(&args, &[("PADLOCK_MASTER_KEY", &old_key)]);
    let enrolled = enroll(&server);
    server.kill9();
    let dir = tempfile::tempdir().unwrap();
    let new_key = new_key_file(dir.path());

    let out = rotate(
        &[
            "--database-url",
            &db.url,
            "--data-dir",
            dir.path().to_str().unwrap(),
            "--new-key-file",
            new_key.to_str().unwrap(),
            "--output",
            "json",
        ],
        &[("PADLOCK_MASTER_KEY", &old_key)],
    );
    assert!(out.status.success(), "{out:?}");
    let result: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (&result["totp_secrets"], &result["sms_codes"]),
        (&Value::from(1), &Value::from(1)),
        "{result}"
    );

    let old_start = [&args[..], &["--data-dir", dir.path().to_str().unwrap()]].concat();
    let message = refuses_to_start(&old_start, &[("PADLOCK_MASTER_KEY", &old_key)]);
    assert!(message.contains("not the key"), "{message}");
    let server = Server::start_with(&args, &[("PADLOCK_MASTER_KEY", &"3c".repeat(32))]);
    enrolled.still_work(&server.url);
}

/// Runs `sql` on the SQLite database of a stopped dev server and returns the first column
/// of its first row, if any.
fn sqlite(data_dir: &Path, sql: &str) -> Option<i64> {
    use sqlx::{Connection, Row};
    let url = format!("sqlite://{}", data_dir.join("padlock.db").display());
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async move {
            let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
            let row = sqlx::query(sql).fetch_optional(&mut conn).await.unwrap();
            row.map(|row| row.get::<i64, _>(0))
        })
}

/// A database from before the key check (an upgrade): the server tries the key on a sealed
/// secret, refuses a wrong one, and records the check for the right one.
#[test]
fn a_database_without_a_key_check_gets_one_from_the_right_key_only() {
    let mut server = Server::start();
    let enrolled = enroll(&server);
    server.kill9();
    let data_dir = server.data_dir.to_str().unwrap().to_owned();
    sqlite(
        &server.data_dir,
        "DELETE FROM master_key_check RETURNING id",
    );
    let count = "SELECT COUNT(*) FROM master_key_check";

    let wrong = "5a".repeat(32);
    let message = refuses_to_start(
        &["--data-dir", &data_dir],
        &[("PADLOCK_MASTER_KEY", &wrong)],
    );
    assert!(message.contains("not the key"), "{message}");
    assert_eq!(sqlite(&server.data_dir, count), Some(0));

    server.restart();
    assert_eq!(sqlite(&server.data_dir, count), Some(1));
    enrolled.still_work(&server.url);
}
