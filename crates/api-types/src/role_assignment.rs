//! `/subscriptions/{azureSubscriptionId}/providers/Microsoft.Authorization/roleAssignments`:
//! who holds which Azure role on a customer's Azure subscription, in Azure Resource
//! Manager's shape. Partner Admin agents give and remove roles (admin-on-behalf-of).

use domain::{AzureRole, AzureSubscriptionId, CustomerId, CustomerUser, CustomerUserId, RoleAssignment, RoleAssignmentId, UserState};
use serde::{Deserialize, Serialize};

use crate::arm::subscription_scope;
use crate::customer_user::AzureRoleName;
use crate::datetime;

/// The kind of principal: customer users only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum PrincipalType {
    User,
}

/// `roleDefinitionId`: `/subscriptions/{id}/providers/Microsoft.Authorization/roleDefinitions/{roleId}`
/// (the subscription part may be left out).
pub const ROLE_DEFINITION_PATTERN: &str = "^(/subscriptions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})?/providers/Microsoft\\.Authorization/roleDefinitions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/// Azure's full id of a role's definition on a subscription.
pub fn role_definition_id(azure: &AzureSubscriptionId, role: AzureRole) -> String {
    format!("/subscriptions/{azure}/providers/Microsoft.Authorization/roleDefinitions/{}", role.role_definition_id())
}

/// The role a `roleDefinitionId` names on `azure`: Owner, Contributor or Reader; `None` for
/// any other role, or a definition of another subscription.
pub fn parse_role_definition_id(text: &str, azure: &AzureSubscriptionId) -> Option<AzureRole> {
    let (scope, role_id) = text.trim().rsplit_once("/roleDefinitions/")?;
    let scope = scope.strip_suffix("/providers/Microsoft.Authorization").unwrap_or(scope);
    if !scope.is_empty() && crate::arm::parse_subscription_scope(scope) != Some(*azure) {
        return None;
    }
    AzureRole::ALL.into_iter().find(|r| r.role_definition_id().eq_ignore_ascii_case(role_id))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct NewRoleAssignmentProperties {
    /// Owner `8e3af657-a8ff-443c-a75c-2fe8c4bcb635`, Contributor
    /// `b24988ac-6180-42a0-ab88-20f7382dd24c` or Reader `acdd72a7-3385-48ef-bd42-f606fba81ae7`
    /// (any other role, or another subscription's definition: 422, code 900032).
    #[cfg_attr(feature = "openapi", schema(pattern = "^(/subscriptions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})?/providers/Microsoft\\.Authorization/roleDefinitions/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
        example = "/subscriptions/0a6b0c0e-5f43-4f16-a6a4-4c1e2b8f3d11/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635"))]
    pub role_definition_id: String,
    /// The customer user's object id (their `id` in `GET /v1/customers/{id}/users`).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub principal_id: CustomerUserId,
    /// `User` (may be left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = PrincipalType, required = false))]
    pub principal_type: Option<PrincipalType>,
}

/// The body of `PUT …/roleAssignments/{roleAssignmentId}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "properties": {
        "roleDefinitionId": "/subscriptions/0a6b0c0e-5f43-4f16-a6a4-4c1e2b8f3d11/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
        "principalId": "5d7c1a2b-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
        "principalType": "User"
    }
})))]
pub struct NewRoleAssignment {
    pub properties: NewRoleAssignmentProperties,
}

impl NewRoleAssignment {
    /// Give `principal` the `role` on `azure`.
    pub fn new(azure: &AzureSubscriptionId, principal: CustomerUserId, role: AzureRole) -> Self {
        Self {
            properties: NewRoleAssignmentProperties {
                role_definition_id: role_definition_id(azure, role),
                principal_id: principal,
                principal_type: Some(PrincipalType::User),
            },
        }
    }

    /// The role asked for on `azure` (see [`parse_role_definition_id`]).
    pub fn role(&self, azure: &AzureSubscriptionId) -> Option<AzureRole> {
        parse_role_definition_id(&self.properties.role_definition_id, azure)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct RoleAssignmentProperties {
    /// `/subscriptions/{id}/providers/Microsoft.Authorization/roleDefinitions/{roleId}`.
    pub role_definition_id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub principal_id: CustomerUserId,
    pub principal_type: PrincipalType,
    /// `/subscriptions/{id}`.
    pub scope: String,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-11-25T06:30:00Z"))]
    pub created_on: String,
    /// The role's name (this API's addition).
    pub role_name: AzureRoleName,
    /// The principal's user principal name (this API's addition).
    pub principal_name: String,
    /// The principal's display name (this API's addition).
    pub principal_display_name: String,
}

/// A role assignment, as Azure Resource Manager answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoleAssignmentResource {
    /// `/subscriptions/{id}/providers/Microsoft.Authorization/roleAssignments/{name}`.
    pub id: String,
    /// `Microsoft.Authorization/roleAssignments`.
    #[serde(rename = "type")]
    pub resource_type: String,
    /// The assignment's id (a GUID).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub name: RoleAssignmentId,
    pub properties: RoleAssignmentProperties,
}

impl RoleAssignmentResource {
    /// An assignment and the customer user who holds it.
    pub fn from_domain(assignment: &RoleAssignment, user: &CustomerUser) -> Self {
        let azure = assignment.azure_subscription_id;
        Self {
            id: format!("{}/providers/Microsoft.Authorization/roleAssignments/{}", subscription_scope(&azure), assignment.id),
            resource_type: "Microsoft.Authorization/roleAssignments".to_string(),
            name: assignment.id,
            properties: RoleAssignmentProperties {
                role_definition_id: role_definition_id(&azure, assignment.role),
                principal_id: assignment.principal_id,
                principal_type: PrincipalType::User,
                scope: subscription_scope(&azure),
                created_on: datetime::format(assignment.created_on),
                role_name: assignment.role.into(),
                principal_name: user.user_principal_name.clone(),
                principal_display_name: user.display_name.clone(),
            },
        }
    }

    /// The assignment and its user (`customer`'s, active; only the names the answer gives),
    /// as the domain has them; `None` when the scope or date cannot be read.
    pub fn into_domain(self, customer: CustomerId) -> Option<(RoleAssignment, CustomerUser)> {
        let p = self.properties;
        let assignment = RoleAssignment {
            id: self.name,
            azure_subscription_id: crate::arm::parse_subscription_scope(&p.scope)?,
            principal_id: p.principal_id,
            role: p.role_name.into(),
            created_on: datetime::parse(&p.created_on)?,
        };
        let user = CustomerUser {
            id: p.principal_id,
            customer_id: customer,
            user_principal_name: p.principal_name,
            display_name: p.principal_display_name,
            first_name: String::new(),
            last_name: String::new(),
            state: UserState::Active,
        };
        Some((assignment, user))
    }
}

/// `/subscriptions/{id}/providers/Microsoft.Authorization/roleAssignments`.
pub fn role_assignments_path(azure: &AzureSubscriptionId) -> String {
    format!("{}/providers/Microsoft.Authorization/roleAssignments", subscription_scope(azure))
}

/// `/subscriptions/{id}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentId}`.
pub fn role_assignment_path(azure: &AzureSubscriptionId, id: &RoleAssignmentId) -> String {
    format!("{}/{id}", role_assignments_path(azure))
}
