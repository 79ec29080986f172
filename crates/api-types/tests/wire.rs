//! The wire types: their JSON names, and their conversions to and from the domain.

use api_types::audit::{AuditRecord, OperationType, PolicyValue};
use api_types::customer::{Customer, NewCustomer};
use api_types::customer_user::CustomerUser;
use api_types::demo::{token_for, DemoUser, Role};
use api_types::policy::{policy_id, NewPolicy, PolicyUpdate, SelfServeEntity, SelfServePolicy};
use api_types::readiness::Readiness;
use api_types::subscription::Subscription;
use api_types::{datetime, Collection, ErrorBody, ErrorCode};
use domain::{DemoSpec, PartnerStore, Permission, PermissionSet, RefusalKind};
use serde_json::json;
use time::macros::datetime;

fn store() -> PartnerStore {
    PartnerStore::demo(DemoSpec::new(0, datetime!(2026-11-20 09:30 UTC)))
}

fn named(store: &PartnerStore, name: &str) -> domain::CustomerId {
    let admin = &store.partner_users()[0].id;
    store.customers_page(admin, name, 0, 5).unwrap().items.iter().find(|c| c.company_name == name).unwrap().id
}

#[test]
fn every_error_code_has_one_number_and_one_status() {
    for code in &ErrorCode::all() {
        assert_eq!(ErrorCode::from_code(code.code()), Some(*code));
        assert!((400..600).contains(&code.status()), "{code:?}");
        assert!(ErrorCode::table().contains(&format!("| {} | `{}` | {} |", code.code(), code.arm_code(), code.status())), "{code:?}");
    }
    assert_eq!(ErrorCode::from_code(1), None);
    let body = ErrorBody::new(ErrorCode::Refusal(RefusalKind::StaleEtag), "stale");
    assert_eq!(serde_json::to_value(&body).unwrap(), json!({ "code": 2055, "description": "stale", "data": [], "source": "PartnerFD" }));
    // A body without `data` still reads.
    let read: ErrorBody = serde_json::from_value(json!({ "code": 600041, "description": "x", "source": "PartnerFD" })).unwrap();
    assert_eq!(read.error_code(), Some(ErrorCode::PolicyExists));
}

#[test]
fn demo_users_and_their_tokens() {
    let store = store();
    let users: Vec<DemoUser> = store.partner_users().iter().map(DemoUser::from_domain).collect();
    assert_eq!(users[0].token, "demo-alex.wilber");
    assert_eq!((users[0].role, users[0].role_name.as_str(), users[0].may_change_customer_permissions), (Role::AdminAgent, "Admin agent", true));
    assert_eq!(token_for(&store.partner_users()[3]), "demo-lidia.holloway");
    for (user, wire) in store.partner_users().iter().zip(&users) {
        assert_eq!(&wire.to_domain(), user);
    }
}

#[test]
fn a_policy_and_its_requests_in_partner_centers_names() {
    let store = store();
    let partner = store.partner().tenant_id;
    let admin = &store.partner_users()[0].id;
    let contoso = named(&store, "Contoso Ltd");
    let policy = SelfServePolicy::from_domain(partner, store.policy(admin, &contoso).unwrap().unwrap());
    let json = serde_json::to_value(&policy).unwrap();
    assert_eq!(json["id"], policy_id(partner, &contoso));
    assert_eq!(json["selfServeEntity"], json!({ "selfServeEntityType": "customer", "tenantID": contoso }));
    assert_eq!(json["grantor"], json!({ "grantorType": "billToPartner", "tenantID": partner }));
    assert_eq!(json["permissions"], json!([{ "resource": "AzureReservedInstances", "action": "Purchase" }]));
    assert_eq!(json["attributes"]["objectType"], "SelfServePolicy");
    assert_eq!(serde_json::from_value::<SelfServePolicy>(json).unwrap(), policy);
    assert_eq!(policy.permission_set(), [Permission::AzureReservations].into());

    // A request may leave out what Partner Center fills in, and spell tenantId either way.
    let entity: SelfServeEntity = serde_json::from_value(json!({ "tenantId": contoso })).unwrap();
    assert_eq!(entity.tenant_id, contoso);
    let both: PermissionSet = [Permission::AzureReservations, Permission::AzureSavingsPlan].into();
    let update = serde_json::to_value(PolicyUpdate::new(&policy, &both)).unwrap();
    assert_eq!(update["attributes"], json!({ "etag": policy.attributes.etag }));
    assert_eq!(update["permissions"].as_array().map(Vec::len), Some(2));
    let new = serde_json::to_value(NewPolicy::new(contoso, &both)).unwrap();
    assert_eq!(new["grantor"], json!({ "grantorType": "billToPartner" }), "no partner id in a request");
    assert!(serde_json::from_value::<NewPolicy>(json!({ "selfServeEntity": { "tenantID": contoso }, "permissions": [{ "resource": "AzureVMs", "action": "Purchase" }] })).is_err());
}

#[test]
fn reads_convert_back_to_what_the_domain_has() {
    let store = store();
    let admin = &store.partner_users()[0].id;
    let contoso = named(&store, "Contoso Ltd");

    let customer = store.customer(admin, &contoso).unwrap();
    let wire = Customer::from_domain(customer);
    assert_eq!((wire.billing_profile.language.as_str(), wire.company_profile.tenant_id), (customer.billing.culture.split('-').next().unwrap(), contoso));
    assert_eq!(&serde_json::from_str::<Customer>(&serde_json::to_string(&wire).unwrap()).unwrap().into_domain(), customer);

    for user in store.customer_users(admin, &contoso).unwrap() {
        let wire: CustomerUser = serde_json::from_value(serde_json::to_value(CustomerUser::from_domain(&user)).unwrap()).unwrap();
        assert_eq!(wire.into_domain(contoso), user);
    }

    for subscription in store.subscriptions(admin, &contoso).unwrap() {
        assert_eq!(Subscription::from_domain(subscription).into_domain(contoso).as_ref(), Some(subscription));
    }

    let readiness = store.readiness(admin, &contoso).unwrap();
    let back = Readiness::from_domain(contoso, &readiness).into_domain();
    assert_eq!(back.azure_subscriptions, readiness.azure_subscriptions);
    assert_eq!(back.owners.iter().map(|u| &u.id).collect::<Vec<_>>(), readiness.owners.iter().map(|u| &u.id).collect::<Vec<_>>());

    let far = time::Duration::days(4000);
    let at = datetime!(2026-11-20 09:30 UTC);
    let records = store.activity(admin, (at - far).date(), (at + far).date()).unwrap();
    assert!(!records.is_empty());
    for record in records {
        let wire = AuditRecord::from_domain(store.partner().tenant_id, &record, |v| serde_json::to_string(v).unwrap());
        assert_eq!(wire.operation_type, OperationType::from(record.action));
        if record.action.is_permissions() {
            assert_eq!(serde_json::from_str::<PolicyValue>(&wire.resource_new_value).unwrap(), PolicyValue::of(&record.new_value));
        }
        assert_eq!(wire.into_domain(|text| serde_json::from_str(text).ok()), Some(record));
    }

    let collection = Collection::of(vec![1, 2, 3]);
    assert_eq!(serde_json::to_value(&collection).unwrap(), json!({ "totalCount": 3, "items": [1, 2, 3], "attributes": { "objectType": "Collection" } }));
}

#[test]
fn a_new_customer_takes_its_name_from_either_profile() {
    let mut new: NewCustomer = serde_json::from_value(json!({
        "companyProfile": { "domain": "zava" },
        "billingProfile": { "email": "a@zava.com", "companyName": "Zava From Billing" }
    }))
    .unwrap();
    let parsed = new.clone().parse().unwrap();
    assert_eq!((parsed.company_name(), parsed.domain()), ("Zava From Billing", "zava.onmicrosoft.com"));
    new.company_profile.company_name = Some("Zava Corp".to_string());
    assert_eq!(new.clone().parse().unwrap().company_name(), "Zava Corp");
    new.company_profile.company_name = Some("   ".to_string());
    assert!(matches!(new.parse(), Err(domain::DomainError::InvalidNewCustomer(_))));
}

#[test]
fn date_times_are_rfc_3339_in_utc_to_the_second() {
    let at = datetime!(2026-11-25 06:30:05.5 +02:00);
    assert_eq!(datetime::format(at), "2026-11-25T04:30:05Z");
    assert_eq!(datetime::parse("2026-11-25T04:30:05Z"), Some(datetime!(2026-11-25 04:30:05 UTC)));
    assert_eq!(datetime::parse("yesterday"), None);
}

// ---- Issue 10: orders, Azure, self-service purchases ----

use api_types::arm::{parse_subscription_scope, subscription_scope, ArmErrorBody};
use api_types::azure_subscription::ArmSubscription;
use api_types::cart::{Cart, NewCart};
use api_types::demo::{customer_token_for, customer_upn_of_token, DemoUsers};
use api_types::order::Order;
use api_types::reservation::{NewReservationOrder, ReservationOrderResource};
use api_types::role_assignment::{parse_role_definition_id, NewRoleAssignment, RoleAssignmentResource};
use api_types::savings_plan::{NewSavingsPlanOrderAlias, SavingsPlanOrderAliasResource};
use api_types::ErrorReply;
use domain::{
    AppliedScope, AzureRole, BillingPlan, Caller, CartProblem, CustomerUpn, DomainError, NewCustomerProblem, PartnerRole,
    PartnerUserId, PurchaseProblem, Region, ReservationOrderId, ReservationRequest, SavingsPlanRequest, Term, Usd, VmSize,
};

fn every_domain_error() -> Vec<DomainError> {
    let guid = uuid::Uuid::from_u128(0x1234_5678_9abc_4def_8123_4567_89ab_cdef);
    let user = PartnerUserId::new("isaiah.langer@adatumcloud.onmicrosoft.com");
    vec![
        DomainError::NotAdminAgent { user: user.clone(), role: PartnerRole::SalesAgent },
        DomainError::UnknownPartnerUser(user.clone()),
        DomainError::UnknownCustomer(domain::CustomerId::from_uuid(guid)),
        DomainError::InvalidCustomerId("<script>".to_string()),
        DomainError::NotAllowedToCreateCustomers { user: user.clone(), role: PartnerRole::HelpdeskAgent },
        DomainError::InvalidNewCustomer(NewCustomerProblem::InvalidEmail),
        DomainError::DomainTaken("contoso.onmicrosoft.com".to_string()),
        DomainError::StaleEtag,
        DomainError::UnknownCustomerUser("nobody@contoso.onmicrosoft.com".to_string()),
        DomainError::NotAllowedToOrder { user: user.clone(), role: PartnerRole::HelpdeskAgent },
        DomainError::NotAllowedToManageRoles { user, role: PartnerRole::SalesAgent },
        DomainError::InvalidCart(CartProblem::BillingCycleNotOneTime),
        DomainError::AzurePlanExists(domain::CustomerId::from_uuid(guid)),
        DomainError::UnknownSubscription(domain::SubscriptionId::from_uuid(guid)),
        DomainError::UnknownAzureSubscription(domain::AzureSubscriptionId::from_uuid(guid)),
        DomainError::UnknownOrder(domain::OrderId::from_uuid(guid)),
        DomainError::UnknownReservation(ReservationOrderId::from_uuid(guid)),
        DomainError::UnknownSavingsPlan("plan-1".to_string()),
        DomainError::UnknownPrincipal(domain::CustomerUserId::from_uuid(guid)),
        DomainError::RoleAssignmentExists,
        DomainError::RoleAssignmentUpdateNotPermitted(domain::RoleAssignmentId::from_uuid(guid)),
        DomainError::PurchaseNotAllowed { permission: Permission::AzureSavingsPlan, partner_name: "Adatum Cloud".to_string() },
        DomainError::NoEligibleSubscriptions,
        DomainError::NotOwnerOfSubscription(domain::AzureSubscriptionId::from_uuid(guid)),
        DomainError::InvalidPurchase(PurchaseProblem::CommitmentTooSmall),
        DomainError::PurchaseIdTaken,
        DomainError::PartnerUsersOnly,
        DomainError::CustomerUsersOnly,
        DomainError::NotAllowedToManagePurchases { user: PartnerUserId::new("lidia.holloway@adatumcloud.onmicrosoft.com"), role: PartnerRole::HelpdeskAgent },
        DomainError::AskYourPartner { partner_name: "Adatum Cloud Services".to_string(), partner_email: "csp-support@adatum.com".to_string() },
        DomainError::BenefitNotActive,
        DomainError::SavingsPlanNotReturnable,
        DomainError::RefundLimitExceeded { limit: Usd::from_cents(5_000_000), consumed: Usd::from_cents(4_900_000), refund: Usd::from_cents(200_000) },
        DomainError::ExchangeBelowReturnedValue { returned: Usd::from_cents(100), purchase: Usd::from_cents(50) },
        DomainError::UnknownQuote,
        DomainError::UnknownRequest(domain::RequestId::from_uuid(guid)),
        DomainError::RequestDecided,
        DomainError::RequestMismatch,
        DomainError::RequestPending,
        DomainError::QuantityNotAvailable { available: 2 },
        DomainError::InvalidRequestText(domain::RequestTextProblem::TooLong),
    ]
}

#[test]
fn every_domain_error_comes_back_from_either_error_body() {
    let mut codes = std::collections::HashSet::new();
    for error in every_domain_error() {
        let code = ErrorCode::Refusal(error.kind());
        assert!(codes.insert(code), "one code per error: {error:?}");
        let body = ErrorBody::of_domain(&error, "words");
        assert_eq!(body.code, code.code());
        let text = serde_json::to_string(&body).unwrap();
        let reply: ErrorReply = serde_json::from_str(&text).unwrap();
        assert_eq!((reply.error_code(), reply.domain_error(), reply.message()), (Some(code), Some(error.clone()), "words"));

        let arm = ArmErrorBody::of_domain(&error, "Azure's words");
        let json = serde_json::to_value(&arm).unwrap();
        assert_eq!(json["error"]["code"], code.arm_code());
        assert_eq!(json["error"]["message"], "Azure's words");
        let reply: ErrorReply = serde_json::from_value(json).unwrap();
        assert_eq!((reply.error_code(), reply.domain_error(), reply.message()), (Some(code), Some(error.clone()), "Azure's words"));
    }
    assert_eq!(codes.len(), domain::RefusalKind::ALL.len(), "every refusal is in the table, once");
    let names: std::collections::HashSet<_> = ErrorCode::all().iter().map(|c| c.arm_code()).collect();
    assert_eq!(names.len(), ErrorCode::all().len(), "each ARM code names one code");
    for code in &ErrorCode::all() {
        assert_eq!(ErrorCode::from_arm_code(code.arm_code()), Some(*code));
    }
    // A body without a refusal is still read, without a domain error.
    let plain: ErrorReply = serde_json::from_value(json!({ "error": { "code": "NotFound", "message": "no route" } })).unwrap();
    assert_eq!((plain.error_code(), plain.domain_error()), (Some(ErrorCode::NotFound), None));
    // The refusal travels as itself: the domain's names, with what it names.
    assert_eq!(
        serde_json::to_value(ErrorBody::of_domain(
            &DomainError::PurchaseNotAllowed { permission: Permission::AzureReservations, partner_name: "Adatum".to_string() },
            "words"
        ))
        .unwrap()["info"],
        json!({ "PurchaseNotAllowed": { "permission": "AzureReservedInstances", "partner_name": "Adatum" } })
    );
}

#[test]
fn orders_in_partner_centers_shape_with_who_placed_them() {
    let store = store();
    let admin = &store.partner_users()[0].id;
    let wwi = named(&store, "Wide World Importers");
    let orders = store.orders(admin, &wwi).unwrap();
    assert!(orders.iter().any(|o| matches!(o.placed_by, domain::PlacedBy::Customer(_))), "the demo reservation");
    for order in &orders {
        let wire = Order::from_domain(order);
        let text = serde_json::to_string(&wire).unwrap();
        let back: Order = serde_json::from_str(&text).unwrap();
        assert_eq!(back.into_domain().as_ref(), Some(order), "{text}");
        let json = serde_json::to_value(&wire).unwrap();
        assert_eq!(json["referenceCustomerId"], json!(wwi));
        assert_eq!(json["attributes"]["objectType"], "Order");
        assert_eq!(json["currencyCode"], "USD");
        assert!(json["lineItems"][0]["provisioningContext"].is_object());
    }
    let bought = orders.iter().find(|o| matches!(o.placed_by, domain::PlacedBy::Customer(_))).unwrap();
    let json = serde_json::to_value(Order::from_domain(bought)).unwrap();
    assert_eq!(json["placedBy"], json!({ "userPrincipalName": "leeg@wideworldimporters.onmicrosoft.com", "userType": "customer" }));
    assert_eq!(json["billingCycle"], "monthly");
    assert_eq!(json["lineItems"][0]["termDuration"], "P1Y");
    assert_eq!(json["lineItems"][0]["provisioningContext"]["scope"], "shared");
    assert_eq!(json["totalPrice"].as_f64(), Some(bought.total().as_dollars()));
}

#[test]
fn a_cart_holds_the_azure_plan_and_expires_after_seven_days() {
    let new = NewCart::azure_plan();
    assert_eq!(
        serde_json::to_value(&new).unwrap(),
        json!({ "lineItems": [{ "catalogItemId": "DZH318Z0BPS6:0001:DZH318Z0BML6", "quantity": 1, "billingCycle": "one_time" }] })
    );
    let at = datetime!(2026-11-20 09:30 UTC);
    let cart = Cart::new(uuid::Uuid::from_u128(7), &new, "alex.wilber@adatumcloud.onmicrosoft.com", at);
    assert_eq!(cart.expiration_timestamp, "2026-11-27T09:30:00Z");
    assert!(!cart.is_expired(at + time::Duration::days(6)));
    assert!(cart.is_expired(at + time::Duration::days(7)));
    assert_eq!(cart.items(), new.items());
    let store = store();
    let admin = &store.partner_users()[0].id;
    assert_eq!(store.check_cart(admin, &named(&store, "Proseware, Inc."), &cart.items()), Ok(()));
}

#[test]
fn azure_subscriptions_and_role_assignments_in_resource_managers_shape() {
    let store = store();
    let megan = CustomerUpn::new("meganb@contoso.onmicrosoft.com");
    let mine = store.my_azure_subscriptions(&megan).unwrap();
    assert!(!mine.is_empty());
    for view in mine {
        let wire = ArmSubscription::from_domain(&view);
        let json = serde_json::to_value(&wire).unwrap();
        assert_eq!(json["id"], subscription_scope(&view.azure_subscription_id));
        assert_eq!(json["state"], "Enabled");
        let assignment = &json["roleAssignments"][0];
        assert_eq!(assignment["type"], "Microsoft.Authorization/roleAssignments");
        assert_eq!(assignment["properties"]["scope"], subscription_scope(&view.azure_subscription_id));
        let back = serde_json::from_value::<ArmSubscription>(json).unwrap().into_domain().unwrap();
        assert_eq!((back.customer_id, back.azure_subscription_id, &back.name, back.offer, back.status), (view.customer_id, view.azure_subscription_id, &view.name, view.offer, view.status));
        let ids = |v: &domain::AzureSubscriptionView| v.assignments.iter().map(|(a, u)| (a.clone(), u.id, u.user_principal_name.clone())).collect::<Vec<_>>();
        assert_eq!(ids(&back), ids(&view));

        let (assignment, user) = &view.assignments[0];
        let resource = RoleAssignmentResource::from_domain(assignment, user);
        assert_eq!(resource.id, format!("/subscriptions/{}/providers/Microsoft.Authorization/roleAssignments/{}", view.azure_subscription_id, assignment.id));
        let request = NewRoleAssignment::new(&view.azure_subscription_id, user.id, AzureRole::Owner);
        assert_eq!(
            serde_json::to_value(&request).unwrap()["properties"]["roleDefinitionId"],
            format!("/subscriptions/{}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635", view.azure_subscription_id)
        );
        assert_eq!(request.role(&view.azure_subscription_id), Some(AzureRole::Owner));
        let other = domain::AzureSubscriptionId::from_uuid(uuid::Uuid::from_u128(9));
        assert_eq!(request.role(&other), None, "another subscription's definition");
        assert_eq!(parse_role_definition_id("/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7", &other), Some(AzureRole::Reader));
        assert_eq!(parse_role_definition_id("/providers/Microsoft.Authorization/roleDefinitions/00000000-0000-0000-0000-000000000000", &other), None);
    }
    let id = domain::AzureSubscriptionId::from_uuid(uuid::Uuid::from_u128(42));
    assert_eq!(parse_subscription_scope(&subscription_scope(&id)), Some(id));
    assert_eq!(parse_subscription_scope(&id.to_string()), Some(id));
    assert_eq!(parse_subscription_scope("/subscriptions/nope"), None);
}

#[test]
fn reservations_and_savings_plans_in_resource_managers_shape() {
    let store = store();
    let lee = Caller::Customer(CustomerUpn::new("leeg@wideworldimporters.onmicrosoft.com"));
    let wwi = named(&store, "Wide World Importers");
    let reservation = store.reservations(&lee, &wwi).unwrap().remove(0);
    let json = serde_json::to_value(ReservationOrderResource::from_domain(&reservation)).unwrap();
    assert_eq!(json["type"], "Microsoft.Capacity/reservationOrders");
    assert_eq!(json["properties"]["provisioningState"], "Succeeded");
    assert_eq!(json["properties"]["reservations"][0]["sku"]["name"], "Standard_D2s_v5");
    assert_eq!(json["properties"]["reservations"][0]["location"], "westeurope");
    assert_eq!(json["properties"]["purchasedBy"], "leeg@wideworldimporters.onmicrosoft.com");
    let back: ReservationOrderResource = serde_json::from_value(json).unwrap();
    assert_eq!(back.into_domain(), Some(reservation.clone()));

    let miriam = Caller::Customer(CustomerUpn::new("miriamg@litware.onmicrosoft.com"));
    let plan = store.savings_plans(&miriam, &named(&store, "Litware Inc")).unwrap().remove(0);
    let json = serde_json::to_value(SavingsPlanOrderAliasResource::from_domain(&plan)).unwrap();
    assert_eq!(json["name"], "litware-compute-2026");
    assert_eq!(json["properties"]["commitment"], json!({ "grain": "Hourly", "currencyCode": "USD", "amount": 2.5 }));
    assert_eq!(json["properties"]["appliedScopeType"], "Single");
    let back: SavingsPlanOrderAliasResource = serde_json::from_value(json).unwrap();
    assert_eq!(back.into_domain(), Some(plan));

    // The requests, as built for the domain's requests, read back as them.
    let azure = reservation.billing_subscription;
    let request = ReservationRequest {
        id: ReservationOrderId::from_uuid(uuid::Uuid::from_u128(5)),
        size: VmSize::StandardE4sV5,
        region: Region::GermanyWestCentral,
        term: Term::ThreeYears,
        billing_plan: BillingPlan::Upfront,
        quantity: 3,
        billing_subscription: azure,
        scope: AppliedScope::Single(azure),
        renew: false,
        display_name: "Datenbanken".to_string(),
    };
    let body = serde_json::to_value(NewReservationOrder::from_domain(&request)).unwrap();
    assert_eq!(body["properties"]["billingScopeId"], format!("/subscriptions/{azure}"));
    assert_eq!(body["properties"]["appliedScopeProperties"]["subscriptionId"], format!("/subscriptions/{azure}"));
    assert_eq!(body["location"], "germanywestcentral");
    let read: NewReservationOrder = serde_json::from_value(body).unwrap();
    assert_eq!(read.into_domain(request.id), Ok(request));
    let single_without_subscription: NewReservationOrder = serde_json::from_value(json!({
        "sku": { "name": "Standard_B2ms" }, "location": "eastus",
        "properties": { "reservedResourceType": "VirtualMachines", "billingScopeId": azure, "term": "P1Y",
            "billingPlan": "Monthly", "quantity": 1, "appliedScopeType": "Single" }
    }))
    .unwrap();
    assert!(single_without_subscription.into_domain(ReservationOrderId::from_uuid(uuid::Uuid::nil())).is_err());

    let request = SavingsPlanRequest {
        alias: "compute-1".to_string(),
        display_name: String::new(),
        hourly_commitment: Usd::from_micros(1_000),
        term: Term::OneYear,
        billing_plan: BillingPlan::Monthly,
        billing_subscription: azure,
        scope: AppliedScope::Shared,
        renew: true,
    };
    let body = serde_json::to_value(NewSavingsPlanOrderAlias::from_domain(&request)).unwrap();
    assert_eq!(body["sku"]["name"], "Compute_Savings_Plan");
    assert_eq!(body["properties"]["commitment"]["amount"], 0.001);
    let read: NewSavingsPlanOrderAlias = serde_json::from_value(body).unwrap();
    assert_eq!(read.into_domain("compute-1"), Ok(request));
}

#[test]
fn customer_users_sign_in_with_their_own_tokens() {
    let store = store();
    let megan = CustomerUpn::new("MeganB@contoso.onmicrosoft.com");
    assert_eq!(customer_token_for(&megan), "demo-meganb@contoso.onmicrosoft.com");
    assert_eq!(customer_upn_of_token("demo-meganb@contoso.onmicrosoft.com"), Some(megan));
    assert_eq!(customer_upn_of_token("demo-alex.wilber"), None, "a partner user's token");
    let companies = store.companies_to_sign_in_as();
    let demo = DemoUsers::from_domain(store.partner_users(), &companies);
    let json = serde_json::to_value(&demo).unwrap();
    assert_eq!(json["items"][0]["token"], "demo-alex.wilber");
    assert_eq!(json["totalCount"], json!(store.partner_users().len()));
    let contoso = demo.companies.iter().find(|c| c.customer.company_profile.company_name == "Contoso Ltd").unwrap();
    assert!(contoso.users.iter().any(|u| u.token == "demo-meganb@contoso.onmicrosoft.com"));
    let back: Vec<domain::CompanyUsers> = demo.companies.into_iter().map(|c| c.into_domain()).collect();
    assert_eq!(back, companies);
    // What the first releases read still reads.
    let old: Collection<DemoUser> = serde_json::from_value(json).unwrap();
    assert_eq!(old.items.len(), store.partner_users().len());
}

/// The lifecycle's Activity records (a return, an exchange, a settings change) come back
/// from their audit records as they were: before and after, the refund, the new order.
#[test]
fn lifecycle_records_come_back_from_their_audit_records() {
    use domain::{ActivityAction, ActivityDetail, ActivityRecord, BenefitId, OrderId, ReservationOrderId, SavingsPlanOrderId};
    let guid = |n: u128| uuid::Uuid::from_u128(n);
    let partner = guid(1);
    let details = [
        (ActivityAction::CancelReservation, ActivityDetail::Return {
            reservation: ReservationOrderId::from_uuid(guid(2)),
            name: "Build agents".to_string(),
            quantity_before: 5,
            quantity_after: 2,
            refund: Usd::from_cents(123_456),
        }),
        (ActivityAction::ExchangeReservation, ActivityDetail::Exchange {
            returned: ReservationOrderId::from_uuid(guid(3)),
            name: "Web front ends".to_string(),
            quantity_returned: 2,
            returned_value: Usd::from_cents(50_000),
            new_reservation: ReservationOrderId::from_uuid(guid(4)),
            order_id: OrderId::from_uuid(guid(5)),
            product: "Reserved VM Instance, Standard_D4s_v5, eastus".to_string(),
            quantity: 2,
            total: Usd::from_cents(190_000),
        }),
        (ActivityAction::UpdateSavingsPlan, ActivityDetail::Settings {
            benefit: BenefitId::SavingsPlan(SavingsPlanOrderId::from_uuid(guid(6))),
            name_before: "Compute".to_string(),
            name_after: "Compute, all regions".to_string(),
            renew_before: false,
            renew_after: true,
        }),
    ];
    for (n, (action, detail)) in details.into_iter().enumerate() {
        let record = ActivityRecord {
            id: n as u64 + 10,
            at: datetime!(2026-12-01 10:00 UTC),
            customer_id: domain::CustomerId::from_uuid(guid(7)),
            customer_name: "Contoso Ltd".to_string(),
            action,
            partner_user: Some(PartnerUserId::new("alex.wilber@adatumcloud.onmicrosoft.com")),
            customer_user: None,
            old_value: Default::default(),
            new_value: Default::default(),
            detail: Some(detail),
        };
        let wire = AuditRecord::from_domain(partner, &record, |v| serde_json::to_string(v).unwrap());
        assert_eq!(wire.into_domain(|text| serde_json::from_str(text).ok()), Some(record));
    }
}

/// A partner user's notifications go over the wire and come back as the domain has them;
/// the body to mark them read takes ids or `all`, and nothing else.
#[test]
fn notifications_round_trip_and_the_mark_body_is_strict() {
    use api_types::notification::{MarkNotificationsRead, NotificationList};
    let store = store();
    let admin = domain::Caller::Partner(store.partner_users()[0].id.clone());
    let feed = store.notifications(&admin).expect("a partner user reads");
    assert_eq!(feed.unread, 3);
    let wire = NotificationList::from_domain(&feed);
    let text = serde_json::to_string(&wire).expect("serializes");
    let back: NotificationList = serde_json::from_str(&text).expect("reads back");
    assert_eq!(back.unread_count, 3);
    assert_eq!(back.into_domain(), feed);

    let all: MarkNotificationsRead = serde_json::from_value(json!({ "all": true })).expect("all");
    assert_eq!(all.into_domain(), domain::MarkRead::All);
    assert!(serde_json::from_value::<MarkNotificationsRead>(json!({ "everything": true })).is_err());
    assert!(serde_json::from_value::<MarkNotificationsRead>(json!({ "ids": ["nope"] })).is_err());
}
