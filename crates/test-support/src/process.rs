//! The mock API server as a child process, as users and the end-to-end tests run it.

use std::io::{BufRead, BufReader, Lines};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};

use crate::data_file::DataFile;
use crate::http::Client;

/// The `mock-api` binary on port 0 over a data file; killed on drop.
pub struct ServerProcess {
    child: Child,
    pub port: u16,
    /// What it prints after its URL, line by line.
    output: Lines<BufReader<ChildStdout>>,
}

impl ServerProcess {
    /// Starts `binary --port 0 --data FILE` and waits until it says where it listens.
    pub fn spawn(binary: &Path, data: &DataFile) -> Self {
        Self::spawn_with(binary, data, &[])
    }

    /// [`ServerProcess::spawn`] with more flags (e.g. `--seed-customers 10000`).
    pub fn spawn_with(binary: &Path, data: &DataFile, flags: &[&str]) -> Self {
        Self::try_spawn(binary, data, flags).unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`ServerProcess::spawn_with`], or why the server did not start.
    pub fn try_spawn(binary: &Path, data: &DataFile, flags: &[&str]) -> Result<Self, String> {
        let mut child = Command::new(binary)
            .args(["--port", "0", "--data"])
            .arg(data.path())
            .args(flags)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("{} does not start: {e}", binary.display()))?;
        let Some(stdout) = child.stdout.take() else {
            let _ = child.kill();
            return Err("no output from the server".to_string());
        };
        let mut output = BufReader::new(stdout).lines();
        let port = loop {
            let Some(Ok(line)) = output.next() else {
                break None;
            };
            if let Some(port) = line.strip_prefix("mock-api listening on http://127.0.0.1:") {
                break port.trim().parse::<u16>().ok();
            }
        };
        match port {
            Some(port) => Ok(Self {
                child,
                port,
                output,
            }),
            None => {
                let _ = child.kill();
                let _ = child.wait();
                Err(format!("{} did not say where it listens", binary.display()))
            }
        }
    }

    /// `http://127.0.0.1:{port}`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A client without a token.
    pub fn client(&self) -> Client {
        Client::new(self.port)
    }

    /// Stops it at once (SIGKILL), as a crash would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Asks it to stop (SIGTERM) and waits: how it exited, and what it printed meanwhile.
    #[cfg(unix)]
    pub fn terminate(mut self) -> (ExitStatus, Vec<String>) {
        let sent = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        assert!(sent.is_ok_and(|s| s.success()), "kill -TERM runs");
        let status = self.child.wait().expect("it exits");
        let lines = self.output.by_ref().map_while(Result::ok).collect();
        (status, lines)
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}
