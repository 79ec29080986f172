//! The end-to-end harness: the release build served as plain static files under a sub-path
//! (404.html for unknown paths, as static hosts do), chromedriver, a WebDriver session, and the
//! mock API server, each started on a free loopback port and stopped when done.
//! `cargo xtask test` builds what they need and sets the environment.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use tower_http::services::{ServeDir, ServeFile};

mod racing_proxy;
pub use racing_proxy::racing_proxy;

pub struct Setup {
    dist: PathBuf,
    public_url: String,
    chromedriver: String,
    chromium: Option<String>,
}

pub fn setup() -> Setup {
    let dist = std::env::var_os("E2E_DIST").map(PathBuf::from).expect(
        "E2E_DIST is not set: run the end-to-end tests with `cargo xtask test`, which builds the release first",
    );
    assert!(dist.join("index.html").is_file() && dist.join("404.html").is_file(), "no release build in {}", dist.display());
    Setup {
        dist,
        public_url: std::env::var("E2E_PUBLIC_URL").unwrap_or_else(|_| "/".into()),
        chromedriver: std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()),
        chromium: std::env::var("CHROMIUM").ok(),
    }
}

/// Serves `dist` under `public_url` like a static host: files as they are, anything else
/// gets 404.html (which boots the app) with status 404.
pub async fn static_host(setup: &Setup) -> SocketAddr {
    let files = ServeDir::new(&setup.dist).not_found_service(ServeFile::new(setup.dist.join("404.html")));
    let mount = setup.public_url.trim_end_matches('/');
    let app = if mount.is_empty() { axum::Router::new().fallback_service(files) } else { axum::Router::new().nest_service(mount, files) };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind a local port");
    let addr = listener.local_addr().expect("local address");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    addr
}

/// A child process that is killed when dropped.
pub struct KillOnDrop(pub Child);

impl KillOnDrop {
    fn stop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A loopback port nothing listens on now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port()
}

/// Waits (up to 10 s) until something accepts connections on `port`.
async fn wait_listening(port: u16, what: &str) {
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what} did not start on port {port}");
}

/// chromedriver on a free local port; killed when dropped.
pub struct Driver {
    _process: KillOnDrop,
    url: String,
}

pub async fn driver(setup: &Setup) -> Driver {
    let port = free_port();
    let child = Command::new(&setup.chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let driver = Driver { _process: KillOnDrop(child), url: format!("http://127.0.0.1:{port}") };
    wait_listening(port, "chromedriver").await;
    driver
}

pub async fn browser(setup: &Setup, driver: &Driver) -> Client {
    browser_in(setup, driver, "en-US").await
}

/// A browser whose own language (`navigator.language`) is `language`, e.g. `de-DE`.
pub async fn browser_in(setup: &Setup, driver: &Driver, language: &str) -> Client {
    let mut options = serde_json::json!({
        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1280,900", format!("--lang={language}")],
        "prefs": { "intl.accept_languages": language }
    });
    if let Some(binary) = &setup.chromium {
        options["binary"] = serde_json::Value::String(binary.clone());
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector).capabilities(caps).connect(&driver.url).await.expect("WebDriver session")
}

/// Runs a scenario and always closes the browser, pass or fail.
pub async fn with_browser<F, Fut>(scenario: F)
where
    F: FnOnce(Client, String) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    with_browser_in("en-US", scenario).await
}

/// [`with_browser`], in a browser whose own language is `language` (e.g. `de-DE`).
pub async fn with_browser_in<F, Fut>(language: &str, scenario: F)
where
    F: FnOnce(Client, String) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let setup = setup();
    let addr = static_host(&setup).await;
    let driver = driver(&setup).await;
    let client = browser_in(&setup, &driver, language).await;
    let base = format!("http://{addr}{}", setup.public_url);
    let outcome = tokio::spawn(scenario(client.clone(), base)).await;
    let _ = client.close().await;
    drop(driver);
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic.into_panic());
    }
}

pub const WAIT: Duration = Duration::from_secs(10);

/// How long a wait may still last: [`WAIT`] from its start.
struct Deadline(tokio::time::Instant);

impl Deadline {
    fn start() -> Self {
        Self::within(WAIT)
    }

    fn within(wait: Duration) -> Self {
        Self(tokio::time::Instant::now() + wait)
    }

    /// Sleeps 50 ms before the next try; past the deadline, fails with `why`.
    async fn next_try(&self, why: impl FnOnce() -> String) {
        if tokio::time::Instant::now() > self.0 {
            panic!("{}", why());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub async fn wait_text(client: &Client, text: &str) {
    wait_text_within(client, text, WAIT).await
}

/// [`wait_text`], for something that takes longer than [`WAIT`].
pub async fn wait_text_within(client: &Client, text: &str, wait: Duration) {
    let deadline = Deadline::within(wait);
    loop {
        let body = body_text(client).await;
        if body.contains(text) {
            return;
        }
        deadline.next_try(|| format!("the page never showed {text:?}; it shows:\n{body}")).await;
    }
}

pub async fn body_text(client: &Client) -> String {
    match client.find(Locator::Css("body")).await {
        Ok(body) => body.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

pub async fn wait_attr(client: &Client, css: &str, attr: &str, value: &str) {
    let deadline = Deadline::start();
    loop {
        let found = match client.find(Locator::Css(css)).await {
            Ok(el) => el.attr(attr).await.ok().flatten(),
            Err(_) => None,
        };
        if found.as_deref() == Some(value) {
            return;
        }
        deadline.next_try(|| format!("{css} never had {attr}={value:?} (last: {found:?})")).await;
    }
}

pub async fn click(client: &Client, locator: Locator<'_>) {
    client.wait().at_most(WAIT).for_element(locator).await.expect("element to click").click().await.expect("click");
}

/// Types `search` in the Customers search box and, once the list shows that one customer
/// only (in any language), opens it.
pub async fn open_customer(client: &Client, search: &str, name: &str) {
    let search_box = client.find(Locator::Css("#customer-search")).await.expect("search box");
    search_box.send_keys(search).await.expect("type");
    let deadline = Deadline::start();
    loop {
        let rows = client.find_all(Locator::Css(".customers-table tbody tr")).await.unwrap_or_default();
        let only = match rows.as_slice() {
            [row] => row.text().await.unwrap_or_default().contains(name),
            _ => false,
        };
        if only {
            break;
        }
        deadline.next_try(|| format!("the list never showed {name} alone for {search:?}")).await;
    }
    click(client, Locator::LinkText(name)).await;
}

/// Opens the Activity log with the gear; the text of its newest record.
pub async fn newest_activity(client: &Client) -> String {
    click(client, Locator::Css("a[aria-label='Settings: Activity log']")).await;
    let first_row = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-testid=activity-table] tbody tr"))
        .await
        .expect("an activity record");
    first_row.text().await.unwrap_or_default()
}

/// The mock API server (the `MOCK_API_BIN` binary) on a free port with a fresh data file;
/// stopped when dropped, and then its data file removed.
pub struct MockApi {
    // Declared first: the server stops before its data file is removed.
    _process: test_support::ServerProcess,
    pub url: String,
    _data: test_support::DataFile,
}

pub async fn mock_api() -> MockApi {
    let binary = std::env::var("MOCK_API_BIN").expect("MOCK_API_BIN is not set: run with `cargo xtask test`");
    let data = test_support::DataFile::new("e2e");
    // It says where it listens within milliseconds of starting.
    let process = test_support::ServerProcess::spawn(std::path::Path::new(&binary), &data);
    MockApi { url: process.url(), _process: process, _data: data }
}

/// A server that accepts connections and never answers, for the client's timeout; its
/// address, e.g. `http://127.0.0.1:40123`. It stops with the test's runtime.
pub async fn silent_server() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind a silent server");
    let address = listener.local_addr().expect("its address");
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((connection, _)) = listener.accept().await {
            held.push(connection);
        }
    });
    format!("http://{address}")
}
