//! End to end, after the purchase, on both backends: a customer user buys a reservation, tries
//! to cancel it and is refused (their partner named, with its e-mail), and asks the partner
//! instead. The partner sees the count of requests waiting, opens them, approves with the
//! refund shown; the reservation shows as cancelled on the partner's Reservations page and in
//! the customer's portal, the request as approved, and the Activity log has both. Then the
//! partner turns auto-renew off and exchanges another reservation.

use std::time::{Duration, Instant};

use e2e_tests::*;
use fantoccini::{Client, Locator};

const LEE: &str = "Lee Gu";
const ALEX: &str = "Alex Wilber (Admin agent)";
const DIALOG: &str = "//div[@role='dialog']";

/// Waits for `css` and gives its text.
async fn text_of(client: &Client, css: &str) -> String {
    match client.wait().at_most(WAIT).for_element(Locator::Css(css)).await {
        Ok(element) => element.text().await.unwrap_or_default(),
        Err(_) => panic!("no {css} on the page:\n{}", body_text(client).await),
    }
}

/// The dialog's button labelled `label`.
async fn press_in_dialog(client: &Client, label: &str) {
    click(client, Locator::XPath(&format!("{DIALOG}//button[normalize-space()='{label}']"))).await;
}

async fn after_purchase_flow(client: &Client, start_url: &str) {
    client.goto(start_url).await.expect("open the app");
    wait_text(client, "Showing 1–24 of 24").await;

    // Lee buys a reservation in Wide World's Azure portal, then tries to cancel it.
    sign_in(client, LEE, LEE).await;
    let text = buy_reservation(client).await;
    assert!(text.contains("Reservation “VM_RI_"), "{text}");
    click(client, Locator::LinkText("Reservations")).await;
    let row = "//table[@data-testid='reservations-table']//tr[contains(., 'VM_RI_')]";
    click(client, Locator::XPath(&format!("{row}//button[normalize-space()='Cancel']"))).await;
    let refused = text_of(client, "[data-testid=manage-refused]").await;
    assert!(refused.contains("Adatum Cloud Services") && refused.contains("csp-support@adatum.com"), "{refused}");
    // Instead, Lee asks the partner.
    let note = client.find(Locator::Css("#ask-note")).await.expect("the note");
    note.send_keys("The project ended early.").await.expect("type a note");
    press_in_dialog(client, "Ask my partner").await;
    wait_text(client, "Your request was sent to Adatum Cloud Services.").await;
    let mine = text_of(client, "[data-testid=my-requests] tbody").await;
    assert!(mine.contains("Cancel (refund)") && mine.contains("Waiting for the partner"), "{mine}");

    // The partner sees the count, opens the requests, approves with the refund shown.
    sign_in(client, ALEX, "Alex Wilber").await;
    client.goto(start_url).await.expect("back to the start");
    let waiting = text_of(client, "[data-testid=requests-waiting]").await;
    assert_eq!(waiting, "1 request waiting");
    click(client, Locator::Css("[data-testid=requests-waiting]")).await;
    let request = "//table[@data-testid='requests-table']//tr[contains(., 'VM_RI_')]";
    let approve = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::XPath(&format!("{request}//button[normalize-space()='Approve']")))
        .await
        .expect("Approve");
    let pressed = Instant::now();
    approve.click().await.expect("press Approve");
    let quote = text_of(client, "[data-testid=refund-quote]").await;
    println!("after purchase: Approve to the confirmation with the refund on screen: {} ms", pressed.elapsed().as_millis());
    assert!(quote.contains("Refund") && quote.contains("$50,000.00"), "{quote}");
    wait_text(client, "their request is approved with it").await;
    press_in_dialog(client, "Cancel reservation").await;
    wait_text(client, "cancelled. The refund goes to the partner's bill.").await;
    let status = text_of(client, "[data-testid=requests-table] tbody").await;
    assert!(status.contains("Approved"), "{status}");
    assert!(client.find(Locator::Css("[data-testid=requests-waiting]")).await.is_err(), "no request waiting any more");

    // The partner's Reservations page, filtered to the cancelled ones (the filter in the address).
    click(client, Locator::Css("nav.left-nav a[href$='/reservations']")).await;
    let status = client.wait().at_most(WAIT).for_element(Locator::Css("#purchases-status")).await.expect("status filter");
    status.select_by_label("Cancelled").await.expect("filter by status");
    let listed = text_of(client, "[data-testid=purchases-table] tbody").await;
    assert!(listed.contains("VM_RI_") && listed.contains("Wide World Importers") && !listed.contains("Web front ends"), "{listed}");
    let url = client.current_url().await.expect("the address");
    assert_eq!(url.query(), Some("status=cancelled"), "{url}");

    // The Activity log has the purchase and the cancellation.
    let record = newest_activity(client).await;
    assert!(record.contains("Cancel Reservation") && record.contains("Wide World Importers"), "{record}");
    let log = body_text(client).await;
    assert!(log.contains("Create Order"), "{log}");

    // In the customer's portal: cancelled, and the request approved.
    sign_in(client, LEE, LEE).await;
    click(client, Locator::LinkText("Reservations")).await;
    let row_text = text_of(client, "[data-testid=reservations-table] tbody").await;
    assert!(row_text.contains("Cancelled"), "{row_text}");
    let mine = text_of(client, "[data-testid=my-requests] tbody").await;
    assert!(mine.contains("Approved"), "{mine}");

    // The partner turns auto-renew off, then exchanges the demo's other reservation.
    sign_in(client, ALEX, "Alex Wilber").await;
    client.goto(start_url).await.expect("back to the start");
    click(client, Locator::Css("nav.left-nav a[href$='/reservations']")).await;
    click(client, Locator::LinkText("Web front ends, West Europe")).await;
    let facts = text_of(client, "[data-testid=purchase-facts]").await;
    assert!(facts.contains("Wide World Importers") && facts.contains("Lee Gu"), "{facts}");
    click(client, Locator::Css("#purchase-renew")).await;
    let renew = text_of(client, "[data-testid=renew-text]").await;
    assert!(renew.contains("is not renewed"), "{renew}");
    press_in_dialog(client, "Turn auto-renew off").await;
    wait_text(client, "Auto-renew is off for “Web front ends, West Europe”.").await;
    wait_text(client, "Turn auto-renew on").await;

    click(client, Locator::Css("#purchase-rename")).await;
    let name = client.wait().at_most(WAIT).for_element(Locator::Css("#rename-name")).await.expect("the name");
    name.clear().await.expect("clear the name");
    name.send_keys("Web front ends, WE").await.expect("a new name");
    press_in_dialog(client, "Rename").await;
    wait_text(client, "Renamed to “Web front ends, WE”.").await;

    click(client, Locator::Css("#purchase-exchange")).await;
    let size = client.wait().at_most(WAIT).for_element(Locator::Css("#exchange-size")).await.expect("the new size");
    size.select_by_value("Standard_D4s_v5").await.expect("a bigger size");
    let deadline = Instant::now() + WAIT;
    let quote = loop {
        let quote = text_of(client, "[data-testid=exchange-quote]").await;
        if quote.contains("Payable on top") && !body_text(client).await.contains("worth less") {
            break quote;
        }
        assert!(Instant::now() < deadline, "{quote}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(quote.contains("Value returned"), "{quote}");
    press_in_dialog(client, "Exchange").await;
    wait_text(client, "exchanged for the new reservation.").await;
    click(client, Locator::Css("nav.left-nav a[href$='/reservations']")).await;
    let listed = text_of(client, "[data-testid=purchases-table] tbody").await;
    assert!(listed.contains("Standard_D4s_v5") && listed.contains("Partner staff"), "{listed}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_customer_asks_and_the_partner_cancels_exchanges_and_renews_on_the_embedded_store() {
    with_browser(|client, base| async move {
        after_purchase_flow(&client, &base).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_customer_asks_and_the_partner_cancels_exchanges_and_renews_against_the_mock_api() {
    let api = mock_api().await;
    let api_url = api.url.clone();
    with_browser(|client, base| async move {
        after_purchase_flow(&client, &format!("{base}?api={api_url}")).await;
    })
    .await;
    drop(api);
}
