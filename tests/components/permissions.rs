//! Customer permissions: the switches, their confirmation, who may move them, and what a change
//! keeps.

use crate::support::*;

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
    let id = customer_id("Relecloud");
    drop(app);
    let path = format!("/customers/{id}/account");
    let app = open(Visit { keep_storage: true, ..Visit::to(&path) }).await;
    let switch = app.wait_for("#switch-savings-plan").await;
    wait_until(|| (!switch.has_attribute("disabled")).then_some(())).await;
    // Counted once the page has read (the demo's year-old reservation, renewed on the first
    // read, is kept then: that is the passing of time, not this change).
    let before = stored_bytes();
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

/// A keyboard user turns a permission On and Off again without leaving the switch: the change
/// and the page's reading again keep the page as it is, and the focus on the switch.
#[wasm_bindgen_test]
async fn the_focus_stays_on_the_switch_through_a_change_and_the_read_after_it() {
    let id = customer_id("Relecloud");
    let app = start(&format!("/customers/{id}/account"), Some(ADMIN), None).await;
    let switch = app.wait_for("#switch-savings-plan").await;
    wait_until(|| (!switch.has_attribute("disabled")).then_some(())).await;
    switch.unchecked_ref::<HtmlElement>().focus().unwrap();
    press(&switch, "Enter");
    app.wait_for("[role=dialog]").await;
    app.button("Turn on").click();
    app.wait_for_text("Azure savings plan turned On for Relecloud.").await;
    settle().await;
    let now = app.wait_for("#switch-savings-plan").await;
    assert!(now == switch, "the page was built anew");
    assert_eq!(aria_checked(&now), "true");
    assert_eq!(document().active_element().map(|el| el.id()).as_deref(), Some("switch-savings-plan"));

    press(&switch, "Enter");
    app.wait_for_text("Azure savings plan turned Off for Relecloud.").await;
    settle().await;
    assert_eq!(aria_checked(&switch), "false");
    assert_eq!(document().active_element().map(|el| el.id()).as_deref(), Some("switch-savings-plan"));
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
