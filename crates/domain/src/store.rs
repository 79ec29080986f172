//! The in-memory store: every customer-permissions rule applied to data held in memory.
//! The web app keeps one in the Wasm; the mock API server keeps one in front of SQLite.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::activity_log::{ActivityAction, ActivityRecord};
use crate::clock::Clock;
use crate::demo_data::{self, DemoData, DemoSpec};
use crate::error::DomainError;
use crate::ids::{AzureSubscriptionId, CustomerId, Etag, PartnerUserId};
use crate::new_customer::NewCustomer;
use crate::model::{
    AzureRole, Customer, CustomerUser, Partner, PartnerUser, RoleAssignment, Subscription,
};
use crate::readiness::{AzureSubscriptionRef, Readiness};
use crate::self_serve_policy::{with_permission, Permission, PermissionSet, SelfServePolicy};

fn sort_key(customer: &Customer) -> (String, CustomerId) {
    // The Customers list's order: by name, whatever the case; the id settles equal names.
    (customer.company_name.to_lowercase(), customer.id)
}

fn search_key(customer: &Customer) -> String {
    format!("{} {} {}", customer.company_name, customer.domain, customer.id).to_lowercase()
}

/// A customer as the Customers list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerSummary {
    pub id: CustomerId,
    pub company_name: String,
    pub domain: String,
    pub permissions: PermissionSet,
}

/// One page of a customer search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPage {
    pub items: Vec<CustomerSummary>,
    /// How many customers match the search in all.
    pub total: usize,
    pub offset: usize,
}

/// The outcome of a permission change that was allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyChange {
    /// The policy as it is now; `None` when no permission is granted.
    pub policy: Option<SelfServePolicy>,
    /// The Activity log record, or `None` when the request changed nothing.
    pub record: Option<ActivityRecord>,
}

impl PolicyChange {
    pub fn permissions(&self) -> PermissionSet {
        self.policy.as_ref().map(|p| p.permissions.clone()).unwrap_or_default()
    }
}

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
}

#[derive(Debug, Clone)]
pub struct PartnerStore {
    demo: DemoSpec,
    partner: Partner,
    partner_users: Vec<PartnerUser>,
    /// Sorted by company name, as the Customers list shows them.
    customers: Vec<Customer>,
    /// Lower-cased "name domain id" of each customer, for search as you type.
    search_keys: Vec<String>,
    /// Customers created after the demo data, in the order they were created.
    added_customers: Vec<CustomerId>,
    index: HashMap<CustomerId, usize>,
    customer_users: HashMap<CustomerId, Vec<CustomerUser>>,
    subscriptions: HashMap<CustomerId, Vec<Subscription>>,
    role_assignments: HashMap<AzureSubscriptionId, Vec<RoleAssignment>>,
    policies: HashMap<CustomerId, SelfServePolicy>,
    /// In the order they were recorded.
    activity: Vec<ActivityRecord>,
    next_etag: u64,
    next_record_id: u64,
}

impl PartnerStore {
    /// A store filled with the deterministic demo data of `spec`.
    pub fn demo(spec: DemoSpec) -> Self {
        let mut data = demo_data::build(&spec);
        let mut grants = std::mem::take(&mut data.grants);
        grants.sort_unstable_by_key(|g| (g.at, g.customer_id));
        let mut store = Self::from_parts(spec, data);
        for grant in grants {
            let old = store.permissions(&grant.customer_id);
            let mut new = old.clone();
            new.extend(grant.permissions.iter().copied());
            store.commit(&grant.by, grant.customer_id, old, new, grant.at);
        }
        store
    }

    /// Rebuilds a store from a snapshot taken with [`PartnerStore::snapshot`].
    /// Policies and records of customers the demo data does not have are dropped.
    pub fn from_snapshot(snapshot: StoreSnapshot) -> Self {
        let mut data = demo_data::build(&snapshot.demo);
        let mut added_customers = Vec::new();
        for customer in snapshot.added_customers {
            let clash = data.customers.iter().any(|c| c.id == customer.id || c.domain == customer.domain);
            if !clash {
                added_customers.push(customer.id);
                data.customers.push(customer);
            }
        }
        let mut store = Self::from_parts(snapshot.demo, data);
        store.added_customers = added_customers;
        store.policies = snapshot
            .policies
            .into_iter()
            .filter(|p| store.index.contains_key(&p.customer_id) && !p.permissions.is_empty())
            .map(|p| (p.customer_id, p))
            .collect();
        store.activity = snapshot
            .activity
            .into_iter()
            .filter(|r| store.index.contains_key(&r.customer_id))
            .collect();
        store.activity.sort_unstable_by_key(|r| (r.at, r.id));
        let highest_record = store.activity.iter().map(|r| r.id).max().unwrap_or(0);
        store.next_record_id = snapshot.next_record_id.max(highest_record + 1);
        store.next_etag = snapshot.next_etag.max(store.policies.len() as u64 + 1);
        store
    }

    pub fn snapshot(&self) -> StoreSnapshot {
        let policies = self.policies().into_iter().cloned().collect();
        StoreSnapshot {
            demo: self.demo.clone(),
            added_customers: self
                .added_customers
                .iter()
                .filter_map(|id| self.customer(id).ok().cloned())
                .collect(),
            policies,
            activity: self.activity.clone(),
            next_etag: self.next_etag,
            next_record_id: self.next_record_id,
        }
    }

    fn from_parts(spec: DemoSpec, data: DemoData) -> Self {
        let mut customers = data.customers;
        customers.sort_by_cached_key(sort_key);
        let search_keys = customers.iter().map(search_key).collect();
        let index = customers.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        let mut customer_users: HashMap<CustomerId, Vec<CustomerUser>> = HashMap::new();
        for user in data.customer_users {
            customer_users.entry(user.customer_id).or_default().push(user);
        }
        let mut subscriptions: HashMap<CustomerId, Vec<Subscription>> = HashMap::new();
        for subscription in data.subscriptions {
            subscriptions.entry(subscription.customer_id).or_default().push(subscription);
        }
        let mut role_assignments: HashMap<AzureSubscriptionId, Vec<RoleAssignment>> =
            HashMap::new();
        for assignment in data.role_assignments {
            role_assignments.entry(assignment.azure_subscription_id).or_default().push(assignment);
        }
        Self {
            demo: spec,
            partner: data.partner,
            partner_users: data.partner_users,
            customers,
            search_keys,
            added_customers: Vec::new(),
            index,
            customer_users,
            subscriptions,
            role_assignments,
            policies: HashMap::new(),
            activity: Vec::new(),
            next_etag: 1,
            next_record_id: 1,
        }
    }

    pub fn demo_spec(&self) -> &DemoSpec {
        &self.demo
    }

    pub fn partner(&self) -> &Partner {
        &self.partner
    }

    pub fn partner_users(&self) -> &[PartnerUser] {
        &self.partner_users
    }

    pub fn partner_user(&self, id: &PartnerUserId) -> Result<&PartnerUser, DomainError> {
        self.partner_users
            .iter()
            .find(|u| &u.id == id)
            .ok_or_else(|| DomainError::UnknownPartnerUser(id.clone()))
    }

    pub fn customer_count(&self) -> usize {
        self.customers.len()
    }

    /// Customers whose name, domain or Microsoft ID contains `search` (any case),
    /// sorted by name; `limit` of them from `offset` on.
    pub fn customers_page(&self, search: &str, offset: usize, limit: usize) -> CustomerPage {
        let needle = search.trim().to_lowercase();
        let matching = self
            .search_keys
            .iter()
            .enumerate()
            .filter(|(_, key)| needle.is_empty() || key.contains(&needle))
            .map(|(i, _)| i);
        let mut total = 0;
        let mut items = Vec::new();
        for i in matching {
            if total >= offset && items.len() < limit {
                items.push(self.summary(&self.customers[i]));
            }
            total += 1;
        }
        CustomerPage { items, total, offset }
    }

    fn summary(&self, customer: &Customer) -> CustomerSummary {
        CustomerSummary {
            id: customer.id,
            company_name: customer.company_name.clone(),
            domain: customer.domain.clone(),
            permissions: self.permissions(&customer.id),
        }
    }

    pub fn customer(&self, id: &CustomerId) -> Result<&Customer, DomainError> {
        self.index
            .get(id)
            .map(|&i| &self.customers[i])
            .ok_or(DomainError::UnknownCustomer(*id))
    }

    pub fn customer_users(&self, id: &CustomerId) -> Result<&[CustomerUser], DomainError> {
        self.customer(id)?;
        Ok(self.customer_users.get(id).map(Vec::as_slice).unwrap_or(&[]))
    }

    pub fn subscriptions(&self, id: &CustomerId) -> Result<&[Subscription], DomainError> {
        self.customer(id)?;
        Ok(self.subscriptions.get(id).map(Vec::as_slice).unwrap_or(&[]))
    }

    pub fn role_assignments(&self, azure_subscription: &AzureSubscriptionId) -> &[RoleAssignment] {
        self.role_assignments.get(azure_subscription).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether the customer has what a purchase needs: an active Azure subscription, and
    /// users with Owner on one.
    pub fn readiness(&self, id: &CustomerId) -> Result<Readiness, DomainError> {
        let azure_subscriptions: Vec<AzureSubscriptionRef> = self
            .subscriptions(id)?
            .iter()
            .filter(|s| s.is_active_azure())
            .flat_map(|s| {
                s.azure_subscription_ids.iter().map(|azure_id| AzureSubscriptionRef {
                    subscription_id: s.id,
                    offer: s.offer,
                    friendly_name: s.friendly_name.clone(),
                    azure_subscription_id: *azure_id,
                })
            })
            .collect();
        let owners = self
            .customer_users(id)?
            .iter()
            .filter(|user| {
                azure_subscriptions.iter().any(|sub| {
                    self.role_assignments(&sub.azure_subscription_id).iter().any(|a| {
                        a.role == AzureRole::Owner
                            && a.user_principal_name == user.user_principal_name
                    })
                })
            })
            .cloned()
            .collect();
        Ok(Readiness { azure_subscriptions, owners })
    }

    /// The customer's policy, or `None` while no permission is granted.
    pub fn policy(&self, id: &CustomerId) -> Result<Option<&SelfServePolicy>, DomainError> {
        self.customer(id)?;
        Ok(self.policies.get(id))
    }

    /// The permissions granted to the customer (empty: all Off).
    pub fn granted(&self, id: &CustomerId) -> Result<PermissionSet, DomainError> {
        self.customer(id)?;
        Ok(self.permissions(id))
    }

    fn permissions(&self, id: &CustomerId) -> PermissionSet {
        self.policies.get(id).map(|p| p.permissions.clone()).unwrap_or_default()
    }

    /// Activity records dated from `from` to `to` (both included, UTC), newest first.
    pub fn activity(&self, from: Date, to: Date) -> Vec<ActivityRecord> {
        let mut records: Vec<ActivityRecord> = self
            .activity
            .iter()
            .filter(|r| (from..=to).contains(&r.at.date()))
            .cloned()
            .collect();
        records.sort_unstable_by_key(|r| std::cmp::Reverse((r.at, r.id)));
        records
    }

    /// Turns one permission On (`allowed`) or Off for a customer, as the Account page's
    /// switch does.
    pub fn set_permission(
        &mut self,
        actor: &PartnerUserId,
        customer: &CustomerId,
        permission: Permission,
        allowed: bool,
        clock: &dyn Clock,
    ) -> Result<PolicyChange, DomainError> {
        let wanted = self.permissions_with(actor, customer, permission, allowed)?;
        self.apply_permissions(actor, customer, wanted, None, clock)
    }

    /// The customer's permissions with `permission` turned On or Off, if `actor` may do so.
    fn permissions_with(
        &self,
        actor: &PartnerUserId,
        customer: &CustomerId,
        permission: Permission,
        allowed: bool,
    ) -> Result<PermissionSet, DomainError> {
        self.authorize_change(actor)?;
        Ok(with_permission(self.granted(customer)?, permission, allowed))
    }

    /// Makes `wanted` the customer's whole set of permissions. With `expected_etag`, the
    /// change is refused as [`DomainError::StaleEtag`] unless the policy is still the one
    /// the caller read (an absent policy matches no etag).
    ///
    /// Only an Admin agent may do this. A request that changes nothing logs nothing; every
    /// real change gets a new etag and one Activity log record.
    pub fn apply_permissions(
        &mut self,
        actor: &PartnerUserId,
        customer: &CustomerId,
        wanted: PermissionSet,
        expected_etag: Option<&Etag>,
        clock: &dyn Clock,
    ) -> Result<PolicyChange, DomainError> {
        self.authorize_change(actor)?;
        let current = self.policy(customer)?;
        if let Some(expected) = expected_etag {
            if current.map(|p| &p.etag) != Some(expected) {
                return Err(DomainError::StaleEtag);
            }
        }
        let old = current.map(|p| p.permissions.clone()).unwrap_or_default();
        let record = self.commit(actor, *customer, old, wanted, clock.now());
        Ok(PolicyChange { policy: self.policies.get(customer).cloned(), record })
    }

    /// Creates a customer (Admin and Sales agents only). Its primary domain must be free.
    /// It starts with no subscriptions, no users and every permission Off.
    pub fn create_customer(&mut self, actor: &PartnerUserId, new: NewCustomer) -> Result<Customer, DomainError> {
        self.authorize_create_customer(actor)?;
        if self.customers.iter().any(|c| c.domain.eq_ignore_ascii_case(new.domain())) {
            return Err(DomainError::DomainTaken(new.domain().to_string()));
        }
        // A fresh, repeatable id: the same creations give the same ids on every replay.
        let mut rng = crate::rng::DemoRng::new(0xc0ffee_u64 ^ (self.customers.len() as u64).rotate_left(32));
        let id = loop {
            let id = CustomerId::from_uuid(rng.uuid());
            if !self.index.contains_key(&id) {
                break id;
            }
        };
        let customer = new.into_customer(id);
        let key = sort_key(&customer);
        let at = self.customers.partition_point(|c| sort_key(c) < key);
        self.search_keys.insert(at, search_key(&customer));
        self.customers.insert(at, customer.clone());
        self.reindex_from(at);
        self.added_customers.push(id);
        Ok(customer)
    }

    /// The positions in `index` of the customers from `at` on, after one was inserted or
    /// removed there.
    fn reindex_from(&mut self, at: usize) {
        for (i, c) in self.customers.iter().enumerate().skip(at) {
            self.index.insert(c.id, i);
        }
    }

    /// Whether `actor` may create customers: `Ok` for an Admin or Sales agent,
    /// [`DomainError::NotAllowedToCreateCustomers`] or [`DomainError::UnknownPartnerUser`]
    /// otherwise.
    pub fn authorize_create_customer(&self, actor: &PartnerUserId) -> Result<&PartnerUser, DomainError> {
        let user = self.partner_user(actor)?;
        if user.role.may_create_customers() {
            Ok(user)
        } else {
            Err(DomainError::NotAllowedToCreateCustomers { user: user.id.clone(), role: user.role })
        }
    }

    /// Whether `actor` may change customer permissions: `Ok` for an Admin agent,
    /// [`DomainError::NotAdminAgent`] or [`DomainError::UnknownPartnerUser`] otherwise.
    pub fn authorize_change(&self, actor: &PartnerUserId) -> Result<&PartnerUser, DomainError> {
        let user = self.partner_user(actor)?;
        if user.role.may_change_customer_permissions() {
            Ok(user)
        } else {
            Err(DomainError::NotAdminAgent { user: user.id.clone(), role: user.role })
        }
    }

    /// Stores `new` as the customer's permissions and logs the change, if there is one.
    /// Callers have checked the actor and the customer.
    fn commit(
        &mut self,
        actor: &PartnerUserId,
        customer_id: CustomerId,
        old: PermissionSet,
        new: PermissionSet,
        at: OffsetDateTime,
    ) -> Option<ActivityRecord> {
        let action = ActivityAction::for_change(&old, &new)?;
        if new.is_empty() {
            self.policies.remove(&customer_id);
        } else {
            let etag = Etag::from_counter(self.next_etag, &customer_id);
            self.next_etag += 1;
            self.policies
                .insert(customer_id, SelfServePolicy { customer_id, permissions: new.clone(), etag });
        }
        let customer_name =
            self.customer(&customer_id).map(|c| c.company_name.clone()).unwrap_or_default();
        let record = ActivityRecord {
            id: self.next_record_id,
            at,
            customer_id,
            customer_name,
            action,
            partner_user: actor.clone(),
            old_value: old,
            new_value: new,
        };
        self.next_record_id += 1;
        self.activity.push(record.clone());
        Some(record)
    }
}

/// Listing every policy, and the counters a saved store keeps.
impl PartnerStore {
    /// Every policy (customers with at least one permission), by customer id.
    pub fn policies(&self) -> Vec<&SelfServePolicy> {
        let mut policies: Vec<_> = self.policies.values().collect();
        policies.sort_unstable_by_key(|p| p.customer_id);
        policies
    }

    /// The next etag counter and the next Activity record id, as a snapshot holds them.
    pub fn counters(&self) -> (u64, u64) {
        (self.next_etag, self.next_record_id)
    }
}

/// Changes that count only once their caller has kept them: the web app's embedded store
/// saves to localStorage, the mock API to SQLite. After a real change, `keep` gets the store
/// and the change to save them; when it fails, the store is put back exactly as it was
/// (policy, Activity log, counters) and `keep`'s error is returned, so memory never holds a
/// change that storage does not. A request that changes nothing is not given to `keep`.
impl PartnerStore {
    /// [`PartnerStore::set_permission`], kept by `keep`.
    pub fn set_permission_kept<E: From<DomainError>>(
        &mut self,
        actor: &PartnerUserId,
        customer: &CustomerId,
        permission: Permission,
        allowed: bool,
        clock: &dyn Clock,
        keep: impl FnOnce(&Self, &PolicyChange) -> Result<(), E>,
    ) -> Result<PolicyChange, E> {
        let wanted = self.permissions_with(actor, customer, permission, allowed)?;
        self.apply_permissions_kept(actor, customer, wanted, None, clock, keep)
    }

    /// [`PartnerStore::apply_permissions`], kept by `keep`.
    pub fn apply_permissions_kept<E: From<DomainError>>(
        &mut self,
        actor: &PartnerUserId,
        customer: &CustomerId,
        wanted: PermissionSet,
        expected_etag: Option<&Etag>,
        clock: &dyn Clock,
        keep: impl FnOnce(&Self, &PolicyChange) -> Result<(), E>,
    ) -> Result<PolicyChange, E> {
        let undo = self.undo_point(customer);
        let change = self.apply_permissions(actor, customer, wanted, expected_etag, clock)?;
        self.keep_or_undo(change, undo, keep)
    }

    /// [`PartnerStore::create_customer`], kept by `keep`: if it fails, the customer is gone
    /// again.
    pub fn create_customer_kept<E: From<DomainError>>(
        &mut self,
        actor: &PartnerUserId,
        new: NewCustomer,
        keep: impl FnOnce(&Self, &Customer) -> Result<(), E>,
    ) -> Result<Customer, E> {
        let customer = self.create_customer(actor, new)?;
        if let Err(error) = keep(self, &customer) {
            self.undo_create_customer(&customer.id);
            return Err(error);
        }
        Ok(customer)
    }

    fn undo_point(&self, customer: &CustomerId) -> UndoPoint {
        UndoPoint {
            customer: *customer,
            policy: self.policies.get(customer).cloned(),
            next_etag: self.next_etag,
            next_record_id: self.next_record_id,
        }
    }

    fn keep_or_undo<E>(
        &mut self,
        change: PolicyChange,
        undo: UndoPoint,
        keep: impl FnOnce(&Self, &PolicyChange) -> Result<(), E>,
    ) -> Result<PolicyChange, E> {
        if change.record.is_none() {
            return Ok(change);
        }
        if let Err(error) = keep(self, &change) {
            self.undo(undo);
            return Err(error);
        }
        Ok(change)
    }

    /// Puts the customer's policy, the Activity log and the counters back as `point` saw them.
    fn undo(&mut self, point: UndoPoint) {
        match point.policy {
            Some(policy) => self.policies.insert(point.customer, policy),
            None => self.policies.remove(&point.customer),
        };
        self.activity.retain(|r| r.id < point.next_record_id);
        self.next_etag = point.next_etag;
        self.next_record_id = point.next_record_id;
    }

    /// Takes back the customer [`PartnerStore::create_customer`] just made.
    fn undo_create_customer(&mut self, id: &CustomerId) {
        if let Some(at) = self.index.get(id).copied() {
            self.customers.remove(at);
            self.search_keys.remove(at);
            self.index.remove(id);
            self.reindex_from(at);
            self.added_customers.retain(|added| added != id);
        }
    }
}

/// What [`PartnerStore::undo`] needs to take a permission change back.
struct UndoPoint {
    customer: CustomerId,
    policy: Option<SelfServePolicy>,
    next_etag: u64,
    next_record_id: u64,
}
