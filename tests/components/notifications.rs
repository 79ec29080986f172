//! The top bar's bell: the partner user's notifications of customers' own purchases and
//! requests, with the unread count in its name and badge; opened, the list (the demo's
//! customer purchases first), mark one or all read, Escape or a press outside closes it; also in German. Not on
//! the customer's side.

use crate::support::*;

/// The text of each notification in the open panel.
fn notifications(app: &Mounted) -> Vec<String> {
    let items = app.root.query_selector_all("[data-testid=notification]").unwrap();
    (0..items.length()).filter_map(|i| items.item(i)).map(|n| n.text_content().unwrap_or_default()).collect()
}

/// Opens the bell's panel and waits for its list.
async fn open_bell(app: &Mounted) -> Element {
    let bell = app.wait_for("[data-testid=notifications-bell]").await;
    bell.unchecked_ref::<HtmlElement>().click();
    app.wait_for("[data-testid=notification]").await;
    bell
}

async fn wait_for_label(bell: &Element, label: &str) {
    let shows = || (bell.get_attribute("aria-label").as_deref() == Some(label)).then_some(());
    assert!(wait_until(shows).await.is_some(), "the bell is named {:?}, not {label:?}", bell.get_attribute("aria-label"));
}

#[wasm_bindgen_test]
async fn the_bell_counts_the_unread_lists_the_demo_purchases_and_marks_them_read() {
    // The bell comes with the whole backend, which a page beyond the first loads (here the
    // idle preload ran once, for the first test's app).
    let app = open(Visit::to("/reservations")).await;
    let bell = open_bell(&app).await;
    app.wait_for_texts_in("[data-testid=bell-count]", &["3"]).await;
    wait_for_label(&bell, "Notifications, 3 unread").await;
    assert_eq!(bell.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(bell.tag_name(), "BUTTON");

    let items = notifications(&app);
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(items[0].contains("Litware Inc") && items[0].contains("miriamg@litware.onmicrosoft.com"), "newest first: {items:?}");
    assert!(items[0].contains("“Litware compute”") && items[0].contains("Billed to you: $"), "{}", items[0]);
    assert!(items[1].contains("Wide World Importers") && items[1].contains("“Web front ends, West Europe”"), "{}", items[1]);
    let order_link = app.root.query_selector("[data-testid=notification] a").unwrap().unwrap();
    let href = order_link.get_attribute("href").unwrap_or_default();
    assert!(href.ends_with(&format!("/customers/{}/orders", customer_id("Litware Inc"))), "{href}");

    // One marked read: the count goes down, the others stay unread.
    let first_mark = app.root.query_selector("[data-testid=notification] button").unwrap().unwrap();
    assert!(first_mark.get_attribute("aria-label").unwrap_or_default().starts_with("Mark as read: "));
    first_mark.unchecked_ref::<HtmlElement>().click();
    wait_for_label(&bell, "Notifications, 2 unread").await;
    app.wait_for_texts_in("[data-testid=bell-count]", &["2"]).await;

    // All marked read: no count left.
    app.press_when_enabled("[data-testid=mark-all-read]").await;
    wait_for_label(&bell, "Notifications, 0 unread").await;
    assert!(app.find("[data-testid=bell-count]").is_none());
    assert_eq!(notifications(&app).len(), 3, "read ones stay listed");

    // Escape closes the panel and the focus is back on the bell.
    let panel = app.find("#notifications-panel").expect("open");
    press(&panel, "Escape");
    assert!(wait_until(|| app.find("#notifications-panel").is_none().then_some(())).await.is_some(), "Escape closes it");
    let focused = document().active_element().and_then(|e| e.get_attribute("id"));
    assert_eq!(focused.as_deref(), Some("notifications-bell"));
    assert_eq!(bell.get_attribute("aria-expanded").as_deref(), Some("false"));

    // Opened again, a press outside it (on the page's heading) closes it; a press inside
    // does not.
    bell.unchecked_ref::<HtmlElement>().click();
    let panel = app.wait_for("#notifications-panel").await;
    pointer_down(&panel);
    assert!(app.find("#notifications-panel").is_some(), "a press inside keeps it open");
    pointer_down(&app.wait_for("h1").await);
    assert!(wait_until(|| app.find("#notifications-panel").is_none().then_some(())).await.is_some(), "a press outside closes it");
    assert_eq!(bell.get_attribute("aria-expanded").as_deref(), Some("false"));
}

/// A pointer pressed on `element` (it bubbles to the document, as a real press does).
fn pointer_down(element: &Element) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("pointerdown", &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn the_bell_in_german() {
    let saved = vec![(LANG_KEY, "de".to_string())];
    let app = open(Visit { saved, ..Visit::to("/reservations") }).await;
    let bell = open_bell(&app).await;
    wait_for_label(&bell, "Benachrichtigungen, 3 ungelesen").await;
    app.wait_for_texts_in("#notifications-panel", &["Benachrichtigungen", "Ihnen in Rechnung gestellt", "Auftragsverlauf", "„Litware compute“"]).await;
    app.press_when_enabled("[data-testid=mark-all-read]").await;
    wait_for_label(&bell, "Benachrichtigungen, 0 ungelesen").await;
    assert!(app.find("[data-testid=bell-count]").is_none());
}

#[wasm_bindgen_test]
async fn a_customer_user_has_no_bell() {
    let app = open(Visit { user: Some("customer:adelev@contoso.onmicrosoft.com"), ..Visit::to("/azure/subscriptions") }).await;
    app.wait_for("[data-testid=my-subscriptions-table]").await;
    assert!(app.find("[data-testid=notifications-bell]").is_none());
}
