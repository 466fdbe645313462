//! The dev server and the first commands a newcomer runs.

use crate::helpers::*;

#[test]
fn dev_server_login_status_and_apps() {
    let server = Server::start();
    let admin = server.admin();
    let status = admin.json(&["status"]);
    assert_eq!(status["user"], "admin");
    assert_eq!(status["server"], server.url.as_str());
    assert_eq!(status["second_factor"], serde_json::Value::Null);
    assert_eq!(status["grant_expires_at"], serde_json::Value::Null);
    assert_eq!(status["grant_seconds_left"], 0);
    assert!(
        status["credential_store"]
            .as_str()
            .unwrap()
            .starts_with("file"),
        "{status}"
    );

    let apps = admin.json(&["apps", "list"]);
    assert_eq!(apps[0]["name"], "demo");
    assert_eq!(apps[0]["role"], "technical_contact");
    let envs = admin.json(&["envs", "list", "--app", "demo"]);
    let padlocked: Vec<(&str, bool)> = envs
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap(),
                e["padlocked"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        padlocked,
        [("test", false), ("acceptance", false), ("production", true)]
    );
}
