//! What an Activity record about an order or a role assignment says beyond its action.

use serde::{Deserialize, Serialize};

use crate::ids::{AzureSubscriptionId, CustomerUserId, OrderId, ReservationOrderId};
use crate::money::Usd;
use crate::purchases::BenefitId;
use crate::orders::{BillingCycle, Order, ProductKind};
use crate::subscriptions::AzureRole;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActivityDetail {
    /// An order: its id, what it bought and what the partner is billed.
    Order {
        order_id: OrderId,
        kind: ProductKind,
        offer_id: String,
        product: String,
        quantity: u32,
        billing_cycle: BillingCycle,
        total: Usd,
    },
    /// A role on an Azure subscription, given or removed.
    RoleAssignment {
        azure_subscription_id: AzureSubscriptionId,
        principal_id: CustomerUserId,
        /// The customer user's user principal name.
        principal_name: String,
        role: AzureRole,
    },
    /// A reservation returned (cancelled), all of it or part: before and after, and the refund.
    Return {
        reservation: ReservationOrderId,
        name: String,
        quantity_before: u32,
        quantity_after: u32,
        refund: Usd,
    },
    /// A reservation exchanged: what was returned (and its value, not counted as a refund)
    /// and the new reservation's order.
    Exchange {
        returned: ReservationOrderId,
        name: String,
        quantity_returned: u32,
        returned_value: Usd,
        new_reservation: ReservationOrderId,
        order_id: OrderId,
        product: String,
        quantity: u32,
        total: Usd,
    },
    /// A reservation's or savings plan's settings before and after.
    Settings {
        benefit: BenefitId,
        name_before: String,
        name_after: String,
        renew_before: bool,
        renew_after: bool,
    },
}

impl ActivityDetail {
    pub fn of_order(order: &Order) -> Self {
        let first = order.line_items.first();
        Self::Order {
            order_id: order.id,
            kind: first.map_or(ProductKind::License, |i| i.kind),
            offer_id: first.map(|i| i.offer_id.clone()).unwrap_or_default(),
            product: first.map(|i| i.friendly_name.clone()).unwrap_or_default(),
            quantity: first.map_or(0, |i| i.quantity),
            billing_cycle: order.billing_cycle,
            total: order.total(),
        }
    }
}
