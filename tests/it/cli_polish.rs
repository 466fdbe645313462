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
