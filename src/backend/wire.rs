//! The JSON the mock Partner Center API speaks (`/v1`), as this client reads it.

use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
pub struct Collection<T> {
    pub items: Vec<T>,
    #[serde(rename = "totalMatches", default)]
    pub total_matches: Option<usize>,
    #[serde(default)]
    pub offset: Option<usize>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoUser {
    pub user_principal_name: String,
    pub display_name: String,
    pub role: domain::PartnerRole,
    pub token: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    pub id: domain::CustomerId,
    pub company_profile: CompanyProfile,
    pub billing_profile: BillingProfile,
    #[serde(default)]
    pub relationship_to_partner: String,
    #[serde(default)]
    pub self_serve_permissions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompanyProfile {
    pub domain: String,
    pub company_name: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BillingProfile {
    #[serde(default)]
    pub first_name: String,
    #[serde(default)]
    pub last_name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone_number: String,
    #[serde(default)]
    pub culture: String,
    pub default_address: Address,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    #[serde(default)]
    pub address_line1: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub postal_code: String,
    #[serde(default)]
    pub country: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Subscription {
    pub id: domain::SubscriptionId,
    pub offer_id: String,
    pub friendly_name: String,
    pub quantity: u32,
    pub status: domain::SubscriptionStatus,
    pub creation_date: String,
    #[serde(default)]
    pub azure_subscription_ids: Vec<domain::AzureSubscriptionId>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    pub azure_subscriptions: Vec<ReadinessSubscription>,
    pub owners: Vec<ReadinessOwner>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessSubscription {
    pub subscription_id: domain::SubscriptionId,
    pub offer_id: String,
    pub friendly_name: String,
    pub azure_subscription_id: domain::AzureSubscriptionId,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessOwner {
    pub user_principal_name: String,
    pub display_name: String,
}

#[derive(Deserialize)]
pub struct Policy {
    pub id: String,
    pub permissions: Vec<PolicyPermission>,
    pub attributes: PolicyAttributes,
}

#[derive(Deserialize)]
pub struct PolicyPermission {
    pub resource: String,
}

#[derive(Deserialize)]
pub struct PolicyAttributes {
    pub etag: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditRecord {
    pub id: String,
    pub customer_id: domain::CustomerId,
    pub customer_name: String,
    pub user_principal_name: String,
    #[serde(default)]
    pub resource_old_value: String,
    #[serde(default)]
    pub resource_new_value: String,
    pub operation_type: String,
    pub operation_date: String,
}

/// `resourceOldValue` / `resourceNewValue`: a JSON text `{"permissions":[...]}`.
#[derive(Deserialize, Default)]
pub struct ResourceValue {
    #[serde(default)]
    pub permissions: Vec<PolicyPermission>,
}

/// Partner Center's error body (its `code` is read as the HTTP status alone).
#[derive(Deserialize)]
pub struct ErrorBody {
    #[serde(default)]
    pub description: String,
}

/// The body of `POST` and `PUT /v1/SelfServePolicy`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    pub self_serve_entity: Entity,
    pub permissions: Vec<PermissionBody>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes: Option<EtagBody<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entity {
    pub self_serve_entity_type: &'static str,
    #[serde(rename = "tenantID")]
    pub tenant_id: String,
}

#[derive(Serialize)]
pub struct PermissionBody {
    pub resource: &'static str,
    pub action: &'static str,
}

#[derive(Serialize)]
pub struct EtagBody<'a> {
    pub etag: &'a str,
}

/// Permission resource names to a set (unknown names are ignored).
pub fn permission_set<'a>(names: impl IntoIterator<Item = &'a str>) -> domain::PermissionSet {
    names.into_iter().filter_map(domain::Permission::from_resource_name).collect()
}

/// The permissions of a policy or of an audit record's value.
pub fn permissions_of(list: &[PolicyPermission]) -> domain::PermissionSet {
    permission_set(list.iter().map(|p| p.resource.as_str()))
}

/// An offer id back to the offer (unknown offers read as licence-based Microsoft 365).
pub fn offer(offer_id: &str) -> domain::Offer {
    domain::Offer::from_offer_id(offer_id).unwrap_or(domain::Offer::Microsoft365BusinessStandard)
}
