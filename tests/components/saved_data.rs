//! What the browser kept: data of earlier releases and of this one restored, broken data replaced
//! with a notice, 10,000 customers.

use crate::support::*;

/// Demo data saved by an earlier release (format version 1, written with serde_json) is
/// still read: a change made then is still there, and no "could not be read" notice shows.
#[wasm_bindgen_test]
async fn data_saved_by_an_earlier_release_is_restored() {
    let id = customer_id("Relecloud");
    let app = start(&format!("/customers/{id}/account"), Some(ADMIN), Some(include_str!("../fixtures/saved_store_v1.json"))).await;
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
        (STORAGE_PREFIX, include_str!("../fixtures/saved_store_v2_base.json").to_string()),
        ("customer-permissions/store/v2/change/0000000001", include_str!("../fixtures/saved_store_v2_change_1.json").to_string()),
        ("customer-permissions/store/v2/change/0000000002", include_str!("../fixtures/saved_store_v2_change_2.json").to_string()),
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
        (STORAGE_PREFIX, include_str!("../fixtures/saved_store_v2_base.json").to_string()),
        ("customer-permissions/store/v2/change/0000000001", "{\"Nonsense\":{}}".to_string()),
    ];
    let app = open(Visit { saved, ..Visit::to("/customers") }).await;
    app.wait_for_text("Saved demo data could not be read, so fresh demo data was loaded.").await;
    app.wait_for_text(ALL_HAND_MADE).await;
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

/// Another tab of this browser keeps a change: this tab (a returning visit, which read kept
/// data) applies it from the `storage` event alone (here the change is not even in storage,
/// so reading the store again could not show it), and the open page shows it.
#[wasm_bindgen_test]
async fn a_change_another_tab_kept_is_applied_from_its_event() {
    use domain::Clock as _;
    use serde::Serialize as _;
    let id = customer_id("Relecloud");
    let path = format!("/customers/{id}/account");
    let app = start(&path, Some(ADMIN), None).await;
    let reservations = app.wait_for("#switch-reservations").await;
    wait_until(|| (!reservations.has_attribute("disabled")).then_some(())).await;
    reservations.unchecked_ref::<HtmlElement>().click();
    app.wait_for("[role=dialog]").await;
    app.button("Turn on").click();
    app.wait_for_text("Azure reservations turned On for Relecloud.").await;
    drop(app);
    let app = open(Visit { keep_storage: true, ..Visit::to(&path) }).await;
    let switch = app.wait_for("#switch-savings-plan").await;
    wait_until(|| (!switch.has_attribute("disabled")).then_some(())).await;
    assert_eq!(aria_checked(&switch), "false");

    // What the other tab decided and kept: Relecloud's savings plan On, as its next change.
    let now = customer_permissions::backend::BrowserClock.now();
    let store = PartnerStore::demo(DemoSpec::new(0, now));
    let customer = domain::CustomerId::parse(&id).unwrap();
    let wanted = [domain::Permission::AzureSavingsPlan].into_iter().collect();
    let change = store
        .decide_permissions(&PartnerUserId::new(ADMIN), &customer, wanted, domain::Precondition::Any, &domain::FixedClock::new(now))
        .unwrap()
        .unwrap();
    let text = js_sys::JSON::stringify(&change.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap()).unwrap();
    let kept = (0..storage().length().unwrap()).filter_map(|i| storage().key(i).unwrap()).filter(|k| k.starts_with(&format!("{STORAGE_PREFIX}/change/"))).count();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(&format!("{STORAGE_PREFIX}/change/{:010}", kept + 1)));
    init.set_new_value(Some(&String::from(text)));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();

    wait_until(|| (aria_checked(&switch) == "true").then_some(())).await;
    assert_eq!(aria_checked(&switch), "true", "the other tab's change is shown");
}
