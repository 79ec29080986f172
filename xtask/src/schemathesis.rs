//! `cargo xtask test`'s API fuzzing: schemathesis (from PyPI, see `setup.rs`) against the
//! mock API server on a fresh data file, with `crates/mock-api/schemathesis.toml`: only
//! requests its OpenAPI document allows, a bounded number of them, as an Admin agent. It
//! fails on a 400 for such a request, a 5xx, and any answer the document does not describe.

use std::path::Path;

use test_support::{admin, DataFile, ServerProcess};

use crate::setup::ToolEnv;
use crate::tools::{run as run_cmd, Cmd};
use crate::{root, target_dir, Result};

/// Runs schemathesis against the server binary `mock_api`; stops the server either way.
pub fn run(env: &ToolEnv, mock_api: &Path) -> Result<()> {
    let data = DataFile::new("schemathesis");
    let server = ServerProcess::try_spawn(mock_api, &data, &[])?;
    // schemathesis keeps its own files in the folder it runs in: a scratch one.
    let work = target_dir().join("schemathesis");
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let url = server.url();
    let outcome = run_cmd(
        Cmd::new(env.schemathesis.to_string_lossy().as_ref())
            .arg("--config-file")
            .arg(root().join("crates").join("mock-api").join("schemathesis.toml"))
            .args(["run", &format!("{url}/v1/openapi.json"), "--url", &url, "--no-color"])
            .args(["--header", &format!("Authorization: Bearer {}", admin().token)])
            .dir(&work),
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&work);
    outcome
}

