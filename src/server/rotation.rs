//! The master key: the check at start that it is the key the database is sealed with, and
//! its rotation (`padlock server rotate-master-key --new-key-file F`), which moves every
//! secret to a new key in one transaction so that every user's second factor keeps working.

use std::path::Path;

use anyhow::Context;

use super::{Opened, ServerOptions};
use crate::auth::seal::{self, MasterKey};
use crate::store::Store;
use crate::store::master_key::{Rekey, Rekeyed};

const WRONG_KEY: &str = "the master key does not open this database's secrets: it is not the \
key they are sealed with. After padlock server rotate-master-key, start with the new key \
(master_key_file or PADLOCK_MASTER_KEY); with the old one nobody's second factor would work";

/// Refuses to serve with a key that is not the database's: with it, no TOTP code and no
/// pending SMS code could be verified. A database without a key check (new, or from before
/// the check) gets one, once an existing secret has shown that the key is the right one.
pub async fn verify_master_key(store: &Store, key: &MasterKey) -> anyhow::Result<()> {
    let check = match store.master_key_check().await? {
        Some(check) => check,
        None => {
            if let Some((account_id, sealed)) = store.any_sealed_secret().await?
                && key.open(&sealed, &seal::totp_context(account_id)).is_err()
            {
                anyhow::bail!(WRONG_KEY);
            }
            store.init_master_key_check(&key.check_value()).await?
        }
    };
    if !key.opens_check(&check) {
        anyhow::bail!(WRONG_KEY);
    }
    Ok(())
}

/// Re-keys under the key in `new_key_file`. Every server on the database must be stopped
/// first: one still running would go on sealing new enrollments under the old key.
pub async fn rotate(
    options: ServerOptions,
    new_key_file: &Path,
    progress: bool,
) -> anyhow::Result<Rekeyed> {
    let new_key = read_key_file(new_key_file)?;
    let Opened {
        master_key, store, ..
    } = super::open(&options).await?;
    if new_key == master_key {
        anyhow::bail!(
            "{} holds the current master key; make a new one, e.g. `openssl rand -hex 32 > {}`",
            new_key_file.display(),
            new_key_file.display()
        );
    }
    verify_master_key(&store, &master_key).await?;
    let rekey = Rotation {
        old: master_key,
        new: new_key,
        progress,
    };
    Ok(store.rotate_master_key(rekey, crate::time::now()).await?)
}

fn read_key_file(path: &Path) -> anyhow::Result<MasterKey> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the new master key file {}", path.display()))?;
    MasterKey::parse(&text).with_context(|| format!("the new master key file {}", path.display()))
}

struct Rotation {
    old: MasterKey,
    new: MasterKey,
    progress: bool,
}

impl Rekey for Rotation {
    fn key_check(&mut self, old: Option<&str>) -> Result<String, String> {
        match old {
            Some(check) if !self.old.opens_check(check) => Err(WRONG_KEY.into()),
            _ => Ok(self.new.check_value()),
        }
    }

    fn totp_secret(&mut self, account_id: i64, sealed: &str) -> Result<String, String> {
        let context = seal::totp_context(account_id);
        let secret = self.old.open(sealed, &context).map_err(|err| {
            format!("the TOTP secret of account {account_id} cannot be opened: {err}; nothing was changed")
        })?;
        Ok(self.new.seal(&secret, &context))
    }

    fn sms_codes(&mut self, hashes: &[String]) -> Result<Vec<String>, String> {
        if hashes.is_empty() {
            return Ok(Vec::new());
        }
        if self.progress {
            eprintln!(
                "Re-keying {} pending SMS code(s): trying every six-digit code under the current key…",
                hashes.len()
            );
        }
        let refs: Vec<&str> = hashes.iter().map(String::as_str).collect();
        let codes = self.old.recover_sms_codes(&refs);
        hashes
            .iter()
            .map(|hash| {
                codes
                    .get(hash)
                    .map(|code| self.new.keyed_hash(code))
                    .ok_or_else(|| {
                        "a pending SMS code is not keyed with the current master key; nothing was changed"
                            .to_owned()
                    })
            })
            .collect()
    }
}
