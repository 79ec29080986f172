//! Every customer-permissions rule of the domain, as a partner's staff would meet it.

use domain::demo_data::{self, HAND_MADE_COUNT};
use domain::{
    ActivityAction, Clock, CustomerId, DemoSpec, DomainError, Etag, FixedClock, PartnerRole,
    PartnerStore, PartnerUserId, Permission, PermissionSet,
};
use time::macros::datetime;
use time::Duration;

const T0: time::OffsetDateTime = datetime!(2026-11-20 09:30 UTC);

fn store() -> PartnerStore {
    PartnerStore::demo(DemoSpec::new(0, T0))
}

fn user(store: &PartnerStore, role: PartnerRole) -> PartnerUserId {
    store.partner_users().iter().find(|u| u.role == role).expect("demo has every role").id.clone()
}

fn customer(store: &PartnerStore, name: &str) -> CustomerId {
    let page = store.customers_page(name, 0, 10);
    page.items.iter().find(|c| c.company_name == name).expect("demo customer").id
}

fn set(ps: &[Permission]) -> PermissionSet {
    ps.iter().copied().collect()
}

#[test]
fn admin_agent_turns_reservations_on_and_the_log_says_create() {
    let mut store = store();
    let clock = FixedClock::new(T0 + Duration::hours(1));
    let admin = user(&store, PartnerRole::AdminAgent);
    let fabrikam = customer(&store, "Fabrikam Inc");
    assert_eq!(store.policy(&fabrikam).unwrap(), None, "Off by default");

    let change = store
        .set_permission(&admin, &fabrikam, Permission::AzureReservations, true, &clock)
        .unwrap();

    assert_eq!(change.permissions(), set(&[Permission::AzureReservations]));
    let record = change.record.expect("a real change is logged");
    assert_eq!(record.action, ActivityAction::CreateCustomerPurchasePermissions);
    assert_eq!(record.action.to_string(), "Create Customer Purchase Permissions");
    assert_eq!(record.partner_user, admin);
    assert_eq!(record.customer_name, "Fabrikam Inc");
    assert_eq!(record.old_value, set(&[]));
    assert_eq!(record.new_value, set(&[Permission::AzureReservations]));
    assert_eq!(record.at, clock.now());
    let log = store.activity(clock.now().date(), clock.now().date());
    assert_eq!(log.first(), Some(&record), "newest first");
}

#[test]
fn second_permission_is_an_update_and_the_last_revoked_is_a_delete() {
    let mut store = store();
    let clock = FixedClock::new(T0);
    let admin = user(&store, PartnerRole::AdminAgent);
    let id = customer(&store, "Relecloud");

    let first = store.set_permission(&admin, &id, Permission::AzureReservations, true, &clock).unwrap();
    let second = store.set_permission(&admin, &id, Permission::AzureSavingsPlan, true, &clock).unwrap();
    assert_eq!(second.record.unwrap().action, ActivityAction::UpdateCustomerPurchasePermissions);
    assert_ne!(first.policy.unwrap().etag, second.policy.as_ref().unwrap().etag, "etag changes on every change");

    let third = store.set_permission(&admin, &id, Permission::AzureReservations, false, &clock).unwrap();
    assert_eq!(third.record.as_ref().unwrap().action, ActivityAction::UpdateCustomerPurchasePermissions);
    assert_eq!(third.permissions(), set(&[Permission::AzureSavingsPlan]));

    let last = store.set_permission(&admin, &id, Permission::AzureSavingsPlan, false, &clock).unwrap();
    let record = last.record.unwrap();
    assert_eq!(record.action, ActivityAction::DeleteCustomerPurchasePermissions);
    assert_eq!(record.action.operation_type(), "delete_self_serve_policy");
    assert_eq!(last.policy, None);
    assert_eq!(store.policy(&id).unwrap(), None, "no permission left: no policy");
}

#[test]
fn granting_what_is_granted_or_revoking_what_is_not_changes_and_logs_nothing() {
    let mut store = store();
    let clock = FixedClock::new(T0);
    let admin = user(&store, PartnerRole::AdminAgent);
    let contoso = customer(&store, "Contoso Ltd");
    let before = store.policy(&contoso).unwrap().cloned().expect("Contoso starts enabled");
    let log_before = store.activity(T0.date() - Duration::days(400), T0.date()).len();

    let again = store.set_permission(&admin, &contoso, Permission::AzureReservations, true, &clock).unwrap();
    assert_eq!(again.record, None);
    assert_eq!(again.policy.as_ref(), Some(&before), "same etag: nothing changed");

    let fabrikam = customer(&store, "Fabrikam Inc");
    let off_again = store.set_permission(&admin, &fabrikam, Permission::AzureSavingsPlan, false, &clock).unwrap();
    assert_eq!(off_again, domain::PolicyChange { policy: None, record: None });
    assert_eq!(store.activity(T0.date() - Duration::days(400), T0.date()).len(), log_before);
}

#[test]
fn sales_and_helpdesk_agents_are_refused_and_nothing_changes() {
    for role in [PartnerRole::SalesAgent, PartnerRole::HelpdeskAgent] {
        let mut store = store();
        let clock = FixedClock::new(T0);
        let agent = user(&store, role);
        let id = customer(&store, "Fabrikam Inc");
        let log_before = store.activity(T0.date() - Duration::days(400), T0.date());

        let refused = store.set_permission(&agent, &id, Permission::AzureReservations, true, &clock);

        assert_eq!(refused, Err(DomainError::NotAdminAgent { user: agent.clone(), role }));
        assert!(refused.unwrap_err().to_string().contains("only an Admin agent"));
        assert_eq!(store.policy(&id).unwrap(), None);
        assert_eq!(store.activity(T0.date() - Duration::days(400), T0.date()), log_before);
        assert!(!role.may_change_customer_permissions());
    }
    assert!(PartnerRole::AdminAgent.may_change_customer_permissions());
}

#[test]
fn unknown_users_and_customers_are_typed_errors() {
    let mut store = store();
    let clock = FixedClock::new(T0);
    let admin = user(&store, PartnerRole::AdminAgent);
    let stranger = PartnerUserId::new("mallory@example.com");
    let id = customer(&store, "Fabrikam Inc");
    assert_eq!(
        store.set_permission(&stranger, &id, Permission::AzureReservations, true, &clock),
        Err(DomainError::UnknownPartnerUser(stranger.clone()))
    );
    let nobody = CustomerId::parse("00000000-0000-4000-8000-000000000000").unwrap();
    assert_eq!(
        store.set_permission(&admin, &nobody, Permission::AzureReservations, true, &clock),
        Err(DomainError::UnknownCustomer(nobody))
    );
    assert_eq!(store.customer(&nobody), Err(DomainError::UnknownCustomer(nobody)));
    assert_eq!(store.readiness(&nobody), Err(DomainError::UnknownCustomer(nobody)));
    assert!(matches!(CustomerId::parse("<script>"), Err(DomainError::InvalidCustomerId(_))));
    assert!(matches!(CustomerId::parse(&"x".repeat(10_000)), Err(DomainError::InvalidCustomerId(t)) if t.len() == 64));
}

#[test]
fn a_stale_etag_is_refused_and_a_current_one_accepted() {
    let mut store = store();
    let clock = FixedClock::new(T0);
    let admin = user(&store, PartnerRole::AdminAgent);
    let id = customer(&store, "Contoso Ltd");
    let read = store.policy(&id).unwrap().cloned().unwrap();
    let both = set(&Permission::ALL);

    // Someone else changes it after we read it.
    store.set_permission(&admin, &id, Permission::AzureSavingsPlan, true, &clock).unwrap();
    assert_eq!(
        store.apply_permissions(&admin, &id, set(&[]), Some(&read.etag), &clock),
        Err(DomainError::StaleEtag)
    );
    assert_eq!(store.policy(&id).unwrap().unwrap().permissions, both, "not overwritten");

    let fresh = store.policy(&id).unwrap().unwrap().etag.clone();
    let change = store.apply_permissions(&admin, &id, set(&[]), Some(&fresh), &clock).unwrap();
    assert_eq!(change.record.unwrap().action, ActivityAction::DeleteCustomerPurchasePermissions);

    let fabrikam = customer(&store, "Fabrikam Inc");
    assert_eq!(
        store.apply_permissions(&admin, &fabrikam, both, Some(&Etag::new("\"made-up\"")), &clock),
        Err(DomainError::StaleEtag),
        "an absent policy matches no etag"
    );
}

#[test]
fn readiness_shows_azure_subscription_and_owners() {
    let store = store();
    let ready = |name: &str| store.readiness(&customer(&store, name)).unwrap();

    let fabrikam = ready("Fabrikam Inc");
    assert!(fabrikam.is_ready());
    assert_eq!(fabrikam.owners[0].display_name, "Nestor Wilke");

    let northwind = ready("Northwind Traders");
    assert!(!northwind.has_azure_subscription(), "licence-only customer");
    assert!(!northwind.has_owner());

    let adventure = ready("Adventure Works Cycles");
    assert!(adventure.has_azure_subscription());
    assert!(!adventure.has_owner(), "Contributor and Reader are not Owner");

    assert!(!ready("Woodgrove Bank").has_azure_subscription(), "a suspended Azure plan does not count");
    assert!(!ready("Proseware, Inc.").has_azure_subscription());
    assert!(ready("Tailspin Toys").is_ready(), "legacy Azure Global counts");
    let fourth = ready("Fourth Coffee");
    assert_eq!(fourth.azure_subscriptions.len(), 2);
    assert_eq!(fourth.owners.len(), 1);
    assert!(!ready("Graphic Design Institute").has_owner(), "no users at all");
}

#[test]
fn search_matches_name_domain_or_id_in_any_case_and_pages() {
    let store = store();
    assert_eq!(store.customers_page("", 0, 100).total, HAND_MADE_COUNT);
    let contoso = customer(&store, "Contoso Ltd");
    assert_eq!(store.customers_page("CONTOSO", 0, 10).items[0].id, contoso);
    assert_eq!(store.customers_page("contoso.onmicrosoft", 0, 10).total, 1);
    assert_eq!(store.customers_page(&contoso.to_string()[..13], 0, 10).items[0].id, contoso);
    assert_eq!(store.customers_page("東京", 0, 10).total, 1);
    assert_eq!(store.customers_page("ψηφιακές", 0, 10).total, 1, "non-Latin lower case");
    assert_eq!(store.customers_page("no such company", 0, 10).total, 0);

    let page = store.customers_page("", 20, 10);
    assert_eq!(page.items.len(), HAND_MADE_COUNT - 20);
    assert_eq!(page.offset, 20);
    let names: Vec<_> = store.customers_page("", 0, 100).items.into_iter().map(|c| c.company_name.to_lowercase()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "sorted by name");
}

#[test]
fn demo_data_starts_with_its_grants_logged() {
    let store = store();
    for (name, permissions) in demo_data::hand_made_grants() {
        let id = customer(&store, name);
        assert_eq!(store.policy(&id).unwrap().unwrap().permissions, permissions, "{name}");
    }
    let log = store.activity(T0.date() - Duration::days(60), T0.date());
    assert!(log.iter().all(|r| r.action == ActivityAction::CreateCustomerPurchasePermissions));
    assert_eq!(log.len(), demo_data::hand_made_grants().count());
    assert!(log.windows(2).all(|w| w[0].at >= w[1].at), "newest first");
}

#[test]
fn activity_range_includes_both_ends_and_excludes_the_rest() {
    let mut store = store();
    let clock = FixedClock::new(datetime!(2026-11-01 00:00 UTC));
    let admin = user(&store, PartnerRole::AdminAgent);
    let id = customer(&store, "Alpine Ski House");
    store.set_permission(&admin, &id, Permission::AzureReservations, true, &clock).unwrap();
    clock.advance(Duration::days(2));
    store.set_permission(&admin, &id, Permission::AzureReservations, false, &clock).unwrap();

    let only_alpine = |from, to| -> Vec<ActivityAction> {
        store.activity(from, to).into_iter().filter(|r| r.customer_id == id).map(|r| r.action).collect()
    };
    use time::macros::date;
    assert_eq!(only_alpine(date!(2026-11-01), date!(2026-11-01)), [ActivityAction::CreateCustomerPurchasePermissions]);
    assert_eq!(
        only_alpine(date!(2026-11-01), date!(2026-11-03)),
        [ActivityAction::DeleteCustomerPurchasePermissions, ActivityAction::CreateCustomerPurchasePermissions]
    );
    assert!(only_alpine(date!(2026-11-02), date!(2026-11-02)).is_empty());
}

#[test]
fn a_snapshot_rebuilds_the_same_store() {
    let mut store = PartnerStore::demo(DemoSpec::new(200, T0));
    let clock = FixedClock::new(T0);
    let admin = user(&store, PartnerRole::AdminAgent);
    let id = customer(&store, "Fabrikam Inc");
    store.set_permission(&admin, &id, Permission::AzureSavingsPlan, true, &clock).unwrap();

    let json = serde_json::to_string(&store.snapshot()).unwrap();
    let mut restored = PartnerStore::from_snapshot(serde_json::from_str(&json).unwrap());

    assert_eq!(restored.snapshot(), store.snapshot());
    assert_eq!(restored.customer_count(), HAND_MADE_COUNT + 200);
    assert_eq!(restored.policy(&id).unwrap(), store.policy(&id).unwrap());
    // New changes after a restore still get fresh etags and record ids.
    let change = restored.set_permission(&admin, &id, Permission::AzureReservations, true, &clock).unwrap();
    let all = restored.activity(T0.date() - Duration::days(400), T0.date());
    assert_eq!(all.iter().filter(|r| r.id == change.record.as_ref().unwrap().id).count(), 1);
}

#[test]
fn generated_customers_are_deterministic_and_unique() {
    let spec = DemoSpec::new(10_000, T0);
    let a = PartnerStore::demo(spec.clone());
    let b = PartnerStore::demo(spec);
    assert_eq!(a.customer_count(), HAND_MADE_COUNT + 10_000);
    assert_eq!(a.customers_page("", 5_000, 50), b.customers_page("", 5_000, 50));
    let ids: std::collections::HashSet<_> = a.customers_page("", 0, usize::MAX).items.into_iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), a.customer_count(), "every Microsoft ID is unique");
    let fabrikam_a = customer(&a, "Fabrikam Inc");
    assert_eq!(fabrikam_a, customer(&store(), "Fabrikam Inc"), "hand-made ids do not depend on the size");
}

#[test]
fn billing_details_belong_to_the_country_billed() {
    let store = PartnerStore::demo(DemoSpec::new(500, T0));
    let page = store.customers_page("", 0, usize::MAX);
    for summary in &page.items {
        let billing = &store.customer(&summary.id).unwrap().billing;
        let (culture, phone) = match billing.address.country.as_str() {
            "US" => ("en-US", "+1 "),
            "CA" => ("en-CA", "+1 "),
            "GB" => ("en-GB", "+44 "),
            "DE" => ("de-DE", "+49 "),
            "FR" => ("fr-FR", "+33 "),
            "AU" => ("en-AU", "+61 "),
            "JP" => ("ja-JP", "+81 "),
            other => panic!("{} is billed in an unexpected country {other:?}", summary.company_name),
        };
        assert_eq!(billing.culture, culture, "{}", summary.company_name);
        assert!(billing.phone.starts_with(phone), "{}: {}", summary.company_name, billing.phone);
    }
}
