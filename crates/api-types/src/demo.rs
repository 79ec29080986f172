//! The demo's partner and its users, and the customer users who can sign in, with the
//! bearer token each signs in with.

use domain::{Caller, CompanyUsers, CustomerUpn, CustomerUserId, PartnerRole, PartnerUser, PartnerUserId, UserState};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::customer::Customer;
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
        PartnerRole::from(self).name()
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

/// The demo bearer token of a customer user: `demo-` and their whole sign-in name
/// (`demo-meganb@contoso.onmicrosoft.com`).
pub fn customer_token_for(upn: &CustomerUpn) -> String {
    format!("demo-{}", upn.as_str())
}

/// The token of a caller, partner or customer user.
pub fn caller_token(caller: &Caller, partner_users: &[PartnerUser]) -> Option<String> {
    match caller {
        Caller::Partner(id) => partner_users.iter().find(|u| u.id == *id).map(token_for),
        Caller::Customer(upn) => Some(customer_token_for(upn)),
    }
}

/// The customer user a demo token names (`demo-` and a sign-in name with `@`), whether or
/// not such a user exists; `None` for any other token.
pub fn customer_upn_of_token(token: &str) -> Option<CustomerUpn> {
    let upn = token.strip_prefix("demo-")?;
    upn.contains('@').then(|| CustomerUpn::new(upn))
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

/// A customer user who can sign in, with their token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct DemoCustomerUser {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub id: CustomerUserId,
    #[cfg_attr(feature = "openapi", schema(example = "meganb@contoso.onmicrosoft.com"))]
    pub user_principal_name: String,
    pub display_name: String,
    pub first_name: String,
    pub last_name: String,
    #[cfg_attr(feature = "openapi", schema(example = "demo-meganb@contoso.onmicrosoft.com"))]
    pub token: String,
}

/// A customer and its users who can sign in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct DemoCompany {
    pub customer: Customer,
    pub users: Vec<DemoCustomerUser>,
}

impl DemoCompany {
    pub fn from_domain(company: &CompanyUsers) -> Self {
        Self {
            customer: Customer::from_domain(&company.customer),
            users: company
                .users
                .iter()
                .map(|u| DemoCustomerUser {
                    id: u.id,
                    user_principal_name: u.user_principal_name.clone(),
                    display_name: u.display_name.clone(),
                    first_name: u.first_name.clone(),
                    last_name: u.last_name.clone(),
                    token: customer_token_for(&CustomerUpn::new(&u.user_principal_name)),
                })
                .collect(),
        }
    }

    pub fn into_domain(self) -> CompanyUsers {
        let customer = self.customer.into_domain();
        let users = self
            .users
            .into_iter()
            .map(|u| domain::CustomerUser {
                id: u.id,
                customer_id: customer.id,
                user_principal_name: u.user_principal_name,
                display_name: u.display_name,
                first_name: u.first_name,
                last_name: u.last_name,
                state: UserState::Active,
            })
            .collect();
        CompanyUsers { customer, users }
    }
}

/// What `GET /v1/demo/users` answers: the partner users as a collection (`items`, as in the
/// first releases), and the customer users who can sign in, by company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct DemoUsers {
    /// How many partner users `items` holds.
    pub total_count: usize,
    /// The partner users.
    pub items: Vec<DemoUser>,
    /// The customer users who can sign in, grouped by company (hand-made demo customers).
    #[serde(default)]
    pub companies: Vec<DemoCompany>,
    /// `Collection`.
    pub attributes: Attributes,
}

impl DemoUsers {
    pub fn from_domain(partner_users: &[PartnerUser], companies: &[CompanyUsers]) -> Self {
        Self {
            total_count: partner_users.len(),
            items: partner_users.iter().map(DemoUser::from_domain).collect(),
            companies: companies.iter().map(DemoCompany::from_domain).collect(),
            attributes: Attributes::of("Collection"),
        }
    }
}
