//! A change the rules allowed, as a value: what the caller keeps before it counts, and what
//! [`PartnerStore::apply`] then makes true in memory. The web app keeps each one as it is
//! (JSON in localStorage: `{"Permissions": {...}}`), so its shape is a saved format: add
//! variants, don't change them. (Externally tagged, serde's default: an internally tagged
//! enum costs the Wasm a generic buffering deserializer.)

use serde::{Deserialize, Serialize};

use crate::activity::ActivityRecord;
use crate::customers::Customer;
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
                self.activity.push(change.record);
            }
            Change::CustomerCreated(customer) => {
                if self.customers.contains(&customer.id) || self.customers.has_domain(&customer.domain) {
                    return;
                }
                self.added_customers.push(customer.id);
                self.customers.insert(CustomerDetails::of_new(customer));
            }
        }
    }
}
