//! Who is who: the partner and its staff, customers, their users and subscriptions.

use std::fmt;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::ids::{AzureSubscriptionId, CustomerId, PartnerUserId, SubscriptionId};

/// The CSP partner whose staff use the product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partner {
    pub tenant_id: Uuid,
    pub company_name: String,
    pub domain: String,
}

/// A partner user's Partner Center role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartnerRole {
    AdminAgent,
    SalesAgent,
    HelpdeskAgent,
}

impl PartnerRole {
    pub const ALL: [PartnerRole; 3] = [Self::AdminAgent, Self::SalesAgent, Self::HelpdeskAgent];

    /// Only an Admin agent may turn customer permissions on or off.
    pub fn may_change_customer_permissions(self) -> bool {
        matches!(self, Self::AdminAgent)
    }

    /// Admin and Sales agents may create customers; Helpdesk agents may not.
    pub fn may_create_customers(self) -> bool {
        matches!(self, Self::AdminAgent | Self::SalesAgent)
    }
}

impl fmt::Display for PartnerRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::AdminAgent => "Admin agent",
            Self::SalesAgent => "Sales agent",
            Self::HelpdeskAgent => "Helpdesk agent",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerUser {
    pub id: PartnerUserId,
    pub display_name: String,
    pub role: PartnerRole,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub line1: String,
    pub city: String,
    pub postal_code: String,
    pub country: String,
}

/// Billing contact details, as on the customer's Account page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingProfile {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub culture: String,
    pub address: Address,
}

/// A customer (tenant) the partner resells to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub id: CustomerId,
    pub company_name: String,
    /// Primary domain, e.g. `contoso.onmicrosoft.com`.
    pub domain: String,
    pub billing: BillingProfile,
    /// Partner Center's `relationshipToPartner`, e.g. "reseller".
    pub relationship: String,
}

/// A person in the customer's tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerUser {
    pub customer_id: CustomerId,
    pub user_principal_name: String,
    pub display_name: String,
}

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

    /// Partner Center's `offerName`.
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

impl fmt::Display for SubscriptionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Active => "Active",
            Self::Suspended => "Suspended",
            Self::Deleted => "Deleted",
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BillingType {
    Usage,
    License,
}

impl fmt::Display for BillingType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Usage => "Usage-based",
            Self::License => "License-based",
        })
    }
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
}

/// Azure RBAC roles a customer user can hold on an Azure subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AzureRole {
    Owner,
    Contributor,
    Reader,
}

impl fmt::Display for AzureRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Owner => "Owner",
            Self::Contributor => "Contributor",
            Self::Reader => "Reader",
        })
    }
}

/// "This user holds this role on this Azure subscription."
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleAssignment {
    pub azure_subscription_id: AzureSubscriptionId,
    pub user_principal_name: String,
    pub role: AzureRole,
}
