//! Azure role assignments on a customer's Azure subscriptions (Access control (IAM)): who
//! may read them, and the partner's Admin agents giving and removing roles with their
//! admin-on-behalf-of rights.

use serde::{Deserialize, Serialize};

use crate::activity::{ActivityAction, ActivityDetail, ActivityRecord};
use crate::caller::Caller;
use crate::clock::Clock;
use crate::customers::CustomerUser;
use crate::error::DomainError;
use crate::ids::{AzureSubscriptionId, CustomerId, CustomerUserId, PartnerUserId, RoleAssignmentId};
use crate::orders::azure_subscription_name;
use crate::partner::PartnerUser;
use crate::store::{Change, PartnerStore};
use crate::subscriptions::{AzureRole, Offer, RoleAssignment, Subscription, SubscriptionStatus};

/// A role given or removed, and its Activity record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleAssignmentChange {
    pub customer_id: CustomerId,
    pub assignment: RoleAssignment,
    pub record: ActivityRecord,
}

/// An Azure subscription with who holds which role on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AzureSubscriptionView {
    pub customer_id: CustomerId,
    pub azure_subscription_id: AzureSubscriptionId,
    /// "Azure subscription 1", ...
    pub name: String,
    pub offer: Offer,
    /// Of the subscription it is under (Azure plan or Azure Global).
    pub status: SubscriptionStatus,
    /// Each assignment with its user (assignments of users no longer there are left out).
    pub assignments: Vec<(RoleAssignment, CustomerUser)>,
}

impl PartnerStore {
    /// Whether `actor` may give and remove Azure roles: only Admin agents act with
    /// admin-on-behalf-of rights in a customer's Azure subscriptions.
    pub fn authorize_manage_roles(&self, actor: &PartnerUserId) -> Result<&PartnerUser, DomainError> {
        let user = self.partner_user(actor)?;
        if user.role.may_change_customer_permissions() {
            Ok(user)
        } else {
            Err(DomainError::NotAllowedToManageRoles { user: user.id.clone(), role: user.role })
        }
    }

    /// The customer whose Azure subscription this is, and the subscription it is under. A
    /// customer user only finds their own company's: another's is unknown to them.
    pub(crate) fn find_azure_subscription(
        &self,
        caller: &Caller,
        azure: &AzureSubscriptionId,
    ) -> Result<(CustomerId, &Subscription, usize), DomainError> {
        let unknown = DomainError::UnknownAzureSubscription(*azure);
        let find_in = |customer: &CustomerId| {
            self.subscriptions_of(customer).iter().find_map(|s| {
                s.azure_subscription_ids.iter().position(|a| a == azure).map(|n| (*customer, s, n))
            })
        };
        match caller {
            Caller::Customer(upn) => {
                let (customer, _) = self.customer_user(upn)?;
                find_in(&customer.id).ok_or(unknown)
            }
            Caller::Partner(partner) => {
                self.partner_user(partner)?;
                self.subscriptions
                    .keys()
                    .find_map(&find_in)
                    .or_else(|| self.customers.ids().find_map(|c| find_in(&c)))
                    .ok_or(unknown)
            }
        }
    }

    /// An Azure subscription and its role assignments, for a partner user or for a user of
    /// the customer it belongs to.
    pub fn azure_subscription(&self, caller: &Caller, azure: &AzureSubscriptionId) -> Result<AzureSubscriptionView, DomainError> {
        let (customer_id, subscription, n) = self.find_azure_subscription(caller, azure)?;
        let users = self.users_of(&customer_id);
        let assignments = self
            .role_assignments_of(&customer_id)
            .iter()
            .filter(|a| a.azure_subscription_id == *azure)
            .filter_map(|a| users.iter().find(|u| u.id == a.principal_id).map(|u| (a.clone(), u.clone())))
            .collect();
        Ok(AzureSubscriptionView {
            customer_id,
            azure_subscription_id: *azure,
            name: azure_subscription_name(n),
            offer: subscription.offer,
            status: subscription.status,
            assignments,
        })
    }

    /// Decides giving `principal` the `role` on an Azure subscription, as the assignment
    /// `id` (Azure's `PUT …/roleAssignments/{id}`). `Ok(None)`: this very assignment exists
    /// already, nothing changes.
    pub fn decide_assign_role(
        &self,
        actor: &PartnerUserId,
        azure: &AzureSubscriptionId,
        id: RoleAssignmentId,
        principal: &CustomerUserId,
        role: AzureRole,
        clock: &dyn Clock,
    ) -> Result<Option<Change>, DomainError> {
        self.authorize_manage_roles(actor)?;
        let (customer_id, _, _) = self.find_azure_subscription(&Caller::Partner(actor.clone()), azure)?;
        let user = self
            .users_of(&customer_id)
            .iter()
            .find(|u| u.id == *principal)
            .ok_or(DomainError::UnknownPrincipal(*principal))?;
        let existing = self.role_assignments_of(&customer_id);
        if let Some(same_id) = existing.iter().find(|a| a.id == id) {
            return if same_id.azure_subscription_id == *azure && same_id.principal_id == *principal && same_id.role == role {
                Ok(None)
            } else {
                Err(DomainError::RoleAssignmentUpdateNotPermitted(id))
            };
        }
        if existing.iter().any(|a| a.azure_subscription_id == *azure && a.principal_id == *principal && a.role == role) {
            return Err(DomainError::RoleAssignmentExists);
        }
        let now = clock.now();
        let assignment = RoleAssignment { id, azure_subscription_id: *azure, principal_id: *principal, role, created_on: now };
        let detail = ActivityDetail::RoleAssignment {
            azure_subscription_id: *azure,
            principal_id: *principal,
            principal_name: user.user_principal_name.clone(),
            role,
        };
        let record = self.record(now, &customer_id, ActivityAction::CreateRoleAssignment, Caller::Partner(actor.clone()), Some(detail))?;
        Ok(Some(Change::RoleAssigned(RoleAssignmentChange { customer_id, assignment, record })))
    }

    /// Decides removing the role assignment `id` from an Azure subscription. `Ok(None)`: no
    /// such assignment, nothing changes (Azure answers 204).
    pub fn decide_remove_role(
        &self,
        actor: &PartnerUserId,
        azure: &AzureSubscriptionId,
        id: &RoleAssignmentId,
        clock: &dyn Clock,
    ) -> Result<Option<Change>, DomainError> {
        self.authorize_manage_roles(actor)?;
        let (customer_id, _, _) = self.find_azure_subscription(&Caller::Partner(actor.clone()), azure)?;
        let Some(assignment) =
            self.role_assignments_of(&customer_id).iter().find(|a| a.id == *id && a.azure_subscription_id == *azure)
        else {
            return Ok(None);
        };
        let principal_name = self
            .users_of(&customer_id)
            .iter()
            .find(|u| u.id == assignment.principal_id)
            .map(|u| u.user_principal_name.clone())
            .unwrap_or_default();
        let detail = ActivityDetail::RoleAssignment {
            azure_subscription_id: *azure,
            principal_id: assignment.principal_id,
            principal_name,
            role: assignment.role,
        };
        let record =
            self.record(clock.now(), &customer_id, ActivityAction::DeleteRoleAssignment, Caller::Partner(actor.clone()), Some(detail))?;
        Ok(Some(Change::RoleRemoved(RoleAssignmentChange { customer_id, assignment: assignment.clone(), record })))
    }
}
