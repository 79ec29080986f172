//! One behaviour for both of the app's backends: each scenario is written once, against the
//! app's own [`Backend`] interface (the calls its pages make), and runs twice: on the
//! embedded store with fresh demo data (`embedded_store::…`) and on the mock API over HTTP
//! (`partner_center_api::…`, the app's `PartnerCenterApi` client against a live server).
//! The same assertions hold for both, and a refusal is the same `DomainError` from both.
//! There is no driver in between: a new operation needs no line here beyond its scenario.
//!
//! `cargo xtask test` starts a mock API for these tests and gives its address at compile
//! time (`BACKEND_CONFORMANCE_API`); each scenario starts it again from the demo data
//! (`POST /_mock/reset`). Without it (the tests run by hand), the mock API half is reported
//! as ignored, with the reason (`build.rs` sets the `backend_conformance_api` cfg).

use std::rc::Rc;

use api_types::demo::token_for;
use api_types::endpoint::ResetData;
use api_types::stand_in::Reset;
use api_types::Endpoint;
use customer_permissions::backend::{random_guid, Backend, BrowserClock, EmbeddedStore, Granted, Operations, PartnerCenterApi};
use domain::demo_data::partner_users;
use domain::{
    ActivityAction, ActivityDetail, ActivityRecord, AppliedScope, AzureRole, AzureSubscriptionId, BenefitId, BenefitStatus,
    BillingPlan, Caller, Clock, CustomerId, CustomerRequest, CustomerUpn, DomainError, Permission, PermissionSet, PlacedBy,
    ProductKind, PurchasedBenefit, Region, RequestId, RequestKind, RequestStatus, ReservationOrderId, ReservationRequest,
    Term, Usd, VmSize,
};
use serde::Serialize as _;
use time::Duration;
use wasm_bindgen_test::*;

use customer_permissions::backend::BackendError::Refused;
use ActivityAction::{
    CreateCustomerPurchasePermissions as Create, DeleteCustomerPurchasePermissions as Delete,
    UpdateCustomerPurchasePermissions as Update,
};
use Permission::{AzureReservations as Reservations, AzureSavingsPlan as SavingsPlan};

/// The mock API `cargo xtask test` started for these tests (e.g. `http://127.0.0.1:40123`).
const MOCK_API: Option<&str> = option_env!("BACKEND_CONFORMANCE_API");

/// Runs every scenario once per backend, as `embedded_store::name` and
/// `partner_center_api::name`.
macro_rules! conformance {
    ($($scenario:ident),* $(,)?) => {
        mod embedded_store {
            use wasm_bindgen_test::*;
            $( #[wasm_bindgen_test] async fn $scenario() { super::$scenario(&*super::embedded_store().await).await; } )*
        }
        mod partner_center_api {
            use wasm_bindgen_test::*;
            $(
                #[wasm_bindgen_test]
                #[cfg_attr(
                    not(backend_conformance_api),
                    ignore = "BACKEND_CONFORMANCE_API is not set: `cargo xtask test` runs this against a mock API it starts"
                )]
                async fn $scenario() {
                    if let Some(api) = super::mock_api().await {
                        super::$scenario(&*api).await;
                    }
                }
            )*
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

// ---- The two backends, each from the demo data ----

/// The embedded store on fresh demo data, in a browser that kept nothing, with its
/// operations loaded as the app loads them.
async fn embedded_store() -> Rc<dyn Backend> {
    crate::support::storage().clear().unwrap();
    let (store, _) = EmbeddedStore::fresh_demo();
    Operations::OnFirstUse(Rc::new(store)).load().await.unwrap()
}

/// The app's HTTP client on the mock API, its data started again from the demo data; `None`
/// (said on the console) when no mock API was given.
async fn mock_api() -> Option<Rc<dyn Backend>> {
    let Some(url) = MOCK_API else {
        console_log!("BACKEND_CONFORMANCE_API is not set: the mock API half is skipped (`cargo xtask test` sets it)");
        return None;
    };
    let reset = ResetData { body: Reset { customers: 0, seed: 0 } };
    let body = reset.body.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap();
    let reply = gloo_net::http::Request::post(&format!("{url}{}", reset.path()))
        .header("Authorization", &format!("Bearer {}", token_for(&partner_user(ALEX))))
        .header("Content-Type", "application/json")
        .body(String::from(js_sys::JSON::stringify(&body).unwrap()))
        .unwrap()
        .send()
        .await
        .unwrap_or_else(|e| panic!("the mock API at {url} does not answer: {e}"));
    assert_eq!(reply.status(), 204, "{url}: the demo data again: {}", reply.text().await.unwrap_or_default());
    Some(Rc::new(PartnerCenterApi::new(url)))
}

// ---- The demo partner's users and customers ----

const ALEX: &str = "alex.wilber@adatumcloud.onmicrosoft.com"; // Admin agent
const DIEGO: &str = "diego.siciliani@adatumcloud.onmicrosoft.com"; // Admin agent
const ISAIAH: &str = "isaiah.langer@adatumcloud.onmicrosoft.com"; // Sales agent
const LIDIA: &str = "lidia.holloway@adatumcloud.onmicrosoft.com"; // Helpdesk agent

fn partner_user(id: &str) -> domain::PartnerUser {
    partner_users().into_iter().find(|u| u.id.as_str() == id).unwrap_or_else(|| panic!("no demo user {id}"))
}

fn partner(id: &str) -> Caller {
    Caller::Partner(partner_user(id).id)
}

fn customer(upn: &str) -> Caller {
    Caller::Customer(CustomerUpn::new(upn))
}

const FABRIKAM: &str = "Fabrikam Inc";
const CONTOSO: &str = "Contoso Ltd";
const NORTHWIND: &str = "Northwind Traders";
const PROSEWARE: &str = "Proseware, Inc.";
const HENRIETTA: &str = "henriettam@proseware.onmicrosoft.com";
const WIDE_WORLD: &str = "Wide World Importers";
const LEE: &str = "leeg@wideworldimporters.onmicrosoft.com";
const LITWARE: &str = "Litware Inc";
const MIRIAM: &str = "miriamg@litware.onmicrosoft.com";

fn set(permissions: &[Permission]) -> PermissionSet {
    permissions.iter().copied().collect()
}

/// The Microsoft ID of the demo customer with exactly this name.
async fn customer_named(api: &dyn Backend, name: &str) -> CustomerId {
    let page = api.customers(&partner(ALEX), name, 0, 10).await.unwrap();
    page.items.iter().find(|c| c.company_name == name).map(|c| c.id).unwrap_or_else(|| panic!("no customer {name}"))
}

/// Turns one permission On or Off as `who`, as the switch does: on what was just read.
async fn switch(api: &dyn Backend, who: &str, id: CustomerId, permission: Permission, on: bool) -> Result<Granted, DomainError> {
    let read = api.permissions(&partner(ALEX), id).await.unwrap();
    let wanted = domain::with_permission(read.permissions.clone(), permission, on);
    api.set_permissions(&partner(who), id, wanted, &read).await.map_err(refusal)
}

/// The refusal a failed call stands for; anything else fails the scenario.
fn refusal(error: customer_permissions::backend::BackendError) -> DomainError {
    match error {
        Refused(refused) => refused,
        other => panic!("a refusal of the domain, not {other:?}"),
    }
}

async fn granted(api: &dyn Backend, id: CustomerId) -> Granted {
    api.permissions(&partner(ALEX), id).await.unwrap()
}

fn etag(granted: &Granted) -> Option<&domain::Etag> {
    granted.policy.as_ref().map(|p| &p.etag)
}

/// Every record from yesterday to tomorrow (UTC), newest first.
async fn recent(api: &dyn Backend) -> Vec<ActivityRecord> {
    let today = BrowserClock.now().date();
    api.activity(&partner(ALEX), today - Duration::days(1), today + Duration::days(1)).await.unwrap()
}

/// The records logged since `before` of them were counted, newest first.
async fn logged_since(api: &dyn Backend, before: usize) -> Vec<ActivityRecord> {
    let mut records = recent(api).await;
    assert!(records.len() >= before, "records disappeared");
    records.truncate(records.len() - before);
    records
}

/// What a record says: (action, customer, customer's name, who, before, after).
fn summary(r: &ActivityRecord) -> (ActivityAction, CustomerId, &str, &str, &PermissionSet, &PermissionSet) {
    (r.action, r.customer_id, r.customer_name.as_str(), r.user_principal_name(), &r.old_value, &r.new_value)
}

fn assert_record(r: &ActivityRecord, action: ActivityAction, customer: (CustomerId, &str), user: &str, old: &[Permission], new: &[Permission]) {
    let (old, new) = (set(old), set(new));
    assert_eq!(summary(r), (action, customer.0, customer.1, user, &old, &new), "{r:?}");
}

// ---- Customer permissions ----

async fn a_grant_creates_the_policy_and_logs_a_create(api: &dyn Backend) {
    let fabrikam = customer_named(api, FABRIKAM).await;
    let before = granted(api, fabrikam).await;
    assert!(before.permissions.is_empty() && before.policy.is_none(), "{before:?}");
    let count = recent(api).await.len();

    let after = switch(api, ALEX, fabrikam, Reservations, true).await.unwrap();

    assert_eq!(after.permissions, set(&[Reservations]));
    assert!(after.policy.is_some());
    assert_eq!(granted(api, fabrikam).await, after, "read again, the same");
    let logged = logged_since(api, count).await;
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_record(&logged[0], Create, (fabrikam, FABRIKAM), ALEX, &[], &[Reservations]);
}

async fn a_revoke_removes_the_policy_and_logs_a_delete(api: &dyn Backend) {
    let fabrikam = customer_named(api, FABRIKAM).await;
    switch(api, ALEX, fabrikam, Reservations, true).await.unwrap();
    let count = recent(api).await.len();

    switch(api, DIEGO, fabrikam, Reservations, false).await.unwrap();

    let after = granted(api, fabrikam).await;
    assert!(after.permissions.is_empty() && after.policy.is_none(), "{after:?}");
    let logged = logged_since(api, count).await;
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_record(&logged[0], Delete, (fabrikam, FABRIKAM), DIEGO, &[Reservations], &[]);
}

async fn a_regrant_after_a_revoke_is_a_create_again(api: &dyn Backend) {
    let fabrikam = customer_named(api, FABRIKAM).await;
    let count = recent(api).await.len();
    let first = switch(api, ALEX, fabrikam, SavingsPlan, true).await.unwrap();
    switch(api, ALEX, fabrikam, SavingsPlan, false).await.unwrap();

    let again = switch(api, ALEX, fabrikam, SavingsPlan, true).await.unwrap();

    assert_eq!(again.permissions, set(&[SavingsPlan]));
    assert!(etag(&again).is_some() && etag(&again) != etag(&first), "a new policy, a new etag");
    let actions: Vec<_> = logged_since(api, count).await.iter().map(|r| r.action).collect();
    assert_eq!(actions, [Create, Delete, Create], "newest first");
}

async fn a_second_permission_is_an_update_with_a_new_etag(api: &dyn Backend) {
    let fabrikam = customer_named(api, FABRIKAM).await;
    let first = switch(api, ALEX, fabrikam, Reservations, true).await.unwrap();
    let count = recent(api).await.len();

    switch(api, DIEGO, fabrikam, SavingsPlan, true).await.unwrap();

    let after = granted(api, fabrikam).await;
    assert_eq!(after.permissions, set(&[Reservations, SavingsPlan]));
    assert!(etag(&after).is_some() && etag(&after) != etag(&first), "{first:?} {after:?}");
    let logged = logged_since(api, count).await;
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_record(&logged[0], Update, (fabrikam, FABRIKAM), DIEGO, &[Reservations], &[Reservations, SavingsPlan]);
}

async fn granting_twice_or_revoking_nothing_changes_and_logs_nothing(api: &dyn Backend) {
    let fabrikam = customer_named(api, FABRIKAM).await;
    let northwind = customer_named(api, NORTHWIND).await;
    let first = switch(api, ALEX, fabrikam, Reservations, true).await.unwrap();
    let count = recent(api).await.len();

    switch(api, ALEX, fabrikam, Reservations, true).await.unwrap();
    switch(api, DIEGO, northwind, SavingsPlan, false).await.unwrap();

    assert_eq!(granted(api, fabrikam).await, first, "same permissions, same etag");
    assert_eq!(granted(api, northwind).await, Granted::default());
    assert_eq!(logged_since(api, count).await, [], "nothing logged");
}

async fn sales_and_helpdesk_agents_are_refused_and_nothing_is_logged(api: &dyn Backend) {
    let fabrikam = customer_named(api, FABRIKAM).await;
    let contoso = customer_named(api, CONTOSO).await;
    let contoso_before = granted(api, contoso).await;
    assert_eq!(contoso_before.permissions, set(&[Reservations]), "demo data");
    let count = recent(api).await.len();

    for agent in [ISAIAH, LIDIA] {
        let role = partner_user(agent).role;
        let refused = DomainError::NotAdminAgent { user: partner_user(agent).id, role };
        assert_eq!(switch(api, agent, fabrikam, Reservations, true).await, Err(refused.clone()));
        assert_eq!(switch(api, agent, contoso, SavingsPlan, true).await, Err(refused.clone()));
        assert_eq!(switch(api, agent, contoso, Reservations, false).await, Err(refused.clone()));
        let replaced = api.set_permissions(&partner(agent), contoso, set(&[SavingsPlan]), &contoso_before).await;
        assert_eq!(replaced.map_err(refusal), Err(refused));
    }

    assert_eq!(granted(api, fabrikam).await, Granted::default());
    assert_eq!(granted(api, contoso).await, contoso_before);
    assert_eq!(logged_since(api, count).await, [], "nothing logged");
}

async fn a_stale_etag_is_refused_and_nothing_is_overwritten(api: &dyn Backend) {
    let fabrikam = customer_named(api, FABRIKAM).await;
    let alex_read = switch(api, ALEX, fabrikam, Reservations, true).await.unwrap();
    switch(api, DIEGO, fabrikam, SavingsPlan, true).await.unwrap();
    let newer = granted(api, fabrikam).await;
    let count = recent(api).await.len();

    // Alex's copy is out of date: neither a change nor a revoke of everything goes through.
    let stale = api.set_permissions(&partner(ALEX), fabrikam, set(&[Reservations]), &alex_read).await;
    assert_eq!(stale.map_err(refusal), Err(DomainError::StaleEtag));
    let stale = api.set_permissions(&partner(ALEX), fabrikam, set(&[]), &alex_read).await;
    assert_eq!(stale.map_err(refusal), Err(DomainError::StaleEtag));
    assert_eq!(granted(api, fabrikam).await, newer, "Diego's change stays");
    assert_eq!(logged_since(api, count).await, [], "nothing logged");

    // On what was just read, the same change goes through and gets a new etag.
    let after = api.set_permissions(&partner(ALEX), fabrikam, set(&[Reservations]), &newer).await.unwrap();
    assert_eq!(after.permissions, set(&[Reservations]));
    assert!(etag(&after).is_some() && etag(&after) != etag(&newer));
    let logged = logged_since(api, count).await;
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_record(&logged[0], Update, (fabrikam, FABRIKAM), ALEX, &[Reservations, SavingsPlan], &[Reservations]);
}

async fn an_unknown_customer_is_refused_everywhere(api: &dyn Backend) {
    let unknown = CustomerId::from_uuid(uuid::Uuid::from_u128(0x0bad_c0de_0000_4000_8000_0000_0000_0001));
    let refused = Err(DomainError::UnknownCustomer(unknown));
    let count = recent(api).await.len();

    assert_eq!(api.permissions(&partner(ALEX), unknown).await.map(|_| ()).map_err(refusal), refused);
    assert_eq!(api.readiness(&partner(ALEX), unknown).await.map(|_| ()).map_err(refusal), refused);
    assert_eq!(api.customer_users(&partner(ALEX), unknown).await.map(|_| ()).map_err(refusal), refused);
    let grant = api.set_permissions(&partner(ALEX), unknown, set(&[Reservations]), &Granted::default()).await;
    assert_eq!(grant.map(|_| ()).map_err(refusal), refused);
    let revoke = api.set_permissions(&partner(ALEX), unknown, set(&[]), &Granted::default()).await;
    assert_eq!(revoke.map(|_| ()).map_err(refusal), refused, "revoking nothing");

    assert_eq!(logged_since(api, count).await, [], "nothing logged");
}

async fn readiness_of_the_hand_made_customers(api: &dyn Backend) {
    use domain::Offer::{AzureGlobal, AzurePlan};
    // (customer, offers of its active Azure subscriptions, users with Owner, ready)
    let expected: [(&str, &[domain::Offer], &[&str], bool); 5] = [
        (FABRIKAM, &[AzurePlan], &["nestorw@fabrikam.onmicrosoft.com"], true),
        (NORTHWIND, &[], &[], false),
        ("Adventure Works Cycles", &[AzurePlan], &[], false),
        ("Woodgrove Bank", &[], &[], false),
        ("Tailspin Toys", &[AzureGlobal], &["pattif@tailspintoys.onmicrosoft.com"], true),
    ];
    for (name, offers, owners, ready) in expected {
        let id = customer_named(api, name).await;
        let readiness = api.readiness(&partner(ALEX), id).await.unwrap();
        let found: Vec<_> = readiness.azure_subscriptions.iter().map(|s| s.offer).collect();
        let owned_by: Vec<_> = readiness.owners.iter().map(|u| u.user_principal_name.as_str()).collect();
        assert_eq!((found.as_slice(), owned_by.as_slice(), readiness.is_ready()), (offers, owners, ready), "{name}");
    }
}

async fn activity_records_are_newest_first_with_the_right_user(api: &dyn Backend) {
    let fabrikam = customer_named(api, FABRIKAM).await;
    let tailspin = customer_named(api, "Tailspin Toys").await;
    let contoso = customer_named(api, CONTOSO).await;
    let count = recent(api).await.len();

    switch(api, ALEX, fabrikam, Reservations, true).await.unwrap();
    switch(api, DIEGO, tailspin, SavingsPlan, true).await.unwrap();
    switch(api, DIEGO, fabrikam, Reservations, false).await.unwrap();

    let records = recent(api).await;
    let (ours, older) = records.split_at(records.len() - count);
    assert_eq!(ours.len(), 3, "{ours:?}");
    assert_record(&ours[0], Delete, (fabrikam, FABRIKAM), DIEGO, &[Reservations], &[]);
    assert_record(&ours[1], Create, (tailspin, "Tailspin Toys"), DIEGO, &[], &[SavingsPlan]);
    assert_record(&ours[2], Create, (fabrikam, FABRIKAM), ALEX, &[], &[Reservations]);
    // The demo data's grant to Contoso, six hours before the data was made, is there too.
    let demo = older.iter().find(|r| r.customer_id == contoso).expect("Contoso's demo grant");
    assert_record(demo, Create, (contoso, CONTOSO), ALEX, &[], &[Reservations]);

    // A range is a range: long ago, nothing.
    let long_ago = |day| time::Date::from_ordinal_date(2001, day).unwrap();
    assert_eq!(api.activity(&partner(ALEX), long_ago(1), long_ago(365)).await, Ok(vec![]));
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
            let active = u.state == domain::UserState::Active;
            (u.user_principal_name.clone(), u.display_name.clone(), u.first_name.clone(), u.last_name.clone(), active, roles)
        })
        .collect()
}

fn user_summary(upn: &str, first: &str, last: &str, roles: &[AzureRole]) -> UserSummary {
    (upn.to_string(), format!("{first} {last}"), first.to_string(), last.to_string(), true, roles.to_vec())
}

async fn customer_users_with_their_azure_roles(api: &dyn Backend) {
    use AzureRole::{Contributor, Owner, Reader};

    // Every partner user may read them; the roles are on the customer's Azure plan.
    let contoso = customer_named(api, CONTOSO).await;
    for reader in [ALEX, ISAIAH, LIDIA] {
        let users = api.customer_users(&partner(reader), contoso).await.unwrap();
        assert!(users.iter().all(|u| u.user.customer_id == contoso), "{users:?}");
        assert_eq!(
            summaries(&users),
            [
                user_summary("meganb@contoso.onmicrosoft.com", "Megan", "Bowen", &[Owner]),
                user_summary("adelev@contoso.onmicrosoft.com", "Adele", "Vance", &[Contributor]),
                user_summary("brianj@contoso.onmicrosoft.com", "Brian", "Johnson", &[Reader]),
            ]
        );
    }
    // The same ids on every read.
    assert_eq!(api.customer_users(&partner(DIEGO), contoso).await, api.customer_users(&partner(ALEX), contoso).await);

    // Fourth Coffee's roles are on the second of its two Azure subscriptions.
    let fourth = customer_named(api, "Fourth Coffee").await;
    let azure = azure_subscriptions(api, fourth).await;
    assert_eq!(azure.len(), 2);
    let users = api.customer_users(&partner(ALEX), fourth).await.unwrap();
    assert_eq!(users.iter().map(|u| u.roles.len()).collect::<Vec<_>>(), [1, 1, 1]);
    assert!(users.iter().all(|u| u.roles.iter().all(|(sub, _)| *sub == azure[1])), "{users:?}");

    // Woodgrove Bank's Azure plan is suspended: the roles on it still show, though readiness
    // does not count them.
    let woodgrove = customer_named(api, "Woodgrove Bank").await;
    assert_eq!(
        summaries(&api.customer_users(&partner(ALEX), woodgrove).await.unwrap()),
        [
            user_summary("pradeepg@woodgrovebank.onmicrosoft.com", "Pradeep", "Gupta", &[Owner]),
            user_summary("karif@woodgrovebank.onmicrosoft.com", "Kari", "Furse", &[Contributor]),
        ]
    );
    assert!(api.readiness(&partner(ALEX), woodgrove).await.unwrap().owners.is_empty());

    // An inactive user without a role; a name shown family name first; licences only.
    let alpine = customer_named(api, "Alpine Ski House").await;
    let alpine = api.customer_users(&partner(ALEX), alpine).await.unwrap();
    let markus = alpine.iter().find(|u| u.user.first_name == "Markus").expect("Markus Gruber");
    assert_eq!((markus.user.state, markus.roles.len()), (domain::UserState::Inactive, 0));
    let tokyo = customer_named(api, "東京クラウドソリューションズ株式会社").await;
    let tokyo = api.customer_users(&partner(ALEX), tokyo).await.unwrap();
    assert_eq!(tokyo[0].user.display_name, "佐藤 花子");
    let northwind = customer_named(api, NORTHWIND).await;
    let northwind = api.customer_users(&partner(ALEX), northwind).await.unwrap();
    assert_eq!(northwind.len(), 2);
    assert!(northwind.iter().all(|u| u.roles.is_empty()), "{northwind:?}");
}

// ---- The customer buys on their own ----

/// A reservation of one `Standard_D2s_v5` in East US for a year, billed monthly to `azure`
/// and applied to it alone.
fn reservation_request(azure: AzureSubscriptionId) -> ReservationRequest {
    ReservationRequest {
        id: ReservationOrderId::from_uuid(random_guid()),
        size: VmSize::StandardD2sV5,
        region: Region::EastUs,
        term: Term::OneYear,
        billing_plan: BillingPlan::Monthly,
        quantity: 1,
        billing_subscription: azure,
        scope: AppliedScope::Single(azure),
        renew: false,
        display_name: "Test reservation".to_string(),
    }
}

/// The customer's active Azure subscriptions, as readiness lists them.
async fn azure_subscriptions(api: &dyn Backend, id: CustomerId) -> Vec<AzureSubscriptionId> {
    let readiness = api.readiness(&partner(ALEX), id).await.unwrap();
    readiness.azure_subscriptions.iter().map(|s| s.azure_subscription_id).collect()
}

/// How many orders each customer has.
async fn order_counts(api: &dyn Backend, customers: &[CustomerId]) -> Vec<usize> {
    let mut counts = Vec::new();
    for id in customers {
        counts.push(api.orders(&partner(ALEX), *id).await.unwrap().len());
    }
    counts
}

async fn a_customer_user_buys_a_reservation_once_the_partner_has_prepared_everything(api: &dyn Backend) {
    let proseware = customer_named(api, PROSEWARE).await;
    let count = recent(api).await.len();
    let orders_before = api.orders(&partner(ALEX), proseware).await.unwrap().len();

    // The partner adds the Azure plan: one Azure subscription under it.
    api.order_azure_plan(&partner(ALEX), proseware).await.unwrap();
    let readiness = api.readiness(&partner(ALEX), proseware).await.unwrap();
    assert_eq!(readiness.azure_subscriptions.len(), 1, "{readiness:?}");
    let azure = readiness.azure_subscriptions[0].azure_subscription_id;
    assert_eq!(api.azure_subscription(&partner(ALEX), azure).await.unwrap().name, "Azure subscription 1");
    // Henrietta is made Owner; the partner allows reservations.
    let users = api.customer_users(&partner(ALEX), proseware).await.unwrap();
    let henrietta = users.iter().find(|u| u.user.user_principal_name == HENRIETTA).map(|u| u.user.id).unwrap();
    api.assign_role(&partner(ALEX), azure, henrietta, AzureRole::Owner).await.unwrap();
    let readiness = api.readiness(&partner(ALEX), proseware).await.unwrap();
    let owners: Vec<_> = readiness.owners.iter().map(|u| u.user_principal_name.as_str()).collect();
    assert_eq!((owners, readiness.is_ready()), (vec![HENRIETTA], true));
    switch(api, DIEGO, proseware, Reservations, true).await.unwrap();

    // Henrietta buys a reservation on her own.
    let mut request = reservation_request(azure);
    request.scope = AppliedScope::Shared;
    request.quantity = 3;
    let bought = api.buy_reservation(&customer(HENRIETTA), request.clone()).await.unwrap();
    assert_eq!((bought.id, bought.quantity), (request.id, 3));
    // The same order again buys nothing more.
    api.buy_reservation(&customer(HENRIETTA), request).await.unwrap();

    // Order history: her order on top, billed to the partner; the partner's Azure plan below.
    let orders = api.orders(&partner(ALEX), proseware).await.unwrap();
    assert_eq!(orders.len(), orders_before + 2, "{orders:?}");
    assert_eq!(orders[0].placed_by, PlacedBy::Customer(CustomerUpn::new(HENRIETTA)));
    assert_eq!((orders[0].line_items[0].kind, orders[0].line_items[0].quantity), (ProductKind::Reservation, 3));
    let price = domain::purchases::catalog::reservation_price(VmSize::StandardD2sV5, Region::EastUs, Term::OneYear, 3);
    assert_eq!(orders[0].total(), price.total);
    assert_eq!(orders[1].placed_by, PlacedBy::Partner(partner_user(ALEX).id));
    assert_eq!(orders[1].line_items[0].kind, ProductKind::AzurePlan);

    // The Activity log: the plan, the role, the permission, the purchase, by whom.
    let logged = logged_since(api, count).await;
    let who: Vec<_> = logged.iter().map(|r| (r.action, r.customer_id, r.user_principal_name())).collect();
    assert_eq!(
        who,
        [
            (ActivityAction::CreateOrder, proseware, HENRIETTA),
            (Create, proseware, DIEGO),
            (ActivityAction::CreateRoleAssignment, proseware, ALEX),
            (ActivityAction::CreateOrder, proseware, ALEX),
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

async fn a_purchase_is_refused_without_the_permission_without_owner_or_without_an_azure_plan(api: &dyn Backend) {
    let contoso = customer_named(api, CONTOSO).await;
    let fabrikam = customer_named(api, FABRIKAM).await;
    let northwind = customer_named(api, NORTHWIND).await;
    let fabrikam_azure = azure_subscriptions(api, fabrikam).await[0];
    let contoso_azure = azure_subscriptions(api, contoso).await[0];
    let count = recent(api).await.len();
    let orders = order_counts(api, &[contoso, fabrikam, northwind]).await;
    let buy = |upn: &'static str, azure| async move {
        api.buy_reservation(&customer(upn), reservation_request(azure)).await.map(|_| ()).map_err(refusal)
    };

    // Fabrikam's Owner, but the partner has not allowed it: the partner is named.
    let not_allowed = DomainError::PurchaseNotAllowed { permission: Reservations, partner_name: "Adatum Cloud Services".to_string() };
    assert_eq!(buy("nestorw@fabrikam.onmicrosoft.com", fabrikam_azure).await, Err(not_allowed));
    // Contoso allows it, but Adele is only Contributor.
    let refused = buy("adelev@contoso.onmicrosoft.com", contoso_azure).await;
    assert_eq!(refused, Err(DomainError::NotOwnerOfSubscription(contoso_azure)));
    // Northwind has no Azure plan.
    switch(api, ALEX, northwind, Reservations, true).await.unwrap();
    let refused = buy("lynner@northwindtraders.onmicrosoft.com", contoso_azure).await;
    assert_eq!(refused, Err(DomainError::NoEligibleSubscriptions));

    assert_eq!(order_counts(api, &[contoso, fabrikam, northwind]).await, orders, "nothing bought");
    let logged = logged_since(api, count).await;
    assert_eq!(logged.iter().map(|r| r.action).collect::<Vec<_>>(), [Create], "only the grant is logged");
}

async fn helpdesk_agents_cannot_order_sales_agents_cannot_assign_and_one_azure_plan_per_customer(api: &dyn Backend) {
    let proseware = customer_named(api, PROSEWARE).await;
    let contoso = customer_named(api, CONTOSO).await;
    let contoso_azure = azure_subscriptions(api, contoso).await[0];
    let adele = api.customer_users(&partner(ALEX), contoso).await.unwrap();
    let adele = adele.iter().find(|u| u.user.user_principal_name == "adelev@contoso.onmicrosoft.com").map(|u| u.user.id).unwrap();
    let count = recent(api).await.len();

    let refused = api.order_azure_plan(&partner(LIDIA), proseware).await.map_err(refusal);
    assert!(matches!(refused, Err(DomainError::NotAllowedToOrder { .. })), "{refused:?}");
    let refused = api.order_azure_plan(&partner(ALEX), contoso).await.map_err(refusal);
    assert_eq!(refused.map(|_| ()), Err(DomainError::AzurePlanExists(contoso)));
    for agent in [ISAIAH, LIDIA] {
        let refused = api.assign_role(&partner(agent), contoso_azure, adele, AzureRole::Owner).await.map_err(refusal);
        assert!(matches!(refused, Err(DomainError::NotAllowedToManageRoles { .. })), "{refused:?}");
    }
    assert_eq!(logged_since(api, count).await, [], "nothing logged");
    assert!(azure_subscriptions(api, proseware).await.is_empty());

    // A Sales agent may order.
    api.order_azure_plan(&partner(ISAIAH), proseware).await.unwrap();
    assert_eq!(azure_subscriptions(api, proseware).await.len(), 1);
}

// ---- After the purchase ----

/// Every purchase, newest first, as an Admin agent reads them.
async fn purchases(api: &dyn Backend) -> Vec<PurchasedBenefit> {
    api.purchased(&partner(ALEX), None).await.unwrap()
}

/// The newest purchase of `id` (the demo's: a reservation at Wide World, a savings plan at
/// Litware).
async fn purchase_of(api: &dyn Backend, id: CustomerId) -> PurchasedBenefit {
    purchases(api).await.into_iter().find(|p| p.item.benefit().customer_id == id).expect("the demo's purchase")
}

fn reservation_order(bought: &PurchasedBenefit) -> ReservationOrderId {
    match bought.item.id() {
        BenefitId::Reservation(id) => id,
        BenefitId::SavingsPlan(_) => panic!("a reservation: {bought:?}"),
    }
}

/// A purchase as the partner's Reservations page lists it: (customer, name, quantity,
/// status, auto-renew, placed by).
fn listed(p: &PurchasedBenefit) -> (CustomerId, &str, u32, BenefitStatus, bool, PlacedBy) {
    let b = p.item.benefit();
    (b.customer_id, b.display_name.as_str(), p.item.quantity(), b.status, b.renew, p.placed_by.clone())
}

async fn the_partner_sees_every_customers_purchases_with_who_placed_them(api: &dyn Backend) {
    let wide_world = customer_named(api, WIDE_WORLD).await;
    let litware = customer_named(api, LITWARE).await;
    let mut all = purchases(api).await;
    all.sort_by_key(|p| (std::cmp::Reverse(p.item.benefit().display_name.clone()), p.item.benefit().status == BenefitStatus::Succeeded));
    let lee = PlacedBy::Customer(CustomerUpn::new(LEE));
    assert_eq!(
        all.iter().map(listed).collect::<Vec<_>>(),
        [
            (wide_world, "Web front ends, West Europe", 2, BenefitStatus::Succeeded, true, lee.clone()),
            (litware, "Litware compute", 1, BenefitStatus::Succeeded, false, PlacedBy::Customer(CustomerUpn::new(MIRIAM))),
            // Bought a year and a month ago, renewed a month ago by the same order's placer.
            (wide_world, "Batch workers, Frankfurt", 4, BenefitStatus::Expired, true, lee.clone()),
            (wide_world, "Batch workers, Frankfurt", 4, BenefitStatus::Succeeded, true, lee),
        ]
    );
}

/// The customer is told to ask the partner, named with its e-mail.
fn ask_your_partner() -> DomainError {
    DomainError::AskYourPartner { partner_name: "Adatum Cloud Services".to_string(), partner_email: "csp-support@adatum.com".to_string() }
}

async fn an_admin_agent_cancels_a_reservation_refunded_and_others_are_refused(api: &dyn Backend) {
    let wide_world = customer_named(api, WIDE_WORLD).await;
    let bought = purchase_of(api, wide_world).await;
    let order = reservation_order(&bought);
    let count = recent(api).await.len();

    // Any partner user sees the quote: the remaining value, and the limit untouched.
    let quote = api.quote_refund(&partner(ISAIAH), order, 1).await.unwrap();
    assert!(quote.refund > Usd::ZERO, "{quote:?}");
    assert_eq!((quote.consumed, quote.limit, quote.quantity), (Usd::ZERO, domain::REFUND_LIMIT, 1));
    // The customer is told to ask the partner; agents other than Admin agents are refused.
    assert_eq!(api.quote_refund(&customer(LEE), order, 1).await.map_err(refusal).err(), Some(ask_your_partner()));
    assert_eq!(api.cancel_reservation(&customer(LEE), order, 1, None).await.map_err(refusal), Err(ask_your_partner()));
    let renew = api.update_benefit(&customer(LEE), bought.item.id(), false, None, None).await;
    assert_eq!(renew.map_err(refusal), Err(ask_your_partner()));
    for agent in [ISAIAH, LIDIA] {
        let refused = api.cancel_reservation(&partner(agent), order, 1, None).await.map_err(refusal);
        assert!(matches!(refused, Err(DomainError::NotAllowedToManagePurchases { .. })), "{refused:?}");
    }
    assert_eq!(purchase_of(api, wide_world).await, bought, "nothing changed");
    assert_eq!(logged_since(api, count).await, [], "nothing logged");

    // An Admin agent returns one of the two, then the other.
    api.cancel_reservation(&partner(ALEX), order, 1, None).await.unwrap();
    assert_eq!(purchase_of(api, wide_world).await.item.quantity(), 1);
    let second = api.quote_refund(&partner(ALEX), order, 1).await.unwrap();
    assert_eq!(second.consumed, quote.refund, "the first refund counts against the limit");
    api.cancel_reservation(&partner(ALEX), order, 1, None).await.unwrap();
    let now = purchases(api).await.into_iter().find(|p| p.item.id() == bought.item.id()).unwrap();
    assert_eq!(now.item.benefit().status, BenefitStatus::Cancelled);
    let again = api.cancel_reservation(&partner(ALEX), order, 1, None).await.map_err(refusal);
    assert_eq!(again, Err(DomainError::BenefitNotActive));

    let logged = logged_since(api, count).await;
    let who: Vec<_> = logged.iter().map(|r| (r.action, r.user_principal_name())).collect();
    assert_eq!(who, [(ActivityAction::CancelReservation, ALEX); 2]);
    let Some(ActivityDetail::Return { quantity_before, quantity_after, refund, .. }) = &logged[1].detail else {
        panic!("the return's detail: {:?}", logged[1]);
    };
    assert_eq!((*quantity_before, *quantity_after, *refund), (2, 1, quote.refund));
}

async fn a_refund_beyond_the_limit_is_refused_with_the_limit_named(api: &dyn Backend) {
    let wide_world = customer_named(api, WIDE_WORLD).await;
    let azure = azure_subscriptions(api, wide_world).await[0];
    // A big reservation: 160 instances for three years (well beyond USD 50,000).
    let mut request = reservation_request(azure);
    request.quantity = 160;
    request.term = Term::ThreeYears;
    let order = request.id;
    api.buy_reservation(&customer(LEE), request).await.unwrap();
    let count = recent(api).await.len();

    let quote = api.quote_refund(&partner(ALEX), order, 160).await.unwrap();
    assert!(!quote.within_limit(), "{quote:?}");
    let refused = api.cancel_reservation(&partner(ALEX), order, 160, None).await.map_err(refusal);
    assert!(
        matches!(refused, Err(DomainError::RefundLimitExceeded { limit, consumed, .. })
            if limit == domain::REFUND_LIMIT && consumed == Usd::ZERO),
        "{refused:?}"
    );
    assert_eq!(logged_since(api, count).await, [], "nothing logged");
    // Part of it fits.
    api.cancel_reservation(&partner(ALEX), order, 10, None).await.unwrap();
}

async fn an_exchange_returns_the_old_and_buys_the_new_placed_by_the_agent(api: &dyn Backend) {
    let wide_world = customer_named(api, WIDE_WORLD).await;
    let azure = azure_subscriptions(api, wide_world).await[0];
    let order = reservation_order(&purchase_of(api, wide_world).await);
    let count = recent(api).await.len();

    // Something smaller than what is returned is refused.
    let mut small = reservation_request(azure);
    small.size = VmSize::StandardB2ms;
    let refused = api.exchange_reservation(&partner(ALEX), order, 2, small, None).await.map_err(refusal);
    assert!(matches!(refused, Err(DomainError::ExchangeBelowReturnedValue { .. })), "{refused:?}");

    // Three years of three bigger ones: the new reservation is the customer's, placed by the agent.
    let mut bigger = reservation_request(azure);
    bigger.size = VmSize::StandardD4sV5;
    bigger.term = Term::ThreeYears;
    bigger.quantity = 3;
    bigger.display_name = "Web front ends, D4s v5".to_string();
    let quote = api.quote_exchange(&partner(ALEX), order, 2, bigger.clone()).await.unwrap();
    assert!(quote.is_allowed() && quote.net_payable() > Usd::ZERO, "{quote:?}");
    let new_order = api.exchange_reservation(&partner(ALEX), order, 2, bigger, None).await.unwrap();

    let all = purchases(api).await;
    let old = all.iter().find(|p| p.item.id() == BenefitId::Reservation(order)).expect("the old one");
    assert_eq!(old.item.benefit().status, BenefitStatus::Cancelled);
    let new = all.iter().find(|p| p.item.id() == BenefitId::Reservation(new_order)).expect("the new one");
    let b = new.item.benefit();
    assert_eq!((b.customer_id, new.item.quantity(), b.display_name.as_str()), (wide_world, 3, "Web front ends, D4s v5"));
    assert_eq!(new.placed_by, PlacedBy::Partner(partner_user(ALEX).id));
    // Not a refund: the limit is untouched.
    let check = api.quote_refund(&partner(ALEX), new_order, 1).await.unwrap();
    assert_eq!(check.consumed, Usd::ZERO);

    let logged = logged_since(api, count).await;
    assert_eq!(logged.iter().map(|r| r.action).collect::<Vec<_>>(), [ActivityAction::ExchangeReservation]);
}

/// The customer user `upn` asks the partner about a purchase of their company.
async fn ask(api: &dyn Backend, upn: &str, bought: &PurchasedBenefit, kind: RequestKind, note: &str) -> Result<RequestId, DomainError> {
    let id = RequestId::from_uuid(random_guid());
    let company = bought.item.benefit().customer_id;
    api.ask_partner(&customer(upn), company, id, bought.item.id(), kind, note.to_string()).await.map_err(refusal)?;
    Ok(id)
}

async fn savings_plans_only_renew_and_off_keeps_what_was_bought(api: &dyn Backend) {
    let litware = customer_named(api, LITWARE).await;
    let plan = purchase_of(api, litware).await;
    assert!(!plan.item.benefit().renew);
    // The customer may not ask to cancel a savings plan: Azure's rule.
    let refused = ask(api, MIRIAM, &plan, RequestKind::Cancel, "").await;
    assert_eq!(refused, Err(DomainError::SavingsPlanNotReturnable));

    // Off stops new purchases only: the plan stays, and the partner still manages it.
    switch(api, ALEX, litware, SavingsPlan, false).await.unwrap();
    api.update_benefit(&partner(ALEX), plan.item.id(), true, None, None).await.unwrap();
    let now = purchase_of(api, litware).await;
    assert_eq!((now.item.benefit().status, now.item.benefit().renew), (BenefitStatus::Succeeded, true));
    // The same again changes nothing and logs nothing.
    let count = recent(api).await.len();
    api.update_benefit(&partner(ALEX), plan.item.id(), true, None, None).await.unwrap();
    assert_eq!(logged_since(api, count).await, []);
    let last = &recent(api).await[0];
    assert_eq!((last.action, last.user_principal_name()), (ActivityAction::UpdateSavingsPlan, ALEX));
}

/// Every request, newest first, as an Admin agent reads them.
async fn requests(api: &dyn Backend) -> Vec<CustomerRequest> {
    api.requests(&partner(ALEX), None).await.unwrap()
}

async fn the_customer_asks_and_the_partner_approves_or_declines(api: &dyn Backend) {
    let wide_world = customer_named(api, WIDE_WORLD).await;
    let bought = purchase_of(api, wide_world).await;
    let order = reservation_order(&bought);

    // Lee asks to turn auto-renew off; once is enough.
    let asked = ask(api, LEE, &bought, RequestKind::Renew { on: false }, "We move to containers next year.").await.unwrap();
    assert_eq!(ask(api, LEE, &bought, RequestKind::Cancel, "").await, Err(DomainError::RequestPending));
    let waiting = requests(api).await;
    assert_eq!(waiting.len(), 1);
    assert_eq!((waiting[0].id, waiting[0].status.clone()), (asked, RequestStatus::Pending));
    assert_eq!(waiting[0].note, "We move to containers next year.");
    assert_eq!(api.pending_requests(&partner(ALEX)).await, Ok(1), "the top bar's count");

    // Approving means doing what was asked, and nothing else.
    let mismatch = api.cancel_reservation(&partner(ALEX), order, 1, Some(asked)).await.map_err(refusal);
    assert_eq!(mismatch, Err(DomainError::RequestMismatch));
    api.update_benefit(&partner(ALEX), bought.item.id(), false, None, Some(asked)).await.unwrap();
    let approved = requests(api).await.into_iter().find(|r| r.id == asked).expect("the request");
    assert!(matches!(&approved.status, RequestStatus::Approved { by, .. } if by.as_str() == ALEX), "{approved:?}");
    assert!(!purchase_of(api, wide_world).await.item.benefit().renew);

    // A second request, declined: a reason is needed, and only Admin agents decide.
    let cancel = ask(api, LEE, &bought, RequestKind::Cancel, "").await.unwrap();
    let decline = |who: &'static str, reason: &'static str| async move {
        api.decline_request(&partner(who), wide_world, cancel, reason.to_string()).await.map_err(refusal)
    };
    let refused = decline(ALEX, "  ").await;
    assert!(matches!(refused, Err(DomainError::InvalidRequestText(_))), "{refused:?}");
    let refused = decline(ISAIAH, "No.").await;
    assert!(matches!(refused, Err(DomainError::NotAllowedToManagePurchases { .. })), "{refused:?}");
    decline(ALEX, "The term ends next month anyway.").await.unwrap();
    let declined = requests(api).await.into_iter().find(|r| r.id == cancel).expect("the request");
    assert!(
        matches!(&declined.status, RequestStatus::Declined { reason, .. } if reason == "The term ends next month anyway."),
        "{declined:?}"
    );
    assert_eq!(decline(ALEX, "Again.").await, Err(DomainError::RequestDecided));
    assert_eq!(purchase_of(api, wide_world).await.item.benefit().status, BenefitStatus::Succeeded, "declining changes nothing");
    assert_eq!(api.pending_requests(&partner(ALEX)).await, Ok(0));
}
