//! The customer's Azure portal (`src/pages/portal/`): a customer user's subscriptions, and buying
//! reservations and savings plans billed to the partner, or being refused in words.

use crate::support::*;

const MEGAN: &str = "customer:meganb@contoso.onmicrosoft.com";
const ADELE: &str = "customer:adelev@contoso.onmicrosoft.com";
const NESTOR: &str = "customer:nestorw@fabrikam.onmicrosoft.com";
const MIRIAM: &str = "customer:miriamg@litware.onmicrosoft.com";
const HENRIETTA: &str = "customer:henriettam@proseware.onmicrosoft.com";

#[wasm_bindgen_test]
async fn portal_subscriptions_show_the_users_own_role() {
    let app = open(Visit { user: Some(MEGAN), ..Visit::to("/azure/subscriptions") }).await;
    app.wait_for("[data-testid=my-subscriptions-table] tbody tr").await;
    let row = app.row("Azure subscription");
    assert!(row.contains("Azure plan") && row.contains("Active") && row.contains("Owner"), "{row}");
    assert!(app.text().contains("Directory: Contoso Ltd"));
    assert!(document().title().starts_with("Subscriptions"), "{}", document().title());
}

#[wasm_bindgen_test]
async fn portal_an_owner_buys_a_reservation_billed_to_the_partner() {
    let app = open(Visit { user: Some(MEGAN), ..Visit::to("/azure/reservations/purchase") }).await;
    app.wait_for_text("Purchase reservations").await;
    // The portal's defaults: Standard_D2s_v5 in East US, 1 year, 1 instance.
    app.wait_for_texts_in("[data-testid=price-preview]", &["$41.47", "$497.64", "Your partner is billed"]).await;
    choose("#reservation-region", "westeurope");
    type_into("#reservation-quantity", "2");
    app.wait_for_texts_in("[data-testid=price-preview]", &["$92.90", "$1,114.80"]).await;
    type_into("#reservation-name", "Contoso build agents");
    app.press_when_enabled("#buy-reservation").await;

    app.wait_for_texts_in("[data-testid=purchase-confirmation]", &["Contoso build agents", "Succeeded", "1 year", "$1,114.80"]).await;
    app.wait_for_text("Reservation “Contoso build agents” bought. Your partner is billed for it.").await;
    assert!(app.find("#buy-reservation").is_none(), "the confirmation takes the form's place");
    app.link("Go to Reservations").click();
    app.wait_for("[data-testid=reservations-table] tbody tr").await;
    let row = app.row("Contoso build agents");
    assert!(row.contains("Standard_D2s_v5") && row.contains("West Europe") && row.contains("$1,114.80"), "{row}");
    assert!(app.text().contains("ask your partner"), "exchange, cancel and renew are the partner's");
}

#[wasm_bindgen_test]
async fn portal_a_contributor_is_refused_in_azures_words_and_nothing_is_bought() {
    let app = open(Visit { user: Some(ADELE), ..Visit::to("/azure/reservations/purchase") }).await;
    app.press_when_enabled("#buy-reservation").await;
    app.wait_for_texts_in(
        "[data-testid=purchase-refusal]",
        &["The purchase was refused.", "You do not have owner or reservation purchaser access on the subscription."],
    )
    .await;
    assert!(app.find("[data-testid=purchase-confirmation]").is_none());
    assert!(app.find("#buy-reservation").is_some(), "the form stays");
    app.link("Reservations").click();
    app.wait_for_text("Your organization has no reservations yet.").await;
}

#[wasm_bindgen_test]
async fn portal_a_company_without_azure_sees_that_it_has_no_eligible_subscription() {
    let app = open(Visit { user: Some(HENRIETTA), ..Visit::to("/azure/reservations/purchase") }).await;
    app.wait_for_text("You do not have any eligible subscriptions to purchase reservations.").await;
    assert!(app.find("#buy-reservation").is_none(), "no form without a subscription to bill");
    app.link("Subscriptions").click();
    app.wait_for_text("Your organization has no Azure subscription. Your partner must buy an Azure plan for it first.").await;
}

#[wasm_bindgen_test]
async fn portal_a_purchase_the_partner_has_not_allowed_is_refused_naming_the_partner() {
    let app = open(Visit { user: Some(NESTOR), ..Visit::to("/azure/reservations/purchase") }).await;
    app.press_when_enabled("#buy-reservation").await;
    app.wait_for_text("Your partner Adatum Cloud Services has not allowed your organization to buy Azure reservations on its own.").await;
    assert!(app.find("[data-testid=purchase-confirmation]").is_none());
}

#[wasm_bindgen_test]
async fn portal_an_owner_buys_a_savings_plan() {
    let app = open(Visit { user: Some(MIRIAM), ..Visit::to("/azure/savings-plans/purchase") }).await;
    let name: HtmlInputElement = app.wait_for("#savings-plan-name").await.unchecked_into();
    assert!(name.value().starts_with("SavingsPlan_"), "Azure pre-fills a name: {}", name.value());
    type_into("#savings-plan-name", "litware batch");
    app.wait_for_text("Use 1 to 64 letters, digits, hyphens, underscores or periods, without spaces.").await;
    type_into("#savings-plan-name", "litware-batch");
    type_into("#savings-plan-commitment", "abc");
    app.wait_for_text("Enter an amount in US dollars of at least 0.001, for example 2.5.").await;
    type_into("#savings-plan-commitment", "1.5");
    // 1.50 USD an hour: 730 hours a month, 8,760 a year.
    app.wait_for_texts_in("[data-testid=price-preview]", &["$1,095.00", "$13,140.00"]).await;
    app.press_when_enabled("#buy-savings-plan").await;

    app.wait_for_texts_in("[data-testid=purchase-confirmation]", &["litware-batch", "$1.50", "$13,140.00"]).await;
    app.wait_for_text("Savings plan “litware-batch” bought. Your partner is billed for it.").await;
    app.link("Go to Savings plans").click();
    app.wait_for("[data-testid=savings-plans-table] tbody tr").await;
    assert!(app.row("litware-batch").contains("$13,140.00"));
    assert!(app.row("Litware compute").contains("3 years"), "the demo's plan is still listed");
}

#[wasm_bindgen_test]
async fn portal_a_customer_user_gets_no_partner_page() {
    let app = open(Visit { user: Some(MEGAN), ..Visit::to("/customers") }).await;
    app.wait_for_text("This page is for the partner's staff").await;
    assert!(!app.text().contains("Fabrikam Inc"), "no customer list");
    app.link("Go to your Azure subscriptions").click();
    app.wait_for("[data-testid=my-subscriptions-table]").await;
}

#[wasm_bindgen_test]
async fn portal_in_german_the_price_and_the_refusal_are_german() {
    let saved = vec![(LANG_KEY, "de".to_string())];
    let app = open(Visit { user: Some(ADELE), saved, ..Visit::to("/azure/reservations/purchase") }).await;
    app.wait_for_text("Reservierungen erwerben").await;
    app.wait_for_texts_in("[data-testid=price-preview]", &["41,47", "497,64", "Ihrem Partner in Rechnung gestellt"]).await;
    type_into("#reservation-quantity", "0");
    app.wait_for_text("Geben Sie eine ganze Zahl von 1 bis 1.000 ein.").await;
    type_into("#reservation-quantity", "2");
    app.wait_for_texts_in("[data-testid=price-preview]", &["82,94", "995,28"]).await;
    app.press_when_enabled("#buy-reservation").await;
    app.wait_for_texts_in(
        "[data-testid=purchase-refusal]",
        &["Der Kauf wurde abgelehnt.", "Sie verfügen nicht über Besitzer- oder Reservierungskäuferzugriff für das Abonnement."],
    )
    .await;
    assert!(document().title().starts_with("Reservierungen erwerben"));
}
