//! The second-factor lockout policy and what it leaves an attacker who has the password.

/// `max_failures` codes evaluated without a success lock the account for `base_seconds`;
/// each lockout in a row doubles the next one, up to `max_seconds`. A success resets both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LockoutPolicy {
    pub max_failures: i64,
    pub base_seconds: i64,
    pub max_seconds: i64,
}

/// Codes accepted for one guess at any moment: a TOTP code of the current step or one step
/// either way (an SMS code is one, so TOTP is the attacker's best case).
pub const VALID_CODES_PER_GUESS: f64 = 3.0;
const CODE_SPACE: f64 = 1_000_000.0;

impl LockoutPolicy {
    /// The most codes an attacker can have evaluated against one account in `period_seconds`,
    /// guessing a full window at once whenever the account is not locked.
    pub fn max_guesses(self, period_seconds: i64) -> i64 {
        let (mut elapsed, mut guesses) = (0i64, 0i64);
        let mut lock = self.base_seconds.max(1);
        while elapsed < period_seconds {
            guesses += self.max_failures;
            elapsed += lock;
            lock = (lock * 2).min(self.max_seconds.max(self.base_seconds));
        }
        guesses
    }

    /// The chance that an attacker's guesses hit a valid code within `period_seconds`.
    pub fn guess_chance(self, period_seconds: i64) -> f64 {
        let miss = 1.0 - VALID_CODES_PER_GUESS / CODE_SPACE;
        1.0 - miss.powf(self.max_guesses(period_seconds) as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    #[test]
    fn a_fixed_lockout_allows_a_window_per_lock() {
        let fixed = LockoutPolicy {
            max_failures: 5,
            base_seconds: 900,
            max_seconds: 900,
        };
        assert_eq!(fixed.max_guesses(DAY), 5 * 96);
        assert!(fixed.guess_chance(DAY) > 0.001, "the old 0.14 % a day");
    }

    #[test]
    fn escalation_doubles_each_lock_up_to_the_cap() {
        let policy = LockoutPolicy {
            max_failures: 5,
            base_seconds: 900,
            max_seconds: 4 * 900,
        };
        // Windows start at 0, 15 min, 45 min, 1h45, then every hour.
        assert_eq!(policy.max_guesses(1), 5);
        assert_eq!(policy.max_guesses(900), 5);
        assert_eq!(policy.max_guesses(901), 10);
        assert_eq!(policy.max_guesses(6300), 15);
        assert_eq!(policy.max_guesses(6301), 20);
        assert_eq!(policy.max_guesses(6300 + 3600), 20);
        assert_eq!(policy.max_guesses(6301 + 3600), 25);
    }
}
