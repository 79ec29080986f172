//! `cargo xtask setup`: installs what is missing, and only that. A second run on a ready
//! machine only checks versions (seconds). Nothing downloads a prebuilt binary: tools come
//! from crates.io, the npm registry, PyPI and Debian's packages.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::tools::{output, run, Cmd};
use crate::Result;

pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
pub const TRUNK_VERSION: &str = "0.21.14";
/// binaryen from the npm registry: a recent wasm-opt (Debian's version 108 breaks the build).
pub const BINARYEN_NPM_VERSION: &str = "132.0.0";
const WASM_OPT_VERSION_TEXT: &str = "version 132";
/// schemathesis from PyPI, in a virtual environment of its own: it fuzzes the mock API
/// against its OpenAPI document (`cargo xtask test`).
pub const SCHEMATHESIS_VERSION: &str = "4.32.5";
/// axe-core from the npm registry: the end-to-end tests run it on every page.
pub const AXE_CORE_VERSION: &str = "4.14.1";
/// The official Azure SDK for Python, which the mock API's Azure routes are tested with
/// (`xtask/src/azure_sdk.rs`), pinned: installed beside schemathesis in its virtual
/// environment.
pub const AZURE_SDK_PACKAGES: [&str; 3] =
    ["azure-mgmt-reservations==3.0.0", "azure-mgmt-billingbenefits==1.0.0b2", "azure-mgmt-authorization==4.0.0"];

/// What building the app needs: PATH with the project's build tools first (`serve`,
/// `dist` and the trunk hook that splits the Wasm need nothing else).
pub struct BuildEnv {
    pub path: std::ffi::OsString,
}

/// What the tests and benchmarks need besides the build tools.
pub struct ToolEnv {
    pub build: BuildEnv,
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
    /// schemathesis's `st`.
    pub schemathesis: PathBuf,
    /// The Python of schemathesis's virtual environment, which has the Azure SDK too.
    pub python: PathBuf,
    /// axe-core's script (`axe.min.js`), for the accessibility test.
    pub axe_core: PathBuf,
}

/// Tools that are not cargo-installed live here, outside any clone, so fresh clones (CI)
/// reuse them. `CUSTOMER_PERMISSIONS_TOOLS` overrides it.
fn tools_dir() -> PathBuf {
    std::env::var_os("CUSTOMER_PERMISSIONS_TOOLS").map(PathBuf::from).unwrap_or_else(|| {
        let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/tmp"));
        home.join(".cache").join("customer-permissions-tools")
    })
}

fn cargo_bin() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
    });
    cargo_home.join("bin")
}

impl AsRef<BuildEnv> for BuildEnv {
    fn as_ref(&self) -> &BuildEnv {
        self
    }
}

impl AsRef<BuildEnv> for ToolEnv {
    fn as_ref(&self) -> &BuildEnv {
        &self.build
    }
}

fn binaryen_dir() -> PathBuf {
    tools_dir().join("binaryen")
}

/// PATH with the project's build tools first (binaryen's wasm-opt, cargo-installed tools),
/// whether or not they are installed yet.
pub fn build_env() -> Result<BuildEnv> {
    let wasm_opt_bin = binaryen_dir().join("node_modules").join(".bin");
    let mut dirs = vec![wasm_opt_bin, cargo_bin()];
    dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    let path = std::env::join_paths(dirs).map_err(|e| format!("PATH: {e}"))?;
    Ok(BuildEnv { path })
}

/// Everything: the build tools, then what the tests need (`cargo xtask setup`, `test`, `bench`).
pub fn setup() -> Result<ToolEnv> {
    let started = Instant::now();
    let build = build_tools()?;
    let env = test_tools(build)?;
    println!("==> set-up ready in {:.1}s", started.elapsed().as_secs_f64());
    Ok(env)
}

/// What building the app needs, and only that (`serve`, `dist`): the wasm32 target, the
/// wasm-bindgen CLI, trunk and wasm-opt.
pub fn build_tools() -> Result<BuildEnv> {
    let env = build_env()?;
    let path = env.path.clone();
    let with_path = |cmd: Cmd| cmd.env("PATH", &path);
    let binaryen_dir = binaryen_dir();
    let wasm_opt_bin = binaryen_dir.join("node_modules").join(".bin");

    step("wasm32 target", || {
        let installed = output(Cmd::new("rustup").args(["target", "list", "--installed"]))
            .is_some_and(|list| list.lines().any(|l| l.trim() == "wasm32-unknown-unknown"));
        if installed {
            return Ok(Status::Ready);
        }
        run(Cmd::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
        Ok(Status::Installed)
    })?;

    step(&format!("wasm-bindgen CLI {WASM_BINDGEN_VERSION}"), || {
        let version = output(with_path(Cmd::new("wasm-bindgen").arg("--version")));
        if version.is_some_and(|v| v.contains(WASM_BINDGEN_VERSION)) {
            return Ok(Status::Ready);
        }
        // Not --locked: its lockfile pins a yanked crate.
        run(Cmd::new("cargo").args(["install", "--force", "wasm-bindgen-cli", "--version", WASM_BINDGEN_VERSION]))?;
        Ok(Status::Installed)
    })?;

    step(&format!("trunk {TRUNK_VERSION}"), || {
        let version = output(with_path(Cmd::new("trunk").arg("--version")));
        if version.is_some_and(|v| v.contains(TRUNK_VERSION)) {
            return Ok(Status::Ready);
        }
        // Without its default features (the update check and TLS, neither used here: the
        // dev server's proxy talks plain HTTP to the mock API on loopback), it builds in about
        // 370 s instead of about 470 s on a new machine.
        run(Cmd::new("cargo").args(["install", "--force", "trunk", "--version", TRUNK_VERSION, "--locked", "--no-default-features"]))?;
        Ok(Status::Installed)
    })?;

    step(&format!("wasm-opt (binaryen {BINARYEN_NPM_VERSION})"), || {
        let version = output(Cmd::new(wasm_opt_bin.join("wasm-opt").to_string_lossy().as_ref()).arg("--version"));
        if version.is_some_and(|v| v.contains(WASM_OPT_VERSION_TEXT)) {
            return Ok(Status::Ready);
        }
        if output(Cmd::new("npm").arg("--version")).is_none() {
            apt_install(&["nodejs", "npm"])?;
        }
        std::fs::create_dir_all(&binaryen_dir).map_err(|e| format!("{}: {e}", binaryen_dir.display()))?;
        run(Cmd::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&binaryen_dir)
            .arg(format!("binaryen@{BINARYEN_NPM_VERSION}")))?;
        Ok(Status::Installed)
    })?;
    Ok(env)
}

/// What the tests and benchmarks need besides the build tools: schemathesis, axe-core,
/// Chromium and chromedriver.
fn test_tools(build: BuildEnv) -> Result<ToolEnv> {
    let path = build.path.clone();
    let venv = tools_dir().join("schemathesis");
    let schemathesis = venv.join("bin").join("st");
    step(&format!("schemathesis {SCHEMATHESIS_VERSION} (PyPI)"), || {
        let version = output(Cmd::new(schemathesis.to_string_lossy().as_ref()).arg("--version"));
        if version.is_some_and(|v| v.contains(SCHEMATHESIS_VERSION)) {
            return Ok(Status::Ready);
        }
        if output(Cmd::new("python3").args(["-m", "venv", "--help"])).is_none() {
            apt_install(&["python3", "python3-venv"])?;
        }
        let _ = std::fs::remove_dir_all(&venv);
        run(Cmd::new("python3").args(["-m", "venv"]).arg(&venv))?;
        let pip = venv.join("bin").join("pip");
        run(Cmd::new(pip.to_string_lossy().as_ref())
            .args(["install", "--quiet", "--disable-pip-version-check"])
            .arg(format!("schemathesis=={SCHEMATHESIS_VERSION}")))?;
        Ok(Status::Installed)
    })?;

    let python = venv.join("bin").join("python");
    step("the official Azure SDK for Python (PyPI)", || {
        let installed = output(Cmd::new(python.to_string_lossy().as_ref()).args(["-m", "pip", "freeze", "--disable-pip-version-check"]));
        if installed.is_some_and(|list| AZURE_SDK_PACKAGES.iter().all(|p| list.lines().any(|l| l.trim().eq_ignore_ascii_case(p)))) {
            return Ok(Status::Ready);
        }
        run(Cmd::new(python.to_string_lossy().as_ref())
            .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check"])
            .args(AZURE_SDK_PACKAGES))?;
        Ok(Status::Installed)
    })?;

    let axe_dir = tools_dir().join("axe-core");
    let axe_core = axe_dir.join("node_modules").join("axe-core").join("axe.min.js");
    step(&format!("axe-core {AXE_CORE_VERSION} (npm)"), || {
        let package = std::fs::read_to_string(axe_dir.join("node_modules").join("axe-core").join("package.json"));
        let installed = package.is_ok_and(|p| p.contains(&format!("\"version\": \"{AXE_CORE_VERSION}\"")));
        if installed && axe_core.is_file() {
            return Ok(Status::Ready);
        }
        if output(Cmd::new("npm").arg("--version")).is_none() {
            apt_install(&["nodejs", "npm"])?;
        }
        std::fs::create_dir_all(&axe_dir).map_err(|e| format!("{}: {e}", axe_dir.display()))?;
        run(Cmd::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&axe_dir)
            .arg(format!("axe-core@{AXE_CORE_VERSION}")))?;
        Ok(Status::Installed)
    })?;

    step("Chromium and chromedriver", || {
        let ready = output(Cmd::new("chromium").arg("--version")).is_some()
            && output(Cmd::new("chromedriver").arg("--version")).is_some();
        if ready {
            return Ok(Status::Ready);
        }
        apt_install(&["chromium", "chromium-driver"])?;
        Ok(Status::Installed)
    })?;

    let chromium = which("chromium", &path).ok_or("chromium is not on PATH after set-up")?;
    let chromedriver = which("chromedriver", &path).ok_or("chromedriver is not on PATH after set-up")?;
    Ok(ToolEnv { build, chromium, chromedriver, schemathesis, python, axe_core })
}

enum Status {
    Ready,
    Installed,
}

fn step(name: &str, work: impl FnOnce() -> Result<Status>) -> Result<()> {
    let started = Instant::now();
    println!("==> set-up: {name}: checking");
    match work() {
        Ok(Status::Ready) => println!("==> set-up: {name}: ready"),
        Ok(Status::Installed) => println!("==> set-up: {name}: installed in {:.0}s", started.elapsed().as_secs_f64()),
        Err(error) => return Err(format!("set-up of {name} failed: {error}")),
    }
    Ok(())
}

/// Debian packages, with sudo when not root.
fn apt_install(packages: &[&str]) -> Result<()> {
    let is_root = output(Cmd::new("id").arg("-u")).is_some_and(|id| id.trim() == "0");
    let prefix: &[&str] = if is_root { &[] } else { &["sudo", "-n"] };
    let apt = |args: &[&str]| {
        let all: Vec<&str> = prefix.iter().chain(["apt-get"].iter()).chain(args.iter()).copied().collect();
        Cmd::new(all[0]).args(&all[1..]).env("DEBIAN_FRONTEND", "noninteractive")
    };
    run(apt(&["update", "-q"]))?;
    let mut args = vec!["install", "-y", "-q"];
    args.extend_from_slice(packages);
    run(apt(&args)).map_err(|e| format!("{e} (install {} as root: apt-get install {})", packages.join(" "), packages.join(" ")))
}

fn which(program: &str, path: &std::ffi::OsStr) -> Option<PathBuf> {
    std::env::split_paths(path).map(|dir| dir.join(program)).find(|p| is_executable(p))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}
