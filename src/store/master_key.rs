//! What depends on the master key, for the server's start-up check and for its rotation:
//! sealed TOTP secrets, the keyed hashes of pending SMS codes, and the key check.
//!
//! The store knows no cryptography: the rotation hands it a [`Rekey`] that computes each new
//! value, and the store reads, asks and writes every value in one transaction.

use sqlx::Row;

use super::{Backend, Result, Shape, Store, StoreError};

/// Computes the values under the new key. An error aborts the rotation: nothing changes.
pub trait Rekey: Send + 'static {
    /// The TOTP secret of `account_id`, sealed under the new key.
    fn totp_secret(&mut self, account_id: i64, sealed: &str)
    -> std::result::Result<String, String>;
    /// The keyed hashes of pending SMS codes under the new key, in the order given.
    fn sms_codes(&mut self, hashes: &[String]) -> std::result::Result<Vec<String>, String>;
    /// The key check of the new key, and whether `old` (if any) is the current key's.
    fn key_check(&mut self, old: Option<&str>) -> std::result::Result<String, String>;
}

/// How many values a rotation re-keyed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rekeyed {
    pub totp_secrets: usize,
    pub sms_codes: usize,
}

impl Store {
    /// The key check, if a server has started on this database since it was introduced.
    pub async fn master_key_check(&self) -> Result<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT sealed FROM master_key_check WHERE id = 1")
                .fetch_optional(&self.db)
                .await?,
        )
    }

    /// Stores the key check unless one exists (a replica may have been first); returns the
    /// one in force.
    pub async fn init_master_key_check(&self, sealed: &str) -> Result<String> {
        let sealed = sealed.to_owned();
        self.write(Shape::Statements, move |conn| {
            Box::pin(async move {
                sqlx::query(
                    "INSERT INTO master_key_check (id, sealed) VALUES (1, $1) \
                     ON CONFLICT (id) DO NOTHING",
                )
                .bind(&sealed)
                .execute(&mut *conn)
                .await?;
                Ok(
                    sqlx::query_scalar("SELECT sealed FROM master_key_check WHERE id = 1")
                        .fetch_one(&mut *conn)
                        .await?,
                )
            })
        })
        .await
    }

    /// One sealed TOTP secret, if any: what the key is tried on when the database has no key
    /// check yet.
    pub async fn any_sealed_secret(&self) -> Result<Option<(i64, String)>> {
        let row = sqlx::query(
            "SELECT account_id, secret_sealed FROM second_factors \
             WHERE secret_sealed IS NOT NULL ORDER BY account_id LIMIT 1",
        )
        .fetch_optional(&self.db)
        .await?;
        row.map(|r| Ok((r.try_get("account_id")?, r.try_get("secret_sealed")?)))
            .transpose()
    }

    /// Re-keys every value that depends on the master key, in one transaction: the TOTP
    /// secrets (of active factors and pending enrollments), the SMS codes that can still be
    /// tried (used and expired ones are never compared again), and the key check. Either all
    /// of them change or, on any error or interruption, none.
    pub async fn rotate_master_key(&self, mut rekey: impl Rekey, now: i64) -> Result<Rekeyed> {
        let backend = self.backend();
        self.write(Shape::Statements, move |conn| {
            Box::pin(async move {
                if backend == Backend::Postgres {
                    // A replica still running waits until the rotation is over (SQLite's
                    // writer holds the one write lock already).
                    sqlx::query(
                        "LOCK TABLE second_factors, sms_codes, master_key_check \
                         IN SHARE ROW EXCLUSIVE MODE",
                    )
                    .execute(&mut *conn)
                    .await?;
                }
                let old_check: Option<String> =
                    sqlx::query_scalar("SELECT sealed FROM master_key_check WHERE id = 1")
                        .fetch_optional(&mut *conn)
                        .await?;
                let new_check = rekey
                    .key_check(old_check.as_deref())
                    .map_err(StoreError::Aborted)?;
                sqlx::query(
                    "INSERT INTO master_key_check (id, sealed) VALUES (1, $1) \
                     ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed",
                )
                .bind(&new_check)
                .execute(&mut *conn)
                .await?;

                let secrets: Vec<(i64, String)> = sqlx::query(
                    "SELECT account_id, secret_sealed FROM second_factors \
                     WHERE secret_sealed IS NOT NULL ORDER BY account_id",
                )
                .fetch_all(&mut *conn)
                .await?
                .iter()
                .map(|r| Ok((r.try_get("account_id")?, r.try_get("secret_sealed")?)))
                .collect::<sqlx::Result<_>>()?;
                for (account_id, sealed) in &secrets {
                    let resealed = rekey
                        .totp_secret(*account_id, sealed)
                        .map_err(StoreError::Aborted)?;
                    sqlx::query(
                        "UPDATE second_factors SET secret_sealed = $2 WHERE account_id = $1",
                    )
                    .bind(account_id)
                    .bind(resealed)
                    .execute(&mut *conn)
                    .await?;
                }

                let codes: Vec<(i64, String)> = sqlx::query(
                    "SELECT id, code_hash FROM sms_codes \
                     WHERE used_at IS NULL AND expires_at > $1 ORDER BY id",
                )
                .bind(now)
                .fetch_all(&mut *conn)
                .await?
                .iter()
                .map(|r| Ok((r.try_get("id")?, r.try_get("code_hash")?)))
                .collect::<sqlx::Result<_>>()?;
                let hashes: Vec<String> = codes.iter().map(|(_, hash)| hash.clone()).collect();
                let rehashed = rekey.sms_codes(&hashes).map_err(StoreError::Aborted)?;
                if rehashed.len() != codes.len() {
                    return Err(StoreError::Aborted(
                        "not every pending SMS code was re-keyed".into(),
                    ));
                }
                for ((id, _), hash) in codes.iter().zip(rehashed) {
                    sqlx::query("UPDATE sms_codes SET code_hash = $2 WHERE id = $1")
                        .bind(id)
                        .bind(hash)
                        .execute(&mut *conn)
                        .await?;
                }
                Ok(Rekeyed {
                    totp_secrets: secrets.len(),
                    sms_codes: codes.len(),
                })
            })
        })
        .await
    }
}
