//! SMS codes: generation, phone number validation and masking. Sending lives in
//! `server::sms`; throttling state lives in the store.

use rand::Rng;
use rand::rngs::OsRng;

/// How long an SMS code stays valid by default (`sms_code_ttl`).
pub const CODE_TTL_SECONDS: i64 = 5 * 60;
/// Wrong tries allowed on one code before it is burnt.
pub const MAX_ATTEMPTS: i64 = 5;
/// A resend while a code is still pending waits this long after the last send, by default
/// (`sms_resend_wait`).
pub const RESEND_WAIT_SECONDS: i64 = 30;
/// Sends allowed per hour, per account and per number (SMS-pumping protection).
pub const MAX_SENDS_PER_HOUR: i64 = 5;
/// Enrollment sends allowed per hour to one number from all accounts together. Above
/// `MAX_SENDS_PER_HOUR`, so one account enrolling someone else's number cannot block the
/// number's own enrollment; it is a ceiling against pumping, and never touches the budget of
/// the number's owners (codes to their active factor are counted apart).
pub const MAX_ENROLLMENT_SENDS_PER_NUMBER: i64 = 10;

/// A phone number in E.164 form (`+4915112345678`), validated against the numbering plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone(String);

impl Phone {
    pub fn parse(text: &str) -> Result<Phone, String> {
        let text = text.trim();
        if !text.starts_with('+') {
            return Err(format!(
                "{text:?} is not an E.164 phone number: start it with + and the country code, e.g. +4915112345678"
            ));
        }
        let number = phonenumber::parse(None, text)
            .map_err(|_| format!("{text:?} is not a phone number"))?;
        if !phonenumber::is_valid(&number) {
            return Err(format!(
                "{text:?} is not a valid phone number for its country"
            ));
        }
        Ok(Phone(
            number.format().mode(phonenumber::Mode::E164).to_string(),
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number with all but the last two digits hidden, for messages and listings.
    pub fn masked(&self) -> String {
        mask(&self.0)
    }
}

/// Masks a stored E.164 number: `+49*********78`.
pub fn mask(e164: &str) -> String {
    let n = e164.len();
    e164.char_indices()
        .map(|(i, c)| if i < 3 || i + 2 >= n { c } else { '*' })
        .collect()
}

/// A fresh six-digit code, uniformly distributed.
pub fn generate_code() -> String {
    format!("{:06}", OsRng.gen_range(0..1_000_000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_normalised_to_e164() {
        assert_eq!(
            Phone::parse("+49 151 12345678").unwrap().as_str(),
            "+4915112345678"
        );
        assert_eq!(
            Phone::parse("+1 (415) 555-2671").unwrap().as_str(),
            "+14155552671"
        );
    }

    #[test]
    fn bad_phone_numbers_are_refused() {
        for text in [
            "",
            "015112345678",
            "+",
            "+0000",
            "+49 abc",
            "+1 555",
            "hello",
        ] {
            assert!(Phone::parse(text).is_err(), "{text:?}");
        }
    }

    #[test]
    fn masking_keeps_country_and_last_two() {
        assert_eq!(mask("+4915112345678"), "+49*********78");
        let phone = Phone::parse("+49 151 12345678").unwrap();
        assert_eq!(phone.masked(), "+49*********78");
    }

    #[test]
    fn codes_are_six_digits() {
        for _ in 0..100 {
            let code = generate_code();
            assert_eq!(code.len(), 6);
            assert!(code.bytes().all(|b| b.is_ascii_digit()));
        }
    }
}
