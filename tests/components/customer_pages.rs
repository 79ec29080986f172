//! A customer's pages: users with their Azure roles, subscriptions, readiness fixed in place, Add
//! Azure plan, Access control.

use crate::support::*;

#[wasm_bindgen_test]
async fn subscriptions_show_offer_status_and_billing_type() {
    let id = customer_id("Fabrikam Inc");
    let app = start(&format!("/customers/{id}/subscriptions"), Some(ADMIN), None).await;
    app.wait_for_text("Azure plan").await;
    assert!(app.text().contains("Usage-based") && app.text().contains("License-based"), "{}", app.text());
}

/// The Account page lists the customer's users with their Azure roles.
#[wasm_bindgen_test]
async fn the_account_page_lists_users_with_their_azure_roles() {
    let id = customer_id("Contoso Ltd");
    let app = start(&format!("/customers/{id}/account"), Some(ADMIN), None).await;
    app.wait_for("[data-testid=users-table] tbody tr").await;
    let megan = app.row("meganb@contoso.onmicrosoft.com");
    assert!(megan.contains("Megan Bowen") && megan.contains("Active") && megan.contains("Owner on "), "{megan}");
    assert!(app.row("adelev@contoso.onmicrosoft.com").contains("Contributor on "));
    drop(app);

    let id = customer_id("Northwind Traders");
    let app = start(&format!("/customers/{id}/account"), Some(ADMIN), None).await;
    app.wait_for("[data-testid=users-table] tbody tr").await;
    assert!(app.row("lynner@northwindtraders.onmicrosoft.com").contains("No Azure role"));
}

const HELPDESK_PARTNER: &str = HELPDESK;

/// An Admin agent fixes what a purchase needs without leaving the Account page: the Azure
/// plan, then Owner for a chosen user; the readiness panel and the users follow at once,
/// and both changes are in the Activity log.
#[wasm_bindgen_test]
async fn readiness_is_fixed_in_place_and_updates_at_once() {
    let id = customer_id("Proseware, Inc.");
    let app = open(Visit::to(&format!("/customers/{id}/account"))).await;
    app.wait_for_text("No active Azure plan or Azure Global subscription.").await;
    let add: HtmlElement = app.wait_for("#readiness-add-azure-plan").await.unchecked_into();
    add.click();
    app.wait_for("[role=dialog]").await;
    app.wait_for_text("Add an Azure plan for Proseware, Inc.?").await;
    app.button("Place order").click();
    app.wait_for_text("Azure plan ordered for Proseware, Inc.").await;
    app.wait_for_text("Azure subscription: Azure plan (").await;
    assert!(!app.text().contains("No active Azure plan"), "{}", app.text());

    // Owner for Tomás Rojas, chosen in the panel.
    app.wait_for("#owner-user").await;
    let tomas = app.row("Tomás Rojas");
    assert!(tomas.contains("No Azure role"), "{tomas}");
    let user = document().query_selector("#owner-user option:nth-child(2)").unwrap().unwrap();
    choose("#owner-user", &user.get_attribute("value").unwrap());
    let assign: HtmlElement = app.wait_for("#assign-owner").await.unchecked_into();
    assign.click();
    app.wait_for_text("Users with Owner: Tomás Rojas (tomasr@proseware.onmicrosoft.com)").await;
    wait_until(|| app.row("Tomás Rojas").contains("Owner").then_some(())).await;
    assert!(app.row("Tomás Rojas").contains("Owner"), "the users table follows");
    drop(app);

    let app = open(Visit { keep_storage: true, ..Visit::to("/activity-log") }).await;
    app.wait_for_text("Create Role Assignment").await;
    app.wait_for_text("Create Order").await;
}

/// Helpdesk agents cannot buy for customers: the button says why, and nothing is ordered.
#[wasm_bindgen_test]
async fn a_helpdesk_agent_sees_why_there_is_no_azure_plan_to_add() {
    let id = customer_id("Proseware, Inc.");
    let app = open(Visit { user: Some(HELPDESK_PARTNER), ..Visit::to(&format!("/customers/{id}/subscriptions")) }).await;
    app.wait_for_text("This customer has no Azure plan.").await;
    let add = app.wait_for("#add-azure-plan").await;
    assert!(add.has_attribute("disabled"));
    app.wait_for_text("You are signed in as a Helpdesk agent: only Admin and Sales agents can buy for a customer.").await;
}

/// A Sales agent buys the Azure plan from the Subscriptions page; Manage then opens the new
/// Azure subscription's Access control.
#[wasm_bindgen_test]
async fn a_sales_agent_adds_an_azure_plan_and_opens_its_access_control_read_only() {
    let id = customer_id("VanArsdel Ltd");
    let app = open(Visit { user: Some(SALES), ..Visit::to(&format!("/customers/{id}/subscriptions")) }).await;
    let add: HtmlElement = app.wait_for("#add-azure-plan").await.unchecked_into();
    add.click();
    app.wait_for("[role=dialog]").await;
    app.button("Place order").click();
    app.wait_for_text("Azure plan ordered for VanArsdel Ltd").await;
    let manage = wait_until(|| app.find("a.manage-link")).await.expect("a Manage link");
    manage.unchecked_ref::<HtmlElement>().click();
    app.wait_for_text("Azure subscription 1 | Access control (IAM)").await;
    app.wait_for_text("Nobody holds a role on this subscription.").await;
    app.wait_for_text("You are signed in as a Sales agent: only Admin agents can give or remove Azure roles").await;
    assert!(app.find("#review-assign").is_none(), "no form to change roles");
}

/// An Admin agent gives a role with Add role assignment › Review + assign, and removes one.
#[wasm_bindgen_test]
async fn an_admin_agent_assigns_and_removes_roles_on_an_azure_subscription() {
    let id = customer_id("Fabrikam Inc");
    let app = open(Visit::to(&format!("/customers/{id}/subscriptions"))).await;
    let manage = wait_until(|| app.find("a.manage-link")).await.expect("a Manage link");
    manage.unchecked_ref::<HtmlElement>().click();
    app.wait_for("[data-testid=role-assignments-table]").await;
    assert!(app.row("Nestor Wilke").contains("Owner"));
    let table = |app: &Mounted| app.wait_for_sync("[data-testid=role-assignments-table]").text_content().unwrap_or_default();
    assert!(!table(&app).contains("Kevin Cook"), "Kevin has no role yet");

    // Owner (chosen already), Kevin Cook, Review + assign.
    app.wait_for("#role-member option:nth-child(2)").await;
    let kevin = document()
        .query_selector_all("#role-member option")
        .unwrap();
    let kevin = (0..kevin.length())
        .filter_map(|i| kevin.item(i))
        .map(|n| n.unchecked_into::<Element>())
        .find(|o| o.text_content().unwrap_or_default().contains("Kevin Cook"))
        .and_then(|o| o.get_attribute("value"))
        .expect("Kevin Cook is a member to choose");
    choose("#role-member", &kevin);
    let reader: HtmlElement = app.wait_for("#role-reader").await.unchecked_into();
    reader.click();
    let review = app.button("Review + assign");
    wait_until(|| (!review.has_attribute("disabled")).then_some(())).await;
    review.click();
    app.wait_for("[role=dialog]").await;
    app.wait_for_text("Kevin Cook").await;
    app.button("Assign").click();
    app.wait_for_text("Reader assigned to Kevin Cook on Azure subscription 1.").await;
    wait_until(|| table(&app).contains("kevinc@fabrikam.onmicrosoft.com").then_some(())).await;
    assert!(app.row("kevinc@fabrikam.onmicrosoft.com").contains("Reader"));

    // Remove Sara Davis's Contributor role, through the confirmation.
    let remove: HtmlElement = wait_until(|| app.find("button[aria-label='Remove Contributor from Sara Davis']"))
        .await
        .expect("a Remove button for Sara")
        .unchecked_into();
    remove.click();
    app.wait_for_text("Remove Contributor from Sara Davis on Azure subscription 1?").await;
    app.wait_for("[role=dialog] .button-primary").await.unchecked_into::<HtmlElement>().click();
    app.wait_for_text("Contributor removed from Sara Davis on Azure subscription 1.").await;
    wait_until(|| (!table(&app).contains("sarad@fabrikam.onmicrosoft.com")).then_some(())).await;
    assert!(!table(&app).contains("sarad@fabrikam.onmicrosoft.com"), "Sara's role is gone");
}
