//! `padlock server add-support-account NAME`: a support account made on the server's host,
//! with access to its configuration and database. It is how a production server gets its
//! first support account (support creates all the others, padlocked); the access it needs
//! is the host's, which is stronger than any account's.

use super::ServerOptions;
use crate::auth::password;
use crate::store::{AuditRecord, StoreError};

/// The account made, and its generated password, shown once.
pub struct Added {
    pub username: String,
    pub password: String,
}

pub async fn add(options: ServerOptions, username: &str) -> anyhow::Result<Added> {
    if !super::routes::valid_username(username) {
        anyhow::bail!("a username is 1 to 64 of: letters, digits, . _ - @");
    }
    let super::Opened { store, .. } = super::open(&options).await?;
    let generated = password::generate();
    let now = crate::time::now();
    let account = store
        .create_account(username, &password::hash(&generated), true, now)
        .await
        .map_err(|err| match err {
            StoreError::Conflict => {
                anyhow::anyhow!("a user named {username:?} already exists: choose another name")
            }
            other => other.into(),
        })?;
    // On record like every support account, made by the host rather than by someone.
    store
        .record_audit(&AuditRecord {
            at: now,
            actor: "(server host)".to_owned(),
            action: format!("support_create:{}", account.username),
            outcome: "allowed".to_owned(),
            via: Some("host".to_owned()),
            ..AuditRecord::default()
        })
        .await?;
    Ok(Added {
        username: account.username,
        password: generated,
    })
}
