//! Load figures for `cargo xtask bench` (ignored in `cargo xtask test`): a first visit to the
//! Customers list, and a click on a page whose chunk is not loaded yet, on loopback and with
//! Lighthouse's Slow 4G network emulation (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up,
//! no cache), with and without the idle preload. The build is served brotli-compressed
//! (`cargo xtask bench` writes the `.br` files), as a production host would serve it.

use e2e_tests::*;
use fantoccini::{Client, Locator};

/// Runs before the page's own scripts: notes when the Customers list is first painted (the
/// frame after its first row is in the document), when a click happens, and, once asked,
/// when an element matching `window.__waitFor` is first painted.
const TIMING: &str = r#"
(() => {
  const painted = (css, key) => {
    const tick = () => {
      if (document.querySelector(css)) { requestAnimationFrame(() => { window[key] = performance.now(); }); return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  painted('.customers-table tbody tr', '__listPaintedAt');
  window.__watch = (css) => { window.__shownAt = undefined; painted(css, '__shownAt'); };
  document.addEventListener('click', () => { window.__clickedAt = performance.now(); }, true);
})();
"#;

#[derive(Clone, Copy, PartialEq)]
enum Network {
    Loopback,
    Slow4g,
}

impl Network {
    fn name(self) -> &'static str {
        match self {
            Self::Loopback => "loopback",
            Self::Slow4g => "Slow 4G",
        }
    }
}

async fn prepare(client: &Client, network: Network, preload: bool) {
    before_every_page(client, TIMING).await;
    if !preload {
        save_data(client).await;
    }
    if network == Network::Slow4g {
        slow_4g(client).await;
    }
}

async fn number(client: &Client, script: &str) -> Option<f64> {
    client.execute(script, vec![]).await.ok().and_then(|v| v.as_f64())
}

async fn wait_number(client: &Client, script: &str, what: &str) -> f64 {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        if let Some(value) = number(client, script).await {
            return value;
        }
        assert!(tokio::time::Instant::now() < deadline, "{what} never happened");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// A first visit: milliseconds from navigation to the painted list, and the files fetched
/// before it (path, bytes over the wire).
async fn first_visit(client: &Client, base: &str) -> (f64, Vec<(String, f64)>) {
    client.goto(&format!("{base}customers")).await.expect("open the Customers list");
    let painted = wait_number(client, "return window.__listPaintedAt ?? null;", "the painted list").await;
    let files = client
        .execute(
            "return performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
               .filter(e => e.startTime <= arguments[0])
               .map(e => [new URL(e.name).pathname, e.transferSize]);",
            vec![serde_json::json!(painted)],
        )
        .await
        .expect("resource timing");
    let files = files
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|pair| Some((pair.get(0)?.as_str()?.to_string(), pair.get(1)?.as_f64()?)))
                .collect()
        })
        .unwrap_or_default();
    (painted, files)
}

/// After the list: milliseconds from a click on a customer to its Account page painted.
async fn click_to_page(client: &Client, preload: bool) -> f64 {
    let split = fetched_files(client).await.iter().any(|f| f.contains("/__wasm_split-"));
    if preload && split {
        // Until the idle preload has fetched the customer's pages and the store.
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let files = fetched_files(client).await;
            let has = |part: &str| files.iter().any(|f| f.contains(part));
            if has("/split_customer-") && has("/split_store-") && has("/split_activity-") {
                break;
            }
            assert!(tokio::time::Instant::now() < deadline, "the preload did not finish: {files:?}");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        // Their instantiation too.
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    client.execute("window.__watch('[data-testid=customer-permissions]');", vec![]).await.expect("watch");
    click(client, Locator::LinkText("Contoso Ltd")).await;
    let shown = wait_number(client, "return window.__shownAt ?? null;", "the customer's page").await;
    let clicked = wait_number(client, "return window.__clickedAt ?? null;", "the click").await;
    shown - clicked
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run by `cargo xtask bench`"]
async fn bench_first_visit_and_click_to_a_chunked_page() {
    let setup = setup();
    let addr = static_host(&setup).await;
    let base = setup.base_url(addr);
    let driver = driver(&setup).await;
    println!("build: {}", setup.dist().display());
    for network in [Network::Loopback, Network::Slow4g] {
        let mut paints = Vec::new();
        let mut first_files = Vec::new();
        for _ in 0..5 {
            // A new session each time: cold cache, nothing in localStorage (a first visit).
            let client = browser(&setup, &driver).await;
            prepare(&client, network, false).await;
            let (painted, files) = first_visit(&client, &base).await;
            paints.push(painted);
            first_files = files;
            let _ = client.close().await;
        }
        println!("first visit to /customers, {}: list painted after {:.0} ms (median of 5; {:.0}–{:.0})",
            network.name(), median(paints.clone()), paints.iter().cloned().fold(f64::MAX, f64::min), paints.iter().cloned().fold(0.0, f64::max));
        let total: f64 = first_files.iter().map(|(_, bytes)| bytes).sum();
        println!("  fetched before the list was painted: {} files, {:.1} KB over the wire", first_files.len(), total / 1024.0);
        for (path, bytes) in &first_files {
            println!("    {bytes:>9.0}  {path}");
        }
        for preload in [false, true] {
            let mut clicks = Vec::new();
            for _ in 0..3 {
                let client = browser(&setup, &driver).await;
                prepare(&client, network, preload).await;
                first_visit(&client, &base).await;
                clicks.push(click_to_page(&client, preload).await);
                let _ = client.close().await;
            }
            println!("click on a customer to its Account page, {}, {}: {:.0} ms (median of 3; {:.0}–{:.0})",
                network.name(),
                if preload { "after the idle preload" } else { "no preload (Save-Data)" },
                median(clicks.clone()), clicks.iter().cloned().fold(f64::MAX, f64::min), clicks.iter().cloned().fold(0.0, f64::max));
        }
    }
}
