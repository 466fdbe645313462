//! TLS served by the server itself (rustls), and a CLI that trusts only what it should.

use crate::helpers::*;

pub struct Tls {
    _dir: tempfile::TempDir,
    pub cert: std::path::PathBuf,
    pub config: std::path::PathBuf,
}

/// A self-signed certificate for 127.0.0.1 and a config file that serves it.
pub fn self_signed() -> Tls {
    let dir = tempfile::tempdir().unwrap();
    let certified =
        rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
            .unwrap();
    let cert = dir.path().join("cert.pem");
    let key = dir.path().join("key.pem");
    std::fs::write(&cert, certified.cert.pem()).unwrap();
    std::fs::write(&key, certified.signing_key.serialize_pem()).unwrap();
    let config = dir.path().join("padlock.toml");
    std::fs::write(
        &config,
        format!("tls_cert = {:?}\ntls_key = {:?}\n", cert, key),
    )
    .unwrap();
    Tls {
        _dir: dir,
        cert,
        config,
    }
}

#[test]
fn server_speaks_tls_and_the_cli_verifies_the_certificate() {
    let tls = self_signed();
    let server = Server::start_with(&["--config", tls.config.to_str().unwrap()], &[]);
    assert!(
        server.url.starts_with("https://127.0.0.1:"),
        "{}",
        server.url
    );

    // A certificate nobody vouched for: a clear message and exit 6, not a silent accept.
    let stranger = server.user();
    let out = stranger
        .cmd()
        .args(["login", "admin", "--password-stdin"])
        .write_stdin(format!("{}\n", server.admin_password))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&server.url) && stderr.to_lowercase().contains("certificate"),
        "{stderr}"
    );

    // Trusting the certificate through PADLOCK_CA_CERT makes it work end to end.
    let user = server.user();
    let login = user
        .cmd()
        .env("PADLOCK_CA_CERT", &tls.cert)
        .args(["login", "admin", "--password-stdin"])
        .write_stdin(format!("{}\n", server.admin_password))
        .output()
        .unwrap();
    assert!(login.status.success(), "{login:?}");
    let apps = user
        .cmd()
        .env("PADLOCK_CA_CERT", &tls.cert)
        .args(["apps", "list", "--output", "json"])
        .output()
        .unwrap();
    assert!(apps.status.success(), "{apps:?}");
    let apps: serde_json::Value = serde_json::from_slice(&apps.stdout).unwrap();
    assert_eq!(apps[0]["name"], "demo");

    // A CA file that is not PEM is a usage error.
    let bad = user
        .cmd()
        .env("PADLOCK_CA_CERT", &tls.config)
        .args(["apps", "list"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2), "{bad:?}");
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("PADLOCK_CA_CERT"),
        "{bad:?}"
    );
}

#[test]
fn half_a_tls_configuration_is_refused() {
    let tls = self_signed();
    let config = tls.config.with_file_name("half.toml");
    std::fs::write(&config, format!("tls_cert = {:?}\n", tls.cert)).unwrap();
    let out = padlock()
        .args([
            "server",
            "--dev",
            "--listen",
            "127.0.0.1:0",
            "--config",
            config.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("tls_cert and tls_key go together"),
        "{out:?}"
    );
}
