//! The README's second path, as a new user takes it: the mock API and `trunk serve` side by
//! side, the app opened with `?api=/` (trunk proxies `/v1/`, `/subscriptions` and
//! `/providers/` to the API). Every change made
//! through the API writes the API's data file in the project root; trunk must not watch it,
//! or the open page is rebuilt and reloaded after every click and its messages vanish.
//! A change to the app's own source, though, is rebuilt, split (Trunk.toml's hook) and
//! reloaded, and the rebuilt app loads its chunks.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use e2e_tests::*;
use fantoccini::Locator;
use test_support::{DataFile, ServerProcess};

fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("..")
}

/// The port Trunk.toml's proxy sends `/v1/` to (where `cargo xtask api` listens).
fn proxied_api_port(root: &std::path::Path) -> u16 {
    let trunk = std::fs::read_to_string(root.join("Trunk.toml")).expect("Trunk.toml");
    trunk
        .lines()
        .find_map(|line| line.trim().strip_prefix("backend = \"http://127.0.0.1:"))
        .and_then(|rest| rest.split('/').next())
        .and_then(|port| port.parse().ok())
        .expect("Trunk.toml proxies /v1/ to a port on 127.0.0.1")
}

/// Waits (up to `wait`) until `url` answers with a page.
async fn wait_serving(url: &str, wait: Duration) {
    let deadline = tokio::time::Instant::now() + wait;
    let uri: hyper_util::client::legacy::connect::HttpConnector = hyper_util::client::legacy::connect::HttpConnector::new();
    let client: hyper_util::client::legacy::Client<_, String> =
        hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new()).build(uri);
    loop {
        if let Ok(response) = client.get(url.parse().expect("a URL")).await {
            if response.status().is_success() {
                return;
            }
        }
        assert!(tokio::time::Instant::now() < deadline, "{url} did not answer within {wait:?}");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_through_the_api_do_not_reload_the_page_but_source_changes_rebuild_a_split_app() {
    let root = project_root();
    let api_port = proxied_api_port(&root);
    // The data file lives where `cargo xtask api` keeps it by default: the project root.
    let data = DataFile::in_dir(&root, "dev-server");
    let binary = PathBuf::from(std::env::var("MOCK_API_BIN").expect("MOCK_API_BIN is not set: run with `cargo xtask test`"));
    let _api = ServerProcess::spawn_with(&binary, &data, &["--port", &api_port.to_string()]);
    let data_path = data.path().to_path_buf();
    let port = free_port();
    let _trunk = KillOnDrop(
        Command::new("trunk")
            // As `cargo xtask serve` runs it: a debug build, rebuilt in seconds on a change.
            .args(["serve", "--port", &port.to_string()])
            .current_dir(&root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start trunk serve (cargo xtask setup installs it)"),
    );
    let app = format!("http://127.0.0.1:{port}/");
    wait_serving(&app, Duration::from_secs(600)).await;

    let setup = setup();
    let driver = driver(&setup).await;
    let client = browser(&setup, &driver).await;
    let scenario = {
        let client = client.clone();
        let data = data_path.clone();
        tokio::spawn(async move {
            client.goto(&format!("{app}?api=/")).await.expect("open the app");
            wait_text(&client, "Showing 1–24 of 24").await;
            wait_text(&client, "Mock API: this server").await;
            client.execute("window.notReloaded = true;", vec![]).await.expect("mark the page");

            let search = client.find(Locator::Css("#customer-search")).await.expect("search box");
            search.send_keys("fabrikam").await.expect("type");
            wait_text(&client, "Showing 1–1 of 1").await;
            click(&client, Locator::LinkText("Fabrikam Inc")).await;
            wait_attr(&client, "#switch-reservations", "aria-checked", "false").await;
            click(&client, Locator::Css("label[for=switch-reservations]")).await;
            click(&client, Locator::XPath("//button[normalize-space()='Turn on']")).await;
            wait_text(&client, "Azure reservations turned On for Fabrikam Inc.").await;
            assert!(data.exists(), "the change was written to {}", data.display());

            // Long enough for trunk to notice a change, rebuild (a debug build: no wasm-opt) and
            // reload, were it watching the data file (seen: a reload within 5 s).
            tokio::time::sleep(Duration::from_secs(12)).await;
            let still = client.execute("return window.notReloaded === true;", vec![]).await.expect("read the mark");
            assert_eq!(still.as_bool(), Some(true), "the page was reloaded after a change through the API");
            wait_text(&client, "Azure reservations turned On for Fabrikam Inc.").await;
            wait_attr(&client, "#switch-reservations", "aria-checked", "true").await;

            // A customer user's portal calls Azure Resource Manager's routes (`/subscriptions`,
            // `/providers/…`): trunk proxies them too.
            let select = client.find(Locator::Css("#identity-select")).await.expect("identity switcher");
            select.select_by_label("Megan Bowen").await.expect("sign in as a customer user");
            let table = client
                .wait()
                .at_most(WAIT)
                .for_element(Locator::Css("[data-testid=my-subscriptions-table]"))
                .await
                .expect("her Azure subscriptions, through the proxy");
            let text = table.text().await.unwrap_or_default();
            assert!(text.contains("Azure subscription 1"), "{text}");
            click(&client, Locator::LinkText("Reservations")).await;
            client
                .wait()
                .at_most(WAIT)
                .for_element(Locator::Css("[data-testid=reservations-table], .empty"))
                .await
                .expect("her company's reservations, through the proxy");
            let page = body_text(&client).await;
            assert!(!page.contains("The server refused the request"), "{page}");

            // A change to a source file: trunk rebuilds, the hook splits, the page reloads,
            // and the rebuilt app is split and loads its chunks.
            client.execute("window.notReloaded = true;", vec![]).await.expect("mark the page");
            let touched = TouchedSource::append(&root.join("src").join("main.rs"), "\n// A change the dev-server test makes (and undoes).\n");
            let deadline = tokio::time::Instant::now() + Duration::from_secs(600);
            loop {
                let marked = client.execute("return window.notReloaded === true;", vec![]).await.ok().and_then(|v| v.as_bool());
                if marked == Some(false) {
                    break;
                }
                assert!(tokio::time::Instant::now() < deadline, "the app was not rebuilt and reloaded after a source change");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            drop(touched);
            let index = client.source().await.expect("the page's source");
            assert!(index.contains("__wasm_split-"), "the rebuilt page does not load the split loader");
            // The same page as before the reload: her company's reservations.
            client
                .wait()
                .at_most(WAIT)
                .for_element(Locator::Css("[data-testid=reservations-table], .empty"))
                .await
                .expect("the rebuilt app shows her company's reservations");
            click(&client, Locator::LinkText("Savings plans")).await;
            client
                .wait()
                .at_most(WAIT)
                .for_element(Locator::Css("[data-testid=savings-plans-table], .empty"))
                .await
                .expect("a page of the rebuilt app's chunks");
        })
    };
    let outcome = scenario.await;
    let _ = client.close().await;
    drop(driver);
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic.into_panic());
    }
}

/// A source file with text appended, restored when dropped (also when the test fails).
struct TouchedSource {
    path: PathBuf,
    original: String,
}

impl TouchedSource {
    fn append(path: &std::path::Path, text: &str) -> Self {
        let original = std::fs::read_to_string(path).expect("read the source file");
        std::fs::write(path, format!("{original}{text}")).expect("change the source file");
        Self { path: path.to_path_buf(), original }
    }
}

impl Drop for TouchedSource {
    fn drop(&mut self) {
        let _ = std::fs::write(&self.path, &self.original);
    }
}
