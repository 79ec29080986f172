//! `GET /v1/auditrecords`: the Activity log, as Partner Center's audit records: permission
//! changes, orders (the partner's and the customers' own purchases) and Azure role changes.

use domain::{
    ActivityAction, ActivityDetail, ActivityRecord, AzureSubscriptionId, CustomerId, CustomerUpn, CustomerUserId,
    OrderId, PartnerUserId, PermissionSet, Usd,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::customer_user::AzureRoleName;
use crate::order::{BillingCycleName, ProductType, UserType};
use crate::policy::{permission_set, policy_permissions, PolicyPermission};
use crate::{datetime, Attributes};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResourceType {
    SelfServePolicy,
    Order,
    RoleAssignment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OperationType {
    /// The first permission was granted (the Activity log's "Create Customer Purchase Permissions").
    CreateSelfServePolicy,
    /// The permissions changed and some remain.
    UpdateSelfServePolicy,
    /// The last permission was revoked.
    DeleteSelfServePolicy,
    /// An order: an Azure plan bought by the partner, or a reservation or savings plan a
    /// customer user bought on their own.
    CreateOrder,
    /// A customer user was given an Azure role (not a Partner Center operation: ours).
    CreateRoleAssignment,
    /// A customer user's Azure role was removed (ours).
    DeleteRoleAssignment,
}

impl From<ActivityAction> for OperationType {
    fn from(action: ActivityAction) -> Self {
        match action {
            ActivityAction::CreateCustomerPurchasePermissions => Self::CreateSelfServePolicy,
            ActivityAction::UpdateCustomerPurchasePermissions => Self::UpdateSelfServePolicy,
            ActivityAction::DeleteCustomerPurchasePermissions => Self::DeleteSelfServePolicy,
            ActivityAction::CreateOrder => Self::CreateOrder,
            ActivityAction::CreateRoleAssignment => Self::CreateRoleAssignment,
            ActivityAction::DeleteRoleAssignment => Self::DeleteRoleAssignment,
        }
    }
}

impl From<OperationType> for ActivityAction {
    fn from(operation: OperationType) -> Self {
        match operation {
            OperationType::CreateSelfServePolicy => Self::CreateCustomerPurchasePermissions,
            OperationType::UpdateSelfServePolicy => Self::UpdateCustomerPurchasePermissions,
            OperationType::DeleteSelfServePolicy => Self::DeleteCustomerPurchasePermissions,
            OperationType::CreateOrder => Self::CreateOrder,
            OperationType::CreateRoleAssignment => Self::CreateRoleAssignment,
            OperationType::DeleteRoleAssignment => Self::DeleteRoleAssignment,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OperationStatus {
    Succeeded,
}

/// What `resourceOldValue` and `resourceNewValue` hold, as JSON text. For a policy: its
/// permissions before and after (`{"permissions":[...]}`). For an order (in the new value):
/// Partner Center's PascalCase keys (`OrderId`, `BillingCycle`, `OfferId-0`, `Quantity-0`,
/// ...) plus `PlacedBy` and `Total`. For a role assignment (in the new value when given, in
/// the old one when removed): `AzureSubscriptionId`, `PrincipalId`, `PrincipalName`,
/// `RoleName`, `RoleDefinitionId`. Keys that do not apply are left out: `{}` is no value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResourceValue {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<PolicyPermission>, required = false))]
    pub permissions: Option<Vec<PolicyPermission>>,
    #[serde(rename = "OrderId", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid, required = false))]
    pub order_id: Option<OrderId>,
    #[serde(rename = "BillingCycle", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = BillingCycleName, required = false))]
    pub billing_cycle: Option<BillingCycleName>,
    #[serde(rename = "OfferId-0", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub offer_id: Option<String>,
    #[serde(rename = "FriendlyName-0", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub friendly_name: Option<String>,
    #[serde(rename = "Quantity-0", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = u32, required = false))]
    pub quantity: Option<u32>,
    #[serde(rename = "ProductType-0", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = ProductType, required = false))]
    pub product_type: Option<ProductType>,
    /// Who placed the order: a partner or a customer user's sign-in name.
    #[serde(rename = "PlacedBy", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub placed_by: Option<String>,
    /// What the partner is billed, in US dollars.
    #[serde(rename = "Total", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = f64, required = false))]
    pub total: Option<f64>,
    #[serde(rename = "AzureSubscriptionId", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid, required = false))]
    pub azure_subscription_id: Option<AzureSubscriptionId>,
    #[serde(rename = "PrincipalId", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid, required = false))]
    pub principal_id: Option<CustomerUserId>,
    #[serde(rename = "PrincipalName", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub principal_name: Option<String>,
    #[serde(rename = "RoleName", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = AzureRoleName, required = false))]
    pub role_name: Option<AzureRoleName>,
    #[serde(rename = "RoleDefinitionId", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub role_definition_id: Option<String>,
}

/// The name of [`ResourceValue`] in the first releases, which only had policies.
pub type PolicyValue = ResourceValue;

impl ResourceValue {
    /// A policy's permissions.
    pub fn of(permissions: &PermissionSet) -> Self {
        Self { permissions: Some(policy_permissions(permissions)), ..Self::default() }
    }

    /// What an order or role assignment record says, placed by `by`.
    pub fn of_detail(detail: &ActivityDetail, by: &str) -> Self {
        match detail {
            ActivityDetail::Order { order_id, kind, offer_id, product, quantity, billing_cycle, total } => Self {
                order_id: Some(*order_id),
                billing_cycle: Some((*billing_cycle).into()),
                offer_id: Some(offer_id.clone()),
                friendly_name: Some(product.clone()),
                quantity: Some(*quantity),
                product_type: Some((*kind).into()),
                placed_by: Some(by.to_string()),
                total: Some(total.as_dollars()),
                ..Self::default()
            },
            ActivityDetail::RoleAssignment { azure_subscription_id, principal_id, principal_name, role } => Self {
                azure_subscription_id: Some(*azure_subscription_id),
                principal_id: Some(*principal_id),
                principal_name: Some(principal_name.clone()),
                role_name: Some((*role).into()),
                role_definition_id: Some(crate::role_assignment::role_definition_id(azure_subscription_id, *role)),
                ..Self::default()
            },
        }
    }

    /// The order or role assignment this value describes, if it describes one.
    pub fn detail(&self) -> Option<ActivityDetail> {
        if let Some(order_id) = self.order_id {
            return Some(ActivityDetail::Order {
                order_id,
                kind: self.product_type?.into(),
                offer_id: self.offer_id.clone()?,
                product: self.friendly_name.clone()?,
                quantity: self.quantity?,
                billing_cycle: self.billing_cycle?.into(),
                total: Usd::from_dollars(self.total?)?,
            });
        }
        Some(ActivityDetail::RoleAssignment {
            azure_subscription_id: self.azure_subscription_id?,
            principal_id: self.principal_id?,
            principal_name: self.principal_name.clone()?,
            role: self.role_name?.into(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct AuditRecord {
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub partner_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub customer_id: CustomerId,
    pub customer_name: String,
    /// Who made the change: a partner user, or the customer user who bought on their own.
    pub user_principal_name: String,
    /// Whether `userPrincipalName` is a partner or a customer user (this API's addition).
    #[serde(default = "partner_user_type")]
    #[cfg_attr(feature = "openapi", schema(value_type = UserType, required = false))]
    pub user_type: UserType,
    pub resource_type: ResourceType,
    /// A [`ResourceValue`] as JSON text.
    #[cfg_attr(feature = "openapi", schema(example = "{\"permissions\":[]}"))]
    pub resource_old_value: String,
    #[cfg_attr(feature = "openapi", schema(example = "{\"permissions\":[{\"resource\":\"AzureReservedInstances\",\"action\":\"Purchase\"}]}"))]
    pub resource_new_value: String,
    pub operation_type: OperationType,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-11-25T06:30:00Z"))]
    pub operation_date: String,
    pub operation_status: OperationStatus,
    pub application_id: String,
    /// `AuditRecord`.
    pub attributes: Attributes,
}

fn partner_user_type() -> UserType {
    UserType::Partner
}

impl From<ActivityAction> for ResourceType {
    fn from(action: ActivityAction) -> Self {
        match action {
            ActivityAction::CreateCustomerPurchasePermissions
            | ActivityAction::UpdateCustomerPurchasePermissions
            | ActivityAction::DeleteCustomerPurchasePermissions => Self::SelfServePolicy,
            ActivityAction::CreateOrder => Self::Order,
            ActivityAction::CreateRoleAssignment | ActivityAction::DeleteRoleAssignment => Self::RoleAssignment,
        }
    }
}

impl AuditRecord {
    /// `to_json` writes a resource value as JSON text (the server's serde_json; the browser
    /// has its own).
    pub fn from_domain(partner: Uuid, record: &ActivityRecord, to_json: impl Fn(&ResourceValue) -> String) -> Self {
        let by = record.user_principal_name();
        let detail = record.detail.as_ref().map(|d| ResourceValue::of_detail(d, by)).unwrap_or_default();
        let (old, new) = match record.action {
            action if action.is_permissions() => (ResourceValue::of(&record.old_value), ResourceValue::of(&record.new_value)),
            ActivityAction::DeleteRoleAssignment => (detail, ResourceValue::default()),
            _ => (ResourceValue::default(), detail),
        };
        Self {
            id: record.id.to_string(),
            partner_id: partner,
            customer_id: record.customer_id,
            customer_name: record.customer_name.clone(),
            user_principal_name: by.to_string(),
            user_type: if record.partner_user.is_none() && record.customer_user.is_some() {
                UserType::Customer
            } else {
                UserType::Partner
            },
            resource_type: record.action.into(),
            resource_old_value: to_json(&old),
            resource_new_value: to_json(&new),
            operation_type: record.action.into(),
            operation_date: datetime::format(record.at),
            operation_status: OperationStatus::Succeeded,
            application_id: String::new(),
            attributes: Attributes::of("AuditRecord"),
        }
    }

    /// The record as the domain has it, with who made it and what it was about, as the
    /// embedded store has it; `from_json` reads a resource value's JSON text. `None` when
    /// the date or id cannot be read.
    pub fn into_domain(self, from_json: impl Fn(&str) -> Option<ResourceValue>) -> Option<ActivityRecord> {
        let action = ActivityAction::from(self.operation_type);
        let old = from_json(&self.resource_old_value).unwrap_or_default();
        let new = from_json(&self.resource_new_value).unwrap_or_default();
        let permissions = |v: &ResourceValue| v.permissions.as_deref().map(permission_set).unwrap_or_default();
        let (partner_user, customer_user) = match self.user_type {
            UserType::Partner => (Some(PartnerUserId::new(self.user_principal_name)), None),
            UserType::Customer => (None, Some(CustomerUpn::new(&self.user_principal_name))),
        };
        let detail = match action {
            action if action.is_permissions() => None,
            ActivityAction::DeleteRoleAssignment => old.detail(),
            _ => new.detail(),
        };
        Some(ActivityRecord {
            id: self.id.parse().ok()?,
            at: datetime::parse(&self.operation_date)?,
            customer_id: self.customer_id,
            customer_name: self.customer_name,
            action,
            partner_user,
            customer_user,
            old_value: permissions(&old),
            new_value: permissions(&new),
            detail,
        })
    }
}

/// What `GET /v1/auditrecords` takes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(rename_all = "camelCase")]
pub struct AuditQuery {
    /// The first day, UTC, included (default: 30 days before `endDate`).
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>, format = Date, example = "2026-10-26"))]
    pub start_date: Option<String>,
    /// The last day, UTC, included (default: today).
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>, format = Date, example = "2026-11-25"))]
    pub end_date: Option<String>,
}
