//! Throttles on guessing and on SMS sends: fixed-window counters, the addresses accounts
//! have logged in from, and the SMS send budgets.
//!
//! **Invariant:** taking a slot is one `INSERT … ON CONFLICT … DO UPDATE … WHERE … RETURNING`
//! statement, so however many attempts arrive at once, at one server or at several replicas
//! sharing one PostgreSQL database, no more than the limit get a slot.

use sqlx::Row;

use super::{Result, Shape, Store, WriteConnection};
use crate::vocabulary::Method;

/// Why an SMS send was refused, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmsThrottle {
    /// A code is pending and was sent less than the resend wait ago.
    ResendTooSoon { retry_after: i64 },
    /// The hourly budget of the account or of the number is spent.
    HourlyLimit { retry_after: i64 },
}

/// A slot taken in a counter: give it back if the attempt turns out not to count.
#[derive(Debug, Clone)]
pub struct Slot {
    pub scope: String,
    window_end: i64,
}

/// The budgets an SMS send is checked against (SPEC §4).
#[derive(Debug, Clone, Copy)]
pub struct SmsLimits {
    /// How long the code stays valid, in seconds.
    pub ttl: i64,
    /// How long a resend of a still-pending code waits, in seconds.
    pub resend_wait: i64,
    /// Sends per hour per account, and per number to its owners' active factor.
    pub max_per_hour: i64,
    /// Enrollment sends per hour to one number, from all accounts together.
    pub max_enrollments_per_number: i64,
}

impl Store {
    /// Takes one slot in each `(scope, max)` counter, for windows of `window` seconds that
    /// start at the first attempt. All or nothing: on a full counter the slots already taken
    /// are given back, and the answer is how many seconds until that counter's window ends.
    pub async fn take_slots(
        &self,
        limits: &[(String, i64)],
        now: i64,
        window: i64,
    ) -> Result<std::result::Result<Vec<Slot>, i64>> {
        let limits = limits.to_vec();
        self.write(Shape::Statements, move |conn| {
            Box::pin(async move {
                let mut taken = Vec::with_capacity(limits.len());
                for (scope, max) in limits {
                    let window_end: Option<i64> = sqlx::query_scalar(
                        "INSERT INTO throttle_counters (scope, window_end, n) VALUES ($1, $3, 1) \
                         ON CONFLICT (scope) DO UPDATE SET \
                           n = CASE WHEN throttle_counters.window_end <= $2 THEN 1 ELSE throttle_counters.n + 1 END, \
                           window_end = CASE WHEN throttle_counters.window_end <= $2 THEN $3 ELSE throttle_counters.window_end END \
                         WHERE throttle_counters.window_end <= $2 OR throttle_counters.n < $4 \
                         RETURNING window_end",
                    )
                    .bind(&scope)
                    .bind(now)
                    .bind(now + window)
                    .bind(max)
                    .fetch_optional(&mut *conn)
                    .await?;
                    match window_end {
                        Some(window_end) => taken.push(Slot { scope, window_end }),
                        None => {
                            give_back(conn, &taken).await?;
                            let window_end: Option<i64> = sqlx::query_scalar(
                                "SELECT window_end FROM throttle_counters WHERE scope = $1",
                            )
                            .bind(&scope)
                            .fetch_optional(&mut *conn)
                            .await?;
                            return Ok(Err(window_end.map_or(1, |end| (end - now).max(1))));
                        }
                    }
                }
                Ok(Ok(taken))
            })
        })
        .await
    }

    /// Gives slots back (the attempt succeeded); a slot of a window that has since ended is
    /// left alone.
    pub async fn give_back(&self, slots: &[Slot]) -> Result<()> {
        let slots = slots.to_vec();
        self.write(Shape::Statements, move |conn| {
            Box::pin(async move { give_back(conn, &slots).await })
        })
        .await
    }

    /// Forgets a counter altogether.
    pub async fn clear_counter(&self, scope: &str) -> Result<()> {
        self.write_statement(
            sqlx::query("DELETE FROM throttle_counters WHERE scope = $1").bind(scope.to_owned()),
        )
        .await?;
        Ok(())
    }

    /// Counts one event in `scope` (no limit) and returns the count in the current window.
    pub async fn count_event(&self, scope: &str, now: i64, window: i64) -> Result<i64> {
        self.write_returning(
            sqlx::query_scalar(
                "INSERT INTO throttle_counters (scope, window_end, n) VALUES ($1, $3, 1) \
                 ON CONFLICT (scope) DO UPDATE SET \
                   n = CASE WHEN throttle_counters.window_end <= $2 THEN 1 ELSE throttle_counters.n + 1 END, \
                   window_end = CASE WHEN throttle_counters.window_end <= $2 THEN $3 ELSE throttle_counters.window_end END \
                 RETURNING n",
            )
            .bind(scope.to_owned())
            .bind(now)
            .bind(now + window),
        )
        .await
    }

    /// Whether the account has logged in from `client` before.
    pub async fn is_known_address(&self, account_id: i64, client: &str) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT account_id FROM known_addresses WHERE account_id = $1 AND client = $2",
        )
        .bind(account_id)
        .bind(client)
        .fetch_optional(&self.db)
        .await?;
        Ok(found.is_some())
    }

    /// Records a successful login of the account from `client`.
    pub async fn remember_address(&self, account_id: i64, client: &str, now: i64) -> Result<()> {
        self.write_statement(
            sqlx::query(
                "INSERT INTO known_addresses (account_id, client, last_login_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (account_id, client) DO UPDATE SET last_login_at = excluded.last_login_at",
            )
            .bind(account_id)
            .bind(client.to_owned())
            .bind(now),
        )
        .await?;
        Ok(())
    }

    /// Sweeps counters whose window has ended and addresses not logged in from since
    /// `forget_addresses_before`: what keeps both tables bounded.
    pub async fn sweep_throttles(&self, now: i64, forget_addresses_before: i64) -> Result<()> {
        self.write(Shape::Statements, move |conn| {
            Box::pin(async move {
                sqlx::query("DELETE FROM throttle_counters WHERE window_end <= $1")
                    .bind(now)
                    .execute(&mut *conn)
                    .await?;
                sqlx::query("DELETE FROM known_addresses WHERE last_login_at < $1")
                    .bind(forget_addresses_before)
                    .execute(&mut *conn)
                    .await?;
                Ok(())
            })
        })
        .await
    }

    // ---- SMS codes ------------------------------------------------------------------

    /// Records a new SMS code unless a throttle forbids the send. The check and the insert
    /// are one statement, so concurrent requests cannot both slip under a limit on SQLite;
    /// on PostgreSQL two racing sends may at worst both pass the same last slot.
    ///
    /// A number's budget is split by who sends: codes to the sender's own active factor
    /// (`to_owner`) have `max_per_hour` per number; enrollment sends, which anyone may aim at
    /// any number, share `max_enrollments_per_number`, and one account spends at most
    /// `max_per_hour` of it. So no account can spend an owner's budget, and a number cannot
    /// be pumped by one account.
    pub async fn insert_sms_code(
        &self,
        account_id: i64,
        phone: &str,
        code_hash: &str,
        now: i64,
        limits: SmsLimits,
    ) -> Result<std::result::Result<i64, SmsThrottle>> {
        let hour_ago = now - 3600;
        let insert = sqlx::query_scalar(
            "INSERT INTO sms_codes (account_id, phone, code_hash, sent_at, expires_at, to_owner) \
             SELECT $1, $2, $3, $4, $5, sender.to_owner \
             FROM (SELECT COUNT(*) AS to_owner FROM second_factors \
                   WHERE account_id = $1 AND method = 'sms' AND active = 1 AND phone = $2) sender \
             WHERE NOT EXISTS (SELECT 1 FROM sms_codes WHERE account_id = $1 AND used_at IS NULL \
                                 AND expires_at > $4 AND sent_at > $6) \
               AND (SELECT COUNT(*) FROM sms_codes WHERE account_id = $1 AND sent_at > $7) < $8 \
               AND (SELECT COUNT(*) FROM sms_codes WHERE phone = $2 AND to_owner = sender.to_owner \
                      AND sent_at > $7) < CASE WHEN sender.to_owner = 1 THEN $8 ELSE $9 END \
             RETURNING id",
        )
        .bind(account_id)
        .bind(phone.to_owned())
        .bind(code_hash.to_owned())
        .bind(now)
        .bind(now + limits.ttl)
        .bind(now - limits.resend_wait)
        .bind(hour_ago)
        .bind(limits.max_per_hour)
        .bind(limits.max_enrollments_per_number);
        let inserted: Option<i64> = self
            .write(Shape::Statement, move |conn| {
                Box::pin(async move { Ok(insert.fetch_optional(conn).await?) })
            })
            .await?;
        if let Some(id) = inserted {
            return Ok(Ok(id));
        }
        // Refused: work out which limit, for an honest retry_after.
        let last_pending: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(sent_at) FROM sms_codes WHERE account_id = $1 AND used_at IS NULL AND expires_at > $2",
        )
        .bind(account_id)
        .bind(now)
        .fetch_one(&self.db)
        .await?;
        if let Some(sent_at) = last_pending.filter(|sent_at| *sent_at > now - limits.resend_wait) {
            return Ok(Err(SmsThrottle::ResendTooSoon {
                retry_after: sent_at + limits.resend_wait - now,
            }));
        }
        let to_owner = self.second_factor(account_id).await?.is_some_and(|f| {
            f.active && f.method == Method::Sms && f.phone.as_deref() == Some(phone)
        });
        // An hourly budget frees a slot an hour after the oldest of its last `max` sends.
        let frees_at = |row: sqlx::any::AnyRow, max: i64| -> Result<Option<i64>> {
            let n: i64 = row.try_get(0)?;
            let oldest: Option<i64> = row.try_get(1)?;
            Ok(oldest.filter(|_| n >= max).map(|sent_at| sent_at + 3600))
        };
        let account = frees_at(
            sqlx::query(
                "SELECT COUNT(*), MIN(sent_at) FROM (SELECT sent_at FROM sms_codes \
                   WHERE account_id = $1 AND sent_at > $2 ORDER BY sent_at DESC LIMIT $3) recent",
            )
            .bind(account_id)
            .bind(hour_ago)
            .bind(limits.max_per_hour)
            .fetch_one(&self.db)
            .await?,
            limits.max_per_hour,
        )?;
        let number_max = if to_owner {
            limits.max_per_hour
        } else {
            limits.max_enrollments_per_number
        };
        let number = frees_at(
            sqlx::query(
                "SELECT COUNT(*), MIN(sent_at) FROM (SELECT sent_at FROM sms_codes \
                   WHERE phone = $1 AND to_owner = $2 AND sent_at > $3 ORDER BY sent_at DESC LIMIT $4) recent",
            )
            .bind(phone)
            .bind(to_owner as i64)
            .bind(hour_ago)
            .bind(number_max)
            .fetch_one(&self.db)
            .await?,
            number_max,
        )?;
        let frees_at = account.max(number).unwrap_or(now + 60);
        Ok(Err(SmsThrottle::HourlyLimit {
            retry_after: (frees_at - now).max(1),
        }))
    }
}

/// The statements of `Store::give_back`, on the connection of a unit of writes.
async fn give_back(conn: &mut WriteConnection<'_>, slots: &[Slot]) -> Result<()> {
    for slot in slots {
        sqlx::query(
            "UPDATE throttle_counters SET n = n - 1 WHERE scope = $1 AND window_end = $2 AND n > 0",
        )
        .bind(&slot.scope)
        .bind(slot.window_end)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
