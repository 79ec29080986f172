//! A change the rules allowed, as a value: what the caller keeps before it counts, and what
//! [`PartnerStore::apply`] then makes true in memory. The web app keeps each one as it is
//! (JSON in localStorage: `{"Permissions": {...}}`), so its shape is a saved format: add
//! variants, don't change them. (Externally tagged, serde's default: an internally tagged
//! enum costs the Wasm a generic buffering deserializer.)

use serde::{Deserialize, Serialize};

use crate::activity::ActivityRecord;
use crate::customers::Customer;
use crate::orders::AzurePlanOrder;
use crate::purchases::{
    BenefitExpiry, BenefitUpdate, CustomerRequest, NotificationsRead, Renewal, RequestDecline, ReservationExchange, ReservationPurchase, ReservationReturn,
    SavingsPlanPurchase,
};
use crate::subscriptions::RoleAssignmentChange;
use crate::demo_data::CustomerDetails;
use crate::ids::CustomerId;
use crate::permissions::{PermissionSet, SelfServePolicy};
use crate::store::PartnerStore;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// A customer's permissions changed, and the Activity log records it.
    Permissions(PermissionsChange),
    /// A customer was created (it starts with every permission Off).
    CustomerCreated(Customer),
    /// The partner bought an Azure plan for a customer.
    AzurePlanOrdered(AzurePlanOrder),
    /// A customer user was given an Azure role.
    RoleAssigned(RoleAssignmentChange),
    /// A customer user's Azure role was removed.
    RoleRemoved(RoleAssignmentChange),
    /// A customer user bought a reservation.
    ReservationPurchased(ReservationPurchase),
    /// A customer user bought a savings plan.
    SavingsPlanPurchased(SavingsPlanPurchase),
    /// The partner returned (cancelled) a reservation, or part of it, refunded.
    ReservationReturned(ReservationReturn),
    /// The partner exchanged a reservation for a new one.
    ReservationExchanged(ReservationExchange),
    /// The partner changed a purchase's auto-renew or name.
    BenefitUpdated(BenefitUpdate),
    /// A customer user asked the partner to exchange, cancel or renew a purchase.
    RequestMade(CustomerRequest),
    /// The partner declined a customer's request.
    RequestDeclined(RequestDecline),
    /// A purchase reached its expiry, and was renewed if its auto-renew was on.
    BenefitExpired(BenefitExpiry),
    /// A partner user marked notifications read (about no one customer).
    NotificationsRead(NotificationsRead),
}

impl Change {
    /// The Activity record the change adds, if any.
    pub fn record(&self) -> Option<&ActivityRecord> {
        match self {
            Self::Permissions(c) => Some(&c.record),
            Self::CustomerCreated(_) => None,
            Self::AzurePlanOrdered(c) => Some(&c.record),
            Self::RoleAssigned(c) | Self::RoleRemoved(c) => Some(&c.record),
            Self::ReservationPurchased(c) => Some(&c.record),
            Self::SavingsPlanPurchased(c) => Some(&c.record),
            Self::ReservationReturned(c) => Some(&c.record),
            Self::ReservationExchanged(c) => Some(&c.record),
            Self::BenefitUpdated(c) => Some(&c.record),
            Self::RequestMade(_) | Self::RequestDeclined(_) | Self::NotificationsRead(_) => None,
            Self::BenefitExpired(c) => match &c.renewal {
                Some(Renewal::Reservation(p)) => Some(&p.record),
                Some(Renewal::SavingsPlan(p)) => Some(&p.record),
                None => None,
            },
        }
    }

    /// The customer it is about; `None` for a change about no one customer (a partner user's
    /// notifications marked read).
    pub fn customer_id(&self) -> Option<CustomerId> {
        Some(match self {
            Self::Permissions(c) => c.customer_id,
            Self::CustomerCreated(c) => c.id,
            Self::AzurePlanOrdered(c) => c.order.customer_id,
            Self::RoleAssigned(c) | Self::RoleRemoved(c) => c.customer_id,
            Self::ReservationPurchased(c) => c.reservation.customer_id,
            Self::SavingsPlanPurchased(c) => c.savings_plan.customer_id,
            Self::ReservationReturned(c) => c.customer_id,
            Self::ReservationExchanged(c) => c.customer_id,
            Self::BenefitUpdated(c) => c.customer_id,
            Self::RequestMade(c) => c.customer_id,
            Self::RequestDeclined(c) => c.customer_id,
            Self::BenefitExpired(c) => c.customer_id,
            Self::NotificationsRead(_) => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermissionsChange {
    pub customer_id: CustomerId,
    /// The policy as it is after the change; `None` when no permission is left.
    pub policy: Option<SelfServePolicy>,
    pub record: ActivityRecord,
    /// The etag counter after the change.
    pub next_etag: u64,
}

impl PermissionsChange {
    /// The permissions granted after the change (empty: all Off).
    pub fn permissions(&self) -> PermissionSet {
        self.policy.as_ref().map(|p| p.permissions.clone()).unwrap_or_default()
    }
}

impl PartnerStore {
    /// Makes a decided change true in memory. Call it once the change is kept, in the order
    /// the changes were decided. A change that no longer fits (a saved change about a
    /// customer the demo data does not have) is ignored.
    pub fn apply(&mut self, change: Change) {
        match change {
            Change::Permissions(change) => {
                if !self.customers.contains(&change.customer_id) {
                    return;
                }
                match change.policy {
                    Some(policy) => self.policies.insert(change.customer_id, policy),
                    None => self.policies.remove(&change.customer_id),
                };
                self.next_etag = self.next_etag.max(change.next_etag);
                self.next_record_id = self.next_record_id.max(change.record.id + 1);
                self.add_record(change.record);
            }
            Change::CustomerCreated(customer) => {
                if self.customers.contains(&customer.id) || self.customers.has_domain(&customer.domain) {
                    return;
                }
                self.added_customers.push(customer.id);
                self.customers.insert(CustomerDetails::of_new(customer));
            }
            commerce => self.apply_commerce(commerce),
        }
    }

    /// Orders, Azure roles, purchases, requests and notifications read: kept as they are for
    /// the next snapshot.
    fn apply_commerce(&mut self, change: Change) {
        let Some(customer) = change.customer_id() else {
            if let Change::NotificationsRead(read) = &change {
                // A partner user the store does not have: nothing to read for.
                if self.partner_user(&read.user).is_err() {
                    return;
                }
                self.apply_notifications_read(read);
            }
            self.commerce.push(change);
            return;
        };
        if !self.customers.contains(&customer) {
            return;
        }
        match &change {
            Change::AzurePlanOrdered(c) => {
                let mut subscriptions = self.subscriptions_of(&customer).to_vec();
                subscriptions.push(c.subscription.clone());
                self.subscriptions.insert(customer, subscriptions);
                self.orders.entry(customer).or_default().push(c.order.clone());
            }
            Change::RoleAssigned(c) => {
                let mut assignments = self.role_assignments_of(&customer).to_vec();
                assignments.push(c.assignment.clone());
                self.role_assignments.insert(customer, assignments);
            }
            Change::RoleRemoved(c) => {
                let mut assignments = self.role_assignments_of(&customer).to_vec();
                assignments.retain(|a| a.id != c.assignment.id);
                self.role_assignments.insert(customer, assignments);
            }
            Change::ReservationPurchased(c) => self.add_reservation(c),
            Change::SavingsPlanPurchased(c) => self.add_savings_plan(c),
            Change::BenefitExpired(c) => self.apply_expiry(c),
            Change::ReservationReturned(_) | Change::ReservationExchanged(_) | Change::BenefitUpdated(_) => {
                self.apply_lifecycle(&change)
            }
            Change::RequestMade(_) | Change::RequestDeclined(_) => self.apply_requests(&change),
            Change::Permissions(_) | Change::CustomerCreated(_) | Change::NotificationsRead(_) => return,
        }
        if let Some(record) = change.record() {
            self.next_record_id = self.next_record_id.max(record.id + 1);
            self.add_record(record.clone());
        }
        self.commerce.push(change);
    }

    /// A record in the Activity log, which is kept in time order (a renewal is logged when it
    /// started, which may be before changes kept since).
    fn add_record(&mut self, record: ActivityRecord) {
        let at = self.activity.partition_point(|r| (r.at, r.id) <= (record.at, record.id));
        self.activity.insert(at, record);
    }

    /// A reservation bought, with the order the partner is billed by.
    pub(crate) fn add_reservation(&mut self, purchase: &ReservationPurchase) {
        let customer = purchase.reservation.customer_id;
        self.reservations.entry(customer).or_default().push(purchase.reservation.clone());
        self.orders.entry(customer).or_default().push(purchase.order.clone());
    }

    /// A savings plan bought, with the order the partner is billed by.
    pub(crate) fn add_savings_plan(&mut self, purchase: &SavingsPlanPurchase) {
        let customer = purchase.savings_plan.customer_id;
        self.savings_plans.entry(customer).or_default().push(purchase.savings_plan.clone());
        self.orders.entry(customer).or_default().push(purchase.order.clone());
    }
}
