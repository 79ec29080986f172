//! `PUT|GET /providers/Microsoft.BillingBenefits/savingsPlanOrderAliases/{name}` and the list
//! `GET /providers/Microsoft.BillingBenefits/savingsPlanOrders`: Azure savings plans a
//! customer user buys on their own, billed to the partner, in Azure Resource Manager's shape
//! (plus the price billed and the order, our additions).

use domain::{Benefit, BenefitId, CustomerId, CustomerUpn, OrderId, SavingsPlan, SavingsPlanOrderId, SavingsPlanRequest, Usd};
use serde::{Deserialize, Serialize};

use crate::datetime;
use crate::purchase::{
    applied_scope_from_wire, applied_scope_to_wire, billing_scope_from_wire, AppliedScopeProperties, AppliedScopeType,
    BilledPrice, BillingPlanName, ProvisioningState, TermName,
};

/// `Compute_Savings_Plan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum SavingsPlanSkuName {
    #[serde(rename = "Compute_Savings_Plan")]
    ComputeSavingsPlan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavingsPlanSku {
    pub name: SavingsPlanSkuName,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Grain {
    Hourly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum CurrencyCode {
    #[serde(rename = "USD")]
    Usd,
}

/// What the customer commits to spend every hour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Commitment {
    pub grain: Grain,
    pub currency_code: CurrencyCode,
    /// US dollars an hour: at least 0.001, at most 100000.
    #[cfg_attr(feature = "openapi", schema(minimum = 0.001, maximum = 100000, example = 2.5))]
    pub amount: f64,
}

impl Commitment {
    pub fn hourly(amount: Usd) -> Self {
        Self { grain: Grain::Hourly, currency_code: CurrencyCode::Usd, amount: amount.as_dollars() }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct NewSavingsPlanProperties {
    /// At most 64 characters, no control characters; empty or left out: the alias.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = false, max_length = 64, pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$", example = "Compute 2026"))]
    pub display_name: String,
    /// The Azure subscription billed: `/subscriptions/{id}`, one of the buyer's own.
    #[cfg_attr(feature = "openapi", schema(
        pattern = "^(/subscriptions/)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
        example = "/subscriptions/0a6b0c0e-5f43-4f16-a6a4-4c1e2b8f3d11"))]
    pub billing_scope_id: String,
    pub term: TermName,
    pub billing_plan: BillingPlanName,
    pub commitment: Commitment,
    pub applied_scope_type: AppliedScopeType,
    /// For a `Single` scope: the subscription (422 without it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = AppliedScopeProperties, required = false))]
    pub applied_scope_properties: Option<AppliedScopeProperties>,
    /// Auto-renew (default: no).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = false))]
    pub renew: bool,
}

/// The body of `PUT /providers/Microsoft.BillingBenefits/savingsPlanOrderAliases/{name}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "sku": { "name": "Compute_Savings_Plan" },
    "properties": {
        "displayName": "Compute 2026",
        "billingScopeId": "/subscriptions/0a6b0c0e-5f43-4f16-a6a4-4c1e2b8f3d11",
        "term": "P3Y",
        "billingPlan": "Monthly",
        "commitment": { "grain": "Hourly", "currencyCode": "USD", "amount": 2.5 },
        "appliedScopeType": "Shared",
        "renew": false
    }
})))]
pub struct NewSavingsPlanOrderAlias {
    pub sku: SavingsPlanSku,
    pub properties: NewSavingsPlanProperties,
}

impl NewSavingsPlanOrderAlias {
    /// The body that asks for `request` (its alias goes in the URL).
    pub fn from_domain(request: &SavingsPlanRequest) -> Self {
        let (applied_scope_type, applied_scope_properties) = applied_scope_to_wire(&request.scope);
        Self {
            sku: SavingsPlanSku { name: SavingsPlanSkuName::ComputeSavingsPlan },
            properties: NewSavingsPlanProperties {
                display_name: request.display_name.clone(),
                billing_scope_id: crate::arm::subscription_scope(&request.billing_subscription),
                term: request.term.into(),
                billing_plan: request.billing_plan.into(),
                commitment: Commitment::hourly(request.hourly_commitment),
                applied_scope_type,
                applied_scope_properties,
                renew: request.renew,
            },
        }
    }

    /// The request as the domain decides it, bought under `alias`; `Err` with the reason
    /// when the scopes or the amount cannot be read.
    pub fn into_domain(self, alias: &str) -> Result<SavingsPlanRequest, String> {
        let p = self.properties;
        Ok(SavingsPlanRequest {
            alias: alias.to_string(),
            display_name: p.display_name,
            hourly_commitment: Usd::from_dollars(p.commitment.amount)
                .ok_or_else(|| "commitment.amount is not an amount of dollars".to_string())?,
            term: p.term.into(),
            billing_plan: p.billing_plan.into(),
            billing_subscription: billing_scope_from_wire(&p.billing_scope_id)?,
            scope: applied_scope_from_wire(p.applied_scope_type, p.applied_scope_properties.as_ref())?,
            renew: p.renew,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SavingsPlanProperties {
    pub display_name: String,
    /// `/providers/Microsoft.BillingBenefits/savingsPlanOrders/{id}`.
    pub savings_plan_order_id: String,
    pub provisioning_state: ProvisioningState,
    pub billing_scope_id: String,
    pub term: TermName,
    pub billing_plan: BillingPlanName,
    pub commitment: Commitment,
    pub applied_scope_type: AppliedScopeType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = AppliedScopeProperties, required = false))]
    pub applied_scope_properties: Option<AppliedScopeProperties>,
    pub renew: bool,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-11-25T06:30:00Z"))]
    pub benefit_start_time: String,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2029-11-25T06:30:00Z"))]
    pub expiry_date_time: String,
    /// The savings plan this one renews (its id), when it was bought as a renewal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub renew_source: Option<String>,
    /// The savings plan (its id) that renewed this one at its expiry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub renew_destination: Option<String>,
    /// The customer who bought it (this API's addition).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub customer_id: CustomerId,
    /// The Partner Center order the partner is billed by (this API's addition).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub order_id: OrderId,
    /// The customer user who bought it (this API's addition).
    pub purchased_by: String,
    /// What the partner is billed (this API's addition).
    pub billed_price: BilledPrice,
    /// Who placed its order: the customer user, or the partner's staff (an exchange); this
    /// API's addition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = crate::order::PlacedBy, required = false))]
    pub placed_by: Option<crate::order::PlacedBy>,
    /// The customer's company name (this API's addition).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub customer_name: Option<String>,
}

/// A savings plan, as its order alias: the answer to the alias's PUT and GET, and each item
/// of the list of savings plan orders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavingsPlanOrderAliasResource {
    /// `/providers/Microsoft.BillingBenefits/savingsPlanOrderAliases/{name}`.
    pub id: String,
    /// The name it was bought under.
    pub name: String,
    /// `Microsoft.BillingBenefits/savingsPlanOrderAliases`.
    #[serde(rename = "type")]
    pub resource_type: String,
    pub sku: SavingsPlanSku,
    pub properties: SavingsPlanProperties,
}

/// `/providers/Microsoft.BillingBenefits/savingsPlanOrders/{order}/savingsPlans/{plan}`: the
/// one savings plan of an order.
pub fn savings_plan_path(order: &SavingsPlanOrderId) -> String {
    format!("{SAVINGS_PLAN_ORDERS_PATH}/{order}/savingsPlans/{}", order.plan_id())
}

/// A savings plan's id (its path), when `id` names one.
fn savings_plan_id_path(id: BenefitId) -> Option<String> {
    match id {
        BenefitId::SavingsPlan(order) => Some(savings_plan_path(&order)),
        BenefitId::Reservation(_) => None,
    }
}

/// The savings plan order a savings plan's id (`…/savingsPlanOrders/{order}/savingsPlans/{plan}`) names.
fn order_of_savings_plan(path: &str) -> Option<SavingsPlanOrderId> {
    let mut parts = path.split('/').skip_while(|part| !part.eq_ignore_ascii_case("savingsPlanOrders"));
    parts.next()?;
    parts.next().and_then(SavingsPlanOrderId::parse)
}

/// A savings plan, as `GET|PATCH …/savingsPlanOrders/{order}/savingsPlans/{plan}` answer it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavingsPlanResource {
    /// `/providers/Microsoft.BillingBenefits/savingsPlanOrders/{order}/savingsPlans/{plan}`.
    pub id: String,
    /// `{plan}`.
    pub name: String,
    /// `Microsoft.BillingBenefits/savingsPlanOrders/savingsPlans`.
    #[serde(rename = "type")]
    pub resource_type: String,
    pub sku: SavingsPlanSku,
    pub properties: SavingsPlanProperties,
}

/// A savings plan order, as `GET /providers/Microsoft.BillingBenefits/savingsPlanOrders/{order}`
/// answers it: its one savings plan named in `properties.savingsPlans`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavingsPlanOrderResource {
    /// `/providers/Microsoft.BillingBenefits/savingsPlanOrders/{order}`.
    pub id: String,
    /// `{order}`.
    pub name: String,
    /// `Microsoft.BillingBenefits/savingsPlanOrders`.
    #[serde(rename = "type")]
    pub resource_type: String,
    pub sku: SavingsPlanSku,
    pub properties: SavingsPlanOrderProperties,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SavingsPlanOrderProperties {
    pub display_name: String,
    pub provisioning_state: ProvisioningState,
    pub billing_scope_id: String,
    pub term: TermName,
    pub billing_plan: BillingPlanName,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-11-25T06:30:00Z"))]
    pub benefit_start_time: String,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2029-11-25T06:30:00Z"))]
    pub expiry_date_time: String,
    /// The order's savings plans, by id (one here).
    pub savings_plans: Vec<String>,
}

impl SavingsPlanOrderResource {
    pub fn from_domain(plan: &SavingsPlan) -> Self {
        let alias = SavingsPlanOrderAliasResource::from_domain(plan);
        let p = alias.properties;
        Self {
            id: format!("{SAVINGS_PLAN_ORDERS_PATH}/{}", plan.id),
            name: plan.id.to_string(),
            resource_type: "Microsoft.BillingBenefits/savingsPlanOrders".to_string(),
            sku: alias.sku,
            properties: SavingsPlanOrderProperties {
                display_name: p.display_name,
                provisioning_state: p.provisioning_state,
                billing_scope_id: p.billing_scope_id,
                term: p.term,
                billing_plan: p.billing_plan,
                benefit_start_time: p.benefit_start_time,
                expiry_date_time: p.expiry_date_time,
                savings_plans: vec![savings_plan_path(&plan.id)],
            },
        }
    }
}

impl SavingsPlanResource {
    pub fn from_domain(plan: &SavingsPlan) -> Self {
        let alias = SavingsPlanOrderAliasResource::from_domain(plan);
        Self {
            id: savings_plan_path(&plan.id),
            name: plan.id.plan_id().to_string(),
            resource_type: "Microsoft.BillingBenefits/savingsPlanOrders/savingsPlans".to_string(),
            sku: alias.sku,
            properties: alias.properties,
        }
    }
}

impl SavingsPlanOrderAliasResource {
    /// With who placed its order and the customer's name (what the partner's lists show).
    pub fn with_origin(mut self, placed_by: &domain::PlacedBy, customer_name: &str) -> Self {
        self.properties.placed_by = Some(crate::order::PlacedBy::from_domain(placed_by));
        self.properties.customer_name = Some(customer_name.to_string());
        self
    }

    pub fn from_domain(plan: &SavingsPlan) -> Self {
        let (applied_scope_type, applied_scope_properties) = applied_scope_to_wire(&plan.scope);
        Self {
            id: savings_plan_alias_path(&plan.alias),
            name: plan.alias.clone(),
            resource_type: "Microsoft.BillingBenefits/savingsPlanOrderAliases".to_string(),
            sku: SavingsPlanSku { name: SavingsPlanSkuName::ComputeSavingsPlan },
            properties: SavingsPlanProperties {
                display_name: plan.display_name.clone(),
                savings_plan_order_id: format!("{SAVINGS_PLAN_ORDERS_PATH}/{}", plan.id),
                provisioning_state: plan.status.into(),
                billing_scope_id: crate::arm::subscription_scope(&plan.billing_subscription),
                term: plan.term.into(),
                billing_plan: plan.billing_plan.into(),
                commitment: Commitment::hourly(plan.hourly_commitment),
                applied_scope_type,
                applied_scope_properties,
                renew: plan.renew,
                benefit_start_time: datetime::format(plan.effective),
                expiry_date_time: datetime::format(plan.expiry),
                renew_source: plan.renewed_from.and_then(savings_plan_id_path),
                renew_destination: plan.renewed_as.and_then(savings_plan_id_path),
                customer_id: plan.customer_id,
                order_id: plan.order_id,
                purchased_by: plan.purchased_by.as_str().to_string(),
                billed_price: BilledPrice::from_domain(&plan.price),
                placed_by: None,
                customer_name: None,
            },
        }
    }

    /// The savings plan as the domain has it; `None` when something in it cannot be read.
    /// A purchase as the partner's lists give it (see the reservation order's).
    pub fn into_purchased(self) -> Option<domain::PurchasedBenefit> {
        let (placed_by, customer_name) = (self.properties.placed_by.clone(), self.properties.customer_name.clone());
        let plan = self.into_domain()?;
        Some(crate::purchase::purchased(domain::BenefitItem::SavingsPlan(plan), placed_by, customer_name))
    }

    pub fn into_domain(self) -> Option<SavingsPlan> {
        let p = self.properties;
        let order_id = p.savings_plan_order_id.rsplit('/').next().and_then(SavingsPlanOrderId::parse)?;
        Some(SavingsPlan {
            id: order_id,
            alias: self.name,
            benefit: Benefit {
                customer_id: p.customer_id,
                order_id: p.order_id,
                display_name: p.display_name,
                term: p.term.into(),
                billing_plan: p.billing_plan.into(),
                billing_subscription: billing_scope_from_wire(&p.billing_scope_id).ok()?,
                scope: applied_scope_from_wire(p.applied_scope_type, p.applied_scope_properties.as_ref()).ok()?,
                renew: p.renew,
                status: p.provisioning_state.into(),
                effective: datetime::parse(&p.benefit_start_time)?,
                expiry: datetime::parse(&p.expiry_date_time)?,
                purchased_by: CustomerUpn::new(&p.purchased_by),
                price: p.billed_price.into_domain()?,
                renewed_from: p.renew_source.as_deref().and_then(order_of_savings_plan).map(BenefitId::SavingsPlan),
                renewed_as: p.renew_destination.as_deref().and_then(order_of_savings_plan).map(BenefitId::SavingsPlan),
            },
            hourly_commitment: Usd::from_dollars(p.commitment.amount)?,
        })
    }
}

/// `/providers/Microsoft.BillingBenefits/savingsPlanOrders` (the list).
pub const SAVINGS_PLAN_ORDERS_PATH: &str = "/providers/Microsoft.BillingBenefits/savingsPlanOrders";

/// `/providers/Microsoft.BillingBenefits/savingsPlanOrderAliases/{name}`.
pub fn savings_plan_alias_path(alias: &str) -> String {
    format!("/providers/Microsoft.BillingBenefits/savingsPlanOrderAliases/{}", crate::encode_query_value(alias))
}

/// A savings plan's name: 1 to 64 letters, digits, `-`, `_` or `.`.
pub const ALIAS_PATTERN: &str = "^[A-Za-z0-9_.-]{1,64}$";
