//! `GET /subscriptions` and `GET /subscriptions/{azureSubscriptionId}`: Azure subscriptions
//! as Azure Resource Manager lists them, with who holds which role on each (this API's
//! addition). A customer user sees their own company's; a partner user any customer's.

use domain::{AzureSubscriptionId, AzureSubscriptionView, CustomerId, Offer, SubscriptionStatus};
use serde::{Deserialize, Serialize};

use crate::arm::subscription_scope;
use crate::role_assignment::RoleAssignmentResource;

/// Azure's `state` of a subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum SubscriptionState {
    /// Active.
    Enabled,
    /// Suspended.
    Disabled,
    Deleted,
}

impl From<SubscriptionStatus> for SubscriptionState {
    fn from(status: SubscriptionStatus) -> Self {
        match status {
            SubscriptionStatus::Active => Self::Enabled,
            SubscriptionStatus::Suspended => Self::Disabled,
            SubscriptionStatus::Deleted => Self::Deleted,
        }
    }
}

impl From<SubscriptionState> for SubscriptionStatus {
    fn from(state: SubscriptionState) -> Self {
        match state {
            SubscriptionState::Enabled => Self::Active,
            SubscriptionState::Disabled => Self::Suspended,
            SubscriptionState::Deleted => Self::Deleted,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ArmSubscription {
    /// `/subscriptions/{subscriptionId}`.
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub subscription_id: AzureSubscriptionId,
    /// e.g. `Azure subscription 1`.
    pub display_name: String,
    pub state: SubscriptionState,
    /// The customer's tenant (Microsoft ID).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub tenant_id: CustomerId,
    /// The Partner Center offer it is under: `DZH318Z0BPS6` (Azure plan) or `MS-AZR-0145P`
    /// (Azure Global) (this API's addition).
    pub offer_id: String,
    /// Who holds which role on it (this API's addition).
    pub role_assignments: Vec<RoleAssignmentResource>,
}

impl ArmSubscription {
    pub fn from_domain(view: &AzureSubscriptionView) -> Self {
        Self {
            id: subscription_scope(&view.azure_subscription_id),
            subscription_id: view.azure_subscription_id,
            display_name: view.name.clone(),
            state: view.status.into(),
            tenant_id: view.customer_id,
            offer_id: view.offer.offer_id().to_string(),
            role_assignments: view.assignments.iter().map(|(a, u)| RoleAssignmentResource::from_domain(a, u)).collect(),
        }
    }

    /// The subscription as the domain has it; `None` for an offer this product does not
    /// know, or an assignment that cannot be read.
    pub fn into_domain(self) -> Option<AzureSubscriptionView> {
        let customer = self.tenant_id;
        Some(AzureSubscriptionView {
            customer_id: customer,
            azure_subscription_id: self.subscription_id,
            name: self.display_name,
            offer: Offer::from_offer_id(&self.offer_id)?,
            status: self.state.into(),
            assignments: self.role_assignments.into_iter().map(|a| a.into_domain(customer)).collect::<Option<_>>()?,
        })
    }
}

/// `/subscriptions/{id}`.
pub fn subscription_path(azure: &AzureSubscriptionId) -> String {
    subscription_scope(azure)
}
