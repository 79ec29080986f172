//! One behaviour, scenario by scenario, written once against the [`Driver`] trait and run
//! on the domain's `PartnerStore` in memory (`in_memory::…`): fast, native, no browser.
//!
//! The same scenarios run through the app's own backend interface on both of its backends,
//! the embedded store and `PartnerCenterApi` against a live mock API server, in the
//! component tests (`tests/components/backend_conformance.rs`, run by `cargo xtask test`):
//! that suite is what holds this server to the domain's behaviour, through the client the
//! app really uses. A new scenario goes there first; it needs no driver.

mod support;

use domain::{
    ActivityAction, ActivityDetail, AppliedScope, AzureRole, BenefitId, BenefitStatus, Caller, CustomerId, DomainError, Etag,
    PartnerUser, Permission, PermissionSet, PlacedBy, ProductKind, RequestKind, RequestStatus, ReservationOrderId, UserState,
};
use support::drivers::{Driver, InMemory, PurchaseView, RecordView, Refusal};
use time::{Date, Duration, OffsetDateTime};

use ActivityAction::{
    CreateCustomerPurchasePermissions as Create, DeleteCustomerPurchasePermissions as Delete,
    UpdateCustomerPurchasePermissions as Update,
};
use Permission::{AzureReservations as Reservations, AzureSavingsPlan as SavingsPlan};

/// Runs every scenario on the domain's store, as `in_memory::name`.
macro_rules! conformance {
    ($($scenario:ident),* $(,)?) => {
        mod in_memory {
            $( #[test] fn $scenario() { super::$scenario(&mut super::InMemory::start()); } )*
        }
    };
}

conformance!(
    a_grant_creates_the_policy_and_logs_a_create,
    a_revoke_removes_the_policy_and_logs_a_delete,
    a_regrant_after_a_revoke_is_a_create_again,
    a_second_permission_is_an_update_with_a_new_etag,
    granting_twice_or_revoking_nothing_changes_and_logs_nothing,
    sales_and_helpdesk_agents_are_refused_and_nothing_is_logged,
    a_stale_etag_is_refused_and_nothing_is_overwritten,
    an_unknown_customer_is_refused_everywhere,
    readiness_of_the_hand_made_customers,
    activity_records_are_newest_first_with_the_right_user,
    customer_users_with_their_azure_roles,
    a_customer_user_buys_a_reservation_once_the_partner_has_prepared_everything,
    a_purchase_is_refused_without_the_permission_without_owner_or_without_an_azure_plan,
    helpdesk_agents_cannot_order_sales_agents_cannot_assign_and_one_azure_plan_per_customer,
    the_partner_sees_every_customers_purchases_with_who_placed_them,
    an_admin_agent_cancels_a_reservation_refunded_and_others_are_refused,
    a_refund_beyond_the_limit_is_refused_with_the_limit_named,
    an_exchange_returns_the_old_and_buys_the_new_placed_by_the_agent,
    savings_plans_only_renew_and_off_keeps_what_was_bought,
    the_customer_asks_and_the_partner_approves_or_declines,
);

// ---- The demo partner's users and customers ----

fn alex() -> PartnerUser {
    test_support::admin().partner_user // Admin agent
}

fn diego() -> PartnerUser {
    test_support::admin_2().partner_user // Admin agent
}

fn isaiah() -> PartnerUser {
    test_support::sales().partner_user // Sales agent
}

fn lidia() -> PartnerUser {
    test_support::helpdesk().partner_user // Helpdesk agent
}

const FABRIKAM: &str = "Fabrikam Inc";
const CONTOSO: &str = "Contoso Ltd";
const NORTHWIND: &str = "Northwind Traders";
const TAILSPIN: &str = "Tailspin Toys";

const AZURE_PLAN: &str = "DZH318Z0BPS6";
const AZURE_GLOBAL: &str = "MS-AZR-0145P";

fn set(permissions: &[Permission]) -> PermissionSet {
    permissions.iter().copied().collect()
}

/// Every record from yesterday to tomorrow (UTC), newest first: the scenario's own and
/// the demo data's recent ones.
fn recent(api: &mut impl Driver) -> Vec<RecordView> {
    let today = OffsetDateTime::now_utc().date();
    api.activity(today - Duration::days(1), today + Duration::days(1))
}

/// The records logged since `before` of them were counted, newest first.
fn logged_since(api: &mut impl Driver, before: usize) -> Vec<RecordView> {
    let mut records = recent(api);
    assert!(records.len() >= before, "records disappeared");
    records.truncate(records.len() - before);
    records
}

fn assert_record(
    record: &RecordView,
    action: ActivityAction,
    customer: (CustomerId, &str),
    user: &PartnerUser,
    old: &[Permission],
    new: &[Permission],
) {
    assert_eq!(record.action, action, "{record:?}");
    assert_eq!(
        (record.customer, record.customer_name.as_str()),
        customer,
        "{record:?}"
    );
    assert_eq!(record.user, user.id.as_str(), "{record:?}");
    assert_eq!(
        (&record.old, &record.new),
        (&set(old), &set(new)),
        "{record:?}"
    );
}

// ---- Scenarios ----

fn a_grant_creates_the_policy_and_logs_a_create(api: &mut impl Driver) {
    let fabrikam = api.customer_named(FABRIKAM);
    let before = api.policy(fabrikam).expect("reads");
    assert!(
        before.permissions.is_empty() && before.etag.is_none(),
        "{before:?}"
    );
    let count = recent(api).len();

    api.set_permission(&alex(), fabrikam, Reservations, true)
        .expect("granted");

    let after = api.policy(fabrikam).expect("reads");
    assert_eq!(after.permissions, set(&[Reservations]));
    assert!(after.etag.is_some());
    let logged = logged_since(api, count);
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_record(
        &logged[0],
        Create,
        (fabrikam, FABRIKAM),
        &alex(),
        &[],
        &[Reservations],
    );
}

fn a_revoke_removes_the_policy_and_logs_a_delete(api: &mut impl Driver) {
    let fabrikam = api.customer_named(FABRIKAM);
    api.set_permission(&alex(), fabrikam, Reservations, true)
        .expect("granted");
    let count = recent(api).len();

    api.set_permission(&diego(), fabrikam, Reservations, false)
        .expect("revoked");

    let after = api.policy(fabrikam).expect("reads");
    assert!(
        after.permissions.is_empty() && after.etag.is_none(),
        "{after:?}"
    );
    let logged = logged_since(api, count);
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_record(
        &logged[0],
        Delete,
        (fabrikam, FABRIKAM),
        &diego(),
        &[Reservations],
        &[],
    );
}

fn a_regrant_after_a_revoke_is_a_create_again(api: &mut impl Driver) {
    let fabrikam = api.customer_named(FABRIKAM);
    let count = recent(api).len();
    api.set_permission(&alex(), fabrikam, SavingsPlan, true)
        .expect("granted");
    let first = api.policy(fabrikam).expect("reads");
    api.set_permission(&alex(), fabrikam, SavingsPlan, false)
        .expect("revoked");

    api.set_permission(&alex(), fabrikam, SavingsPlan, true)
        .expect("granted again");

    let again = api.policy(fabrikam).expect("reads");
    assert_eq!(again.permissions, set(&[SavingsPlan]));
    assert!(again.etag.is_some());
    assert_ne!(again.etag, first.etag, "a new policy, a new etag");
    let actions: Vec<_> = logged_since(api, count).iter().map(|r| r.action).collect();
    assert_eq!(actions, [Create, Delete, Create], "newest first");
}

fn a_second_permission_is_an_update_with_a_new_etag(api: &mut impl Driver) {
    let fabrikam = api.customer_named(FABRIKAM);
    api.set_permission(&alex(), fabrikam, Reservations, true)
        .expect("granted");
    let first = api.policy(fabrikam).expect("reads");
    let count = recent(api).len();

    api.set_permission(&diego(), fabrikam, SavingsPlan, true)
        .expect("granted");

    let after = api.policy(fabrikam).expect("reads");
    assert_eq!(after.permissions, set(&[Reservations, SavingsPlan]));
    assert!(after.etag.is_some());
    assert_ne!(after.etag, first.etag);
    let logged = logged_since(api, count);
    assert_eq!(logged.len(), 1, "{logged:?}");
    let both = [Reservations, SavingsPlan];
    assert_record(
        &logged[0],
        Update,
        (fabrikam, FABRIKAM),
        &diego(),
        &[Reservations],
        &both,
    );
}

fn granting_twice_or_revoking_nothing_changes_and_logs_nothing(api: &mut impl Driver) {
    let fabrikam = api.customer_named(FABRIKAM);
    let northwind = api.customer_named(NORTHWIND);
    api.set_permission(&alex(), fabrikam, Reservations, true)
        .expect("granted");
    let first = api.policy(fabrikam).expect("reads");
    let count = recent(api).len();

    api.set_permission(&alex(), fabrikam, Reservations, true)
        .expect("granted again");
    api.set_permission(&diego(), northwind, SavingsPlan, false)
        .expect("nothing to revoke");

    assert_eq!(
        api.policy(fabrikam).expect("reads"),
        first,
        "same permissions, same etag"
    );
    let northwind_now = api.policy(northwind).expect("reads");
    assert!(northwind_now.permissions.is_empty() && northwind_now.etag.is_none());
    assert_eq!(logged_since(api, count), [], "nothing logged");
}

fn sales_and_helpdesk_agents_are_refused_and_nothing_is_logged(api: &mut impl Driver) {
    let fabrikam = api.customer_named(FABRIKAM);
    let contoso = api.customer_named(CONTOSO);
    let contoso_before = api.policy(contoso).expect("reads");
    assert_eq!(
        contoso_before.permissions,
        set(&[Reservations]),
        "demo data"
    );
    let etag = contoso_before.etag.clone().expect("an etag");
    let count = recent(api).len();

    for agent in [isaiah(), lidia()] {
        let refused = |result: Result<(), Refusal>| assert_eq!(result, Err(Refusal::Forbidden));
        refused(api.set_permission(&agent, fabrikam, Reservations, true));
        refused(api.set_permission(&agent, contoso, SavingsPlan, true));
        refused(api.set_permission(&agent, contoso, Reservations, false));
        refused(api.replace(&agent, contoso, set(&[SavingsPlan]), &etag));
        refused(api.replace(&agent, contoso, set(&[]), &etag));
    }

    let fabrikam_now = api.policy(fabrikam).expect("reads");
    assert!(fabrikam_now.permissions.is_empty() && fabrikam_now.etag.is_none());
    assert_eq!(api.policy(contoso).expect("reads"), contoso_before);
    assert_eq!(logged_since(api, count), [], "nothing logged");
}

fn a_stale_etag_is_refused_and_nothing_is_overwritten(api: &mut impl Driver) {
    let fabrikam = api.customer_named(FABRIKAM);
    api.set_permission(&alex(), fabrikam, Reservations, true)
        .expect("granted");
    let alex_read = api.policy(fabrikam).expect("reads").etag.expect("an etag");
    api.set_permission(&diego(), fabrikam, SavingsPlan, true)
        .expect("diego adds one");
    let newer = api.policy(fabrikam).expect("reads");
    let count = recent(api).len();

    // Alex's copy is out of date: neither a change nor a revoke of everything goes through.
    let stale = api.replace(&alex(), fabrikam, set(&[Reservations]), &alex_read);
    assert_eq!(stale, Err(Refusal::StaleEtag));
    assert_eq!(
        api.replace(&alex(), fabrikam, set(&[]), &alex_read),
        Err(Refusal::StaleEtag)
    );
    assert_eq!(
        api.policy(fabrikam).expect("reads"),
        newer,
        "diego's change stays"
    );
    assert_eq!(logged_since(api, count), [], "nothing logged");

    // With the etag just read, the same change goes through and gets a new etag.
    let current = newer.etag.clone().expect("an etag");
    api.replace(&alex(), fabrikam, set(&[Reservations]), &current)
        .expect("replaced");
    let after = api.policy(fabrikam).expect("reads");
    assert_eq!(after.permissions, set(&[Reservations]));
    assert!(after.etag.is_some() && after.etag != newer.etag);
    let logged = logged_since(api, count);
    assert_eq!(logged.len(), 1, "{logged:?}");
    let both = [Reservations, SavingsPlan];
    assert_record(
        &logged[0],
        Update,
        (fabrikam, FABRIKAM),
        &alex(),
        &both,
        &[Reservations],
    );
}

fn an_unknown_customer_is_refused_everywhere(api: &mut impl Driver) {
    let unknown = CustomerId::from_uuid(uuid::Uuid::from_u128(
        0x0bad_c0de_0000_4000_8000_0000_0000_0001,
    ));
    let count = recent(api).len();

    assert_eq!(api.policy(unknown), Err(Refusal::UnknownCustomer));
    assert_eq!(api.readiness(unknown), Err(Refusal::UnknownCustomer));
    let granted = api.set_permission(&alex(), unknown, Reservations, true);
    assert_eq!(granted, Err(Refusal::UnknownCustomer));
    let revoked = api.set_permission(&alex(), unknown, Reservations, false);
    assert_eq!(revoked, Err(Refusal::UnknownCustomer));
    let made_up = Etag::new("\"0000000100000000000000\"");
    let replaced = api.replace(&alex(), unknown, set(&[SavingsPlan]), &made_up);
    assert_eq!(replaced, Err(Refusal::UnknownCustomer));

    assert_eq!(logged_since(api, count), [], "nothing logged");
}

fn readiness_of_the_hand_made_customers(api: &mut impl Driver) {
    // (customer, offers of its active Azure subscriptions, users with Owner, ready)
    let expected: [(&str, &[&str], &[&str], bool); 5] = [
        (
            FABRIKAM,
            &[AZURE_PLAN],
            &["nestorw@fabrikam.onmicrosoft.com"],
            true,
        ),
        (NORTHWIND, &[], &[], false),
        ("Adventure Works Cycles", &[AZURE_PLAN], &[], false),
        ("Woodgrove Bank", &[], &[], false),
        (
            TAILSPIN,
            &[AZURE_GLOBAL],
            &["pattif@tailspintoys.onmicrosoft.com"],
            true,
        ),
    ];
    for (name, offers, owners, ready) in expected {
        let customer = api.customer_named(name);
        let readiness = api.readiness(customer).expect("reads");
        assert_eq!(readiness.azure_offers, offers, "{name}");
        assert_eq!(readiness.owners, owners, "{name}");
        assert_eq!(readiness.is_ready, ready, "{name}");
    }
}

fn activity_records_are_newest_first_with_the_right_user(api: &mut impl Driver) {
    let fabrikam = api.customer_named(FABRIKAM);
    let tailspin = api.customer_named(TAILSPIN);
    let contoso = api.customer_named(CONTOSO);
    let count = recent(api).len();

    api.set_permission(&alex(), fabrikam, Reservations, true)
        .expect("granted");
    api.set_permission(&diego(), tailspin, SavingsPlan, true)
        .expect("granted");
    api.set_permission(&diego(), fabrikam, Reservations, false)
        .expect("revoked");

    let records = recent(api);
    let (ours, older) = records.split_at(records.len() - count);
    assert_eq!(ours.len(), 3, "{ours:?}");
    assert_record(
        &ours[0],
        Delete,
        (fabrikam, FABRIKAM),
        &diego(),
        &[Reservations],
        &[],
    );
    assert_record(
        &ours[1],
        Create,
        (tailspin, TAILSPIN),
        &diego(),
        &[],
        &[SavingsPlan],
    );
    assert_record(
        &ours[2],
        Create,
        (fabrikam, FABRIKAM),
        &alex(),
        &[],
        &[Reservations],
    );
    // The demo data's grant to Contoso, six hours before the data was made, is there too.
    let demo = older
        .iter()
        .find(|r| r.customer == contoso)
        .expect("Contoso's demo grant");
    assert_record(
        demo,
        Create,
        (contoso, CONTOSO),
        &alex(),
        &[],
        &[Reservations],
    );

    // A range is a range: long ago, nothing.
    let long_ago = |day| Date::from_ordinal_date(2001, day).expect("a date");
    assert_eq!(api.activity(long_ago(1), long_ago(365)), []);
}

/// A user as the scenarios compare them: (user principal name, display name, first name,
/// last name, active, roles).
type UserSummary = (String, String, String, String, bool, Vec<AzureRole>);

fn summaries(users: &[domain::UserWithRoles]) -> Vec<UserSummary> {
    users
        .iter()
        .map(|u| {
            let roles = u.roles.iter().map(|(_, role)| *role).collect();
            let u = &u.user;
            let text = |s: &str| s.to_string();
            (
                text(&u.user_principal_name),
                text(&u.display_name),
                text(&u.first_name),
                text(&u.last_name),
                u.state == UserState::Active,
                roles,
            )
        })
        .collect()
}

fn user_summary(upn: &str, first: &str, last: &str, roles: &[AzureRole]) -> UserSummary {
    (
        upn.to_string(),
        format!("{first} {last}"),
        first.to_string(),
        last.to_string(),
        true,
        roles.to_vec(),
    )
}

fn customer_users_with_their_azure_roles(api: &mut impl Driver) {
    use AzureRole::{Contributor, Owner, Reader};

    // Every partner user may read them; the roles are on the customer's Azure plan.
    let contoso = api.customer_named(CONTOSO);
    for reader in [alex(), isaiah(), lidia()] {
        let users = api.users(&reader, contoso).expect("reads");
        assert!(
            users.iter().all(|u| u.user.customer_id == contoso),
            "{users:?}"
        );
        assert_eq!(
            summaries(&users),
            [
                user_summary("meganb@contoso.onmicrosoft.com", "Megan", "Bowen", &[Owner]),
                user_summary(
                    "adelev@contoso.onmicrosoft.com",
                    "Adele",
                    "Vance",
                    &[Contributor]
                ),
                user_summary(
                    "brianj@contoso.onmicrosoft.com",
                    "Brian",
                    "Johnson",
                    &[Reader]
                ),
            ]
        );
    }
    // The same ids on every read.
    assert_eq!(api.users(&diego(), contoso), api.users(&alex(), contoso));

    // Fourth Coffee's roles are on the second of its two Azure subscriptions.
    let fourth = api.customer_named("Fourth Coffee");
    let azure = api.readiness(fourth).expect("reads").azure_subscriptions;
    assert_eq!(azure.len(), 2);
    let users = api.users(&alex(), fourth).expect("reads");
    assert_eq!(
        users.iter().map(|u| u.roles.len()).collect::<Vec<_>>(),
        [1, 1, 1]
    );
    assert!(
        users
            .iter()
            .all(|u| u.roles.iter().all(|(sub, _)| *sub == azure[1])),
        "{users:?}"
    );

    // Woodgrove Bank's Azure plan is suspended: the roles on it still show, though
    // readiness does not count them.
    let woodgrove = api.customer_named("Woodgrove Bank");
    assert_eq!(
        summaries(&api.users(&alex(), woodgrove).expect("reads")),
        [
            user_summary(
                "pradeepg@woodgrovebank.onmicrosoft.com",
                "Pradeep",
                "Gupta",
                &[Owner]
            ),
            user_summary(
                "karif@woodgrovebank.onmicrosoft.com",
                "Kari",
                "Furse",
                &[Contributor]
            ),
        ]
    );
    assert!(api.readiness(woodgrove).expect("reads").owners.is_empty());

    // An inactive user without a role; a name shown family name first; licences only.
    let alpine = api.customer_named("Alpine Ski House");
    let alpine = api.users(&alex(), alpine).expect("reads");
    let markus = alpine
        .iter()
        .find(|u| u.user.first_name == "Markus")
        .expect("Markus Gruber");
    assert_eq!(
        (markus.user.state, markus.roles.len()),
        (UserState::Inactive, 0)
    );
    let tokyo = api.customer_named("東京クラウドソリューションズ株式会社");
    let tokyo = api.users(&alex(), tokyo).expect("reads");
    assert_eq!(tokyo[0].user.display_name, "佐藤 花子");
    let northwind = api.customer_named(NORTHWIND);
    let northwind = api.users(&alex(), northwind).expect("reads");
    assert_eq!(northwind.len(), 2);
    assert!(
        northwind.iter().all(|u| u.roles.is_empty()),
        "{northwind:?}"
    );

    let unknown = CustomerId::from_uuid(uuid::Uuid::from_u128(
        0x0bad_c0de_0000_4000_8000_0000_0000_0002,
    ));
    assert_eq!(api.users(&alex(), unknown), Err(Refusal::UnknownCustomer));
}

// ---- The customer buys on their own ----

const PROSEWARE: &str = "Proseware, Inc.";
const HENRIETTA: &str = "henriettam@proseware.onmicrosoft.com";

fn a_customer_user_buys_a_reservation_once_the_partner_has_prepared_everything(api: &mut impl Driver) {
    let proseware = api.customer_named(PROSEWARE);
    let count = recent(api).len();
    let orders_before = api.orders(proseware).len();

    // The partner adds the Azure plan: one Azure subscription under it.
    api.add_azure_plan(&alex(), proseware).expect("ordered");
    let entitlements = api.azure_plan_entitlements(proseware);
    assert_eq!(entitlements.len(), 1, "{entitlements:?}");
    let azure = entitlements[0].id;
    assert_eq!(entitlements[0].friendly_name, "Azure subscription 1");
    // Henrietta is made Owner; the partner allows reservations.
    api.assign_role(&alex(), azure, HENRIETTA, AzureRole::Owner).expect("assigned");
    let readiness = api.readiness(proseware).expect("reads");
    assert_eq!((readiness.owners.as_slice(), readiness.is_ready), ([HENRIETTA.to_string()].as_slice(), true));
    api.set_permission(&diego(), proseware, Reservations, true).expect("granted");

    // Henrietta buys a reservation on her own.
    let mut request = test_support::reservation_request(azure);
    request.scope = AppliedScope::Shared;
    request.quantity = 3;
    api.buy_reservation(HENRIETTA, request.clone()).expect("bought");
    // The same order again buys nothing more.
    api.buy_reservation(HENRIETTA, request).expect("answered");

    // Order history: her order on top, billed to the partner; the partner's Azure plan below.
    let orders = api.orders(proseware);
    assert_eq!(orders.len(), orders_before + 2, "{orders:?}");
    assert_eq!(orders[0].placed_by, PlacedBy::Customer(domain::CustomerUpn::new(HENRIETTA)));
    assert_eq!((orders[0].line_items[0].kind, orders[0].line_items[0].quantity), (ProductKind::Reservation, 3));
    assert_eq!(orders[0].total(), domain::purchases::catalog::reservation_price(domain::VmSize::StandardD2sV5, domain::Region::EastUs, domain::Term::OneYear, 3).total);
    assert_eq!(orders[1].placed_by, PlacedBy::Partner(alex().id));
    assert_eq!(orders[1].line_items[0].kind, ProductKind::AzurePlan);

    // The Activity log: the plan, the role, the permission, the purchase, by whom.
    let logged = logged_since(api, count);
    let summary: Vec<_> = logged.iter().map(|r| (r.action, r.customer, r.user.as_str())).collect();
    assert_eq!(
        summary,
        [
            (ActivityAction::CreateOrder, proseware, HENRIETTA),
            (Create, proseware, diego().id.as_str()),
            (ActivityAction::CreateRoleAssignment, proseware, alex().id.as_str()),
            (ActivityAction::CreateOrder, proseware, alex().id.as_str()),
        ]
    );
    let Some(ActivityDetail::Order { order_id, kind, quantity, total, .. }) = &logged[0].detail else {
        panic!("the purchase's detail: {:?}", logged[0]);
    };
    assert_eq!((*order_id, *kind, *quantity, *total), (orders[0].id, ProductKind::Reservation, 3, orders[0].total()));
    let Some(ActivityDetail::RoleAssignment { principal_name, role, azure_subscription_id, .. }) = &logged[2].detail else {
        panic!("the role's detail: {:?}", logged[2]);
    };
    assert_eq!((principal_name.as_str(), *role, *azure_subscription_id), (HENRIETTA, AzureRole::Owner, azure));
}

fn a_purchase_is_refused_without_the_permission_without_owner_or_without_an_azure_plan(api: &mut impl Driver) {
    let contoso = api.customer_named(CONTOSO);
    let fabrikam = api.customer_named(FABRIKAM);
    let northwind = api.customer_named(NORTHWIND);
    let fabrikam_azure = api.readiness(fabrikam).expect("reads").azure_subscriptions[0];
    let contoso_azure = api.readiness(contoso).expect("reads").azure_subscriptions[0];
    let count = recent(api).len();
    let orders: Vec<_> = [contoso, fabrikam, northwind].iter().map(|c| api.orders(*c).len()).collect();

    // Fabrikam's Owner, but the partner has not allowed it: the partner is named.
    let refused = api.buy_reservation("nestorw@fabrikam.onmicrosoft.com", test_support::reservation_request(fabrikam_azure));
    assert_eq!(
        refused,
        Err(Refusal::Refused(DomainError::PurchaseNotAllowed {
            permission: Reservations,
            partner_name: "Adatum Cloud Services".to_string()
        }))
    );
    // Contoso allows it, but Adele is only Contributor.
    let refused = api.buy_reservation("adelev@contoso.onmicrosoft.com", test_support::reservation_request(contoso_azure));
    assert_eq!(refused, Err(Refusal::Refused(DomainError::NotOwnerOfSubscription(contoso_azure))));
    // Northwind has no Azure plan.
    api.set_permission(&alex(), northwind, Reservations, true).expect("granted");
    let refused = api.buy_reservation("lynner@northwindtraders.onmicrosoft.com", test_support::reservation_request(contoso_azure));
    assert_eq!(refused, Err(Refusal::Refused(DomainError::NoEligibleSubscriptions)));

    let now: Vec<_> = [contoso, fabrikam, northwind].iter().map(|c| api.orders(*c).len()).collect();
    assert_eq!(now, orders, "nothing bought");
    let logged = logged_since(api, count);
    assert_eq!(logged.iter().map(|r| r.action).collect::<Vec<_>>(), [Create], "only the grant is logged");
}

fn helpdesk_agents_cannot_order_sales_agents_cannot_assign_and_one_azure_plan_per_customer(api: &mut impl Driver) {
    let proseware = api.customer_named(PROSEWARE);
    let contoso = api.customer_named(CONTOSO);
    let contoso_azure = api.readiness(contoso).expect("reads").azure_subscriptions[0];
    let count = recent(api).len();

    let refused = api.add_azure_plan(&lidia(), proseware);
    assert!(matches!(refused, Err(Refusal::Refused(DomainError::NotAllowedToOrder { .. }))), "{refused:?}");
    let refused = api.add_azure_plan(&alex(), contoso);
    assert_eq!(refused, Err(Refusal::Refused(DomainError::AzurePlanExists(contoso))));
    for agent in [isaiah(), lidia()] {
        let refused = api.assign_role(&agent, contoso_azure, "adelev@contoso.onmicrosoft.com", AzureRole::Owner);
        assert!(matches!(refused, Err(Refusal::Refused(DomainError::NotAllowedToManageRoles { .. }))), "{refused:?}");
    }
    assert_eq!(logged_since(api, count), [], "nothing logged");
    assert!(api.readiness(proseware).expect("reads").azure_subscriptions.is_empty());

    // A Sales agent may order.
    api.add_azure_plan(&isaiah(), proseware).expect("ordered");
    assert_eq!(api.azure_plan_entitlements(proseware).len(), 1);
}

// ---- After the purchase ----

const WIDE_WORLD: &str = "Wide World Importers";
const LEE: &str = "leeg@wideworldimporters.onmicrosoft.com";
const LITWARE: &str = "Litware Inc";
const MIRIAM: &str = "miriamg@litware.onmicrosoft.com";

fn partner(user: &PartnerUser) -> Caller {
    Caller::Partner(user.id.clone())
}

fn customer(upn: &str) -> Caller {
    Caller::Customer(domain::CustomerUpn::new(upn))
}

/// The demo's purchase of `customer` (a reservation at Wide World, a savings plan at Litware).
fn purchase_of(api: &mut impl Driver, customer: CustomerId) -> PurchaseView {
    api.purchases().into_iter().find(|p| p.customer == customer).expect("the demo's purchase")
}

fn reservation_order(view: &PurchaseView) -> ReservationOrderId {
    match view.benefit {
        BenefitId::Reservation(id) => id,
        BenefitId::SavingsPlan(_) => panic!("a reservation: {view:?}"),
    }
}

fn the_partner_sees_every_customers_purchases_with_who_placed_them(api: &mut impl Driver) {
    let wide_world = api.customer_named(WIDE_WORLD);
    let litware = api.customer_named(LITWARE);
    let mut all = api.purchases();
    all.sort_by_key(|p| (std::cmp::Reverse(p.name.clone()), p.status == BenefitStatus::Succeeded));
    let summary: Vec<_> = all.iter().map(|p| (p.customer, p.name.as_str(), p.quantity, p.status, p.renew, p.placed_by.clone())).collect();
    let lee = PlacedBy::Customer(domain::CustomerUpn::new(LEE));
    assert_eq!(
        summary,
        [
            (wide_world, "Web front ends, West Europe", 2, BenefitStatus::Succeeded, true, lee.clone()),
            (litware, "Litware compute", 1, BenefitStatus::Succeeded, false, PlacedBy::Customer(domain::CustomerUpn::new(MIRIAM))),
            // Bought a year and a month ago, renewed a month ago by the same order's placer.
            (wide_world, "Batch workers, Frankfurt", 4, BenefitStatus::Expired, true, lee.clone()),
            (wide_world, "Batch workers, Frankfurt", 4, BenefitStatus::Succeeded, true, lee),
        ]
    );
}

fn an_admin_agent_cancels_a_reservation_refunded_and_others_are_refused(api: &mut impl Driver) {
    let wide_world = api.customer_named(WIDE_WORLD);
    let bought = purchase_of(api, wide_world);
    let order = reservation_order(&bought);
    let count = recent(api).len();

    // Any partner user sees the quote: the remaining value, and the limit untouched.
    let quote = api.quote_refund(&partner(&isaiah()), order, 1).expect("a Sales agent sees the quote");
    assert!(quote.refund > domain::Usd::ZERO, "{quote:?}");
    assert_eq!((quote.consumed, quote.limit, quote.quantity), (domain::Usd::ZERO, domain::REFUND_LIMIT, 1));
    // The customer is told to ask the partner, named with its e-mail; agents other than
    // Admin agents see it read-only.
    let ask = Refusal::Refused(DomainError::AskYourPartner {
        partner_name: "Adatum Cloud Services".to_string(),
        partner_email: "csp-support@adatum.com".to_string(),
    });
    assert_eq!(api.quote_refund(&customer(LEE), order, 1).err(), Some(ask.clone()));
    assert_eq!(api.cancel(&customer(LEE), order, 1, None), Err(ask.clone()));
    assert_eq!(api.set_renew(&customer(LEE), bought.benefit, false, None), Err(ask));
    for agent in [isaiah(), lidia()] {
        let refused = api.cancel(&partner(&agent), order, 1, None);
        assert!(matches!(refused, Err(Refusal::Refused(DomainError::NotAllowedToManagePurchases { .. }))), "{refused:?}");
    }
    assert_eq!(purchase_of(api, wide_world), bought, "nothing changed");
    assert_eq!(logged_since(api, count), [], "nothing logged");

    // An Admin agent returns one of the two, then the other.
    api.cancel(&partner(&alex()), order, 1, None).expect("returned");
    assert_eq!(purchase_of(api, wide_world).quantity, 1);
    let second = api.quote_refund(&partner(&alex()), order, 1).expect("quoted");
    assert_eq!(second.consumed, quote.refund, "the first refund counts against the limit");
    api.cancel(&partner(&alex()), order, 1, None).expect("returned");
    let now = purchase_of(api, wide_world);
    assert_eq!(now.status, BenefitStatus::Cancelled);
    assert_eq!(api.cancel(&partner(&alex()), order, 1, None), Err(Refusal::Refused(DomainError::BenefitNotActive)));

    let logged = logged_since(api, count);
    assert_eq!(logged.iter().map(|r| (r.action, r.user.as_str())).collect::<Vec<_>>(), [(ActivityAction::CancelReservation, alex().id.as_str()); 2]);
    let Some(ActivityDetail::Return { quantity_before, quantity_after, refund, .. }) = &logged[1].detail else {
        panic!("the return's detail: {:?}", logged[1]);
    };
    assert_eq!((*quantity_before, *quantity_after, *refund), (2, 1, quote.refund));
}

fn a_refund_beyond_the_limit_is_refused_with_the_limit_named(api: &mut impl Driver) {
    let wide_world = api.customer_named(WIDE_WORLD);
    let azure = api.readiness(wide_world).expect("reads").azure_subscriptions[0];
    // A big reservation: 160 instances for three years (well beyond USD 50,000).
    let mut request = test_support::reservation_request(azure);
    request.quantity = 160;
    request.term = domain::Term::ThreeYears;
    let order = request.id;
    api.buy_reservation(LEE, request).expect("bought");
    let count = recent(api).len();

    let quote = api.quote_refund(&partner(&alex()), order, 160).expect("quoted");
    assert!(!quote.within_limit(), "{quote:?}");
    let refused = api.cancel(&partner(&alex()), order, 160, None);
    assert!(
        matches!(refused, Err(Refusal::Refused(DomainError::RefundLimitExceeded { limit, consumed, .. }))
            if limit == domain::REFUND_LIMIT && consumed == domain::Usd::ZERO),
        "{refused:?}"
    );
    assert_eq!(logged_since(api, count), [], "nothing logged");
    // Part of it fits.
    api.cancel(&partner(&alex()), order, 10, None).expect("returned within the limit");
}

fn an_exchange_returns_the_old_and_buys_the_new_placed_by_the_agent(api: &mut impl Driver) {
    let wide_world = api.customer_named(WIDE_WORLD);
    let azure = api.readiness(wide_world).expect("reads").azure_subscriptions[0];
    let order = reservation_order(&purchase_of(api, wide_world));
    let count = recent(api).len();

    // Something smaller than what is returned is refused.
    let mut small = test_support::reservation_request(azure);
    small.size = domain::VmSize::StandardB2ms;
    let refused = api.exchange(&partner(&alex()), order, 2, small, None);
    assert!(matches!(refused, Err(Refusal::Refused(DomainError::ExchangeBelowReturnedValue { .. }))), "{refused:?}");

    // Three years of three bigger ones: the new reservation is the customer's, placed by the agent.
    let mut bigger = test_support::reservation_request(azure);
    bigger.size = domain::VmSize::StandardD4sV5;
    bigger.term = domain::Term::ThreeYears;
    bigger.quantity = 3;
    bigger.display_name = "Web front ends, D4s v5".to_string();
    let (quote, new_order) = api.exchange(&partner(&alex()), order, 2, bigger.clone(), None).expect("exchanged");
    assert!(quote.is_allowed() && quote.net_payable() > domain::Usd::ZERO, "{quote:?}");

    let all = api.purchases();
    let old = all.iter().find(|p| p.benefit == BenefitId::Reservation(order)).expect("the old one");
    assert_eq!(old.status, BenefitStatus::Cancelled);
    let new = all.iter().find(|p| p.benefit == BenefitId::Reservation(new_order)).expect("the new one");
    assert_eq!((new.customer, new.quantity, new.name.as_str()), (wide_world, 3, "Web front ends, D4s v5"));
    assert_eq!(new.placed_by, PlacedBy::Partner(alex().id));
    // Not a refund: the limit is untouched.
    let check = api.quote_refund(&partner(&alex()), new_order, 1).expect("quoted");
    assert_eq!(check.consumed, domain::Usd::ZERO);

    let logged = logged_since(api, count);
    assert_eq!(logged.iter().map(|r| r.action).collect::<Vec<_>>(), [ActivityAction::ExchangeReservation]);
}

fn savings_plans_only_renew_and_off_keeps_what_was_bought(api: &mut impl Driver) {
    let litware = api.customer_named(LITWARE);
    let plan = purchase_of(api, litware);
    assert!(!plan.renew);
    // The customer may not ask to cancel a savings plan: Azure's rule.
    let refused = api.ask(MIRIAM, plan.benefit, RequestKind::Cancel, "");
    assert_eq!(refused, Err(Refusal::Refused(DomainError::SavingsPlanNotReturnable)));

    // Off stops new purchases only: the plan stays, and the partner still manages it.
    api.set_permission(&alex(), litware, SavingsPlan, false).expect("revoked");
    api.set_renew(&partner(&alex()), plan.benefit, true, None).expect("renews");
    let now = purchase_of(api, litware);
    assert_eq!((now.status, now.renew), (BenefitStatus::Succeeded, true));
    // The same again changes nothing and logs nothing.
    let count = recent(api).len();
    api.set_renew(&partner(&alex()), plan.benefit, true, None).expect("nothing to do");
    assert_eq!(logged_since(api, count), []);
    let last = &recent(api)[0];
    assert_eq!((last.action, last.user.as_str()), (ActivityAction::UpdateSavingsPlan, alex().id.as_str()));
}

fn the_customer_asks_and_the_partner_approves_or_declines(api: &mut impl Driver) {
    let wide_world = api.customer_named(WIDE_WORLD);
    let bought = purchase_of(api, wide_world);
    let order = reservation_order(&bought);

    // Lee asks to turn auto-renew off; once is enough.
    let asked = api.ask(LEE, bought.benefit, RequestKind::Renew { on: false }, "We move to containers next year.").expect("asked");
    let again = api.ask(LEE, bought.benefit, RequestKind::Cancel, "");
    assert_eq!(again, Err(Refusal::Refused(DomainError::RequestPending)));
    let requests = api.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!((requests[0].id, requests[0].status.clone()), (asked, RequestStatus::Pending));
    assert_eq!(requests[0].note, "We move to containers next year.");

    // Approving means doing what was asked, and nothing else.
    let mismatch = api.cancel(&partner(&alex()), order, 1, Some(asked));
    assert_eq!(mismatch, Err(Refusal::Refused(DomainError::RequestMismatch)));
    api.set_renew(&partner(&alex()), bought.benefit, false, Some(asked)).expect("approved");
    let approved = api.requests().into_iter().find(|r| r.id == asked).expect("the request");
    assert!(matches!(&approved.status, RequestStatus::Approved { by, .. } if *by == alex().id), "{approved:?}");
    assert!(!purchase_of(api, wide_world).renew);

    // A second request, declined: a reason is needed, and only Admin agents decide.
    let cancel = api.ask(LEE, bought.benefit, RequestKind::Cancel, "").expect("asked");
    let refused = api.decline(&alex(), cancel, "  ");
    assert!(matches!(refused, Err(Refusal::Refused(DomainError::InvalidRequestText(_)))), "{refused:?}");
    let refused = api.decline(&isaiah(), cancel, "No.");
    assert!(matches!(refused, Err(Refusal::Refused(DomainError::NotAllowedToManagePurchases { .. }))), "{refused:?}");
    api.decline(&alex(), cancel, "The term ends next month anyway.").expect("declined");
    let declined = api.requests().into_iter().find(|r| r.id == cancel).expect("the request");
    assert!(
        matches!(&declined.status, RequestStatus::Declined { reason, .. } if reason == "The term ends next month anyway."),
        "{declined:?}"
    );
    assert_eq!(api.decline(&alex(), cancel, "Again."), Err(Refusal::Refused(DomainError::RequestDecided)));
    assert_eq!(purchase_of(api, wide_world).status, BenefitStatus::Succeeded, "declining changes nothing");
}
