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
fn undo_change_puts_back_the_policy_the_log_and_the_counters() {
    let mut store = store();
    let clock = FixedClock::new(T0);
    let admin = user(&store, PartnerRole::AdminAgent);
    let before_snapshot = store.snapshot();
    for name in ["Fabrikam Inc", "Contoso Ltd"] {
        let id = customer(&store, name);
        let before = store.policy(&id).unwrap().cloned();
        let counters = store.counters();
        let wanted: PermissionSet = [Permission::AzureSavingsPlan].into_iter().collect();
        let change = store.apply_permissions(&admin, &id, wanted, None, &clock).unwrap();
        assert!(change.record.is_some());
        assert_ne!(store.counters(), counters);

        store.undo_change(id, before, counters);
    }
    assert_eq!(store.snapshot(), before_snapshot);
    assert_eq!(store.activity(date!(2020 - 01 - 01), date!(2030 - 01 - 01)).len(), before_snapshot.activity.len());
}
