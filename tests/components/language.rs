//! German and English: the language switches at once and is kept; numbers and dates the language's
//! way.

use crate::support::*;

/// The language picker switches at once, without a reload: texts, numbers, the title and
/// `<html lang>` follow, notices already shown are worded again, and the choice is kept.
#[wasm_bindgen_test]
async fn the_language_switches_at_once_and_is_kept() {
    let id = customer_id("Fabrikam Inc");
    let path = format!("/customers/{id}/account");
    let app = open(Visit::to(&path)).await;
    let switch = app.wait_for("#switch-reservations").await;
    wait_until(|| (!switch.has_attribute("disabled")).then_some(())).await;
    switch.unchecked_ref::<HtmlElement>().click();
    app.wait_for("[role=dialog]").await;
    app.button("Turn on").click();
    app.wait_for_text("Azure reservations turned On for Fabrikam Inc.").await;
    assert_eq!(document().title(), "Account – Fabrikam Inc · Partner Center");

    choose("#language-select", "de");
    app.wait_for_text("Kundenberechtigungen").await;
    app.wait_for_text("Kauf von Kunden gestatten").await;
    app.wait_for_text("Azure-Reservierungen für Fabrikam Inc eingeschaltet.").await;
    assert!(!app.text().contains("turned On"), "the notice is worded again");
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("de-DE"));
    assert_eq!(document().title(), "Konto – Fabrikam Inc · Partner Center");
    assert_eq!(pathname_and_search(), path, "no reload, no new address");
    let focused = document().active_element().map(|el| el.id());
    assert_eq!(focused.as_deref(), Some("language-select"), "the keyboard stays on the picker");
    app.wait_for_text("Besitzer").await;
    drop(app);

    // Kept across a reload.
    let app = open(Visit { keep_storage: true, ..Visit::to("/customers") }).await;
    app.wait_for_text("1–24 von 24").await;
    app.wait_for_text("Administrator-Agent").await;
    assert_eq!(document().title(), "Kunden · Partner Center");
}

/// German numbers and dates: 10.000 customers, dates as 25.11.2026.
#[wasm_bindgen_test]
async fn german_writes_numbers_and_dates_the_german_way() {
    let saved = vec![(LANG_KEY, "de".to_string())];
    let app = open(Visit { saved, ..Visit::to("/customers") }).await;
    app.wait_for_text("1–24 von 24").await;
    choose_demo_size_de(&app).await;
    app.wait_for_text("1–50 von 10.000").await;
    app.wait_for_text("Seite 1 von 200").await;
    app.link("Einstellungen: Aktivitätsprotokoll").click();
    let first = app.wait_for("[data-testid=activity-table] tbody tr td").await.text_content().unwrap_or_default();
    // dd.mm.yyyy, hh:mm:ss
    let bytes = first.as_bytes();
    assert!(first.len() >= 10 && bytes[2] == b'.' && bytes[5] == b'.', "a German date: {first}");
    app.wait_for_text("Create Customer Purchase Permissions").await;
    app.wait_for_text("Die erste Berechtigung wurde erteilt.").await;
}
