//! Orders: what was bought for a customer, by the partner or by the customer on their own,
//! always billed to the partner. Partner Center's order history does not say who placed an
//! order; ours does, so a partner can tell self-service purchases apart.

mod azure_plan;
mod demo_orders;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::caller::Caller;
use crate::error::DomainError;
use crate::ids::{CustomerId, CustomerUpn, OrderId, PartnerUserId, SubscriptionId};
use crate::money::Usd;
use crate::store::PartnerStore;

pub use azure_plan::{azure_subscription_name, AzureEntitlement, AzurePlanOrder, CartItem, AZURE_PLAN_CATALOG_ITEM_ID};

/// Partner Center's `billingCycle` of an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BillingCycle {
    Monthly,
    OneTime,
    /// Usage-based: billed by what is used (the Azure plan itself).
    None,
}

impl BillingCycle {
    pub const ALL: [BillingCycle; 3] = [Self::Monthly, Self::OneTime, Self::None];

    /// The wire name: `monthly`, `one_time`, `none`.
    pub fn wire_name(self) -> &'static str {
        match self {
            Self::Monthly => "monthly",
            Self::OneTime => "one_time",
            Self::None => "none",
        }
    }

    pub fn from_wire_name(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.wire_name().eq_ignore_ascii_case(text.trim()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrderStatus {
    Pending,
    Completed,
    Cancelled,
}

impl OrderStatus {
    /// The wire name: `pending`, `completed`, `cancelled`.
    pub fn wire_name(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Completed => "completed",
            Self::Cancelled => "cancelled",
        }
    }
}

/// Who placed an order. Either way the partner is billed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlacedBy {
    Partner(PartnerUserId),
    Customer(CustomerUpn),
}

impl PlacedBy {
    pub fn user_principal_name(&self) -> &str {
        match self {
            Self::Partner(id) => id.as_str(),
            Self::Customer(upn) => upn.as_str(),
        }
    }

    /// The person who placed it, as every read and change names people.
    pub fn caller(&self) -> Caller {
        match self {
            Self::Partner(id) => Caller::Partner(id.clone()),
            Self::Customer(upn) => Caller::Customer(upn.clone()),
        }
    }
}

/// What kind of product a line item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProductKind {
    AzurePlan,
    License,
    Reservation,
    SavingsPlan,
}

/// One line of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLineItem {
    pub line_item_number: u32,
    pub kind: ProductKind,
    /// Partner Center's `offerId` (product and SKU, e.g. `DZH318Z0BPS6:0001`).
    pub offer_id: String,
    /// The subscription it created, if any.
    pub subscription_id: Option<SubscriptionId>,
    /// The product's own name, the same in every language.
    pub friendly_name: String,
    pub quantity: u32,
    /// `P1M`, `P1Y`, `P3Y`; `None` for the Azure plan.
    pub term_duration: Option<String>,
    /// Partner Center's string map (`scope`, `subscriptionId`, `duration`, ...).
    pub provisioning_context: Vec<(String, String)>,
    /// What the partner is billed for this line over its whole term (zero for usage).
    pub total: Usd,
}

/// A Partner Center order. The partner is billed for it, whoever placed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: OrderId,
    pub customer_id: CustomerId,
    #[serde(with = "time::serde::timestamp")]
    pub creation_date: OffsetDateTime,
    pub billing_cycle: BillingCycle,
    pub status: OrderStatus,
    pub line_items: Vec<OrderLineItem>,
    pub placed_by: PlacedBy,
}

impl Order {
    /// What the partner is billed for the whole order.
    pub fn total(&self) -> Usd {
        self.line_items.iter().fold(Usd::ZERO, |sum, item| sum.plus(item.total))
    }

    pub fn currency_code(&self) -> &'static str {
        Usd::CURRENCY_CODE
    }
}

/// Reading orders.
impl PartnerStore {
    /// Every order of the customer, the partner's and the customer's own, newest first
    /// (`GET /v1/customers/{id}/orders`).
    pub fn orders(&self, caller: &PartnerUserId, customer: &CustomerId) -> Result<Vec<Order>, DomainError> {
        self.check_customer(caller, customer)?;
        let mut orders = self.demo_orders_of(customer);
        orders.extend(self.orders.get(customer).into_iter().flatten().cloned());
        // Newest first; of two at the same second, the one placed later.
        orders.reverse();
        orders.sort_by_key(|o| std::cmp::Reverse(o.creation_date));
        Ok(orders)
    }

    /// One order of the customer (`GET /v1/customers/{id}/orders/{orderId}`).
    pub fn order(&self, caller: &PartnerUserId, customer: &CustomerId, id: &OrderId) -> Result<Order, DomainError> {
        self.orders(caller, customer)?.into_iter().find(|o| o.id == *id).ok_or(DomainError::UnknownOrder(*id))
    }
}
