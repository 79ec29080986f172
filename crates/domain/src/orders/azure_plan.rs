//! Buying an Azure plan for a customer: Partner Center's cart with one line item, checked
//! out into an order that creates the Azure plan subscription and one Azure subscription
//! under it. One Azure plan per customer.

use serde::{Deserialize, Serialize};

use crate::activity::{ActivityAction, ActivityDetail, ActivityRecord};
use crate::clock::Clock;
use crate::error::{CartProblem, DomainError};
use crate::ids::{AzureSubscriptionId, CustomerId, OrderId, PartnerUserId, SubscriptionId};
use crate::money::Usd;
use crate::orders::{BillingCycle, Order, OrderLineItem, OrderStatus, PlacedBy, ProductKind};
use crate::partner::PartnerUser;
use crate::rng::DemoRng;
use crate::store::{Change, PartnerStore};
use crate::subscriptions::{Offer, Subscription, SubscriptionStatus};

/// The Azure plan's catalog item: product `DZH318Z0BPS6`, SKU `0001`, availability.
pub const AZURE_PLAN_CATALOG_ITEM_ID: &str = "DZH318Z0BPS6:0001:DZH318Z0BML6";

/// A line of a cart, as the partner asked for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CartItem {
    pub catalog_item_id: String,
    pub quantity: u32,
    pub billing_cycle: BillingCycle,
}

/// The order, the Azure plan subscription it created (with its first Azure subscription),
/// and the Activity record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AzurePlanOrder {
    pub order: Order,
    pub subscription: Subscription,
    pub record: ActivityRecord,
}

/// An Azure subscription under an Azure plan, as `…/azureEntitlements` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AzureEntitlement {
    pub id: AzureSubscriptionId,
    pub friendly_name: String,
    pub status: SubscriptionStatus,
    pub subscription_id: SubscriptionId,
}

impl PartnerStore {
    /// Whether `actor` may buy for customers: Admin and Sales agents.
    pub fn authorize_order(&self, actor: &PartnerUserId) -> Result<&PartnerUser, DomainError> {
        let user = self.partner_user(actor)?;
        if user.role.may_create_customers() {
            Ok(user)
        } else {
            Err(DomainError::NotAllowedToOrder { user: user.id.clone(), role: user.role })
        }
    }

    /// Checks a cart's line items before it is created: only the Azure plan can be bought
    /// here, once, with quantity 1 and billing cycle `one_time`.
    pub fn check_cart(&self, actor: &PartnerUserId, customer: &CustomerId, items: &[CartItem]) -> Result<(), DomainError> {
        self.authorize_order(actor)?;
        self.check_customer(actor, customer)?;
        let [item] = items else {
            return Err(DomainError::InvalidCart(if items.is_empty() { CartProblem::Empty } else { CartProblem::TooManyItems }));
        };
        if !item.catalog_item_id.trim().eq_ignore_ascii_case(AZURE_PLAN_CATALOG_ITEM_ID) {
            return Err(DomainError::InvalidCart(CartProblem::UnknownCatalogItem));
        }
        if item.quantity != 1 {
            return Err(DomainError::InvalidCart(CartProblem::QuantityNotOne));
        }
        if item.billing_cycle != BillingCycle::OneTime {
            return Err(DomainError::InvalidCart(CartProblem::BillingCycleNotOneTime));
        }
        Ok(())
    }

    /// Decides checking out a cart holding the Azure plan: the order, the Azure plan
    /// subscription and its first Azure subscription. Refused for Helpdesk agents and for a
    /// customer who already has an Azure plan (a suspended one too).
    pub fn decide_order_azure_plan(
        &self,
        actor: &PartnerUserId,
        customer: &CustomerId,
        items: &[CartItem],
        clock: &dyn Clock,
    ) -> Result<Change, DomainError> {
        self.check_cart(actor, customer, items)?;
        if self.subscriptions_of(customer).iter().any(Subscription::is_held_azure_plan) {
            return Err(DomainError::AzurePlanExists(*customer));
        }
        let now = clock.now();
        let mut rng = DemoRng::new(customer.as_uuid().as_u64_pair().1 ^ self.next_record_id.rotate_left(40) ^ 0xa2e_91a4);
        let subscription_id = SubscriptionId::from_uuid(rng.uuid());
        let order_id = OrderId::from_uuid(rng.uuid());
        let azure_id = AzureSubscriptionId::from_uuid(rng.uuid());
        let subscription = Subscription {
            id: subscription_id,
            customer_id: *customer,
            offer: Offer::AzurePlan,
            friendly_name: Offer::AzurePlan.offer_name().to_string(),
            quantity: 1,
            status: SubscriptionStatus::Active,
            creation_date: now,
            azure_subscription_ids: vec![azure_id],
        };
        let order = Order {
            id: order_id,
            customer_id: *customer,
            creation_date: now,
            billing_cycle: BillingCycle::OneTime,
            status: OrderStatus::Completed,
            line_items: vec![OrderLineItem {
                line_item_number: 0,
                kind: ProductKind::AzurePlan,
                offer_id: "DZH318Z0BPS6:0001".to_string(),
                subscription_id: Some(subscription_id),
                friendly_name: Offer::AzurePlan.offer_name().to_string(),
                quantity: 1,
                term_duration: None,
                provisioning_context: Vec::new(),
                total: Usd::ZERO,
            }],
            placed_by: PlacedBy::Partner(actor.clone()),
        };
        let record = self.record(
            now,
            customer,
            ActivityAction::CreateOrder,
            crate::caller::Caller::Partner(actor.clone()),
            Some(ActivityDetail::of_order(&order)),
        )?;
        Ok(Change::AzurePlanOrdered(AzurePlanOrder { order, subscription, record }))
    }

    /// The Azure subscriptions under one of the customer's subscriptions
    /// (`GET /v1/customers/{id}/subscriptions/{subscriptionId}/azureEntitlements`).
    pub fn azure_entitlements(
        &self,
        caller: &PartnerUserId,
        customer: &CustomerId,
        subscription: &SubscriptionId,
    ) -> Result<Vec<AzureEntitlement>, DomainError> {
        self.check_customer(caller, customer)?;
        let s = self
            .subscriptions_of(customer)
            .iter()
            .find(|s| s.id == *subscription)
            .ok_or(DomainError::UnknownSubscription(*subscription))?;
        Ok(s.azure_subscription_ids
            .iter()
            .enumerate()
            .map(|(n, id)| AzureEntitlement {
                id: *id,
                friendly_name: azure_subscription_name(n),
                status: s.status,
                subscription_id: s.id,
            })
            .collect())
    }
}

/// The name Azure gives the `n`th (from 0) Azure subscription under a plan.
pub fn azure_subscription_name(n: usize) -> String {
    format!("Azure subscription {}", n + 1)
}
