//! `padlock 2fa`, and the flow every padlocked command falls into when the server answers
//! `second_factor_required` or `enrollment_required`: get a code (prompt, `--otp`,
//! `--otp-command`), exchange it for a grant, keep the grant.

use clap::{Args, Subcommand, ValueEnum};

use super::{CliError, Connection, Ctx};
use crate::api::{
    CodeRequest, ErrorDetail, GrantIssued, SetupRequest, SetupResponse, SmsSent, TwoFactorStatus,
    codes,
};
use crate::client::ClientError;
use crate::vocabulary;

#[derive(Debug, Subcommand)]
pub enum TwoFactorCmd {
    /// Set up your second factor (once; only support can reset it)
    Setup(SetupArgs),
    /// Activate a pending setup with its first code (--otp, --otp-command or a prompt)
    Confirm,
    /// Your second factor and the grant in force
    Status,
    /// Check a code now and keep the eight-hour grant it yields
    Verify(VerifyArgs),
}

#[derive(Debug, Args)]
pub struct SetupArgs {
    #[arg(long, value_enum)]
    pub method: Option<Method>,
    /// Phone number for SMS, in E.164 form (+4915112345678)
    #[arg(long)]
    pub phone: Option<String>,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// SMS: send a new code first
    #[arg(long)]
    pub resend: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Method {
    /// An authenticator app (TOTP)
    Totp,
    /// A code by SMS
    Sms,
}

impl TwoFactorCmd {
    pub async fn run(self, ctx: &Ctx) -> anyhow::Result<()> {
        let mut conn = ctx.connect()?;
        if conn.is_ci() {
            return Err(CliError::Usage(
                "padlock 2fa is for people; a CI grant (PADLOCK_GRANT) needs no second factor"
                    .into(),
            )
            .into());
        }
        match self {
            TwoFactorCmd::Setup(args) => setup(ctx, &mut conn, args).await,
            TwoFactorCmd::Confirm => {
                let grant = confirm(ctx, &mut conn, "Code").await?;
                let method = conn.client.get::<TwoFactorStatus>("/2fa").await?.method;
                conn.set_second_factor(ctx, method.clone())?;
                ctx.print(&grant_json(&grant, method.as_deref()), |_| {
                    format!(
                        "Second factor active. Padlocked operations are allowed until {}.",
                        grant.expires_at
                    )
                })
            }
            TwoFactorCmd::Status => {
                let status: TwoFactorStatus = conn.client.get("/2fa").await?;
                conn.set_second_factor(ctx, status.method.clone().filter(|_| status.active))?;
                ctx.print(&status, |s| match (&s.method, s.active) {
                    (Some(method), true) => {
                        let phone = s
                            .phone
                            .as_deref()
                            .map(|p| format!(" ({p})"))
                            .unwrap_or_default();
                        let grant = match &s.grant_expires_at {
                            Some(at) => format!("grant valid until {at}"),
                            None => {
                                "no valid grant: the next padlocked command asks for a code".into()
                            }
                        };
                        format!("Second factor: {method}{phone}, active; {grant}.")
                    }
                    (Some(method), false) => format!(
                        "Second factor: {method} set up but not confirmed: run padlock 2fa confirm"
                    ),
                    _ => "No second factor yet: run padlock 2fa setup".into(),
                })
            }
            TwoFactorCmd::Verify(args) => {
                let status: TwoFactorStatus = conn.client.get("/2fa").await?;
                if !status.active {
                    return Err(CliError::Usage(
                        "no active second factor: run padlock 2fa setup first".into(),
                    )
                    .into());
                }
                let grant = verify(ctx, &mut conn, status.method.as_deref(), args.resend).await?;
                ctx.print(&grant_json(&grant, status.method.as_deref()), |_| {
                    format!(
                        "Verified. Padlocked operations are allowed until {}.",
                        grant.expires_at
                    )
                })
            }
        }
    }
}

fn grant_json(grant: &GrantIssued, method: Option<&str>) -> serde_json::Value {
    // The grant token itself stays in the credential store.
    serde_json::json!({ "id": grant.id, "expires_at": grant.expires_at, "second_factor": method })
}

/// Called by `Connection::call` when the server wants a second factor.
pub async fn obtain_grant(
    ctx: &Ctx,
    conn: &mut Connection,
    detail: &ErrorDetail,
) -> anyhow::Result<()> {
    if detail.code == codes::ENROLLMENT_REQUIRED {
        if !ctx.interactive() {
            // The server's `enrollment_required` (exit 3), with the ways out added.
            return Err(ClientError::Api(ErrorDetail {
                message: format!(
                    "{}.\nThere is no terminal to set it up here. At a terminal run padlock 2fa setup; in a script: \
                     padlock 2fa setup --method totp --no-input --output json, then padlock 2fa confirm --otp CODE \
                     (or --otp-command CMD); a CI job uses a pre-issued CI grant in PADLOCK_GRANT instead",
                    detail.message
                ),
                ..detail.clone()
            })
            .into());
        }
        eprintln!("{}.", detail.message);
        eprintln!("Let's set it up now; this is needed once.");
        let grant = enroll(ctx, conn, None, None).await?;
        eprintln!(
            "Second factor active. Padlocked operations are allowed until {}.",
            grant.expires_at
        );
        return Ok(());
    }
    if !matches!(code_source(ctx), CodeSource::Unavailable) && ctx.interactive() {
        eprintln!("{}.", detail.message);
    }
    verify(ctx, conn, detail.second_factor.as_deref(), false)
        .await
        .map_err(|err| match err.downcast::<CliError>() {
            Ok(CliError::NeedSecondFactor(how)) => {
                CliError::NeedSecondFactor(format!("{}.\n{how}", detail.message)).into()
            }
            Ok(other) => other.into(),
            Err(err) => err,
        })?;
    Ok(())
}

enum CodeSource {
    Given(String),
    Command(String),
    Prompt,
    Unavailable,
}

fn code_source(ctx: &Ctx) -> CodeSource {
    if let Some(code) = &ctx.global.otp {
        CodeSource::Given(code.clone())
    } else if let Some(command) = &ctx.global.otp_command {
        CodeSource::Command(command.clone())
    } else if ctx.interactive() {
        CodeSource::Prompt
    } else {
        CodeSource::Unavailable
    }
}

const NO_CODE_SOURCE: &str = "No terminal to ask for a code (or --no-input). Pass the code with --otp CODE (or PADLOCK_OTP), \
     a command that prints it with --otp-command CMD, or use a pre-issued CI grant in PADLOCK_GRANT";

fn normalize_code(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

async fn read_code(source: &CodeSource, prompt: &str) -> anyhow::Result<String> {
    match source {
        CodeSource::Given(code) => Ok(normalize_code(code)),
        CodeSource::Command(command) => run_code_command(command).await,
        CodeSource::Prompt => {
            let prompt = prompt.to_owned();
            let code = tokio::task::spawn_blocking(move || {
                dialoguer::Input::<String>::new()
                    .with_prompt(prompt)
                    .validate_with(|text: &String| -> Result<(), &str> {
                        let code = normalize_code(text);
                        if code == "r"
                            || (code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()))
                        {
                            Ok(())
                        } else {
                            Err("a code is six digits")
                        }
                    })
                    .interact_text()
            })
            .await??;
            Ok(normalize_code(&code))
        }
        CodeSource::Unavailable => Err(CliError::NeedSecondFactor(NO_CODE_SOURCE.into()).into()),
    }
}

/// Runs `--otp-command` and takes the first line it prints.
async fn run_code_command(command: &str) -> anyhow::Result<String> {
    #[cfg(unix)]
    let mut cmd = {
        let mut cmd = tokio::process::Command::new("sh");
        cmd.arg("-c").arg(command);
        cmd
    };
    #[cfg(windows)]
    let mut cmd = {
        let mut cmd = tokio::process::Command::new("cmd");
        cmd.arg("/C").arg(command);
        cmd
    };
    let output = cmd
        .stdin(std::process::Stdio::null())
        .output()
        .await
        .map_err(|err| {
            CliError::Usage(format!("--otp-command {command:?} could not be run: {err}"))
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(CliError::Usage(format!(
            "--otp-command {command:?} failed ({}): {}",
            output.status,
            stderr.trim()
        ))
        .into());
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let code = normalize_code(stdout.lines().next().unwrap_or_default());
    if code.is_empty() {
        return Err(CliError::Usage(format!("--otp-command {command:?} printed no code")).into());
    }
    Ok(code)
}

/// Exchanges a code for a grant. At a prompt, a wrong code may be retyped (the server
/// counts every failure toward the lockout); an SMS code can be resent with `r`.
async fn verify(
    ctx: &Ctx,
    conn: &mut Connection,
    method: Option<&str>,
    resend: bool,
) -> anyhow::Result<GrantIssued> {
    let source = code_source(ctx);
    if matches!(source, CodeSource::Unavailable) {
        return Err(CliError::NeedSecondFactor(NO_CODE_SOURCE.into()).into());
    }
    let sms = method == Some(vocabulary::Method::Sms.as_str());
    // SMS: `r` at the prompt asks for a new code once the resend wait is over.
    let mut resend_at = sms.then(std::time::Instant::now);
    // A prompt and an `--otp-command` both wait for a code that only arrives once sent; a
    // code given with `--otp` was already received. A resend that comes too soon is not an
    // error: the code sent moments ago is still pending, and the command can fetch it.
    if sms && (resend || !matches!(source, CodeSource::Given(_))) {
        resend_at = Some(send_sms(ctx, conn).await?);
    }
    let prompt = if sms {
        "SMS code"
    } else {
        "Code from your authenticator app"
    };
    exchange_code(ctx, conn, &source, "/2fa/verify", prompt, resend_at).await
}

/// Reads codes and posts them to `path` (`/2fa/verify` or `/2fa/confirm`) until one yields a
/// grant, which is kept. At a prompt a wrong code may be retyped twice (every failure counts
/// toward the lockout). With `resend_at` (SMS), the prompt counts down to when a new code may
/// be sent, and `r` then sends one.
async fn exchange_code(
    ctx: &Ctx,
    conn: &mut Connection,
    source: &CodeSource,
    path: &str,
    prompt: &str,
    mut resend_at: Option<std::time::Instant>,
) -> anyhow::Result<GrantIssued> {
    let attempts = if matches!(source, CodeSource::Prompt) {
        3
    } else {
        1
    };
    let mut attempt = 0;
    while attempt < attempts {
        let shown = match resend_at {
            Some(at) => match at.checked_duration_since(std::time::Instant::now()) {
                Some(wait) if wait.as_secs() > 0 => {
                    format!("{prompt} (new code possible in {} s)", wait.as_secs())
                }
                _ => format!("{prompt} (r for a new code)"),
            },
            None => prompt.to_owned(),
        };
        let code = read_code(source, &shown).await?;
        if let Some(at) = resend_at.filter(|_| code == "r") {
            match at.checked_duration_since(std::time::Instant::now()) {
                Some(wait) if wait.as_secs() > 0 => eprintln!(
                    "A new code can be sent in {} s; the last one is still valid.",
                    wait.as_secs()
                ),
                _ => resend_at = Some(send_sms(ctx, conn).await?),
            }
            continue;
        }
        attempt += 1;
        match conn
            .client
            .post::<GrantIssued>(path, &CodeRequest { code })
            .await
        {
            Ok(grant) => {
                conn.save_grant(ctx, &grant)?;
                return Ok(grant);
            }
            Err(ClientError::Api(detail))
                if detail.code == codes::INVALID_CODE && attempt < attempts =>
            {
                eprintln!("{}; try again.", detail.message);
            }
            Err(err) => return Err(err.into()),
        }
    }
    Err(CliError::NeedSecondFactor("no valid code was entered".into()).into())
}

/// Asks the server to send an SMS code and returns when the next may be sent; a throttled
/// resend is reported, not fatal, since the code already sent is still good.
async fn send_sms(ctx: &Ctx, conn: &mut Connection) -> anyhow::Result<std::time::Instant> {
    let after = |seconds: u64| std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    match conn
        .client
        .post::<SmsSent>("/2fa/sms", &serde_json::json!({}))
        .await
    {
        Ok(sent) => {
            ctx.note(format!(
                "A code was sent to {}; it is valid for 5 minutes.",
                sent.phone
            ));
            Ok(after(sent.resend_after))
        }
        Err(ClientError::Api(detail)) if detail.code == codes::RATE_LIMITED => {
            let wait = detail.retry_after.unwrap_or(30);
            ctx.note(format!("{} (retry in {wait} s)", detail.message));
            Ok(after(wait))
        }
        Err(err) => Err(err.into()),
    }
}

async fn confirm(ctx: &Ctx, conn: &mut Connection, prompt: &str) -> anyhow::Result<GrantIssued> {
    exchange_code(ctx, conn, &code_source(ctx), "/2fa/confirm", prompt, None).await
}

async fn setup(ctx: &Ctx, conn: &mut Connection, args: SetupArgs) -> anyhow::Result<()> {
    let interactive = ctx.interactive();
    if !interactive {
        // Scripts: start the enrollment, print what the user needs, and stop; `padlock 2fa
        // confirm --otp CODE` finishes it.
        let method = args.method.ok_or_else(|| CliError::Usage("without a terminal, choose the method: --method totp or --method sms --phone +E164".into()))?;
        let response = start(conn, method, args.phone.as_deref()).await?;
        return ctx.print(&response, |r| {
            let mut text = setup_text(r, false);
            text.push_str("\nThen run: padlock 2fa confirm --otp CODE");
            text
        });
    }
    let grant = enroll(ctx, conn, args.method, args.phone).await?;
    ctx.print(
        &grant_json(&grant, conn.state.second_factor.as_deref()),
        |_| {
            format!(
                "Second factor active. Padlocked operations are allowed until {}.",
                grant.expires_at
            )
        },
    )
}

async fn start(
    conn: &mut Connection,
    method: Method,
    phone: Option<&str>,
) -> anyhow::Result<SetupResponse> {
    let request = match method {
        Method::Totp => SetupRequest {
            method: vocabulary::Method::Totp.to_string(),
            phone: None,
        },
        Method::Sms => {
            let phone = phone.ok_or_else(|| {
                CliError::Usage("SMS needs --phone +E164 (e.g. +4915112345678)".into())
            })?;
            SetupRequest {
                method: vocabulary::Method::Sms.to_string(),
                phone: Some(phone.to_owned()),
            }
        }
    };
    Ok(conn.client.post("/2fa/setup", &request).await?)
}

/// The interactive setup: choose a method, show the key and QR code or send an SMS, and
/// confirm with the first code, which yields the grant.
async fn enroll(
    ctx: &Ctx,
    conn: &mut Connection,
    method: Option<Method>,
    phone: Option<String>,
) -> anyhow::Result<GrantIssued> {
    let method = match method {
        Some(method) => method,
        // Offer only what the server can do: without an SMS provider it refuses SMS.
        None if !conn
            .client
            .get::<TwoFactorStatus>("/2fa")
            .await?
            .sms_available =>
        {
            eprintln!(
                "This server sends no SMS codes; your second factor is an authenticator app."
            );
            Method::Totp
        }
        None => {
            let choice = tokio::task::spawn_blocking(|| {
                dialoguer::Select::new()
                    .with_prompt(
                        "Choose your second factor (it cannot be changed later without support)",
                    )
                    .items([
                        "Authenticator app (Google Authenticator, 1Password, …)",
                        "SMS to your phone",
                    ])
                    .default(0)
                    .interact()
            })
            .await??;
            if choice == 0 {
                Method::Totp
            } else {
                Method::Sms
            }
        }
    };
    let phone = match (method, phone) {
        (Method::Sms, None) => Some(
            tokio::task::spawn_blocking(|| {
                dialoguer::Input::<String>::new()
                    .with_prompt("Phone number (+country code)")
                    .interact_text()
            })
            .await??,
        ),
        (_, phone) => phone,
    };
    let response = start(conn, method, phone.as_deref()).await?;
    eprintln!("{}", setup_text(&response, true));
    let prompt = match method {
        Method::Totp => "Code shown by your authenticator app",
        Method::Sms => "Code from the SMS",
    };
    let grant = confirm(ctx, conn, prompt).await?;
    conn.set_second_factor(ctx, Some(response.method.clone()))?;
    Ok(grant)
}

fn setup_text(response: &SetupResponse, with_qr: bool) -> String {
    match (&response.secret, &response.otpauth_uri, &response.phone) {
        (Some(secret), Some(uri), _) => {
            let qr = if with_qr {
                qr_code(uri).unwrap_or_default()
            } else {
                String::new()
            };
            format!(
                "Scan this QR code with your authenticator app, or type in the key.\n{qr}\nKey: {}\nURI: {uri}",
                group(secret)
            )
        }
        (_, _, Some(phone)) => format!("A code was sent to {phone}; it is valid for 5 minutes."),
        _ => format!("Setup of {} started.", response.method),
    }
}

/// The key in groups of four, as authenticator apps show it.
fn group(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

fn qr_code(uri: &str) -> Option<String> {
    use qrcode::render::unicode::Dense1x2;
    let code = qrcode::QrCode::new(uri.as_bytes()).ok()?;
    Some(
        code.render::<Dense1x2>()
            .dark_color(Dense1x2::Light)
            .light_color(Dense1x2::Dark)
            .quiet_zone(true)
            .build(),
    )
}
