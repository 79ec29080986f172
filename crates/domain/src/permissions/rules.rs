//! Who may change a customer's permissions, what a change is logged as, and how the etag
//! guards against changes made on an old copy.

use crate::activity::{ActivityAction, ActivityRecord};
use crate::clock::Clock;
use crate::error::DomainError;
use crate::ids::{CustomerId, Etag, PartnerUserId};
use crate::partner::PartnerUser;
use crate::permissions::{with_permission, Permission, PermissionSet, Precondition, SelfServePolicy};
use crate::store::{Change, PartnerStore, PermissionsChange};

impl PartnerStore {
    /// The customer's policy, or `None` while no permission is granted.
    pub fn policy(&self, caller: &PartnerUserId, id: &CustomerId) -> Result<Option<&SelfServePolicy>, DomainError> {
        self.check_customer(caller, id)?;
        Ok(self.policies.get(id))
    }

    /// The permissions granted to the customer (empty: all Off).
    pub fn granted(&self, caller: &PartnerUserId, id: &CustomerId) -> Result<PermissionSet, DomainError> {
        self.check_customer(caller, id)?;
        Ok(self.permissions_of(id))
    }

    pub(crate) fn permissions_of(&self, id: &CustomerId) -> PermissionSet {
        self.policies.get(id).map(|p| p.permissions.clone()).unwrap_or_default()
    }

    /// Every policy (customers with at least one permission), by customer id.
    pub fn policies(&self, caller: &PartnerUserId) -> Result<Vec<&SelfServePolicy>, DomainError> {
        self.partner_user(caller)?;
        let mut policies: Vec<_> = self.policies.values().collect();
        policies.sort_unstable_by_key(|p| p.customer_id);
        Ok(policies)
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

    /// Decides turning one permission On (`allowed`) or Off, as the Account page's switch
    /// does, whatever the policy's etag.
    pub fn decide_switch(
        &self,
        actor: &PartnerUserId,
        customer: &CustomerId,
        permission: Permission,
        allowed: bool,
        clock: &dyn Clock,
    ) -> Result<Option<Change>, DomainError> {
        self.authorize_change(actor)?;
        let wanted = with_permission(self.granted(actor, customer)?, permission, allowed);
        self.decide_permissions(actor, customer, wanted, Precondition::Any, clock)
    }

    /// Decides making `wanted` the customer's whole set of permissions, if the policy still
    /// is what `precondition` says the caller read.
    ///
    /// Only an Admin agent may do this. `Ok(None)`: the request changes nothing, so nothing
    /// is kept or logged. Every real change gets a new etag and one Activity log record.
    pub fn decide_permissions(
        &self,
        actor: &PartnerUserId,
        customer: &CustomerId,
        wanted: PermissionSet,
        precondition: Precondition,
        clock: &dyn Clock,
    ) -> Result<Option<Change>, DomainError> {
        self.authorize_change(actor)?;
        let current = self.policy(actor, customer)?;
        if !precondition.holds_for(current.map(|p| &p.etag)) {
            return Err(DomainError::StaleEtag);
        }
        let old = current.map(|p| p.permissions.clone()).unwrap_or_default();
        let Some(action) = ActivityAction::for_change(&old, &wanted) else {
            return Ok(None);
        };
        let mut next_etag = self.next_etag;
        let policy = (!wanted.is_empty()).then(|| {
            let etag = Etag::from_counter(next_etag, customer);
            next_etag += 1;
            SelfServePolicy { customer_id: *customer, permissions: wanted.clone(), etag }
        });
        let customer_name = self.customers.entry(customer)?.name().to_string();
        let record = ActivityRecord {
            id: self.next_record_id,
            at: clock.now(),
            customer_id: *customer,
            customer_name,
            action,
            partner_user: Some(actor.clone()),
            customer_user: None,
            old_value: old,
            new_value: wanted,
            detail: None,
        };
        Ok(Some(Change::Permissions(PermissionsChange { customer_id: *customer, policy, record, next_etag })))
    }
}
