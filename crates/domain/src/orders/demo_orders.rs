//! The orders behind the demo data's subscriptions: each was bought by the partner when
//! the subscription was created. They are made from the subscriptions when read.

use uuid::Uuid;

use crate::ids::{CustomerId, OrderId, PartnerUserId};
use crate::money::Usd;
use crate::orders::{BillingCycle, Order, OrderLineItem, OrderStatus, PlacedBy, ProductKind};
use crate::store::PartnerStore;
use crate::subscriptions::Offer;

impl PartnerStore {
    /// One order per subscription of the demo data, placed by the partner's first Admin agent.
    pub(crate) fn demo_orders_of(&self, customer: &CustomerId) -> Vec<Order> {
        let Ok(entry) = self.customers.entry(customer) else {
            return Vec::new();
        };
        let by = self
            .partner_users
            .first()
            .map(|u| u.id.clone())
            .unwrap_or_else(|| PartnerUserId::new("admin"));
        entry
            .details()
            .subscriptions
            .iter()
            .map(|s| {
                let (kind, billing_cycle, term, monthly) = match s.offer {
                    Offer::AzurePlan | Offer::AzureGlobal => (ProductKind::AzurePlan, BillingCycle::OneTime, None, Usd::ZERO),
                    Offer::Microsoft365BusinessStandard => (ProductKind::License, BillingCycle::Monthly, Some("P1M"), Usd::from_cents(1250)),
                    Offer::Microsoft365E3 => (ProductKind::License, BillingCycle::Monthly, Some("P1M"), Usd::from_cents(3600)),
                    Offer::Dynamics365Sales => (ProductKind::License, BillingCycle::Monthly, Some("P1M"), Usd::from_cents(10500)),
                };
                Order {
                    // Made from the subscription's id, so it is the same on every read.
                    id: OrderId::from_uuid(Uuid::from_u128(s.id.as_uuid().as_u128() ^ 0x0bde_0000_0000_0000_0000_0000_0000_0000)),
                    customer_id: *customer,
                    creation_date: s.creation_date,
                    billing_cycle,
                    status: OrderStatus::Completed,
                    line_items: vec![OrderLineItem {
                        line_item_number: 0,
                        kind,
                        offer_id: s.offer.offer_id().to_string(),
                        subscription_id: Some(s.id),
                        friendly_name: s.offer.offer_name().to_string(),
                        quantity: s.quantity,
                        term_duration: term.map(str::to_string),
                        provisioning_context: Vec::new(),
                        total: monthly.times(u64::from(s.quantity)),
                    }],
                    placed_by: PlacedBy::Partner(by.clone()),
                }
            })
            .collect()
    }
}
