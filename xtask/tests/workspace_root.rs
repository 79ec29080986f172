//! xtask works on the workspace of the folder it runs in, not on the one it was compiled in:
//! `.ci/run` shares one target folder between clones, so the xtask built by one clone runs
//! in the next (once, `cargo xtask dist` in a second checkout wrote into the first one's
//! `dist/`).

use std::process::Command;

#[test]
fn xtask_works_on_the_workspace_of_the_current_folder() {
    let other = std::env::temp_dir().join(format!("xtask-other-clone-{}", std::process::id()));
    let inside = other.join("src").join("pages");
    std::fs::create_dir_all(&inside).expect("temp workspace");
    std::fs::write(other.join("Cargo.toml"), "[workspace]\nmembers = []\n").expect("Cargo.toml");

    let out = Command::new(env!("CARGO_BIN_EXE_xtask")).arg("root").current_dir(&inside).output().expect("xtask runs");
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let expected = other.canonicalize().expect("canonical");
    let printed = std::path::Path::new(printed.trim()).canonicalize().expect("a path");
    assert_eq!(printed, expected);

    // Outside any workspace it says so instead of working on another one.
    let outside = std::env::temp_dir().join(format!("xtask-no-workspace-{}", std::process::id()));
    std::fs::create_dir_all(&outside).expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_xtask")).arg("root").current_dir(&outside).output().expect("xtask runs");
    let _ = std::fs::remove_dir_all(&other);
    let _ = std::fs::remove_dir_all(&outside);
    if std::env::temp_dir().ancestors().any(|d| d.join("Cargo.toml").is_file()) {
        return; // the temp folder itself lies inside some workspace
    }
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not inside"), "{}", String::from_utf8_lossy(&out.stderr));
}
