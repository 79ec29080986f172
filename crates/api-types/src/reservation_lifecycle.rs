//! After the purchase, in Azure's Reservations API shapes (api-version 2022-11-01), so a
//! partner's tooling written with the official SDK works unchanged: the price quote before a
//! purchase (`calculatePrice`), the refund quote and the return (`calculateRefund`,
//! `return`), the exchange quote and the exchange (`calculateExchange`, `exchange`), and a
//! reservation read and patched (auto-renew, name). A quote's `sessionId` is what its
//! return or exchange is made on.

use domain::{ExchangeQuote, Price, RefundQuote, ReservationOrderId, Usd};
use serde::{Deserialize, Serialize};

use crate::purchase::BillingPlanName;
use crate::reservation::{reservation_order_path, NewReservationOrder};

/// Money as Azure writes it: `{"currencyCode": "USD", "amount": 123.45}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Amount {
    pub currency_code: String,
    pub amount: f64,
}

impl Amount {
    pub fn usd(amount: Usd) -> Self {
        Self { currency_code: Usd::CURRENCY_CODE.to_string(), amount: amount.as_dollars() }
    }

    pub fn into_usd(&self) -> Option<Usd> {
        Usd::from_dollars(self.amount)
    }
}

/// `/providers/Microsoft.Capacity/reservationOrders/{order}/reservations/{reservation}`.
pub fn reservation_path(order: &ReservationOrderId) -> String {
    format!("{}/reservations/{}", reservation_order_path(order), order.reservation_id())
}

/// The reservation order a reservation id (its full path, or `{order}/{reservation}`) names.
pub fn order_of_reservation(text: &str) -> Option<ReservationOrderId> {
    let lower = text.trim().to_ascii_lowercase();
    let rest = lower.strip_prefix("/providers/microsoft.capacity/reservationorders/").unwrap_or(&lower);
    ReservationOrderId::parse(rest.split('/').next()?)
}

/// What to return, and how many.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ReservationToReturn {
    /// `/providers/Microsoft.Capacity/reservationOrders/{order}/reservations/{reservation}`.
    #[cfg_attr(feature = "openapi", schema(example = "/providers/Microsoft.Capacity/reservationOrders/3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c11/reservations/3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c10"))]
    pub reservation_id: String,
    /// How many instances (at most the reservation's).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000, example = 1))]
    #[serde(deserialize_with = "crate::whole_number::u32")]
    pub quantity: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CalculateRefundProperties {
    /// `Reservation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    pub reservation_to_return: ReservationToReturn,
}

/// The body of `POST …/reservationOrders/{order}/calculateRefund`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "/providers/Microsoft.Capacity/reservationOrders/3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c11",
    "properties": {
        "scope": "Reservation",
        "reservationToReturn": {
            "reservationId": "/providers/Microsoft.Capacity/reservationOrders/3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c11/reservations/3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c10",
            "quantity": 1
        }
    }
})))]
pub struct CalculateRefundRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub properties: CalculateRefundProperties,
}

impl CalculateRefundRequest {
    pub fn new(order: &ReservationOrderId, quantity: u32) -> Self {
        Self {
            id: Some(reservation_order_path(order)),
            properties: CalculateRefundProperties {
                scope: Some("Reservation".to_string()),
                reservation_to_return: ReservationToReturn { reservation_id: reservation_path(order), quantity },
            },
        }
    }
}

/// A rule a refund would break (`RefundLimitExceeded`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyError {
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct RefundPolicyResultProperties {
    /// What the customer was refunded in the last 12 months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Amount, required = false))]
    pub consumed_refunds_total: Option<Amount>,
    /// The most a customer is refunded in any 12 months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Amount, required = false))]
    pub max_refund_limit: Option<Amount>,
    #[serde(default)]
    pub policy_errors: Vec<PolicyError>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RefundPolicyResult {
    pub properties: RefundPolicyResultProperties,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct RefundBillingInformation {
    pub billing_plan: BillingPlanName,
    pub billing_currency_total_paid_amount: Amount,
    pub billing_currency_prorated_amount: Amount,
    pub billing_currency_remaining_commitment_amount: Amount,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct RefundQuoteProperties {
    /// What the return is made on.
    pub session_id: String,
    pub quantity: u32,
    pub billing_refund_amount: Amount,
    pub pricing_refund_amount: Amount,
    pub policy_result: RefundPolicyResult,
    pub billing_information: RefundBillingInformation,
}

/// What `calculateRefund` answers: the refund, and the customer's refund limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RefundQuoteResponse {
    pub id: String,
    pub properties: RefundQuoteProperties,
}

impl RefundQuoteResponse {
    /// `paid`: what the reservation's instances returned cost in all.
    pub fn from_domain(session: &str, quote: &RefundQuote, paid: &Price, billing: BillingPlanName) -> Self {
        let policy_errors = if quote.within_limit() {
            Vec::new()
        } else {
            vec![PolicyError {
                code: "RefundLimitExceeded".to_string(),
                message: format!(
                    "The refund of {} USD would exceed the limit of {} USD in 12 months ({} USD refunded already).",
                    quote.refund.as_dollars(),
                    quote.limit.as_dollars(),
                    quote.consumed.as_dollars()
                ),
            }]
        };
        Self {
            id: reservation_order_path(&quote.reservation),
            properties: RefundQuoteProperties {
                session_id: session.to_string(),
                quantity: quote.quantity,
                billing_refund_amount: Amount::usd(quote.refund),
                pricing_refund_amount: Amount::usd(quote.refund),
                policy_result: RefundPolicyResult {
                    properties: RefundPolicyResultProperties {
                        consumed_refunds_total: Some(Amount::usd(quote.consumed)),
                        max_refund_limit: Some(Amount::usd(quote.limit)),
                        policy_errors,
                    },
                },
                billing_information: RefundBillingInformation {
                    billing_plan: billing,
                    billing_currency_total_paid_amount: Amount::usd(paid.total),
                    billing_currency_prorated_amount: Amount::usd(paid.total.minus(quote.refund)),
                    billing_currency_remaining_commitment_amount: Amount::usd(quote.refund),
                },
            },
        }
    }

    /// The quote as the domain has it; `None` when an amount cannot be read.
    pub fn into_domain(&self, order: ReservationOrderId) -> Option<RefundQuote> {
        let policy = &self.properties.policy_result.properties;
        Some(RefundQuote {
            reservation: order,
            quantity: self.properties.quantity,
            refund: self.properties.billing_refund_amount.into_usd()?,
            consumed: policy.consumed_refunds_total.as_ref().and_then(Amount::into_usd).unwrap_or(Usd::ZERO),
            limit: policy.max_refund_limit.as_ref().and_then(Amount::into_usd).unwrap_or(domain::REFUND_LIMIT),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ReturnProperties {
    /// The `sessionId` of the refund quote the return is made on.
    #[cfg_attr(feature = "openapi", schema(format = Uuid, example = "5b1d4c3a-2e1f-4a0b-9c8d-7e6f5a4b3c2d"))]
    pub session_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    pub reservation_to_return: ReservationToReturn,
    /// Why (accepted as Azure takes it; this mock does not keep it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub return_reason: Option<String>,
}

/// The body of `POST …/reservationOrders/{order}/return`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "properties": {
        "sessionId": "5b1d4c3a-2e1f-4a0b-9c8d-7e6f5a4b3c2d",
        "scope": "Reservation",
        "reservationToReturn": {
            "reservationId": "/providers/Microsoft.Capacity/reservationOrders/3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c11/reservations/3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c10",
            "quantity": 1
        },
        "returnReason": "The workload moved to containers."
    }
})))]
pub struct ReturnRequest {
    pub properties: ReturnProperties,
}

/// An exchange's new reservation, as a purchase (`calculateExchange`'s
/// `reservationsToPurchase`).
pub type PurchaseRequest = NewReservationOrder;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CalculateExchangeProperties {
    /// Exactly one new reservation.
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 1))]
    pub reservations_to_purchase: Vec<PurchaseRequest>,
    /// Savings plans cannot be bought in an exchange here: leave it out or empty (422 otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(max_items = 0, required = false))]
    pub savings_plans_to_purchase: Vec<SavingsPlanToPurchase>,
    /// Exactly one reservation returned.
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 1))]
    pub reservations_to_exchange: Vec<ReservationToReturn>,
}

/// The body of `POST /providers/Microsoft.Capacity/calculateExchange`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "properties": {
        "reservationsToPurchase": [{
            "sku": { "name": "Standard_D4s_v5" },
            "location": "westeurope",
            "properties": {
                "reservedResourceType": "VirtualMachines",
                "billingScopeId": "/subscriptions/0d3f6f1e-4c2b-4a8e-9b7d-2f5e8c1a9d40",
                "term": "P3Y",
                "billingPlan": "Monthly",
                "quantity": 2,
                "displayName": "Web tier D4s v5",
                "appliedScopeType": "Shared",
                "renew": false
            }
        }],
        "reservationsToExchange": [{
            "reservationId": "/providers/Microsoft.Capacity/reservationOrders/3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c11/reservations/3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c10",
            "quantity": 1
        }]
    }
})))]
pub struct CalculateExchangeRequest {
    pub properties: CalculateExchangeProperties,
}

impl CalculateExchangeRequest {
    pub fn new(order: &ReservationOrderId, quantity: u32, purchase: PurchaseRequest) -> Self {
        Self {
            properties: CalculateExchangeProperties {
                reservations_to_purchase: vec![purchase],
                savings_plans_to_purchase: Vec::new(),
                reservations_to_exchange: vec![ReservationToReturn { reservation_id: reservation_path(order), quantity }],
            },
        }
    }
}

/// A savings plan an exchange would buy (not offered here; its fields are not read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavingsPlanToPurchase {}

/// A new reservation in an exchange's quote or result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExchangePurchase {
    /// Its reservation order (once bought).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reservation_order_id: Option<String>,
    pub properties: PurchaseRequest,
    pub billing_currency_total: Amount,
    /// `Succeeded` once bought; `Pending` in a quote.
    pub status: String,
}

/// A reservation returned in an exchange's quote or result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExchangeReturn {
    pub reservation_id: String,
    pub quantity: u32,
    pub billing_refund_amount: Amount,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExchangeProperties {
    pub session_id: String,
    /// What the customer pays on top: `purchasesTotal - refundsTotal`.
    pub net_payable: Amount,
    /// The remaining value of what is returned (not counted against the refund limit).
    pub refunds_total: Amount,
    pub purchases_total: Amount,
    pub reservations_to_purchase: Vec<ExchangePurchase>,
    pub reservations_to_exchange: Vec<ExchangeReturn>,
    pub policy_result: RefundPolicyResult,
}

/// What `calculateExchange` and `exchange` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExchangeResponse {
    /// `/providers/Microsoft.Capacity/operationResults/{sessionId}`.
    pub id: String,
    pub name: String,
    /// `Succeeded`.
    pub status: String,
    pub properties: ExchangeProperties,
}

impl ExchangeResponse {
    /// A quote (`done`: false) or the exchange made (`done`: true, the new order named).
    pub fn from_domain(session: &str, quote: &ExchangeQuote, new_order: Option<&ReservationOrderId>) -> Self {
        let policy_errors = if quote.is_allowed() {
            Vec::new()
        } else {
            vec![PolicyError {
                code: "ExchangeBelowReturnedValue".to_string(),
                message: "The new reservation must be worth at least what is returned.".to_string(),
            }]
        };
        let status = if new_order.is_some() { "Succeeded" } else { "Pending" };
        Self {
            id: format!("/providers/Microsoft.Capacity/operationResults/{session}"),
            name: session.to_string(),
            status: "Succeeded".to_string(),
            properties: ExchangeProperties {
                session_id: session.to_string(),
                net_payable: Amount::usd(quote.net_payable()),
                refunds_total: Amount::usd(quote.returned_value),
                purchases_total: Amount::usd(quote.purchase_total),
                reservations_to_purchase: vec![ExchangePurchase {
                    reservation_order_id: new_order.map(reservation_order_path),
                    properties: NewReservationOrder::from_domain(&quote.purchase),
                    billing_currency_total: Amount::usd(quote.purchase_total),
                    status: status.to_string(),
                }],
                reservations_to_exchange: vec![ExchangeReturn {
                    reservation_id: reservation_path(&quote.returning),
                    quantity: quote.quantity,
                    billing_refund_amount: Amount::usd(quote.returned_value),
                    status: status.to_string(),
                }],
                policy_result: RefundPolicyResult {
                    properties: RefundPolicyResultProperties { consumed_refunds_total: None, max_refund_limit: None, policy_errors },
                },
            },
        }
    }

    /// The quote as the domain has it (`purchase_id`: the new reservation order's id the
    /// quote was asked with); `None` when something cannot be read.
    pub fn into_domain(&self, purchase_id: ReservationOrderId) -> Option<ExchangeQuote> {
        let p = &self.properties;
        let returned = p.reservations_to_exchange.first()?;
        let purchase = p.reservations_to_purchase.first()?;
        Some(ExchangeQuote {
            returning: order_of_reservation(&returned.reservation_id)?,
            quantity: returned.quantity,
            returned_value: p.refunds_total.into_usd()?,
            purchase: purchase.properties.clone().into_domain(purchase_id).ok()?,
            purchase_total: p.purchases_total.into_usd()?,
        })
    }
}

/// The body of `POST /providers/Microsoft.Capacity/exchange`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({ "properties": { "sessionId": "5b1d4c3a-2e1f-4a0b-9c8d-7e6f5a4b3c2d" } })))]
pub struct ExchangeRequest {
    pub properties: ExchangeSession,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExchangeSession {
    /// The `sessionId` of the exchange quote.
    #[cfg_attr(feature = "openapi", schema(format = Uuid, example = "5b1d4c3a-2e1f-4a0b-9c8d-7e6f5a4b3c2d"))]
    pub session_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PriceQuoteProperties {
    pub billing_currency_total: Amount,
    pub pricing_currency_total: Amount,
    /// The id the purchase will have if it is made with this quote's body.
    pub reservation_order_id: String,
    pub is_billing_partner_managed: bool,
    pub is_tax_included: bool,
    pub sku_title: String,
    /// Each month's payment for a monthly plan; the one payment for an upfront one.
    pub payment_schedule: Vec<PaymentDue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PaymentDue {
    /// `YYYY-MM-DD`.
    #[cfg_attr(feature = "openapi", schema(format = Date, example = "2026-12-06"))]
    pub due_date: String,
    pub billing_currency_total: Amount,
    /// `Scheduled`.
    pub status: String,
}

/// What `POST /providers/Microsoft.Capacity/calculatePrice` answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PriceQuoteResponse {
    pub properties: PriceQuoteProperties,
}

impl PriceQuoteResponse {
    pub fn into_domain(&self) -> Option<Usd> {
        self.properties.billing_currency_total.into_usd()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct BenefitPatchProperties {
    /// Auto-renew.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renew: Option<bool>,
    /// At most 64 characters, no control characters (a reservation's PATCH in Azure's SDK
    /// sends it as `name`, which is taken too).
    #[serde(default, alias = "name", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 64, pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$"))]
    pub display_name: Option<String>,
}

/// The body of `PATCH …/reservationOrders/{order}/reservations/{reservation}` and of a
/// savings plan's `PATCH`: what changes (auto-renew, the name).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({ "properties": { "renew": true } })))]
pub struct BenefitPatch {
    pub properties: BenefitPatchProperties,
}
