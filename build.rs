//! Whether a mock API runs for the component tests' backend conformance suite
//! (`tests/components/backend_conformance.rs`): `cargo xtask test` starts one and gives its
//! address in `BACKEND_CONFORMANCE_API`. Without it the suite's mock API half is reported as
//! ignored, with the reason, instead of passing without having run.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(backend_conformance_api)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=BACKEND_CONFORMANCE_API");
    if std::env::var_os("BACKEND_CONFORMANCE_API").is_some() {
        println!("cargo::rustc-cfg=backend_conformance_api");
    }
}
