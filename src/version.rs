//! What this binary is: its version and, when built from a git checkout, the commit
//! (stamped by `build.rs`).

/// `0.1.0 (85f647a)`, or just `0.1.0` when built without git.
pub const VERSION: &str = env!("PADLOCK_VERSION");

/// The short git commit, when known.
pub const COMMIT: Option<&str> = option_env!("PADLOCK_COMMIT");
