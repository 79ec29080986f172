//! The app in a real (headless) browser: what an Admin agent, a Sales agent and a user
//! with broken saved data see and can do, in English and in German. Run by
//! `cargo xtask test` (wasm-bindgen-test in headless Chromium).

#![cfg(target_arch = "wasm32")]

use customer_permissions::backend::{STORAGE_KEY_V1, STORAGE_PREFIX};
use customer_permissions::Root;
use domain::{DemoSpec, PartnerStore, PartnerUserId};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const ADMIN: &str = "alex.wilber@adatumcloud.onmicrosoft.com";
const SALES: &str = "isaiah.langer@adatumcloud.onmicrosoft.com";
const HELPDESK: &str = "lidia.holloway@adatumcloud.onmicrosoft.com";
const USER_KEY: &str = "customer-permissions/user";
const LANG_KEY: &str = "customer-permissions/lang";
/// The Customers list's count with the hand-made demo data.
const ALL_HAND_MADE: &str = "Showing 1–24 of 24";

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The Microsoft ID of a hand-made demo customer (the same in every build).
fn customer_id(name: &str) -> String {
    let store = PartnerStore::demo(DemoSpec::new(0, time::OffsetDateTime::UNIX_EPOCH));
    let page = store.customers_page(&PartnerUserId::new(ADMIN), name, 0, 5).unwrap();
    page.items.into_iter().find(|c| c.company_name == name).unwrap().id.to_string()
}

/// A fresh browser profile, signed in as `user`, with the app mounted at `path`.
struct Mounted {
    handle: Option<Box<dyn std::any::Any>>,
    owner: leptos::prelude::Owner,
    root: HtmlElement,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        // Unmount, then run every cleanup (the router's global listeners among them), so
        // the next test's app is the only one on the page.
        self.handle.take();
        self.owner.cleanup();
        self.root.remove();
    }
}

thread_local! {
    /// The app the previous test mounted. A failed test (a panic in Wasm skips `Drop`) leaves
    /// its app behind; the next test cleans it up first.
    static PREVIOUS: std::cell::RefCell<Option<(leptos::prelude::Owner, HtmlElement)>> = const { std::cell::RefCell::new(None) };
}

/// How a test opens the app: at `path`, signed in as `user`, with these items in
/// localStorage (English unless they say otherwise).
struct Visit<'a> {
    path: &'a str,
    user: Option<&'a str>,
    saved: Vec<(&'a str, String)>,
    /// Keep what the previous visit left in localStorage (a reload).
    keep_storage: bool,
}

impl<'a> Visit<'a> {
    fn to(path: &'a str) -> Self {
        Self { path, user: Some(ADMIN), saved: Vec::new(), keep_storage: false }
    }
}

/// Opens the app at `path` as `user`, with `saved_v1` kept by the first release.
async fn start(path: &str, user: Option<&str>, saved_v1: Option<&str>) -> Mounted {
    let saved = saved_v1.map(|text| vec![(STORAGE_KEY_V1, text.to_string())]).unwrap_or_default();
    open(Visit { user, saved, ..Visit::to(path) }).await
}

async fn open(visit: Visit<'_>) -> Mounted {
    if let Some((owner, root)) = PREVIOUS.with(|p| p.borrow_mut().take()) {
        owner.cleanup();
        root.remove();
    }
    let storage = storage();
    if !visit.keep_storage {
        storage.clear().unwrap();
        storage.set_item(LANG_KEY, "en").unwrap();
    }
    // The backend choice (`?api=`) is kept for the session: start each test on the embedded store.
    web_sys::window().unwrap().session_storage().unwrap().unwrap().clear().unwrap();
    if let Some(user) = visit.user {
        storage.set_item(USER_KEY, user).unwrap();
    }
    for (key, value) in &visit.saved {
        storage.set_item(key, value).unwrap();
    }
    web_sys::window().unwrap().history().unwrap().push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(visit.path)).unwrap();
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let owner = leptos::prelude::Owner::new();
    let handle = owner.with(|| leptos::mount::mount_to(root.clone(), Root));
    PREVIOUS.with(|p| *p.borrow_mut() = Some((owner.clone(), root.clone())));
    settle().await;
    Mounted { handle: Some(Box::new(handle)), owner, root }
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Asks `check` every 10 ms, for up to 2 s, until it gives something.
async fn wait_until<T>(check: impl Fn() -> Option<T>) -> Option<T> {
    for _ in 0..200 {
        if let Some(found) = check() {
            return Some(found);
        }
        sleep(10).await;
    }
    None
}

async fn settle() {
    for _ in 0..5 {
        leptos::task::tick().await;
        sleep(5).await;
    }
}

impl Mounted {
    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    /// Waits (up to 2 s) for an element to appear.
    async fn wait_for(&self, selector: &str) -> Element {
        match wait_until(|| self.find(selector)).await {
            Some(el) => el,
            None => panic!("{selector} did not appear; page text: {}", self.text()),
        }
    }

    /// Waits (up to 2 s) for the page to show `text`.
    async fn wait_for_text(&self, text: &str) {
        if wait_until(|| self.text().contains(text).then_some(())).await.is_none() {
            panic!("the page never showed {text:?}; it shows: {}", self.text());
        }
    }

    fn wait_for_sync(&self, selector: &str) -> Element {
        self.find(selector).unwrap_or_else(|| panic!("no {selector}"))
    }

    fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    fn button(&self, label: &str) -> HtmlElement {
        let buttons = self.root.query_selector_all("button").unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .map(|n| n.unchecked_into::<HtmlElement>())
            .find(|b| b.text_content().unwrap_or_default().trim() == label)
            .unwrap_or_else(|| { let html = self.root.inner_html(); panic!("no button {label:?}; page ends: {}", &html[html.len().saturating_sub(1500)..]) })
    }

    /// The text of the table row that contains `text`.
    fn row(&self, text: &str) -> String {
        let rows = self.root.query_selector_all("tbody tr").unwrap();
        (0..rows.length())
            .filter_map(|i| rows.item(i))
            .map(|n| n.text_content().unwrap_or_default())
            .find(|row| row.contains(text))
            .unwrap_or_else(|| panic!("no row with {text:?}"))
    }

    fn link(&self, text: &str) -> HtmlElement {
        let links = self.root.query_selector_all("a").unwrap();
        (0..links.length())
            .filter_map(|i| links.item(i))
            .map(|n| n.unchecked_into::<HtmlElement>())
            .find(|a| a.text_content().unwrap_or_default().trim() == text || a.get_attribute("aria-label").as_deref() == Some(text))
            .unwrap_or_else(|| panic!("no link {text:?}"))
    }
}

fn aria_checked(switch: &Element) -> String {
    switch.get_attribute("aria-checked").unwrap_or_default()
}

fn press(el: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn admin_agent_turns_reservations_on_through_the_dialog_and_the_log_records_it() {
    let app = start("/customers", Some(ADMIN), None).await;
    app.wait_for_text("Fabrikam Inc").await;
    assert!(app.text().contains("Alex Wilber") && app.text().contains("Admin agent"), "current user and role are shown");

    // Search, then open the customer.
    let search: HtmlInputElement = app.wait_for("#customer-search").await.unchecked_into();
    search.set_value("fabri");
    search.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    }).unwrap()).unwrap();
    app.wait_for_text("Showing 1–1 of 1").await;
    app.link("Fabrikam Inc").click();

    let switch = app.wait_for("#switch-reservations").await;
    app.wait_for_text("Customer permissions").await;
    assert_eq!(aria_checked(&switch), "false", "Off by default");
    assert_eq!(switch.get_attribute("role").as_deref(), Some("switch"));
    assert!(app.text().contains("Users with Owner: Nestor Wilke"), "readiness is shown beside the switch");

    switch.unchecked_ref::<HtmlElement>().click();
    let dialog = app.wait_for("[role=dialog]").await;
    let dialog_text = dialog.text_content().unwrap_or_default();
    assert!(dialog_text.contains("You pay for every later purchase"), "{dialog_text}");
    assert!(dialog_text.contains("You will not be notified"));
    assert!(dialog_text.contains("cannot exchange, cancel or renew"));
    assert_eq!(aria_checked(&switch), "false", "still Off until confirmed");

    app.button("Turn on").click();
    app.wait_for_text("Azure reservations turned On for Fabrikam Inc.").await;
    let switch = app.wait_for("#switch-reservations").await;
    assert_eq!(aria_checked(&switch), "true");
    assert!(app.find("[role=dialog]").is_none());

    // The gear opens the Activity log, newest first.
    app.link("Settings: Activity log").click();
    let table = app.wait_for("[data-testid=activity-table] tbody tr").await;
    let first_row = table.text_content().unwrap_or_default();
    assert!(first_row.contains("Fabrikam Inc"), "{first_row}");
    assert!(first_row.contains("Create Customer Purchase Permissions"), "{first_row}");
    assert!(first_row.contains("Alex Wilber"), "{first_row}");
}

/// Links change the address; Back goes to the page before.
#[wasm_bindgen_test]
async fn links_change_the_address_and_back_returns() {
    let app = start("/customers", Some(ADMIN), None).await;
    app.wait_for_text(ALL_HAND_MADE).await;
    app.link("Fabrikam Inc").click();
    app.wait_for("#switch-reservations").await;
    let pathname = || web_sys::window().unwrap().location().pathname().unwrap();
    wait_until(|| pathname().ends_with("/account").then_some(())).await;
    assert_eq!(pathname(), format!("/customers/{}/account", customer_id("Fabrikam Inc")));

    web_sys::window().unwrap().history().unwrap().back().unwrap();
    app.wait_for_text(ALL_HAND_MADE).await;
    assert_eq!(pathname(), "/customers");
}

/// Fills localStorage until it takes no more, so the next bigger save fails.
fn fill_local_storage() {
    let storage = storage();
    let mut chunk = "x".repeat(1 << 20);
    let mut n = 0;
    while !chunk.is_empty() {
        if storage.set_item(&format!("filler-{n}"), &chunk).is_ok() {
            n += 1;
        } else {
            chunk.truncate(chunk.len() / 2);
        }
    }
}

/// When the browser refuses to keep a change, the change is not made: the switch stays Off,
/// the reason is shown in words, nothing is logged, and a reload still shows Off.
#[wasm_bindgen_test]
async fn a_change_the_browser_cannot_store_is_not_made() {
    let id = customer_id("Relecloud");
    let app = start(&format!("/customers/{id}/account"), Some(ADMIN), None).await;
    let switch = app.wait_for("#switch-savings-plan").await;
    fill_local_storage();
    switch.unchecked_ref::<HtmlElement>().click();
    app.wait_for("[role=dialog]").await;
    app.button("Turn on").click();
    app.wait_for_text("The change could not be saved in this browser's storage").await;
    assert_eq!(aria_checked(&app.wait_for("#switch-savings-plan").await), "false", "the switch shows the real state");

    app.link("Settings: Activity log").click();
    app.wait_for("[data-testid=activity-table]").await;
    assert!(!app.text().contains("Relecloud"), "nothing was logged for Relecloud");
    drop(app);

    // What the browser kept: still Off after a reload.
    assert!(storage().get_item(STORAGE_PREFIX).unwrap().is_some(), "the demo data was kept at start");
    let path = format!("/customers/{id}/account");
    let app = open(Visit { keep_storage: true, ..Visit::to(&path) }).await;
    let switch = app.wait_for("#switch-savings-plan").await;
    sleep(100).await;
    assert_eq!(aria_checked(&switch), "false");
    assert!(!app.text().contains("could not be read"));
}

/// What a change keeps is the change, not the whole store: with 10,000 customers one
/// switch writes one small entry.
#[wasm_bindgen_test]
async fn a_change_keeps_only_itself() {
    let app = start("/customers", Some(ADMIN), None).await;
    app.wait_for_text(ALL_HAND_MADE).await;
    choose_demo_size(&app, "10000").await;
    let before = stored_bytes();
    let id = customer_id("Relecloud");
    drop(app);
    let path = format!("/customers/{id}/account");
    let app = open(Visit { keep_storage: true, ..Visit::to(&path) }).await;
    let switch = app.wait_for("#switch-savings-plan").await;
    wait_until(|| (!switch.has_attribute("disabled")).then_some(())).await;
    switch.unchecked_ref::<HtmlElement>().click();
    app.wait_for("[role=dialog]").await;
    app.button("Turn on").click();
    app.wait_for_text("Azure savings plan turned On for Relecloud.").await;
    let written = stored_bytes() - before;
    assert!(written > 0 && written < 2048, "one change wrote {written} bytes");
}

/// Every byte the app keeps in localStorage (keys and values, as UTF-16 code units).
fn stored_bytes() -> usize {
    let storage = storage();
    (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|key| key.starts_with("customer-permissions/"))
        .map(|key| key.encode_utf16().count() + storage.get_item(&key).unwrap().unwrap_or_default().encode_utf16().count())
        .sum()
}

/// Picks a demo size and resets the demo data to it.
async fn choose_demo_size(app: &Mounted, customers: &str) {
    let size: web_sys::HtmlSelectElement = app.wait_for("#demo-size").await.unchecked_into();
    size.set_value(customers);
    size.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    app.button("Reset demo data").click();
    app.wait_for_text("Demo data was reset").await;
}

/// Demo data saved by an earlier release (format version 1, written with serde_json) is
/// still read: a change made then is still there, and no "could not be read" notice shows.
#[wasm_bindgen_test]
async fn data_saved_by_an_earlier_release_is_restored() {
    let id = customer_id("Relecloud");
    let app = start(&format!("/customers/{id}/account"), Some(ADMIN), Some(include_str!("fixtures/saved_store_v1.json"))).await;
    let switch = app.wait_for("#switch-savings-plan").await;
    wait_until(|| (aria_checked(&switch) == "true").then_some(())).await;
    assert_eq!(aria_checked(&switch), "true", "the saved permission is On");
    assert_eq!(aria_checked(&app.wait_for("#switch-reservations").await), "false");
    let text = app.text();
    assert!(!text.contains("could not be read") && !text.contains("older version"), "{text}");

    // It is carried over into the current format once, and a change is kept after it.
    assert!(storage().get_item(STORAGE_KEY_V1).unwrap().is_none(), "the old key is gone");
    assert!(storage().get_item(STORAGE_PREFIX).unwrap().is_some());
    let reservations = app.wait_for("#switch-reservations").await;
    reservations.unchecked_ref::<HtmlElement>().click();
    app.wait_for("[role=dialog]").await;
    app.button("Turn on").click();
    app.wait_for_text("Azure reservations turned On for Relecloud.").await;
    drop(app);
    let path = format!("/customers/{id}/account");
    let app = open(Visit { keep_storage: true, ..Visit::to(&path) }).await;
    let switch = app.wait_for("#switch-reservations").await;
    wait_until(|| (aria_checked(&switch) == "true").then_some(())).await;
    assert_eq!(aria_checked(&app.wait_for("#switch-savings-plan").await), "true", "the first release's change is still there");
    assert_eq!(aria_checked(&switch), "true", "and so is the new one");
}

/// Data kept by this release (a base and one entry per change) is read back the same way:
/// here a customer created through the store, whose name is markup, shown as text.
#[wasm_bindgen_test]
async fn data_kept_by_this_release_is_restored_and_hostile_names_are_text() {
    let saved = vec![
        (STORAGE_PREFIX, include_str!("fixtures/saved_store_v2_base.json").to_string()),
        ("customer-permissions/store/v2/change/0000000001", include_str!("fixtures/saved_store_v2_change_1.json").to_string()),
        ("customer-permissions/store/v2/change/0000000002", include_str!("fixtures/saved_store_v2_change_2.json").to_string()),
    ];
    let app = open(Visit { saved, ..Visit::to("/customers") }).await;
    app.wait_for_text("<script>alert('pwned')</script> Hostile Strings").await;
    app.wait_for_text("Showing 1–25 of 25").await;
    assert!(app.find("tbody script").is_none() && app.find("tbody b").is_none(), "no markup was injected");
    let text = app.text();
    assert!(!text.contains("could not be read") && !text.contains("older version"), "{text}");
    // The kept permission change: Fabrikam has Azure savings plan.
    let row = app.row("Fabrikam Inc");
    assert!(row.contains("Azure savings plan"), "{row}");
    drop(app);

    // A change entry that cannot be read means the data cannot be read.
    let saved = vec![
        (STORAGE_PREFIX, include_str!("fixtures/saved_store_v2_base.json").to_string()),
        ("customer-permissions/store/v2/change/0000000001", "{\"Nonsense\":{}}".to_string()),
    ];
    let app = open(Visit { saved, ..Visit::to("/customers") }).await;
    app.wait_for_text("Saved demo data could not be read, so fresh demo data was loaded.").await;
    app.wait_for_text(ALL_HAND_MADE).await;
}

#[wasm_bindgen_test]
async fn cancel_leaves_the_switch_off_and_logs_nothing() {
    let id = customer_id("Relecloud");
    let app = start(&format!("/customers/{id}/account"), Some(ADMIN), None).await;
    let switch = app.wait_for("#switch-savings-plan").await;

    // Keyboard: Enter asks, like a click.
    press(&switch, "Enter");
    let dialog = app.wait_for("[role=dialog]").await;
    let focused = document().active_element().map(|el| el.text_content().unwrap_or_default());
    assert_eq!(focused.as_deref(), Some("Turn on"), "the dialog takes focus");
    assert!(dialog.text_content().unwrap_or_default().contains("Allow Relecloud to purchase Azure savings plan?"));
    app.button("Cancel").click();
    settle().await;
    assert!(app.find("[role=dialog]").is_none());
    assert_eq!(aria_checked(&app.wait_for("#switch-savings-plan").await), "false");
    let focused = document().active_element().map(|el| el.id());
    assert_eq!(focused.as_deref(), Some("switch-savings-plan"), "focus returns to the switch");

    // Escape cancels too.
    switch.unchecked_ref::<HtmlElement>().click();
    let dialog = app.wait_for("[role=dialog]").await;
    press(&dialog, "Escape");
    settle().await;
    assert!(app.find("[role=dialog]").is_none());
    assert_eq!(aria_checked(&app.wait_for("#switch-savings-plan").await), "false");

    app.link("Settings: Activity log").click();
    app.wait_for("[data-testid=activity-table]").await;
    assert!(!app.text().contains("Relecloud"), "nothing was logged for Relecloud");
}

#[wasm_bindgen_test]
async fn turning_off_needs_no_dialog() {
    let id = customer_id("Contoso Ltd");
    let app = start(&format!("/customers/{id}/account"), Some(ADMIN), None).await;
    let switch = app.wait_for("#switch-reservations").await;
    assert_eq!(aria_checked(&switch), "true", "Contoso starts with reservations On");
    switch.unchecked_ref::<HtmlElement>().click();
    app.wait_for_text("Azure reservations turned Off for Contoso Ltd.").await;
    assert!(app.find("[role=dialog]").is_none());
    assert_eq!(aria_checked(&app.wait_for("#switch-reservations").await), "false");
}

#[wasm_bindgen_test]
async fn sales_and_helpdesk_agents_see_the_switch_read_only_with_the_reason() {
    let id = customer_id("Fabrikam Inc");
    for (user, role) in [(SALES, "Sales agent"), (HELPDESK, "Helpdesk agent")] {
        let app = start(&format!("/customers/{id}/account"), Some(user), None).await;
        let switch = app.wait_for("#switch-reservations").await;
        app.wait_for_text("Only an Admin agent can change customer permissions").await;
        app.wait_for_text(&format!("You are signed in as a {role}.")).await;
        assert!(switch.has_attribute("disabled"), "{role}: the switch is disabled");
        switch.unchecked_ref::<HtmlElement>().click();
        press(&switch, "Enter");
        settle().await;
        assert!(app.find("[role=dialog]").is_none(), "{role}: no dialog");
        assert_eq!(aria_checked(&switch), "false");
    }
}

#[wasm_bindgen_test]
async fn corrupt_or_old_saved_data_is_replaced_with_a_notice() {
    let app = start("/customers", Some(ADMIN), Some("{this is not json")).await;
    app.wait_for_text("Saved demo data could not be read, so fresh demo data was loaded.").await;
    app.wait_for_text(ALL_HAND_MADE).await;
    drop(app);

    let app = start("/customers", Some(ADMIN), Some(r#"{"version":0,"snapshot":{}}"#)).await;
    app.wait_for_text("Saved demo data was from an older version").await;
    app.wait_for_text(ALL_HAND_MADE).await;
    drop(app);

    // A saved user that does not exist falls back to an Admin agent.
    let app = start("/customers", Some("<script>nobody</script>"), None).await;
    app.wait_for_text("Alex Wilber").await;
}

#[wasm_bindgen_test]
async fn unknown_pages_and_customers_get_not_found() {
    let app = start("/no/such/page", Some(ADMIN), None).await;
    app.wait_for("[data-testid=not-found]").await;
    app.wait_for_text("Page not found").await;
    drop(app);

    let app = start("/customers/00000000-0000-4000-8000-000000000000/account", Some(ADMIN), None).await;
    app.wait_for_text("No customer has the Microsoft ID “00000000-0000-4000-8000-000000000000”.").await;
    drop(app);

    let app = start("/customers/%3Cimg%20src%3Dx%3E/subscriptions", Some(ADMIN), None).await;
    app.wait_for("[data-testid=not-found]").await;
    assert!(app.find("img").is_none(), "hostile ids are shown as text");
}

#[wasm_bindgen_test]
async fn subscriptions_show_offer_status_and_billing_type() {
    let id = customer_id("Fabrikam Inc");
    let app = start(&format!("/customers/{id}/subscriptions"), Some(ADMIN), None).await;
    app.wait_for_text("Azure plan").await;
    assert!(app.text().contains("Usage-based") && app.text().contains("License-based"), "{}", app.text());
}

#[wasm_bindgen_test]
async fn ten_thousand_customers_render_one_page_at_a_time() {
    let app = start("/customers", Some(ADMIN), None).await;
    app.wait_for_text(ALL_HAND_MADE).await;
    choose_demo_size(&app, "10000").await;
    app.wait_for_text("Showing 1–50 of 10,000").await;
    app.wait_for_text("Demo data was reset: 10,000 customers").await;
    let rows = app.root.query_selector_all("tbody tr").unwrap().length();
    assert_eq!(rows, 50, "only one page of rows is in the document");

    app.button("Next").click();
    app.wait_for_text("Showing 51–100 of 10,000").await;
    app.wait_for_text("Page 2 of 200").await;

    let search: HtmlInputElement = app.wait_for("#customer-search").await.unchecked_into();
    search.set_value("contoso");
    search.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    app.wait_for_text("Showing 1–1 of 1").await;
}

#[wasm_bindgen_test]
async fn an_unreachable_api_is_a_clear_message_not_a_crash() {
    // Nothing listens on port 9 (discard) here: every call fails at once.
    let app = start("/customers?api=http://127.0.0.1:9", Some(ADMIN), None).await;
    app.wait_for_text("Mock API: http://127.0.0.1:9").await;
    app.wait_for_text("The server could not be reached").await;
    // The mock API's data is its file's: no reset is offered, the panel says how instead.
    app.wait_for_text("The mock API keeps its own data file: to start again, restart it with a new --data file.").await;
    assert!(app.find("#demo-size").is_none(), "no reset for the mock API");
    drop(app);

    // On a customer's page, the switches cannot be moved while their state is unknown.
    let id = customer_id("Fabrikam Inc");
    let app = start(&format!("/customers/{id}/account?api=http://127.0.0.1:9"), Some(ADMIN), None).await;
    app.wait_for_text("The server could not be reached").await;
    assert!(app.find("#switch-reservations").is_none_or(|s| s.has_attribute("disabled")));
    drop(app);

    // `?api=off` goes back to the embedded store.
    let app = start("/customers?api=off", Some(ADMIN), None).await;
    app.wait_for_text("Embedded store").await;
    app.wait_for_text(ALL_HAND_MADE).await;
}

fn pathname_and_search() -> String {
    let location = web_sys::window().unwrap().location();
    format!("{}{}", location.pathname().unwrap(), location.search().unwrap())
}

fn choose(select: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = document().query_selector(select).unwrap().unwrap().unchecked_into();
    select.set_value(value);
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

/// The language picker switches at once, without a reload: texts, numbers, the title and
/// `<html lang>` follow, notices already shown are worded again, and the choice is kept.
#[wasm_bindgen_test]
async fn the_language_switches_at_once_and_is_kept() {
    let id = customer_id("Fabrikam Inc");
    let path = format!("/customers/{id}/account");
    let app = open(Visit::to(&path)).await;
    let switch = app.wait_for("#switch-reservations").await;
    wait_until(|| (!switch.has_attribute("disabled")).then_some(())).await;
    switch.unchecked_ref::<HtmlElement>().click();
    app.wait_for("[role=dialog]").await;
    app.button("Turn on").click();
    app.wait_for_text("Azure reservations turned On for Fabrikam Inc.").await;
    assert_eq!(document().title(), "Account – Fabrikam Inc · Partner Center");

    choose("#language-select", "de");
    app.wait_for_text("Kundenberechtigungen").await;
    app.wait_for_text("Kauf von Kunden gestatten").await;
    app.wait_for_text("Azure-Reservierungen für Fabrikam Inc eingeschaltet.").await;
    assert!(!app.text().contains("turned On"), "the notice is worded again");
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("de-DE"));
    assert_eq!(document().title(), "Konto – Fabrikam Inc · Partner Center");
    assert_eq!(pathname_and_search(), path, "no reload, no new address");
    let focused = document().active_element().map(|el| el.id());
    assert_eq!(focused.as_deref(), Some("language-select"), "the keyboard stays on the picker");
    app.wait_for_text("Besitzer").await;
    drop(app);

    // Kept across a reload.
    let app = open(Visit { keep_storage: true, ..Visit::to("/customers") }).await;
    app.wait_for_text("1–24 von 24").await;
    app.wait_for_text("Administrator-Agent").await;
    assert_eq!(document().title(), "Kunden · Partner Center");
}

/// German numbers and dates: 10.000 customers, dates as 25.11.2026.
#[wasm_bindgen_test]
async fn german_writes_numbers_and_dates_the_german_way() {
    let saved = vec![(LANG_KEY, "de".to_string())];
    let app = open(Visit { saved, ..Visit::to("/customers") }).await;
    app.wait_for_text("1–24 von 24").await;
    choose_demo_size_de(&app).await;
    app.wait_for_text("1–50 von 10.000").await;
    app.wait_for_text("Seite 1 von 200").await;
    app.link("Einstellungen: Aktivitätsprotokoll").click();
    let first = app.wait_for("[data-testid=activity-table] tbody tr td").await.text_content().unwrap_or_default();
    // dd.mm.yyyy, hh:mm:ss
    let bytes = first.as_bytes();
    assert!(first.len() >= 10 && bytes[2] == b'.' && bytes[5] == b'.', "a German date: {first}");
    app.wait_for_text("Create Customer Purchase Permissions").await;
    app.wait_for_text("Die erste Berechtigung wurde erteilt.").await;
}

async fn choose_demo_size_de(app: &Mounted) {
    let size: web_sys::HtmlSelectElement = app.wait_for("#demo-size").await.unchecked_into();
    size.set_value("10000");
    size.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    app.button("Demodaten zurücksetzen").click();
    app.wait_for_text("Die Demodaten wurden zurückgesetzt: 10.000 Kunden").await;
}

/// The search text and the page live in the address: typing shows in it once typing
/// pauses, a page is a new history entry, and opening the address brings both back.
#[wasm_bindgen_test]
async fn the_customers_search_and_page_live_in_the_address() {
    let app = start("/customers", Some(ADMIN), None).await;
    app.wait_for_text(ALL_HAND_MADE).await;
    let search: HtmlInputElement = app.wait_for("#customer-search").await.unchecked_into();
    search.set_value("fabri");
    search.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    app.wait_for_text("Showing 1–1 of 1").await;
    wait_until(|| (pathname_and_search() == "/customers?q=fabri").then_some(())).await;
    assert_eq!(pathname_and_search(), "/customers?q=fabri");
    drop(app);

    // A shared link (or a reload) opens the same list.
    let app = start("/customers?q=contoso", Some(ADMIN), None).await;
    app.wait_for_text("Showing 1–1 of 1").await;
    let search: HtmlInputElement = app.wait_for("#customer-search").await.unchecked_into();
    assert_eq!(search.value(), "contoso");
    drop(app);

    let app = start("/customers", Some(ADMIN), None).await;
    app.wait_for_text(ALL_HAND_MADE).await;
    choose_demo_size(&app, "1000").await;
    app.button("Next").click();
    app.wait_for_text("Showing 51–100 of 1,000").await;
    assert_eq!(pathname_and_search(), "/customers?page=2");
    web_sys::window().unwrap().history().unwrap().back().unwrap();
    app.wait_for_text("Showing 1–50 of 1,000").await;
    drop(app);

    let app = open(Visit { keep_storage: true, ..Visit::to("/customers?page=3") }).await;
    app.wait_for_text("Showing 101–150 of 1,000").await;
    app.wait_for_text("Page 3 of 20").await;
    drop(app);

    // An address beyond the last page shows the last one.
    let app = open(Visit { keep_storage: true, ..Visit::to("/customers?page=99") }).await;
    app.wait_for_text("Showing 951–1,000 of 1,000").await;
    app.wait_for_text("Page 20 of 20").await;
}

/// The Account page lists the customer's users with their Azure roles.
#[wasm_bindgen_test]
async fn the_account_page_lists_users_with_their_azure_roles() {
    let id = customer_id("Contoso Ltd");
    let app = start(&format!("/customers/{id}/account"), Some(ADMIN), None).await;
    app.wait_for("[data-testid=users-table] tbody tr").await;
    let megan = app.row("meganb@contoso.onmicrosoft.com");
    assert!(megan.contains("Megan Bowen") && megan.contains("Active") && megan.contains("Owner on "), "{megan}");
    assert!(app.row("adelev@contoso.onmicrosoft.com").contains("Contributor on "));
    drop(app);

    let id = customer_id("Northwind Traders");
    let app = start(&format!("/customers/{id}/account"), Some(ADMIN), None).await;
    app.wait_for("[data-testid=users-table] tbody tr").await;
    assert!(app.row("lynner@northwindtraders.onmicrosoft.com").contains("No Azure role"));
}

/// Switching the signed-in user reads again what that user may see: a Sales agent sees the
/// switch read-only at once, an Admin agent may move it again.
#[wasm_bindgen_test]
async fn switching_the_user_reads_again() {
    let id = customer_id("Fabrikam Inc");
    let app = start(&format!("/customers/{id}/account"), Some(ADMIN), None).await;
    let switch = app.wait_for("#switch-reservations").await;
    wait_until(|| (!switch.has_attribute("disabled")).then_some(())).await;
    choose("#identity-select", SALES);
    app.wait_for_text("You are signed in as a Sales agent.").await;
    let switch = app.wait_for("#switch-reservations").await;
    assert!(switch.has_attribute("disabled"));
    choose("#identity-select", ADMIN);
    wait_until(|| (!app.wait_for_sync("#switch-reservations").has_attribute("disabled")).then_some(())).await;
    assert!(!app.text().contains("You are signed in as a Sales agent."));
}

// ---- Partner side of issue 10: fixes in place, Add Azure plan, Manage (Access control) ----

const HELPDESK_PARTNER: &str = HELPDESK;

/// An Admin agent fixes what a purchase needs without leaving the Account page: the Azure
/// plan, then Owner for a chosen user; the readiness panel and the users follow at once,
/// and both changes are in the Activity log.
#[wasm_bindgen_test]
async fn readiness_is_fixed_in_place_and_updates_at_once() {
    let id = customer_id("Proseware, Inc.");
    let app = open(Visit::to(&format!("/customers/{id}/account"))).await;
    app.wait_for_text("No active Azure plan or Azure Global subscription.").await;
    let add: HtmlElement = app.wait_for("#readiness-add-azure-plan").await.unchecked_into();
    add.click();
    app.wait_for("[role=dialog]").await;
    app.wait_for_text("Add an Azure plan for Proseware, Inc.?").await;
    app.button("Place order").click();
    app.wait_for_text("Azure plan ordered for Proseware, Inc.").await;
    app.wait_for_text("Azure subscription: Azure plan (").await;
    assert!(!app.text().contains("No active Azure plan"), "{}", app.text());

    // Owner for Tomás Rojas, chosen in the panel.
    app.wait_for("#owner-user").await;
    let tomas = app.row("Tomás Rojas");
    assert!(tomas.contains("No Azure role"), "{tomas}");
    let user = document().query_selector("#owner-user option:nth-child(2)").unwrap().unwrap();
    choose("#owner-user", &user.get_attribute("value").unwrap());
    let assign: HtmlElement = app.wait_for("#assign-owner").await.unchecked_into();
    assign.click();
    app.wait_for_text("Users with Owner: Tomás Rojas (tomasr@proseware.onmicrosoft.com)").await;
    wait_until(|| app.row("Tomás Rojas").contains("Owner").then_some(())).await;
    assert!(app.row("Tomás Rojas").contains("Owner"), "the users table follows");
    drop(app);

    let app = open(Visit { keep_storage: true, ..Visit::to("/activity-log") }).await;
    app.wait_for_text("Create Role Assignment").await;
    app.wait_for_text("Create Order").await;
}

/// Helpdesk agents cannot buy for customers: the button says why, and nothing is ordered.
#[wasm_bindgen_test]
async fn a_helpdesk_agent_sees_why_there_is_no_azure_plan_to_add() {
    let id = customer_id("Proseware, Inc.");
    let app = open(Visit { user: Some(HELPDESK_PARTNER), ..Visit::to(&format!("/customers/{id}/subscriptions")) }).await;
    app.wait_for_text("This customer has no Azure plan.").await;
    let add = app.wait_for("#add-azure-plan").await;
    assert!(add.has_attribute("disabled"));
    app.wait_for_text("You are signed in as a Helpdesk agent: only Admin and Sales agents can buy for a customer.").await;
}

/// A Sales agent buys the Azure plan from the Subscriptions page; Manage then opens the new
/// Azure subscription's Access control.
#[wasm_bindgen_test]
async fn a_sales_agent_adds_an_azure_plan_and_opens_its_access_control_read_only() {
    let id = customer_id("VanArsdel Ltd");
    let app = open(Visit { user: Some(SALES), ..Visit::to(&format!("/customers/{id}/subscriptions")) }).await;
    let add: HtmlElement = app.wait_for("#add-azure-plan").await.unchecked_into();
    add.click();
    app.wait_for("[role=dialog]").await;
    app.button("Place order").click();
    app.wait_for_text("Azure plan ordered for VanArsdel Ltd").await;
    let manage = wait_until(|| app.find("a.manage-link")).await.expect("a Manage link");
    manage.unchecked_ref::<HtmlElement>().click();
    app.wait_for_text("Azure subscription 1 | Access control (IAM)").await;
    app.wait_for_text("Nobody holds a role on this subscription.").await;
    app.wait_for_text("You are signed in as a Sales agent: only Admin agents can give or remove Azure roles").await;
    assert!(app.find("#review-assign").is_none(), "no form to change roles");
}

/// An Admin agent gives a role with Add role assignment › Review + assign, and removes one.
#[wasm_bindgen_test]
async fn an_admin_agent_assigns_and_removes_roles_on_an_azure_subscription() {
    let id = customer_id("Fabrikam Inc");
    let app = open(Visit::to(&format!("/customers/{id}/subscriptions"))).await;
    let manage = wait_until(|| app.find("a.manage-link")).await.expect("a Manage link");
    manage.unchecked_ref::<HtmlElement>().click();
    app.wait_for("[data-testid=role-assignments-table]").await;
    assert!(app.row("Nestor Wilke").contains("Owner"));
    let table = |app: &Mounted| app.wait_for_sync("[data-testid=role-assignments-table]").text_content().unwrap_or_default();
    assert!(!table(&app).contains("Kevin Cook"), "Kevin has no role yet");

    // Owner (chosen already), Kevin Cook, Review + assign.
    app.wait_for("#role-member option:nth-child(2)").await;
    let kevin = document()
        .query_selector_all("#role-member option")
        .unwrap();
    let kevin = (0..kevin.length())
        .filter_map(|i| kevin.item(i))
        .map(|n| n.unchecked_into::<Element>())
        .find(|o| o.text_content().unwrap_or_default().contains("Kevin Cook"))
        .and_then(|o| o.get_attribute("value"))
        .expect("Kevin Cook is a member to choose");
    choose("#role-member", &kevin);
    let reader: HtmlElement = app.wait_for("#role-reader").await.unchecked_into();
    reader.click();
    let review = app.button("Review + assign");
    wait_until(|| (!review.has_attribute("disabled")).then_some(())).await;
    review.click();
    app.wait_for("[role=dialog]").await;
    app.wait_for_text("Kevin Cook").await;
    app.button("Assign").click();
    app.wait_for_text("Reader assigned to Kevin Cook on Azure subscription 1.").await;
    wait_until(|| table(&app).contains("kevinc@fabrikam.onmicrosoft.com").then_some(())).await;
    assert!(app.row("kevinc@fabrikam.onmicrosoft.com").contains("Reader"));

    // Remove Sara Davis's Contributor role, through the confirmation.
    let remove: HtmlElement = wait_until(|| app.find("button[aria-label='Remove Contributor from Sara Davis']"))
        .await
        .expect("a Remove button for Sara")
        .unchecked_into();
    remove.click();
    app.wait_for_text("Remove Contributor from Sara Davis on Azure subscription 1?").await;
    app.wait_for("[role=dialog] .button-primary").await.unchecked_into::<HtmlElement>().click();
    app.wait_for_text("Contributor removed from Sara Davis on Azure subscription 1.").await;
    wait_until(|| (!table(&app).contains("sarad@fabrikam.onmicrosoft.com")).then_some(())).await;
    assert!(!table(&app).contains("sarad@fabrikam.onmicrosoft.com"), "Sara's role is gone");
}

// ---- Order history and Activity log (orders, roles, the action filter) ----

/// What the partner is billed for the reservation Lee Gu bought in the demo, as `lang`
/// writes it.
fn lees_reservation_total(lang: customer_permissions::i18n::Lang) -> String {
    let store = PartnerStore::demo(DemoSpec::new(0, time::OffsetDateTime::UNIX_EPOCH));
    let id = domain::CustomerId::parse(&customer_id("Wide World Importers")).unwrap();
    let orders = store.orders(&PartnerUserId::new(ADMIN), &id).unwrap();
    let lees = orders.iter().find(|o| matches!(o.placed_by, domain::PlacedBy::Customer(_))).unwrap();
    customer_permissions::i18n::format_money(lang, lees.total().as_dollars(), false)
}

/// The text of each row of the table `testid`.
fn table_rows(app: &Mounted, testid: &str) -> Vec<String> {
    let rows = app.root.query_selector_all(&format!("[data-testid={testid}] tbody tr")).unwrap();
    (0..rows.length()).filter_map(|i| rows.item(i)).map(|n| n.text_content().unwrap_or_default()).collect()
}

/// Whether the Activity log shows records, all of `action`.
fn only_action(app: &Mounted, action: &str) -> Option<()> {
    let rows = table_rows(app, "activity-table");
    (!rows.is_empty() && rows.iter().all(|r| r.contains(action))).then_some(())
}

/// The Order history lists the partner's orders and what the customer's users bought on
/// their own, newest first, each with who placed it; the filter shows one kind.
#[wasm_bindgen_test]
async fn order_history_shows_who_placed_each_order() {
    let id = customer_id("Wide World Importers");
    let app = open(Visit::to(&format!("/customers/{id}/orders"))).await;
    app.wait_for("[data-testid=orders-table] tbody tr").await;
    assert_eq!(document().title(), "Order history – Wide World Importers · Partner Center");
    assert!(app.text().contains("You are billed for all of them."), "the hint says who pays");
    let rows = table_rows(&app, "orders-table");
    let lee = &rows[0];
    assert!(lee.contains("Reserved VM Instance, Standard_D2s_v5"), "newest first: {rows:?}");
    assert!(lee.contains("Lee Gu") && lee.contains("Customer's user"), "{lee}");
    assert!(lee.contains("1 year") && lee.contains("Monthly") && lee.contains("Completed"), "{lee}");
    assert!(lee.contains(&lees_reservation_total(customer_permissions::i18n::Lang::En)), "{lee}");
    let plan = app.row("Azure plan");
    assert!(plan.contains("Alex Wilber") && plan.contains("Partner staff") && plan.contains("—"), "{plan}");
    assert!(plan.contains("One-time") && plan.contains("$0.00"), "{plan}");

    choose("#orders-placed-by", "customer");
    assert!(wait_until(|| (table_rows(&app, "orders-table").len() == 1).then_some(())).await.is_some(), "only Lee's purchase");
    assert!(table_rows(&app, "orders-table")[0].contains("Lee Gu"));
    choose("#orders-placed-by", "partner");
    let partner_only = || table_rows(&app, "orders-table").iter().all(|r| r.contains("Partner staff")).then_some(());
    assert!(wait_until(partner_only).await.is_some(), "only the partner's orders");
    assert!(table_rows(&app, "orders-table").iter().all(|r| !r.contains("Lee Gu")));
}

/// The Activity log shows one kind of action at a time: Create Order lists only orders,
/// a customer user's purchase among them with what it cost; the choice is in the address
/// and survives a reload; Create Customer Purchase Permissions lists no order.
#[wasm_bindgen_test]
async fn the_activity_log_filters_by_action_in_the_address() {
    let app = open(Visit::to("/activity-log")).await;
    app.wait_for("[data-testid=activity-table] tbody tr").await;
    choose("#activity-action", "create_order");
    wait_until(|| (pathname_and_search() == "/activity-log?action=create_order").then_some(())).await;
    assert_eq!(pathname_and_search(), "/activity-log?action=create_order");
    assert!(wait_until(|| only_action(&app, "Create Order")).await.is_some(), "only orders: {:?}", table_rows(&app, "activity-table"));
    let lee = app.row("Lee Gu");
    assert!(lee.contains("Wide World Importers") && lee.contains("Customer's user"), "{lee}");
    assert!(lee.contains("Reserved VM Instance, Standard_D2s_v5") && lee.contains("Quantity: 2"), "{lee}");
    assert!(lee.contains(&format!("Total billed: {}", lees_reservation_total(customer_permissions::i18n::Lang::En))), "{lee}");
    assert!(lee.contains("Billing frequency: Monthly"), "{lee}");
    drop(app);

    // A reload keeps the choice.
    let app = open(Visit { keep_storage: true, ..Visit::to("/activity-log?action=create_order") }).await;
    app.wait_for("[data-testid=activity-table] tbody tr").await;
    assert!(wait_until(|| only_action(&app, "Create Order")).await.is_some(), "still only orders: {:?}", table_rows(&app, "activity-table"));
    let select: web_sys::HtmlSelectElement = app.wait_for("#activity-action").await.unchecked_into();
    assert_eq!(select.value(), "create_order");

    choose("#activity-action", "create_self_serve_policy");
    let only_grants = || only_action(&app, "Create Customer Purchase Permissions");
    assert!(wait_until(only_grants).await.is_some(), "only grants: {:?}", table_rows(&app, "activity-table"));
    assert!(table_rows(&app, "activity-table").iter().all(|r| !r.contains("Create Order") && !r.contains("Reserved VM")));
    assert_eq!(pathname_and_search(), "/activity-log?action=create_self_serve_policy");
}

/// In German: the Order history's words, the customer's purchase marked as the customer's
/// user, and the Activity log's filter.
#[wasm_bindgen_test]
async fn order_history_and_the_activity_filter_in_german() {
    let id = customer_id("Wide World Importers");
    let saved = vec![(LANG_KEY, "de".to_string())];
    let app = open(Visit { saved, ..Visit::to(&format!("/customers/{id}/orders")) }).await;
    app.wait_for("[data-testid=orders-table] tbody tr").await;
    assert_eq!(document().title(), "Auftragsverlauf – Wide World Importers · Partner Center");
    app.wait_for_text("Bestellt von").await;
    let lee = app.row("Lee Gu");
    assert!(lee.contains("Benutzer des Kunden") && lee.contains("1 Jahr") && lee.contains("Monatlich"), "{lee}");
    assert!(lee.contains(&lees_reservation_total(customer_permissions::i18n::Lang::De)), "{lee}");
    assert!(app.row("Azure plan").contains("Partnerbenutzer"));
    drop(app);

    let saved = vec![(LANG_KEY, "de".to_string())];
    let app = open(Visit { saved, ..Visit::to("/activity-log?action=create_order") }).await;
    app.wait_for("[data-testid=activity-table] tbody tr").await;
    app.wait_for_text("Alle Aktionen").await;
    let lee = app.row("Lee Gu");
    assert!(lee.contains("Create Order") && lee.contains("Abrechnungshäufigkeit: Monatlich") && lee.contains("Menge: 2"), "{lee}");
}

// ---------------------------------------------------------------------------------------
// The customer's Azure portal (src/pages/portal/): a customer user's subscriptions, and
// buying reservations and savings plans billed to the partner, or being refused in words.

const MEGAN: &str = "customer:meganb@contoso.onmicrosoft.com";
const ADELE: &str = "customer:adelev@contoso.onmicrosoft.com";
const NESTOR: &str = "customer:nestorw@fabrikam.onmicrosoft.com";
const MIRIAM: &str = "customer:miriamg@litware.onmicrosoft.com";
const HENRIETTA: &str = "customer:henriettam@proseware.onmicrosoft.com";

/// Types `text` into the input `selector`, as a user does (an `input` event follows).
fn type_into(selector: &str, text: &str) {
    let input: HtmlInputElement = document().query_selector(selector).unwrap().unwrap().unchecked_into();
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

impl Mounted {
    /// Waits (up to 2 s) until the element `selector` shows every one of `texts`.
    async fn wait_for_texts_in(&self, selector: &str, texts: &[&str]) {
        let shows = || self.find(selector).map(|el| el.text_content().unwrap_or_default()).filter(|t| texts.iter().all(|x| t.contains(x)));
        if wait_until(shows).await.is_none() {
            let now = self.find(selector).map(|el| el.text_content().unwrap_or_default());
            panic!("{selector} never showed {texts:?}; it shows: {now:?}");
        }
    }

    /// Presses the button `selector` once it can be pressed.
    async fn press_when_enabled(&self, selector: &str) {
        let button = self.wait_for(selector).await;
        wait_until(|| (!button.has_attribute("disabled")).then_some(())).await;
        button.unchecked_ref::<HtmlElement>().click();
    }
}

#[wasm_bindgen_test]
async fn portal_subscriptions_show_the_users_own_role() {
    let app = open(Visit { user: Some(MEGAN), ..Visit::to("/azure/subscriptions") }).await;
    app.wait_for("[data-testid=my-subscriptions-table] tbody tr").await;
    let row = app.row("Azure subscription");
    assert!(row.contains("Azure plan") && row.contains("Active") && row.contains("Owner"), "{row}");
    assert!(app.text().contains("Directory: Contoso Ltd"));
    assert!(document().title().starts_with("Subscriptions"), "{}", document().title());
}

#[wasm_bindgen_test]
async fn portal_an_owner_buys_a_reservation_billed_to_the_partner() {
    let app = open(Visit { user: Some(MEGAN), ..Visit::to("/azure/reservations/purchase") }).await;
    app.wait_for_text("Purchase reservations").await;
    // The portal's defaults: Standard_D2s_v5 in East US, 1 year, 1 instance.
    app.wait_for_texts_in("[data-testid=price-preview]", &["$41.47", "$497.64", "Your partner is billed"]).await;
    choose("#reservation-region", "westeurope");
    type_into("#reservation-quantity", "2");
    app.wait_for_texts_in("[data-testid=price-preview]", &["$92.90", "$1,114.80"]).await;
    type_into("#reservation-name", "Contoso build agents");
    app.press_when_enabled("#buy-reservation").await;

    app.wait_for_texts_in("[data-testid=purchase-confirmation]", &["Contoso build agents", "Succeeded", "1 year", "$1,114.80"]).await;
    app.wait_for_text("Reservation “Contoso build agents” bought. Your partner is billed for it.").await;
    assert!(app.find("#buy-reservation").is_none(), "the confirmation takes the form's place");
    app.link("Go to Reservations").click();
    app.wait_for("[data-testid=reservations-table] tbody tr").await;
    let row = app.row("Contoso build agents");
    assert!(row.contains("Standard_D2s_v5") && row.contains("West Europe") && row.contains("$1,114.80"), "{row}");
    assert!(app.text().contains("ask your partner"), "exchange, cancel and renew are the partner's");
}

#[wasm_bindgen_test]
async fn portal_a_contributor_is_refused_in_azures_words_and_nothing_is_bought() {
    let app = open(Visit { user: Some(ADELE), ..Visit::to("/azure/reservations/purchase") }).await;
    app.press_when_enabled("#buy-reservation").await;
    app.wait_for_texts_in(
        "[data-testid=purchase-refusal]",
        &["The purchase was refused.", "You do not have owner or reservation purchaser access on the subscription."],
    )
    .await;
    assert!(app.find("[data-testid=purchase-confirmation]").is_none());
    assert!(app.find("#buy-reservation").is_some(), "the form stays");
    app.link("Reservations").click();
    app.wait_for_text("Your organization has no reservations yet.").await;
}

#[wasm_bindgen_test]
async fn portal_a_company_without_azure_sees_that_it_has_no_eligible_subscription() {
    let app = open(Visit { user: Some(HENRIETTA), ..Visit::to("/azure/reservations/purchase") }).await;
    app.wait_for_text("You do not have any eligible subscriptions to purchase reservations.").await;
    assert!(app.find("#buy-reservation").is_none(), "no form without a subscription to bill");
    app.link("Subscriptions").click();
    app.wait_for_text("Your organization has no Azure subscription. Your partner must buy an Azure plan for it first.").await;
}

#[wasm_bindgen_test]
async fn portal_a_purchase_the_partner_has_not_allowed_is_refused_naming_the_partner() {
    let app = open(Visit { user: Some(NESTOR), ..Visit::to("/azure/reservations/purchase") }).await;
    app.press_when_enabled("#buy-reservation").await;
    app.wait_for_text("Your partner Adatum Cloud Services has not allowed your organization to buy Azure reservations on its own.").await;
    assert!(app.find("[data-testid=purchase-confirmation]").is_none());
}

#[wasm_bindgen_test]
async fn portal_an_owner_buys_a_savings_plan() {
    let app = open(Visit { user: Some(MIRIAM), ..Visit::to("/azure/savings-plans/purchase") }).await;
    let name: HtmlInputElement = app.wait_for("#savings-plan-name").await.unchecked_into();
    assert!(name.value().starts_with("SavingsPlan_"), "Azure pre-fills a name: {}", name.value());
    type_into("#savings-plan-name", "litware batch");
    app.wait_for_text("Use 1 to 64 letters, digits, hyphens, underscores or periods, without spaces.").await;
    type_into("#savings-plan-name", "litware-batch");
    type_into("#savings-plan-commitment", "abc");
    app.wait_for_text("Enter an amount in US dollars of at least 0.001, for example 2.5.").await;
    type_into("#savings-plan-commitment", "1.5");
    // 1.50 USD an hour: 730 hours a month, 8,760 a year.
    app.wait_for_texts_in("[data-testid=price-preview]", &["$1,095.00", "$13,140.00"]).await;
    app.press_when_enabled("#buy-savings-plan").await;

    app.wait_for_texts_in("[data-testid=purchase-confirmation]", &["litware-batch", "$1.50", "$13,140.00"]).await;
    app.wait_for_text("Savings plan “litware-batch” bought. Your partner is billed for it.").await;
    app.link("Go to Savings plans").click();
    app.wait_for("[data-testid=savings-plans-table] tbody tr").await;
    assert!(app.row("litware-batch").contains("$13,140.00"));
    assert!(app.row("Litware compute").contains("3 years"), "the demo's plan is still listed");
}

#[wasm_bindgen_test]
async fn portal_a_customer_user_gets_no_partner_page() {
    let app = open(Visit { user: Some(MEGAN), ..Visit::to("/customers") }).await;
    app.wait_for_text("This page is for the partner's staff").await;
    assert!(!app.text().contains("Fabrikam Inc"), "no customer list");
    app.link("Go to your Azure subscriptions").click();
    app.wait_for("[data-testid=my-subscriptions-table]").await;
}

#[wasm_bindgen_test]
async fn portal_in_german_the_price_and_the_refusal_are_german() {
    let saved = vec![(LANG_KEY, "de".to_string())];
    let app = open(Visit { user: Some(ADELE), saved, ..Visit::to("/azure/reservations/purchase") }).await;
    app.wait_for_text("Reservierungen erwerben").await;
    app.wait_for_texts_in("[data-testid=price-preview]", &["41,47", "497,64", "Ihrem Partner in Rechnung gestellt"]).await;
    type_into("#reservation-quantity", "0");
    app.wait_for_text("Geben Sie eine ganze Zahl von 1 bis 1.000 ein.").await;
    type_into("#reservation-quantity", "2");
    app.wait_for_texts_in("[data-testid=price-preview]", &["82,94", "995,28"]).await;
    app.press_when_enabled("#buy-reservation").await;
    app.wait_for_texts_in(
        "[data-testid=purchase-refusal]",
        &["Der Kauf wurde abgelehnt.", "Sie verfügen nicht über Besitzer- oder Reservierungskäuferzugriff für das Abonnement."],
    )
    .await;
    assert!(document().title().starts_with("Reservierungen erwerben"));
}
