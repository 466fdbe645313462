//! The cryptographic core of padlock: passwords, tokens, TOTP, SMS codes and the sealing of
//! secrets at rest. Pure functions over bytes and clocks: no HTTP, no SQL, no clap.

pub mod lockout;
pub mod password;
pub mod seal;
pub mod sms;
pub mod tokens;
pub mod totp;
