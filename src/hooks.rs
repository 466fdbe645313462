//! Operator hooks: the commands the server runs for an operation, chosen by (app,
//! environment, operation) from the configuration only — never from the API.
//!
//! A hook runs as `sh -c COMMAND` in its own process group with the operation's context in
//! `PADLOCK_*` variables; its stdout and stderr become the operation's log, its exit status
//! decides success, and at its timeout the whole group is killed.
//!
//! A hook starts from an empty environment, not the server's: the server's holds its master
//! key, database password and SMS tokens, and whatever else its service manager put there
//! (cloud credentials). The hook gets PATH, HOME, LANG and LC_ALL, its `PADLOCK_*` context,
//! and the variables its `pass_env` names.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::sync::mpsc;

use crate::config::HookConfig;

pub struct Hooks {
    configured: Vec<HookConfig>,
    dev: bool,
}

/// What to run for one operation.
#[derive(Debug, Clone)]
pub enum HookPlan {
    Command {
        command: String,
        timeout: Duration,
        /// The server's variables the operator passes on to this hook.
        pass_env: Vec<String>,
    },
    /// Dev mode without a configured hook: succeed and say what would have happened.
    DevLog,
}

/// How a hook ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HookOutcome {
    Exited(i32),
    Killed,
    TimedOut,
    FailedToStart,
}

impl HookOutcome {
    pub fn succeeded(self) -> bool {
        self == HookOutcome::Exited(0)
    }
}

impl Hooks {
    pub fn new(configured: Vec<HookConfig>, dev: bool) -> Hooks {
        Hooks { configured, dev }
    }

    /// The hooks whose program is missing, one line each: the command's first word, and the
    /// script a shell is given (`sh /srv/deploy.sh`), must exist, else the first deployment
    /// would be the one to find out. Shell builtins, options and `-c` scripts are not
    /// checked.
    pub fn missing_programs(&self) -> Vec<String> {
        let path = std::env::var_os("PATH").unwrap_or_default();
        let on_path =
            |program: &str| std::env::split_paths(&path).any(|dir| dir.join(program).is_file());
        let mut missing = Vec::new();
        for hook in &self.configured {
            let words: Vec<String> = hook
                .command
                .split_whitespace()
                .map(|word| word.trim_matches(|c| c == '\'' || c == '"').to_owned())
                .collect();
            let Some(program) = words.first() else {
                continue;
            };
            let mut wanted = Vec::new();
            if program.contains('/') {
                wanted.push(program.clone());
            } else if !SHELL_BUILTINS.contains(&program.as_str()) && !on_path(program) {
                missing.push(format!(
                    "{program} (the hook for {} on {}/{}) is not on PATH",
                    hook.operation, hook.app, hook.env
                ));
                continue;
            }
            if SHELLS.contains(&program.rsplit('/').next().unwrap_or_default())
                && let Some(script) = words.get(1).filter(|w| !w.starts_with('-'))
            {
                wanted.push(script.clone());
            }
            for file in wanted {
                if !std::path::Path::new(&file).is_file() {
                    missing.push(format!(
                        "{file} (the hook for {} on {}/{}) does not exist",
                        hook.operation, hook.app, hook.env
                    ));
                }
            }
        }
        missing
    }

    /// The first configured hook that matches, else dev mode's log hook, else none.
    pub fn plan(&self, app: &str, env: &str, operation: &str) -> Option<HookPlan> {
        let matches = |pattern: &str, value: &str| pattern == "*" || pattern == value;
        self.configured
            .iter()
            .find(|hook| {
                matches(&hook.app, app) && matches(&hook.env, env) && hook.operation == operation
            })
            .map(|hook| HookPlan::Command {
                command: hook.command.clone(),
                timeout: hook.timeout.0,
                pass_env: hook.pass_env.clone(),
            })
            .or(self.dev.then_some(HookPlan::DevLog))
    }
}

/// Shells whose first argument, unless an option, is a script file.
const SHELLS: &[&str] = &["sh", "bash", "dash", "zsh", "ksh"];
/// Words `sh -c` runs without a program on PATH.
const SHELL_BUILTINS: &[&str] = &[
    ":", ".", "cd", "exec", "exit", "export", "set", "true", "false", "echo", "printf", "test",
    "[", "command", "eval", "if", "for", "while", "case", "{", "(",
];

/// Runs a planned hook with `vars` in its environment, sending each output line to `log`.
pub async fn run(
    plan: &HookPlan,
    vars: &[(String, String)],
    log: mpsc::UnboundedSender<String>,
) -> HookOutcome {
    let (command, timeout, pass_env) = match plan {
        HookPlan::DevLog => {
            let get = |key: &str| {
                vars.iter()
                    .find(|(k, _)| k == key)
                    .map_or("-", |(_, v)| v.as_str())
            };
            let _ = log.send(format!(
                "dev hook: would run {} on {}/{} for {} (package {}, sha256 {})",
                get("PADLOCK_OPERATION"),
                get("PADLOCK_APP"),
                get("PADLOCK_ENV"),
                get("PADLOCK_ACTOR"),
                get("PADLOCK_PACKAGE_NAME"),
                get("PADLOCK_PACKAGE_SHA256"),
            ));
            if let Some((_, file)) = vars.iter().find(|(k, _)| k == "PADLOCK_BACKUP_FILE")
                && get("PADLOCK_OPERATION") == "backup_create"
            {
                let text = format!(
                    "padlock dev backup of {}/{}\n",
                    get("PADLOCK_APP"),
                    get("PADLOCK_ENV")
                );
                if let Err(err) = tokio::fs::write(file, text).await {
                    let _ = log.send(format!("dev hook: cannot write the backup: {err}"));
                    return HookOutcome::Exited(1);
                }
            }
            return HookOutcome::Exited(0);
        }
        HookPlan::Command {
            command,
            timeout,
            pass_env,
        } => (command, *timeout, pass_env),
    };
    let mut child = tokio::process::Command::new("sh");
    child
        .env_clear()
        .envs(base_env(pass_env, |name| std::env::var_os(name)))
        .envs(vars.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .arg("-c")
        .arg(command)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    #[cfg(unix)]
    child.process_group(0);
    let mut child = match child.spawn() {
        Ok(child) => child,
        Err(err) => {
            let _ = log.send(format!("padlock: the hook could not be started: {err}"));
            return HookOutcome::FailedToStart;
        }
    };
    let readers = [
        child
            .stdout
            .take()
            .map(|out| forward(BufReader::new(out), log.clone())),
        child
            .stderr
            .take()
            .map(|err| forward(BufReader::new(err), log.clone())),
    ];
    let outcome = match tokio::time::timeout(timeout, child.wait()).await {
        Ok(Ok(status)) => status
            .code()
            .map_or(HookOutcome::Killed, HookOutcome::Exited),
        Ok(Err(_)) => HookOutcome::Killed,
        Err(_) => {
            kill_group(&mut child).await;
            let _ = log.send(format!(
                "padlock: the hook exceeded its timeout of {}s and was killed",
                timeout.as_secs()
            ));
            HookOutcome::TimedOut
        }
    };
    // The group is gone or finished; whatever is left in the pipes is read to the end.
    for reader in readers.into_iter().flatten() {
        let _ = tokio::time::timeout(Duration::from_secs(2), reader).await;
    }
    outcome
}

/// Where `sh` finds commands when the server itself has no PATH (a bare service manager).
const DEFAULT_PATH: &str = "/usr/local/bin:/usr/bin:/bin";

/// The hook's environment before its `PADLOCK_*` context: PATH (the server's, or
/// `DEFAULT_PATH`), HOME, LANG and LC_ALL when the server has them, and the `pass_env`
/// variables the server has. `server_env` reads the server's environment.
fn base_env(
    pass_env: &[String],
    server_env: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> Vec<(String, std::ffi::OsString)> {
    let mut env = vec![(
        "PATH".to_owned(),
        server_env("PATH").unwrap_or_else(|| DEFAULT_PATH.into()),
    )];
    for name in ["HOME", "LANG", "LC_ALL"]
        .into_iter()
        .chain(pass_env.iter().map(String::as_str))
    {
        if let Some(value) = server_env(name) {
            env.push((name.to_owned(), value));
        }
    }
    env
}

fn forward<R: tokio::io::AsyncRead + Unpin + Send + 'static>(
    reader: BufReader<R>,
    log: mpsc::UnboundedSender<String>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut lines = reader.lines();
        while let Ok(Some(line)) = lines.next_line().await {
            if log.send(line).is_err() {
                break;
            }
        }
    })
}

/// Kills the hook's whole process group, so children it started die with it.
async fn kill_group(child: &mut tokio::process::Child) {
    #[cfg(unix)]
    if let Some(pid) = child.id() {
        // SAFETY: kill(2) with a negative pid signals the process group we created with
        // process_group(0); it touches no memory.
        unsafe {
            libc::kill(-(pid as i32), libc::SIGKILL);
        }
    }
    let _ = child.kill().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_env_keeps_only_what_is_named() {
        let server = |name: &str| {
            let value = match name {
                "HOME" => "/home/padlock",
                "LANG" => "C.UTF-8",
                "AWS_PROFILE" => "prod",
                "AWS_SECRET_ACCESS_KEY" => "secret",
                _ => return None,
            };
            Some(std::ffi::OsString::from(value))
        };
        let env = base_env(&["AWS_PROFILE".into(), "KUBECONFIG".into()], server);
        let names: Vec<&str> = env.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["PATH", "HOME", "LANG", "AWS_PROFILE"]);
        assert_eq!(env[0].1, DEFAULT_PATH, "no server PATH: the default");
    }

    #[test]
    fn missing_programs_and_scripts_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("deploy.sh");
        std::fs::write(&script, "true\n").unwrap();
        let gone = dir.path().join("gone.sh");
        let hook = |command: String| HookConfig {
            app: "*".into(),
            env: "production".into(),
            operation: "transport".into(),
            command,
            timeout: crate::config::Span(Duration::from_secs(1)),
            pass_env: Vec::new(),
        };
        let fine = [
            format!("sh '{}'", script.display()),
            format!("bash \"{}\" --fast", script.display()),
            "sh -c 'echo $PADLOCK_APP'".into(),
            "echo deployed".into(),
            "true".into(),
            script.display().to_string(),
        ];
        for command in fine {
            let missing = Hooks::new(vec![hook(command.clone())], false).missing_programs();
            assert!(missing.is_empty(), "{command}: {missing:?}");
        }
        for (command, named) in [
            (
                format!("sh '{}'", gone.display()),
                gone.display().to_string(),
            ),
            (gone.display().to_string(), gone.display().to_string()),
            (
                "no-such-program-on-path now".into(),
                "no-such-program-on-path".into(),
            ),
        ] {
            let missing = Hooks::new(vec![hook(command.clone())], false).missing_programs();
            assert_eq!(missing.len(), 1, "{command}: {missing:?}");
            assert!(
                missing[0].contains(&named) && missing[0].contains("transport on */production"),
                "{command}: {missing:?}"
            );
        }
    }
}
