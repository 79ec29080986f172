//! What every component test shares: opening the app as a user would (a fresh profile, a
//! user signed in, items in localStorage), waiting for what a user waits for, and reading
//! the page.

pub(crate) use customer_permissions::backend::{STORAGE_KEY_V1, STORAGE_PREFIX};
pub(crate) use customer_permissions::Root;
pub(crate) use domain::{DemoSpec, PartnerStore, PartnerUserId};
pub(crate) use wasm_bindgen::JsCast;
pub(crate) use wasm_bindgen_test::*;
pub(crate) use web_sys::{Element, HtmlElement, HtmlInputElement};

pub(crate) const ADMIN: &str = "alex.wilber@adatumcloud.onmicrosoft.com";
pub(crate) const SALES: &str = "isaiah.langer@adatumcloud.onmicrosoft.com";
pub(crate) const HELPDESK: &str = "lidia.holloway@adatumcloud.onmicrosoft.com";
pub(crate) const USER_KEY: &str = "customer-permissions/user";
pub(crate) const LANG_KEY: &str = "customer-permissions/lang";
/// The Customers list's count with the hand-made demo data.
pub(crate) const ALL_HAND_MADE: &str = "Showing 1–24 of 24";

pub(crate) fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub(crate) fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The Microsoft ID of a hand-made demo customer (the same in every build).
pub(crate) fn customer_id(name: &str) -> String {
    let store = PartnerStore::demo(DemoSpec::new(0, time::OffsetDateTime::UNIX_EPOCH));
    let page = store.customers_page(&PartnerUserId::new(ADMIN), name, 0, 5).unwrap();
    page.items.into_iter().find(|c| c.company_name == name).unwrap().id.to_string()
}

/// A fresh browser profile, signed in as `user`, with the app mounted at `path`.
pub(crate) struct Mounted {
    pub(crate) handle: Option<Box<dyn std::any::Any>>,
    pub(crate) owner: leptos::prelude::Owner,
    pub(crate) root: HtmlElement,
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
pub(crate) struct Visit<'a> {
    pub(crate) path: &'a str,
    pub(crate) user: Option<&'a str>,
    pub(crate) saved: Vec<(&'a str, String)>,
    /// Keep what the previous visit left in localStorage (a reload).
    pub(crate) keep_storage: bool,
}

impl<'a> Visit<'a> {
    pub(crate) fn to(path: &'a str) -> Self {
        Self { path, user: Some(ADMIN), saved: Vec::new(), keep_storage: false }
    }
}

/// Opens the app at `path` as `user`, with `saved_v1` kept by the first release.
pub(crate) async fn start(path: &str, user: Option<&str>, saved_v1: Option<&str>) -> Mounted {
    let saved = saved_v1.map(|text| vec![(STORAGE_KEY_V1, text.to_string())]).unwrap_or_default();
    open(Visit { user, saved, ..Visit::to(path) }).await
}

pub(crate) async fn open(visit: Visit<'_>) -> Mounted {
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

pub(crate) async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Asks `check` every 10 ms, for up to 2 s, until it gives something.
pub(crate) async fn wait_until<T>(check: impl Fn() -> Option<T>) -> Option<T> {
    for _ in 0..200 {
        if let Some(found) = check() {
            return Some(found);
        }
        sleep(10).await;
    }
    None
}

pub(crate) async fn settle() {
    for _ in 0..5 {
        leptos::task::tick().await;
        sleep(5).await;
    }
}

impl Mounted {
    pub(crate) fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    /// Waits (up to 2 s) for an element to appear.
    pub(crate) async fn wait_for(&self, selector: &str) -> Element {
        match wait_until(|| self.find(selector)).await {
            Some(el) => el,
            None => panic!("{selector} did not appear; page text: {}", self.text()),
        }
    }

    /// Waits (up to 2 s) for the page to show `text`.
    pub(crate) async fn wait_for_text(&self, text: &str) {
        if wait_until(|| self.text().contains(text).then_some(())).await.is_none() {
            panic!("the page never showed {text:?}; it shows: {}", self.text());
        }
    }

    pub(crate) fn wait_for_sync(&self, selector: &str) -> Element {
        self.find(selector).unwrap_or_else(|| panic!("no {selector}"))
    }

    pub(crate) fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    pub(crate) fn button(&self, label: &str) -> HtmlElement {
        let buttons = self.root.query_selector_all("button").unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .map(|n| n.unchecked_into::<HtmlElement>())
            .find(|b| b.text_content().unwrap_or_default().trim() == label)
            .unwrap_or_else(|| { let html = self.root.inner_html(); panic!("no button {label:?}; page ends: {}", &html[html.len().saturating_sub(1500)..]) })
    }

    /// The text of the table row that contains `text`.
    pub(crate) fn row(&self, text: &str) -> String {
        let rows = self.root.query_selector_all("tbody tr").unwrap();
        (0..rows.length())
            .filter_map(|i| rows.item(i))
            .map(|n| n.text_content().unwrap_or_default())
            .find(|row| row.contains(text))
            .unwrap_or_else(|| panic!("no row with {text:?}"))
    }

    pub(crate) fn link(&self, text: &str) -> HtmlElement {
        let links = self.root.query_selector_all("a").unwrap();
        (0..links.length())
            .filter_map(|i| links.item(i))
            .map(|n| n.unchecked_into::<HtmlElement>())
            .find(|a| a.text_content().unwrap_or_default().trim() == text || a.get_attribute("aria-label").as_deref() == Some(text))
            .unwrap_or_else(|| panic!("no link {text:?}"))
    }
}

pub(crate) fn aria_checked(switch: &Element) -> String {
    switch.get_attribute("aria-checked").unwrap_or_default()
}

pub(crate) fn press(el: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&event).unwrap();
}

/// Picks a demo size and resets the demo data to it.
pub(crate) async fn choose_demo_size(app: &Mounted, customers: &str) {
    let size: web_sys::HtmlSelectElement = app.wait_for("#demo-size").await.unchecked_into();
    size.set_value(customers);
    size.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    app.button("Reset demo data").click();
    app.wait_for_text("Demo data was reset").await;
}

pub(crate) fn pathname_and_search() -> String {
    let location = web_sys::window().unwrap().location();
    format!("{}{}", location.pathname().unwrap(), location.search().unwrap())
}

pub(crate) fn choose(select: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = document().query_selector(select).unwrap().unwrap().unchecked_into();
    select.set_value(value);
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

pub(crate) async fn choose_demo_size_de(app: &Mounted) {
    let size: web_sys::HtmlSelectElement = app.wait_for("#demo-size").await.unchecked_into();
    size.set_value("10000");
    size.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    app.button("Demodaten zurücksetzen").click();
    app.wait_for_text("Die Demodaten wurden zurückgesetzt: 10.000 Kunden").await;
}

/// The text of each row of the table `testid`.
pub(crate) fn table_rows(app: &Mounted, testid: &str) -> Vec<String> {
    let rows = app.root.query_selector_all(&format!("[data-testid={testid}] tbody tr")).unwrap();
    (0..rows.length()).filter_map(|i| rows.item(i)).map(|n| n.text_content().unwrap_or_default()).collect()
}

/// Types `text` into the input `selector`, as a user does (an `input` event follows).
pub(crate) fn type_into(selector: &str, text: &str) {
    let input: HtmlInputElement = document().query_selector(selector).unwrap().unwrap().unchecked_into();
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

impl Mounted {
    /// Waits (up to 2 s) until the element `selector` shows every one of `texts`.
    pub(crate) async fn wait_for_texts_in(&self, selector: &str, texts: &[&str]) {
        let shows = || self.find(selector).map(|el| el.text_content().unwrap_or_default()).filter(|t| texts.iter().all(|x| t.contains(x)));
        if wait_until(shows).await.is_none() {
            let now = self.find(selector).map(|el| el.text_content().unwrap_or_default());
            panic!("{selector} never showed {texts:?}; it shows: {now:?}");
        }
    }

    /// Presses the button `selector` once it can be pressed.
    pub(crate) async fn press_when_enabled(&self, selector: &str) {
        let button = self.wait_for(selector).await;
        wait_until(|| (!button.has_attribute("disabled")).then_some(())).await;
        button.unchecked_ref::<HtmlElement>().click();
    }
}
