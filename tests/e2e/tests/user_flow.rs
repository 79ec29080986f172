//! End to end: a real Chromium, driven over WebDriver, against the release build served as
//! static files under a sub-path, on the embedded store and on the mock Partner Center API.
//! Run by `cargo xtask test`, which builds the release and sets the environment.

use e2e_tests::*;
use fantoccini::{Client, Locator};

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
    open_customer(client, "fabrikam", "Fabrikam Inc").await;
    wait_attr(client, "#switch-reservations", "aria-checked", "false").await;
    let url = client.current_url().await.unwrap();
    assert!(url.path().ends_with("/account"), "{url}");

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
    let text = newest_activity(client).await;
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

        // On a 360 px phone: which backend is live is still shown, and nothing scrolls sideways.
        client.set_window_size(360, 800).await.expect("a narrow window");
        for page in ["customers", "activity-log"] {
            client.goto(&format!("{base}{page}")).await.expect("open a page");
            wait_text(&client, "Activity log").await;
            assert!(badge_is_shown(&client).await, "the backend badge is shown at 360 px on {page}");
            let overflow = client
                .execute("return document.documentElement.scrollWidth - document.documentElement.clientWidth", vec![])
                .await
                .expect("measure the page");
            assert_eq!(overflow.as_i64(), Some(0), "{page} scrolls sideways at 360 px");
        }
    })
    .await;
}

async fn badge_is_shown(client: &Client) -> bool {
    match client.find(Locator::Css("[data-testid=backend]")).await {
        Ok(badge) => badge.is_displayed().await.unwrap_or(false),
        Err(_) => false,
    }
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

/// A server that never answers: after 10 s the app says so in words, and the switches
/// stay unmovable rather than guessing a state.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_never_answers_is_reported_after_the_timeout() {
    let silent = silent_server().await;
    with_browser(|client, base| async move {
        client.goto(&format!("{base}?api={silent}")).await.expect("open the app");
        let message = "The server could not be reached (no answer within 10 s). Nothing was changed.";
        wait_text_within(&client, message, std::time::Duration::from_secs(25)).await;
        assert!(!body_text(&client).await.contains("Showing 1–"), "no customers are invented");
    })
    .await;
}

/// Two Admin agents change one customer at once: the second change carries an etag that is
/// no longer current, the server refuses it (412), and the app says so in words and shows
/// the other person's change instead of its own guess.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_that_lost_a_race_is_explained_and_the_real_state_shown() {
    let api = mock_api().await;
    let proxy = racing_proxy(&api.url).await;
    with_browser(|client, base| async move {
        client.goto(&format!("{base}?api={proxy}")).await.expect("open the app");
        wait_text(&client, "Showing 1–25 of 25").await;
        open_customer(&client, "fabrikam", "Fabrikam Inc").await;

        // Reservations On: the policy is created (no race yet).
        wait_attr(&client, "#switch-reservations", "aria-checked", "false").await;
        click(&client, Locator::Css("label[for=switch-reservations]")).await;
        click(&client, Locator::XPath("//button[normalize-space()='Turn on']")).await;
        wait_attr(&client, "#switch-reservations", "aria-checked", "true").await;

        // Savings plan On: meanwhile Diego makes it savings plan only.
        click(&client, Locator::Css("label[for=switch-savings-plan]")).await;
        click(&client, Locator::XPath("//button[normalize-space()='Turn on']")).await;
        wait_text(&client, "Someone else changed this customer's permissions meanwhile. The current state is shown; try again.").await;
        wait_attr(&client, "#switch-savings-plan", "aria-checked", "true").await;
        wait_attr(&client, "#switch-reservations", "aria-checked", "false").await;
        assert!(!body_text(&client).await.contains("Azure savings plan turned On"), "no success is claimed");

        // The Activity log has Diego's change, not a second one of ours.
        let text = newest_activity(&client).await;
        assert!(text.contains("Update Customer Purchase Permissions") && text.contains("Diego Siciliani"), "{text}");
    })
    .await;
    drop(api);
}
