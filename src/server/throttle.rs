//! Throttled password guessing (SPEC §4 rule 4): which counters a login attempt takes, what
//! a success gives back, and the audit of attempts too numerous to record one by one.
//!
//! A login takes one slot, before argon2 runs, in each of three fixed-window counters:
//!
//! - the username from this address (`login_failures_per_account_address`);
//! - this address over all usernames (`login_failures_per_address`), against spraying;
//! - the username from anywhere (`login_failures_per_account`), but only when the address
//!   has never logged in to the account. Guessing from elsewhere fills this counter, and
//!   the owner, at an address of their own, is not held back by it.
//!
//! Unknown usernames take the same counters under their name, so the answers do not tell
//! which accounts exist. A success gives its slots back.

use std::net::IpAddr;
use std::time::Duration;

use crate::config::Config;
use crate::server::AppState;
use crate::store::throttle::Slot;
use crate::store::{AuditRecord, Store};

const PAIR: &str = "login:pair:";

/// Addresses not logged in from for this long are forgotten: they count against the
/// account again, and the table stays bounded.
const KNOWN_ADDRESS_DAYS: i64 = 90;

/// The address a client is counted and remembered under: an IPv4 address, or the /64 of an
/// IPv6 one, since one subscriber usually holds a whole /64 and could otherwise pick a fresh
/// address for every guess.
pub fn address_key(client: &str) -> String {
    match client.parse::<IpAddr>() {
        Ok(IpAddr::V6(v6)) => ipnet::Ipv6Net::new(v6, 64)
            .map_or_else(|_| client.to_owned(), |net| net.trunc().to_string()),
        _ => client.to_owned(),
    }
}

/// The counters a login for `username` (or `?` for a malformed one) from `address` takes,
/// with their limits.
pub fn login_limits(
    config: &Config,
    username: &str,
    address: &str,
    known_address: bool,
) -> Vec<(String, i64)> {
    let mut limits = vec![
        (
            format!("{PAIR}{username} {address}"),
            config.login_failures_per_account_address,
        ),
        (
            format!("login:addr:{address}"),
            config.login_failures_per_address,
        ),
    ];
    if !known_address {
        limits.push((
            format!("login:user:{username}"),
            config.login_failures_per_account,
        ));
    }
    limits
}

/// After a successful login: the pair's counter is cleared (this address knows this
/// account's password), the other counters only get their slot back, so an attacker cannot
/// wash their count for spraying by logging in to an account of their own. The address
/// becomes a known one.
pub async fn login_succeeded(
    store: &Store,
    slots: &[Slot],
    account_id: i64,
    address: &str,
    now: i64,
) -> Result<(), crate::store::StoreError> {
    let (pair, others): (Vec<Slot>, Vec<Slot>) = slots
        .iter()
        .cloned()
        .partition(|slot| slot.scope.starts_with(PAIR));
    store.give_back(&others).await?;
    for slot in pair {
        store.clear_counter(&slot.scope).await?;
    }
    store.remember_address(account_id, address, now).await
}

/// Records `event` only when it is the 1st, 10th, 100th, … of its `kind` from `address` in
/// the current window, with the count in its reason.
///
/// For events an attacker can cause at will without being throttled first — logins for
/// usernames that do not exist, attempts refused by a throttle — an event each would let
/// the audit log grow with the attacker's request rate; this grows with its logarithm and
/// still says who, from where, and how many. Wrong passwords for existing accounts are
/// recorded one by one: they are what the owner and support need to see, and the throttle
/// bounds them.
pub async fn audit_sampled(
    state: &AppState,
    kind: &str,
    address: &str,
    mut event: AuditRecord,
) -> Result<(), crate::store::StoreError> {
    let n = state
        .store
        .count_event(
            &format!("audit:{kind}:{address}"),
            event.at,
            state.config.login_window.seconds(),
        )
        .await?;
    if is_power_of_ten(n) {
        event.reason = Some(format!("{kind}: {n} from this address in this window"));
        state.store.record_audit(&event).await?;
    }
    Ok(())
}

fn is_power_of_ten(n: i64) -> bool {
    let mut power = 1;
    while power < n {
        power = power.saturating_mul(10);
    }
    power == n
}

/// Sweeps ended counters and forgotten addresses every minute, for as long as the server
/// runs. Any replica may do it: the sweep only deletes what no longer counts.
pub fn spawn_sweeper(store: Store) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(60));
        loop {
            every.tick().await;
            let now = crate::time::now();
            let forget_before = now - KNOWN_ADDRESS_DAYS * 24 * 3600;
            if let Err(err) = store.sweep_throttles(now, forget_before).await {
                tracing::warn!("sweeping throttle counters failed: {err}");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powers_of_ten() {
        let sampled: Vec<i64> = (0..=1000).filter(|n| is_power_of_ten(*n)).collect();
        assert_eq!(sampled, [1, 10, 100, 1000]);
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_64() {
        assert_eq!(address_key("192.0.2.7"), "192.0.2.7");
        assert_eq!(address_key("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(address_key("2001:db8:1:2:ffff::9"), "2001:db8:1:2::/64");
        assert_eq!(address_key(""), "");
    }

    #[test]
    fn known_addresses_skip_the_account_counter() {
        let config = Config::default();
        let scopes = |known| {
            login_limits(&config, "bob", "192.0.2.7", known)
                .into_iter()
                .map(|(scope, _)| scope)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            scopes(false),
            [
                "login:pair:bob 192.0.2.7",
                "login:addr:192.0.2.7",
                "login:user:bob"
            ]
        );
        assert_eq!(scopes(true).len(), 2);
    }
}
