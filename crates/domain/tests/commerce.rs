//! The customer buys on their own: the Azure plan the partner orders, the Owner role, and
//! the reservations and savings plans a customer user buys, billed to the partner.

mod support;

use domain::purchases::catalog;
use domain::{
    ActivityAction, ActivityDetail, AppliedScope, AzureRole, AzureSubscriptionId, BillingCycle, BillingPlan, Caller,
    CartItem, Change, CustomerId, CustomerUpn, DomainError, FixedClock, PartnerRole, PartnerStore, Permission,
    PlacedBy, Region, ReservationOrderId, ReservationRequest, RoleAssignmentId, SavingsPlanRequest, Term, Usd, VmSize,
};
use support::*;
use time::Duration;
use uuid::Uuid;

fn clock() -> FixedClock {
    FixedClock::new(T0 + Duration::hours(1))
}

fn azure_plan_cart() -> Vec<CartItem> {
    vec![CartItem {
        catalog_item_id: domain::orders::AZURE_PLAN_CATALOG_ITEM_ID.to_string(),
        quantity: 1,
        billing_cycle: BillingCycle::OneTime,
    }]
}

fn apply(store: &mut PartnerStore, decided: Result<Option<Change>, DomainError>) -> Result<(), DomainError> {
    if let Some(change) = decided? {
        store.apply(change);
    }
    Ok(())
}

/// The customer's Azure subscriptions, as its first user sees them.
fn azure_of(store: &PartnerStore, upn: &str) -> Vec<AzureSubscriptionId> {
    store.my_azure_subscriptions(&CustomerUpn::new(upn)).unwrap().iter().map(|s| s.azure_subscription_id).collect()
}

fn reservation(id: u128, azure: AzureSubscriptionId) -> ReservationRequest {
    ReservationRequest {
        id: ReservationOrderId::from_uuid(Uuid::from_u128(id)),
        size: VmSize::StandardD2sV5,
        region: Region::EastUs,
        term: Term::OneYear,
        billing_plan: BillingPlan::Upfront,
        quantity: 3,
        billing_subscription: azure,
        scope: AppliedScope::Single(azure),
        renew: false,
        display_name: String::new(),
    }
}

fn savings_plan(alias: &str, azure: AzureSubscriptionId) -> SavingsPlanRequest {
    SavingsPlanRequest {
        alias: alias.to_string(),
        display_name: String::new(),
        hourly_commitment: Usd::from_cents(150),
        term: Term::ThreeYears,
        billing_plan: BillingPlan::Monthly,
        billing_subscription: azure,
        scope: AppliedScope::Shared,
        renew: true,
    }
}

fn allow(store: &mut PartnerStore, customer: &CustomerId, permission: Permission) {
    let admin = admin(store);
    switch(store, &admin, customer, permission, true, &clock()).unwrap();
}

#[test]
fn the_whole_story_a_customer_without_azure_buys_a_reservation_the_partner_pays() {
    let mut store = store();
    let admin = admin(&store);
    let northwind = customer(&store, "Northwind Traders");
    let lynne = CustomerUpn::new("lynner@northwindtraders.onmicrosoft.com");

    // No Azure plan yet: even with the permission On, nothing is eligible.
    allow(&mut store, &northwind, Permission::AzureReservations);
    assert_eq!(
        store.decide_reservation_purchase(&lynne, reservation(1, AzureSubscriptionId::from_uuid(Uuid::nil())), &clock()),
        Err(DomainError::NoEligibleSubscriptions)
    );

    // The partner orders the Azure plan: one Azure subscription under it.
    let change = store.decide_order_azure_plan(&admin, &northwind, &azure_plan_cart(), &clock()).unwrap();
    store.apply(change);
    let plan = store.subscriptions(&admin, &northwind).unwrap().iter().find(|s| s.offer == domain::Offer::AzurePlan).cloned().unwrap();
    let entitlements = store.azure_entitlements(&admin, &northwind, &plan.id).unwrap();
    assert_eq!(entitlements.len(), 1);
    let azure = entitlements[0].id;
    assert_eq!(store.readiness(&admin, &northwind).unwrap().azure_subscriptions.len(), 1);
    assert!(!store.readiness(&admin, &northwind).unwrap().has_owner());

    // Not Owner yet: Azure's own refusal.
    assert_eq!(
        store.decide_reservation_purchase(&lynne, reservation(1, azure), &clock()),
        Err(DomainError::NotOwnerOfSubscription(azure))
    );

    // The Admin agent makes Lynne Owner; the customer is ready.
    let (_, user) = store.customer_user(&lynne).unwrap();
    let user_id = user.id;
    let assignment = RoleAssignmentId::from_uuid(Uuid::from_u128(77));
    let decided = store.decide_assign_role(&admin, &azure, assignment, &user_id, AzureRole::Owner, &clock());
    apply(&mut store, decided).unwrap();
    assert!(store.readiness(&admin, &northwind).unwrap().is_ready());

    // Lynne buys three D2s v5 for a year, upfront.
    let before = whole_log(&store).len();
    let decided = store.decide_reservation_purchase(&lynne, reservation(1, azure), &clock());
    apply(&mut store, decided).unwrap();
    let bought = store.reservations(&Caller::Customer(lynne.clone()), &northwind).unwrap();
    assert_eq!(bought.len(), 1);
    let price = catalog::reservation_price(VmSize::StandardD2sV5, Region::EastUs, Term::OneYear, 3);
    assert_eq!(bought[0].price, price);
    assert_eq!(price.total, Usd::from_cents(3 * 4147 * 12), "the partner is billed 3 × 41.47 USD × 12 months");
    assert_eq!(bought[0].expiry, bought[0].effective + Duration::days(365));

    // The partner sees the order, placed by Lynne, billed to the partner, in its order history.
    let orders = store.orders(&admin, &northwind).unwrap();
    let order = &orders[0];
    assert_eq!(order.placed_by, PlacedBy::Customer(lynne.clone()));
    assert_eq!(order.total(), price.total);
    assert_eq!(order.billing_cycle, BillingCycle::OneTime);
    assert_eq!(order.line_items[0].term_duration.as_deref(), Some("P1Y"));
    assert!(orders.iter().any(|o| matches!(&o.placed_by, PlacedBy::Partner(p) if *p == admin)), "the Azure plan order");

    // And in the Activity log: the purchase, by Lynne.
    let log = whole_log(&store);
    assert_eq!(log.len(), before + 1);
    assert_eq!(log[0].action, ActivityAction::CreateOrder);
    assert_eq!(log[0].user_principal_name(), lynne.as_str());
    assert!(matches!(&log[0].detail, Some(ActivityDetail::Order { total, .. }) if *total == price.total));

    // The same id again buys nothing more.
    assert_eq!(store.decide_reservation_purchase(&lynne, reservation(1, azure), &clock()), Ok(None));
}

#[test]
fn with_the_permission_off_even_an_owner_is_refused_naming_the_partner_and_what_was_bought_stays() {
    let mut store = store();
    let admin = admin(&store);
    let contoso = customer(&store, "Contoso Ltd");
    let megan = CustomerUpn::new("meganb@contoso.onmicrosoft.com");
    let azure = azure_of(&store, megan.as_str())[0];
    let decided = store.decide_reservation_purchase(&megan, reservation(5, azure), &clock());
    apply(&mut store, decided).unwrap();

    // Savings plans were never allowed at Contoso.
    let refused = store.decide_savings_plan_purchase(&megan, savings_plan("contoso-plan", azure), &clock());
    assert_eq!(
        refused,
        Err(DomainError::PurchaseNotAllowed {
            permission: Permission::AzureSavingsPlan,
            partner_name: "Adatum Cloud Services".to_string()
        })
    );

    switch(&mut store, &admin, &contoso, Permission::AzureReservations, false, &clock()).unwrap();
    let log_before = whole_log(&store).len();
    let refused = store.decide_reservation_purchase(&megan, reservation(6, azure), &clock());
    assert!(matches!(refused, Err(DomainError::PurchaseNotAllowed { permission: Permission::AzureReservations, .. })));
    assert_eq!(whole_log(&store).len(), log_before, "a refusal logs nothing");
    assert_eq!(store.reservations(&Caller::Customer(megan), &contoso).unwrap().len(), 1, "what was bought stays");
}

#[test]
fn only_an_owner_of_the_named_subscriptions_buys() {
    let mut store = store();
    let contoso = customer(&store, "Contoso Ltd");
    let azure = azure_of(&store, "meganb@contoso.onmicrosoft.com")[0];
    let _ = contoso;
    for not_owner in ["adelev@contoso.onmicrosoft.com", "brianj@contoso.onmicrosoft.com"] {
        assert_eq!(
            store.decide_reservation_purchase(&CustomerUpn::new(not_owner), reservation(9, azure), &clock()),
            Err(DomainError::NotOwnerOfSubscription(azure)),
            "{not_owner}"
        );
    }
    // Another customer's subscription is unknown to a Contoso user, even as billing subscription.
    let fabrikam_azure = azure_of(&store, "nestorw@fabrikam.onmicrosoft.com")[0];
    assert_eq!(
        store.decide_reservation_purchase(&CustomerUpn::new("meganb@contoso.onmicrosoft.com"), reservation(9, fabrikam_azure), &clock()),
        Err(DomainError::UnknownAzureSubscription(fabrikam_azure))
    );
    // A suspended Azure plan is not eligible.
    let woodgrove = customer(&store, "Woodgrove Bank");
    allow(&mut store, &woodgrove, Permission::AzureReservations);
    assert_eq!(
        store.decide_reservation_purchase(&CustomerUpn::new("pradeepg@woodgrovebank.onmicrosoft.com"), reservation(9, azure), &clock()),
        Err(DomainError::NoEligibleSubscriptions)
    );
}

#[test]
fn bad_purchases_are_refused_and_change_nothing() {
    let store = store();
    let lee = CustomerUpn::new("leeg@wideworldimporters.onmicrosoft.com");
    let azure = azure_of(&store, lee.as_str())[0];
    let snapshot = store.snapshot();
    let bad = |r: ReservationRequest| store.decide_reservation_purchase(&lee, r, &clock());
    use domain::PurchaseProblem::*;
    assert_eq!(bad(ReservationRequest { quantity: 0, ..reservation(2, azure) }), Err(DomainError::InvalidPurchase(Quantity)));
    assert_eq!(bad(ReservationRequest { quantity: 1001, ..reservation(2, azure) }), Err(DomainError::InvalidPurchase(Quantity)));
    assert_eq!(
        bad(ReservationRequest { display_name: "x".repeat(65), ..reservation(2, azure) }),
        Err(DomainError::InvalidPurchase(NameTooLong))
    );
    assert_eq!(
        bad(ReservationRequest { display_name: "a\nb".to_string(), ..reservation(2, azure) }),
        Err(DomainError::InvalidPurchase(NameHasControlCharacters))
    );
    let plan = |r: SavingsPlanRequest| store.decide_savings_plan_purchase(&lee, r, &clock());
    assert_eq!(
        plan(SavingsPlanRequest { hourly_commitment: Usd::from_micros(999), ..savings_plan("a", azure) }),
        Err(DomainError::InvalidPurchase(CommitmentTooSmall))
    );
    assert_eq!(plan(savings_plan("<script>", azure)), Err(DomainError::InvalidPurchase(Alias)));
    assert_eq!(plan(savings_plan("", azure)), Err(DomainError::InvalidPurchase(Alias)));
    // Hostile display names are kept as text.
    assert!(plan(SavingsPlanRequest { display_name: "<img src=x onerror=alert(1)> 東京".to_string(), ..savings_plan("ok-1", azure) })
        .unwrap()
        .is_some());
    assert_eq!(
        store.decide_reservation_purchase(&CustomerUpn::new("nobody@wideworldimporters.onmicrosoft.com"), reservation(2, azure), &clock()),
        Err(DomainError::UnknownCustomerUser("nobody@wideworldimporters.onmicrosoft.com".to_string()))
    );
    // Inactive users cannot sign in.
    assert!(store.customer_user(&CustomerUpn::new("markusg@alpineskihouse.onmicrosoft.com")).is_err());
    assert_eq!(store.snapshot(), snapshot, "decisions change nothing");
}

#[test]
fn a_savings_plan_commits_per_hour_and_the_partner_pays_the_term() {
    let mut store = store();
    let lee = CustomerUpn::new("leeg@wideworldimporters.onmicrosoft.com");
    let wwi = customer(&store, "Wide World Importers");
    let azure = azure_of(&store, lee.as_str())[0];
    let decided = store.decide_savings_plan_purchase(&lee, savings_plan("wwi-plan", azure), &clock());
    apply(&mut store, decided).unwrap();
    let plans = store.savings_plans(&Caller::Customer(lee.clone()), &wwi).unwrap();
    assert_eq!(plans[0].price.total, Usd::from_cents(150 * 8760 * 3));
    assert_eq!(plans[0].price.per_month, Usd::from_cents(150 * 730));
    assert_eq!(plans[0].display_name, "wwi-plan");
    let orders = store.orders(&admin(&store), &wwi).unwrap();
    assert_eq!(orders[0].billing_cycle, BillingCycle::Monthly);
    assert_eq!(orders[0].line_items[0].offer_id, "DZH318Z09V6F:0002");
    // The same name again buys nothing more; another customer cannot take it.
    assert_eq!(store.decide_savings_plan_purchase(&lee, savings_plan("wwi-plan", azure), &clock()), Ok(None));
    let megan = CustomerUpn::new("meganb@contoso.onmicrosoft.com");
    let contoso = customer(&store, "Contoso Ltd");
    allow(&mut store, &contoso, Permission::AzureSavingsPlan);
    let contoso_azure = azure_of(&store, megan.as_str())[0];
    assert_eq!(
        store.decide_savings_plan_purchase(&megan, savings_plan("wwi-plan", contoso_azure), &clock()),
        Err(DomainError::PurchaseIdTaken)
    );
}

#[test]
fn customer_users_see_only_their_own_company() {
    let store = store();
    let megan = Caller::Customer(CustomerUpn::new("meganb@contoso.onmicrosoft.com"));
    let wwi = customer(&store, "Wide World Importers");
    let wwi_azure = azure_of(&store, "leeg@wideworldimporters.onmicrosoft.com")[0];
    assert_eq!(store.reservations(&megan, &wwi), Err(DomainError::UnknownCustomer(wwi)));
    assert_eq!(store.azure_subscription(&megan, &wwi_azure).map(|_| ()), Err(DomainError::UnknownAzureSubscription(wwi_azure)));
    let lee = Caller::Customer(CustomerUpn::new("leeg@wideworldimporters.onmicrosoft.com"));
    let bought = store.reservations(&lee, &wwi).unwrap();
    assert_eq!(bought.len(), 2, "the demo's reservations: one bought today, one a year and a month ago");
    assert_eq!(store.reservation(&megan, &bought[0].id).map(|_| ()), Err(DomainError::UnknownReservation(bought[0].id)));
    assert!(store.reservation(&lee, &bought[0].id).is_ok());
    assert!(store.reservation(&Caller::Partner(admin(&store)), &bought[0].id).is_ok());
    // The identity switcher lists hand-made companies' active users only.
    let companies = store.companies_to_sign_in_as();
    assert_eq!(companies.len(), domain::demo_data::HAND_MADE_COUNT);
    assert!(companies.iter().flat_map(|c| &c.users).all(|u| u.state == domain::UserState::Active));
}

#[test]
fn azure_plans_are_ordered_by_admin_and_sales_agents_once() {
    let mut store = store();
    let proseware = customer(&store, "Proseware, Inc.");
    let helpdesk = user(&store, PartnerRole::HelpdeskAgent);
    assert!(matches!(
        store.decide_order_azure_plan(&helpdesk, &proseware, &azure_plan_cart(), &clock()),
        Err(DomainError::NotAllowedToOrder { .. })
    ));
    let mut wrong = azure_plan_cart();
    wrong[0].quantity = 2;
    let sales = user(&store, PartnerRole::SalesAgent);
    assert_eq!(
        store.check_cart(&sales, &proseware, &wrong),
        Err(DomainError::InvalidCart(domain::CartProblem::QuantityNotOne))
    );
    let change = store.decide_order_azure_plan(&sales, &proseware, &azure_plan_cart(), &clock()).unwrap();
    store.apply(change);
    assert_eq!(
        store.decide_order_azure_plan(&sales, &proseware, &azure_plan_cart(), &clock()),
        Err(DomainError::AzurePlanExists(proseware))
    );
    // Woodgrove's suspended plan counts too: no second one.
    let woodgrove = customer(&store, "Woodgrove Bank");
    assert_eq!(
        store.decide_order_azure_plan(&sales, &woodgrove, &azure_plan_cart(), &clock()),
        Err(DomainError::AzurePlanExists(woodgrove))
    );
    let log = whole_log(&store);
    assert_eq!(log[0].action, ActivityAction::CreateOrder);
    assert_eq!(log[0].partner_user.as_ref(), Some(&sales));
}

#[test]
fn only_admin_agents_give_and_remove_roles_and_each_is_logged() {
    let mut store = store();
    let admin = admin(&store);
    let coho = customer(&store, "Coho Winery");
    let azure = azure_of(&store, "jonm@cohowinery.onmicrosoft.com")[0];
    let jon = store.customer_user(&CustomerUpn::new("jonm@cohowinery.onmicrosoft.com")).unwrap().1.id;
    let id = RoleAssignmentId::from_uuid(Uuid::from_u128(42));
    let sales = user(&store, PartnerRole::SalesAgent);
    assert!(matches!(
        store.decide_assign_role(&sales, &azure, id, &jon, AzureRole::Owner, &clock()),
        Err(DomainError::NotAllowedToManageRoles { .. })
    ));
    // Jon holds Contributor already: Owner is a new assignment.
    let decided = store.decide_assign_role(&admin, &azure, id, &jon, AzureRole::Owner, &clock());
    apply(&mut store, decided).unwrap();
    assert_eq!(store.decide_assign_role(&admin, &azure, id, &jon, AzureRole::Owner, &clock()), Ok(None), "the same PUT again");
    assert_eq!(
        store.decide_assign_role(&admin, &azure, id, &jon, AzureRole::Reader, &clock()),
        Err(DomainError::RoleAssignmentUpdateNotPermitted(id))
    );
    let other = RoleAssignmentId::from_uuid(Uuid::from_u128(43));
    assert_eq!(
        store.decide_assign_role(&admin, &azure, other, &jon, AzureRole::Owner, &clock()),
        Err(DomainError::RoleAssignmentExists)
    );
    // A user of another customer is no principal here.
    let megan = store.customer_user(&CustomerUpn::new("meganb@contoso.onmicrosoft.com")).unwrap().1.id;
    assert_eq!(
        store.decide_assign_role(&admin, &azure, other, &megan, AzureRole::Owner, &clock()),
        Err(DomainError::UnknownPrincipal(megan))
    );
    assert!(store.readiness(&admin, &coho).unwrap().is_ready());
    let log = whole_log(&store);
    assert_eq!(log[0].action, ActivityAction::CreateRoleAssignment);
    assert!(matches!(&log[0].detail, Some(ActivityDetail::RoleAssignment { role: AzureRole::Owner, principal_name, .. }) if principal_name == "jonm@cohowinery.onmicrosoft.com"));

    let decided = store.decide_remove_role(&admin, &azure, &id, &clock());
    apply(&mut store, decided).unwrap();
    assert!(!store.readiness(&admin, &coho).unwrap().is_ready());
    assert_eq!(whole_log(&store)[0].action, ActivityAction::DeleteRoleAssignment);
    assert_eq!(store.decide_remove_role(&admin, &azure, &id, &clock()), Ok(None), "gone already");
}

#[test]
fn commerce_survives_a_snapshot_and_json() {
    let mut store = store();
    let admin = admin(&store);
    let vanarsdel = customer(&store, "VanArsdel Ltd");
    let change = store.decide_order_azure_plan(&admin, &vanarsdel, &azure_plan_cart(), &clock()).unwrap();
    let json = serde_json::to_string(&change).unwrap();
    store.apply(serde_json::from_str(&json).unwrap());
    let sophie = CustomerUpn::new("sophiem@vanarsdel.onmicrosoft.com");
    let azure = azure_of(&store, sophie.as_str())[0];
    let sophie_id = store.customer_user(&sophie).unwrap().1.id;
    let decided = store.decide_assign_role(&admin, &azure, RoleAssignmentId::from_uuid(Uuid::from_u128(5)), &sophie_id, AzureRole::Owner, &clock());
    apply(&mut store, decided).unwrap();
    allow(&mut store, &vanarsdel, Permission::AzureReservations);
    let decided = store.decide_reservation_purchase(&sophie, reservation(11, azure), &clock());
    apply(&mut store, decided).unwrap();

    let snapshot = store.snapshot();
    let rebuilt = PartnerStore::from_snapshot(serde_json::from_str(&serde_json::to_string(&snapshot).unwrap()).unwrap());
    assert_eq!(rebuilt.snapshot(), snapshot);
    assert_eq!(rebuilt.orders(&admin, &vanarsdel).unwrap(), store.orders(&admin, &vanarsdel).unwrap());
    assert_eq!(rebuilt.readiness(&admin, &vanarsdel).unwrap(), store.readiness(&admin, &vanarsdel).unwrap());
    assert_eq!(whole_log(&rebuilt), whole_log(&store));
}

#[test]
fn demo_orders_stand_behind_every_demo_subscription() {
    let store = store();
    let admin = admin(&store);
    let contoso = customer(&store, "Contoso Ltd");
    let orders = store.orders(&admin, &contoso).unwrap();
    let subscriptions = store.subscriptions(&admin, &contoso).unwrap();
    assert_eq!(orders.len(), subscriptions.len());
    assert!(orders.iter().all(|o| matches!(o.placed_by, PlacedBy::Partner(_))));
    let one = store.order(&admin, &contoso, &orders[0].id).unwrap();
    assert_eq!(one, orders[0]);
    assert_eq!(store.orders(&admin, &contoso).unwrap(), orders, "the same on every read");
}

/// What was bought keeps its JSON shape now that reservations and savings plans share a
/// `Benefit`: a reservation saved before (in localStorage, in the mock API's data file) loads,
/// and is saved again the same way.
#[test]
fn a_reservation_saved_before_benefits_were_shared_still_loads() {
    let saved = serde_json::json!({
        "id": "2f4a9c1e-7d3b-4e8a-9c6f-1b2d3e4f5a60",
        "customer_id": "e8d155b9-e946-49bb-b06f-c96c46048034",
        "order_id": "0f6c3c7e-8a1d-4c53-9a55-2b7d1f1e9d20",
        "display_name": "Contoso build agents",
        "size": "StandardD2sV5",
        "region": "EastUs",
        "quantity": 2,
        "term": "OneYear",
        "billing_plan": "Monthly",
        "billing_subscription": "187b19a3-3445-48ca-8d25-70cc517fd00d",
        "scope": "Shared",
        "renew": true,
        "status": "Succeeded",
        "effective": 1_790_000_000,
        "expiry": 1_821_536_000,
        "purchased_by": "meganb@contoso.onmicrosoft.com",
        "price": { "per_month": 92_900_000u64, "total": 1_114_800_000u64 }
    });
    let reservation: domain::Reservation = match serde_json::from_value(saved.clone()) {
        Ok(reservation) => reservation,
        Err(error) => panic!("the saved shape no longer loads: {error}"),
    };
    assert_eq!(reservation.display_name, "Contoso build agents");
    assert!(reservation.renew);
    assert_eq!(reservation.quantity, 2);
    assert_eq!(serde_json::to_value(&reservation).ok(), Some(saved));
}
