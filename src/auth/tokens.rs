//! Bearer tokens: sessions, interactive grants and CI grants.
//!
//! A token is a kind prefix (so secret scanners can recognise a leaked one) and 256 random
//! bits in lower-case base32. The server keeps only its SHA-256: the token has full entropy,
//! so a slow hash adds nothing, and lookups by hash are exact.

use data_encoding::BASE32_NOPAD;
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};

/// What a token stands for; its prefix says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Session,
    Grant,
    CiGrant,
}

impl TokenKind {
    pub fn prefix(self) -> &'static str {
        match self {
            TokenKind::Session => "plk_sess_",
            TokenKind::Grant => "plk_grant_",
            TokenKind::CiGrant => "plk_ci_",
        }
    }

    /// The kind of a presented token, from its prefix.
    pub fn of(token: &str) -> Option<TokenKind> {
        [TokenKind::Session, TokenKind::Grant, TokenKind::CiGrant]
            .into_iter()
            .find(|kind| token.starts_with(kind.prefix()))
    }
}

/// A fresh token of the given kind.
pub fn generate(kind: TokenKind) -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    format!(
        "{}{}",
        kind.prefix(),
        BASE32_NOPAD.encode(&bytes).to_lowercase()
    )
}

/// The form a token is stored and looked up in.
pub fn digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_their_kind_and_256_bits() {
        for kind in [TokenKind::Session, TokenKind::Grant, TokenKind::CiGrant] {
            let token = generate(kind);
            assert_eq!(TokenKind::of(&token), Some(kind));
            let body = token.strip_prefix(kind.prefix()).unwrap();
            let decoded = BASE32_NOPAD.decode(body.to_uppercase().as_bytes()).unwrap();
            assert_eq!(decoded.len() * 8, 256);
            assert_ne!(token, generate(kind));
        }
        assert_eq!(TokenKind::of("ghp_abc"), None);
    }

    #[test]
    fn digest_is_stable_and_hides_the_token() {
        let token = generate(TokenKind::Grant);
        assert_eq!(digest(&token), digest(&token));
        assert!(!digest(&token).contains(&token[10..]));
        assert_eq!(digest(&token).len(), 64);
    }
}
