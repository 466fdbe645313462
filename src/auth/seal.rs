//! Secrets at rest: TOTP secrets are sealed with XChaCha20-Poly1305 under the server's master
//! key, and SMS codes are stored as HMAC-SHA256 under a key derived from it (a six-digit code
//! hashed without a key would be recovered from its hash in a million guesses).
//!
//! Rotating the master key (`padlock server rotate-master-key`) re-seals every secret and
//! re-keys pending SMS codes; [`MasterKey::check_value`] lets the server tell at start that
//! it was given the key its database is sealed with.

use std::collections::HashMap;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::Sha256;

/// What the key check seals, and the context it is bound to.
const CHECK_PLAINTEXT: &[u8] = b"padlock master key check";
const CHECK_CONTEXT: &str = "padlock:master-key-check";

/// The context a TOTP secret is sealed to: its account, so it cannot be moved to another row.
pub fn totp_context(account_id: i64) -> String {
    format!("padlock:totp:account:{account_id}")
}

/// The server's 256-bit master key.
#[derive(Clone, PartialEq, Eq)]
pub struct MasterKey([u8; 32]);

#[derive(Debug, thiserror::Error)]
pub enum SealError {
    #[error("the master key must be 32 bytes, given as 64 hex digits or base64 (got {0} bytes)")]
    KeyLength(usize),
    #[error("the master key is neither hex nor base64")]
    KeyEncoding,
    #[error("a sealed secret could not be opened: wrong master key or damaged data")]
    Open,
}

impl MasterKey {
    pub fn generate() -> MasterKey {
        let mut key = [0u8; 32];
        OsRng.fill_bytes(&mut key);
        MasterKey(key)
    }

    /// Parses the key as written in a key file or `PADLOCK_MASTER_KEY`: hex or base64.
    pub fn parse(text: &str) -> Result<MasterKey, SealError> {
        let text = text.trim();
        let bytes = hex::decode(text)
            .or_else(|_| BASE64.decode(text))
            .map_err(|_| SealError::KeyEncoding)?;
        let key: [u8; 32] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| SealError::KeyLength(bytes.len()))?;
        Ok(MasterKey(key))
    }

    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// Seals `plaintext`, bound to `context` (e.g. the account id) so a sealed value cannot be
    /// moved to another row. Output: base64(nonce || ciphertext).
    pub fn seal(&self, plaintext: &[u8], context: &str) -> String {
        let cipher = XChaCha20Poly1305::new((&self.0).into());
        let mut nonce = [0u8; 24];
        OsRng.fill_bytes(&mut nonce);
        let payload = Payload {
            msg: plaintext,
            aad: context.as_bytes(),
        };
        let ciphertext = cipher
            .encrypt(XNonce::from_slice(&nonce), payload)
            .expect("XChaCha20-Poly1305 encryption of an in-memory buffer cannot fail");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ciphertext);
        BASE64.encode(out)
    }

    pub fn open(&self, sealed: &str, context: &str) -> Result<Vec<u8>, SealError> {
        let bytes = BASE64.decode(sealed).map_err(|_| SealError::Open)?;
        if bytes.len() < 24 {
            return Err(SealError::Open);
        }
        let (nonce, ciphertext) = bytes.split_at(24);
        let cipher = XChaCha20Poly1305::new((&self.0).into());
        let payload = Payload {
            msg: ciphertext,
            aad: context.as_bytes(),
        };
        cipher
            .decrypt(XNonce::from_slice(nonce), payload)
            .map_err(|_| SealError::Open)
    }

    /// Keyed hash of a short secret such as an SMS code, as hex.
    pub fn keyed_hash(&self, value: &str) -> String {
        let mut mac = self.sms_code_mac();
        mac.update(value.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    fn sms_code_mac(&self) -> Hmac<Sha256> {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC accepts any key length");
        mac.update(b"padlock-sms-code\0");
        mac
    }

    /// The six-digit SMS codes whose keyed hashes are among `hashes`, as hash → code.
    ///
    /// A keyed hash cannot be re-keyed, but whoever holds the key finds a six-digit code
    /// behind it by trying all million: the work the key denies everyone else. The rotation
    /// does this in one pass for all pending codes (a million HMACs: seconds at most), then
    /// hashes them under the new key, so a code sent before the rotation still verifies
    /// after it.
    pub fn recover_sms_codes(&self, hashes: &[&str]) -> HashMap<String, String> {
        let wanted: HashMap<[u8; 32], &str> = hashes
            .iter()
            .filter_map(|hash| {
                let bytes: [u8; 32] = hex::decode(hash).ok()?.try_into().ok()?;
                Some((bytes, *hash))
            })
            .collect();
        let mut found = HashMap::new();
        let prefix = self.sms_code_mac();
        // The code as ASCII digits, counted up in place: "000000", "000001", …, "999999".
        let mut code = *b"000000";
        // Always all million: the rotation takes the same time whatever the codes are.
        for _ in 0..1_000_000u32 {
            let mut mac = prefix.clone();
            mac.update(&code);
            let digest: [u8; 32] = mac.finalize().into_bytes().into();
            if let Some(hash) = wanted.get(&digest) {
                found.insert(
                    (*hash).to_owned(),
                    String::from_utf8_lossy(&code).into_owned(),
                );
            }
            for digit in code.iter_mut().rev() {
                if *digit < b'9' {
                    *digit += 1;
                    break;
                }
                *digit = b'0';
            }
        }
        found
    }

    /// A value sealed under this key, kept in the database: [`MasterKey::opens_check`] tells
    /// whether another key is this one without keeping the key itself.
    pub fn check_value(&self) -> String {
        self.seal(CHECK_PLAINTEXT, CHECK_CONTEXT)
    }

    pub fn opens_check(&self, sealed: &str) -> bool {
        self.open(sealed, CHECK_CONTEXT)
            .is_ok_and(|plaintext| plaintext == CHECK_PLAINTEXT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_secrets_open_only_with_the_same_key_and_context() {
        let key = MasterKey::generate();
        let sealed = key.seal(b"JBSWY3DPEHPK3PXP", "account:1");
        assert!(!sealed.contains("JBSWY3DPEHPK3PXP"));
        assert_eq!(key.open(&sealed, "account:1").unwrap(), b"JBSWY3DPEHPK3PXP");
        assert!(key.open(&sealed, "account:2").is_err());
        assert!(MasterKey::generate().open(&sealed, "account:1").is_err());
        assert!(key.open("bm90IHNlYWxlZA==", "account:1").is_err());
    }

    /// A sealed TOTP secret copied into another account's row does not open there.
    #[test]
    fn a_totp_secret_opens_only_for_its_account() {
        let key = MasterKey::generate();
        let sealed = key.seal(b"twenty bytes secret!", &totp_context(1));
        assert_eq!(
            key.open(&sealed, &totp_context(1)).unwrap(),
            b"twenty bytes secret!"
        );
        assert!(key.open(&sealed, &totp_context(2)).is_err());
    }

    #[test]
    fn master_key_parses_hex_and_base64_and_rejects_the_rest() {
        let key = MasterKey::generate();
        let hex = key.to_hex();
        assert_eq!(MasterKey::parse(&hex).unwrap().0, key.0);
        assert_eq!(MasterKey::parse(&BASE64.encode(key.0)).unwrap().0, key.0);
        assert!(matches!(
            MasterKey::parse("abcd"),
            Err(SealError::KeyLength(2))
        ));
        assert!(MasterKey::parse("not a key!").is_err());
    }

    #[test]
    fn pending_sms_codes_are_recovered_with_the_key_only() {
        let (key, other) = (MasterKey::generate(), MasterKey::generate());
        let hashes = [key.keyed_hash("000042"), key.keyed_hash("918273")];
        let refs: Vec<&str> = hashes.iter().map(String::as_str).collect();
        let found = key.recover_sms_codes(&refs);
        assert_eq!(found[&hashes[0]], "000042");
        assert_eq!(found[&hashes[1]], "918273");
        assert!(other.recover_sms_codes(&refs).is_empty());
    }

    #[test]
    fn the_key_check_opens_with_the_same_key_only() {
        let (key, other) = (MasterKey::generate(), MasterKey::generate());
        let check = key.check_value();
        assert!(key.opens_check(&check));
        assert!(!other.opens_check(&check));
        // A TOTP secret is not a key check, even under the same key.
        assert!(!key.opens_check(&key.seal(b"secret", CHECK_CONTEXT)));
    }

    #[test]
    fn keyed_hash_depends_on_the_key() {
        let (a, b) = (MasterKey::generate(), MasterKey::generate());
        assert_eq!(a.keyed_hash("123456"), a.keyed_hash("123456"));
        assert_ne!(a.keyed_hash("123456"), b.keyed_hash("123456"));
        assert_ne!(a.keyed_hash("123456"), a.keyed_hash("123457"));
    }
}
