//! The Customers list and moving around: links and Back, the search and the page in the address,
//! unknown pages, switching the user, an API that cannot be reached.

use crate::support::*;

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
async fn an_unreachable_api_is_a_clear_message_not_a_crash() {
    // Nothing listens on port 9 (discard) here: every call fails at once.
    let app = start("/customers?api=http://127.0.0.1:9", Some(ADMIN), None).await;
    app.wait_for_text("Mock API: http://127.0.0.1:9").await;
    app.wait_for_text("The server could not be reached").await;
    // The mock API's data is everyone's who uses it: only a partner Admin agent may reset it,
    // and with the server out of reach nobody is known to be one.
    app.wait_for_text("Only Admin agents can reset the mock API's data.").await;
    assert!(app.find("#demo-size").is_some_and(|s| s.has_attribute("disabled")));
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
