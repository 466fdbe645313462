//! The `/v1` wire format: request and response bodies shared by `client.rs` and `server/`.
//!
//! **API boundary.** Field names and error codes here are promises to scripts and to older
//! clients: add fields, never rename them. Times are RFC 3339 strings.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::vocabulary::OperationState;

/// Header carrying the interactive grant beside the session's `Authorization: Bearer`.
pub const GRANT_HEADER: &str = "padlock-grant";

/// The stable machine-readable error codes of the one error shape.
pub mod codes {
    pub const BAD_REQUEST: &str = "bad_request";
    pub const UNAUTHENTICATED: &str = "unauthenticated";
    pub const INVALID_CREDENTIALS: &str = "invalid_credentials";
    pub const FORBIDDEN: &str = "forbidden";
    pub const NOT_FOUND: &str = "not_found";
    pub const CONFLICT: &str = "conflict";
    pub const PAYLOAD_TOO_LARGE: &str = "payload_too_large";
    pub const SECOND_FACTOR_REQUIRED: &str = "second_factor_required";
    pub const ENROLLMENT_REQUIRED: &str = "enrollment_required";
    pub const ALREADY_ENROLLED: &str = "already_enrolled";
    pub const NO_PENDING_ENROLLMENT: &str = "no_pending_enrollment";
    pub const INVALID_CODE: &str = "invalid_code";
    pub const LOCKED_OUT: &str = "locked_out";
    pub const RATE_LIMITED: &str = "rate_limited";
    pub const GRANT_EXPIRED: &str = "grant_expired";
    pub const GRANT_REVOKED: &str = "grant_revoked";
    pub const OUT_OF_SCOPE: &str = "out_of_scope";
    /// Node permissions go to `deploy` members of the app's team only.
    pub const NOT_DEPLOY_MEMBER: &str = "not_deploy_member";
    pub const BUSY: &str = "busy";
    /// The server is at capacity (a login flood); `retry_after` says when to try again.
    pub const SERVER_BUSY: &str = "server_busy";
    /// A promotion from an environment where no package runs: the request is fine, the
    /// state is not (exit 1, not a usage error).
    pub const NOTHING_TO_PROMOTE: &str = "nothing_to_promote";
    pub const NO_HOOK: &str = "no_hook";
    pub const SMS_FAILED: &str = "sms_failed";
    /// The server has no SMS provider: SMS enrollment and sends are refused, TOTP works.
    pub const SMS_UNAVAILABLE: &str = "sms_unavailable";
    pub const METHOD_NOT_ALLOWED: &str = "method_not_allowed";
    pub const INTERNAL: &str = "internal";
    /// The server cannot reach its database (503 with `Retry-After`): try again later.
    pub const DATABASE_UNAVAILABLE: &str = "database_unavailable";
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
    /// Seconds until a throttled or locked-out request may be tried again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// With `second_factor_required` / `enrollment_required`: the account's method, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_factor: Option<String>,
    /// With `invalid_code`: how many more wrong codes the account may send before
    /// second-factor checks are locked (`locked_out`, with `retry_after`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_left: Option<u64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct LoginResponse {
    pub token: String,
    pub user: User,
}

/// What the server is: `GET /v1/version`, open to anyone.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Version {
    pub version: String,
    /// The short git commit it was built from, or null when built without git.
    pub commit: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub support: bool,
    /// `totp`, `sms`, or null while the account has no active second factor.
    pub second_factor: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUserRequest {
    pub username: String,
    #[serde(default)]
    pub password: Option<String>,
    #[serde(default)]
    pub support: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CreatedUser {
    #[serde(flatten)]
    pub user: User,
    /// Present only when the server generated the password; shown once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateAppRequest {
    pub name: String,
    pub contacts: Vec<String>,
    #[serde(default)]
    pub environments: Vec<EnvironmentSpec>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EnvironmentSpec {
    pub name: String,
    #[serde(default)]
    pub padlocked: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct App {
    pub id: i64,
    pub name: String,
    /// The caller's role: `technical_contact`, `member` or `support`.
    pub role: String,
    pub technical_contacts: Vec<String>,
    pub environments: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Environment {
    pub id: i64,
    pub app: String,
    pub name: String,
    pub padlocked: bool,
    /// `running` or `stopped`.
    pub state: String,
    /// The package deployed there, if any.
    pub package_id: Option<i64>,
    /// What the caller may do there.
    pub permissions: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Package {
    pub id: i64,
    pub app: String,
    pub filename: String,
    pub sha256: String,
    pub size: u64,
    pub uploaded_by: String,
    pub uploaded_at: String,
    /// Environments this package currently runs in.
    pub deployed_to: Vec<String>,
}

/// One member's permissions on one environment.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PermissionEntry {
    pub user: String,
    pub env: String,
    pub technical_contact: bool,
    pub permissions: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PermissionChange {
    pub user: String,
    /// One environment, or every environment of the app when absent.
    #[serde(default)]
    pub env: Option<String>,
    pub allow: Vec<String>,
}

/// One member of an app's team.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TeamMember {
    pub user: String,
    /// `develop` (reads, uploads packages) or `deploy` (may hold node permissions).
    pub role: String,
    /// Technical contacts are `deploy` members with every permission on the app.
    pub technical_contact: bool,
}

/// Puts a user on an app's team or changes their role (`role` set), or takes them off it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamChange {
    pub user: String,
    /// `develop` or `deploy`; required to add, absent to remove.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetupRequest {
    /// `totp` or `sms`.
    pub method: String,
    #[serde(default)]
    pub phone: Option<String>,
}

/// The answer to starting an enrollment.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SetupResponse {
    pub method: String,
    /// TOTP: the base32 key to type into an authenticator app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub otpauth_uri: Option<String>,
    /// SMS: the masked number the code went to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// SMS: seconds before another code may be requested (`POST /v1/2fa/sms`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resend_after: Option<u64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeRequest {
    pub code: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SmsSent {
    /// The masked number the code went to.
    pub phone: String,
    /// Seconds before another code may be requested.
    pub resend_after: u64,
    pub expires_at: String,
}

/// An interactive grant, as issued by a verification or an activation.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct GrantIssued {
    pub id: i64,
    pub token: String,
    pub expires_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TwoFactorStatus {
    /// `totp`, `sms` or null.
    pub method: Option<String>,
    pub active: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// When the grant presented with this request expires, if one was presented and is valid.
    pub grant_expires_at: Option<String>,
    /// The grant presented with this request: `valid`, `expired`, `revoked` or `none`.
    /// Servers from before this field leave it out.
    #[serde(default)]
    pub grant_state: Option<String>,
    /// Whether this server sends SMS codes (it has an SMS provider). Servers from before this
    /// field always did.
    #[serde(default = "yes")]
    pub sms_available: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AuditEvent {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub app: Option<String>,
    pub env: Option<String>,
    /// `allowed` or `denied`.
    pub outcome: String,
    pub reason: Option<String>,
    /// `session:ID`, `grant:ID` or `ci_grant:ID`.
    pub via: Option<String>,
    pub client: Option<String>,
    /// The CI grant's label, when the request used one.
    pub label: Option<String>,
    /// The operation this attempt started (`padlock ops show ID`), if it started one.
    /// Servers from before this field leave it out.
    #[serde(default)]
    pub operation_id: Option<i64>,
}

/// An operation on an environment (transport, start, stop, restart, backup create/restore).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Operation {
    pub id: i64,
    pub app: String,
    pub env: String,
    pub kind: String,
    /// `queued`, `running`, `succeeded` or `failed`.
    pub state: String,
    pub actor: String,
    pub package_id: Option<i64>,
    pub backup_id: Option<i64>,
    pub created_at: String,
    pub finished_at: Option<String>,
    pub exit_code: Option<i64>,
    /// When the grant that started it expires (only in the answer that starts it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grant_expires_at: Option<String>,
    /// How long the last successful run of this kind there took, in seconds (only in the
    /// answer that starts it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typical_seconds: Option<i64>,
}

impl Operation {
    pub fn finished(&self) -> bool {
        matches!(
            self.state.parse(),
            Ok(OperationState::Succeeded | OperationState::Failed)
        )
    }
}

/// An operation with the part of its log after `log_offset` (bytes).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OperationProgress {
    pub operation: Operation,
    pub log: String,
    /// Where the next read of the log should start.
    pub next_offset: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OperationRequest {
    /// `transport`, `start`, `stop`, `restart`, `backup_create` or `backup_restore`.
    pub kind: String,
    #[serde(default)]
    pub package_id: Option<i64>,
    /// Transport: promote the package that runs in this environment.
    #[serde(default)]
    pub from_env: Option<String>,
    /// Restore: which backup (default: the latest).
    #[serde(default)]
    pub backup_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Backup {
    pub id: i64,
    pub app: String,
    pub env: String,
    pub operation_id: i64,
    pub size: Option<u64>,
    pub sha256: Option<String>,
    pub created_at: String,
    pub ready: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueGrantRequest {
    pub app: String,
    pub envs: Vec<String>,
    /// Operations: `transport`, `manage`, `backups`.
    pub allow: Vec<String>,
    /// Lifetime such as `8h` (default 8h, capped by the server's `ci_grant_max_ttl`).
    #[serde(default)]
    pub ttl: Option<String>,
    #[serde(default)]
    pub label: Option<String>,
}

/// A CI grant as listed: never the token.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CiGrant {
    pub id: i64,
    pub label: Option<String>,
    pub issuer: String,
    pub app: Option<String>,
    pub envs: Vec<String>,
    pub allow: Vec<String>,
    pub issued_at: String,
    pub expires_at: String,
    pub revoked_at: Option<String>,
    pub last_used_at: Option<String>,
    /// `active`, `expired` or `revoked`.
    pub state: String,
}

/// The answer to issuing a CI grant: the token is shown this once.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CiGrantIssued {
    #[serde(flatten)]
    pub grant: CiGrant,
    pub token: String,
}

/// The pre-flight answer of `GET /v1/can-i`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CanI {
    pub allowed: bool,
    pub operation: String,
    pub app: String,
    pub env: String,
    /// Why not (an error code such as `forbidden`, `out_of_scope`, `second_factor_required`).
    pub reason: Option<String>,
    pub message: Option<String>,
    /// When the grant in force expires (CI grant, or the interactive grant).
    pub grant_expires_at: Option<String>,
    pub grant_seconds_left: Option<i64>,
}
