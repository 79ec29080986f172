//! Live updates and a server that fails on purpose. On the mock API: a purchase made by a
//! script reaches an open Reservations page within 2 seconds, without a reload; a 429 makes
//! the app wait as `Retry-After` says (and say so) and then succeed; a 503 on a change is
//! put into words and the true state is shown. On the embedded store: two tabs of one
//! browser follow each other's changes.

use std::time::{Duration, Instant};

use api_types::endpoint::{AddFaultRule, ClearFaultRules, CountServedRequests};
use api_types::stand_in::{Fault, FaultMatch, FaultWhen, JournalQuery, NewFaultRule};
use e2e_tests::*;
use fantoccini::Locator;
use test_support::{admin, reservation_request, Client as ApiClient};

const MEGAN: &str = "meganb@contoso.onmicrosoft.com";
const LIVE: Duration = Duration::from_secs(2);

/// The mock API's blocking client on `url`, as the holder of `token`.
fn api(url: &str, token: &str) -> ApiClient {
    let port = url.rsplit(':').next().and_then(|p| p.parse().ok()).expect("a port");
    ApiClient::new(port).with_token(token)
}

/// A fault rule on `method path` (a script's call through the admin API, off the runtime).
async fn add_rule(url: &str, method: &str, path: &str, fault: Fault, when: Option<FaultWhen>) {
    let admin_api = api(url, &admin().token);
    let rule = NewFaultRule {
        matches: FaultMatch { method: Some(method.into()), path: Some(path.into()), caller: None },
        fault,
        when,
        expires_after_uses: None,
        expires_in_seconds: None,
    };
    tokio::task::spawn_blocking(move || {
        admin_api.ok(&ClearFaultRules {});
        admin_api.ok(&AddFaultRule { body: rule });
    })
    .await
    .expect("the rule is added");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scripts_purchase_reaches_an_open_page_and_a_failing_server_is_waited_for_or_explained() {
    let server = mock_api().await;
    let url = server.url.clone();
    with_browser(|client, base| async move {
        client.goto(&format!("{base}?api={url}")).await.expect("open the app");
        wait_text(&client, "Showing 1–24 of 24").await;
        click(&client, Locator::LinkText("Reservations")).await;
        wait_text(&client, "Web front ends, West Europe").await;

        // A script buys as Megan, through the API: the open page shows it within 2 s.
        let megan = api(&url, &format!("demo-{MEGAN}"));
        let mut request = tokio::task::spawn_blocking({
            let megan = megan.clone();
            move || reservation_request(megan.my_azure_subscriptions()[0].subscription_id)
        })
        .await
        .expect("Megan's Azure subscription");
        request.display_name = "Bought by a script".to_string();
        let bought = Instant::now();
        let status = tokio::task::spawn_blocking(move || megan.buy_reservation(&request).status).await.expect("bought");
        assert_eq!(status, 200);
        wait_text_within(&client, "Bought by a script", LIVE).await;
        println!("a script's purchase on the open page after {:?}", bought.elapsed());
        // And in the bell: the demo's three purchases and this one, unread.
        wait_attr(&client, "[data-testid=notifications-bell]", "aria-label", "Notifications, 4 unread").await;

        // The server answers 429 once, with Retry-After 1: the app says it waits, then shows
        // the list; the journal has the 429 and then one 200.
        add_rule(&url, "GET", "/v1/customers", Fault::TooManyRequests { retry_after_seconds: 1 }, Some(FaultWhen::First(1))).await;
        client.goto(&format!("{base}?api={url}")).await.expect("the customers again");
        wait_text(&client, "The server is busy: asking again in 1 s…").await;
        wait_text(&client, "Showing 1–24 of 24").await;
        let journal = api(&url, &admin().token);
        let counts = tokio::task::spawn_blocking(move || {
            let count = |status| journal.ok(&CountServedRequests { query: JournalQuery { status: Some(status), method: Some("GET".into()), path: Some("/v1/customers".into()), ..JournalQuery::default() } }).count;
            (count(429), count(200))
        })
        .await
        .expect("counted");
        assert_eq!(counts.0, 1, "one 429");
        assert!(counts.1 >= 1, "then the list");

        // A rule added in the Requests inspector: the server fails a change (503); the app
        // gives the words, and the switch as it truly is.
        click(&client, Locator::LinkText("Requests inspector")).await;
        let form = client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=new-fault-rule]")).await.expect("the form");
        form.find(Locator::Css("#rule-method")).await.expect("method").select_by_value("POST").await.expect("POST");
        form.find(Locator::Css("#rule-path")).await.expect("path").send_keys("/v1/SelfServePolicy").await.expect("typed");
        form.find(Locator::Css("#rule-fault")).await.expect("fault").select_by_value("503").await.expect("503");
        click(&client, Locator::XPath("//button[normalize-space()='Add rule']")).await;
        wait_text(&client, "Fault rule added.").await;
        let rules = client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=fault-rules]")).await.expect("rules");
        assert!(rules.text().await.unwrap_or_default().contains("POST /v1/SelfServePolicy"));
        click(&client, Locator::LinkText("Customers")).await;
        wait_text(&client, "Showing 1–24 of 24").await;
        open_customer(&client, "fabrikam", "Fabrikam Inc").await;
        wait_attr(&client, "#switch-reservations", "aria-checked", "false").await;
        click(&client, Locator::Css("label[for=switch-reservations]")).await;
        click(&client, Locator::XPath("//button[normalize-space()='Turn on']")).await;
        wait_text(&client, "The server failed (503). Nothing was changed; what is shown was read again.").await;
        wait_attr(&client, "#switch-reservations", "aria-checked", "false").await;

        // The Requests inspector lists what the page just did: the refused POST, marked as
        // injected, with its body laid out in the details; and the rule that refused it.
        click(&client, Locator::LinkText("Requests inspector")).await;
        let row = "//table[@data-testid='served-requests']//tr[contains(., 'POST') and contains(., '/v1/SelfServePolicy')]";
        let found = client.wait().at_most(WAIT).for_element(Locator::XPath(row)).await.expect("the refused POST");
        let text = found.text().await.unwrap_or_default();
        assert!(text.contains("503") && text.contains("Injected"), "{text}");
        click(&client, Locator::XPath(&format!("{row}//button"))).await;
        let details = client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=request-details]")).await.expect("details");
        let details = details.text().await.unwrap_or_default();
        assert!(details.contains("\"permissions\"") || details.contains("permissions"), "{details}");
        let rules = client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=fault-rules]")).await.expect("rules");
        assert!(rules.text().await.unwrap_or_default().contains("/v1/SelfServePolicy"));
        // It follows new requests: a script's call shows up without a reload.
        let script = api(&url, &admin().token);
        tokio::task::spawn_blocking(move || script.get("/v1/partner")).await.expect("a script's call");
        wait_text(&client, "/v1/partner").await;
    })
    .await;
    drop(server);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_tabs_on_the_embedded_store_follow_each_others_changes() {
    with_browser(|client, base| async move {
        client.goto(&base).await.expect("open the app");
        wait_text(&client, "Showing 1–24 of 24").await;
        open_customer(&client, "fabrikam", "Fabrikam Inc").await;
        wait_attr(&client, "#switch-reservations", "aria-checked", "false").await;
        let account = client.current_url().await.expect("its address");
        let first = client.window().await.expect("the first tab");

        // A second tab on the same page.
        let second = client.new_window(true).await.expect("a second tab");
        client.switch_to_window(second.handle).await.expect("to the second tab");
        client.goto(account.as_str()).await.expect("the same page");
        wait_attr(&client, "#switch-reservations", "aria-checked", "false").await;

        // Turned On in the first tab: the second shows it without a reload.
        client.switch_to_window(first.clone()).await.expect("back to the first tab");
        click(&client, Locator::Css("label[for=switch-reservations]")).await;
        click(&client, Locator::XPath("//button[normalize-space()='Turn on']")).await;
        wait_attr(&client, "#switch-reservations", "aria-checked", "true").await;
        let changed = Instant::now();
        let tabs = client.windows().await.expect("the tabs");
        let other = tabs.into_iter().find(|t| *t != first).expect("the second tab");
        client.switch_to_window(other).await.expect("to the second tab");
        wait_attr(&client, "#switch-reservations", "aria-checked", "true").await;
        assert!(changed.elapsed() < Duration::from_secs(5), "{:?}", changed.elapsed());

        // The second tab changes in turn (after the first's change, in the browser's keeping):
        // the first shows it, and a reload finds both kept.
        click(&client, Locator::Css("label[for=switch-savings-plan]")).await;
        click(&client, Locator::XPath("//button[normalize-space()='Turn on']")).await;
        wait_attr(&client, "#switch-savings-plan", "aria-checked", "true").await;
        client.switch_to_window(first).await.expect("back to the first tab");
        wait_attr(&client, "#switch-savings-plan", "aria-checked", "true").await;
        client.refresh().await.expect("reload");
        wait_attr(&client, "#switch-reservations", "aria-checked", "true").await;
        wait_attr(&client, "#switch-savings-plan", "aria-checked", "true").await;
    })
    .await;
}

/// A page reads again only what changed: a change about another customer leaves an open
/// customer's page as it is (no request for it in the journal), a change about this customer
/// is shown; a change of a kind a page does not show (a permission, on the Reservations page
/// and the bell) leaves it as it is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_reads_again_only_for_changes_about_what_it_shows() {
    use api_types::endpoint::ClearServedRequests;
    use domain::Permission;
    let server = mock_api().await;
    let url = server.url.clone();
    with_browser(|client, base| async move {
        client.goto(&format!("{base}?api={url}")).await.expect("open the app");
        wait_text(&client, "Showing 1–24 of 24").await;
        open_customer(&client, "fabrikam", "Fabrikam Inc").await;
        wait_attr(&client, "#switch-reservations", "aria-checked", "false").await;
        let script = api(&url, &admin().token);
        let (fabrikam, northwind) = tokio::task::spawn_blocking({
            let script = script.clone();
            move || (script.customer_id("Fabrikam Inc"), script.customer_id("Northwind Traders"))
        })
        .await
        .expect("the customers");
        let reads_of_fabrikam = {
            let script = script.clone();
            move || {
                let query = JournalQuery { method: Some("GET".into()), path: Some(format!("/v1/customers/{fabrikam}/**")), ..JournalQuery::default() };
                script.ok(&CountServedRequests { query }).count
            }
        };
        // Another customer changes: nothing about Fabrikam is read again.
        tokio::task::spawn_blocking({
            let script = script.clone();
            move || {
                script.ok(&ClearServedRequests {});
                assert_eq!(script.post_policy(&northwind, &[Permission::AzureReservations]).status, 201);
            }
        })
        .await
        .expect("Northwind changed");
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let after_other = tokio::task::spawn_blocking(reads_of_fabrikam.clone()).await.expect("counted");
        assert_eq!(after_other, 0, "a change about Northwind made Fabrikam's page read again");
        // Fabrikam changes: the open page shows it.
        tokio::task::spawn_blocking(move || script.post_policy(&fabrikam, &[Permission::AzureReservations]).status)
            .await
            .expect("Fabrikam changed");
        wait_attr(&client, "#switch-reservations", "aria-checked", "true").await;
        assert!(tokio::task::spawn_blocking(reads_of_fabrikam).await.expect("counted") > 0);

        // A page showing other kinds of things: a permission changed leaves the partner-wide
        // Reservations page and the bell unread (their purchases are shown by the first test).
        click(&client, Locator::LinkText("Reservations")).await;
        wait_text(&client, "Web front ends, West Europe").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let reads_of = |script: ApiClient, path: &'static str| move || {
            script.ok(&CountServedRequests { query: JournalQuery { method: Some("GET".into()), path: Some(path.into()), ..JournalQuery::default() } }).count
        };
        tokio::task::spawn_blocking({
            let script = api(&url, &admin().token);
            move || {
                let coho = script.customer_id("Coho Winery");
                script.ok(&ClearServedRequests {});
                assert_eq!(script.post_policy(&coho, &[Permission::AzureReservations]).status, 201);
            }
        })
        .await
        .expect("Coho Winery changed");
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let reservations = tokio::task::spawn_blocking(reads_of(api(&url, &admin().token), "/providers/Microsoft.Capacity/**")).await.expect("counted");
        let bell = tokio::task::spawn_blocking(reads_of(api(&url, &admin().token), "/v1/notifications**")).await.expect("counted");
        assert_eq!((reservations, bell), (0, 0), "a permission changed made the Reservations page or the bell read again");
    })
    .await;
    drop(server);
}

/// On the mock API, an Admin agent starts its data again from the app (`/_mock/reset`): the
/// list shows the new size; a Helpdesk agent is not offered it, and is told why.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_agent_resets_the_mock_apis_data_from_the_app() {
    let server = mock_api().await;
    let url = server.url.clone();
    with_browser(|client, base| async move {
        client.goto(&format!("{base}?api={url}")).await.expect("open the app");
        wait_text(&client, "Showing 1–24 of 24").await;
        wait_text(&client, "On the mock API this starts its data again for everyone using it.").await;
        let size = client.find(Locator::Css("#demo-size")).await.expect("demo size");
        size.select_by_value("1000").await.expect("choose 1,000");
        click(&client, Locator::XPath("//button[normalize-space()='Reset demo data']")).await;
        wait_text(&client, "Demo data was reset").await;
        wait_text(&client, "of 1,000").await;
        let script = api(&url, &admin().token);
        let total = tokio::task::spawn_blocking(move || {
            let page: api_types::customer::CustomerPage = script.read("/v1/customers?size=1");
            page.total_matches
        })
        .await
        .expect("counted");
        assert_eq!(total, 1000, "the server's data was reset");

        // A Helpdesk agent: the reset is disabled, with the reason.
        sign_in(&client, "Lidia Holloway (Helpdesk agent)", "Lidia Holloway").await;
        wait_text(&client, "Only Admin agents can reset the mock API's data.").await;
        let button = client.find(Locator::XPath("//button[normalize-space()='Reset demo data']")).await.expect("the button");
        assert_eq!(button.attr("disabled").await.expect("read"), Some("true".to_string()));
    })
    .await;
    drop(server);
}
