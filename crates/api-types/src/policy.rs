//! `/v1/SelfServePolicy`: a customer's permission to buy Azure reservations and savings
//! plans on its own, billed to the partner.

use domain::{CustomerId, Etag, Permission, PermissionSet};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A product family in a policy; Partner Center calls Azure reservations
/// `AzureReservedInstances`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum PolicyResource {
    AzureReservedInstances,
    AzureSavingsPlan,
}

impl From<Permission> for PolicyResource {
    fn from(permission: Permission) -> Self {
        match permission {
            Permission::AzureReservations => Self::AzureReservedInstances,
            Permission::AzureSavingsPlan => Self::AzureSavingsPlan,
        }
    }
}

impl From<PolicyResource> for Permission {
    fn from(resource: PolicyResource) -> Self {
        match resource {
            PolicyResource::AzureReservedInstances => Self::AzureReservations,
            PolicyResource::AzureSavingsPlan => Self::AzureSavingsPlan,
        }
    }
}

/// What a policy allows to do with the resource: buying it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum PolicyAction {
    Purchase,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyPermission {
    pub resource: PolicyResource,
    pub action: PolicyAction,
}

impl From<Permission> for PolicyPermission {
    fn from(permission: Permission) -> Self {
        Self { resource: permission.into(), action: PolicyAction::Purchase }
    }
}

/// The permissions of a list of policy permissions.
pub fn permission_set(permissions: &[PolicyPermission]) -> PermissionSet {
    permissions.iter().map(|p| Permission::from(p.resource)).collect()
}

/// Policy permissions for a set, in its order.
pub fn policy_permissions(permissions: &PermissionSet) -> Vec<PolicyPermission> {
    permissions.iter().map(|p| PolicyPermission::from(*p)).collect()
}

/// Who may buy: a customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum SelfServeEntityType {
    #[serde(rename = "customer")]
    Customer,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SelfServeEntity {
    /// Always `customer` (may be left out in a request).
    #[serde(default = "customer_entity")]
    #[cfg_attr(feature = "openapi", schema(value_type = SelfServeEntityType, required = false))]
    pub self_serve_entity_type: SelfServeEntityType,
    /// The customer's Microsoft ID.
    #[serde(rename = "tenantID", alias = "tenantId")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid, example = "e8d155b9-e946-49bb-b06f-c96c46048034"))]
    pub tenant_id: CustomerId,
}

fn customer_entity() -> SelfServeEntityType {
    SelfServeEntityType::Customer
}

/// Who pays: the partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum GrantorType {
    #[serde(rename = "billToPartner")]
    BillToPartner,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Grantor {
    pub grantor_type: GrantorType,
    /// The partner's tenant id (the server fills it in; a request may leave it out).
    #[serde(rename = "tenantID", alias = "tenantId", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid, required = false))]
    pub tenant_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PolicyAttributes {
    /// The policy's version, with its double quotes; send it back to change the policy.
    #[cfg_attr(feature = "openapi", schema(example = "\"0000000219f0d3c7e6a22b41\""))]
    pub etag: String,
    /// `SelfServePolicy`.
    pub object_type: String,
}

/// A customer's self-serve policy. It exists while at least one permission is granted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct SelfServePolicy {
    /// `{partnerTenantId}_{customerTenantId}`.
    #[cfg_attr(feature = "openapi", schema(example = "6f0c1d2e-aa55-4c8b-9b3e-2f70d1c0ffee_e8d155b9-e946-49bb-b06f-c96c46048034"))]
    pub id: String,
    pub self_serve_entity: SelfServeEntity,
    pub grantor: Grantor,
    pub permissions: Vec<PolicyPermission>,
    pub attributes: PolicyAttributes,
}

/// `{partnerTenantId}_{customerTenantId}`.
pub fn policy_id(partner: Uuid, customer: &CustomerId) -> String {
    format!("{}_{}", partner.hyphenated(), customer)
}

impl SelfServePolicy {
    pub fn from_domain(partner: Uuid, policy: &domain::SelfServePolicy) -> Self {
        Self {
            id: policy_id(partner, &policy.customer_id),
            self_serve_entity: SelfServeEntity {
                self_serve_entity_type: SelfServeEntityType::Customer,
                tenant_id: policy.customer_id,
            },
            grantor: Grantor { grantor_type: GrantorType::BillToPartner, tenant_id: Some(partner) },
            permissions: policy_permissions(&policy.permissions),
            attributes: PolicyAttributes { etag: policy.etag.as_str().to_string(), object_type: "SelfServePolicy".into() },
        }
    }

    pub fn customer(&self) -> CustomerId {
        self.self_serve_entity.tenant_id
    }

    pub fn permission_set(&self) -> PermissionSet {
        permission_set(&self.permissions)
    }

    pub fn etag(&self) -> Etag {
        Etag::new(self.attributes.etag.clone())
    }
}

/// The body of `POST /v1/SelfServePolicy`: a policy without id and etag. (The example grants
/// the demo's Fabrikam Inc.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "selfServeEntity": { "selfServeEntityType": "customer", "tenantID": "8c427b97-cf28-4070-8a76-3e7bf6d21eee" },
    "grantor": { "grantorType": "billToPartner" },
    "permissions": [ { "resource": "AzureReservedInstances", "action": "Purchase" } ]
})))]
#[serde(rename_all = "camelCase")]
pub struct NewPolicy {
    pub self_serve_entity: SelfServeEntity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Grantor, required = false))]
    pub grantor: Option<Grantor>,
    /// At least one: a policy without permissions does not exist (DELETE it instead).
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub permissions: Vec<PolicyPermission>,
}

impl NewPolicy {
    pub fn new(customer: CustomerId, permissions: &PermissionSet) -> Self {
        Self {
            self_serve_entity: SelfServeEntity { self_serve_entity_type: SelfServeEntityType::Customer, tenant_id: customer },
            grantor: Some(Grantor { grantor_type: GrantorType::BillToPartner, tenant_id: None }),
            permissions: policy_permissions(permissions),
        }
    }
}

/// The etag of the policy as last read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EtagAttributes {
    pub etag: String,
}

/// The body of `PUT /v1/SelfServePolicy/{id}`: the policy as read, with the permissions it
/// should have now and the etag that was read. `id` and `selfServeEntity`, when sent, must
/// name the policy of the URL (422 otherwise). (The example is the demo's Contoso Ltd.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "6f0c1d2e-aa55-4c8b-9b3e-2f70d1c0ffee_e8d155b9-e946-49bb-b06f-c96c46048034",
    "selfServeEntity": { "selfServeEntityType": "customer", "tenantID": "e8d155b9-e946-49bb-b06f-c96c46048034" },
    "grantor": { "grantorType": "billToPartner" },
    "permissions": [
        { "resource": "AzureReservedInstances", "action": "Purchase" },
        { "resource": "AzureSavingsPlan", "action": "Purchase" }
    ],
    "attributes": { "etag": "\"0000000219f0d3c7e6a22b41\"" }
})))]
#[serde(rename_all = "camelCase")]
pub struct PolicyUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = SelfServeEntity, required = false))]
    pub self_serve_entity: Option<SelfServeEntity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Grantor, required = false))]
    pub grantor: Option<Grantor>,
    /// At least one: to revoke them all, DELETE the policy.
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub permissions: Vec<PolicyPermission>,
    /// The etag last read. (The `If-Match` header may carry it instead.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = EtagAttributes, required = true))]
    pub attributes: Option<EtagAttributes>,
}

impl PolicyUpdate {
    pub fn new(policy: &SelfServePolicy, permissions: &PermissionSet) -> Self {
        Self {
            id: Some(policy.id.clone()),
            self_serve_entity: Some(policy.self_serve_entity.clone()),
            grantor: Some(Grantor { grantor_type: GrantorType::BillToPartner, tenant_id: None }),
            permissions: policy_permissions(permissions),
            attributes: Some(EtagAttributes { etag: policy.attributes.etag.clone() }),
        }
    }
}

/// What `GET /v1/SelfServePolicy` takes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PolicyQuery {
    /// The customer whose policy to read (none: every policy).
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>, format = Uuid))]
    pub entity_id: Option<String>,
}
