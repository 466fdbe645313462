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
                let pending = conn.client.get::<TwoFactorStatus>("/2fa").await?;
                let sms = pending.method.as_deref() == Some(vocabulary::Method::Sms.as_str());
                let grant = confirm(ctx, &mut conn, "Code", sms, crate::time::now()).await?;
                let method = pending.method;
                conn.set_second_factor(ctx, method.clone())?;
                ctx.print(&grant_json(&grant, method.as_deref()), |_| {
                    format!(
                        "Second factor active. Padlocked operations are allowed until {}.",
                        crate::time::local_text(&grant.expires_at)
                    )
                })
            }
            TwoFactorCmd::Status => {
                let status: TwoFactorStatus = conn.client.get("/2fa").await?;
                conn.set_second_factor(ctx, status.method.clone().filter(|_| status.active))?;
                ctx.print(&status, |s| match (&s.method, s.active) {
                    (Some(method), true) => {
                        let method = super::method_words(method);
                        let phone = s
                            .phone
                            .as_deref()
                            .map(|p| format!(" to {p}"))
                            .unwrap_or_default();
                        let grant = match &s.grant_expires_at {
                            Some(at) => {
                                format!("grant valid until {}", crate::time::local_text(at))
                            }
                            None => {
                                "no valid grant: the next padlocked command asks for a code".into()
                            }
                        };
                        format!("Second factor: {method}{phone}, active; {grant}.")
                    }
                    (Some(method), false) => format!(
                        "Second factor: {} set up but not confirmed: run padlock 2fa confirm",
                        super::method_words(method)
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
                        crate::time::local_text(&grant.expires_at)
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
        eprintln!("{}.", sentence(&detail.message));
        eprintln!("Let's set it up now; this is needed once.");
        let grant = enroll(ctx, conn, None, None).await?;
        eprintln!(
            "Second factor active. Padlocked operations are allowed until {}.",
            crate::time::local_text(&grant.expires_at)
        );
        return Ok(());
    }
    if !matches!(code_source(ctx), CodeSource::Unavailable) && ctx.interactive() {
        eprintln!("{}.", sentence(&detail.message));
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

/// A message of the server, which starts in lower case like every error, as a sentence.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
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
        .collect::<String>()
        .to_lowercase()
}

/// What a person types at an SMS prompt to ask for a new code.
fn is_resend(code: &str) -> bool {
    code == "r" || code == "resend"
}

/// What was read: a code, or (SMS, at a prompt) a request for a new one.
enum Answer {
    Code(String),
    Resend,
}

async fn read_code(source: &CodeSource, prompt: &str, sms: bool) -> anyhow::Result<Answer> {
    match source {
        CodeSource::Given(code) => Ok(Answer::Code(normalize_code(code))),
        CodeSource::Command(command) => Ok(Answer::Code(run_code_command(command).await?)),
        CodeSource::Prompt => {
            let prompt = prompt.to_owned();
            let code = tokio::task::spawn_blocking(move || {
                dialoguer::Input::<String>::new()
                    .with_prompt(prompt)
                    .validate_with(move |text: &String| -> Result<(), &str> {
                        let code = normalize_code(text);
                        if (sms && is_resend(&code))
                            || (code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()))
                        {
                            Ok(())
                        } else if sms {
                            Err("a code is six digits; r or resend asks for a new one")
                        } else {
                            Err("a code is six digits")
                        }
                    })
                    .interact_text()
            })
            .await??;
            let code = normalize_code(&code);
            Ok(if sms && is_resend(&code) {
                Answer::Resend
            } else {
                Answer::Code(code)
            })
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
    // SMS: the unix time from which `r` at the prompt may ask for a new code.
    let mut resend_at = crate::time::now();
    // A prompt and an `--otp-command` both wait for a code that only arrives once sent; a
    // code given with `--otp` was already received. A resend that comes too soon is not an
    // error: the code sent moments ago is still pending, and can be typed or fetched.
    if sms && (resend || !matches!(source, CodeSource::Given(_))) {
        resend_at = send_sms(ctx, conn).await?;
    }
    let prompt = if sms {
        "SMS code"
    } else {
        "Code from your authenticator app"
    };
    let exchange = Exchange {
        path: "/2fa/verify",
        prompt,
        sms,
    };
    exchange_code(ctx, conn, &source, exchange, resend_at).await
}

/// Where a code goes and how it is asked for.
struct Exchange<'a> {
    /// `/2fa/verify` or `/2fa/confirm`.
    path: &'a str,
    prompt: &'a str,
    /// SMS codes can be resent, and do not depend on clocks.
    sms: bool,
}

/// Reads codes and posts them until one yields a grant, which is kept. At a prompt a wrong
/// code may be retyped twice (every failure counts toward the lockout, and the server says
/// how many are left). An SMS prompt says from when a new code may be sent (`resend_at`,
/// unix time), and `r` or `resend` then sends one.
async fn exchange_code(
    ctx: &Ctx,
    conn: &mut Connection,
    source: &CodeSource,
    exchange: Exchange<'_>,
    mut resend_at: i64,
) -> anyhow::Result<GrantIssued> {
    let attempts = if matches!(source, CodeSource::Prompt) {
        3
    } else {
        1
    };
    let mut attempt = 0;
    while attempt < attempts {
        let shown = if !exchange.sms {
            exchange.prompt.to_owned()
        } else if resend_at > crate::time::now() {
            // A clock time stays true while the prompt waits; a countdown would not.
            format!(
                "{} (r: new code from {})",
                exchange.prompt,
                crate::time::local_clock(resend_at)
            )
        } else {
            format!("{} (r: new code)", exchange.prompt)
        };
        let code = match read_code(source, &shown, exchange.sms).await? {
            Answer::Code(code) => code,
            Answer::Resend => {
                let wait = resend_at - crate::time::now();
                if wait > 0 {
                    eprintln!(
                        "A new code can be sent from {} (in {wait} s); the last one is still valid.",
                        crate::time::local_clock(resend_at)
                    );
                } else {
                    resend_at = send_sms(ctx, conn).await?;
                }
                continue;
            }
        };
        attempt += 1;
        match conn
            .client
            .post::<GrantIssued>(exchange.path, &CodeRequest { code })
            .await
        {
            Ok(grant) => {
                conn.save_grant(ctx, &grant)?;
                return Ok(grant);
            }
            Err(ClientError::Api(detail))
                if detail.code == codes::INVALID_CODE && attempt < attempts =>
            {
                eprintln!("{}\nTry again.", explain(&detail, exchange.sms));
            }
            Err(ClientError::Api(detail))
                if matches!(
                    detail.code.as_str(),
                    codes::INVALID_CODE | codes::LOCKED_OUT
                ) =>
            {
                return Err(ClientError::Api(ErrorDetail {
                    message: explain(&detail, exchange.sms),
                    ..detail
                })
                .into());
            }
            Err(err) => return Err(err.into()),
        }
    }
    Err(CliError::NeedSecondFactor("no valid code was entered".into()).into())
}

/// A refused code, for people: attempts left come from the server's message; a lockout
/// says the local clock time it ends; a server whose clock is off from this machine's by
/// more than 15 s is named as a likely cause for authenticator codes.
fn explain(detail: &ErrorDetail, sms: bool) -> String {
    let mut text = match (detail.code.as_str(), detail.retry_after) {
        (codes::LOCKED_OUT, Some(wait)) => {
            let wait = wait as i64;
            format!(
                "too many wrong codes: second-factor checks for your account are locked until {} \
                 (in {}); if you cannot wait, or the codes were not yours, contact support",
                crate::time::local_clock(crate::time::now() + wait),
                crate::time::human_left(wait)
            )
        }
        _ => detail.message.clone(),
    };
    if let Some(offset) = crate::client::server_clock_offset().filter(|o| o.abs() > 15)
        && !sms
    {
        let (by, side) = if offset > 0 {
            (offset, "behind")
        } else {
            (-offset, "ahead of")
        };
        text.push_str(&format!(
            "\nnote: this machine's clock is {by} s {side} the server's; authenticator codes \
             depend on the time, so make sure the clocks of this machine and of the device \
             that makes the codes are set automatically"
        ));
    }
    text
}

/// Asks the server to send an SMS code and returns the unix time from which another may be
/// sent; a throttled resend is reported, not fatal, since the code already sent is still
/// good and can be typed.
async fn send_sms(ctx: &Ctx, conn: &mut Connection) -> anyhow::Result<i64> {
    let after = |seconds: u64| crate::time::now() + seconds as i64;
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
            ctx.note(format!(
                "No new SMS yet: {}. A code sent in the last 5 minutes is still valid: type it.",
                detail.message
            ));
            Ok(after(wait))
        }
        Err(err) => Err(err.into()),
    }
}

async fn confirm(
    ctx: &Ctx,
    conn: &mut Connection,
    prompt: &str,
    sms: bool,
    resend_at: i64,
) -> anyhow::Result<GrantIssued> {
    let exchange = Exchange {
        path: "/2fa/confirm",
        prompt,
        sms,
    };
    exchange_code(ctx, conn, &code_source(ctx), exchange, resend_at).await
}

async fn setup(ctx: &Ctx, conn: &mut Connection, args: SetupArgs) -> anyhow::Result<()> {
    let interactive = ctx.interactive();
    if !interactive {
        // Scripts: start the enrollment, print what the user needs, and stop; `padlock 2fa
        // confirm --otp CODE` finishes it.
        let method = args.method.ok_or_else(|| CliError::Usage("without a terminal, choose the method: --method totp or --method sms --phone +E164".into()))?;
        let status: TwoFactorStatus = conn.client.get("/2fa").await?;
        let response = start(ctx, conn, &status, method, args.phone.as_deref()).await?;
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
                crate::time::local_text(&grant.expires_at)
            )
        },
    )
}

/// Starts an enrollment. Restarting one that was never confirmed replaces its key: the
/// entry the first attempt left in an authenticator app stops working, so say so.
async fn start(
    ctx: &Ctx,
    conn: &mut Connection,
    status: &TwoFactorStatus,
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
    let response: SetupResponse = conn.client.post("/2fa/setup", &request).await?;
    if status.method.as_deref() == Some(vocabulary::Method::Totp.as_str()) && !status.active {
        ctx.note(
            "warning: an earlier setup was never confirmed; this one replaces its key, so the \
             padlock entry that setup added to your authenticator app no longer works: delete \
             it there and add the new one below",
        );
    }
    Ok(response)
}

/// Asks for a phone number until the server takes it (it alone decides what is valid).
fn ask_phone() -> anyhow::Result<String> {
    Ok(dialoguer::Input::<String>::new()
        .with_prompt("Phone number, international form (e.g. +4915112345678)")
        .interact_text()?)
}

/// The interactive setup: choose a method, show the key and QR code or send an SMS, and
/// confirm with the first code, which yields the grant. An SMS setup left pending (the
/// command was interrupted) resumes: the code already sent can be typed.
async fn enroll(
    ctx: &Ctx,
    conn: &mut Connection,
    method: Option<Method>,
    mut phone: Option<String>,
) -> anyhow::Result<GrantIssued> {
    let status: TwoFactorStatus = conn.client.get("/2fa").await?;
    let pending_sms =
        status.method.as_deref() == Some(vocabulary::Method::Sms.as_str()) && !status.active;
    if pending_sms && phone.is_none() && method != Some(Method::Totp) {
        eprintln!(
            "An SMS setup for {} is waiting for its code: type the code already sent, or r for a new one.",
            status.phone.as_deref().unwrap_or("your phone")
        );
        let grant = confirm(ctx, conn, "Code from the SMS", true, crate::time::now()).await?;
        conn.set_second_factor(ctx, Some(vocabulary::Method::Sms.to_string()))?;
        return Ok(grant);
    }
    let method = match method {
        Some(method) => method,
        // Offer only what the server can do: without an SMS provider it refuses SMS.
        None if !status.sms_available => {
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
    if method == Method::Sms && phone.is_none() {
        phone = Some(tokio::task::spawn_blocking(ask_phone).await??);
    }
    let response = loop {
        match start(ctx, conn, &status, method, phone.as_deref()).await {
            // A number the server cannot read: say why and ask again, with an example.
            Err(err)
                if method == Method::Sms
                    && err
                        .downcast_ref::<ClientError>()
                        .and_then(ClientError::code)
                        == Some(codes::BAD_REQUEST) =>
            {
                eprintln!("{}; try again.", sentence(&format!("{err}")));
                phone = Some(tokio::task::spawn_blocking(ask_phone).await??);
            }
            other => break other?,
        }
    };
    eprintln!("{}", setup_text(&response, true));
    let (prompt, sms) = match method {
        Method::Totp => ("Code shown by your authenticator app", false),
        Method::Sms => ("Code from the SMS", true),
    };
    let resend_at = crate::time::now() + response.resend_after.unwrap_or(0) as i64;
    let grant = confirm(ctx, conn, prompt, sms, resend_at).await?;
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

/// The QR code drawn with half blocks, two modules a character: each `▀` has the colour of
/// the upper module as its foreground and of the lower one as its background. The colours
/// are explicit (black and white of the 256-colour cube, which themes leave alone) and the
/// code has its quiet zone, so it scans on light and dark terminals alike; the theme's own
/// colours would turn it negative on one of them. With NO_COLOR the plain rendering stays.
fn qr_code(uri: &str) -> Option<String> {
    use qrcode::render::unicode::Dense1x2;
    let code = qrcode::QrCode::new(uri.as_bytes()).ok()?;
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return Some(
            code.render::<Dense1x2>()
                .dark_color(Dense1x2::Dark)
                .light_color(Dense1x2::Light)
                .quiet_zone(true)
                .build(),
        );
    }
    const QUIET: usize = 4;
    let width = code.width();
    let colors = code.to_colors();
    let dark = |x: usize, y: usize| {
        x >= QUIET
            && y >= QUIET
            && x < width + QUIET
            && y < width + QUIET
            && colors[(y - QUIET) * width + (x - QUIET)] == qrcode::Color::Dark
    };
    let side = width + 2 * QUIET;
    let mut out = String::new();
    for y in (0..side).step_by(2) {
        for x in 0..side {
            let fg = if dark(x, y) { 16 } else { 231 };
            let bg = if dark(x, y + 1) && y + 1 < side {
                16
            } else {
                231
            };
            out.push_str(&format!("\x1b[38;5;{fg};48;5;{bg}m▀"));
        }
        out.push_str("\x1b[0m\n");
    }
    Some(out)
}
