//! Whether a customer can actually use a purchase permission: it needs an active Azure plan
//! (or legacy Azure Global) subscription, and users holding Owner on it.

use serde::{Deserialize, Serialize};

use crate::customers::CustomerUser;
use crate::error::DomainError;
use crate::ids::{AzureSubscriptionId, CustomerId, PartnerUserId, SubscriptionId};
use crate::store::PartnerStore;
use crate::subscriptions::{AzureRole, Offer};

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

impl PartnerStore {
    /// Whether the customer has what a purchase needs: an active Azure subscription, and
    /// users with Owner on one.
    pub fn readiness(&self, caller: &PartnerUserId, id: &CustomerId) -> Result<Readiness, DomainError> {
        let azure_subscriptions: Vec<AzureSubscriptionRef> = self
            .subscriptions(caller, id)?
            .iter()
            .filter(|s| s.is_active_azure())
            .flat_map(|s| {
                s.azure_subscription_ids.iter().map(|azure_id| AzureSubscriptionRef {
                    subscription_id: s.id,
                    offer: s.offer,
                    friendly_name: s.friendly_name.clone(),
                    azure_subscription_id: *azure_id,
                })
            })
            .collect();
        let owners = self
            .users_of(id)
            .iter()
            .filter(|user| {
                self.role_assignments_of(id).iter().any(|a| {
                    a.role == AzureRole::Owner
                        && a.principal_id == user.id
                        && azure_subscriptions.iter().any(|sub| sub.azure_subscription_id == a.azure_subscription_id)
                })
            })
            .cloned()
            .collect();
        Ok(Readiness { azure_subscriptions, owners })
    }
}
