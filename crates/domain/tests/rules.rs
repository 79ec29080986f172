//! Every customer-permissions rule of the domain, as a partner's staff would meet it.

mod support;

use domain::demo_data::{self, HAND_MADE_COUNT};
use domain::{
    ActivityAction, Change, Clock, CustomerId, DemoSpec, DomainError, Etag, FixedClock, PartnerRole,
    PartnerStore, PartnerUserId, Permission, Precondition,
};
use support::*;
use time::macros::datetime;
use time::Duration;

#[test]
fn admin_agent_turns_reservations_on_and_the_log_says_create() {
    let mut store = store();
    let clock = FixedClock::new(T0 + Duration::hours(1));
    let admin = admin(&store);
    let fabrikam = customer(&store, "Fabrikam Inc");
    assert_eq!(store.policy(&admin, &fabrikam).unwrap(), None, "Off by default");

    let change = switch(&mut store, &admin, &fabrikam, Permission::AzureReservations, true, &clock).unwrap().unwrap();

    assert_eq!(change.permissions(), set(&[Permission::AzureReservations]));
    let record = change.record;
    assert_eq!(record.action, ActivityAction::CreateCustomerPurchasePermissions);
    assert_eq!(record.action.partner_center_name(), "Create Customer Purchase Permissions");
    assert_eq!(record.partner_user, Some(admin.clone()));
    assert_eq!(record.customer_name, "Fabrikam Inc");
    assert_eq!(record.old_value, set(&[]));
    assert_eq!(record.new_value, set(&[Permission::AzureReservations]));
    assert_eq!(record.at, clock.now());
    let log = store.activity(&admin, clock.now().date(), clock.now().date()).unwrap();
    assert_eq!(log.first(), Some(&record), "newest first");
    assert_eq!(store.granted(&admin, &fabrikam).unwrap(), set(&[Permission::AzureReservations]));
}

#[test]
fn a_decision_changes_nothing_until_it_is_applied() {
    let store = store();
    let clock = FixedClock::new(T0);
    let admin = admin(&store);
    let fabrikam = customer(&store, "Fabrikam Inc");
    let before = store.snapshot();

    let decided = store.decide_switch(&admin, &fabrikam, Permission::AzureSavingsPlan, true, &clock).unwrap();

    assert!(matches!(decided, Some(Change::Permissions(_))), "{decided:?}");
    assert_eq!(store.snapshot(), before, "deciding writes nothing: the caller keeps the change first");
    assert_eq!(store.granted(&admin, &fabrikam).unwrap(), set(&[]));
}

#[test]
fn second_permission_is_an_update_and_the_last_revoked_is_a_delete() {
    let mut store = store();
    let clock = FixedClock::new(T0);
    let admin = admin(&store);
    let id = customer(&store, "Relecloud");

    let first = switch(&mut store, &admin, &id, Permission::AzureReservations, true, &clock).unwrap().unwrap();
    let second = switch(&mut store, &admin, &id, Permission::AzureSavingsPlan, true, &clock).unwrap().unwrap();
    assert_eq!(second.record.action, ActivityAction::UpdateCustomerPurchasePermissions);
    assert_ne!(first.policy.unwrap().etag, second.policy.as_ref().unwrap().etag, "etag changes on every change");

    let third = switch(&mut store, &admin, &id, Permission::AzureReservations, false, &clock).unwrap().unwrap();
    assert_eq!(third.record.action, ActivityAction::UpdateCustomerPurchasePermissions);
    assert_eq!(third.permissions(), set(&[Permission::AzureSavingsPlan]));

    let last = switch(&mut store, &admin, &id, Permission::AzureSavingsPlan, false, &clock).unwrap().unwrap();
    assert_eq!(last.record.action, ActivityAction::DeleteCustomerPurchasePermissions);
    assert_eq!(last.record.action.operation_type(), "delete_self_serve_policy");
    assert_eq!(last.policy, None);
    assert_eq!(store.policy(&admin, &id).unwrap(), None, "no permission left: no policy");
}

#[test]
fn granting_what_is_granted_or_revoking_what_is_not_changes_and_logs_nothing() {
    let store = store();
    let clock = FixedClock::new(T0);
    let admin = admin(&store);
    let contoso = customer(&store, "Contoso Ltd");
    assert!(store.policy(&admin, &contoso).unwrap().is_some(), "Contoso starts enabled");

    let again = store.decide_switch(&admin, &contoso, Permission::AzureReservations, true, &clock).unwrap();
    assert_eq!(again, None, "nothing to keep, nothing to log");

    let fabrikam = customer(&store, "Fabrikam Inc");
    let off_again = store.decide_switch(&admin, &fabrikam, Permission::AzureSavingsPlan, false, &clock).unwrap();
    assert_eq!(off_again, None);
}

#[test]
fn sales_and_helpdesk_agents_are_refused_and_nothing_changes() {
    for role in [PartnerRole::SalesAgent, PartnerRole::HelpdeskAgent] {
        let store = store();
        let clock = FixedClock::new(T0);
        let agent = user(&store, role);
        let id = customer(&store, "Fabrikam Inc");

        let refused = store.decide_switch(&agent, &id, Permission::AzureReservations, true, &clock);

        assert_eq!(refused, Err(DomainError::NotAdminAgent { user: agent.clone(), role }));
        assert!(!role.may_change_customer_permissions());
        // They still read everything.
        assert_eq!(store.policy(&agent, &id).unwrap(), None);
    }
    assert!(PartnerRole::AdminAgent.may_change_customer_permissions());
}

#[test]
fn unknown_users_and_customers_are_typed_errors() {
    let store = store();
    let clock = FixedClock::new(T0);
    let admin = admin(&store);
    let stranger = PartnerUserId::new("mallory@example.com");
    let id = customer(&store, "Fabrikam Inc");
    assert_eq!(
        store.decide_switch(&stranger, &id, Permission::AzureReservations, true, &clock),
        Err(DomainError::UnknownPartnerUser(stranger.clone()))
    );
    assert_eq!(store.customer(&stranger, &id), Err(DomainError::UnknownPartnerUser(stranger.clone())), "reads name their caller too");
    assert!(store.customers_page(&stranger, "", 0, 10).is_err());
    let nobody = CustomerId::parse("00000000-0000-4000-8000-000000000000").unwrap();
    assert_eq!(
        store.decide_switch(&admin, &nobody, Permission::AzureReservations, true, &clock),
        Err(DomainError::UnknownCustomer(nobody))
    );
    assert_eq!(store.customer(&admin, &nobody), Err(DomainError::UnknownCustomer(nobody)));
    assert_eq!(store.readiness(&admin, &nobody), Err(DomainError::UnknownCustomer(nobody)));
    assert_eq!(store.customer_users(&admin, &nobody), Err(DomainError::UnknownCustomer(nobody)));
    assert!(matches!(CustomerId::parse("<script>"), Err(DomainError::InvalidCustomerId(_))));
    assert!(matches!(CustomerId::parse(&"x".repeat(10_000)), Err(DomainError::InvalidCustomerId(t)) if t.len() == 64));
}

#[test]
fn a_stale_etag_is_refused_and_a_current_one_accepted() {
    let mut store = store();
    let clock = FixedClock::new(T0);
    let admin = admin(&store);
    let id = customer(&store, "Contoso Ltd");
    let read = store.policy(&admin, &id).unwrap().cloned().unwrap();
    let both = set(&Permission::ALL);

    // Someone else changes it after we read it.
    switch(&mut store, &admin, &id, Permission::AzureSavingsPlan, true, &clock).unwrap();
    assert_eq!(
        store.decide_permissions(&admin, &id, set(&[]), Precondition::Etag(read.etag.clone()), &clock),
        Err(DomainError::StaleEtag)
    );
    assert_eq!(store.policy(&admin, &id).unwrap().unwrap().permissions, both, "not overwritten");

    let fresh = store.policy(&admin, &id).unwrap().unwrap().etag.clone();
    let decided = store.decide_permissions(&admin, &id, set(&[]), Precondition::Etag(fresh), &clock);
    let change = make(&mut store, decided).unwrap().unwrap();
    assert_eq!(change.record.action, ActivityAction::DeleteCustomerPurchasePermissions);

    let fabrikam = customer(&store, "Fabrikam Inc");
    assert_eq!(
        store.decide_permissions(&admin, &fabrikam, both.clone(), Precondition::Etag(Etag::new("\"made-up\"")), &clock),
        Err(DomainError::StaleEtag),
        "an absent policy matches no etag"
    );
    // Having read no policy, a change is refused once somebody else has made one.
    assert!(store.decide_permissions(&admin, &fabrikam, both.clone(), Precondition::Absent, &clock).unwrap().is_some());
    switch(&mut store, &admin, &fabrikam, Permission::AzureReservations, true, &clock).unwrap();
    assert_eq!(
        store.decide_permissions(&admin, &fabrikam, both, Precondition::Absent, &clock),
        Err(DomainError::StaleEtag)
    );
}

#[test]
fn readiness_shows_azure_subscription_and_owners() {
    let store = store();
    let admin = admin(&store);
    let ready = |name: &str| store.readiness(&admin, &customer(&store, name)).unwrap();

    let fabrikam = ready("Fabrikam Inc");
    assert!(fabrikam.is_ready());
    assert_eq!(fabrikam.owners.iter().map(|u| u.display_name.as_str()).collect::<Vec<_>>(), ["Nestor Wilke"]);

    let northwind = ready("Northwind Traders");
    assert!(!northwind.has_azure_subscription(), "licence-only customer");
    assert!(!northwind.has_owner());

    let adventure = ready("Adventure Works Cycles");
    assert!(adventure.has_azure_subscription());
    assert!(!adventure.has_owner(), "Contributor and Reader are not Owner");

    assert!(!ready("Woodgrove Bank").has_azure_subscription(), "a suspended Azure plan does not count");
    assert!(!ready("Woodgrove Bank").has_owner(), "Owner of a suspended plan does not count");
    assert!(!ready("Proseware, Inc.").has_azure_subscription());
    assert!(ready("Tailspin Toys").is_ready(), "legacy Azure Global counts");
    let fourth = ready("Fourth Coffee");
    assert_eq!(fourth.azure_subscriptions.len(), 2);
    assert_eq!(fourth.owners.len(), 1);
    assert!(!ready("Graphic Design Institute").has_owner(), "users, but none with Owner");
}

#[test]
fn customer_users_come_with_their_azure_roles() {
    let store = store();
    let admin = admin(&store);
    let users = |name: &str| store.customer_users(&admin, &customer(&store, name)).unwrap();

    let contoso = users("Contoso Ltd");
    let roles: Vec<(&str, Vec<&str>)> = contoso
        .iter()
        .map(|u| (u.user.display_name.as_str(), u.roles.iter().map(|(_, r)| r.role_name()).collect()))
        .collect();
    assert_eq!(roles, [("Megan Bowen", vec!["Owner"]), ("Adele Vance", vec!["Contributor"]), ("Brian Johnson", vec!["Reader"])]);
    let megan = &contoso[0].user;
    assert_eq!(megan.user_principal_name, "meganb@contoso.onmicrosoft.com");
    assert_eq!((megan.first_name.as_str(), megan.last_name.as_str()), ("Megan", "Bowen"));
    assert_eq!(megan.state, domain::UserState::Active);

    assert!(users("Northwind Traders").iter().all(|u| u.roles.is_empty()), "no Azure: no Azure roles");
    let woodgrove = users("Woodgrove Bank");
    assert_eq!(woodgrove[0].roles.len(), 1, "roles on a suspended Azure plan are shown too");
    let tokyo = users("東京クラウドソリューションズ株式会社");
    assert_eq!(tokyo[0].user.display_name, "佐藤 花子", "family name first");
    let alpine = users("Alpine Ski House");
    assert!(alpine.iter().any(|u| u.user.state == domain::UserState::Inactive));

    // Every hand-made customer has 2 to 5 users, each with its own id.
    let page = store.customers_page(&admin, "", 0, 100).unwrap();
    let mut ids = std::collections::HashSet::new();
    for c in &page.items {
        let list = store.customer_users(&admin, &c.id).unwrap();
        assert!((2..=5).contains(&list.len()), "{} has {} users", c.company_name, list.len());
        ids.extend(list.iter().map(|u| u.user.id));
    }
    assert_eq!(ids.len(), page.items.iter().map(|c| store.customer_users(&admin, &c.id).unwrap().len()).sum::<usize>());
}

#[test]
fn search_matches_name_domain_or_id_in_any_case_and_pages() {
    let store = store();
    let admin = admin(&store);
    let page = |search: &str, offset, limit| store.customers_page(&admin, search, offset, limit).unwrap();
    assert_eq!(page("", 0, 100).total, HAND_MADE_COUNT);
    let contoso = customer(&store, "Contoso Ltd");
    assert_eq!(page("CONTOSO", 0, 10).items[0].id, contoso);
    assert_eq!(page("contoso.onmicrosoft", 0, 10).total, 1);
    assert_eq!(page(&contoso.to_string()[..13], 0, 10).items[0].id, contoso);
    assert_eq!(page("東京", 0, 10).total, 1);
    assert_eq!(page("ψηφιακές", 0, 10).total, 1, "non-Latin lower case");
    assert_eq!(page("no such company", 0, 10).total, 0);

    let second = page("", 20, 10);
    assert_eq!(second.items.len(), HAND_MADE_COUNT - 20);
    assert_eq!(second.offset, 20);
    let names: Vec<_> = page("", 0, 100).items.into_iter().map(|c| c.company_name.to_lowercase()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "sorted by name");
}

#[test]
fn demo_data_is_for_people_trying_the_product() {
    let store = store();
    let admin = admin(&store);
    let all = store.customers_page(&admin, "", 0, 1000).unwrap();
    for c in &all.items {
        assert!(!c.company_name.contains('<') && !c.company_name.contains('>'), "test fixtures stay in the tests: {}", c.company_name);
    }
    for name in ["Bayerische Müller", "東京", "Ελληνικές", "الرياض"] {
        assert_eq!(store.customers_page(&admin, name, 0, 5).unwrap().total, 1, "{name}: long and non-Latin names stay");
    }
}

#[test]
fn demo_data_starts_with_its_grants_logged() {
    let store = store();
    let admin = admin(&store);
    for (name, permissions) in demo_data::hand_made_grants() {
        let id = customer(&store, name);
        assert_eq!(store.policy(&admin, &id).unwrap().unwrap().permissions, permissions, "{name}");
    }
    let log = store.activity(&admin, T0.date() - Duration::days(60), T0.date()).unwrap();
    let (grants, others): (Vec<_>, Vec<_>) =
        log.iter().partition(|r| r.action == ActivityAction::CreateCustomerPurchasePermissions);
    assert_eq!(grants.len(), demo_data::hand_made_grants().count());
    // Then two customer users bought on their own: a reservation and a savings plan (Lee's
    // reservation of a year and a month ago renews only once time passes: tests/lifecycle.rs).
    let buyers: Vec<&str> = others.iter().map(|r| r.user_principal_name()).collect();
    assert_eq!(buyers, ["miriamg@litware.onmicrosoft.com", "leeg@wideworldimporters.onmicrosoft.com"]);
    assert!(others.iter().all(|r| r.action == ActivityAction::CreateOrder && r.partner_user.is_none()));
    assert!(log.windows(2).all(|w| w[0].at >= w[1].at), "newest first");
}

#[test]
fn activity_range_includes_both_ends_and_excludes_the_rest() {
    let mut store = store();
    let clock = FixedClock::new(datetime!(2026-11-01 00:00 UTC));
    let admin = admin(&store);
    let id = customer(&store, "Alpine Ski House");
    switch(&mut store, &admin, &id, Permission::AzureReservations, true, &clock).unwrap();
    clock.advance(Duration::days(2));
    switch(&mut store, &admin, &id, Permission::AzureReservations, false, &clock).unwrap();

    let only_alpine = |from, to| -> Vec<ActivityAction> {
        store.activity(&admin, from, to).unwrap().into_iter().filter(|r| r.customer_id == id).map(|r| r.action).collect()
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
    let admin = admin(&store);
    let id = customer(&store, "Fabrikam Inc");
    switch(&mut store, &admin, &id, Permission::AzureSavingsPlan, true, &clock).unwrap();

    let json = serde_json::to_string(&store.snapshot()).unwrap();
    let mut restored = PartnerStore::from_snapshot(serde_json::from_str(&json).unwrap());

    assert_eq!(restored.snapshot(), store.snapshot());
    assert_eq!(restored.customer_count(), HAND_MADE_COUNT + 200);
    assert_eq!(restored.policy(&admin, &id).unwrap(), store.policy(&admin, &id).unwrap());
    // New changes after a restore still get fresh etags and record ids.
    let change = switch(&mut restored, &admin, &id, Permission::AzureReservations, true, &clock).unwrap().unwrap();
    assert_eq!(whole_log(&restored).iter().filter(|r| r.id == change.record.id).count(), 1);
}

#[test]
fn changes_kept_as_json_and_applied_again_rebuild_the_same_store() {
    // What the web app does: keep each change as JSON, and at the next start apply them in
    // order to the demo data.
    let mut store = PartnerStore::demo(DemoSpec::new(50, T0));
    let clock = FixedClock::new(T0);
    let admin = admin(&store);
    let mut kept = Vec::new();
    for (name, permission, on) in [("Fabrikam Inc", Permission::AzureSavingsPlan, true), ("Contoso Ltd", Permission::AzureReservations, false), ("Fabrikam Inc", Permission::AzureReservations, true)] {
        let id = customer(&store, name);
        clock.advance(Duration::minutes(1));
        let change = store.decide_switch(&admin, &id, permission, on, &clock).unwrap().unwrap();
        kept.push(serde_json::to_string(&change).unwrap());
        store.apply(change);
    }
    let new = domain::NewCustomer::parse("Zava Corp", "zava", "billing@zava.com").unwrap();
    let change = store.decide_create_customer(&admin, new).unwrap();
    kept.push(serde_json::to_string(&change).unwrap());
    store.apply(change);

    let mut again = PartnerStore::demo(DemoSpec::new(50, T0));
    for text in &kept {
        again.apply(serde_json::from_str(text).unwrap());
    }
    assert_eq!(again.snapshot(), store.snapshot());
    assert!(kept.iter().all(|text| text.len() < 2048), "each change is small: {kept:?}");
}

#[test]
fn generated_customers_are_deterministic_and_unique() {
    let spec = DemoSpec::new(10_000, T0);
    let a = PartnerStore::demo(spec.clone());
    let b = PartnerStore::demo(spec);
    let admin = admin(&a);
    assert_eq!(a.customer_count(), HAND_MADE_COUNT + 10_000);
    assert_eq!(a.customers_page(&admin, "", 5_000, 50), b.customers_page(&admin, "", 5_000, 50));
    let ids: std::collections::HashSet<_> =
        a.customers_page(&admin, "", 0, usize::MAX).unwrap().items.into_iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), a.customer_count(), "every Microsoft ID is unique");
    let fabrikam_a = customer(&a, "Fabrikam Inc");
    assert_eq!(fabrikam_a, customer(&store(), "Fabrikam Inc"), "hand-made ids do not depend on the size");
}

#[test]
fn microsoft_ids_are_those_of_data_saved_by_earlier_releases() {
    // Saved data refers to customers by id: the ids of hand-made and generated customers
    // must not move (these are the ids release 1 generated).
    let store = PartnerStore::demo(DemoSpec::new(10, T0));
    let admin = admin(&store);
    let id_of = |name: &str| {
        store.customers_page(&admin, name, 0, 5).unwrap().items.into_iter().find(|c| c.company_name == name).unwrap().id.to_string()
    };
    assert_eq!(id_of("Relecloud"), "7e6e2ac8-9256-42a5-b58b-58588773668a");
    assert_eq!(id_of("Amber Works Inc 1"), "2c4b909f-419f-4371-9998-1d7100039489");
    assert_eq!(id_of("Cobalt Studios AG 2"), "dffd6ca3-b11b-4854-a70b-35fb42dd29c9");
}

#[test]
fn billing_details_belong_to_the_country_billed() {
    let store = PartnerStore::demo(DemoSpec::new(500, T0));
    let admin = admin(&store);
    let page = store.customers_page(&admin, "", 0, usize::MAX).unwrap();
    for summary in &page.items {
        let billing = &store.customer(&admin, &summary.id).unwrap().billing;
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
