//! The store methods the mock API server relies on.

mod support;

use domain::{DomainError, PartnerRole, PartnerUserId};
use support::*;

#[test]
fn only_admin_agents_are_authorized_to_change() {
    let store = store();
    assert!(store.authorize_change(&admin(&store)).is_ok());
    for role in [PartnerRole::SalesAgent, PartnerRole::HelpdeskAgent] {
        let actor = user(&store, role);
        assert_eq!(
            store.authorize_change(&actor).map(|u| u.id.clone()),
            Err(DomainError::NotAdminAgent { user: actor.clone(), role })
        );
    }
    let stranger = PartnerUserId::new("nobody@example.com");
    assert_eq!(store.authorize_change(&stranger).map(|_| ()), Err(DomainError::UnknownPartnerUser(stranger)));
}

#[test]
fn policies_lists_every_granted_customer_once() {
    let store = store();
    let listed = store.policies(&admin(&store)).unwrap();
    assert!(!listed.is_empty());
    assert_eq!(listed.len(), store.snapshot().policies.len());
    assert!(listed.windows(2).all(|w| w[0].customer_id < w[1].customer_id));
    assert!(store.policies(&PartnerUserId::new("nobody@example.com")).is_err());
}
