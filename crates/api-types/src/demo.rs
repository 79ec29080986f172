//! The demo's partner and its users, with the bearer token each signs in with.

use domain::{PartnerRole, PartnerUser, PartnerUserId};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Attributes;

/// A partner user's Partner Center role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Role {
    AdminAgent,
    SalesAgent,
    HelpdeskAgent,
}

impl From<PartnerRole> for Role {
    fn from(role: PartnerRole) -> Self {
        match role {
            PartnerRole::AdminAgent => Self::AdminAgent,
            PartnerRole::SalesAgent => Self::SalesAgent,
            PartnerRole::HelpdeskAgent => Self::HelpdeskAgent,
        }
    }
}

impl From<Role> for PartnerRole {
    fn from(role: Role) -> Self {
        match role {
            Role::AdminAgent => Self::AdminAgent,
            Role::SalesAgent => Self::SalesAgent,
            Role::HelpdeskAgent => Self::HelpdeskAgent,
        }
    }
}

impl Role {
    /// Partner Center's name of the role, as this API writes it (`roleName`).
    pub fn name(self) -> &'static str {
        match self {
            Self::AdminAgent => "Admin agent",
            Self::SalesAgent => "Sales agent",
            Self::HelpdeskAgent => "Helpdesk agent",
        }
    }
}

/// The demo bearer token of a partner user: `demo-` and the part of their sign-in name
/// before `@` (`demo-alex.wilber`). The server accepts exactly these; `GET /v1/demo/users`
/// lists them.
pub fn token_for(user: &PartnerUser) -> String {
    let upn = user.id.as_str();
    let local = upn.split('@').next().unwrap_or(upn);
    format!("demo-{local}")
}

/// A demo partner user and the token to send as `Authorization: Bearer {token}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct DemoUser {
    #[cfg_attr(feature = "openapi", schema(example = "alex.wilber@adatumcloud.onmicrosoft.com"))]
    pub user_principal_name: String,
    pub display_name: String,
    pub role: Role,
    /// The role in words, e.g. `Admin agent`.
    pub role_name: String,
    pub may_change_customer_permissions: bool,
    #[cfg_attr(feature = "openapi", schema(example = "demo-alex.wilber"))]
    pub token: String,
}

impl DemoUser {
    pub fn from_domain(user: &PartnerUser) -> Self {
        let role = Role::from(user.role);
        let token = token_for(user);
        Self {
            user_principal_name: user.id.as_str().to_string(),
            display_name: user.display_name.clone(),
            role,
            role_name: role.name().to_string(),
            may_change_customer_permissions: user.role.may_change_customer_permissions(),
            token,
        }
    }

    pub fn to_domain(&self) -> PartnerUser {
        PartnerUser {
            id: PartnerUserId::new(self.user_principal_name.clone()),
            display_name: self.display_name.clone(),
            role: self.role.into(),
        }
    }
}

/// The partner whose staff use the product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Partner {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub tenant_id: Uuid,
    pub company_name: String,
    pub domain: String,
    pub customer_count: usize,
    /// `Partner`.
    pub attributes: Attributes,
}

impl Partner {
    pub fn from_domain(partner: &domain::Partner, customer_count: usize) -> Self {
        Self {
            tenant_id: partner.tenant_id,
            company_name: partner.company_name.clone(),
            domain: partner.domain.clone(),
            customer_count,
            attributes: Attributes::of("Partner"),
        }
    }
}
