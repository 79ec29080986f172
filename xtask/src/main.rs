//! `cargo xtask <command>`: the project's own set-up and workflows.
//!
//! - `setup`  installs what is missing (wasm target, wasm-bindgen CLI, trunk, wasm-opt,
//!   schemathesis, axe-core, Chromium and chromedriver), idempotently, one progress line per step
//! - `serve`  the build tools' set-up only, then the app on `trunk serve` with the embedded store
//! - `test`   set-up, then every test: native, headless-browser, schemathesis against the
//!   mock API, and end-to-end
//! - `dist [--public-url /path/]`  a release build in `dist/` for any static host
//! - `api [flags]`  the mock Partner Center API server (`--help` lists its flags)
//! - `bench [size]`  release bundle sizes, domain timings, server load and UI toggle figures
//!   (`size`: only the bundle)
//! - `split`  trunk's post_build hook (Trunk.toml): splits the Wasm into lazily loaded modules
//! - `root`  prints the workspace the commands work on (the one of the current folder)

mod azure_sdk;
mod bench;
mod schemathesis;
mod setup;
mod split;
mod tools;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

use test_support::{DataFile, ServerProcess};
use tools::{run, Cmd};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let here = std::env::current_dir().unwrap_or_default();
    let Some(root) = workspace_root_from(&here) else {
        eprintln!("xtask: {} is not inside this project's workspace (no Cargo.toml with [workspace] above it)", here.display());
        return ExitCode::FAILURE;
    };
    let _ = ROOT.set(root);
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::setup().map(|_| ()),
        Some("split") => split::post_build(),
        Some("root") => {
            println!("{}", self::root().display());
            Ok(())
        }
        Some("serve") => serve(),
        Some("test") => test(),
        Some("dist") => dist_command(&args[1..]),
        Some("bench") => bench::bench(&args[1..]),
        Some("api") => api(&args[1..]),
        _ => {
            eprintln!("usage: cargo xtask <setup|serve|test|dist [--public-url /path/]|api [flags]|bench [size]|split|root>");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}

pub type Result<T> = std::result::Result<T, String>;

static ROOT: OnceLock<PathBuf> = OnceLock::new();

/// The workspace root: that of the folder the command runs in, found when it runs. (Not
/// where xtask was compiled: `.ci/run` shares one target folder between clones, so an xtask
/// built in one clone runs in another.)
pub fn root() -> PathBuf {
    ROOT.get_or_init(|| {
        let here = std::env::current_dir().unwrap_or_default();
        workspace_root_from(&here).unwrap_or(here)
    })
    .clone()
}

/// The nearest folder, from `dir` upwards, whose Cargo.toml declares a `[workspace]`.
pub fn workspace_root_from(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| std::fs::read_to_string(d.join("Cargo.toml")).is_ok_and(|t| t.lines().any(|l| l.trim() == "[workspace]")))
        .map(Path::to_path_buf)
}

/// Where cargo puts its builds (honours `CARGO_TARGET_DIR`, as CI sets it).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root().join("target"))
}

/// Where `cargo xtask api` listens unless told otherwise (trunk serve has 8080). Trunk.toml's
/// proxy sends the app's `/v1/` calls here.
const API_PORT: &str = "8081";

/// The mock API server, on [`API_PORT`] unless told otherwise.
fn api(args: &[String]) -> Result<()> {
    run(api_command(args))
}

fn api_command(args: &[String]) -> Cmd {
    let mut flags: Vec<String> = args.to_vec();
    if !flags.iter().any(|f| f == "--port" || f.starts_with("--port=") || f == "--help" || f == "-h") {
        flags.extend(["--port".to_string(), API_PORT.to_string()]);
    }
    // The package has two binaries (the server and its load generator): name the server.
    Cmd::new("cargo").args(["run", "--quiet", "-p", "mock-api", "--bin", "mock-api", "--"]).args(&flags).dir(root())
}

fn serve() -> Result<()> {
    let env = setup::build_tools()?;
    println!("==> serving the app with the embedded store at http://127.0.0.1:8080/ (Ctrl-C stops)");
    run(Cmd::new("trunk").args(["serve", "--port", "8080"]).env_path(&env).dir(root()))
}

/// A release build in `out`, served from `public_url`; deep links survive a reload on any
/// static host through a `404.html` that boots the app.
pub fn dist(env: &impl AsRef<setup::BuildEnv>, public_url: &str, out: &Path) -> Result<()> {
    println!("==> release build into {} (public URL {public_url})", out.display());
    run(Cmd::new("trunk")
        .args(["build", "--release", "--public-url", public_url, "--dist"])
        .arg(out.as_os_str())
        .env_path(env)
        .dir(root()))?;
    std::fs::copy(out.join("index.html"), out.join("404.html")).map_err(|e| format!("writing 404.html: {e}"))?;
    split::check_no_placeholder(out)
}

/// `cargo test -p e2e-tests` (more arguments may follow) against the release build in
/// `dist`, served from `public_url`, with the mock API binary and the browser it needs.
pub fn e2e_tests(env: &setup::ToolEnv, dist: &Path, public_url: &str, mock_api: &Path) -> Cmd {
    Cmd::new("cargo")
        .args(["test", "-p", "e2e-tests", "--no-fail-fast"])
        .env("E2E_DIST", dist.as_os_str())
        .env("E2E_PUBLIC_URL", public_url)
        .env("MOCK_API_BIN", mock_api.as_os_str())
        .env("CHROMEDRIVER", env.chromedriver.as_os_str())
        .env("CHROMIUM", env.chromium.as_os_str())
        .env("AXE_CORE_JS", env.axe_core.as_os_str())
        .env_path(env)
        .dir(root())
}

fn dist_command(args: &[String]) -> Result<()> {
    let public_url = match args {
        [] => "/".to_string(),
        [flag, url] if flag == "--public-url" => {
            let trimmed = url.trim_matches('/');
            if trimmed.is_empty() { "/".to_string() } else { format!("/{trimmed}/") }
        }
        _ => return Err("usage: cargo xtask dist [--public-url /some/path/]".into()),
    };
    let env = setup::build_tools()?;
    let out = root().join("dist");
    dist(&env, &public_url, &out)?;
    println!("==> dist/ is ready: serve it from {public_url} on any static file server");
    Ok(())
}

fn test() -> Result<()> {
    let env = setup::setup()?;
    let mut failed = Vec::new();
    let mut step = |name: &str, work: &dyn Fn() -> Result<()>| {
        println!("==> {name}");
        if let Err(error) = work() {
            eprintln!("xtask: {name} failed: {error}");
            failed.push(name.to_string());
        }
    };
    step("native tests (domain, API types, mock API server, test support, xtask)", &|| {
        run(Cmd::new("cargo")
            .args(["test", "-p", "domain", "-p", "api-types", "-p", "mock-api", "-p", "test-support", "-p", "xtask"])
            .env_path(&env)
            .dir(root()))
    });
    step("native tests of the app's plain logic (routes, messages)", &|| {
        run(Cmd::new("cargo").args(["test", "-p", "customer-permissions", "--lib"]).env_path(&env).dir(root()))
    });
    let mock_api = target_dir().join("debug").join("mock-api");
    step("build the mock API server (for the component and end-to-end tests)", &|| {
        run(Cmd::new("cargo").args(["build", "-p", "mock-api"]).env_path(&env).dir(root()))
    });
    step("component tests in headless Chromium (wasm-bindgen-test), the backend conformance suite against a mock API", &|| {
        component_tests(&env, &mock_api)
    });
    step("schemathesis against the mock API: no 400 for a request its OpenAPI document allows", &|| {
        schemathesis::run(&env, &mock_api)
    });
    step("the official Azure SDK for Python against the mock API's Azure routes", &|| azure_sdk::run(&env, &mock_api));
    let e2e_dist = target_dir().join("e2e-dist");
    let public_url = "/partner-center/";
    match dist(&env, public_url, &e2e_dist) {
        Ok(()) => step("end-to-end tests (WebDriver, release build under a sub-path)", &|| {
            run(e2e_tests(&env, &e2e_dist, public_url, &mock_api))
        }),
        Err(error) => {
            eprintln!("xtask: release build for end-to-end tests failed: {error}");
            failed.push("release build".into());
        }
    }
    if failed.is_empty() {
        println!("==> every test passed");
        Ok(())
    } else {
        Err(format!("failed: {}", failed.join(", ")))
    }
}

/// The component tests (`cargo test -p customer-permissions --target wasm32-unknown-unknown`),
/// with a mock API of their own on a fresh data file and a free port: the backend conformance
/// suite (`tests/components/backend_conformance.rs`) drives the app's HTTP client against it,
/// its address given at compile time in `BACKEND_CONFORMANCE_API`. Stops the server either way.
fn component_tests(env: &setup::ToolEnv, mock_api: &Path) -> Result<()> {
    let data = DataFile::new("backend-conformance");
    let server = ServerProcess::try_spawn(mock_api, &data, &[])?;
    let outcome = run(Cmd::new("cargo")
        .args(["test", "-p", "customer-permissions", "--target", "wasm32-unknown-unknown"])
        .env("BACKEND_CONFORMANCE_API", server.url())
        .env("CHROMEDRIVER", env.chromedriver.as_os_str())
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
        .env_path(env)
        .dir(root()));
    drop(server);
    outcome
}

#[cfg(test)]
mod tests {
    /// `cargo xtask api` starts the server (it once stopped at "could not determine which
    /// binary to run" when the package got a second binary).
    #[test]
    fn the_api_command_runs_the_mock_api_server() {
        let help = crate::tools::output(super::api_command(&["--help".to_string()]));
        let help = help.expect("`cargo xtask api --help` runs and succeeds");
        assert!(help.contains("--seed-customers"), "{help}");
    }

    /// `cargo xtask serve` with `?api=/` reaches `cargo xtask api` through trunk's proxy, so
    /// the two must agree on the port.
    #[test]
    fn trunks_proxy_points_at_the_api_command() {
        let trunk = std::fs::read_to_string(crate::root().join("Trunk.toml")).expect("Trunk.toml");
        let backend = format!("backend = \"http://127.0.0.1:{}/v1/\"", super::API_PORT);
        assert!(trunk.contains("[[proxy]]") && trunk.contains(&backend), "Trunk.toml has no proxy to {backend}");
    }
}
