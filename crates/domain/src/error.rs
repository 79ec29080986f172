//! The domain's errors. Each is a value that callers put into their own words: the server
//! into Partner Center error bodies, the app into a message from its catalogues. Their
//! `Display` is a diagnostic (the value itself), never wording for people.

use crate::ids::{
    AzureSubscriptionId, CustomerId, CustomerUserId, OrderId, PartnerUserId, ReservationOrderId, RoleAssignmentId,
    SubscriptionId,
};
use crate::partner::PartnerRole;
use crate::permissions::Permission;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{self:?}")]
pub enum DomainError {
    /// Sales and Helpdesk agents see customer permissions read-only.
    NotAdminAgent { user: PartnerUserId, role: PartnerRole },

    /// Nobody signs in with this name.
    UnknownPartnerUser(PartnerUserId),

    UnknownCustomer(CustomerId),

    /// The text (cut to 64 characters) is not a Microsoft ID (a GUID).
    InvalidCustomerId(String),

    /// Helpdesk agents cannot create customers.
    NotAllowedToCreateCustomers { user: PartnerUserId, role: PartnerRole },

    /// The new customer's details are not acceptable.
    InvalidNewCustomer(NewCustomerProblem),

    /// Another customer already has this primary domain.
    DomainTaken(String),

    /// The caller's copy is out of date: someone changed the policy since it was read.
    StaleEtag,

    /// Nobody of a customer signs in with this name (or the user is not active).
    UnknownCustomerUser(String),

    /// Helpdesk agents cannot buy for customers.
    NotAllowedToOrder { user: PartnerUserId, role: PartnerRole },

    /// Only Admin agents give and remove Azure roles (admin-on-behalf-of).
    NotAllowedToManageRoles { user: PartnerUserId, role: PartnerRole },

    /// The cart cannot be checked out as it is.
    InvalidCart(CartProblem),

    /// The customer has an Azure plan already: one per customer.
    AzurePlanExists(CustomerId),

    UnknownSubscription(SubscriptionId),

    /// No such Azure subscription, or not one the caller may see.
    UnknownAzureSubscription(AzureSubscriptionId),

    UnknownOrder(OrderId),

    UnknownReservation(ReservationOrderId),

    /// No savings plan bought under this name (cut to 64 characters).
    UnknownSavingsPlan(String),

    /// The principal is not a user of the subscription's customer.
    UnknownPrincipal(CustomerUserId),

    /// The user holds this role on this subscription already (under another assignment).
    RoleAssignmentExists,

    /// An existing assignment cannot be changed; remove it and assign again.
    RoleAssignmentUpdateNotPermitted(RoleAssignmentId),

    /// The partner has not allowed the customer to buy this product on their own.
    PurchaseNotAllowed { permission: Permission, partner_name: String },

    /// The customer has no active Azure plan or Azure Global subscription.
    NoEligibleSubscriptions,

    /// The buyer is not Owner of this Azure subscription.
    NotOwnerOfSubscription(AzureSubscriptionId),

    /// What was asked for is not acceptable.
    InvalidPurchase(PurchaseProblem),

    /// The reservation order id or savings plan name is another customer's.
    PurchaseIdTaken,
}

/// What is wrong with a cart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CartProblem {
    Empty,
    TooManyItems,
    /// Only the Azure plan can be bought through a cart here.
    UnknownCatalogItem,
    QuantityNotOne,
    BillingCycleNotOneTime,
}

/// What is wrong with a purchase request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PurchaseProblem {
    /// Not from 1 to 1000 instances.
    Quantity,
    /// Less than 0.001 USD an hour.
    CommitmentTooSmall,
    CommitmentTooLarge,
    NameTooLong,
    NameHasControlCharacters,
    /// A savings plan's name: 1 to 64 letters, digits, `-`, `_` or `.`.
    Alias,
}

/// What is wrong with a new customer's details.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewCustomerProblem {
    NameEmpty,
    NameTooLong,
    NameHasControlCharacters,
    InvalidDomain,
    InvalidEmail,
}
