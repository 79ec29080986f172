//! The domain's errors. Each is a value that callers put into their own words: the server
//! into Partner Center error bodies, the app into a message from its catalogues. Their
//! `Display` is a diagnostic (the value itself), never wording for people.

use crate::ids::{CustomerId, PartnerUserId};
use crate::partner::PartnerRole;

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
