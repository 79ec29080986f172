//! `GET /v1/customers/{id}/subscriptions/{subscriptionId}/azureEntitlements`: the Azure
//! subscriptions under an Azure plan (or an Azure Global subscription).

use domain::{AzureSubscriptionId, CustomerId, SubscriptionId};
use serde::{Deserialize, Serialize};

use crate::subscription::SubscriptionStatus;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct AzureEntitlement {
    /// The Azure subscription's id.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub id: AzureSubscriptionId,
    /// e.g. `Azure subscription 1`.
    pub friendly_name: String,
    /// The status of the subscription it is under.
    pub status: SubscriptionStatus,
    /// The Partner Center subscription it is under.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub subscription_id: SubscriptionId,
}

impl AzureEntitlement {
    pub fn from_domain(entitlement: &domain::AzureEntitlement) -> Self {
        Self {
            id: entitlement.id,
            friendly_name: entitlement.friendly_name.clone(),
            status: entitlement.status.into(),
            subscription_id: entitlement.subscription_id,
        }
    }

    pub fn into_domain(self) -> domain::AzureEntitlement {
        domain::AzureEntitlement {
            id: self.id,
            friendly_name: self.friendly_name,
            status: self.status.into(),
            subscription_id: self.subscription_id,
        }
    }
}

/// `/v1/customers/{id}/subscriptions/{subscriptionId}/azureEntitlements`.
pub fn azure_entitlements_path(customer: &CustomerId, subscription: &SubscriptionId) -> String {
    format!("/v1/customers/{customer}/subscriptions/{subscription}/azureEntitlements")
}
