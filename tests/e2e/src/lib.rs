//! The end-to-end harness: the release build served as plain static files under a sub-path
//! (404.html for unknown paths, as static hosts do), chromedriver, a WebDriver session, and the
//! mock API server, each started on a free loopback port and stopped when done.
//! `cargo xtask test` builds what they need and sets the environment.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::response::IntoResponse;

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

impl Setup {
    /// The build under test.
    pub fn dist(&self) -> &std::path::Path {
        &self.dist
    }

    /// The app's address on a [`static_host`] at `addr` (with the public URL's sub-path).
    pub fn base_url(&self, addr: SocketAddr) -> String {
        format!("http://{addr}{}", self.public_url)
    }
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
    static_host_with(setup, FailingFiles::default()).await
}

/// Which files a [`static_host_with`] answers 503 to, as a host that is down or a network
/// that drops requests would: those whose path contains the text set (none by default).
#[derive(Clone, Default)]
pub struct FailingFiles(Arc<Mutex<Option<String>>>);

impl FailingFiles {
    /// From now on, answer 503 to every path containing `part`.
    pub fn fail(&self, part: &str) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(part.to_string());
    }

    /// Serve every file again.
    pub fn heal(&self) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    fn fails(&self, path: &str) -> bool {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).as_deref().is_some_and(|part| path.contains(part))
    }
}

/// [`static_host`], answering 503 to what `failing` names. Files with a brotli-compressed
/// copy beside them (`name.br`, as `cargo xtask bench` writes for its measurements) are
/// served compressed, as production hosts serve them.
pub async fn static_host_with(setup: &Setup, failing: FailingFiles) -> SocketAddr {
    let files = ServeDir::new(&setup.dist)
        .precompressed_br()
        .not_found_service(ServeFile::new(setup.dist.join("404.html")));
    let mount = setup.public_url.trim_end_matches('/');
    let app = if mount.is_empty() { axum::Router::new().fallback_service(files) } else { axum::Router::new().nest_service(mount, files) };
    let app = app.layer(axum::middleware::from_fn(move |request: axum::extract::Request, next: axum::middleware::Next| {
        let failing = failing.clone();
        async move {
            if failing.fails(request.uri().path()) {
                axum::http::StatusCode::SERVICE_UNAVAILABLE.into_response()
            } else {
                next.run(request).await
            }
        }
    }));
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
    with_browser_on(language, FailingFiles::default(), scenario).await
}

/// [`with_browser_in`], on a host that answers 503 to what `failing` names.
pub async fn with_browser_on<F, Fut>(language: &str, failing: FailingFiles, scenario: F)
where
    F: FnOnce(Client, String) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let setup = setup();
    let addr = static_host_with(&setup, failing).await;
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

/// A Chrome DevTools Protocol command, through chromedriver's `goog/cdp/execute`: network
/// emulation, scripts that run before the page's own.
#[derive(Debug)]
struct DevTools {
    cmd: &'static str,
    params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for DevTools {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(serde_json::json!({ "cmd": self.cmd, "params": self.params }).to_string()))
    }
}

pub async fn devtools(client: &Client, cmd: &'static str, params: serde_json::Value) -> serde_json::Value {
    client.issue_cmd(DevTools { cmd, params }).await.unwrap_or_else(|e| panic!("DevTools {cmd}: {e}"))
}

/// Runs `script` in every page before the page's own scripts.
pub async fn before_every_page(client: &Client, script: &str) {
    devtools(client, "Page.addScriptToEvaluateOnNewDocument", serde_json::json!({ "source": script })).await;
}

/// The browser asks to save data (`navigator.connection.saveData`, as Data Saver does): the
/// app then fetches no chunk before it is needed.
pub async fn save_data(client: &Client) {
    before_every_page(client, "Object.defineProperty(navigator, 'connection', { get: () => ({ saveData: true }) });").await;
}

/// Lighthouse's Slow 4G: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up; no cache.
pub async fn slow_4g(client: &Client) {
    devtools(client, "Network.enable", serde_json::json!({})).await;
    devtools(client, "Network.setCacheDisabled", serde_json::json!({ "cacheDisabled": true })).await;
    devtools(
        client,
        "Network.emulateNetworkConditions",
        serde_json::json!({
            "offline": false,
            "latency": 150,
            "downloadThroughput": 1_600_000 / 8,
            "uploadThroughput": 750_000 / 8,
        }),
    )
    .await;
}

/// The paths of the app's files this page has fetched so far (`split_customer-….wasm`, …).
pub async fn fetched_files(client: &Client) -> Vec<String> {
    let found = client
        .execute("return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname);", vec![])
        .await
        .expect("read the page's resource timing");
    found.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

/// Signs in as `name` with the identity switcher (a partner user's label, or a customer
/// user's name) and waits until the top bar says so.
pub async fn sign_in(client: &Client, label: &str, name: &str) {
    let select = client.wait().at_most(WAIT).for_element(Locator::Css("#identity-select")).await.expect("identity switcher");
    select.select_by_label(label).await.expect("choose a user");
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let current = client.find(Locator::Css("[data-testid=current-user]")).await.expect("current user");
        let shown = current.text().await.unwrap_or_default();
        let hidden_name = client
            .execute("return document.querySelector('[data-testid=current-user] .identity-name').textContent", vec![])
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        if shown.contains(name) || hidden_name == name {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "never signed in as {name}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// As the signed-in customer user: Reservations › Purchase, the demo's first product, the
/// first subscription, and Buy; the text of the page afterwards (confirmation or refusal).
pub async fn buy_reservation(client: &Client) -> String {
    click(client, Locator::LinkText("Reservations")).await;
    click(client, Locator::Css("a[href$='/azure/reservations/purchase']")).await;
    client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=price-preview]")).await.expect("price preview");
    let quantity = client.find(Locator::Css("#reservation-quantity")).await.expect("quantity");
    quantity.clear().await.expect("clear the quantity");
    quantity.send_keys("2").await.expect("type a quantity");
    click(client, Locator::Css("#buy-reservation")).await;
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let confirmed = client.find(Locator::Css("[data-testid=purchase-confirmation]")).await.is_ok();
        let refused = client.find(Locator::Css("[data-testid=purchase-refusal]")).await.is_ok();
        if confirmed || refused {
            return body_text(client).await;
        }
        assert!(std::time::Instant::now() < deadline, "the purchase never answered:\n{}", body_text(client).await);
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}
