//! `GET /v1/customers/{id}/orders`: what was bought for a customer, by the partner or by a
//! customer user on their own, in Partner Center's order shape plus our `placedBy`.

use domain::{CustomerId, CustomerUpn, OrderId, PartnerUserId, SubscriptionId, Usd};
use serde::{Deserialize, Serialize};

use crate::datetime;
use crate::string_map::StringMap;

/// Partner Center's `billingCycle`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BillingCycleName {
    Monthly,
    OneTime,
    None,
}

impl From<domain::BillingCycle> for BillingCycleName {
    fn from(cycle: domain::BillingCycle) -> Self {
        match cycle {
            domain::BillingCycle::Monthly => Self::Monthly,
            domain::BillingCycle::OneTime => Self::OneTime,
            domain::BillingCycle::None => Self::None,
        }
    }
}

impl From<BillingCycleName> for domain::BillingCycle {
    fn from(cycle: BillingCycleName) -> Self {
        match cycle {
            BillingCycleName::Monthly => Self::Monthly,
            BillingCycleName::OneTime => Self::OneTime,
            BillingCycleName::None => Self::None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum OrderStatusName {
    Pending,
    Completed,
    Cancelled,
}

impl From<domain::OrderStatus> for OrderStatusName {
    fn from(status: domain::OrderStatus) -> Self {
        match status {
            domain::OrderStatus::Pending => Self::Pending,
            domain::OrderStatus::Completed => Self::Completed,
            domain::OrderStatus::Cancelled => Self::Cancelled,
        }
    }
}

impl From<OrderStatusName> for domain::OrderStatus {
    fn from(status: OrderStatusName) -> Self {
        match status {
            OrderStatusName::Pending => Self::Pending,
            OrderStatusName::Completed => Self::Completed,
            OrderStatusName::Cancelled => Self::Cancelled,
        }
    }
}

/// What kind of product a line item is (this API's addition).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ProductType {
    AzurePlan,
    License,
    Reservation,
    SavingsPlan,
}

impl From<domain::ProductKind> for ProductType {
    fn from(kind: domain::ProductKind) -> Self {
        match kind {
            domain::ProductKind::AzurePlan => Self::AzurePlan,
            domain::ProductKind::License => Self::License,
            domain::ProductKind::Reservation => Self::Reservation,
            domain::ProductKind::SavingsPlan => Self::SavingsPlan,
        }
    }
}

impl From<ProductType> for domain::ProductKind {
    fn from(kind: ProductType) -> Self {
        match kind {
            ProductType::AzurePlan => Self::AzurePlan,
            ProductType::License => Self::License,
            ProductType::Reservation => Self::Reservation,
            ProductType::SavingsPlan => Self::SavingsPlan,
        }
    }
}

/// Whether a partner user or a customer user placed the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum UserType {
    Partner,
    Customer,
}

/// Who placed the order (this API's addition: Partner Center does not say). The partner is
/// billed either way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PlacedBy {
    #[cfg_attr(feature = "openapi", schema(example = "meganb@contoso.onmicrosoft.com"))]
    pub user_principal_name: String,
    pub user_type: UserType,
}

impl PlacedBy {
    pub fn from_domain(by: &domain::PlacedBy) -> Self {
        match by {
            domain::PlacedBy::Partner(id) => Self { user_principal_name: id.as_str().to_string(), user_type: UserType::Partner },
            domain::PlacedBy::Customer(upn) => Self { user_principal_name: upn.as_str().to_string(), user_type: UserType::Customer },
        }
    }

    pub fn into_domain(self) -> domain::PlacedBy {
        match self.user_type {
            UserType::Partner => domain::PlacedBy::Partner(PartnerUserId::new(self.user_principal_name)),
            UserType::Customer => domain::PlacedBy::Customer(CustomerUpn::new(&self.user_principal_name)),
        }
    }
}

/// What a line costs, in `currencyCode` (US dollars).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Pricing {
    /// One unit over the whole term.
    pub list_price: f64,
    /// One unit over the whole term, as billed.
    pub price: f64,
    /// The whole line: `price` times `quantity`.
    pub extended_price: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OrderLineItem {
    pub line_item_number: u32,
    /// Product and SKU, e.g. `DZH318Z0BPS6:0001` (Azure plan).
    #[cfg_attr(feature = "openapi", schema(example = "DZH318Z0BPS6:0001"))]
    pub offer_id: String,
    /// The subscription the line created, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid, required = false))]
    pub subscription_id: Option<SubscriptionId>,
    pub friendly_name: String,
    pub quantity: u32,
    /// `P1M`, `P1Y`, `P3Y`; absent for the Azure plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false, example = "P1Y"))]
    pub term_duration: Option<String>,
    /// `New`.
    pub transaction_type: String,
    /// e.g. `{"scope": "shared", "subscriptionId": "…", "duration": "1Year"}`.
    #[cfg_attr(feature = "openapi", schema(value_type = std::collections::BTreeMap<String, String>))]
    pub provisioning_context: StringMap,
    pub pricing: Pricing,
    /// This API's addition.
    pub product_type: ProductType,
}

impl OrderLineItem {
    pub fn from_domain(item: &domain::OrderLineItem) -> Self {
        let total = item.total.as_dollars();
        let each = Usd::from_micros(item.total.micros() / u64::from(item.quantity.max(1))).as_dollars();
        Self {
            line_item_number: item.line_item_number,
            offer_id: item.offer_id.clone(),
            subscription_id: item.subscription_id,
            friendly_name: item.friendly_name.clone(),
            quantity: item.quantity,
            term_duration: item.term_duration.clone(),
            transaction_type: "New".to_string(),
            provisioning_context: StringMap(item.provisioning_context.clone()),
            pricing: Pricing { list_price: each, price: each, extended_price: total },
            product_type: item.kind.into(),
        }
    }

    /// `None` when the price is not an amount of dollars.
    pub fn into_domain(self) -> Option<domain::OrderLineItem> {
        Some(domain::OrderLineItem {
            line_item_number: self.line_item_number,
            kind: self.product_type.into(),
            offer_id: self.offer_id,
            subscription_id: self.subscription_id,
            friendly_name: self.friendly_name,
            quantity: self.quantity,
            term_duration: self.term_duration,
            provisioning_context: self.provisioning_context.0,
            total: Usd::from_dollars(self.pricing.extended_price)?,
        })
    }
}

/// `attributes` of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OrderAttributes {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub etag: Option<String>,
    /// `Order`.
    pub object_type: String,
}

/// A Partner Center order. The partner is billed for it, whoever placed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Order {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub id: OrderId,
    /// The customer's Microsoft ID.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub reference_customer_id: CustomerId,
    pub billing_cycle: BillingCycleName,
    /// `UserPurchase`.
    pub transaction_type: String,
    pub line_items: Vec<OrderLineItem>,
    /// `USD`.
    pub currency_code: String,
    /// `$`.
    pub currency_symbol: String,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-11-25T06:30:00Z"))]
    pub creation_date: String,
    pub status: OrderStatusName,
    /// What the partner is billed for the whole order.
    pub total_price: f64,
    pub placed_by: PlacedBy,
    pub attributes: OrderAttributes,
}

impl Order {
    pub fn from_domain(order: &domain::Order) -> Self {
        Self {
            id: order.id,
            reference_customer_id: order.customer_id,
            billing_cycle: order.billing_cycle.into(),
            transaction_type: "UserPurchase".to_string(),
            line_items: order.line_items.iter().map(OrderLineItem::from_domain).collect(),
            currency_code: order.currency_code().to_string(),
            currency_symbol: "$".to_string(),
            creation_date: datetime::format(order.creation_date),
            status: order.status.into(),
            total_price: order.total().as_dollars(),
            placed_by: PlacedBy::from_domain(&order.placed_by),
            attributes: OrderAttributes { etag: None, object_type: "Order".to_string() },
        }
    }

    /// The order as the domain has it; `None` when a date or an amount cannot be read.
    pub fn into_domain(self) -> Option<domain::Order> {
        Some(domain::Order {
            id: self.id,
            customer_id: self.reference_customer_id,
            creation_date: datetime::parse(&self.creation_date)?,
            billing_cycle: self.billing_cycle.into(),
            status: self.status.into(),
            line_items: self.line_items.into_iter().map(OrderLineItem::into_domain).collect::<Option<_>>()?,
            placed_by: self.placed_by.into_domain(),
        })
    }
}
