//! padlock's integration tests: one binary, one module per area. Every test starts the real
//! server on a random port and drives the real `padlock` binary, each user in its own
//! `PADLOCK_CONFIG_DIR`.

mod attacks;
mod audit;
mod bad_input;
mod ci_grants;
mod cli_help;
mod cli_messages;
mod cli_polish;
mod doctor;
mod ecosystem;
mod exhaustion;
mod foundation;
mod hardening;
mod helpers;
mod master_key;
mod observability;
mod operations;
mod outage;
mod permissions;
mod postgres;
mod production;
mod prompts;
mod scripting;
mod sms;
mod stores;
mod teams;
mod throttles;
mod tls;
mod two_factor;
