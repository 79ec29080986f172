//! Order history (who placed each order) and the Activity log's action filter, also in German.

use crate::support::*;

/// What the partner is billed for the reservation Lee Gu bought in the demo, as `lang`
/// writes it.
fn lees_reservation_total(lang: customer_permissions::i18n::Lang) -> String {
    let store = PartnerStore::demo(DemoSpec::new(0, time::OffsetDateTime::UNIX_EPOCH));
    let id = domain::CustomerId::parse(&customer_id("Wide World Importers")).unwrap();
    let orders = store.orders(&PartnerUserId::new(ADMIN), &id).unwrap();
    let lees = orders.iter().find(|o| matches!(o.placed_by, domain::PlacedBy::Customer(_))).unwrap();
    customer_permissions::i18n::format_money(lang, lees.total().as_dollars(), false)
}

/// Whether the Activity log shows records, all of `action`.
fn only_action(app: &Mounted, action: &str) -> Option<()> {
    let rows = table_rows(app, "activity-table");
    (!rows.is_empty() && rows.iter().all(|r| r.contains(action))).then_some(())
}

/// The Order history lists the partner's orders and what the customer's users bought on
/// their own, newest first, each with who placed it; the filter shows one kind.
#[wasm_bindgen_test]
async fn order_history_shows_who_placed_each_order() {
    let id = customer_id("Wide World Importers");
    let app = open(Visit::to(&format!("/customers/{id}/orders"))).await;
    app.wait_for("[data-testid=orders-table] tbody tr").await;
    assert_eq!(document().title(), "Order history – Wide World Importers · Partner Center");
    assert!(app.text().contains("You are billed for all of them."), "the hint says who pays");
    let rows = table_rows(&app, "orders-table");
    let lee = &rows[0];
    assert!(lee.contains("Reserved VM Instance, Standard_D2s_v5"), "newest first: {rows:?}");
    assert!(lee.contains("Lee Gu") && lee.contains("Customer's user"), "{lee}");
    assert!(lee.contains("1 year") && lee.contains("Monthly") && lee.contains("Completed"), "{lee}");
    assert!(lee.contains(&lees_reservation_total(customer_permissions::i18n::Lang::En)), "{lee}");
    let plan = app.row("Azure plan");
    assert!(plan.contains("Alex Wilber") && plan.contains("Partner staff") && plan.contains("—"), "{plan}");
    assert!(plan.contains("One-time") && plan.contains("$0.00"), "{plan}");

    choose("#orders-placed-by", "customer");
    // Lee's purchases: today's, and one bought a year and a month ago with its renewal.
    assert!(wait_until(|| (table_rows(&app, "orders-table").len() == 3).then_some(())).await.is_some(), "only Lee's purchases");
    assert!(table_rows(&app, "orders-table").iter().all(|r| r.contains("Lee Gu")));
    choose("#orders-placed-by", "partner");
    let partner_only = || table_rows(&app, "orders-table").iter().all(|r| r.contains("Partner staff")).then_some(());
    assert!(wait_until(partner_only).await.is_some(), "only the partner's orders");
    assert!(table_rows(&app, "orders-table").iter().all(|r| !r.contains("Lee Gu")));
}

/// The Activity log shows one kind of action at a time: Create Order lists only orders,
/// a customer user's purchase among them with what it cost; the choice is in the address
/// and survives a reload; Create Customer Purchase Permissions lists no order.
#[wasm_bindgen_test]
async fn the_activity_log_filters_by_action_in_the_address() {
    let app = open(Visit::to("/activity-log")).await;
    app.wait_for("[data-testid=activity-table] tbody tr").await;
    choose("#activity-action", "create_order");
    wait_until(|| (pathname_and_search() == "/activity-log?action=create_order").then_some(())).await;
    assert_eq!(pathname_and_search(), "/activity-log?action=create_order");
    assert!(wait_until(|| only_action(&app, "Create Order")).await.is_some(), "only orders: {:?}", table_rows(&app, "activity-table"));
    let lee = app.row("Lee Gu");
    assert!(lee.contains("Wide World Importers") && lee.contains("Customer's user"), "{lee}");
    assert!(lee.contains("Reserved VM Instance, Standard_D2s_v5") && lee.contains("Quantity: 2"), "{lee}");
    assert!(lee.contains(&format!("Total billed: {}", lees_reservation_total(customer_permissions::i18n::Lang::En))), "{lee}");
    assert!(lee.contains("Billing frequency: Monthly"), "{lee}");
    drop(app);

    // A reload keeps the choice.
    let app = open(Visit { keep_storage: true, ..Visit::to("/activity-log?action=create_order") }).await;
    app.wait_for("[data-testid=activity-table] tbody tr").await;
    assert!(wait_until(|| only_action(&app, "Create Order")).await.is_some(), "still only orders: {:?}", table_rows(&app, "activity-table"));
    let select: web_sys::HtmlSelectElement = app.wait_for("#activity-action").await.unchecked_into();
    assert_eq!(select.value(), "create_order");

    choose("#activity-action", "create_self_serve_policy");
    let only_grants = || only_action(&app, "Create Customer Purchase Permissions");
    assert!(wait_until(only_grants).await.is_some(), "only grants: {:?}", table_rows(&app, "activity-table"));
    assert!(table_rows(&app, "activity-table").iter().all(|r| !r.contains("Create Order") && !r.contains("Reserved VM")));
    assert_eq!(pathname_and_search(), "/activity-log?action=create_self_serve_policy");
}

/// In German: the Order history's words, the customer's purchase marked as the customer's
/// user, and the Activity log's filter.
#[wasm_bindgen_test]
async fn order_history_and_the_activity_filter_in_german() {
    let id = customer_id("Wide World Importers");
    let saved = vec![(LANG_KEY, "de".to_string())];
    let app = open(Visit { saved, ..Visit::to(&format!("/customers/{id}/orders")) }).await;
    app.wait_for("[data-testid=orders-table] tbody tr").await;
    assert_eq!(document().title(), "Auftragsverlauf – Wide World Importers · Partner Center");
    app.wait_for_text("Bestellt von").await;
    let lee = app.row("Lee Gu");
    assert!(lee.contains("Benutzer des Kunden") && lee.contains("1 Jahr") && lee.contains("Monatlich"), "{lee}");
    assert!(lee.contains(&lees_reservation_total(customer_permissions::i18n::Lang::De)), "{lee}");
    assert!(app.row("Azure plan").contains("Partnerbenutzer"));
    drop(app);

    let saved = vec![(LANG_KEY, "de".to_string())];
    let app = open(Visit { saved, ..Visit::to("/activity-log?action=create_order") }).await;
    app.wait_for("[data-testid=activity-table] tbody tr").await;
    app.wait_for_text("Alle Aktionen").await;
    let lee = app.row("Lee Gu");
    assert!(lee.contains("Create Order") && lee.contains("Abrechnungshäufigkeit: Monatlich") && lee.contains("Menge: 2"), "{lee}");
}

/// A reservation whose auto-renew was on ended at its expiry and was renewed: its page says
/// Expired and links the next term, which links back.
#[wasm_bindgen_test]
async fn an_expired_reservation_links_the_term_that_renewed_it() {
    let store = PartnerStore::demo(DemoSpec::new(0, time::OffsetDateTime::UNIX_EPOCH));
    let id = domain::CustomerId::parse(&customer_id("Wide World Importers")).unwrap();
    let reservations = store.reservations(&domain::Caller::Partner(PartnerUserId::new(ADMIN)), &id).unwrap();
    // Bought a year and a month ago with auto-renew on: the app renews it when it first reads.
    let ended = reservations.iter().find(|r| r.display_name == "Batch workers, Frankfurt").expect("the demo's year-old reservation");
    let app = open(Visit::to(&format!("/reservations/reservation/{}", ended.id))).await;
    app.wait_for("[data-testid=purchase-facts]").await;
    assert!(app.text().contains("Batch workers, Frankfurt") && app.text().contains("Expired"), "{}", app.text());
    app.find("[data-testid=purchase-inactive]").expect("no actions on an ended purchase");
    app.link("The next term").click();
    assert!(wait_until(|| app.find("[data-testid=purchase-facts]").filter(|f| f.text_content().unwrap_or_default().contains("Renewal of")).map(|_| ())).await.is_some());
    let facts = app.wait_for("[data-testid=purchase-facts]").await.text_content().unwrap_or_default();
    assert!(facts.contains("Succeeded"), "{facts}");
    assert!(app.find("#purchase-cancel").is_some(), "the next term is managed as any");
}
