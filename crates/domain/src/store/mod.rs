//! The in-memory store: the partner's data, with every rule applied to it by area (see
//! `customers`, `subscriptions`, `permissions`, `activity`). The web app keeps one in the
//! Wasm; the mock API server keeps one in front of SQLite.
//!
//! A write is decided first (`decide_…`, on `&self`): the rules check it against the
//! current state and say what changes, as a [`Change`]. The caller keeps that change
//! (localStorage, SQLite) and only then hands it to [`PartnerStore::apply`]. Nothing
//! changes in memory before it is kept, so nothing ever has to be taken back.

mod change;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::activity::ActivityRecord;
use crate::clock::FixedClock;
use crate::customers::{Customer, CustomerBook};
use crate::demo_data::{self, DemoData, DemoSpec};
use crate::ids::{CustomerId, CustomerUpn, ReservationOrderId};
use crate::partner::{Partner, PartnerUser};
use crate::orders::Order;
use crate::permissions::{Precondition, SelfServePolicy};
use crate::purchases::{CustomerRequest, ReadStates, Reservation, SavingsPlan};
use crate::subscriptions::{RoleAssignment, Subscription};

pub use change::{Change, PermissionsChange};

/// What a store holds beyond its deterministic demo data: enough to rebuild it exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreSnapshot {
    pub demo: DemoSpec,
    /// Customers created after the demo data (none in data saved before they existed).
    #[serde(default)]
    pub added_customers: Vec<Customer>,
    pub policies: Vec<SelfServePolicy>,
    pub activity: Vec<ActivityRecord>,
    pub next_etag: u64,
    pub next_record_id: u64,
    /// Orders, Azure roles, purchases, requests and notifications read since the demo data,
    /// as the changes that made them (their Activity records are in `activity` too). None in
    /// data saved before they existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commerce: Vec<Change>,
}

#[derive(Debug, Clone)]
pub struct PartnerStore {
    pub(crate) demo: DemoSpec,
    pub(crate) partner: Partner,
    pub(crate) partner_users: Vec<PartnerUser>,
    pub(crate) customers: CustomerBook,
    /// Customers created after the demo data, in the order they were created.
    pub(crate) added_customers: Vec<CustomerId>,
    pub(crate) policies: HashMap<CustomerId, SelfServePolicy>,
    /// In the order they were recorded.
    pub(crate) activity: Vec<ActivityRecord>,
    pub(crate) next_etag: u64,
    pub(crate) next_record_id: u64,
    /// Customers' subscriptions where they differ from the demo data (an Azure plan bought).
    pub(crate) subscriptions: HashMap<CustomerId, Vec<Subscription>>,
    /// Customers' Azure role assignments where they differ from the demo data.
    pub(crate) role_assignments: HashMap<CustomerId, Vec<RoleAssignment>>,
    /// Orders placed since the demo data (the demo data's own are made when read).
    pub(crate) orders: HashMap<CustomerId, Vec<Order>>,
    pub(crate) reservations: HashMap<CustomerId, Vec<Reservation>>,
    pub(crate) savings_plans: HashMap<CustomerId, Vec<SavingsPlan>>,
    /// Customers' requests to the partner.
    pub(crate) requests: HashMap<CustomerId, Vec<CustomerRequest>>,
    /// What each partner user has read of their notifications.
    pub(crate) notifications_read: ReadStates,
    /// The changes that made the seven above, in order: what a snapshot keeps of them.
    pub(crate) commerce: Vec<Change>,
}

impl PartnerStore {
    /// A store filled with the deterministic demo data of `spec`, its starting grants made
    /// by the demo's Admin agents (and logged) through the same rules as any change, and the
    /// purchases its customers' users made on their own.
    pub fn demo(spec: DemoSpec) -> Self {
        let mut store = Self::demo_without_purchases(spec);
        store.make_demo_purchases();
        store
    }

    /// [`PartnerStore::demo`] without its customers' own purchases, which
    /// [`PartnerStore::make_demo_purchases`] then makes: what the web app's first page (the
    /// Customers list) needs, so that its download does not carry the rules of buying.
    pub fn demo_without_purchases(spec: DemoSpec) -> Self {
        let mut data = demo_data::build(&spec);
        let mut grants = std::mem::take(&mut data.grants);
        grants.sort_unstable_by_key(|g| (g.at, g.customer_id));
        let mut store = Self::from_parts(spec, data);
        for grant in grants {
            let mut wanted = store.permissions_of(&grant.customer_id);
            wanted.extend(grant.permissions.iter().copied());
            let clock = FixedClock::new(grant.at);
            if let Ok(Some(change)) =
                store.decide_permissions(&grant.by, &grant.customer_id, wanted, Precondition::Any, &clock)
            {
                store.apply(change);
            }
        }
        store
    }

    /// The purchases customer users made on their own before the demo starts, through the
    /// same rules as any: two reservations at Wide World Importers (one bought a year and a month
    /// ago, with auto-renew on: past its expiry, it renews when a backend first reads, as time
    /// passed), a savings plan at Litware.
    /// Call it once, right after [`PartnerStore::demo_without_purchases`] (before any other
    /// change: their records come after the grants').
    pub fn make_demo_purchases(&mut self) {
        let at = spec_at(self);
        use crate::purchases::{AppliedScope, BillingPlan, Region, Term, VmSize};
        use crate::purchases::{ReservationRequest, SavingsPlanRequest};
        let first_azure = |store: &Self, upn: &CustomerUpn| {
            store.my_azure_subscriptions(upn).ok()?.first().map(|s| s.azure_subscription_id)
        };
        let lee = CustomerUpn::new("leeg@wideworldimporters.onmicrosoft.com");
        if let Some(azure) = first_azure(self, &lee) {
            let request = ReservationRequest {
                id: ReservationOrderId::from_uuid(uuid::Uuid::from_u128(0x3f1c_2a9e_7d44_4b0a_9c61_5e2d_8a7b_0c11)),
                size: VmSize::StandardD2sV5,
                region: Region::WestEurope,
                term: Term::OneYear,
                billing_plan: BillingPlan::Monthly,
                quantity: 2,
                billing_subscription: azure,
                scope: AppliedScope::Shared,
                renew: true,
                display_name: "Web front ends, West Europe".to_string(),
            };
            let clock = FixedClock::new(at - time::Duration::hours(3));
            if let Ok(Some(change)) = self.decide_reservation_purchase(&lee, request, &clock) {
                self.apply(change);
            }
            // A year and a month ago, with auto-renew on: renewed a month ago.
            let request = ReservationRequest {
                id: ReservationOrderId::from_uuid(uuid::Uuid::from_u128(0x8b2d_41c7_0e95_4f3a_b6d8_2c71_9a4e_5f03)),
                size: VmSize::StandardD4sV5,
                region: Region::GermanyWestCentral,
                term: Term::OneYear,
                billing_plan: BillingPlan::Upfront,
                quantity: 4,
                billing_subscription: azure,
                scope: AppliedScope::Shared,
                renew: true,
                display_name: "Batch workers, Frankfurt".to_string(),
            };
            let clock = FixedClock::new(at - time::Duration::days(400));
            if let Ok(Some(change)) = self.decide_reservation_purchase(&lee, request, &clock) {
                self.apply(change);
            }
        }
        let miriam = CustomerUpn::new("miriamg@litware.onmicrosoft.com");
        if let Some(azure) = first_azure(self, &miriam) {
            let request = SavingsPlanRequest {
                alias: "litware-compute-2026".to_string(),
                display_name: "Litware compute".to_string(),
                hourly_commitment: crate::money::Usd::from_cents(250),
                term: Term::ThreeYears,
                billing_plan: BillingPlan::Monthly,
                billing_subscription: azure,
                scope: AppliedScope::Single(azure),
                renew: false,
            };
            let clock = FixedClock::new(at - time::Duration::hours(2));
            if let Ok(Some(change)) = self.decide_savings_plan_purchase(&miriam, request, &clock) {
                self.apply(change);
            }
        }
    }

    /// Rebuilds a store from a snapshot taken with [`PartnerStore::snapshot`].
    /// Policies and records of customers the demo data does not have are dropped.
    pub fn from_snapshot(snapshot: StoreSnapshot) -> Self {
        let data = demo_data::build(&snapshot.demo);
        let mut store = Self::from_parts(snapshot.demo, data);
        for customer in snapshot.added_customers {
            store.apply(Change::CustomerCreated(customer));
        }
        // Their records come back with the rest of the Activity log just below.
        for change in snapshot.commerce {
            store.apply(change);
        }
        store.policies = snapshot
            .policies
            .into_iter()
            .filter(|p| store.customers.contains(&p.customer_id) && !p.permissions.is_empty())
            .map(|p| (p.customer_id, p))
            .collect();
        store.activity = snapshot
            .activity
            .into_iter()
            .filter(|r| store.customers.contains(&r.customer_id))
            .collect();
        store.activity.sort_unstable_by_key(|r| (r.at, r.id));
        let highest_record = store.activity.iter().map(|r| r.id).max().unwrap_or(0);
        store.next_record_id = snapshot.next_record_id.max(highest_record + 1);
        store.next_etag = snapshot.next_etag.max(store.policies.len() as u64 + 1);
        store
    }

    /// Everything that is not demo data, to keep in one piece.
    pub fn snapshot(&self) -> StoreSnapshot {
        let mut policies: Vec<SelfServePolicy> = self.policies.values().cloned().collect();
        policies.sort_unstable_by_key(|p| p.customer_id);
        StoreSnapshot {
            demo: self.demo.clone(),
            added_customers: self
                .added_customers
                .iter()
                .filter_map(|id| self.customers.get(id).ok().cloned())
                .collect(),
            policies,
            activity: self.activity.clone(),
            next_etag: self.next_etag,
            next_record_id: self.next_record_id,
            commerce: self.commerce.clone(),
        }
    }

    fn from_parts(spec: DemoSpec, data: DemoData) -> Self {
        Self {
            demo: spec,
            partner: data.partner,
            partner_users: data.partner_users,
            customers: CustomerBook::new(data.customers),
            added_customers: Vec::new(),
            policies: HashMap::new(),
            activity: Vec::new(),
            next_etag: 1,
            next_record_id: 1,
            subscriptions: HashMap::new(),
            role_assignments: HashMap::new(),
            orders: HashMap::new(),
            reservations: HashMap::new(),
            savings_plans: HashMap::new(),
            requests: HashMap::new(),
            notifications_read: Vec::new(),
            commerce: Vec::new(),
        }
    }

    pub fn demo_spec(&self) -> &DemoSpec {
        &self.demo
    }

    /// The next etag counter and the next Activity record id, as a snapshot holds them.
    pub fn counters(&self) -> (u64, u64) {
        (self.next_etag, self.next_record_id)
    }
}

/// When the store's demo data was made.
fn spec_at(store: &PartnerStore) -> time::OffsetDateTime {
    store.demo.generated_at
}
