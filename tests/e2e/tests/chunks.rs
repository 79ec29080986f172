//! The split build (`cargo xtask split`, Trunk.toml's hook) as a visitor meets it: a first
//! visit downloads no chunk before it needs one; every page that lives in a chunk opens from
//! a deep link and survives a reload, under the sub-path; a chunk the host cannot deliver
//! says so in the language shown and loads on Try again; every file is named by its content.

use e2e_tests::*;
use fantoccini::{Client, Locator};

/// Contoso Ltd, one of the hand-made demo customers, and its Azure subscription.
const CONTOSO: &str = "e8d155b9-e946-49bb-b06f-c96c46048034";
const CONTOSO_AZURE: &str = "187b19a3-3445-48ca-8d25-70cc517fd00d";
/// Megan Bowen, Owner of Contoso's Azure subscription (a customer user).
const MEGAN: &str = "customer:meganb@contoso.onmicrosoft.com";

async fn wait_for(client: &Client, css: &str, what: &str) {
    client.wait().at_most(WAIT).for_element(Locator::Css(css)).await.unwrap_or_else(|_| panic!("{what} never showed ({css})"));
}

/// Opens `path` (below the base), then reloads it: both times the page is there.
async fn deep_link(client: &Client, base: &str, path: &str, css: &str) {
    client.goto(&format!("{base}{}", path.trim_start_matches('/'))).await.expect("open the deep link");
    wait_for(client, css, path).await;
    client.refresh().await.expect("reload");
    wait_for(client, css, &format!("{path}, reloaded")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_in_a_chunk_opens_from_a_deep_link_and_after_a_reload() {
    with_browser(|client, base| async move {
        // The partner's side (Alex Wilber, Admin agent, is signed in on a first visit).
        for (path, css) in [
            (format!("customers/{CONTOSO}/account"), "[data-testid=customer-permissions]"),
            (format!("customers/{CONTOSO}/subscriptions"), "[data-testid=subscriptions-table]"),
            (format!("customers/{CONTOSO}/subscriptions/azure/{CONTOSO_AZURE}"), "[data-testid=role-assignments-table]"),
            (format!("customers/{CONTOSO}/orders"), "[data-testid=orders-table]"),
            ("activity-log".to_string(), "[data-testid=activity-table]"),
        ] {
            deep_link(&client, &base, &path, css).await;
        }
        // The customer's side: Megan Bowen's Azure portal.
        client.execute(&format!("localStorage.setItem('customer-permissions/user', '{MEGAN}');"), vec![]).await.expect("sign in");
        for (path, css) in [
            ("azure/subscriptions", "[data-testid=my-subscriptions-table]"),
            ("azure/reservations", "[data-testid=reservations-table], .empty"),
            ("azure/reservations/purchase", "[data-testid=price-preview]"),
            ("azure/savings-plans", "[data-testid=savings-plans-table], .empty"),
            ("azure/savings-plans/purchase", "[data-testid=price-preview]"),
        ] {
            deep_link(&client, &base, path, css).await;
        }
    })
    .await;
}

/// With nothing saved and no preload (the browser asks to save data), the Customers list
/// comes without a single chunk; a customer's page brings its own chunk and the store's
/// operations, and nothing of the customer's portal or the HTTP client.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_visit_downloads_only_what_its_page_needs() {
    with_browser(|client, base| async move {
        save_data(&client).await;
        client.goto(&base).await.expect("open the app");
        wait_text(&client, "Showing 1–24 of 24").await;
        let chunks = |files: Vec<String>| files.into_iter().filter(|f| f.contains("/split_") || f.contains("/chunk_")).collect::<Vec<_>>();
        let first = chunks(fetched_files(&client).await);
        assert!(first.is_empty(), "the Customers list fetched chunks: {first:?}");

        click(&client, Locator::LinkText("Contoso Ltd")).await;
        wait_for(&client, "[data-testid=customer-permissions]", "Contoso's account").await;
        let now = chunks(fetched_files(&client).await);
        for needed in ["/split_customer-", "/split_store-"] {
            assert!(now.iter().any(|f| f.contains(needed)), "{needed} was not fetched: {now:?}");
        }
        for not_needed in ["/split_portal-", "/split_http-", "/split_activity-", "/split_saved_data-"] {
            assert!(!now.iter().any(|f| f.contains(not_needed)), "{not_needed} was fetched for a customer's page: {now:?}");
        }
    })
    .await;
}

/// Without Save-Data, the chunks of the signed-in user's side arrive once the browser idles,
/// so that a click does not wait for them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_chunks_of_the_users_side_are_fetched_while_the_browser_idles() {
    with_browser(|client, base| async move {
        client.goto(&base).await.expect("open the app");
        wait_text(&client, "Showing 1–24 of 24").await;
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let files = fetched_files(&client).await;
            let has = |part: &str| files.iter().any(|f| f.contains(part));
            if has("/split_customer-") && has("/split_activity-") && has("/split_store-") {
                assert!(!has("/split_portal-"), "the partner's side preloaded the customer's portal: {files:?}");
                break;
            }
            assert!(tokio::time::Instant::now() < deadline, "the partner's chunks were not preloaded: {files:?}");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    })
    .await;
}

/// A chunk the host answers with 503 (a network that drops requests, a deploy that replaced
/// it) is not a blank page: the page says so, in the language shown, and Try again loads it
/// once it can be had.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chunk_that_cannot_be_loaded_says_so_and_loads_on_try_again() {
    let failing = FailingFiles::default();
    let host = failing.clone();
    with_browser_on("en-US", host, |client, base| async move {
        failing.fail("/split_customer-");
        client.goto(&base).await.expect("open the app");
        wait_text(&client, "Showing 1–24 of 24").await;
        click(&client, Locator::LinkText("Contoso Ltd")).await;
        wait_text(&client, "This page could not be loaded").await;
        wait_text(&client, "Check your connection and try again").await;
        // The shell is all there: the user can go elsewhere.
        wait_text(&client, "Activity log").await;

        failing.heal();
        click(&client, Locator::XPath("//button[normalize-space()='Try again']")).await;
        wait_for(&client, "[data-testid=customer-permissions]", "Contoso's account after Try again").await;

        // In German, and for the HTTP backend's chunk, which the app needs before it starts.
        failing.fail("/split_http-");
        client.execute("localStorage.setItem('customer-permissions/lang', 'de');", vec![]).await.expect("choose German");
        client.goto(&format!("{base}?api=http://127.0.0.1:9")).await.expect("open on an API");
        wait_text(&client, "Diese Seite konnte nicht geladen werden").await;
        wait_text(&client, "Erneut versuchen").await;
        failing.heal();
        click(&client, Locator::XPath("//button[normalize-space()='Erneut versuchen']")).await;
        // The app starts on the API (which does not answer here): its shell says so.
        wait_text(&client, "Mock-API").await;
    })
    .await;
}

/// Every JavaScript and Wasm file of the build is named by its content (a static host can
/// cache them for ever), and none names the splitter's placeholder.
#[test]
fn every_file_is_named_by_its_content() {
    let setup = setup();
    let mut code = 0;
    for entry in std::fs::read_dir(setup.dist()).expect("the build") {
        let path = entry.expect("a file").path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if !(name.ends_with(".js") || name.ends_with(".wasm")) {
            continue;
        }
        code += 1;
        let stem = name.rsplit_once('.').map(|(stem, _)| stem).unwrap_or(&name);
        let hash = stem.rsplit_once('-').map(|(_, hash)| hash).unwrap_or("");
        assert!(hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()), "{name} is not named by its content");
        let bytes = std::fs::read(&path).expect("read");
        assert!(!bytes.windows(26).any(|w| w == b"__wasm_split_placeholder__"), "{name} names the placeholder");
    }
    assert!(code > 4, "the build has {code} JavaScript and Wasm files: was it split?");
}
