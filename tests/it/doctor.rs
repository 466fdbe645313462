//! `padlock doctor`: a healthy setup passes (exit 0), and each broken one — an unreachable
//! server, an unusable credential store, a server whose clock is off, an ended session, a
//! revoked CI grant — fails (exit 1) naming the problem and what to do.

use std::process::Output;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::helpers::*;

/// The report of `padlock doctor --output json` run by `cmd`, which must exit with `exit`.
fn doctor_report(mut cmd: assert_cmd::Command, exit: i32) -> Value {
    let out = cmd.args(["doctor", "--output", "json"]).output().unwrap();
    report_of(&out, exit)
}

fn report_of(out: &Output, exit: i32) -> Value {
    assert_eq!(
        out.status.code(),
        Some(exit),
        "stdout {} stderr {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|err| {
        panic!(
            "no JSON report ({err}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    assert_eq!(report["healthy"], exit == 0, "{report}");
    report
}

/// The check named `name` of a report.
fn check<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|check| check["name"] == name)
        .unwrap_or_else(|| panic!("no check {name:?} in {report}"))
}

fn status<'a>(report: &'a Value, name: &str) -> &'a str {
    check(report, name)["status"].as_str().unwrap()
}

#[test]
fn a_healthy_setup_passes_every_check() {
    let server = Server::start();
    let admin = server.admin();
    let report = doctor_report(admin.cmd(), 0);
    for name in [
        "credential store",
        "server",
        "tls",
        "version",
        "clock",
        "session",
        "second factor",
        "grant",
    ] {
        assert_eq!(status(&report, name), "ok", "{name}: {report}");
    }
    assert!(
        report["clock_offset_seconds"].as_i64().unwrap().abs() <= 2,
        "{report}"
    );
    assert_eq!(
        report["server_version"]["version"],
        env!("CARGO_PKG_VERSION")
    );
    assert!(
        check(&report, "grant")["detail"]
            .as_str()
            .unwrap()
            .starts_with("valid for "),
        "{report}"
    );

    let out = admin.cmd().arg("doctor").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Everything padlock needs works."), "{text}");
    assert!(!text.contains("FAIL"), "{text}");
}

#[test]
fn an_unreachable_server_fails_with_what_to_check() {
    let mut server = Server::start();
    let user = server.admin_password_only();
    server.kill9();
    let started = Instant::now();
    let out = user
        .cmd()
        .args(["doctor", "--output", "json"])
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(20));
    let report = report_of(&out, 1);
    let server_check = check(&report, "server");
    assert_eq!(server_check["status"], "fail", "{report}");
    assert!(
        server_check["detail"]
            .as_str()
            .unwrap()
            .contains("cannot reach"),
        "{report}"
    );
    assert!(
        server_check["hint"]
            .as_str()
            .unwrap()
            .contains("PADLOCK_SERVER"),
        "{report}"
    );
    // The store still answers; what needs the server is not judged.
    assert_eq!(status(&report, "credential store"), "ok", "{report}");
    assert_eq!(status(&report, "session"), "skip", "{report}");
    // The JSON error on stderr says the same in one line.
    let err = json_error(&out_without_stdout(&out), 1, "doctor");
    assert!(
        err["message"].as_str().unwrap().contains("1 problem"),
        "{err}"
    );
}

/// `json_error` insists on an empty stdout; doctor prints its report there as well.
fn out_without_stdout(out: &Output) -> Output {
    Output {
        status: out.status,
        stdout: Vec::new(),
        stderr: out.stderr.clone(),
    }
}

/// A keyring that never answers (a D-Bus socket nobody serves) fails the credential-store
/// check within its deadline, with the other stores named.
#[test]
fn an_unusable_credential_store_fails_within_its_deadline() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("bus");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let user = server.user();
    let mut cmd = padlock();
    cmd.env("PADLOCK_CONFIG_DIR", user.config_dir())
        .env("PADLOCK_SERVER", &server.url)
        .env("PADLOCK_CREDENTIAL_STORE", "keyring")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", socket.display()),
        )
        .env("PADLOCK_KEYRING_TIMEOUT_MS", "300");
    let mut cmd = assert_cmd::Command::from_std(cmd);
    cmd.timeout(Duration::from_secs(30));
    let started = Instant::now();
    let report = doctor_report(cmd, 1);
    assert!(started.elapsed() < Duration::from_secs(10));
    let store = check(&report, "credential store");
    assert_eq!(store["status"], "fail", "{report}");
    let detail = store["detail"].as_str().unwrap();
    assert!(
        detail.contains("did not answer within 300 ms")
            && detail.contains("--credential-store file"),
        "{detail}"
    );
    // The server itself is fine.
    assert_eq!(status(&report, "server"), "ok", "{report}");
    assert_eq!(status(&report, "session"), "fail", "{report}");
}

/// A dev server whose clock is set 2 minutes ahead (it only misreports its `Date`; codes keep
/// the real clock, so admin's enrollment works): the clock check fails, with the offset.
#[test]
fn a_server_clock_set_off_fails_the_clock_check() {
    for (offset, side) in [("120", "ahead of"), ("-40", "behind")] {
        let server = Server::start_with(&[], &[("PADLOCK_DEV_CLOCK_OFFSET", offset)]);
        let admin = server.admin();
        let report = doctor_report(admin.cmd(), 1);
        let measured = report["clock_offset_seconds"].as_i64().unwrap();
        let wanted: i64 = offset.parse().unwrap();
        assert!((measured - wanted).abs() <= 2, "{report}");
        let clock = check(&report, "clock");
        assert_eq!(clock["status"], "fail", "{report}");
        assert!(clock["detail"].as_str().unwrap().contains(side), "{report}");
        assert!(clock["hint"].as_str().unwrap().contains("NTP"), "{report}");
        assert_eq!(status(&report, "session"), "ok", "{report}");
    }
}

/// The setting that sets the clock off is for dev mode only: a production server refuses to
/// start with it.
#[test]
fn the_clock_offset_setting_does_not_start_a_production_server() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = padlock();
    cmd.args(["server", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .env("PADLOCK_MASTER_KEY", "7f".repeat(32))
        .env("PADLOCK_DEV_CLOCK_OFFSET", "120");
    let mut cmd = assert_cmd::Command::from_std(cmd);
    let out = cmd.timeout(Duration::from_secs(30)).output().unwrap();
    assert!(!out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("PADLOCK_DEV_CLOCK_OFFSET is for development only"),
        "{stderr}"
    );
}

/// A session ended on the server (logged out elsewhere) fails, and says to log in again.
#[test]
fn an_ended_session_fails_with_log_in_again() {
    let server = Server::start();
    let admin = server.admin();
    let elsewhere = server.admin();
    elsewhere.cmd().arg("logout").assert().success();
    let report = doctor_report(admin.cmd(), 1);
    let session = check(&report, "session");
    assert_eq!(session["status"], "fail", "{report}");
    assert!(
        session["hint"].as_str().unwrap().contains("padlock login"),
        "{report}"
    );
}

/// A CI job: no credential store is opened, and the CI grant is checked with the server.
#[test]
fn a_ci_grant_is_checked_and_a_revoked_one_fails() {
    let server = Server::start();
    let admin = server.admin();
    let grant = admin.issue_ci_grant(&["--app", "demo", "--env", "test", "--allow", "transport"]);
    let job = CiJob::new(&server.url, grant["token"].as_str().unwrap());
    let report = doctor_report(job.cmd(), 0);
    assert_eq!(status(&report, "ci grant"), "ok", "{report}");
    assert!(
        check(&report, "credential store")["detail"]
            .as_str()
            .unwrap()
            .contains("PADLOCK_GRANT"),
        "{report}"
    );

    let id = grant["id"].as_i64().unwrap().to_string();
    admin
        .cmd()
        .args(["grant", "revoke", &id])
        .assert()
        .success();
    let report = doctor_report(job.cmd(), 1);
    let ci = check(&report, "ci grant");
    assert_eq!(ci["status"], "fail", "{report}");
    assert!(
        ci["hint"].as_str().unwrap().contains("padlock grant issue"),
        "{report}"
    );
}

/// A server with a certificate this machine does not trust fails the TLS check with the way
/// out (PADLOCK_CA_CERT); trusted, the check passes and says HTTPS.
#[test]
fn tls_is_checked_and_an_untrusted_certificate_fails() {
    let tls = crate::tls::self_signed();
    let server = Server::start_with(&["--config", tls.config.to_str().unwrap()], &[]);
    let user = server.user();
    let report = doctor_report(user.cmd(), 1);
    let tls_check = check(&report, "tls");
    assert_eq!(tls_check["status"], "fail", "{report}");
    assert!(
        tls_check["detail"]
            .as_str()
            .unwrap()
            .contains("PADLOCK_CA_CERT"),
        "{report}"
    );
    assert_eq!(status(&report, "server"), "fail", "{report}");

    let trusted = || {
        let mut cmd = user.cmd();
        cmd.env("PADLOCK_CA_CERT", &tls.cert);
        cmd
    };
    trusted()
        .args(["login", "admin", "--password-stdin"])
        .write_stdin(format!("{}\n", server.admin_password))
        .assert()
        .success();
    let report = doctor_report(trusted(), 0);
    let tls_check = check(&report, "tls");
    assert_eq!(tls_check["status"], "ok", "{report}");
    assert!(
        tls_check["detail"].as_str().unwrap().starts_with("HTTPS"),
        "{report}"
    );
}
