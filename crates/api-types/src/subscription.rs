//! `GET /v1/customers/{id}/subscriptions`: what the partner bought for the customer.

use domain::{AzureSubscriptionId, CustomerId, Offer, SubscriptionId};
use serde::{Deserialize, Serialize};

use crate::{datetime, Attributes};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum SubscriptionStatus {
    Active,
    Suspended,
    Deleted,
}

impl From<domain::SubscriptionStatus> for SubscriptionStatus {
    fn from(status: domain::SubscriptionStatus) -> Self {
        match status {
            domain::SubscriptionStatus::Active => Self::Active,
            domain::SubscriptionStatus::Suspended => Self::Suspended,
            domain::SubscriptionStatus::Deleted => Self::Deleted,
        }
    }
}

impl From<SubscriptionStatus> for domain::SubscriptionStatus {
    fn from(status: SubscriptionStatus) -> Self {
        match status {
            SubscriptionStatus::Active => Self::Active,
            SubscriptionStatus::Suspended => Self::Suspended,
            SubscriptionStatus::Deleted => Self::Deleted,
        }
    }
}

/// `usage` (Azure plan, Azure Global) or `license` (seats).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum BillingType {
    Usage,
    License,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum UnitType {
    #[serde(rename = "Usage-based")]
    UsageBased,
    Licenses,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Subscription {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub id: SubscriptionId,
    /// e.g. `DZH318Z0BPS6` (Azure plan), `MS-AZR-0145P` (Azure Global).
    pub offer_id: String,
    pub offer_name: String,
    pub friendly_name: String,
    pub quantity: u32,
    pub unit_type: UnitType,
    pub status: SubscriptionStatus,
    pub billing_type: BillingType,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-09-01T08:00:00Z"))]
    pub creation_date: String,
    /// For an Azure plan: its first Azure subscription.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid, required = false))]
    pub entitlement_id: Option<AzureSubscriptionId>,
    /// The Azure subscriptions under an Azure plan or Azure Global subscription.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<uuid::Uuid>))]
    pub azure_subscription_ids: Vec<AzureSubscriptionId>,
    /// `Subscription`.
    pub attributes: Attributes,
}

impl Subscription {
    pub fn from_domain(s: &domain::Subscription) -> Self {
        let offer = s.offer;
        Self {
            id: s.id,
            offer_id: offer.offer_id().to_string(),
            offer_name: offer.offer_name().to_string(),
            friendly_name: s.friendly_name.clone(),
            quantity: s.quantity,
            unit_type: if offer.is_azure() { UnitType::UsageBased } else { UnitType::Licenses },
            status: s.status.into(),
            billing_type: match s.billing_type() {
                domain::BillingType::Usage => BillingType::Usage,
                domain::BillingType::License => BillingType::License,
            },
            creation_date: datetime::format(s.creation_date),
            entitlement_id: s.azure_subscription_ids.first().copied(),
            azure_subscription_ids: s.azure_subscription_ids.clone(),
            attributes: Attributes::of("Subscription"),
        }
    }

    /// The subscription as the domain has it; `None` for an offer this product does not know.
    pub fn into_domain(self, customer: CustomerId) -> Option<domain::Subscription> {
        Some(domain::Subscription {
            id: self.id,
            customer_id: customer,
            offer: Offer::from_offer_id(&self.offer_id)?,
            friendly_name: self.friendly_name,
            quantity: self.quantity,
            status: self.status.into(),
            creation_date: datetime::parse(&self.creation_date)?,
            azure_subscription_ids: self.azure_subscription_ids,
        })
    }
}
