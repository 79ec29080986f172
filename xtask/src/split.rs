//! `cargo xtask split`: trunk's `post_build` hook (Trunk.toml), so that every build trunk
//! makes (`cargo xtask serve` with its rebuilds, `cargo xtask dist`, the tests' release
//! build) is split into lazily loaded modules. trunk 0.21 has no split step of its own
//! (trunk-rs/trunk#1022).
//!
//! trunk has built the app (with the `split` feature, linked with `--emit-relocs`) and run
//! its own wasm-bindgen on it; that output still imports the splitter's placeholder and
//! cannot load. This step takes cargo's Wasm instead and:
//! 1. splits it at the `#[wasm_split]` points (`wasm_split_cli_support`): a main module,
//!    one module per split point, shared chunks, and the loader `__wasm_split.js`;
//! 2. runs wasm-bindgen on the main module with the flags the splitter needs
//!    (`--keep-lld-exports --no-demangle`);
//! 3. in release builds, runs wasm-opt on every module;
//! 4. names every file after its content (`name-<hash>.ext`, as trunk does), so a static
//!    host can cache them for ever, and puts them in place of trunk's two files, in
//!    `index.html` too, with a `modulepreload` for the loader;
//! 5. fails if anything still names the placeholder: such a build loads into a blank page.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::setup::{build_env, WASM_BINDGEN_VERSION};
use crate::tools::{output, run, Cmd};
use crate::{target_dir, Result};

/// The app's binary, as cargo and trunk name its files.
const APP: &str = "customer-permissions";
/// What the splitter's markers import until the split rewrites them.
const PLACEHOLDER: &str = "__wasm_split_placeholder__";
/// The loader the splitter writes, and the name the main module imports it by.
const LOADER: &str = "__wasm_split.js";
/// The cargo profile of the app's release builds, built for size: Cargo.toml's
/// `[profile.wasm-release]`, named by index.html's `data-cargo-profile-release` (the native
/// binaries' `release` is built for speed). Cargo writes the Wasm into its folder.
const WASM_RELEASE_PROFILE: &str = "wasm-release";
/// wasm-opt on every module of a release build (trunk's own wasm-opt is off in index.html).
const WASM_OPT_FLAGS: &[&str] = &[
    "-Oz",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// The hook's entry point: reads what trunk tells a hook in its environment.
pub fn post_build() -> Result<()> {
    let var = |name: &str| std::env::var(name).map_err(|_| format!("{name} is not set: `cargo xtask split` is trunk's post_build hook (Trunk.toml)"));
    let staging = PathBuf::from(var("TRUNK_STAGING_DIR")?);
    let release = var("TRUNK_PROFILE")? == "release";
    let started = Instant::now();
    let files = split_into(&staging, release)?;
    println!(
        "==> split the app into {} Wasm modules ({}) in {:.1}s",
        files.wasm_modules,
        if release { "release, wasm-opt on each" } else { "debug" },
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

struct SplitFiles {
    wasm_modules: usize,
}

fn split_into(staging: &Path, release: bool) -> Result<SplitFiles> {
    let cargo_profile = if release { WASM_RELEASE_PROFILE } else { "debug" };
    let input = target_dir().join("wasm32-unknown-unknown").join(cargo_profile).join(format!("{APP}.wasm"));
    let work = target_dir().join("wasm-split").join(if release { "release" } else { "debug" });
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let env = build_env()?;

    // 1. Split.
    let wasm = std::fs::read(&input).map_err(|e| format!("{}: {e}", input.display()))?;
    let main_wasm = work.join("main.wasm");
    let main_js = format!("./{APP}.js");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&wasm);
        options.output_dir = &work;
        options.main_out_path = &main_wasm;
        options.link_name = "./__wasm_split.js";
        options.main_module = &main_js;
        options
    })
    .map_err(|e| format!("splitting {}: {e:#}", input.display()))?;
    if split.split_modules.is_empty() {
        return Err(format!("{} has no split points: was it built without the app's `split` feature?", input.display()));
    }

    // 2. wasm-bindgen on the main module.
    let version = output(Cmd::new("wasm-bindgen").arg("--version").env("PATH", &env.path)).unwrap_or_default();
    if !version.contains(WASM_BINDGEN_VERSION) {
        return Err(format!("wasm-bindgen {WASM_BINDGEN_VERSION} is needed (found: {:?}); `cargo xtask setup` installs it", version.trim()));
    }
    run(Cmd::new("wasm-bindgen")
        .args(["--target", "web", "--keep-lld-exports", "--no-demangle", "--weak-refs", "--no-typescript", "--out-name", APP, "--out-dir"])
        .arg(&work)
        .arg(&main_wasm)
        .env("PATH", &env.path))?;
    let bg_wasm = work.join(format!("{APP}_bg.wasm"));

    // 3. wasm-opt on every module, two at a time (as many cores as this machine kind has).
    let mut modules = vec![bg_wasm.clone()];
    modules.extend(split.split_modules.iter().cloned());
    if release {
        for pair in modules.chunks(2) {
            let handles: Vec<_> = pair
                .iter()
                .map(|module| {
                    let cmd = Cmd::new("wasm-opt").args(WASM_OPT_FLAGS).arg(module).arg("-o").arg(module).env("PATH", &env.path);
                    std::thread::spawn(move || run(cmd))
                })
                .collect();
            for handle in handles {
                handle.join().map_err(|_| "wasm-opt thread failed".to_string())??;
            }
        }
    }

    // 4. Content-hashed names, in place of trunk's files.
    let mut renames = BTreeMap::new();
    for module in &split.split_modules {
        let name = file_name(module)?;
        let hashed = hashed_name(&name, &[&read(module)?]);
        renames.insert(name, hashed);
    }
    let bg_name = hashed_name(&format!("{APP}_bg.wasm"), &[&read(&bg_wasm)?]);
    let mut loader_js = std::fs::read_to_string(work.join(LOADER)).map_err(|e| format!("{LOADER}: {e}"))?;
    for (name, hashed) in &renames {
        loader_js = replace_once(&loader_js, &format!("\"./{name}\""), &format!("\"./{hashed}\""))?;
    }
    let mut app_js = std::fs::read_to_string(work.join(format!("{APP}.js"))).map_err(|e| format!("{APP}.js: {e}"))?;
    app_js = app_js.replace(&format!("{APP}_bg.wasm"), &bg_name);
    // The app's glue and the loader import each other: one hash of both names the pair.
    let pair_hash = content_hash(&[app_js.as_bytes(), loader_js.as_bytes()]);
    let app_js_name = format!("{APP}-{pair_hash}.js");
    let loader_name = format!("__wasm_split-{pair_hash}.js");
    // Only the `import … from "…"` lines: the Wasm's import object keeps the module's name.
    let app_js = replace_all_required(&app_js, &format!("from \"./{LOADER}\""), &format!("from \"./{loader_name}\""))?;
    let loader_js = replace_all_required(&loader_js, &format!("from \"{main_js}\""), &format!("from \"./{app_js_name}\""))?;

    let trunk_files = trunk_outputs(staging)?;
    for old in [&trunk_files.js, &trunk_files.wasm] {
        std::fs::remove_file(staging.join(old)).map_err(|e| format!("removing trunk's {old}: {e}"))?;
    }
    write(&staging.join(&app_js_name), app_js.as_bytes())?;
    write(&staging.join(&loader_name), loader_js.as_bytes())?;
    copy(&bg_wasm, &staging.join(&bg_name))?;
    for module in &split.split_modules {
        let name = file_name(module)?;
        copy(module, &staging.join(&renames[&name]))?;
    }
    let index = staging.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let html = replace_all_required(&html, &trunk_files.js, &app_js_name)?;
    let html = replace_all_required(&html, &trunk_files.wasm, &bg_name)?;
    // The loader is imported by the glue; fetch it beside the glue instead of after it.
    let preload = format!("<link rel=\"modulepreload\" href=\"{}{loader_name}\" crossorigin=\"anonymous\">", public_url());
    let html = replace_once(&html, "</head>", &format!("{preload}\n</head>"))?;
    write(&index, html.as_bytes())?;

    // What each split point downloads on first use, for `cargo xtask bench`.
    let manifest: BTreeMap<&String, Vec<&String>> = split
        .prefetch_map
        .iter()
        .map(|(point, stems)| (point, stems.iter().filter_map(|stem| renames.get(&format!("{stem}.wasm"))).collect()))
        .collect();
    let manifest = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
    write(&manifest_path(release), manifest.as_bytes())?;

    // 5. Nothing may still import the placeholder.
    check_no_placeholder(staging)?;
    Ok(SplitFiles { wasm_modules: modules.len() })
}

/// Where the last split of a profile wrote which files each split point needs
/// (`{"customer": ["chunk_5-….wasm", "split_customer-….wasm"], …}`).
pub fn manifest_path(release: bool) -> PathBuf {
    target_dir().join("wasm-split").join(if release { "release" } else { "debug" }).join("chunks.json")
}

/// The public URL trunk builds for (what `index.html` prefixes its files with).
fn public_url() -> String {
    std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into())
}

/// trunk's own glue and Wasm in the staging folder (`customer-permissions-<hash>.js` and
/// `…_bg.wasm`).
struct TrunkOutputs {
    js: String,
    wasm: String,
}

fn trunk_outputs(staging: &Path) -> Result<TrunkOutputs> {
    let mut js = None;
    let mut wasm = None;
    for entry in std::fs::read_dir(staging).map_err(|e| format!("{}: {e}", staging.display()))? {
        let name = entry.map_err(|e| e.to_string())?.file_name().to_string_lossy().into_owned();
        if !name.starts_with(&format!("{APP}-")) {
            continue;
        }
        if name.ends_with("_bg.wasm") {
            wasm = Some(name);
        } else if name.ends_with(".js") {
            js = Some(name);
        }
    }
    match (js, wasm) {
        (Some(js), Some(wasm)) => Ok(TrunkOutputs { js, wasm }),
        _ => Err(format!("trunk's {APP}-*.js and {APP}-*_bg.wasm are not in {}", staging.display())),
    }
}

/// Fails if any JavaScript or Wasm file in `dir` names the splitter's placeholder module.
pub fn check_no_placeholder(dir: &Path) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let is_code = path.extension().is_some_and(|e| e == "js" || e == "wasm");
        if is_code && contains(&read(&path)?, PLACEHOLDER.as_bytes()) {
            return Err(format!(
                "{} still imports `{PLACEHOLDER}`: the split step did not run on it, and it would load into a blank page",
                path.display()
            ));
        }
    }
    Ok(())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// `name.ext` → `name-<hash of contents>.ext`.
fn hashed_name(name: &str, contents: &[&[u8]]) -> String {
    let hash = content_hash(contents);
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{hash}.{ext}"),
        None => format!("{name}-{hash}"),
    }
}

/// 16 hex digits of a hash of the contents: a new build with other contents gets new names.
fn content_hash(contents: &[&[u8]]) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for part in contents {
        part.hash(&mut hasher);
    }
    format!("{:016x}", hasher.finish())
}

fn replace_once(text: &str, from: &str, to: &str) -> Result<String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!("expected `{from}` once in the split output, found it {n} times")),
    }
}

fn replace_all_required(text: &str, from: &str, to: &str) -> Result<String> {
    if text.contains(from) {
        Ok(text.replace(from, to))
    } else {
        Err(format!("expected `{from}` in the split output"))
    }
}

fn file_name(path: &Path) -> Result<String> {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).ok_or_else(|| format!("{} has no file name", path.display()))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    std::fs::copy(from, to).map(|_| ()).map_err(|e| format!("{} → {}: {e}", from.display(), to.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_carries_the_hash_of_its_contents() {
        let a = hashed_name("split_portal.wasm", &[b"one"]);
        let b = hashed_name("split_portal.wasm", &[b"two"]);
        assert!(a.starts_with("split_portal-") && a.ends_with(".wasm"), "{a}");
        assert_ne!(a, b);
        assert_eq!(a, hashed_name("split_portal.wasm", &[b"one"]));
    }

    /// trunk builds the release with the profile the splitter reads it from, and that
    /// profile is the one Cargo.toml builds for size.
    #[test]
    fn the_release_wasm_is_built_with_the_profile_the_splitter_reads() {
        let read = |name: &str| std::fs::read_to_string(crate::root().join(name)).expect(name);
        let attribute = format!("data-cargo-profile-release=\"{WASM_RELEASE_PROFILE}\"");
        assert!(read("index.html").contains(&attribute), "index.html has {attribute}");
        let manifest = read("Cargo.toml");
        let profile = manifest
            .split(&format!("[profile.{WASM_RELEASE_PROFILE}]"))
            .nth(1)
            .and_then(|rest| rest.split("\n[").next())
            .expect("Cargo.toml has the profile");
        assert!(profile.contains("opt-level = \"z\""), "built for size: {profile}");
    }

    /// A build that skipped the split imports the placeholder and would load into a blank
    /// page: the check refuses it.
    #[test]
    fn a_file_that_names_the_placeholder_fails_the_build() {
        let dir = std::env::temp_dir().join(format!("xtask-placeholder-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(dir.join("app.js"), "import * as a from './__wasm_split-1.js';").expect("write");
        assert!(check_no_placeholder(&dir).is_ok());
        std::fs::write(dir.join("app_bg.wasm"), b"\0asm....__wasm_split_placeholder__....").expect("write");
        let error = check_no_placeholder(&dir).expect_err("the placeholder is found");
        assert!(error.contains("app_bg.wasm") && error.contains("blank page"), "{error}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
