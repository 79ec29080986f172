//! `cargo xtask test`'s API fuzzing: schemathesis (from PyPI, see `setup.rs`) against the
//! mock API server on a fresh data file, with `crates/mock-api/schemathesis.toml`: requests
//! its OpenAPI document allows and requests it forbids, a bounded number of them, as an Admin
//! agent over every route, then as a customer user (an Owner whose partner allows both
//! products) over the Azure routes a customer calls (their subscriptions, buying reservations
//! and savings plans), which refuse partner users. It fails on a 400 for an allowed request,
//! a success for a forbidden one, a 5xx, and any answer the document does not describe.

use std::path::Path;

use test_support::{admin, customer_token, DataFile, ServerProcess};

use crate::setup::ToolEnv;
use crate::tools::{run as run_cmd, Cmd};
use crate::{root, target_dir, Result};

/// The customer user of the second pass: Lee Gu, Owner at Wide World Importers, whose
/// partner allows reservations and savings plans.
const CUSTOMER_USER: &str = "leeg@wideworldimporters.onmicrosoft.com";

/// Runs schemathesis against the server binary `mock_api`; stops the server either way.
pub fn run(env: &ToolEnv, mock_api: &Path) -> Result<()> {
    let data = DataFile::new("schemathesis");
    let server = ServerProcess::try_spawn(mock_api, &data, &[])?;
    // schemathesis keeps its own files in the folder it runs in: a scratch one.
    let work = target_dir().join("schemathesis");
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let url = server.url();
    let st = |token: &str, only: &[&str]| {
        Cmd::new(env.schemathesis.to_string_lossy().as_ref())
            .arg("--config-file")
            .arg(root().join("crates").join("mock-api").join("schemathesis.toml"))
            .args(["run", &format!("{url}/v1/openapi.json"), "--url", &url, "--no-color"])
            .args(["--header", &format!("Authorization: Bearer {token}")])
            .args(only)
            .dir(&work)
    };
    // Three passes. `/_mock` comes last, on its own: a fault rule it makes fails later
    // requests on purpose (but never `/_mock`'s own), and a reset starts the data again. The
    // event stream (`/v1/events`) never ends, so no pass reads it: tests/events.rs does.
    let outcome = run_cmd(st(&admin().token, &["--exclude-path-regex", "^/(_mock|v1/events)"]))
        .and_then(|()| run_cmd(st(&customer_token(CUSTOMER_USER), &["--include-path-regex", "^/(subscriptions|providers)"])))
        .and_then(|()| run_cmd(st(&admin().token, &["--include-path-regex", "^/_mock"])));
    drop(server);
    let _ = std::fs::remove_dir_all(&work);
    outcome
}

