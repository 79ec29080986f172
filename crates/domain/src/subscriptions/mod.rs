//! What the partner bought for a customer (Azure plan, Microsoft 365, ...), the Azure
//! subscriptions under it, who holds which Azure role on them, and so whether the customer
//! could buy reservations and savings plans today.

mod readiness;
mod role_assignments;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::error::DomainError;
use crate::ids::{AzureSubscriptionId, CustomerId, CustomerUserId, PartnerUserId, RoleAssignmentId, SubscriptionId};
use crate::store::PartnerStore;

pub use readiness::{AzureSubscriptionRef, Readiness};
pub use role_assignments::{AzureSubscriptionView, RoleAssignmentChange};

/// What a subscription is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Offer {
    /// The Azure plan (usage-based, holds Azure subscriptions).
    AzurePlan,
    /// The legacy Azure offer "Microsoft Azure" (MS-AZR-0145P), usage-based.
    AzureGlobal,
    Microsoft365BusinessStandard,
    Microsoft365E3,
    Dynamics365Sales,
}

impl Offer {
    pub const ALL: [Offer; 5] =
        [Self::AzurePlan, Self::AzureGlobal, Self::Microsoft365BusinessStandard, Self::Microsoft365E3, Self::Dynamics365Sales];

    /// The offer with this Partner Center `offerId`.
    pub fn from_offer_id(offer_id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.offer_id() == offer_id)
    }

    /// Partner Center's `offerId`.
    pub fn offer_id(self) -> &'static str {
        match self {
            Self::AzurePlan => "DZH318Z0BPS6",
            Self::AzureGlobal => "MS-AZR-0145P",
            Self::Microsoft365BusinessStandard => "CFQ7TTC0LDPB",
            Self::Microsoft365E3 => "CFQ7TTC0LFLX",
            Self::Dynamics365Sales => "CFQ7TTC0LH18",
        }
    }

    /// Partner Center's `offerName`: the product's own name, the same in every language.
    pub fn offer_name(self) -> &'static str {
        match self {
            Self::AzurePlan => "Azure plan",
            Self::AzureGlobal => "Microsoft Azure (Azure Global)",
            Self::Microsoft365BusinessStandard => "Microsoft 365 Business Standard",
            Self::Microsoft365E3 => "Microsoft 365 E3",
            Self::Dynamics365Sales => "Dynamics 365 Sales Enterprise",
        }
    }

    pub fn billing_type(self) -> BillingType {
        match self {
            Self::AzurePlan | Self::AzureGlobal => BillingType::Usage,
            _ => BillingType::License,
        }
    }

    /// An Azure plan or a legacy Azure Global subscription: what a customer needs to buy
    /// reservations and savings plans.
    pub fn is_azure(self) -> bool {
        matches!(self, Self::AzurePlan | Self::AzureGlobal)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SubscriptionStatus {
    Active,
    Suspended,
    Deleted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BillingType {
    Usage,
    License,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub id: SubscriptionId,
    pub customer_id: CustomerId,
    pub offer: Offer,
    pub friendly_name: String,
    pub quantity: u32,
    pub status: SubscriptionStatus,
    #[serde(with = "time::serde::timestamp")]
    pub creation_date: OffsetDateTime,
    /// For an Azure plan or Azure Global subscription: the Azure subscriptions under it.
    pub azure_subscription_ids: Vec<AzureSubscriptionId>,
}

impl Subscription {
    pub fn billing_type(&self) -> BillingType {
        self.offer.billing_type()
    }

    /// Counts towards readiness: an active Azure plan or Azure Global subscription.
    pub fn is_active_azure(&self) -> bool {
        self.offer.is_azure() && self.status == SubscriptionStatus::Active
    }

    /// An Azure plan the customer holds, active or suspended: while there is one, another
    /// cannot be bought (one per customer).
    pub fn is_held_azure_plan(&self) -> bool {
        self.offer == Offer::AzurePlan && self.status != SubscriptionStatus::Deleted
    }
}

/// Azure RBAC roles a customer user can hold on an Azure subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AzureRole {
    Owner,
    Contributor,
    Reader,
}

impl AzureRole {
    pub const ALL: [AzureRole; 3] = [Self::Owner, Self::Contributor, Self::Reader];

    /// Azure's built-in role definition id.
    pub fn role_definition_id(self) -> &'static str {
        match self {
            Self::Owner => "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
            Self::Contributor => "b24988ac-6180-42a0-ab88-20f7382dd24c",
            Self::Reader => "acdd72a7-3385-48ef-bd42-f606fba81ae7",
        }
    }

    /// Azure's role name (`roleName`), the same in every language.
    pub fn role_name(self) -> &'static str {
        match self {
            Self::Owner => "Owner",
            Self::Contributor => "Contributor",
            Self::Reader => "Reader",
        }
    }

    pub fn from_role_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.role_name().eq_ignore_ascii_case(name))
    }
}

/// "This customer user holds this role on this Azure subscription."
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleAssignment {
    /// The assignment's `name` in Azure Resource Manager.
    pub id: RoleAssignmentId,
    pub azure_subscription_id: AzureSubscriptionId,
    pub principal_id: CustomerUserId,
    pub role: AzureRole,
    #[serde(with = "time::serde::timestamp")]
    pub created_on: OffsetDateTime,
}

/// Reading subscriptions and Azure roles.
impl PartnerStore {
    pub fn subscriptions(&self, caller: &PartnerUserId, id: &CustomerId) -> Result<&[Subscription], DomainError> {
        self.check_customer(caller, id)?;
        Ok(self.subscriptions_of(id))
    }

    /// The customer's subscriptions: those the partner bought since, or the demo data's.
    pub(crate) fn subscriptions_of(&self, id: &CustomerId) -> &[Subscription] {
        if let Some(subscriptions) = self.subscriptions.get(id) {
            return subscriptions;
        }
        self.customers.entry(id).map(|e| e.details().subscriptions.as_slice()).unwrap_or(&[])
    }

    /// Who holds which role on the customer's Azure subscriptions: as changed since, or the
    /// demo data's.
    pub(crate) fn role_assignments_of(&self, id: &CustomerId) -> &[RoleAssignment] {
        if let Some(assignments) = self.role_assignments.get(id) {
            return assignments;
        }
        self.customers.entry(id).map(|e| e.details().role_assignments.as_slice()).unwrap_or(&[])
    }
}
