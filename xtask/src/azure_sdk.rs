//! `cargo xtask test`'s check that real clients work against the mock API unchanged: the
//! official Azure SDK for Python (pinned in `setup.rs`, installed in schemathesis's virtual
//! environment) drives the Azure routes after the purchase (`crates/mock-api/tests/azure_sdk/`)
//! on a server with a fresh data file, as an Admin agent, a Sales agent and a customer user.

use std::path::Path;

use test_support::{admin, customer_token, users, DataFile, ServerProcess};

use crate::setup::ToolEnv;
use crate::tools::{run as run_cmd, Cmd};
use crate::{root, Result};

/// The customer user: Lee Gu, Owner at Wide World Importers, whose partner allows both products.
const CUSTOMER_USER: &str = "leeg@wideworldimporters.onmicrosoft.com";

/// Runs the SDK's script against the server binary `mock_api`; stops the server either way.
pub fn run(env: &ToolEnv, mock_api: &Path) -> Result<()> {
    let data = DataFile::new("azure-sdk");
    let server = ServerProcess::try_spawn(mock_api, &data, &[])?;
    let sales = users()
        .into_iter()
        .find(|u| u.partner_user.role == domain::PartnerRole::SalesAgent)
        .ok_or("no Sales agent in the demo")?;
    let script = root().join("crates").join("mock-api").join("tests").join("azure_sdk").join("after_purchase.py");
    let outcome = run_cmd(
        Cmd::new(env.python.to_string_lossy().as_ref())
            .arg(&script)
            .args([server.url().as_str(), &admin().token, &sales.token, &customer_token(CUSTOMER_USER)]),
    );
    drop(server);
    outcome
}
