//! `GET /v1/customers/{id}/readiness` (this API's addition): whether a purchase by the
//! customer would go through today.

use domain::{AzureSubscriptionId, CustomerId, CustomerUserId, Offer, SubscriptionId};
use serde::{Deserialize, Serialize};

use crate::Attributes;

/// An active Azure subscription the customer could buy for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ReadinessSubscription {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub subscription_id: SubscriptionId,
    pub offer_id: String,
    pub offer_name: String,
    pub friendly_name: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub azure_subscription_id: AzureSubscriptionId,
}

/// A customer user with Owner on one of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ReadinessOwner {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub id: CustomerUserId,
    pub user_principal_name: String,
    pub display_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub customer_id: CustomerId,
    /// An active Azure plan or Azure Global subscription exists.
    pub has_azure_subscription: bool,
    /// A customer user holds Owner on one of its Azure subscriptions.
    pub has_owner: bool,
    /// Both: a purchase by one of the owners would go through.
    pub is_ready: bool,
    pub azure_subscriptions: Vec<ReadinessSubscription>,
    pub owners: Vec<ReadinessOwner>,
    /// `CustomerPurchaseReadiness`.
    pub attributes: Attributes,
}

impl Readiness {
    pub fn from_domain(customer: CustomerId, r: &domain::Readiness) -> Self {
        Self {
            customer_id: customer,
            has_azure_subscription: r.has_azure_subscription(),
            has_owner: r.has_owner(),
            is_ready: r.is_ready(),
            azure_subscriptions: r
                .azure_subscriptions
                .iter()
                .map(|s| ReadinessSubscription {
                    subscription_id: s.subscription_id,
                    offer_id: s.offer.offer_id().to_string(),
                    offer_name: s.offer.offer_name().to_string(),
                    friendly_name: s.friendly_name.clone(),
                    azure_subscription_id: s.azure_subscription_id,
                })
                .collect(),
            owners: r
                .owners
                .iter()
                .map(|u| ReadinessOwner { id: u.id, user_principal_name: u.user_principal_name.clone(), display_name: u.display_name.clone() })
                .collect(),
            attributes: Attributes::of("CustomerPurchaseReadiness"),
        }
    }

    /// The readiness as the domain has it (subscriptions of offers this product does not
    /// know are left out).
    pub fn into_domain(self) -> domain::Readiness {
        let customer = self.customer_id;
        domain::Readiness {
            azure_subscriptions: self
                .azure_subscriptions
                .into_iter()
                .filter_map(|s| {
                    Some(domain::AzureSubscriptionRef {
                        subscription_id: s.subscription_id,
                        offer: Offer::from_offer_id(&s.offer_id)?,
                        friendly_name: s.friendly_name,
                        azure_subscription_id: s.azure_subscription_id,
                    })
                })
                .collect(),
            owners: self
                .owners
                .into_iter()
                .map(|o| domain::CustomerUser {
                    id: o.id,
                    customer_id: customer,
                    user_principal_name: o.user_principal_name,
                    display_name: o.display_name,
                    first_name: String::new(),
                    last_name: String::new(),
                    state: domain::UserState::Active,
                })
                .collect(),
        }
    }
}
