//! Account passwords, hashed with argon2id (OWASP's recommended defaults of the argon2 crate).

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rand::Rng;
use rand::rngs::OsRng;

/// Hashes a password into a PHC string (`$argon2id$v=19$...`).
pub fn hash(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 with default parameters cannot fail on a generated salt")
        .to_string()
}

/// Checks a password against a stored PHC string. A malformed hash counts as a mismatch.
pub fn verify(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash of a random password, verified against when the username is unknown so that a
/// failed login takes the same time whether or not the account exists.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash(&generate()))
}

/// A generated password for new accounts: 20 characters from an unambiguous alphabet
/// (about 115 bits).
pub fn generate() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = OsRng;
    (0..20)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An unknown username must cost what a known one does: the dummy is a real argon2id
    /// hash with the same parameters, not a string that fails to parse at once.
    #[test]
    fn the_dummy_hash_costs_what_a_real_one_does() {
        let parameters = |phc: &str| phc.rsplitn(3, '$').nth(2).map(str::to_owned);
        let real = hash("a password of someone");
        assert!(real.starts_with("$argon2id$"), "{real}");
        assert_eq!(parameters(dummy_hash()), parameters(&real));
        assert!(PasswordHash::new(dummy_hash()).is_ok());
        assert!(!verify("", dummy_hash()));
    }

    #[test]
    fn verifies_only_the_right_password() {
        let phc = hash("correct horse");
        assert!(phc.starts_with("$argon2id$"));
        assert!(verify("correct horse", &phc));
        assert!(!verify("wrong horse", &phc));
        assert!(!verify("correct horse", "not a phc string"));
    }

    #[test]
    fn generated_passwords_differ() {
        let (a, b) = (generate(), generate());
        assert_eq!(a.len(), 20);
        assert_ne!(a, b);
    }
}
