//! A domain error on the wire: every failure the domain decides, with what the client needs
//! to rebuild it ([`Refusal::into_domain`]) and so word it as the embedded store would (the
//! partner's name, the permission, the role, ...). Error bodies carry it beside their code:
//! `info` in a Partner Center [`ErrorBody`](crate::ErrorBody), `additionalInfo[].info` in an
//! Azure Resource Manager [`ArmErrorBody`](crate::arm::ArmErrorBody).
//!
//! Externally tagged (`{"PurchaseNotAllowed": {"permission": ..., "partnerName": ...}}`):
//! serde's default, the cheapest to read in the Wasm app.

use domain::{
    AzureSubscriptionId, CartProblem, CustomerId, CustomerUserId, DomainError, NewCustomerProblem, OrderId,
    PartnerUserId, PurchaseProblem, ReservationOrderId, RoleAssignmentId, SubscriptionId,
};
use serde::{Deserialize, Serialize};

use crate::demo::Role;
use crate::policy::PolicyResource;

/// What is wrong with a new customer's details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum NewCustomerProblemName {
    NameEmpty,
    NameTooLong,
    NameHasControlCharacters,
    InvalidDomain,
    InvalidEmail,
}

/// What is wrong with a cart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum CartProblemName {
    Empty,
    TooManyItems,
    UnknownCatalogItem,
    QuantityNotOne,
    BillingCycleNotOneTime,
}

/// What is wrong with a purchase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum PurchaseProblemName {
    Quantity,
    CommitmentTooSmall,
    CommitmentTooLarge,
    NameTooLong,
    NameHasControlCharacters,
    Alias,
}

/// Who was refused, and their role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct RefusedUser {
    pub user_principal_name: String,
    pub role: Role,
}

/// The partner has not allowed this product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct NotAllowedByPartner {
    pub permission: PolicyResource,
    /// The partner's company name, to tell the customer whom to ask.
    pub partner_name: String,
}

/// A domain error, variant by variant (see `domain::DomainError`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Refusal {
    NotAdminAgent(RefusedUser),
    UnknownPartnerUser(String),
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    UnknownCustomer(CustomerId),
    InvalidCustomerId(String),
    NotAllowedToCreateCustomers(RefusedUser),
    InvalidNewCustomer(NewCustomerProblemName),
    DomainTaken(String),
    StaleEtag,
    UnknownCustomerUser(String),
    NotAllowedToOrder(RefusedUser),
    NotAllowedToManageRoles(RefusedUser),
    InvalidCart(CartProblemName),
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    AzurePlanExists(CustomerId),
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    UnknownSubscription(SubscriptionId),
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    UnknownAzureSubscription(AzureSubscriptionId),
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    UnknownOrder(OrderId),
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    UnknownReservation(ReservationOrderId),
    UnknownSavingsPlan(String),
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    UnknownPrincipal(CustomerUserId),
    RoleAssignmentExists,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    RoleAssignmentUpdateNotPermitted(RoleAssignmentId),
    PurchaseNotAllowed(NotAllowedByPartner),
    NoEligibleSubscriptions,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    NotOwnerOfSubscription(AzureSubscriptionId),
    InvalidPurchase(PurchaseProblemName),
    PurchaseIdTaken,
}

impl RefusedUser {
    fn of(user: &PartnerUserId, role: domain::PartnerRole) -> Self {
        Self { user_principal_name: user.as_str().to_string(), role: role.into() }
    }

    fn user(&self) -> PartnerUserId {
        PartnerUserId::new(self.user_principal_name.clone())
    }
}

impl Refusal {
    pub fn from_domain(error: &DomainError) -> Self {
        match error.clone() {
            DomainError::NotAdminAgent { user, role } => Self::NotAdminAgent(RefusedUser::of(&user, role)),
            DomainError::UnknownPartnerUser(user) => Self::UnknownPartnerUser(user.as_str().to_string()),
            DomainError::UnknownCustomer(id) => Self::UnknownCustomer(id),
            DomainError::InvalidCustomerId(text) => Self::InvalidCustomerId(text),
            DomainError::NotAllowedToCreateCustomers { user, role } => {
                Self::NotAllowedToCreateCustomers(RefusedUser::of(&user, role))
            }
            DomainError::InvalidNewCustomer(problem) => Self::InvalidNewCustomer(match problem {
                NewCustomerProblem::NameEmpty => NewCustomerProblemName::NameEmpty,
                NewCustomerProblem::NameTooLong => NewCustomerProblemName::NameTooLong,
                NewCustomerProblem::NameHasControlCharacters => NewCustomerProblemName::NameHasControlCharacters,
                NewCustomerProblem::InvalidDomain => NewCustomerProblemName::InvalidDomain,
                NewCustomerProblem::InvalidEmail => NewCustomerProblemName::InvalidEmail,
            }),
            DomainError::DomainTaken(domain) => Self::DomainTaken(domain),
            DomainError::StaleEtag => Self::StaleEtag,
            DomainError::UnknownCustomerUser(upn) => Self::UnknownCustomerUser(upn),
            DomainError::NotAllowedToOrder { user, role } => Self::NotAllowedToOrder(RefusedUser::of(&user, role)),
            DomainError::NotAllowedToManageRoles { user, role } => Self::NotAllowedToManageRoles(RefusedUser::of(&user, role)),
            DomainError::InvalidCart(problem) => Self::InvalidCart(match problem {
                CartProblem::Empty => CartProblemName::Empty,
                CartProblem::TooManyItems => CartProblemName::TooManyItems,
                CartProblem::UnknownCatalogItem => CartProblemName::UnknownCatalogItem,
                CartProblem::QuantityNotOne => CartProblemName::QuantityNotOne,
                CartProblem::BillingCycleNotOneTime => CartProblemName::BillingCycleNotOneTime,
            }),
            DomainError::AzurePlanExists(id) => Self::AzurePlanExists(id),
            DomainError::UnknownSubscription(id) => Self::UnknownSubscription(id),
            DomainError::UnknownAzureSubscription(id) => Self::UnknownAzureSubscription(id),
            DomainError::UnknownOrder(id) => Self::UnknownOrder(id),
            DomainError::UnknownReservation(id) => Self::UnknownReservation(id),
            DomainError::UnknownSavingsPlan(name) => Self::UnknownSavingsPlan(name),
            DomainError::UnknownPrincipal(id) => Self::UnknownPrincipal(id),
            DomainError::RoleAssignmentExists => Self::RoleAssignmentExists,
            DomainError::RoleAssignmentUpdateNotPermitted(id) => Self::RoleAssignmentUpdateNotPermitted(id),
            DomainError::PurchaseNotAllowed { permission, partner_name } => {
                Self::PurchaseNotAllowed(NotAllowedByPartner { permission: permission.into(), partner_name })
            }
            DomainError::NoEligibleSubscriptions => Self::NoEligibleSubscriptions,
            DomainError::NotOwnerOfSubscription(id) => Self::NotOwnerOfSubscription(id),
            DomainError::InvalidPurchase(problem) => Self::InvalidPurchase(match problem {
                PurchaseProblem::Quantity => PurchaseProblemName::Quantity,
                PurchaseProblem::CommitmentTooSmall => PurchaseProblemName::CommitmentTooSmall,
                PurchaseProblem::CommitmentTooLarge => PurchaseProblemName::CommitmentTooLarge,
                PurchaseProblem::NameTooLong => PurchaseProblemName::NameTooLong,
                PurchaseProblem::NameHasControlCharacters => PurchaseProblemName::NameHasControlCharacters,
                PurchaseProblem::Alias => PurchaseProblemName::Alias,
            }),
            DomainError::PurchaseIdTaken => Self::PurchaseIdTaken,
        }
    }

    /// The domain error this was.
    pub fn into_domain(self) -> DomainError {
        match self {
            Self::NotAdminAgent(u) => DomainError::NotAdminAgent { user: u.user(), role: u.role.into() },
            Self::UnknownPartnerUser(user) => DomainError::UnknownPartnerUser(PartnerUserId::new(user)),
            Self::UnknownCustomer(id) => DomainError::UnknownCustomer(id),
            Self::InvalidCustomerId(text) => DomainError::InvalidCustomerId(text),
            Self::NotAllowedToCreateCustomers(u) => {
                DomainError::NotAllowedToCreateCustomers { user: u.user(), role: u.role.into() }
            }
            Self::InvalidNewCustomer(problem) => DomainError::InvalidNewCustomer(match problem {
                NewCustomerProblemName::NameEmpty => NewCustomerProblem::NameEmpty,
                NewCustomerProblemName::NameTooLong => NewCustomerProblem::NameTooLong,
                NewCustomerProblemName::NameHasControlCharacters => NewCustomerProblem::NameHasControlCharacters,
                NewCustomerProblemName::InvalidDomain => NewCustomerProblem::InvalidDomain,
                NewCustomerProblemName::InvalidEmail => NewCustomerProblem::InvalidEmail,
            }),
            Self::DomainTaken(domain) => DomainError::DomainTaken(domain),
            Self::StaleEtag => DomainError::StaleEtag,
            Self::UnknownCustomerUser(upn) => DomainError::UnknownCustomerUser(upn),
            Self::NotAllowedToOrder(u) => DomainError::NotAllowedToOrder { user: u.user(), role: u.role.into() },
            Self::NotAllowedToManageRoles(u) => DomainError::NotAllowedToManageRoles { user: u.user(), role: u.role.into() },
            Self::InvalidCart(problem) => DomainError::InvalidCart(match problem {
                CartProblemName::Empty => CartProblem::Empty,
                CartProblemName::TooManyItems => CartProblem::TooManyItems,
                CartProblemName::UnknownCatalogItem => CartProblem::UnknownCatalogItem,
                CartProblemName::QuantityNotOne => CartProblem::QuantityNotOne,
                CartProblemName::BillingCycleNotOneTime => CartProblem::BillingCycleNotOneTime,
            }),
            Self::AzurePlanExists(id) => DomainError::AzurePlanExists(id),
            Self::UnknownSubscription(id) => DomainError::UnknownSubscription(id),
            Self::UnknownAzureSubscription(id) => DomainError::UnknownAzureSubscription(id),
            Self::UnknownOrder(id) => DomainError::UnknownOrder(id),
            Self::UnknownReservation(id) => DomainError::UnknownReservation(id),
            Self::UnknownSavingsPlan(name) => DomainError::UnknownSavingsPlan(name),
            Self::UnknownPrincipal(id) => DomainError::UnknownPrincipal(id),
            Self::RoleAssignmentExists => DomainError::RoleAssignmentExists,
            Self::RoleAssignmentUpdateNotPermitted(id) => DomainError::RoleAssignmentUpdateNotPermitted(id),
            Self::PurchaseNotAllowed(n) => {
                DomainError::PurchaseNotAllowed { permission: n.permission.into(), partner_name: n.partner_name }
            }
            Self::NoEligibleSubscriptions => DomainError::NoEligibleSubscriptions,
            Self::NotOwnerOfSubscription(id) => DomainError::NotOwnerOfSubscription(id),
            Self::InvalidPurchase(problem) => DomainError::InvalidPurchase(match problem {
                PurchaseProblemName::Quantity => PurchaseProblem::Quantity,
                PurchaseProblemName::CommitmentTooSmall => PurchaseProblem::CommitmentTooSmall,
                PurchaseProblemName::CommitmentTooLarge => PurchaseProblem::CommitmentTooLarge,
                PurchaseProblemName::NameTooLong => PurchaseProblem::NameTooLong,
                PurchaseProblemName::NameHasControlCharacters => PurchaseProblem::NameHasControlCharacters,
                PurchaseProblemName::Alias => PurchaseProblem::Alias,
            }),
            Self::PurchaseIdTaken => DomainError::PurchaseIdTaken,
        }
    }
}
