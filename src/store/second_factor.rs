//! Second factors: an account's TOTP or SMS method, its enrollment, single-use TOTP steps
//! and the SMS codes sent to it.

use super::{Flag, Result, Shape, Store};
use crate::vocabulary::Method;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SecondFactor {
    pub method: Method,
    pub secret_sealed: Option<String>,
    pub phone: Option<String>,
    #[sqlx(try_from = "Flag")]
    pub active: bool,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PendingSms {
    pub id: i64,
    pub code_hash: String,
}

impl Store {
    // ---- second factors ---------------------------------------------------------------

    pub async fn second_factor(&self, account_id: i64) -> Result<Option<SecondFactor>> {
        Ok(sqlx::query_as(
            "SELECT method, secret_sealed, phone, active FROM second_factors WHERE account_id = $1",
        )
        .bind(account_id)
        .fetch_optional(&self.db)
        .await?)
    }

    /// Starts (or restarts) an enrollment. Returns false, changing nothing, when the account
    /// already has an active second factor: users cannot replace their own.
    pub async fn start_enrollment(
        &self,
        account_id: i64,
        method: Method,
        secret_sealed: Option<&str>,
        phone: Option<&str>,
        now: i64,
    ) -> Result<bool> {
        let started = self
            .write_statement(
                sqlx::query(
            "INSERT INTO second_factors (account_id, method, secret_sealed, phone, active, created_at) \
             VALUES ($1, $2, $3, $4, 0, $5) \
             ON CONFLICT (account_id) DO UPDATE SET method = excluded.method, \
               secret_sealed = excluded.secret_sealed, phone = excluded.phone, created_at = excluded.created_at, \
               last_totp_step = NULL \
             WHERE second_factors.active = 0",
        )
        .bind(account_id)
        .bind(method)
        .bind(secret_sealed.map(str::to_owned))
        .bind(phone.map(str::to_owned))
        .bind(now),
            )
            .await?;
        Ok(started == 1)
    }

    /// Accepts TOTP time step `step` for the account: succeeds for exactly one caller per
    /// step, and refuses any step not newer than the last accepted one. With `activate`,
    /// the same statement turns a pending enrollment active.
    ///
    /// This must stay one conditional UPDATE: it is what makes a code single-use when many
    /// copies arrive at once, at one server or at several replicas.
    pub async fn consume_totp_step(
        &self,
        account_id: i64,
        step: i64,
        activate: bool,
        now: i64,
    ) -> Result<bool> {
        let consumed = self
            .write_statement(
                sqlx::query(
                    "UPDATE second_factors SET last_totp_step = $2, active = 1, \
                       activated_at = CASE WHEN active = 1 THEN activated_at ELSE $4 END \
                     WHERE account_id = $1 AND method = 'totp' AND active = $3 \
                       AND (last_totp_step IS NULL OR last_totp_step < $2)",
                )
                .bind(account_id)
                .bind(step)
                .bind(if activate { 0i64 } else { 1i64 })
                .bind(now),
            )
            .await?;
        Ok(consumed == 1)
    }

    /// Turns a pending SMS enrollment active (after its code was consumed).
    pub async fn activate_sms(&self, account_id: i64, now: i64) -> Result<bool> {
        let activated = self
            .write_statement(
                sqlx::query(
                    "UPDATE second_factors SET active = 1, activated_at = $2 WHERE account_id = $1 AND method = 'sms' AND active = 0",
                )
                .bind(account_id)
                .bind(now),
            )
            .await?;
        Ok(activated == 1)
    }

    /// Support's reset: forgets the second factor and its pending codes, revokes every grant
    /// of the account and lifts a lockout.
    pub async fn reset_second_factor(&self, account_id: i64, now: i64) -> Result<()> {
        self.write(Shape::Statements, move |conn| {
            Box::pin(async move {
                sqlx::query(
                    "UPDATE grants SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL",
                )
                .bind(account_id)
                .bind(now)
                .execute(&mut *conn)
                .await?;
                sqlx::query("DELETE FROM second_factors WHERE account_id = $1")
                    .bind(account_id)
                    .execute(&mut *conn)
                    .await?;
                sqlx::query("UPDATE sms_codes SET used_at = $2 WHERE account_id = $1 AND used_at IS NULL")
                    .bind(account_id)
                    .bind(now)
                    .execute(&mut *conn)
                    .await?;
                sqlx::query("UPDATE accounts SET n_failures = 0, locked_until = NULL, next_lock_seconds = NULL WHERE id = $1")
                    .bind(account_id)
                    .execute(&mut *conn)
                    .await?;
                Ok(())
            })
        })
        .await
    }

    // ---- SMS codes ------------------------------------------------------------------

    /// Forgets a code whose send failed, so it neither blocks a resend nor counts.
    pub async fn delete_sms_code(&self, id: i64) -> Result<()> {
        self.write_statement(sqlx::query("DELETE FROM sms_codes WHERE id = $1").bind(id))
            .await?;
        Ok(())
    }

    /// The newest code of the account that can still be tried.
    pub async fn pending_sms_code(
        &self,
        account_id: i64,
        now: i64,
        max_attempts: i64,
    ) -> Result<Option<PendingSms>> {
        Ok(sqlx::query_as(
            "SELECT id, code_hash FROM sms_codes \
             WHERE account_id = $1 AND used_at IS NULL AND expires_at > $2 AND n_attempts < $3 \
             ORDER BY id DESC LIMIT 1",
        )
        .bind(account_id)
        .bind(now)
        .bind(max_attempts)
        .fetch_optional(&self.db)
        .await?)
    }

    /// Marks a matching code used; true for exactly one caller.
    pub async fn consume_sms_code(&self, id: i64, now: i64, max_attempts: i64) -> Result<bool> {
        let consumed = self
            .write_statement(
                sqlx::query(
                    "UPDATE sms_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND expires_at > $2 AND n_attempts < $3",
                )
                .bind(id)
                .bind(now)
                .bind(max_attempts),
            )
            .await?;
        Ok(consumed == 1)
    }

    /// Counts a wrong try; the `max_attempts`-th burns the code (marks it used), so a new
    /// one can be sent at once.
    pub async fn count_sms_attempt(&self, id: i64, max_attempts: i64, now: i64) -> Result<()> {
        self.write_statement(
            sqlx::query(
                "UPDATE sms_codes SET n_attempts = n_attempts + 1, \
                   used_at = CASE WHEN n_attempts + 1 >= $2 THEN $3 ELSE used_at END \
                 WHERE id = $1",
            )
            .bind(id)
            .bind(max_attempts)
            .bind(now),
        )
        .await?;
        Ok(())
    }
}
