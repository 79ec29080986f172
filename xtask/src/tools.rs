//! Running commands with a readable trace.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::setup::BuildEnv;
use crate::Result;

pub struct Cmd {
    program: String,
    args: Vec<OsString>,
    envs: Vec<(OsString, OsString)>,
    dir: Option<PathBuf>,
}

impl Cmd {
    pub fn new(program: &str) -> Self {
        Self { program: program.to_string(), args: Vec::new(), envs: Vec::new(), dir: None }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.args.push(arg.as_ref().to_os_string());
        self
    }

    pub fn args<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(mut self, args: I) -> Self {
        self.args.extend(args.into_iter().map(|a| a.as_ref().to_os_string()));
        self
    }

    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        self.envs.push((key.as_ref().to_os_string(), value.as_ref().to_os_string()));
        self
    }

    /// Puts the project's tools first on PATH.
    pub fn env_path(self, env: &impl AsRef<BuildEnv>) -> Self {
        let path = env.as_ref().path.clone();
        self.env("PATH", path)
    }

    pub fn dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.dir = Some(dir.into());
        self
    }

    fn command(&self) -> Command {
        let mut command = Command::new(&self.program);
        command.args(&self.args);
        for (k, v) in &self.envs {
            command.env(k, v);
        }
        if let Some(dir) = &self.dir {
            command.current_dir(dir);
        }
        command.stdin(Stdio::null());
        command
    }

    fn describe(&self) -> String {
        let args: Vec<_> = self.args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
        format!("{} {}", self.program, args.join(" "))
    }
}

/// Runs the command with its output shown; an error when it fails.
pub fn run(cmd: Cmd) -> Result<()> {
    let mut command = cmd.command();
    let status = command.status().map_err(|e| format!("could not start `{}`: {e}", cmd.describe()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` exited with {status}", cmd.describe()))
    }
}

/// Runs the command and returns what it printed, or `None` if it cannot run or fails.
pub fn output(cmd: Cmd) -> Option<String> {
    let out = cmd.command().stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
