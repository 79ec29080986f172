//! Whether a customer can actually use a purchase permission: it needs an active Azure plan
//! (or legacy Azure Global) subscription, and users holding Owner on it.

use serde::{Deserialize, Serialize};

use crate::ids::{AzureSubscriptionId, SubscriptionId};
use crate::model::{CustomerUser, Offer};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AzureSubscriptionRef {
    pub subscription_id: SubscriptionId,
    pub offer: Offer,
    pub friendly_name: String,
    pub azure_subscription_id: AzureSubscriptionId,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Readiness {
    /// Active Azure subscriptions the customer could buy for.
    pub azure_subscriptions: Vec<AzureSubscriptionRef>,
    /// Customer users who hold Owner on at least one of them.
    pub owners: Vec<CustomerUser>,
}

impl Readiness {
    pub fn has_azure_subscription(&self) -> bool {
        !self.azure_subscriptions.is_empty()
    }

    pub fn has_owner(&self) -> bool {
        !self.owners.is_empty()
    }

    /// Both preconditions hold: a purchase by one of the owners would go through.
    pub fn is_ready(&self) -> bool {
        self.has_azure_subscription() && self.has_owner()
    }
}
