//! Operations on environments — transport, start, stop, restart, backup create and
//! restore — and backups. An operation is a record with a state and a log; its hook runs in
//! the background while clients follow it with `GET /v1/operations/{id}`.

#[allow(unused_imports)] // types named in the OpenAPI attributes
use crate::api::*;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use tokio::io::AsyncReadExt;
use tokio::sync::mpsc;

use super::{VisibleApp, find_env, visible_app};
use crate::api::{self, OperationRequest, codes};
use crate::hooks::{self, HookPlan};
use crate::server::AppState;
use crate::server::error::{ApiError, ApiResult, JsonBody, QueryParams};
use crate::server::extract::Caller;
use crate::server::gate::{self, Action, Rights, Target};
use crate::store::{AppRecord, BackupRecord, EnvRecord, NodeRecord, OperationRecord, StoreError};
use crate::vocabulary::{EnvState, OperationKind, OperationState, Permission};

/// An operation's log is capped; a hook that prints more is still run to its end.
const MAX_LOG_BYTES: usize = 1 << 20;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/apps/{app}/envs/{env}/operations", post(start_operation))
        .route("/operations", get(list_operations))
        .route("/operations/{id}", get(progress))
        .route("/apps/{app}/envs/{env}/backups", get(list_backups))
        .route(
            "/apps/{app}/envs/{env}/backups/{backup}/download",
            get(download_backup),
        )
}

fn action_of(kind: OperationKind) -> Action {
    match kind {
        OperationKind::Transport => Action::Transport,
        OperationKind::Start => Action::Start,
        OperationKind::Stop => Action::Stop,
        OperationKind::Restart => Action::Restart,
        OperationKind::BackupCreate => Action::BackupCreate,
        OperationKind::BackupRestore => Action::BackupRestore,
    }
}

fn view(op: &OperationRecord) -> api::Operation {
    api::Operation {
        id: op.id,
        app: op.app.clone(),
        env: op.env.clone(),
        kind: op.kind.to_string(),
        state: op.state.to_string(),
        actor: op.actor.clone(),
        package_id: op.package_id,
        backup_id: op.backup_id,
        created_at: crate::time::rfc3339(op.created_at),
        finished_at: op.finished_at.map(crate::time::rfc3339),
        exit_code: op.exit_code,
        grant_expires_at: None,
        typical_seconds: None,
    }
}

fn backup_path(state: &AppState, backup_id: i64) -> std::path::PathBuf {
    state
        .data_dir
        .join("backups")
        .join(format!("{backup_id}.bak"))
}

#[utoipa::path(
    post,
    path = "/v1/apps/{app}/envs/{env}/operations",
    tag = "operations",
    request_body = OperationRequest,
    params(("app" = String, Path, description = "App name"), ("env" = String, Path, description = "Environment name")),
    responses((status = 202, description = "The operation, running", body = Operation), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn start_operation(
    State(state): State<AppState>,
    caller: Caller,
    Path((app_name, env_name)): Path<(String, String)>,
    JsonBody(request): JsonBody<OperationRequest>,
) -> ApiResult<(StatusCode, Json<api::Operation>)> {
    let VisibleApp { app, rights, envs } = visible_app(&state, &caller, &app_name).await?;
    let env = find_env(&app, &envs, &env_name)?;
    let kind: OperationKind = request.kind.parse().map_err(|_| {
        ApiError::bad_request(format!(
            "unknown operation {:?}: use transport, start, stop, restart, backup_create or backup_restore",
            request.kind
        ))
    })?;
    let action = action_of(kind);
    // Resolve what the operation needs before deciding, so a bad request is not audited as
    // an allowed attempt.
    let package = match action {
        Action::Transport => Some(transport_package(&state, &app, &envs, &env, &request).await?),
        _ => None,
    };
    let restore_from = match action {
        Action::BackupRestore => Some(restore_backup(&state, &app, &env, request.backup_id).await?),
        _ => None,
    };
    let plan = state.hooks.plan(&app.name, &env.name, kind.as_str()).ok_or_else(|| {
        ApiError::new(
            StatusCode::CONFLICT,
            codes::NO_HOOK,
            format!("no hook is configured for {} on {}/{}; the operator adds one under [[hooks]] in the server config", kind, app.name, env.name),
        )
    })?;
    // Decided here, recorded once the outcome is known: an attempt refused because the
    // environment is busy is on record as denied, not as allowed.
    let target = Target {
        app: Some(&app),
        env: Some(&env),
        rights: Some(&rights),
    };
    if let Err(err) = gate::check(&state, &caller, action, &target).await {
        gate::audit(&state, &caller, action.name(), &target, Some(err.code)).await?;
        return Err(err);
    }

    let now = state.now();
    let new_backup = match action {
        Action::BackupCreate => Some(state.store.create_backup(app.id, env.id, now).await?),
        _ => None,
    };
    let backup = new_backup.or(restore_from.as_ref().map(|b| b.id));
    let op = match state
        .store
        .create_operation(
            app.id,
            env.id,
            kind,
            &caller.account.username,
            &caller.via_label(),
            package.as_ref().map(|p| p.id),
            backup,
            now,
        )
        .await
    {
        Ok(op) => op,
        Err(StoreError::Conflict) => {
            // The backup never got an operation: no trace of it in `backups list`.
            if let Some(backup_id) = new_backup {
                state.store.delete_backup(backup_id).await?;
            }
            gate::audit(&state, &caller, action.name(), &target, Some(codes::BUSY)).await?;
            // Named so the caller can follow it; it may have ended in between.
            let running = match state.store.busy_with(env.id).await? {
                Some(op) => format!(
                    "operation {} ({} by {}); follow it with padlock ops follow {}",
                    op.id, op.kind, op.actor, op.id
                ),
                None => "another operation, which has just ended".into(),
            };
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                codes::BUSY,
                format!(
                    "{}/{} is busy with {running}; try again when it ends",
                    app.name, env.name
                ),
            ));
        }
        Err(other) => return Err(other.into()),
    };
    gate::audit_operation(&state, &caller, action.name(), &target, op.id).await?;
    if let Some(backup_id) = new_backup {
        state.store.attach_backup(backup_id, op.id).await?;
    }

    let mut vars: Vec<(String, String)> = vec![
        ("PADLOCK_APP".into(), app.name.clone()),
        ("PADLOCK_ENV".into(), env.name.clone()),
        ("PADLOCK_OPERATION".into(), kind.to_string()),
        ("PADLOCK_OPERATION_ID".into(), op.id.to_string()),
        ("PADLOCK_ACTOR".into(), caller.account.username.clone()),
        ("PADLOCK_VIA".into(), caller.via_label()),
    ];
    if let Some(grant) = caller.grant_in_force() {
        vars.push(("PADLOCK_GRANT_ID".into(), grant.id.to_string()));
    }
    if let Some(package) = &package {
        let file = super::packages::package_path(&state, &package.sha256);
        vars.push(("PADLOCK_PACKAGE_ID".into(), package.id.to_string()));
        vars.push(("PADLOCK_PACKAGE_NAME".into(), package.filename.clone()));
        vars.push(("PADLOCK_PACKAGE_FILE".into(), file.display().to_string()));
        vars.push(("PADLOCK_PACKAGE_SHA256".into(), package.sha256.clone()));
    }
    if let Some(backup_id) = backup {
        std::fs::create_dir_all(state.data_dir.join("backups")).map_err(ApiError::internal)?;
        vars.push(("PADLOCK_BACKUP_ID".into(), backup_id.to_string()));
        vars.push((
            "PADLOCK_BACKUP_FILE".into(),
            backup_path(&state, backup_id).display().to_string(),
        ));
    }
    let mut answer = view(&op);
    answer.grant_expires_at = caller
        .grant_in_force()
        .map(|grant| crate::time::rfc3339(grant.expires_at));
    answer.typical_seconds = state.store.typical_duration(env.id, kind).await?;
    tokio::spawn(execute(state, op, plan, vars, env));
    Ok((StatusCode::ACCEPTED, Json(answer)))
}

async fn transport_package(
    state: &AppState,
    app: &AppRecord,
    envs: &[NodeRecord],
    env: &EnvRecord,
    request: &OperationRequest,
) -> ApiResult<crate::store::PackageRecord> {
    let package_id = match (&request.package_id, &request.from_env) {
        (Some(id), None) => *id,
        (None, Some(from)) => {
            let source = find_env(app, envs, from)?;
            if source.id == env.id {
                return Err(ApiError::bad_request(
                    "--from and --to name the same environment",
                ));
            }
            source.package_id.ok_or_else(|| {
                ApiError::new(
                    StatusCode::CONFLICT,
                    codes::NOTHING_TO_PROMOTE,
                    format!(
                        "nothing runs in {}/{} to promote; transport a package there first, or name one with --package",
                        app.name, source.name
                    ),
                )
            })?
        }
        _ => {
            return Err(ApiError::bad_request(
                "a transport needs either a package id or an environment to promote from",
            ));
        }
    };
    state
        .store
        .package(app.id, package_id)
        .await?
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "app {} has no package {package_id}; padlock packages list --app {} shows them",
                app.name, app.name
            ))
        })
}

async fn restore_backup(
    state: &AppState,
    app: &AppRecord,
    env: &EnvRecord,
    backup_id: Option<i64>,
) -> ApiResult<BackupRecord> {
    let backups = state.store.backups_of(env.id).await?;
    let found = match backup_id {
        Some(id) => backups.into_iter().find(|b| b.id == id),
        None => backups.into_iter().rev().find(|b| b.ready),
    };
    found.filter(|b| b.ready).ok_or_else(|| {
        ApiError::not_found(format!(
            "no finished backup of {}/{} to restore",
            app.name, env.name
        ))
    })
}

/// Runs the hook, streaming its output into the operation's log, then records the outcome
/// and its effect on the environment.
async fn execute(
    state: AppState,
    op: OperationRecord,
    plan: HookPlan,
    vars: Vec<(String, String)>,
    env: EnvRecord,
) {
    let (log_tx, mut log_rx) = mpsc::unbounded_channel::<String>();
    let hook_started = std::time::Instant::now();
    let hook = tokio::spawn(async move { hooks::run(&plan, &vars, log_tx).await });
    let mut pending = String::new();
    let mut written = 0usize;
    let mut tick = tokio::time::interval(Duration::from_millis(250));
    loop {
        tokio::select! {
            line = log_rx.recv() => match line {
                Some(line) if written + pending.len() + line.len() < MAX_LOG_BYTES => {
                    pending.push_str(&line);
                    pending.push('\n');
                }
                Some(_) => {}
                None => break,
            },
            _ = tick.tick() => {
                flush(&state, op.id, &mut pending, &mut written).await;
            }
        }
    }
    let outcome = hook.await.unwrap_or(hooks::HookOutcome::Killed);
    let hook_time = hook_started.elapsed();
    let mut succeeded = outcome.succeeded();
    if succeeded && let Err(err) = apply_effect(&state, &op, &env).await {
        pending.push_str(&format!(
            "padlock: the operation ran but its result could not be recorded: {err}\n"
        ));
        succeeded = false;
    }
    pending.push_str(&format!(
        "padlock: {} {}\n",
        op.kind,
        match outcome {
            hooks::HookOutcome::Exited(0) if succeeded => "succeeded".to_owned(),
            hooks::HookOutcome::Exited(code) =>
                format!("failed: the hook exited with status {code}"),
            hooks::HookOutcome::TimedOut => "failed: the hook timed out".to_owned(),
            hooks::HookOutcome::Killed => "failed: the hook was killed".to_owned(),
            hooks::HookOutcome::FailedToStart => "failed: the hook could not be started".to_owned(),
        }
    ));
    flush(&state, op.id, &mut pending, &mut written).await;
    crate::server::telemetry::operation_ended(
        op.kind,
        match outcome {
            _ if succeeded => "succeeded",
            hooks::HookOutcome::TimedOut => "timed_out",
            hooks::HookOutcome::Killed => "killed",
            hooks::HookOutcome::Exited(_) | hooks::HookOutcome::FailedToStart => "failed",
        },
        hook_time,
    );
    let exit_code = match outcome {
        hooks::HookOutcome::Exited(code) => Some(code as i64),
        _ => None,
    };
    if let Err(err) = state
        .store
        .finish_operation(op.id, succeeded, exit_code, state.now())
        .await
    {
        tracing::error!(
            operation = op.id,
            "cannot record the end of an operation: {err}"
        );
    }
}

async fn flush(state: &AppState, id: i64, pending: &mut String, written: &mut usize) {
    match state
        .store
        .append_operation_log(id, pending, state.now())
        .await
    {
        Ok(()) => {
            *written += pending.len();
            pending.clear();
        }
        Err(err) => tracing::error!(operation = id, "cannot append to the operation log: {err}"),
    }
}

async fn apply_effect(
    state: &AppState,
    op: &OperationRecord,
    env: &EnvRecord,
) -> Result<(), String> {
    let result = match op.kind {
        OperationKind::Transport => {
            state
                .store
                .set_env_state(env.id, EnvState::Running, op.package_id)
                .await
        }
        OperationKind::Start | OperationKind::Restart => {
            state
                .store
                .set_env_state(env.id, EnvState::Running, None)
                .await
        }
        OperationKind::Stop => {
            state
                .store
                .set_env_state(env.id, EnvState::Stopped, None)
                .await
        }
        OperationKind::BackupCreate => {
            let backup_id = op.backup_id.ok_or("backup operation without a backup")?;
            let file = backup_path(state, backup_id);
            // The hook wrote it with its own umask; a backup holds production data.
            #[cfg(unix)]
            if let Err(err) =
                std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o600))
                && err.kind() != std::io::ErrorKind::NotFound
            {
                return Err(format!("cannot make the backup private: {err}"));
            }
            let (size, sha256) = hash_file(&file)
                .await
                .map_err(|err| format!("the hook wrote no backup to PADLOCK_BACKUP_FILE: {err}"))?;
            state
                .store
                .complete_backup(backup_id, size as i64, &sha256)
                .await
        }
        OperationKind::BackupRestore => Ok(()),
    };
    result.map_err(|err| err.to_string())
}

async fn hash_file(path: &std::path::Path) -> std::io::Result<(u64, String)> {
    let mut file = tokio::fs::File::open(path).await?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buffer).await?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buffer[..n]);
    }
    Ok((size, hex::encode(hasher.finalize())))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListQuery {
    app: Option<String>,
    env: Option<String>,
    state: Option<String>,
    limit: Option<i64>,
}

/// The most an operations listing returns; also its default.
const MAX_LISTED: i64 = 100;

#[utoipa::path(
    get,
    path = "/v1/operations",
    tag = "operations",
    params(
        ("app" = Option<String>, Query, description = "Only this app's operations"),
        ("env" = Option<String>, Query, description = "Only this environment's operations"),
        ("state" = Option<String>, Query, description = "queued, running, succeeded or failed"),
        ("limit" = Option<i64>, Query, description = "At most this many, newest first (1-100, default 100)")
    ),
    responses((status = 200, description = "Recent operations the caller may view, newest first", body = Vec<Operation>), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn list_operations(
    State(state): State<AppState>,
    caller: Caller,
    QueryParams(query): QueryParams<ListQuery>,
) -> ApiResult<Json<Vec<api::Operation>>> {
    let limit = query.limit.unwrap_or(MAX_LISTED);
    if !(1..=MAX_LISTED).contains(&limit) {
        return Err(ApiError::bad_request(format!(
            "limit must be between 1 and {MAX_LISTED}"
        )));
    }
    let apps = match &query.app {
        Some(name) => {
            let VisibleApp { app, rights, .. } = visible_app(&state, &caller, name).await?;
            rights.require_member(&app)?;
            vec![(app, rights)]
        }
        None => {
            let mut apps = Vec::new();
            for app in state
                .store
                .list_apps(caller.account.id, caller.account.is_support)
                .await?
            {
                let rights = Rights::of(&state, &caller, &app).await?;
                // A CI grant lists its own app only.
                if rights.is_member() || rights.is_support {
                    apps.push((app, rights));
                }
            }
            apps
        }
    };
    // As with one operation: who started it may see it, others need a right on its
    // environment, and a CI grant sees only what its scope covers.
    let own =
        |op: &OperationRecord| op.actor == caller.account.username && caller.session_id().is_some();
    // The state is a filter: one no operation can be in matches none, as it always has.
    let in_state = match query.state.as_deref().map(str::parse::<OperationState>) {
        None => None,
        Some(Ok(op_state)) => Some(op_state),
        Some(Err(_)) => return Ok(Json(Vec::new())),
    };
    let mut ops = Vec::new();
    for (app, rights) in apps {
        let recent = state
            .store
            .recent_operations(app.id, query.env.as_deref(), in_state, limit)
            .await?;
        ops.extend(
            recent
                .into_iter()
                .filter(|op| rights.can_view(op.env_id) || own(op)),
        );
    }
    ops.sort_by_key(|op| std::cmp::Reverse(op.id));
    ops.truncate(limit as usize);
    Ok(Json(ops.iter().map(view).collect()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgressQuery {
    #[serde(default)]
    log_offset: u64,
}

#[utoipa::path(
    get,
    path = "/v1/operations/{id}",
    tag = "operations",
    params(("id" = i64, Path,), ("log_offset" = Option<u64>, Query, description = "Bytes of the log already read")),
    responses((status = 200, description = "State and new log", body = OperationProgress), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn progress(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    QueryParams(query): QueryParams<ProgressQuery>,
) -> ApiResult<Json<api::OperationProgress>> {
    let not_found = || ApiError::not_found(format!("no operation {id}"));
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let op = state.store.operation(id).await?.ok_or_else(not_found)?;
    let app = AppRecord {
        id: op.app_id,
        name: op.app.clone(),
    };
    let rights = Rights::of(&state, &caller, &app).await?;
    // Who started an operation may follow it to its end, even without rights there now;
    // a CI grant sees only what its scope covers.
    let own = op.actor == caller.account.username && caller.session_id().is_some();
    if !(rights.can_view(op.env_id) || own) {
        return Err(not_found());
    }
    let start = (query.log_offset as usize).min(op.log.len());
    let start = (start..=op.log.len())
        .find(|i| op.log.is_char_boundary(*i))
        .unwrap_or(op.log.len());
    Ok(Json(api::OperationProgress {
        operation: view(&op),
        log: op.log[start..].to_owned(),
        next_offset: op.log.len() as u64,
    }))
}

#[utoipa::path(
    get,
    path = "/v1/apps/{app}/envs/{env}/backups",
    tag = "backups",
    params(("app" = String, Path, description = "App name"), ("env" = String, Path, description = "Environment name")),
    responses((status = 200, description = "Backups", body = Vec<Backup>), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn list_backups(
    State(state): State<AppState>,
    caller: Caller,
    Path((app_name, env_name)): Path<(String, String)>,
) -> ApiResult<Json<Vec<api::Backup>>> {
    let VisibleApp { app, rights, envs } = visible_app(&state, &caller, &app_name).await?;
    let env = find_env(&app, &envs, &env_name)?;
    if !(rights.has(env.id, Permission::Backups) || rights.is_support) {
        return Err(rights.refusal(format!(
            "you may not see the backups of {}/{}",
            app.name, env.name
        )));
    }
    let backups = state.store.backups_of(env.id).await?;
    Ok(Json(
        backups
            .into_iter()
            .map(|b| api::Backup {
                id: b.id,
                app: app.name.clone(),
                env: env.name.clone(),
                operation_id: b.operation_id,
                size: b.size.map(|s| s as u64),
                sha256: b.sha256,
                created_at: crate::time::rfc3339(b.created_at),
                ready: b.ready,
            })
            .collect(),
    ))
}

/// Streams a backup (`latest` or an id). Padlocked where the environment is: backups hold
/// production data.
#[utoipa::path(
    get,
    path = "/v1/apps/{app}/envs/{env}/backups/{backup}/download",
    tag = "backups",
    params(("app" = String, Path, description = "App name"), ("env" = String, Path, description = "Environment name"), ("backup" = String, Path, description = "A backup id or `latest`")),
    responses((status = 200, description = "The backup bytes (padlocked where the environment is)", body = Vec<u8>), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn download_backup(
    State(state): State<AppState>,
    caller: Caller,
    Path((app_name, env_name, backup)): Path<(String, String, String)>,
) -> ApiResult<Response> {
    let VisibleApp { app, rights, envs } = visible_app(&state, &caller, &app_name).await?;
    let env = find_env(&app, &envs, &env_name)?;
    let wanted = match backup.as_str() {
        "latest" => None,
        id => Some(
            id.parse::<i64>()
                .map_err(|_| ApiError::bad_request(format!("{id:?} is not a backup id")))?,
        ),
    };
    let found = state
        .store
        .backups_of(env.id)
        .await?
        .into_iter()
        .rev()
        .filter(|b| b.ready)
        .find(|b| wanted.is_none_or(|id| b.id == id))
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "no finished backup {backup} of {}/{}",
                app.name, env.name
            ))
        })?;
    gate::authorize(
        &state,
        &caller,
        Action::BackupDownload,
        Target {
            app: Some(&app),
            env: Some(&env),
            rights: Some(&rights),
        },
    )
    .await?;
    let file = tokio::fs::File::open(backup_path(&state, found.id))
        .await
        .map_err(ApiError::internal)?;
    let stream = tokio_util::io::ReaderStream::with_capacity(file, 64 * 1024);
    Response::builder()
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .header(header::CONTENT_LENGTH, found.size.unwrap_or(0))
        .header("padlock-backup-id", found.id)
        .header("padlock-sha256", found.sha256.unwrap_or_default())
        .body(Body::from_stream(stream))
        .map_err(ApiError::internal)
}
