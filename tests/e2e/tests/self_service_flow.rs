//! End to end, the seed's story walked through on both backends: the partner prepares a
//! customer that has nothing (Azure plan, Owner), turns Azure reservations On, a user of the
//! customer buys a reservation in their own Azure portal, and the partner sees the order,
//! placed by that user, in the Order history and the Activity log. A user without Owner is
//! refused with Azure's words; after the permission is turned Off the Owner is refused too,
//! and what was bought stays.

use e2e_tests::*;
use fantoccini::{Client, Locator};

const OWNER: &str = "Henrietta Mueller";
const OWNER_UPN: &str = "henriettam@proseware.onmicrosoft.com";
const NOT_OWNER: &str = "Tomás Rojas";

async fn self_service_flow(client: &Client, start_url: &str) {
    client.goto(start_url).await.expect("open the app");
    wait_text(client, "Showing 1–24 of 24").await;

    // An Admin agent prepares a customer that has nothing: the Azure plan, in place.
    open_customer(client, "proseware", "Proseware, Inc.").await;
    wait_text(client, "No active Azure plan or Azure Global subscription.").await;
    click(client, Locator::Css("#readiness-add-azure-plan")).await;
    wait_text(client, "Add an Azure plan for Proseware, Inc.?").await;
    click(client, Locator::XPath("//button[normalize-space()='Place order']")).await;
    wait_text(client, "Azure plan ordered for Proseware, Inc.").await;
    wait_text(client, "Azure subscription: Azure plan (").await;

    // Owner for one user, from the readiness panel.
    let user = client.wait().at_most(WAIT).for_element(Locator::Css("#owner-user")).await.expect("the user to make Owner");
    user.select_by_label(&format!("{OWNER} ({OWNER_UPN})")).await.expect("choose the user");
    click(client, Locator::Css("#assign-owner")).await;
    wait_text(client, &format!("Users with Owner: {OWNER} ({OWNER_UPN})")).await;

    // Azure reservations On.
    click(client, Locator::Css("label[for=switch-reservations]")).await;
    click(client, Locator::XPath("//button[normalize-space()='Turn on']")).await;
    wait_attr(client, "#switch-reservations", "aria-checked", "true").await;

    // A user without Owner is refused, in Azure's words, and nothing is bought.
    sign_in(client, NOT_OWNER, NOT_OWNER).await;
    wait_text(client, "Microsoft Azure").await;
    // Signing in as a customer user opens their portal, under the app's own path.
    client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=my-subscriptions-table]")).await.expect("their subscriptions");
    let url = client.current_url().await.expect("the address");
    assert!(url.path().ends_with("/partner-center/azure/subscriptions"), "{url}");
    let text = buy_reservation(client).await;
    assert!(text.contains("You do not have owner or reservation purchaser access on the subscription."), "{text}");

    // The Owner buys a reservation; the partner is billed.
    sign_in(client, OWNER, OWNER).await;
    let text = buy_reservation(client).await;
    assert!(text.contains("Reservation “VM_RI_"), "{text}");
    click(client, Locator::LinkText("Reservations")).await;
    let rows = client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=reservations-table] tbody")).await.expect("reservations");
    let listed = rows.text().await.unwrap_or_default();
    assert!(listed.contains("Standard_D2s_v5"), "{listed}");

    // The partner sees it: Order history, placed by that user; the Activity log.
    sign_in(client, "Alex Wilber (Admin agent)", "Alex Wilber").await;
    open_customer(client, "proseware", "Proseware, Inc.").await;
    click(client, Locator::LinkText("Order history")).await;
    let first = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-testid=orders-table] tbody tr"))
        .await
        .expect("an order");
    let order = first.text().await.unwrap_or_default();
    assert!(order.contains("Reserved VM Instance, Standard_D2s_v5") && order.contains(OWNER), "{order}");
    let record = newest_activity(client).await;
    assert!(record.contains("Create Order") && record.contains("Proseware, Inc.") && record.contains(OWNER_UPN), "{record}");

    // The partner turns the permission Off: the Owner is refused now, what was bought stays.
    open_customer_again(client).await;
    wait_attr(client, "#switch-reservations", "aria-checked", "true").await;
    click(client, Locator::Css("label[for=switch-reservations]")).await;
    wait_attr(client, "#switch-reservations", "aria-checked", "false").await;
    sign_in(client, OWNER, OWNER).await;
    let text = buy_reservation(client).await;
    assert!(text.contains("has not allowed your organization to buy Azure reservations"), "{text}");
    assert!(text.contains("Adatum Cloud Services"), "{text}");
    click(client, Locator::LinkText("Reservations")).await;
    let rows = client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=reservations-table] tbody")).await.expect("reservations");
    assert_eq!(rows.find_all(Locator::Css("tr")).await.expect("rows").len(), 1, "what was bought stays, nothing more");

    // On a 360 px phone the purchase form fits: nothing scrolls sideways.
    client.set_window_size(360, 800).await.expect("a narrow window");
    click(client, Locator::Css("a[href$='/azure/reservations/purchase']")).await;
    client.wait().at_most(WAIT).for_element(Locator::Css("[data-testid=price-preview]")).await.expect("the form");
    let overflow = client
        .execute("return document.documentElement.scrollWidth - document.documentElement.clientWidth", vec![])
        .await
        .expect("measure the page");
    assert_eq!(overflow.as_i64(), Some(0), "the purchase form scrolls sideways at 360 px");
}

/// Back to Proseware's Account page from anywhere on the partner's side.
async fn open_customer_again(client: &Client) {
    click(client, Locator::LinkText("Customers")).await;
    open_customer(client, "proseware", "Proseware, Inc.").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_user_buys_what_the_partner_prepared_and_allowed_on_the_embedded_store() {
    with_browser(|client, base| async move {
        self_service_flow(&client, &base).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_user_buys_what_the_partner_prepared_and_allowed_against_the_mock_api() {
    let api = mock_api().await;
    let api_url = api.url.clone();
    with_browser(|client, base| async move {
        self_service_flow(&client, &format!("{base}?api={api_url}")).await;
    })
    .await;
    drop(api);
}
