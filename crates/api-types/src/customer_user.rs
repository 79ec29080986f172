//! `GET /v1/customers/{id}/users`: the people in a customer's tenant, each with the Azure
//! roles they hold on the customer's Azure subscriptions.

use domain::{AzureRole, AzureSubscriptionId, CustomerUserId, UserState, UserWithRoles};
use serde::{Deserialize, Serialize};

use crate::Attributes;

/// Whether the user may sign in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum UserStateName {
    Active,
    Inactive,
}

/// An Azure built-in role, by Azure's `roleName`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum AzureRoleName {
    Owner,
    Contributor,
    Reader,
}

impl From<AzureRole> for AzureRoleName {
    fn from(role: AzureRole) -> Self {
        match role {
            AzureRole::Owner => Self::Owner,
            AzureRole::Contributor => Self::Contributor,
            AzureRole::Reader => Self::Reader,
        }
    }
}

impl From<AzureRoleName> for AzureRole {
    fn from(role: AzureRoleName) -> Self {
        match role {
            AzureRoleName::Owner => Self::Owner,
            AzureRoleName::Contributor => Self::Contributor,
            AzureRoleName::Reader => Self::Reader,
        }
    }
}

/// A role the user holds on one of the customer's Azure subscriptions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct AzureRoleOnSubscription {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub azure_subscription_id: AzureSubscriptionId,
    pub role_name: AzureRoleName,
    /// Azure's role definition id, e.g. `8e3af657-a8ff-443c-a75c-2fe8c4bcb635` for Owner.
    #[cfg_attr(feature = "openapi", schema(format = Uuid))]
    pub role_definition_id: String,
}

/// A customer user, in Partner Center's shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CustomerUser {
    /// The user's object id (Azure's `principalId`).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub id: CustomerUserId,
    #[cfg_attr(feature = "openapi", schema(example = "meganb@contoso.onmicrosoft.com"))]
    pub user_principal_name: String,
    pub first_name: String,
    pub last_name: String,
    pub display_name: String,
    pub state: UserStateName,
    /// The user's Azure roles on the customer's Azure subscriptions (this API's addition:
    /// Partner Center keeps them in Azure).
    pub azure_roles: Vec<AzureRoleOnSubscription>,
    /// `CustomerUser`.
    pub attributes: Attributes,
}

impl CustomerUser {
    pub fn from_domain(user: &UserWithRoles) -> Self {
        let u = &user.user;
        Self {
            id: u.id,
            user_principal_name: u.user_principal_name.clone(),
            first_name: u.first_name.clone(),
            last_name: u.last_name.clone(),
            display_name: u.display_name.clone(),
            state: match u.state {
                UserState::Active => UserStateName::Active,
                UserState::Inactive => UserStateName::Inactive,
            },
            azure_roles: user
                .roles
                .iter()
                .map(|(sub, role)| AzureRoleOnSubscription {
                    azure_subscription_id: *sub,
                    role_name: (*role).into(),
                    role_definition_id: role.role_definition_id().to_string(),
                })
                .collect(),
            attributes: Attributes::of("CustomerUser"),
        }
    }

    /// The user as the domain has it; `customer` is whose user it is.
    pub fn into_domain(self, customer: domain::CustomerId) -> UserWithRoles {
        UserWithRoles {
            user: domain::CustomerUser {
                id: self.id,
                customer_id: customer,
                user_principal_name: self.user_principal_name,
                display_name: self.display_name,
                first_name: self.first_name,
                last_name: self.last_name,
                state: match self.state {
                    UserStateName::Active => UserState::Active,
                    UserStateName::Inactive => UserState::Inactive,
                },
            },
            roles: self.azure_roles.into_iter().map(|r| (r.azure_subscription_id, r.role_name.into())).collect(),
        }
    }
}
