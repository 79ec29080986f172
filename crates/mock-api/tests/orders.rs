//! The partner buys the Azure plan through a cart, as in Partner Center, and reads the
//! customer's orders and Azure entitlements.

use api_types::audit::{OperationType, ResourceType, ResourceValue};
use api_types::cart::{checkout_path, Cart, CartCheckoutResult, CartStatus, NewCart, NewCartLineItem};
use api_types::order::{BillingCycleName, Order, UserType};
use api_types::subscription::SubscriptionStatus;
use api_types::ErrorCode;
use domain::{CustomerId, DomainError, Offer, RefusalKind};
use serde_json::json;
use test_support::{admin, helpdesk, sales, Client, DataFile, Request, Server};

const PROSEWARE: &str = "Proseware, Inc.";
const NORTHWIND: &str = "Northwind Traders";

fn azure_plans(client: &Client, customer: &CustomerId) -> usize {
    client
        .subscriptions(customer)
        .iter()
        .filter(|s| s.offer_id == Offer::AzurePlan.offer_id())
        .count()
}

#[test]
fn an_admin_agent_buys_the_azure_plan_through_a_cart_and_it_is_an_order_with_one_azure_subscription() {
    let data = DataFile::new("orders-azure-plan");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let proseware = alex.customer_id(PROSEWARE);
    assert_eq!(azure_plans(&alex, &proseware), 0);
    let records_before = alex.audit().len();

    let cart: Cart = alex.post(&format!("/v1/customers/{proseware}/carts"), &NewCart::azure_plan()).expect(201);
    assert_eq!((cart.status, cart.line_items.len(), cart.last_modified_user.as_str()), (CartStatus::Active, 1, admin().upn()));
    assert_eq!(alex.read::<Cart>(&format!("/v1/customers/{proseware}/carts/{}", cart.id)), cart);
    let result: CartCheckoutResult = alex.post(&checkout_path(&proseware, &cart.id), &json!({})).expect(201);
    assert!(result.order_errors.is_empty());
    assert_eq!(result.attributes.object_type, "CartCheckoutResult");
    let [order] = result.orders.as_slice() else { panic!("one order: {result:?}") };
    assert_eq!((order.billing_cycle, order.placed_by.user_type, order.placed_by.user_principal_name.as_str()), (BillingCycleName::OneTime, UserType::Partner, admin().upn()));
    assert_eq!(order.line_items[0].offer_id, "DZH318Z0BPS6:0001");
    let read: Cart = alex.read(&format!("/v1/customers/{proseware}/carts/{}", cart.id));
    assert_eq!(read.status, CartStatus::Ordered);

    // The order history shows it, newest first; it can be read on its own.
    let orders = alex.orders(&proseware);
    assert_eq!(&orders[0], order);
    assert_eq!(&alex.read::<Order>(&format!("/v1/customers/{proseware}/orders/{}", order.id)), order);
    // The Azure plan exists, with one active Azure subscription under it.
    let plan = alex.subscriptions(&proseware).into_iter().find(|s| s.offer_id == Offer::AzurePlan.offer_id()).expect("the Azure plan");
    assert_eq!(Some(plan.id), order.line_items[0].subscription_id);
    let entitlements = alex.entitlements(&proseware, &plan.id);
    assert_eq!(entitlements.len(), 1);
    assert_eq!((entitlements[0].friendly_name.as_str(), entitlements[0].status, entitlements[0].subscription_id), ("Azure subscription 1", SubscriptionStatus::Active, plan.id));
    assert_eq!(plan.azure_subscription_ids, vec![entitlements[0].id]);
    // The readiness panel's first item is fixed.
    let readiness: api_types::readiness::Readiness = alex.read(&format!("/v1/customers/{proseware}/readiness"));
    assert!(readiness.has_azure_subscription && !readiness.has_owner);

    // Logged once, as Partner Center's create_order, with its PascalCase keys.
    let records = alex.audit();
    assert_eq!(records.len(), records_before + 1);
    let record = &records[0];
    assert_eq!((record.operation_type, record.resource_type, record.user_principal_name.as_str()), (OperationType::CreateOrder, ResourceType::Order, admin().upn()));
    let value: ResourceValue = serde_json::from_str(&record.resource_new_value).expect("a resource value");
    assert_eq!(value.order_id, Some(order.id));
    assert_eq!((value.billing_cycle, value.offer_id.as_deref(), value.quantity), (Some(BillingCycleName::OneTime), Some("DZH318Z0BPS6:0001"), Some(1)));
    assert_eq!((value.placed_by.as_deref(), value.total), (Some(admin().upn()), Some(0.0)));

    // A Sales agent may buy too.
    let northwind = alex.customer_id(NORTHWIND);
    server.as_user(&sales()).buy_azure_plan(&northwind).expect::<CartCheckoutResult>(201);
    assert_eq!(azure_plans(&alex, &northwind), 1);
}

#[test]
fn refusals_create_nothing_and_log_nothing() {
    let data = DataFile::new("orders-refused");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let proseware = alex.customer_id(PROSEWARE);
    let contoso = alex.customer_id("Contoso Ltd");
    let records = alex.audit().len();
    let carts = format!("/v1/customers/{proseware}/carts");

    // A Helpdesk agent can neither make a cart nor check one out.
    let lidia = server.as_user(&helpdesk());
    let refused = lidia.post(&carts, &NewCart::azure_plan());
    refused.assert_error(ErrorCode::Refusal(RefusalKind::NotAllowedToOrder));
    assert!(matches!(refused.refusal(), Some(DomainError::NotAllowedToOrder { .. })));
    let cart: Cart = alex.post(&carts, &NewCart::azure_plan()).expect(201);
    lidia.post(&checkout_path(&proseware, &cart.id), &json!({})).assert_error(ErrorCode::Refusal(RefusalKind::NotAllowedToOrder));

    // A second Azure plan: 409, in words.
    let second = alex.buy_azure_plan(&contoso);
    second.assert_error(ErrorCode::Refusal(RefusalKind::AzurePlanExists));
    assert!(second.error().description.contains("already has an Azure plan"), "{}", second.text);
    assert_eq!(second.refusal(), Some(DomainError::AzurePlanExists(contoso)));
    assert_eq!(azure_plans(&alex, &contoso), 1);

    // What cannot be bought here; an unknown cart; an unknown customer.
    for (items, problem) in [
        (json!([]), "no line items"),
        (json!([{ "catalogItemId": "CFQ7TTC0LDPB:0001:CFQ7TTC0K4R5", "quantity": 1, "billingCycle": "monthly" }]), "only the Azure plan"),
        (json!([{ "catalogItemId": "DZH318Z0BPS6:0001:DZH318Z0BML6", "quantity": 2, "billingCycle": "one_time" }]), "quantity 1"),
        (json!([{ "catalogItemId": "DZH318Z0BPS6:0001:DZH318Z0BML6", "quantity": 1, "billingCycle": "monthly" }]), "one_time"),
    ] {
        let reply = alex.post(&carts, &json!({ "lineItems": items }));
        reply.assert_error(ErrorCode::Refusal(RefusalKind::InvalidCart));
        assert!(reply.error().description.contains(problem), "{}", reply.text);
    }
    alex.post(&checkout_path(&proseware, &test_support::fresh_guid()), &json!({})).assert_error(ErrorCode::CartNotFound);
    alex.post(&checkout_path(&contoso, &cart.id), &json!({})).assert_error(ErrorCode::CartNotFound);
    let nobody = CustomerId::parse("00000000-0000-4000-8000-000000000009").expect("a GUID");
    alex.post(&format!("/v1/customers/{nobody}/carts"), &NewCart::azure_plan()).assert_error(ErrorCode::Refusal(RefusalKind::UnknownCustomer));
    alex.get(&format!("/v1/customers/{proseware}/orders/{}", test_support::fresh_guid())).assert_error(ErrorCode::Refusal(RefusalKind::UnknownOrder));
    alex.get(&format!("/v1/customers/{proseware}/subscriptions/{}/azureEntitlements", test_support::fresh_guid()))
        .assert_error(ErrorCode::Refusal(RefusalKind::UnknownSubscription));

    assert_eq!(alex.audit().len(), records, "nothing logged");
    assert_eq!(azure_plans(&alex, &proseware), 0, "nothing bought");

    // Checked out once; a second checkout is refused and buys nothing more.
    alex.post(&checkout_path(&proseware, &cart.id), &json!({})).expect::<CartCheckoutResult>(201);
    alex.post(&checkout_path(&proseware, &cart.id), &json!({})).assert_error(ErrorCode::CartCheckedOut);
    assert_eq!(azure_plans(&alex, &proseware), 1);
    assert_eq!(alex.audit().len(), records + 1);
}

#[test]
fn a_retried_checkout_answers_as_the_first_time_and_orders_nothing_more() {
    let data = DataFile::new("orders-retry");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let proseware = alex.customer_id(PROSEWARE);
    let cart: Cart = alex
        .send(Request::new("POST", &format!("/v1/customers/{proseware}/carts")).header("MS-RequestId", "1b2c3d4e-0000-4000-8000-000000000001").json(&NewCart::azure_plan()))
        .expect(201);
    let again: Cart = alex
        .send(Request::new("POST", &format!("/v1/customers/{proseware}/carts")).header("MS-RequestId", "1b2c3d4e-0000-4000-8000-000000000001").json(&NewCart::azure_plan()))
        .expect(201);
    assert_eq!(again, cart, "the same cart, not a second one");
    let checkout = || {
        alex.send(Request::new("POST", &checkout_path(&proseware, &cart.id)).header("MS-RequestId", "1b2c3d4e-0000-4000-8000-000000000002").json(&json!({})))
    };
    let first: CartCheckoutResult = checkout().expect(201);
    let second: CartCheckoutResult = checkout().expect(201);
    assert_eq!(first, second);
    assert_eq!(azure_plans(&alex, &proseware), 1);
}

#[test]
fn a_cart_expires_seven_days_after_it_was_created() {
    let data = DataFile::new("orders-expired");
    let cart = {
        let server = Server::start(&data);
        let alex = server.as_user(&admin());
        let proseware = alex.customer_id(PROSEWARE);
        let cart: Cart = alex.post(&format!("/v1/customers/{proseware}/carts"), &NewCart::azure_plan()).expect(201);
        (proseware, cart)
    };
    // Eight days later (the cart's dates moved back by hand in the data file).
    let (proseware, mut old) = cart;
    let eight_days_ago = time::OffsetDateTime::now_utc() - time::Duration::days(8);
    old.creation_timestamp = api_types::datetime::format(eight_days_ago);
    old.expiration_timestamp = api_types::datetime::format(eight_days_ago + time::Duration::days(7));
    let conn = rusqlite::Connection::open(data.path()).expect("the data file opens");
    let changed = conn
        .execute("UPDATE carts SET cart = ?1 WHERE id = ?2", rusqlite::params![serde_json::to_string(&old).expect("JSON"), old.id.to_string()])
        .expect("the cart is rewritten");
    assert_eq!(changed, 1);
    drop(conn);

    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let reply = alex.post(&checkout_path(&proseware, &old.id), &json!({}));
    reply.assert_error(ErrorCode::CartExpired);
    assert!(reply.error().description.contains("7 days"), "{}", reply.text);
    assert_eq!(azure_plans(&alex, &proseware), 0);
    // A new cart goes through.
    assert_eq!(alex.buy_azure_plan(&proseware).status, 201);
}

#[test]
fn a_customer_users_token_is_refused_on_partner_routes() {
    let data = DataFile::new("orders-customer-token");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let contoso = alex.customer_id("Contoso Ltd");
    let megan = server.client().as_customer("meganb@contoso.onmicrosoft.com");
    for path in [
        "/v1/customers".to_string(),
        format!("/v1/customers/{contoso}"),
        format!("/v1/customers/{contoso}/orders"),
        format!("/v1/customers/{contoso}/subscriptions"),
        "/v1/auditrecords".to_string(),
        "/v1/SelfServePolicy".to_string(),
        "/v1/partner".to_string(),
    ] {
        megan.get(&path).assert_error(ErrorCode::Refusal(RefusalKind::PartnerUsersOnly));
    }
    megan.post(&format!("/v1/customers/{contoso}/carts"), &NewCart::azure_plan()).assert_error(ErrorCode::Refusal(RefusalKind::PartnerUsersOnly));
    // A token for nobody, or for a user who may not sign in, is 401.
    server.client().as_customer("nobody@contoso.onmicrosoft.com").get("/subscriptions").assert_arm_error(ErrorCode::Refusal(RefusalKind::UnknownCustomerUser));
    server.client().as_customer("markusg@alpineskihouse.onmicrosoft.com").get("/subscriptions").assert_arm_error(ErrorCode::Refusal(RefusalKind::UnknownCustomerUser));
    // The line item's other fields are accepted.
    let mut new = NewCart::azure_plan();
    new.line_items = vec![NewCartLineItem { term_duration: Some("P1M".to_string()), ..new.line_items[0].clone() }];
    assert_eq!(alex.post(&format!("/v1/customers/{contoso}/carts"), &new).status, 201);
}
