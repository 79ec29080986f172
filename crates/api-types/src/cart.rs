//! `POST /v1/customers/{id}/carts` and `…/carts/{cartId}/checkout`: how the partner buys
//! for a customer (here: the Azure plan), as in Partner Center.

use domain::orders::AZURE_PLAN_CATALOG_ITEM_ID;
use domain::{CartItem, CustomerId};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::order::{BillingCycleName, Order};
use crate::string_map::StringMap;
use crate::{datetime, Attributes};

/// How long a cart can be checked out: 7 days after it was created.
pub const CART_LIFETIME_DAYS: i64 = 7;

/// A line of a new cart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct NewCartLineItem {
    /// Product, SKU and availability; only the Azure plan, `DZH318Z0BPS6:0001:DZH318Z0BML6`,
    /// is sold here (any other: 422, code 900011).
    #[cfg_attr(feature = "openapi", schema(example = "DZH318Z0BPS6:0001:DZH318Z0BML6", max_length = 200))]
    pub catalog_item_id: String,
    /// 1 for the Azure plan.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10000, example = 1))]
    #[serde(deserialize_with = "crate::whole_number::u32")]
    pub quantity: u32,
    /// `one_time` for the Azure plan.
    pub billing_cycle: BillingCycleName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false, max_length = 10))]
    pub term_duration: Option<String>,
}

/// The body of `POST /v1/customers/{id}/carts`. (The example buys the Azure plan.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "lineItems": [ { "catalogItemId": "DZH318Z0BPS6:0001:DZH318Z0BML6", "quantity": 1, "billingCycle": "one_time" } ]
})))]
#[serde(rename_all = "camelCase")]
pub struct NewCart {
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub line_items: Vec<NewCartLineItem>,
}

impl NewCart {
    /// A cart holding the Azure plan, as Partner Center sells it.
    pub fn azure_plan() -> Self {
        Self {
            line_items: vec![NewCartLineItem {
                catalog_item_id: AZURE_PLAN_CATALOG_ITEM_ID.to_string(),
                quantity: 1,
                billing_cycle: BillingCycleName::OneTime,
                term_duration: None,
            }],
        }
    }

    /// The lines as the domain checks them.
    pub fn items(&self) -> Vec<CartItem> {
        self.line_items
            .iter()
            .map(|i| CartItem { catalog_item_id: i.catalog_item_id.clone(), quantity: i.quantity, billing_cycle: i.billing_cycle.into() })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CartLineItem {
    pub id: u32,
    pub catalog_item_id: String,
    pub quantity: u32,
    /// `USD`.
    pub currency_code: String,
    pub billing_cycle: BillingCycleName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub term_duration: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = std::collections::BTreeMap<String, String>))]
    pub provisioning_context: StringMap,
    /// The order the line goes into at checkout (`0`: the first).
    pub order_group: String,
}

/// `Active` until checked out, then `Ordered`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum CartStatus {
    Active,
    Ordered,
}

/// A cart: what the partner is about to buy for a customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Cart {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub id: Uuid,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-11-25T06:30:00Z"))]
    pub creation_timestamp: String,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-11-25T06:30:00Z"))]
    pub last_modified_timestamp: String,
    /// 7 days after creation: checking out later is refused (code 900027).
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-12-02T06:30:00Z"))]
    pub expiration_timestamp: String,
    /// The partner user who made it.
    pub last_modified_user: String,
    pub status: CartStatus,
    pub line_items: Vec<CartLineItem>,
    /// `Cart`.
    pub attributes: Attributes,
}

impl Cart {
    /// A new cart `id` holding `new`, made by `user` at `at`.
    pub fn new(id: Uuid, new: &NewCart, user: &str, at: OffsetDateTime) -> Self {
        Self {
            id,
            creation_timestamp: datetime::format(at),
            last_modified_timestamp: datetime::format(at),
            expiration_timestamp: datetime::format(at + time::Duration::days(CART_LIFETIME_DAYS)),
            last_modified_user: user.to_string(),
            status: CartStatus::Active,
            line_items: new
                .line_items
                .iter()
                .zip(0..)
                .map(|(item, id)| CartLineItem {
                    id,
                    catalog_item_id: item.catalog_item_id.clone(),
                    quantity: item.quantity,
                    currency_code: "USD".to_string(),
                    billing_cycle: item.billing_cycle,
                    term_duration: item.term_duration.clone(),
                    provisioning_context: StringMap::default(),
                    order_group: "0".to_string(),
                })
                .collect(),
            attributes: Attributes::of("Cart"),
        }
    }

    /// The lines as the domain checks them.
    pub fn items(&self) -> Vec<CartItem> {
        self.line_items
            .iter()
            .map(|i| CartItem { catalog_item_id: i.catalog_item_id.clone(), quantity: i.quantity, billing_cycle: i.billing_cycle.into() })
            .collect()
    }

    /// Whether the cart can no longer be checked out at `now` (an unreadable expiry counts
    /// as expired).
    pub fn is_expired(&self, now: OffsetDateTime) -> bool {
        datetime::parse(&self.expiration_timestamp).is_none_or(|expiry| now >= expiry)
    }
}

/// A line that could not be ordered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OrderError {
    pub order_group_id: String,
    pub code: u32,
    pub description: String,
}

/// What `POST …/carts/{cartId}/checkout` answers: the orders made. A refusal is an error
/// reply instead, so `orderErrors` is empty here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CartCheckoutResult {
    pub orders: Vec<Order>,
    pub order_errors: Vec<OrderError>,
    /// `CartCheckoutResult`.
    pub attributes: Attributes,
}

impl CartCheckoutResult {
    pub fn of(orders: Vec<Order>) -> Self {
        Self { orders, order_errors: Vec::new(), attributes: Attributes::of("CartCheckoutResult") }
    }
}

/// `/v1/customers/{id}/carts`.
pub fn carts_path(customer: &CustomerId) -> String {
    format!("/v1/customers/{customer}/carts")
}

/// `/v1/customers/{id}/carts/{cartId}/checkout`.
pub fn checkout_path(customer: &CustomerId, cart: &Uuid) -> String {
    format!("/v1/customers/{customer}/carts/{}/checkout", cart.hyphenated())
}
