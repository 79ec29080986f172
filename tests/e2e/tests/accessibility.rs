//! Accessibility is part of correctness: axe-core (installed by `cargo xtask setup` from the
//! npm registry) finds no violation on any page, in English and in German, also with the
//! confirmation dialog open.

use e2e_tests::*;
use fantoccini::{Client, Locator};

/// Runs axe-core on the page as it is; the violations it finds, one line each.
const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ['violations'] })
  .then(r => done(r.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)))
  .catch(e => done([`axe failed: ${e}`]));
"#;

/// axe-core's script, as `cargo xtask setup` installed it.
fn axe_core() -> String {
    let path = std::env::var("AXE_CORE_JS").expect("AXE_CORE_JS is not set: run with `cargo xtask test`");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The Customers list in `language` (as the picker names it), once it shows `all_customers`.
async fn open_customers_in(client: &Client, base: &str, language: &str, all_customers: &str) {
    client.goto(&format!("{base}customers")).await.expect("open the app");
    let picker = client.wait().at_most(WAIT).for_element(Locator::Css("#language-select")).await.expect("language picker");
    picker.select_by_label(language).await.expect("choose a language");
    wait_text(client, all_customers).await;
}

async fn violations(client: &Client, axe: &str, page: &str) -> Vec<String> {
    client.execute(axe, vec![]).await.expect("load axe-core into the page");
    let found = client.execute_async(RUN_AXE, vec![]).await.expect("run axe-core");
    found
        .as_array()
        .map(|list| list.iter().filter_map(|v| v.as_str()).map(|v| format!("{page}: {v}")).collect())
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_page_has_an_axe_violation_in_either_language() {
    let axe = axe_core();
    with_browser(|client, base| async move {
        let mut found = Vec::new();
        for (language, all_customers) in [("English", "Showing 1–24 of 24"), ("Deutsch", "1–24 von 24")] {
            open_customers_in(&client, &base, language, all_customers).await;
            found.extend(violations(&client, &axe, &format!("{language} customers")).await);

            click(&client, Locator::LinkText("Fabrikam Inc")).await;
            wait_attr(&client, "#switch-reservations", "aria-checked", "false").await;
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=users-table]")).await.expect("users");
            let account = client.current_url().await.expect("the address").to_string();
            found.extend(violations(&client, &axe, &format!("{language} account")).await);

            click(&client, Locator::Css("label[for=switch-reservations]")).await;
            client.wait().at_most(WAIT).for_element(Locator::Css("[role=dialog]")).await.expect("the dialog");
            found.extend(violations(&client, &axe, &format!("{language} confirmation dialog")).await);
            client.goto(&account).await.expect("close the dialog by leaving");

            client.goto(&account.replace("/account", "/subscriptions")).await.expect("open subscriptions");
            wait_text(&client, "DZH318Z0BPS6").await;
            found.extend(violations(&client, &axe, &format!("{language} subscriptions")).await);

            client.goto(&format!("{base}activity-log")).await.expect("open the activity log");
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=activity-table]")).await.expect("records");
            found.extend(violations(&client, &axe, &format!("{language} activity log")).await);

            client.goto(&format!("{base}no/such/page")).await.expect("open an unknown page");
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=not-found]")).await.expect("not found");
            found.extend(violations(&client, &axe, &format!("{language} not found")).await);

            // Sales agents see the switches read-only, with the reason.
            client.goto(&account).await.expect("open the account again");
            let select = client.wait().at_most(WAIT).for_element(Locator::Css("#identity-select")).await.expect("users");
            select.select_by_value("isaiah.langer@adatumcloud.onmicrosoft.com").await.expect("a Sales agent");
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=read-only-reason]")).await.expect("the reason");
            found.extend(violations(&client, &axe, &format!("{language} account, read-only")).await);
            select.select_by_value("alex.wilber@adatumcloud.onmicrosoft.com").await.expect("an Admin agent");
        }
        assert!(found.is_empty(), "axe-core found violations:\n{}", found.join("\n"));
    })
    .await;
}

/// The pages of the customer buying on their own, as the partner's staff and as a customer
/// user sees them: Order history, Manage (Access control) with its dialogs, the readiness
/// fixes, the customer's own Azure portal with both purchase forms and a refusal, and the
/// page that tells a customer user Partner Center is not theirs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_self_service_pages_have_no_axe_violation_in_either_language() {
    let axe = axe_core();
    with_browser(|client, base| async move {
        let mut found = Vec::new();
        for (language, all_customers) in [("English", "Showing 1–24 of 24"), ("Deutsch", "1–24 von 24")] {
            open_customers_in(&client, &base, language, all_customers).await;
            let select = client.find(Locator::Css("#identity-select")).await.expect("users");
            select.select_by_value("alex.wilber@adatumcloud.onmicrosoft.com").await.expect("an Admin agent");

            // A customer with nothing: the readiness panel's fixes, and the Azure plan's dialog.
            click(&client, Locator::LinkText("Proseware, Inc.")).await;
            client.wait().at_most(WAIT).for_element(Locator::Css("#readiness-add-azure-plan")).await.expect("the fix");
            found.extend(violations(&client, &axe, &format!("{language} account, readiness fixes")).await);
            click(&client, Locator::Css("#readiness-add-azure-plan")).await;
            client.wait().at_most(WAIT).for_element(Locator::Css("[role=dialog]")).await.expect("the dialog");
            found.extend(violations(&client, &axe, &format!("{language} Add Azure plan dialog")).await);
            client.goto(&format!("{base}customers")).await.expect("leave the dialog");

            // Order history, and Manage with its dialogs.
            click(&client, Locator::LinkText("Wide World Importers")).await;
            let account = client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=users-table]")).await.map(|_| ());
            account.expect("the account page");
            let here = client.current_url().await.expect("the address").to_string();
            client.goto(&here.replace("/account", "/orders")).await.expect("open the order history");
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=orders-table]")).await.expect("orders");
            found.extend(violations(&client, &axe, &format!("{language} order history")).await);
            client.goto(&here.replace("/account", "/subscriptions")).await.expect("open subscriptions");
            click(&client, Locator::Css("a.manage-link")).await;
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=role-assignments-table]")).await.expect("roles");
            found.extend(violations(&client, &axe, &format!("{language} access control")).await);
            let member = client.wait().at_most(WAIT).for_element(Locator::Css("#role-member option:nth-child(2)")).await.expect("a member");
            member.click().await.expect("choose a member");
            click(&client, Locator::Css("#review-assign")).await;
            client.wait().at_most(WAIT).for_element(Locator::Css("[role=dialog]")).await.expect("Review + assign");
            found.extend(violations(&client, &axe, &format!("{language} Review + assign dialog")).await);
            client.goto(client.current_url().await.expect("the address").as_ref()).await.expect("leave the dialog");
            click(&client, Locator::Css("[data-testid=role-assignments-table] button")).await;
            client.wait().at_most(WAIT).for_element(Locator::Css("[role=dialog]")).await.expect("Remove");
            found.extend(violations(&client, &axe, &format!("{language} remove role dialog")).await);

            // The customer's own portal.
            client.goto(&format!("{base}customers")).await.expect("leave the dialog");
            let select = client.wait().at_most(WAIT).for_element(Locator::Css("#identity-select")).await.expect("users");
            select.select_by_value("customer:meganb@contoso.onmicrosoft.com").await.expect("a customer user");
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=my-subscriptions-table]")).await.expect("her subscriptions");
            found.extend(violations(&client, &axe, &format!("{language} portal subscriptions")).await);
            for (page, ready) in [
                ("azure/reservations", "[data-testid=reservations-table], .empty"),
                ("azure/savings-plans", "[data-testid=savings-plans-table], .empty"),
                ("azure/savings-plans/purchase", "[data-testid=price-preview]"),
                ("azure/reservations/purchase", "[data-testid=price-preview]"),
            ] {
                client.goto(&format!("{base}{page}")).await.expect("open a portal page");
                client.wait().at_most(WAIT).for_element(Locator::Css(ready)).await.expect("the page");
                found.extend(violations(&client, &axe, &format!("{language} {page}")).await);
            }
            // A refusal on the form: Adele is only Contributor.
            let select = client.find(Locator::Css("#identity-select")).await.expect("users");
            select.select_by_value("customer:adelev@contoso.onmicrosoft.com").await.expect("a Contributor");
            click(&client, Locator::Css("#buy-reservation")).await;
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=purchase-refusal]")).await.expect("the refusal");
            found.extend(violations(&client, &axe, &format!("{language} purchase refused")).await);

            client.goto(&format!("{base}customers")).await.expect("a partner page");
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=other-side]")).await.expect("not theirs");
            found.extend(violations(&client, &axe, &format!("{language} partner page for a customer user")).await);
            let select = client.find(Locator::Css("#identity-select")).await.expect("users");
            select.select_by_value("alex.wilber@adatumcloud.onmicrosoft.com").await.expect("back to the partner");
        }
        assert!(found.is_empty(), "axe-core found violations:\n{}", found.join("\n"));
    })
    .await;
}

/// After the purchase: the partner's Reservations (and a customer's tab), a purchase with its
/// Cancel, Exchange and Renew confirmations, the same page read-only for a Sales agent,
/// Requests with the Decline dialog; in the portal, the refusal with Ask my partner and the
/// list of requests. In both languages.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_after_purchase_pages_and_dialogs_have_no_axe_violation_in_either_language() {
    let axe = axe_core();
    with_browser(|client, base| async move {
        let mut found = Vec::new();
        for (language, all_customers) in [("English", "Showing 1–24 of 24"), ("Deutsch", "1–24 von 24")] {
            open_customers_in(&client, &base, language, all_customers).await;
            // The customer asks first, so that the partner has a request.
            let select = client.find(Locator::Css("#identity-select")).await.expect("users");
            select.select_by_value("customer:leeg@wideworldimporters.onmicrosoft.com").await.expect("a customer user");
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=my-subscriptions-table]")).await.expect("portal");
            client.goto(&format!("{base}azure/reservations")).await.expect("portal reservations");
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=reservations-table] button")).await.expect("buttons");
            found.extend(violations(&client, &axe, &format!("{language} portal reservations with requests")).await);
            click(&client, Locator::Css("[data-testid=reservations-table] button")).await;
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=manage-refused]")).await.expect("the refusal");
            found.extend(violations(&client, &axe, &format!("{language} Ask my partner dialog")).await);
            click(&client, Locator::Css("[role=dialog] .button-primary")).await;
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=my-request]")).await.expect("the request");
            found.extend(violations(&client, &axe, &format!("{language} portal requests")).await);

            let select = client.find(Locator::Css("#identity-select")).await.expect("users");
            select.select_by_value("alex.wilber@adatumcloud.onmicrosoft.com").await.expect("an Admin agent");
            client.goto(&format!("{base}reservations")).await.expect("the partner's Reservations");
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=purchases-table]")).await.expect("purchases");
            found.extend(violations(&client, &axe, &format!("{language} Reservations")).await);
            click(&client, Locator::Css("[data-testid=purchases-table] a[href*='/reservations/reservation/']")).await;
            client.wait().at_most(WAIT).for_element(Locator::Css("#purchase-cancel")).await.expect("a reservation");
            let purchase = client.current_url().await.expect("the address").to_string();
            found.extend(violations(&client, &axe, &format!("{language} a reservation")).await);
            for (button, ready) in [
                ("#purchase-cancel", "[data-testid=refund-quote]"),
                ("#purchase-exchange", "[data-testid=exchange-quote]"),
                ("#purchase-renew", "[data-testid=renew-text]"),
                ("#purchase-rename", "#rename-name"),
            ] {
                client.goto(&purchase).await.expect("the reservation");
                click(&client, Locator::Css(button)).await;
                client.wait().at_most(WAIT).for_element(Locator::Css(ready)).await.expect("the confirmation");
                found.extend(violations(&client, &axe, &format!("{language} {button} dialog")).await);
            }
            client.goto(&format!("{base}requests")).await.expect("Requests");
            click(&client, Locator::Css("[data-testid=requests-table] button[id^=decline]")).await;
            client.wait().at_most(WAIT).for_element(Locator::Css("#decline-reason")).await.expect("the reason");
            found.extend(violations(&client, &axe, &format!("{language} Decline dialog")).await);
            let reason = client.find(Locator::Css("#decline-reason")).await.expect("the reason");
            reason.send_keys("Not this month.").await.expect("a reason");
            click(&client, Locator::Css("[role=dialog] .button-primary")).await;
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=request-row]")).await.expect("the request");
            found.extend(violations(&client, &axe, &format!("{language} Requests")).await);

            // Read-only for a Sales agent, with the reason.
            let select = client.find(Locator::Css("#identity-select")).await.expect("users");
            select.select_by_value("isaiah.langer@adatumcloud.onmicrosoft.com").await.expect("a Sales agent");
            client.goto(&purchase).await.expect("the reservation");
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=read-only-reason]")).await.expect("the reason");
            found.extend(violations(&client, &axe, &format!("{language} a reservation, read-only")).await);
            let select = client.find(Locator::Css("#identity-select")).await.expect("users");
            select.select_by_value("alex.wilber@adatumcloud.onmicrosoft.com").await.expect("back to the Admin agent");
        }
        assert!(found.is_empty(), "axe-core found violations:\n{}", found.join("\n"));
    })
    .await;
}

/// A page whose chunk cannot be loaded: its message and buttons, in both languages.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chunk_that_failed_has_no_axe_violation_in_either_language() {
    let axe = axe_core();
    let failing = FailingFiles::default();
    failing.fail("/split_activity-");
    with_browser_on("en-US", failing, |client, base| async move {
        let mut found = Vec::new();
        for (language, all_customers, message) in [
            ("English", "Showing 1–24 of 24", "This page could not be loaded"),
            ("Deutsch", "1–24 von 24", "Diese Seite konnte nicht geladen werden"),
        ] {
            open_customers_in(&client, &base, language, all_customers).await;
            click(&client, Locator::Css(".left-nav a[href$='activity-log']")).await;
            wait_text(&client, message).await;
            found.extend(violations(&client, &axe, &format!("{language} chunk failed")).await);
        }
        assert!(found.is_empty(), "axe-core found violations:\n{}", found.join("\n"));
    })
    .await;
}

/// The Requests inspector (on the mock API, with a fault rule listed and a request's details
/// open) has no violation, in either language.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_requests_inspector_has_no_axe_violation_in_either_language() {
    use api_types::endpoint::AddFaultRule;
    use api_types::stand_in::{Fault, FaultMatch, NewFaultRule};
    let axe = axe_core();
    let server = mock_api().await;
    let url = server.url.clone();
    let port: u16 = url.rsplit(':').next().and_then(|p| p.parse().ok()).expect("a port");
    tokio::task::spawn_blocking(move || {
        test_support::Client::new(port).with_token(&test_support::admin().token).ok(&AddFaultRule {
            body: NewFaultRule {
                matches: FaultMatch { method: Some("GET".into()), path: Some("/v1/nothing".into()), caller: None },
                fault: Fault::ServerError { status: 503 },
                when: None,
                expires_after_uses: None,
                expires_in_seconds: None,
            },
        });
    })
    .await
    .expect("a rule");
    with_browser(|client, base| async move {
        let mut found = Vec::new();
        for (language, all_customers, details) in [("English", "Showing 1–24 of 24", "Request details"), ("Deutsch", "1–24 von 24", "Details der Anfrage")] {
            client.goto(&format!("{base}customers?api={url}")).await.expect("open the app");
            let picker = client.wait().at_most(WAIT).for_element(Locator::Css("#language-select")).await.expect("language picker");
            picker.select_by_label(language).await.expect("choose a language");
            wait_text(&client, all_customers).await;
            client.goto(&format!("{base}developer/requests")).await.expect("the inspector");
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=served-requests]")).await.expect("the requests");
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=fault-rules]")).await.expect("the rules");
            found.extend(violations(&client, &axe, &format!("{language} requests inspector")).await);
            click(&client, Locator::XPath(&format!("//table[@data-testid='served-requests']//tr[contains(., '/v1/customers')]//button[normalize-space()='{details}']"))).await;
            client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=request-details]")).await.expect("the details");
            found.extend(violations(&client, &axe, &format!("{language} request details")).await);
            click(&client, Locator::Css("[data-testid=notifications-bell]")).await;
            client.wait().at_most(WAIT).for_element(Locator::Css("#notifications-panel a")).await.expect("the notifications");
            found.extend(violations(&client, &axe, &format!("{language} notifications")).await);
        }
        assert!(found.is_empty(), "axe-core found:\n{}", found.join("\n"));
    })
    .await;
    drop(server);
}
