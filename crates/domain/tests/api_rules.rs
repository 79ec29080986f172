//! The store methods the mock API server relies on.

use domain::{
    DemoSpec, DomainError, FixedClock, PartnerRole, PartnerStore, PartnerUserId, Permission,
    PermissionSet,
};
use time::macros::{date, datetime};

const T0: time::OffsetDateTime = datetime!(2026-11-20 09:30 UTC);

fn store() -> PartnerStore {
    PartnerStore::demo(DemoSpec::new(0, T0))
}

fn user(store: &PartnerStore, role: PartnerRole) -> PartnerUserId {
    store.partner_users().iter().find(|u| u.role == role).expect("demo has every role").id.clone()
}

fn customer(store: &PartnerStore, name: &str) -> domain::CustomerId {
    store.customers_page(name, 0, 10).items.iter().find(|c| c.company_name == name).expect("demo").id
}

#[test]
fn only_admin_agents_are_authorized_to_change() {
    let store = store();
    assert!(store.authorize_change(&user(&store, PartnerRole::AdminAgent)).is_ok());
    for role in [PartnerRole::SalesAgent, PartnerRole::HelpdeskAgent] {
        let actor = user(&store, role);
        assert_eq!(
            store.authorize_change(&actor).map(|u| u.id.clone()),
            Err(DomainError::NotAdminAgent { user: actor.clone(), role })
        );
    }
    let stranger = PartnerUserId::new("nobody@example.com");
    assert_eq!(
        store.authorize_change(&stranger).map(|_| ()),
        Err(DomainError::UnknownPartnerUser(stranger))
    );
}

#[test]
fn policies_lists_every_granted_customer_once() {
    let store = store();
    let listed = store.policies();
    assert!(!listed.is_empty());
    assert_eq!(listed.len(), store.snapshot().policies.len());
    assert!(listed.windows(2).all(|w| w[0].customer_id < w[1].customer_id));
}

#[test]
fn a_change_that_cannot_be_kept_is_taken_back_whole() {
    let mut store = store();
    let clock = FixedClock::new(T0);
    let admin = user(&store, PartnerRole::AdminAgent);
    let before = store.snapshot();
    for name in ["Fabrikam Inc", "Contoso Ltd"] {
        let id = customer(&store, name);
        let wanted = match store.policy(&id).unwrap() {
            Some(_) => PermissionSet::new(),
            None => [Permission::AzureSavingsPlan].into_iter().collect(),
        };
        let mut seen = None;
        let result = store.apply_permissions_kept(&admin, &id, wanted.clone(), None, &clock, |store, change| {
            // `keep` sees the store with the change made, to save it.
            seen = Some(store.policy(&id).unwrap().map(|p| p.permissions.clone()).unwrap_or_default());
            assert!(change.record.is_some());
            Err(DomainError::StaleEtag)
        });
        assert_eq!(result, Err(DomainError::StaleEtag));
        assert_eq!(seen, Some(wanted));

        let on = store.policy(&id).unwrap().is_some_and(|p| p.allows(Permission::AzureReservations));
        let result = store.set_permission_kept(&admin, &id, Permission::AzureReservations, !on, &clock, |_, _| {
            Err(DomainError::StaleEtag)
        });
        assert_eq!(result, Err(DomainError::StaleEtag));
    }
    assert_eq!(store.snapshot(), before, "policies, Activity log and counters as before");
    assert_eq!(store.activity(date!(2020 - 01 - 01), date!(2030 - 01 - 01)).len(), before.activity.len());
}

#[test]
fn a_kept_change_stays_and_a_no_op_is_not_given_to_keep() {
    let mut store = store();
    let clock = FixedClock::new(T0);
    let admin = user(&store, PartnerRole::AdminAgent);
    let fabrikam = customer(&store, "Fabrikam Inc");
    let mut kept = 0;
    for _ in 0..2 {
        store
            .set_permission_kept(&admin, &fabrikam, Permission::AzureSavingsPlan, true, &clock, |_, _| {
                kept += 1;
                Ok::<(), DomainError>(())
            })
            .unwrap();
    }
    assert_eq!(kept, 1, "granting what is granted changes nothing, so nothing is saved");
    assert!(store.policy(&fabrikam).unwrap().unwrap().allows(Permission::AzureSavingsPlan));

    // A refused change never reaches `keep`.
    let sales = user(&store, PartnerRole::SalesAgent);
    let refused = store.set_permission_kept(&sales, &fabrikam, Permission::AzureSavingsPlan, false, &clock, |_, _| {
        panic!("a refused change is not kept")
    });
    assert_eq!(refused.map(|_| ()), Err(DomainError::NotAdminAgent { user: sales, role: PartnerRole::SalesAgent }));
}
