//! Access control (IAM) of a customer's Azure subscriptions, in Azure Resource Manager's
//! shape: who holds which role, and the partner's Admin agents giving and removing roles
//! with their admin-on-behalf-of rights.

use api_types::role_assignment::NewRoleAssignment;
use api_types::endpoint::{CreateRoleAssignment, DeleteRoleAssignment, ReadAzureSubscription};
use async_trait::async_trait;
use domain::{AzureRole, AzureSubscriptionId, AzureSubscriptionView, Caller, CustomerUserId, RoleAssignmentId};

use super::{random_guid, unreadable, BackendError, EmbeddedStore, PartnerCenterApi};

#[async_trait(?Send)]
pub trait AzureAccess {
    /// An Azure subscription and its role assignments, to a partner user or to a user of
    /// the customer it belongs to.
    async fn azure_subscription(&self, caller: &Caller, azure: AzureSubscriptionId) -> Result<AzureSubscriptionView, BackendError>;

    /// Gives `user` the `role` on the Azure subscription (a new role assignment).
    async fn assign_role(
        &self,
        caller: &Caller,
        azure: AzureSubscriptionId,
        user: CustomerUserId,
        role: AzureRole,
    ) -> Result<(), BackendError>;

    /// Removes the role assignment `assignment` from the Azure subscription.
    async fn remove_role(&self, caller: &Caller, azure: AzureSubscriptionId, assignment: RoleAssignmentId) -> Result<(), BackendError>;
}

#[async_trait(?Send)]
impl AzureAccess for EmbeddedStore {
    async fn azure_subscription(&self, caller: &Caller, azure: AzureSubscriptionId) -> Result<AzureSubscriptionView, BackendError> {
        self.read(|store| store.azure_subscription(caller, &azure))
    }

    async fn assign_role(
        &self,
        caller: &Caller,
        azure: AzureSubscriptionId,
        user: CustomerUserId,
        role: AzureRole,
    ) -> Result<(), BackendError> {
        let partner = caller.partner()?;
        let id = RoleAssignmentId::from_uuid(random_guid());
        self.change(|store, clock| store.decide_assign_role(partner, &azure, id, &user, role, clock)).map(|_| ())
    }

    async fn remove_role(&self, caller: &Caller, azure: AzureSubscriptionId, assignment: RoleAssignmentId) -> Result<(), BackendError> {
        let partner = caller.partner()?;
        self.change(|store, clock| store.decide_remove_role(partner, &azure, &assignment, clock)).map(|_| ())
    }
}

#[async_trait(?Send)]
impl AzureAccess for PartnerCenterApi {
    async fn azure_subscription(&self, caller: &Caller, azure: AzureSubscriptionId) -> Result<AzureSubscriptionView, BackendError> {
        let found = self.call(caller, &ReadAzureSubscription { azure }).await?;
        found.into_domain().ok_or_else(unreadable)
    }

    /// `PUT …/roleAssignments/{a new GUID}`, as the Azure portal's "Review + assign" does.
    async fn assign_role(
        &self,
        caller: &Caller,
        azure: AzureSubscriptionId,
        user: CustomerUserId,
        role: AzureRole,
    ) -> Result<(), BackendError> {
        let id = RoleAssignmentId::from_uuid(random_guid());
        self.call(caller, &CreateRoleAssignment { azure, id, body: NewRoleAssignment::new(&azure, user, role) }).await?;
        Ok(())
    }

    async fn remove_role(&self, caller: &Caller, azure: AzureSubscriptionId, assignment: RoleAssignmentId) -> Result<(), BackendError> {
        self.call(caller, &DeleteRoleAssignment { azure, id: assignment }).await?;
        Ok(())
    }
}
