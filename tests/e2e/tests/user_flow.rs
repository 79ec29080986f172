//! End to end: a real Chromium, driven over WebDriver, against the release build served as
//! plain static files under a sub-path (404.html for unknown paths, as static hosts do).
//! Run by `cargo xtask test`, which builds the release and sets the environment.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use tower_http::services::{ServeDir, ServeFile};

struct Setup {
    dist: PathBuf,
    public_url: String,
    chromedriver: String,
    chromium: Option<String>,
}

fn setup() -> Setup {
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
async fn static_host(setup: &Setup) -> SocketAddr {
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

/// chromedriver on a free local port; killed when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn driver(setup: &Setup) -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
    let child = Command::new(&setup.chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let driver = Driver { child, url: format!("http://127.0.0.1:{port}") };
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return driver;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not start on port {port}");
}

async fn browser(setup: &Setup, driver: &Driver) -> Client {
    let mut options = serde_json::json!({
        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1280,900"]
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
async fn with_browser<F, Fut>(scenario: F)
where
    F: FnOnce(Client, String) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let setup = setup();
    let addr = static_host(&setup).await;
    let driver = driver(&setup).await;
    let client = browser(&setup, &driver).await;
    let base = format!("http://{addr}{}", setup.public_url);
    let outcome = tokio::spawn(scenario(client.clone(), base)).await;
    let _ = client.close().await;
    drop(driver);
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic.into_panic());
    }
}

const WAIT: Duration = Duration::from_secs(10);

async fn wait_text(client: &Client, text: &str) {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let body = body_text(client).await;
        if body.contains(text) {
            return;
        }
        if tokio::time::Instant::now() > deadline {
            panic!("the page never showed {text:?}; it shows:\n{body}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn body_text(client: &Client) -> String {
    match client.find(Locator::Css("body")).await {
        Ok(body) => body.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

async fn wait_attr(client: &Client, css: &str, attr: &str, value: &str) {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        if let Ok(el) = client.find(Locator::Css(css)).await {
            if el.attr(attr).await.ok().flatten().as_deref() == Some(value) {
                return;
            }
        }
        if tokio::time::Instant::now() > deadline {
            panic!("{css} never had {attr}={value:?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn click(client: &Client, locator: Locator<'_>) {
    client.wait().at_most(WAIT).for_element(locator).await.expect("element to click").click().await.expect("click");
}

/// The main user flow, on whichever backend `start_url` selects: search a customer, open it,
/// turn Azure reservations On through the confirmation, reload, still On, and the Activity
/// log shows the Create record by the user who did it.
async fn main_flow(client: &Client, start_url: &str) {
    client.goto(start_url).await.expect("open the app");
    wait_text(client, "Showing 1–25 of 25").await;

    // Sign in as the second Admin agent.
    let select = client.find(Locator::Css("#identity-select")).await.expect("identity switcher");
    select.select_by_label("Diego Siciliani (Admin agent)").await.expect("choose a user");
    wait_text(client, "Diego Siciliani").await;

    // Search, open the customer.
    let search = client.find(Locator::Css("#customer-search")).await.expect("search box");
    search.send_keys("fabrikam").await.expect("type");
    wait_text(client, "Showing 1–1 of 1").await;
    click(client, Locator::LinkText("Fabrikam Inc")).await;
    wait_attr(client, "#switch-reservations", "aria-checked", "false").await;
    assert!(client.current_url().await.unwrap().path().ends_with("/account"));

    // Turn Azure reservations On, through the confirmation.
    click(client, Locator::Css("label[for=switch-reservations]")).await;
    wait_text(client, "You pay for every later purchase this customer makes.").await;
    click(client, Locator::XPath("//button[normalize-space()='Turn on']")).await;
    wait_attr(client, "#switch-reservations", "aria-checked", "true").await;
    wait_text(client, "Azure reservations turned On for Fabrikam Inc.").await;

    // Reload the deep link: still On.
    client.refresh().await.expect("reload");
    wait_text(client, "Customer permissions").await;
    wait_attr(client, "#switch-reservations", "aria-checked", "true").await;
    wait_text(client, "Diego Siciliani").await;

    // The gear opens the Activity log: the newest record is ours.
    click(client, Locator::Css("a[aria-label='Settings: Activity log']")).await;
    let first_row = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-testid=activity-table] tbody tr"))
        .await
        .expect("an activity record");
    let text = first_row.text().await.unwrap_or_default();
    assert!(text.contains("Fabrikam Inc"), "{text}");
    assert!(text.contains("Create Customer Purchase Permissions"), "{text}");
    assert!(text.contains("Diego Siciliani"), "{text}");

    // A Sales agent sees the switch read-only, with the reason.
    let select = client.find(Locator::Css("#identity-select")).await.expect("identity switcher");
    select.select_by_label("Isaiah Langer (Sales agent)").await.expect("choose a user");
    click(client, Locator::LinkText("Fabrikam Inc")).await;
    wait_text(client, "Only an Admin agent can change customer permissions").await;
    let switch = client.wait().at_most(WAIT).for_element(Locator::Css("#switch-reservations")).await.expect("switch");
    assert!(switch.attr("disabled").await.ok().flatten().is_some(), "read-only for a Sales agent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_agent_turns_reservations_on_and_it_survives_a_reload() {
    with_browser(|client, base| async move {
        main_flow(&client, &base).await;
        let badge = client.find(Locator::Css("[data-testid=backend]")).await.expect("backend badge");
        assert_eq!(badge.text().await.unwrap_or_default(), "Embedded store");
    })
    .await;
}

/// The mock API server on a free port with a fresh data file; killed when dropped.
struct MockApi {
    child: Child,
    url: String,
    data: PathBuf,
}

impl Drop for MockApi {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.data.display()));
        }
    }
}

async fn mock_api() -> MockApi {
    let binary = std::env::var("MOCK_API_BIN").expect("MOCK_API_BIN is not set: run with `cargo xtask test`");
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
    let data = std::env::temp_dir().join(format!("e2e-mock-api-{}-{port}.sqlite3", std::process::id()));
    let child = Command::new(binary)
        .args(["--port", &port.to_string(), "--data"])
        .arg(&data)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the mock API");
    let api = MockApi { child, url: format!("http://127.0.0.1:{port}"), data };
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return api;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the mock API did not start on port {port}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_flow_works_against_the_mock_partner_center_api() {
    let api = mock_api().await;
    let api_url = api.url.clone();
    with_browser(|client, base| async move {
        main_flow(&client, &format!("{base}?api={api_url}")).await;
        let badge = client.find(Locator::Css("[data-testid=backend]")).await.expect("backend badge");
        assert_eq!(badge.text().await.unwrap_or_default(), format!("Mock API: {api_url}"));

        // The server itself holds the change, as a partner's own tooling would read it.
        client.goto(&format!("{api_url}/v1/demo/users")).await.expect("open the API");
        let body = body_text(&client).await;
        assert!(body.contains("demo-diego.siciliani"), "{body}");
    })
    .await;
    drop(api);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deep_links_opened_directly_work() {
    with_browser(|client, base| async move {
        client.goto(&format!("{base}activity-log")).await.expect("open the activity log directly");
        wait_text(&client, "Changes to customer purchase permissions").await;
        wait_text(&client, "Create Customer Purchase Permissions").await;

        // Find a customer's id from the list, then open its Subscriptions page by URL.
        client.goto(&format!("{base}customers")).await.expect("open customers");
        wait_text(&client, "Contoso Ltd").await;
        let row = client.find(Locator::XPath("//tr[.//a[normalize-space()='Contoso Ltd']]")).await.expect("Contoso row");
        let id = row.find(Locator::Css("td.mono")).await.expect("id cell").text().await.expect("id");
        client.goto(&format!("{base}customers/{id}/subscriptions")).await.expect("open a deep link");
        wait_text(&client, "Azure plan").await;
        wait_text(&client, "Usage-based").await;
        let crumb = client.find(Locator::Css(".breadcrumb-current")).await.expect("breadcrumb").text().await.unwrap();
        assert_eq!(crumb, "Contoso Ltd");

        client.goto(&format!("{base}no/such/page")).await.expect("open an unknown page");
        wait_text(&client, "Page not found").await;
    })
    .await;
}
