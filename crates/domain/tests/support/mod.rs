//! What the domain's tests share: the demo store, its users and customers, and making a
//! decided change (kept nowhere: these tests are about the rules).
#![allow(dead_code)]

use domain::{
    ActivityRecord, Change, Clock, CustomerId, DemoSpec, DomainError, PartnerRole, PartnerStore, PartnerUserId,
    Permission, PermissionSet, PermissionsChange,
};
use time::macros::datetime;
use time::{Date, Duration, OffsetDateTime};

pub const T0: OffsetDateTime = datetime!(2026-11-20 09:30 UTC);

/// The hand-made demo data, as of [`T0`].
pub fn store() -> PartnerStore {
    PartnerStore::demo(DemoSpec::new(0, T0))
}

pub fn user(store: &PartnerStore, role: PartnerRole) -> PartnerUserId {
    store.partner_users().iter().find(|u| u.role == role).expect("demo has every role").id.clone()
}

pub fn admin(store: &PartnerStore) -> PartnerUserId {
    user(store, PartnerRole::AdminAgent)
}

pub fn customer(store: &PartnerStore, name: &str) -> CustomerId {
    let page = store.customers_page(&admin(store), name, 0, 10).expect("a partner user reads");
    page.items.iter().find(|c| c.company_name == name).expect("demo customer").id
}

pub fn set(ps: &[Permission]) -> PermissionSet {
    ps.iter().copied().collect()
}

/// Applies a decided change at once; what the decision said.
pub fn make(store: &mut PartnerStore, decided: Result<Option<Change>, DomainError>) -> Result<Option<PermissionsChange>, DomainError> {
    let change = decided?;
    let made = match &change {
        Some(Change::Permissions(change)) => Some(change.clone()),
        _ => None,
    };
    if let Some(change) = change {
        store.apply(change);
    }
    Ok(made)
}

/// Turns one permission On or Off as `actor`, as the switch does.
pub fn switch(
    store: &mut PartnerStore,
    actor: &PartnerUserId,
    customer: &CustomerId,
    permission: Permission,
    on: bool,
    clock: &dyn Clock,
) -> Result<Option<PermissionsChange>, DomainError> {
    let decided = store.decide_switch(actor, customer, permission, on, clock);
    make(store, decided)
}

/// Every Activity record, newest first.
pub fn whole_log(store: &PartnerStore) -> Vec<ActivityRecord> {
    let far = |d: Date, days: i64| d + Duration::days(days);
    store.activity(&admin(store), far(T0.date(), -4000), far(T0.date(), 4000)).expect("a partner user reads")
}
