//! `GET /v1/auditrecords`: the Activity log, as Partner Center's audit records.

use domain::{ActivityAction, ActivityRecord, CustomerId, PartnerUserId, PermissionSet};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

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

/// What `resourceOldValue` and `resourceNewValue` hold, as JSON text: the policy's
/// permissions before and after.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyValue {
    #[serde(default)]
    pub permissions: Vec<PolicyPermission>,
}

impl PolicyValue {
    pub fn of(permissions: &PermissionSet) -> Self {
        Self { permissions: policy_permissions(permissions) }
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
    /// The partner user who made the change.
    pub user_principal_name: String,
    pub resource_type: ResourceType,
    /// A [`PolicyValue`] as JSON text: `{"permissions":[...]}`.
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

impl AuditRecord {
    /// `to_json` writes a resource value as JSON text (the server's serde_json; the browser
    /// has its own).
    pub fn from_domain(partner: Uuid, record: &ActivityRecord, to_json: impl Fn(&PolicyValue) -> String) -> Self {
        Self {
            id: record.id.to_string(),
            partner_id: partner,
            customer_id: record.customer_id,
            customer_name: record.customer_name.clone(),
            user_principal_name: record.user_principal_name().to_string(),
            resource_type: ResourceType::SelfServePolicy,
            resource_old_value: to_json(&PolicyValue::of(&record.old_value)),
            resource_new_value: to_json(&PolicyValue::of(&record.new_value)),
            operation_type: record.action.into(),
            operation_date: datetime::format(record.at),
            operation_status: OperationStatus::Succeeded,
            application_id: String::new(),
            attributes: Attributes::of("AuditRecord"),
        }
    }

    /// The record as the domain has it; `from_json` reads a resource value's JSON text.
    /// `None` when the date or id cannot be read.
    pub fn into_domain(self, from_json: impl Fn(&str) -> Option<PolicyValue>) -> Option<ActivityRecord> {
        let value = |text: &str| from_json(text).map(|v| permission_set(&v.permissions)).unwrap_or_default();
        Some(ActivityRecord {
            id: self.id.parse().ok()?,
            at: datetime::parse(&self.operation_date)?,
            customer_id: self.customer_id,
            customer_name: self.customer_name,
            action: self.operation_type.into(),
            partner_user: Some(PartnerUserId::new(self.user_principal_name)),
            customer_user: None,
            old_value: value(&self.resource_old_value),
            new_value: value(&self.resource_new_value),
            detail: None,
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
