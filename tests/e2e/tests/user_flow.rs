//! End to end: a real Chromium, driven over WebDriver, against the release build served as
//! static files under a sub-path, on the embedded store and on the mock Partner Center API.
//! Run by `cargo xtask test`, which builds the release and sets the environment.

use e2e_tests::*;
use fantoccini::{Client, Locator};

/// The words the main flow looks for, in one language of the UI.
struct Words {
    /// The language picker's option (`None`: leave the language as it is, English).
    language: Option<&'static str>,
    all_customers: &'static str,
    diego: &'static str,
    isaiah: &'static str,
    switch_label_heading: &'static str,
    consequence: &'static str,
    turn_on: &'static str,
    turned_on: &'static str,
    settings: &'static str,
    explained: &'static str,
    read_only: &'static str,
}

const ENGLISH: Words = Words {
    language: None,
    all_customers: "Showing 1–24 of 24",
    diego: "Diego Siciliani (Admin agent)",
    isaiah: "Isaiah Langer (Sales agent)",
    switch_label_heading: "Customer permissions",
    consequence: "You pay for every later purchase this customer makes.",
    turn_on: "Turn on",
    turned_on: "Azure reservations turned On for Fabrikam Inc.",
    settings: "Settings: Activity log",
    explained: "The first permission was granted.",
    read_only: "Only an Admin agent can change customer permissions",
};

const GERMAN: Words = Words {
    language: Some("Deutsch"),
    all_customers: "1–24 von 24",
    diego: "Diego Siciliani (Administrator-Agent)",
    isaiah: "Isaiah Langer (Vertriebs-Agent)",
    switch_label_heading: "Kundenberechtigungen",
    consequence: "Sie bezahlen jeden späteren Kauf dieses Kunden.",
    turn_on: "Einschalten",
    turned_on: "Azure-Reservierungen für Fabrikam Inc eingeschaltet.",
    settings: "Einstellungen: Aktivitätsprotokoll",
    explained: "Die erste Berechtigung wurde erteilt.",
    read_only: "Nur ein Administrator-Agent kann Kundenberechtigungen ändern",
};

/// The main user flow, on whichever backend `start_url` selects and in the language `w`
/// speaks: search a customer, open it, turn Azure reservations On through the confirmation,
/// reload, still On, and the Activity log shows the Create record by the user who did it.
async fn main_flow(client: &Client, start_url: &str, w: &Words) {
    client.goto(start_url).await.expect("open the app");
    if let Some(language) = w.language {
        let picker = client.wait().at_most(WAIT).for_element(Locator::Css("#language-select")).await.expect("language picker");
        picker.select_by_label(language).await.expect("choose a language");
    }
    wait_text(client, w.all_customers).await;

    // Sign in as the second Admin agent.
    let select = client.find(Locator::Css("#identity-select")).await.expect("identity switcher");
    select.select_by_label(w.diego).await.expect("choose a user");
    wait_text(client, "Diego Siciliani").await;

    // Search, open the customer.
    open_customer(client, "fabrikam", "Fabrikam Inc").await;
    wait_attr(client, "#switch-reservations", "aria-checked", "false").await;
    let url = client.current_url().await.unwrap();
    assert!(url.path().ends_with("/account"), "{url}");

    // Turn Azure reservations On, through the confirmation.
    click(client, Locator::Css("label[for=switch-reservations]")).await;
    wait_text(client, w.consequence).await;
    click(client, Locator::XPath(&format!("//button[normalize-space()='{}']", w.turn_on))).await;
    wait_attr(client, "#switch-reservations", "aria-checked", "true").await;
    wait_text(client, w.turned_on).await;

    // Reload the deep link: still On, still in the same language.
    client.refresh().await.expect("reload");
    wait_text(client, w.switch_label_heading).await;
    wait_attr(client, "#switch-reservations", "aria-checked", "true").await;
    wait_text(client, "Diego Siciliani").await;

    // The gear opens the Activity log: the newest record is ours, named as Partner Center
    // names it, explained in the language shown.
    click(client, Locator::Css(&format!("a[aria-label='{}']", w.settings))).await;
    let first_row = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-testid=activity-table] tbody tr"))
        .await
        .expect("an activity record");
    let text = first_row.text().await.unwrap_or_default();
    assert!(text.contains("Fabrikam Inc"), "{text}");
    assert!(text.contains("Create Customer Purchase Permissions"), "{text}");
    assert!(text.contains(w.explained), "{text}");
    assert!(text.contains("Diego Siciliani"), "{text}");

    // A Sales agent sees the switch read-only, with the reason.
    let select = client.find(Locator::Css("#identity-select")).await.expect("identity switcher");
    select.select_by_label(w.isaiah).await.expect("choose a user");
    click(client, Locator::LinkText("Fabrikam Inc")).await;
    wait_text(client, w.read_only).await;
    let switch = client.wait().at_most(WAIT).for_element(Locator::Css("#switch-reservations")).await.expect("switch");
    assert!(switch.attr("disabled").await.ok().flatten().is_some(), "read-only for a Sales agent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_agent_turns_reservations_on_and_it_survives_a_reload() {
    with_browser(|client, base| async move {
        main_flow(&client, &base, &ENGLISH).await;
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
        main_flow(&client, &format!("{base}?api={api_url}"), &ENGLISH).await;
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

/// The same flow in German, against the mock API: every word on its way is German, the
/// Activity log keeps Partner Center's action names with a German explanation.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_main_flow_in_german() {
    let api = mock_api().await;
    let api_url = api.url.clone();
    with_browser(|client, base| async move {
        main_flow(&client, &format!("{base}?api={api_url}"), &GERMAN).await;
        let html = client.find(Locator::Css("html")).await.expect("the document");
        assert_eq!(html.attr("lang").await.ok().flatten().as_deref(), Some("de-DE"));
        assert_eq!(client.title().await.unwrap_or_default(), "Konto – Fabrikam Inc · Partner Center");
        let badge = client.find(Locator::Css("[data-testid=backend]")).await.expect("backend badge");
        assert_eq!(badge.text().await.unwrap_or_default(), format!("Mock-API: {api_url}"));
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
        wait_text(&client, "Showing 1–24 of 24").await;
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

/// On a first visit the app speaks the browser's language: German for a German browser,
/// until the user picks another, which is then kept.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_visit_follows_the_browsers_language() {
    with_browser_in("de-DE", |client, base| async move {
        client.goto(&base).await.expect("open the app");
        wait_text(&client, "1–24 von 24").await;
        let picker = client.find(Locator::Css("#language-select")).await.expect("language picker");
        picker.select_by_label("English").await.expect("choose English");
        wait_text(&client, "Showing 1–24 of 24").await;
        client.refresh().await.expect("reload");
        wait_text(&client, "Showing 1–24 of 24").await;
    })
    .await;
}
