//! Customer users buy Azure reservations and savings plans on their own, as the Azure portal
//! does it, billed to the partner; every refusal names its reason and buys nothing.

use api_types::arm::ArmList;
use api_types::audit::{AuditRecord, OperationType, ResourceValue};
use api_types::order::{ProductType, UserType};
use api_types::reservation::{reservation_order_path, ReservationOrderResource};
use api_types::savings_plan::{savings_plan_alias_path, SavingsPlanOrderAliasResource};
use api_types::ErrorCode;
use domain::{AppliedScope, AzureSubscriptionId, CustomerId, DomainError, Permission, RefusalKind, ReservationOrderId};
use serde_json::json;
use test_support::{admin, fresh_guid, reservation_request, savings_plan_request, Client, DataFile, Server};

const MEGAN: &str = "meganb@contoso.onmicrosoft.com";
const ADELE: &str = "adelev@contoso.onmicrosoft.com";

/// The customer user's first Azure subscription.
fn my_azure(client: &Client) -> AzureSubscriptionId {
    client.my_azure_subscriptions()[0].subscription_id
}

/// What a refusal must leave as it was: orders, reservations, savings plans, the log.
fn bought(alex: &Client, customer: &CustomerId) -> (usize, usize, usize, Vec<AuditRecord>) {
    (alex.orders(customer).len(), alex.reservations_of(customer).len(), alex.savings_plans_of(customer).len(), alex.audit())
}

#[test]
fn an_owner_buys_a_reservation_and_the_partner_sees_the_order_placed_by_them() {
    let data = DataFile::new("purchases-reservation");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let contoso = alex.customer_id("Contoso Ltd");
    let megan = server.client().as_customer(MEGAN);
    let azure = my_azure(&megan);
    let request = reservation_request(azure);
    let (orders, reservations, _, records) = bought(&alex, &contoso);

    let reservation: ReservationOrderResource = megan.buy_reservation(&request).expect(200);
    assert_eq!(reservation.name, request.id);
    assert_eq!(reservation.id, reservation_order_path(&request.id));
    let p = &reservation.properties;
    assert_eq!((p.display_name.as_str(), p.original_quantity, p.purchased_by.as_str(), p.customer_id), ("Test reservation", 1, MEGAN, contoso));
    assert_eq!((p.billed_price.per_month, p.billed_price.total), (41.47, 41.47 * 12.0));
    assert_eq!(p.reservations[0].properties.applied_scopes, vec![format!("/subscriptions/{azure}")]);
    // Asked again: 200, the same, nothing more bought.
    assert_eq!(megan.buy_reservation(&request).expect::<ReservationOrderResource>(200), reservation);
    assert_eq!(megan.read::<ReservationOrderResource>(&reservation_order_path(&request.id)), reservation);
    assert_eq!(megan.read::<ArmList<ReservationOrderResource>>("/providers/Microsoft.Capacity/reservationOrders").value[0], reservation);

    // The partner: the reservation, the order placed by Megan and billed to the partner, the log.
    assert_eq!(alex.reservations_of(&contoso).len(), reservations + 1);
    assert_eq!(alex.read::<ReservationOrderResource>(&reservation_order_path(&request.id)), reservation);
    let history = alex.orders(&contoso);
    assert_eq!(history.len(), orders + 1);
    let order = &history[0];
    assert_eq!(order.id, p.order_id);
    assert_eq!((order.placed_by.user_type, order.placed_by.user_principal_name.as_str()), (UserType::Customer, MEGAN));
    assert_eq!((order.line_items[0].product_type, order.line_items[0].term_duration.as_deref(), order.total_price), (ProductType::Reservation, Some("P1Y"), 497.64));
    let log = alex.audit();
    assert_eq!(log.len(), records.len() + 1);
    assert_eq!((log[0].operation_type, log[0].user_principal_name.as_str(), log[0].user_type), (OperationType::CreateOrder, MEGAN, UserType::Customer));
    let value: ResourceValue = serde_json::from_str(&log[0].resource_new_value).expect("a resource value");
    assert_eq!((value.order_id, value.placed_by.as_deref(), value.total), (Some(order.id), Some(MEGAN), Some(497.64)));
    // The Activity log over HTTP reads back as the embedded store has it.
    let record = log[0].clone().into_domain(|text| serde_json::from_str(text).ok()).expect("a record");
    assert_eq!((record.partner_user, record.customer_user.map(|u| u.as_str().to_string())), (None, Some(MEGAN.to_string())));
    assert!(matches!(record.detail, Some(domain::ActivityDetail::Order { .. })));
}

#[test]
fn an_owner_buys_a_savings_plan() {
    let data = DataFile::new("purchases-savings-plan");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let contoso = alex.customer_id("Contoso Ltd");
    let megan = server.client().as_customer(MEGAN);
    let request = savings_plan_request("contoso-compute", my_azure(&megan));
    // Contoso may buy reservations only; the partner turns savings plans on.
    megan.buy_savings_plan(&request).assert_arm_error(ErrorCode::Refusal(RefusalKind::PurchaseNotAllowed));
    let policy = alex.policy_of(&contoso).expect("a policy");
    let both = [Permission::AzureReservations, Permission::AzureSavingsPlan].into();
    alex.put(&alex.policy_path(&contoso), &api_types::policy::PolicyUpdate::new(&policy, &both)).expect::<api_types::policy::SelfServePolicy>(200);

    let plan: SavingsPlanOrderAliasResource = megan.buy_savings_plan(&request).expect(200);
    assert_eq!((plan.name.as_str(), plan.properties.display_name.as_str(), plan.properties.commitment.amount), ("contoso-compute", "contoso-compute", 1.0));
    assert_eq!((plan.properties.billed_price.total, plan.properties.purchased_by.as_str()), (8760.0, MEGAN));
    assert_eq!(megan.buy_savings_plan(&request).expect::<SavingsPlanOrderAliasResource>(200), plan);
    assert_eq!(alex.read::<SavingsPlanOrderAliasResource>(&savings_plan_alias_path("contoso-compute")), plan);
    assert_eq!(alex.savings_plans_of(&contoso), vec![plan.clone()]);
    assert_eq!(alex.orders(&contoso)[0].id, plan.properties.order_id);
    // Another company's user does not find it, nor may buy under its name.
    let lee = server.client().as_customer("leeg@wideworldimporters.onmicrosoft.com");
    lee.get(&savings_plan_alias_path("contoso-compute")).assert_arm_error(ErrorCode::Refusal(RefusalKind::UnknownSavingsPlan));
    lee.buy_savings_plan(&savings_plan_request("contoso-compute", my_azure(&lee))).assert_arm_error(ErrorCode::Refusal(RefusalKind::PurchaseIdTaken));
}

#[test]
fn refusals_name_their_reason_and_buy_and_log_nothing() {
    let data = DataFile::new("purchases-refused");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let contoso = alex.customer_id("Contoso Ltd");
    let megan = server.client().as_customer(MEGAN);
    let azure = my_azure(&megan);
    let before = bought(&alex, &contoso);

    // The permission is Off: the partner is named.
    let refused = megan.buy_savings_plan(&savings_plan_request("nope", azure));
    let body = refused.assert_arm_error(ErrorCode::Refusal(RefusalKind::PurchaseNotAllowed));
    assert!(body.error.message.contains("Adatum Cloud Services"), "{}", body.error.message);
    assert_eq!(
        refused.refusal(),
        Some(DomainError::PurchaseNotAllowed { permission: Permission::AzureSavingsPlan, partner_name: "Adatum Cloud Services".to_string() })
    );

    // Not Owner: Azure's own words.
    let adele = server.client().as_customer(ADELE);
    let refused = adele.buy_reservation(&reservation_request(azure));
    let body = refused.assert_arm_error(ErrorCode::Refusal(RefusalKind::NotOwnerOfSubscription));
    assert_eq!(body.error.message, "You do not have owner or reservation purchaser access on the subscription.");
    assert_eq!(refused.refusal(), Some(DomainError::NotOwnerOfSubscription(azure)));

    // Bad requests: a Single scope without its subscription, a quantity the schema forbids.
    let mut body = api_types::reservation::NewReservationOrder::from_domain(&reservation_request(azure));
    body.properties.applied_scope_properties = Some(Default::default());
    megan.put(&reservation_order_path(&ReservationOrderId::from_uuid(fresh_guid())), &body).assert_arm_error(ErrorCode::Unprocessable);
    body.properties.applied_scope_type = api_types::purchase::AppliedScopeType::Shared;
    body.properties.quantity = 1001;
    megan.put(&reservation_order_path(&ReservationOrderId::from_uuid(fresh_guid())), &body).assert_arm_error(ErrorCode::Refusal(RefusalKind::InvalidPurchase));
    // A product not in the catalogue is not what the schema allows (written by hand: no type holds it).
    let mut body = serde_json::to_value(&body).expect("JSON");
    body["sku"]["name"] = json!("Standard_Z99");
    megan.put(&reservation_order_path(&ReservationOrderId::from_uuid(fresh_guid())), &body).assert_arm_error(ErrorCode::BadRequest);
    megan.put("/providers/Microsoft.BillingBenefits/savingsPlanOrderAliases/has%20space", &json!({})).assert_arm_error(ErrorCode::BadRequest);

    // A partner user does not buy here.
    alex.buy_reservation(&reservation_request(azure)).assert_arm_error(ErrorCode::Refusal(RefusalKind::CustomerUsersOnly));

    assert_eq!(bought(&alex, &contoso), before, "nothing bought, nothing logged");

    // No Azure plan: Azure's words, even once the partner allows it.
    let northwind = alex.customer_id("Northwind Traders");
    assert_eq!(alex.post_policy(&northwind, &[Permission::AzureReservations]).status, 201);
    let before = bought(&alex, &northwind);
    let lynne = server.client().as_customer("lynner@northwindtraders.onmicrosoft.com");
    let refused = lynne.buy_reservation(&reservation_request(azure));
    let body = refused.assert_arm_error(ErrorCode::Refusal(RefusalKind::NoEligibleSubscriptions));
    assert_eq!(body.error.message, "You do not have any eligible subscriptions to purchase reservations.");
    assert_eq!(bought(&alex, &northwind), before);

    // After the partner turns the permission Off, the Owner is refused too, and what was
    // bought stays.
    let kept: ReservationOrderResource = megan.buy_reservation(&reservation_request(azure)).expect(200);
    assert_eq!(alex.delete(&alex.policy_path(&contoso)).status, 204);
    megan.buy_reservation(&reservation_request(azure)).assert_arm_error(ErrorCode::Refusal(RefusalKind::PurchaseNotAllowed));
    assert_eq!(megan.read::<ReservationOrderResource>(&reservation_order_path(&kept.name)), kept);
}

#[test]
fn a_customer_user_sees_only_their_own_company() {
    let data = DataFile::new("purchases-isolation");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let contoso = alex.customer_id("Contoso Ltd");
    let wide_world = alex.customer_id("Wide World Importers");
    let lee = server.client().as_customer("leeg@wideworldimporters.onmicrosoft.com");
    let theirs = lee.read::<ArmList<ReservationOrderResource>>("/providers/Microsoft.Capacity/reservationOrders").value;
    assert_eq!(theirs.len(), 3, "the demo's reservations (one renewed)");
    let their_azure = my_azure(&lee);

    let megan = server.client().as_customer(MEGAN);
    megan.get(&reservation_order_path(&theirs[0].name)).assert_arm_error(ErrorCode::Refusal(RefusalKind::UnknownReservation));
    megan.get(&format!("/subscriptions/{their_azure}")).assert_arm_error(ErrorCode::Refusal(RefusalKind::UnknownAzureSubscription));
    megan.get(&format!("/providers/Microsoft.Capacity/reservationOrders?customerId={wide_world}")).assert_arm_error(ErrorCode::Refusal(RefusalKind::UnknownCustomer));
    megan.get(&format!("/providers/Microsoft.BillingBenefits/savingsPlanOrders?customerId={wide_world}")).assert_arm_error(ErrorCode::Refusal(RefusalKind::UnknownCustomer));
    // Buying for another company's subscription: it is not found, and nothing is bought.
    let mut request = reservation_request(their_azure);
    request.scope = AppliedScope::Shared;
    megan.buy_reservation(&request).assert_arm_error(ErrorCode::Refusal(RefusalKind::UnknownAzureSubscription));
    // Another company's reservation order id cannot be bought again.
    let mut taken = reservation_request(my_azure(&megan));
    taken.id = theirs[0].name;
    megan.buy_reservation(&taken).assert_arm_error(ErrorCode::Refusal(RefusalKind::PurchaseIdTaken));
    assert_eq!(alex.reservations_of(&contoso).len(), 0);
    assert_eq!(alex.reservations_of(&wide_world), theirs);
    // Their own list, with or without their own id.
    assert_eq!(megan.read::<ArmList<ReservationOrderResource>>(&format!("/providers/Microsoft.Capacity/reservationOrders?customerId={contoso}")).value, vec![]);
}
