//! What reservations and savings plans share on the wire: Azure's names of terms, billing
//! plans and scopes, and what the partner is billed (this API's addition).

use domain::{AppliedScope, AzureSubscriptionId, BenefitStatus, BillingPlan, Price, Term, Usd};
use serde::{Deserialize, Serialize};

use crate::arm::{parse_subscription_scope, subscription_scope};

/// `billingScopeId` and `appliedScopeProperties.subscriptionId`: `/subscriptions/{id}`.
pub const SCOPE_PATTERN: &str =
    "^(/subscriptions/)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/// A display name: at most 64 characters, no control characters (empty: a name is made up).
pub const DISPLAY_NAME_PATTERN: &str = r"^[^\u0000-\u001F\u007F-\u009F]*$";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum TermName {
    P1Y,
    P3Y,
}

impl From<Term> for TermName {
    fn from(term: Term) -> Self {
        match term {
            Term::OneYear => Self::P1Y,
            Term::ThreeYears => Self::P3Y,
        }
    }
}

impl From<TermName> for Term {
    fn from(term: TermName) -> Self {
        match term {
            TermName::P1Y => Self::OneYear,
            TermName::P3Y => Self::ThreeYears,
        }
    }
}

/// Upfront or month by month: the same total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum BillingPlanName {
    Upfront,
    Monthly,
}

impl From<BillingPlan> for BillingPlanName {
    fn from(plan: BillingPlan) -> Self {
        match plan {
            BillingPlan::Upfront => Self::Upfront,
            BillingPlan::Monthly => Self::Monthly,
        }
    }
}

impl From<BillingPlanName> for BillingPlan {
    fn from(plan: BillingPlanName) -> Self {
        match plan {
            BillingPlanName::Upfront => Self::Upfront,
            BillingPlanName::Monthly => Self::Monthly,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum AppliedScopeType {
    /// One Azure subscription: `appliedScopeProperties.subscriptionId`.
    Single,
    /// Every Azure subscription of the customer.
    Shared,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct AppliedScopeProperties {
    /// `/subscriptions/{id}`: the subscription of a `Single` scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false,
        pattern = "^(/subscriptions/)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
        example = "/subscriptions/0a6b0c0e-5f43-4f16-a6a4-4c1e2b8f3d11"))]
    pub subscription_id: Option<String>,
}

/// `appliedScopeType` and `appliedScopeProperties` of a scope.
pub fn applied_scope_to_wire(scope: &AppliedScope) -> (AppliedScopeType, Option<AppliedScopeProperties>) {
    match scope {
        AppliedScope::Single(azure) => {
            (AppliedScopeType::Single, Some(AppliedScopeProperties { subscription_id: Some(subscription_scope(azure)) }))
        }
        AppliedScope::Shared => (AppliedScopeType::Shared, None),
    }
}

/// The scope `appliedScopeType` and `appliedScopeProperties` name; `Err` with the reason
/// when a `Single` scope names no subscription.
pub fn applied_scope_from_wire(
    scope_type: AppliedScopeType,
    properties: Option<&AppliedScopeProperties>,
) -> Result<AppliedScope, String> {
    match scope_type {
        AppliedScopeType::Shared => Ok(AppliedScope::Shared),
        AppliedScopeType::Single => properties
            .and_then(|p| p.subscription_id.as_deref())
            .and_then(parse_subscription_scope)
            .map(AppliedScope::Single)
            .ok_or_else(|| "a Single scope needs appliedScopeProperties.subscriptionId (/subscriptions/{id})".to_string()),
    }
}

/// The Azure subscription `billingScopeId` names; `Err` with the reason otherwise.
pub fn billing_scope_from_wire(text: &str) -> Result<AzureSubscriptionId, String> {
    parse_subscription_scope(text).ok_or_else(|| "billingScopeId is not /subscriptions/{id}".to_string())
}

/// Azure's `provisioningState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ProvisioningState {
    Succeeded,
    Cancelled,
    Expired,
}

impl From<BenefitStatus> for ProvisioningState {
    fn from(status: BenefitStatus) -> Self {
        match status {
            BenefitStatus::Succeeded => Self::Succeeded,
            BenefitStatus::Cancelled => Self::Cancelled,
            BenefitStatus::Expired => Self::Expired,
        }
    }
}

impl From<ProvisioningState> for BenefitStatus {
    fn from(state: ProvisioningState) -> Self {
        match state {
            ProvisioningState::Succeeded => Self::Succeeded,
            ProvisioningState::Cancelled => Self::Cancelled,
            ProvisioningState::Expired => Self::Expired,
        }
    }
}

/// What the partner is billed for a purchase, in US dollars (this API's addition).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct BilledPrice {
    /// One month of the term.
    pub per_month: f64,
    /// The whole term, upfront or over the months.
    pub total: f64,
    /// `USD`.
    pub currency_code: String,
}

impl BilledPrice {
    pub fn from_domain(price: &Price) -> Self {
        Self { per_month: price.per_month.as_dollars(), total: price.total.as_dollars(), currency_code: Usd::CURRENCY_CODE.to_string() }
    }

    pub fn into_domain(&self) -> Option<Price> {
        Some(Price { per_month: Usd::from_dollars(self.per_month)?, total: Usd::from_dollars(self.total)? })
    }
}

/// A purchase read from an Azure list, with who placed its order (its buyer when the list does
/// not say) and the customer's name (empty when it does not say).
pub(crate) fn purchased(
    item: domain::BenefitItem,
    placed_by: Option<crate::order::PlacedBy>,
    customer_name: Option<String>,
) -> domain::PurchasedBenefit {
    let placed_by = placed_by
        .map(crate::order::PlacedBy::into_domain)
        .unwrap_or_else(|| domain::PlacedBy::Customer(item.benefit().purchased_by.clone()));
    domain::PurchasedBenefit { item, placed_by, customer_name: customer_name.unwrap_or_default() }
}
