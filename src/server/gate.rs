//! The padlock itself: the one place that decides whether a caller may do something, whether
//! it needs a second factor, and that writes the audit event for the attempt.
//!
//! **Invariant:** the server alone decides what is padlocked. The CLI holds no list; it
//! reacts to `second_factor_required` and `enrollment_required`.

use axum::http::StatusCode;

use super::AppState;
use super::error::ApiError;
use super::extract::{Caller, GrantState, Via};
use crate::api::codes;
use crate::store::{AppRecord, AuditRecord, EnvRecord, Membership};
use crate::vocabulary::{Method, Permission};

/// Something a caller can attempt on an app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Transport,
    Start,
    Stop,
    Restart,
    BackupCreate,
    BackupDownload,
    BackupRestore,
    ChangePermissions,
    NodeShow,
    IssueGrant,
    ResetSecondFactor,
    CreateUser,
    CreateSupportAccount,
    CreateApp,
    /// Putting someone on an app's team as `develop` (reads and uploads, no node
    /// permissions), or confirming the role they hold: nobody gains a node permission.
    AddDeveloper,
    /// Giving or taking `deploy`, or taking someone off the team: a change of who may hold
    /// node permissions, padlocked on apps with a padlocked environment.
    ChangeTeam,
}

impl Action {
    pub fn name(self) -> &'static str {
        match self {
            Action::Transport => "transport",
            Action::Start => "start",
            Action::Stop => "stop",
            Action::Restart => "restart",
            Action::BackupCreate => "backup_create",
            Action::BackupDownload => "backup_download",
            Action::BackupRestore => "backup_restore",
            Action::ChangePermissions => "permissions_change",
            Action::NodeShow => "node_show",
            Action::IssueGrant => "grant_issue",
            Action::ResetSecondFactor => "reset_2fa",
            Action::CreateUser => "user_create",
            Action::CreateSupportAccount => "support_create",
            Action::CreateApp => "app_create",
            Action::AddDeveloper | Action::ChangeTeam => "team_change",
        }
    }

    /// What the caller tried, in words, e.g. "creating a backup of shop/prod": people read
    /// error messages, scripts read the `code`.
    fn words(self, target: &Target<'_>) -> String {
        let place = match (target.app, target.env) {
            (Some(app), Some(env)) => format!("{}/{}", app.name, env.name),
            (Some(app), None) => app.name.clone(),
            _ => String::new(),
        };
        let on = |verb: &str| {
            if place.is_empty() {
                verb.to_owned()
            } else {
                format!("{verb} {place}")
            }
        };
        match self {
            Action::Transport => on("transporting a package to"),
            Action::Start => on("starting"),
            Action::Stop => on("stopping"),
            Action::Restart => on("restarting"),
            Action::BackupCreate => on("creating a backup of"),
            Action::BackupDownload => on("downloading a backup of"),
            Action::BackupRestore => on("restoring a backup over"),
            Action::ChangePermissions => on("changing node permissions on"),
            Action::NodeShow => on("reading the node details of"),
            Action::IssueGrant => on("issuing a CI grant for"),
            Action::ResetSecondFactor => "resetting someone's second factor".to_owned(),
            Action::CreateUser => "creating an account".to_owned(),
            Action::CreateSupportAccount => "creating a support account".to_owned(),
            Action::CreateApp => "creating an app".to_owned(),
            Action::AddDeveloper | Action::ChangeTeam => on("changing the team of"),
        }
    }

    /// The node permission an environment operation needs (also a CI grant's scope word).
    pub fn permission(self) -> Option<Permission> {
        match self {
            Action::Transport => Some(Permission::Transport),
            Action::Start | Action::Stop | Action::Restart => Some(Permission::Manage),
            Action::BackupCreate | Action::BackupDownload | Action::BackupRestore => {
                Some(Permission::Backups)
            }
            _ => None,
        }
    }

    /// Padlocked wherever they happen, not only on padlocked environments. Creating a
    /// support account or an app (whose technical contacts hold every right on it) changes
    /// who may do what: a password alone must not reach it, nor a padlocked effect through
    /// an account it creates.
    fn always_padlocked(self) -> bool {
        matches!(
            self,
            Action::NodeShow
                | Action::IssueGrant
                | Action::ResetSecondFactor
                | Action::CreateSupportAccount
                | Action::CreateApp
        )
    }

    /// Support's work: accounts, apps and second-factor resets.
    fn support_only(self) -> bool {
        matches!(
            self,
            Action::ResetSecondFactor
                | Action::CreateUser
                | Action::CreateSupportAccount
                | Action::CreateApp
        )
    }
}

/// What a caller may do on an app, derived from membership and role, and under a CI grant
/// narrowed to the grant's app and environments: a CI grant acts as its issuer only there,
/// on reads as on operations.
pub struct Rights {
    pub is_contact: bool,
    pub is_support: bool,
    /// On the app's team, in any role (technical contacts included).
    on_team: bool,
    /// On the team as `develop`: reads the whole app and uploads, holds no node permission.
    develops: bool,
    /// The issuer's standing, whatever a CI grant narrows: decides whether the app is shown
    /// to exist at all (a stranger gets the same 404 as for an app that does not exist).
    pub visible: bool,
    permissions: Vec<(i64, Permission)>,
    /// Under a CI grant: the environments it covers (none when it is for another app).
    ci_scope: Option<CiScope>,
}

struct CiScope {
    grant_id: i64,
    env_ids: Vec<i64>,
}

impl Rights {
    /// The caller's rights on `app`, narrowed to a CI grant's scope.
    pub async fn of(
        state: &AppState,
        caller: &Caller,
        app: &AppRecord,
    ) -> Result<Rights, ApiError> {
        let membership = state.store.membership(app.id, caller.account.id).await?;
        // Only a CI grant's scope needs the app's environments.
        let envs = match &caller.via {
            Via::CiGrant(grant) if grant.app_id == Some(app.id) => {
                state.store.envs_of(app.id).await?
            }
            _ => Vec::new(),
        };
        Ok(Rights::narrowed(caller, app, membership, envs.iter()))
    }

    /// `Rights::of` from the caller's membership of `app` and the app's environments,
    /// already read.
    pub fn narrowed<'e>(
        caller: &Caller,
        app: &AppRecord,
        membership: Option<Membership>,
        envs: impl Iterator<Item = &'e EnvRecord>,
    ) -> Rights {
        let mut rights = Rights::of_member(caller, membership);
        if let Via::CiGrant(grant) = &caller.via {
            let env_ids = if grant.app_id == Some(app.id) {
                envs.filter(|env| grant.envs.contains(&env.name))
                    .map(|env| env.id)
                    .collect()
            } else {
                Vec::new()
            };
            // Support's reach is a person's: a CI grant carries only its scope.
            rights.is_support = false;
            rights.ci_scope = Some(CiScope {
                grant_id: grant.id,
                env_ids,
            });
        }
        rights
    }

    /// The rights of the account behind the request (a CI grant's issuer), unnarrowed.
    fn of_member(caller: &Caller, membership: Option<Membership>) -> Rights {
        let on_team = membership.is_some();
        let membership = membership.unwrap_or_default();
        let is_support = caller.account.is_support;
        // Node permissions count only for `deploy` members, whatever rows a store holds.
        let permissions = if membership.role == "deploy" {
            membership.permissions
        } else {
            Vec::new()
        };
        Rights {
            is_contact: membership.is_contact,
            is_support,
            on_team,
            develops: membership.role == "develop" && !membership.is_contact,
            visible: is_support || on_team,
            permissions,
            ci_scope: None,
        }
    }

    fn in_scope(&self, env_id: i64) -> bool {
        self.ci_scope
            .as_ref()
            .is_none_or(|scope| scope.env_ids.contains(&env_id))
    }

    /// On the team of the app, in any role, within a CI grant's scope.
    pub fn is_member(&self) -> bool {
        let in_app = self
            .ci_scope
            .as_ref()
            .is_none_or(|scope| !scope.env_ids.is_empty());
        in_app && self.on_team
    }

    /// Reading an app's lists: members and support only.
    pub fn require_member(&self, app: &AppRecord) -> Result<(), ApiError> {
        if self.is_member() || self.is_support {
            Ok(())
        } else {
            Err(self.refusal(format!("you are not a member of {}", app.name)))
        }
    }

    /// The refusal for something these rights do not reach: out of a CI grant's scope, or
    /// forbidden.
    pub fn refusal(&self, message: String) -> ApiError {
        match &self.ci_scope {
            Some(scope) => ApiError::new(
                StatusCode::FORBIDDEN,
                codes::OUT_OF_SCOPE,
                format!("CI grant {} does not cover this: {message}", scope.grant_id),
            ),
            None => ApiError::forbidden(message),
        }
    }

    /// Technical contacts hold every permission on their app.
    pub fn has(&self, env_id: i64, permission: Permission) -> bool {
        self.in_scope(env_id)
            && (self.is_contact || self.permissions.contains(&(env_id, permission)))
    }

    /// Holds `permission` on at least one environment of the app.
    pub fn has_anywhere(&self, permission: Permission) -> bool {
        match &self.ci_scope {
            Some(scope) => scope.env_ids.iter().any(|env| self.has(*env, permission)),
            None => self.is_contact || self.permissions.iter().any(|(_, p)| *p == permission),
        }
    }

    pub fn on_env(&self, env_id: i64) -> Vec<Permission> {
        Permission::ALL
            .iter()
            .copied()
            .filter(|p| self.has(env_id, *p))
            .collect()
    }

    pub fn can_view(&self, env_id: i64) -> bool {
        self.is_support || Permission::ALL.iter().any(|p| self.has(env_id, *p))
    }

    /// Whether the environment appears in the app's lists: where the caller holds a node
    /// permission, and every one to a `develop` member, who holds none yet needs to know
    /// where the team's packages run. A CI grant sees only the environments it covers.
    pub fn sees_env(&self, env_id: i64) -> bool {
        self.can_view(env_id) || (self.ci_scope.is_none() && self.develops)
    }

    /// Uploading packages: a `develop` member by their role, anyone else with the transport
    /// permission somewhere (a package does nothing until someone transports it).
    pub fn may_upload(&self) -> bool {
        (self.ci_scope.is_none() && self.develops) || self.has_anywhere(Permission::Transport)
    }

    /// Technical contacts and support see everyone's permissions; others their own.
    pub fn sees_all_members(&self) -> bool {
        (self.is_contact && self.ci_scope.is_none()) || self.is_support
    }
}

/// The target of an attempt, for the permission check and the audit log.
pub struct Target<'a> {
    pub app: Option<&'a AppRecord>,
    pub env: Option<&'a EnvRecord>,
    /// The caller's rights on `app` when the route has read them already (`visible_app`),
    /// so the gate does not read them again.
    pub rights: Option<&'a Rights>,
}

/// Decides an attempt: permission, CI-grant scope, second factor. Records the outcome in the
/// audit log either way, and returns the error to answer with on denial.
pub async fn authorize(
    state: &AppState,
    caller: &Caller,
    action: Action,
    target: Target<'_>,
) -> Result<(), ApiError> {
    authorize_recorded_as(state, caller, action, target, action.name()).await
}

/// `authorize`, recording the attempt under `recorded_action` (e.g. `user_create:bob`, to
/// say whom an account change is about).
pub async fn authorize_recorded_as(
    state: &AppState,
    caller: &Caller,
    action: Action,
    target: Target<'_>,
    recorded_action: &str,
) -> Result<(), ApiError> {
    let decision = decide(state, caller, action, &target).await;
    let reason = match &decision {
        Ok(()) => None,
        Err(err) => Some(err.code.to_owned()),
    };
    audit(state, caller, recorded_action, &target, reason.as_deref()).await?;
    decision
}

/// Decides an attempt like `authorize`, without recording it: for pre-flight questions.
pub async fn check(
    state: &AppState,
    caller: &Caller,
    action: Action,
    target: &Target<'_>,
) -> Result<(), ApiError> {
    decide(state, caller, action, target).await
}

async fn decide(
    state: &AppState,
    caller: &Caller,
    action: Action,
    target: &Target<'_>,
) -> Result<(), ApiError> {
    permitted(state, caller, action, target).await?;
    if let Via::CiGrant(grant) = &caller.via {
        return in_scope(grant, action, target);
    }
    let padlocked = action.always_padlocked()
        || target.env.is_some_and(|env| env.padlocked)
        || (action == Action::ChangeTeam && has_padlocked_env(state, target.app).await?);
    if !padlocked {
        return Ok(());
    }
    let Some(method) = caller.active_factor.as_ref().map(|factor| factor.method) else {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            codes::ENROLLMENT_REQUIRED,
            format!(
                "{} is padlocked, and your account has no second factor yet: set one up with padlock 2fa setup",
                action.words(target)
            ),
        ));
    };
    match &caller.grant {
        GrantState::Valid(_) => Ok(()),
        other => {
            let why = match other {
                GrantState::Expired => "your grant has expired",
                GrantState::Revoked => "your grant was revoked",
                _ => "this session has not passed the second factor yet",
            };
            let code = match method {
                Method::Sms => "a code sent to your phone by SMS",
                Method::Totp => "a code from your authenticator app",
            };
            let mut err = ApiError::new(
                StatusCode::UNAUTHORIZED,
                codes::SECOND_FACTOR_REQUIRED,
                format!(
                    "{} is padlocked, and {why}: confirm it with {code}",
                    action.words(target)
                ),
            );
            err.second_factor = Some(method.to_string());
            Err(err)
        }
    }
}

/// Whether the app has a padlocked environment: who may hold node permissions there is then
/// as padlocked as the permissions themselves.
async fn has_padlocked_env(state: &AppState, app: Option<&AppRecord>) -> Result<bool, ApiError> {
    let Some(app) = app else { return Ok(false) };
    Ok(state
        .store
        .envs_of(app.id)
        .await?
        .iter()
        .any(|env| env.padlocked))
}

/// The refusal of an action the caller's rights do not reach: what is missing, and who can
/// give it (support, or the app's technical contacts, by name).
async fn denial(
    state: &AppState,
    caller: &Caller,
    action: Action,
    target: &Target<'_>,
) -> Result<ApiError, ApiError> {
    let tried = action.words(target);
    let Some(app) = target.app.filter(|_| !action.support_only()) else {
        return Ok(ApiError::forbidden(format!(
            "you may not go on with {tried}: only support accounts may; ask support"
        )));
    };
    let contacts = state.store.contacts_of(app.id).await?;
    let who = if contacts.is_empty() {
        format!(
            "a technical contact of {} (it has none: ask support)",
            app.name
        )
    } else {
        format!(
            "a technical contact of {} ({})",
            app.name,
            contacts.join(", ")
        )
    };
    let user = &caller.account.username;
    let grant = |permission: Permission, env: &str| {
        format!(
            "padlock permissions grant --app {} --env {env} --user {user} --allow {permission}",
            app.name
        )
    };
    let make_deploy = format!(
        "padlock team add --app {} --user {user} --role deploy",
        app.name
    );
    let role = state
        .store
        .membership(app.id, caller.account.id)
        .await?
        .map(|m| m.role);
    let message = match (action.permission(), target.env) {
        (Some(permission), Some(env)) => {
            let needs = format!(
                "you may not go on with {tried}: that needs the {permission} permission on {}/{}",
                app.name, env.name
            );
            let grant = grant(permission, &env.name);
            match role.as_deref() {
                Some("deploy") => format!("{needs}; {who} can grant it: {grant}"),
                Some(role) => format!(
                    "{needs}, which only deploy members of the team hold, and your role is \
                     {role}; {who} can make you one ({make_deploy}) and grant it ({grant})"
                ),
                None => format!(
                    "{needs}; you are not on the team of {}: {who} can add you \
                     ({make_deploy}) and grant it ({grant})",
                    app.name
                ),
            }
        }
        _ => match action {
            Action::ChangePermissions | Action::AddDeveloper | Action::ChangeTeam => format!(
                "you may not go on with {tried}: only its technical contacts and support may; \
                 ask {who}"
            ),
            _ => format!(
                "you may not go on with {tried}: you are not on the team of {}; {who} can \
                 add you: {make_deploy}",
                app.name
            ),
        },
    };
    Ok(ApiError::forbidden(message))
}

async fn permitted(
    state: &AppState,
    caller: &Caller,
    action: Action,
    target: &Target<'_>,
) -> Result<(), ApiError> {
    if action.support_only() {
        return if caller.account.is_support {
            Ok(())
        } else {
            Err(denial(state, caller, action, target).await?)
        };
    }
    let Some(app) = target.app else { return Ok(()) };
    let read;
    let rights = match target.rights {
        Some(rights) => rights,
        None => {
            let membership = state.store.membership(app.id, caller.account.id).await?;
            read = Rights::of_member(caller, membership);
            &read
        }
    };
    // The issuer's own standing; a CI grant's scope is checked after, by `in_scope`.
    let is_support = caller.account.is_support;
    let allowed = match (action.permission(), target.env) {
        (Some(permission), Some(env)) => {
            rights.is_contact || rights.permissions.contains(&(env.id, permission))
        }
        _ => match action {
            Action::ChangePermissions | Action::AddDeveloper | Action::ChangeTeam => {
                rights.is_contact || is_support
            }
            Action::NodeShow => rights.on_team || is_support,
            // A CI grant's issuer must be allowed each operation it grants; checked by the route.
            _ => rights.on_team,
        },
    };
    if allowed {
        Ok(())
    } else {
        Err(denial(state, caller, action, target).await?)
    }
}

/// A CI grant works only for its app, environments and operations, and never for the
/// actions that change who may do what.
fn in_scope(
    grant: &crate::store::GrantRecord,
    action: Action,
    target: &Target<'_>,
) -> Result<(), ApiError> {
    let out_of_scope = |what: String| {
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            codes::OUT_OF_SCOPE,
            format!("CI grant {} does not cover {what}", grant.id),
        ))
    };
    let Some(permission) = action.permission() else {
        return out_of_scope(format!(
            "{}: a CI grant cannot do that",
            action.words(target)
        ));
    };
    if !grant.operations.contains(&permission) {
        return out_of_scope(format!("the operation {permission}"));
    }
    if target.app.map(|app| app.id) != grant.app_id {
        return out_of_scope(format!(
            "the app {}",
            target.app.map_or("-", |a| a.name.as_str())
        ));
    }
    match target.env {
        Some(env) if grant.envs.iter().any(|e| e == &env.name) => Ok(()),
        Some(env) => out_of_scope(format!("the environment {}", env.name)),
        None => out_of_scope("this request".to_owned()),
    }
}

/// Appends an audit event about `caller`; `reason` set means denied.
pub async fn audit(
    state: &AppState,
    caller: &Caller,
    action: &str,
    target: &Target<'_>,
    reason: Option<&str>,
) -> Result<(), ApiError> {
    record(state, caller, action, target, reason, None).await
}

/// Appends the allowed attempt that started operation `operation_id`.
pub async fn audit_operation(
    state: &AppState,
    caller: &Caller,
    action: &str,
    target: &Target<'_>,
    operation_id: i64,
) -> Result<(), ApiError> {
    record(state, caller, action, target, None, Some(operation_id)).await
}

async fn record(
    state: &AppState,
    caller: &Caller,
    action: &str,
    target: &Target<'_>,
    reason: Option<&str>,
    operation_id: Option<i64>,
) -> Result<(), ApiError> {
    let mut event = audit_record(state, caller, action, target, reason);
    event.operation_id = operation_id;
    state.store.record_audit(&event).await?;
    Ok(())
}

/// The audit event of an attempt by `caller`; `reason` set means denied. For units of writes
/// that record it in their own transaction; `audit` records one on its own.
pub fn audit_record(
    state: &AppState,
    caller: &Caller,
    action: &str,
    target: &Target<'_>,
    reason: Option<&str>,
) -> AuditRecord {
    AuditRecord {
        at: state.now(),
        actor: caller.account.username.clone(),
        action: action.to_owned(),
        app: target.app.map(|app| app.name.clone()),
        env: target.env.map(|env| env.name.clone()),
        outcome: if reason.is_some() {
            "denied"
        } else {
            "allowed"
        }
        .to_owned(),
        reason: reason.map(str::to_owned),
        via: Some(caller.via_label()),
        client: Some(caller.client.clone()),
        label: match &caller.via {
            Via::CiGrant(grant) => grant.label.clone(),
            Via::Session { .. } => None,
        },
        ..AuditRecord::default()
    }
}
