//! Authenticator codes (RFC 6238): SHA-1, six digits, 30-second steps, one step of clock
//! skew either way. Verification returns the matched time step; making sure a step is
//! accepted only once is the store's job (`Store::consume_totp_step`).

use data_encoding::BASE32_NOPAD;
use rand::RngCore;
use rand::rngs::OsRng;
use totp_rs::{Algorithm, Builder, Totp};

pub const STEP_SECONDS: u64 = 30;
pub const DIGITS: u8 = 6;
const SKEW_STEPS: u16 = 1;
pub const ISSUER: &str = "padlock";

/// A new 160-bit secret from the OS random number generator.
pub fn generate_secret() -> Vec<u8> {
    let mut secret = vec![0u8; 20];
    OsRng.fill_bytes(&mut secret);
    secret
}

/// The secret as authenticator apps want it typed in: base32 without padding.
pub fn secret_base32(secret: &[u8]) -> String {
    BASE32_NOPAD.encode(secret)
}

fn totp(secret: &[u8], account: &str) -> Totp {
    totp_of(secret, ISSUER, account)
}

fn totp_of(secret: &[u8], issuer: &str, account: &str) -> Totp {
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(DIGITS)
        .with_skew(SKEW_STEPS)
        .with_step_duration(STEP_SECONDS)
        .with_secret(secret.to_vec())
        .with_issuer(Some(issuer))
        .with_account_name(account.replace(':', "_"))
        .build()
        .expect("a 160-bit secret with SHA-1 and six digits is a valid TOTP")
}

/// The `otpauth://totp/...` URI that authenticator apps read from the QR code.
/// The issuer names the server's host, "padlock (padlock.example.com)", so that the entries
/// of two padlock servers in one authenticator app can be told apart.
pub fn otpauth_uri(secret: &[u8], host: &str, account: &str) -> String {
    // The issuer leads the label `issuer:account`, so it must hold no colon (a port).
    let host: String = host
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        .take(253)
        .collect();
    let issuer = if host.is_empty() {
        ISSUER.to_owned()
    } else {
        format!("{ISSUER} ({host})")
    };
    totp_of(secret, &issuer, account)
        .to_url()
        .expect("issuer and account name are set and have no colon")
}

/// The time step (`unix time / 30`) whose code `code` is, within one step of `now`, if any.
/// The comparison is constant-time (totp-rs compares tokens with `constant_time_eq`).
pub fn verify(secret: &[u8], code: &str, now: u64) -> Option<u64> {
    if code.len() != DIGITS as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    totp(secret, "verify").check(code, now)
}

/// The code for the step containing `time`.
#[cfg(test)]
pub fn code_at(secret: &[u8], time: u64) -> String {
    totp(secret, "code").generate(time).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 Appendix B, SHA-1 rows; the RFC prints eight digits, and a six-digit code is
    /// its last six (dynamic truncation modulo 10^6).
    #[test]
    fn rfc6238_appendix_b_sha1_vectors() {
        let secret = b"12345678901234567890";
        let vectors = [
            (59, "94287082"),
            (1111111109, "07081804"),
            (1111111111, "14050471"),
            (1234567890, "89005924"),
            (2000000000, "69279037"),
            (20000000000, "65353130"),
        ];
        for (time, eight_digits) in vectors {
            let eight = Builder::new()
                .with_digits(8)
                .with_secret(secret.to_vec())
                .build()
                .unwrap();
            assert_eq!(eight.generate(time).to_string(), eight_digits, "T = {time}");
            assert_eq!(code_at(secret, time), &eight_digits[2..], "T = {time}");
            assert_eq!(
                verify(secret, &eight_digits[2..], time),
                Some(time / 30),
                "T = {time}"
            );
        }
    }

    #[test]
    fn accepts_one_step_of_skew_and_no_more() {
        let secret = generate_secret();
        let now = 1_700_000_000;
        let step = now / STEP_SECONDS;
        let code_of = |s: u64| code_at(&secret, s * STEP_SECONDS);
        assert_eq!(verify(&secret, &code_of(step), now), Some(step));
        assert_eq!(
            verify(&secret, &code_of(step - 1), now),
            Some(step - 1),
            "T-1 accepted"
        );
        assert_eq!(
            verify(&secret, &code_of(step + 1), now),
            Some(step + 1),
            "T+1 accepted"
        );
        assert_eq!(
            verify(&secret, &code_of(step - 2), now),
            None,
            "T-2 refused"
        );
        assert_eq!(
            verify(&secret, &code_of(step + 2), now),
            None,
            "T+2 refused"
        );
    }

    #[test]
    fn malformed_codes_are_refused() {
        let secret = generate_secret();
        for code in ["", "12345", "1234567", "12a456", " 123456", "１２３４５６"] {
            assert_eq!(verify(&secret, code, 1_700_000_000), None, "{code:?}");
        }
    }

    #[test]
    fn uri_names_issuer_account_and_secret() {
        let secret = generate_secret();
        let uri = otpauth_uri(&secret, "padlock.example.com", "alice");
        assert!(
            uri.starts_with("otpauth://totp/padlock%20%28padlock.example.com%29:alice?"),
            "{uri}"
        );
        assert!(
            uri.contains(&format!("secret={}", secret_base32(&secret))),
            "{uri}"
        );
        assert!(
            uri.contains("issuer=padlock%20%28padlock.example.com%29"),
            "{uri}"
        );
        // No host (no Host header): the plain issuer; a colon never reaches the label.
        let plain = otpauth_uri(&secret, "", "alice");
        assert!(
            plain.starts_with("otpauth://totp/padlock:alice?"),
            "{plain}"
        );
        let odd = otpauth_uri(&secret, "[::1]", "alice");
        assert!(
            odd.starts_with("otpauth://totp/padlock%20%281%29:alice?"),
            "{odd}"
        );
    }

    /// What a person types into an authenticator app: RFC 4648 base32, no `=` padding.
    #[test]
    fn secrets_are_shown_in_base32_without_padding() {
        assert_eq!(secret_base32(b"foobar"), "MZXW6YTBOI");
        assert_eq!(
            secret_base32(b"12345678901234567890"),
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        );
    }
}
