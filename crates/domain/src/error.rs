//! The domain's errors. Each is a value that callers map to their own words:
//! the server to Partner Center error bodies, the UI to a message for people.

use crate::ids::{CustomerId, PartnerUserId};
use crate::model::PartnerRole;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    /// Sales and Helpdesk agents see customer permissions read-only.
    #[error("only an Admin agent can change customer permissions ({user} is a {role})")]
    NotAdminAgent { user: PartnerUserId, role: PartnerRole },

    #[error("no partner user signs in as {0}")]
    UnknownPartnerUser(PartnerUserId),

    #[error("no customer has the Microsoft ID {0}")]
    UnknownCustomer(CustomerId),

    #[error("'{0}' is not a Microsoft ID (a GUID such as 0f6c3c7e-8a1d-4c53-9a55-2b7d1f1e9d20)")]
    InvalidCustomerId(String),

    /// Helpdesk agents cannot create customers.
    #[error("only Admin and Sales agents can create customers ({user} is a {role})")]
    NotAllowedToCreateCustomers { user: PartnerUserId, role: PartnerRole },

    /// The new customer's details are not acceptable; the text says which and why.
    #[error("invalid customer: {0}")]
    InvalidNewCustomer(String),

    /// Another customer already has this primary domain.
    #[error("the domain {0} is already taken")]
    DomainTaken(String),

    /// The caller's copy is out of date: someone changed the policy since it was read.
    #[error("the customer's permissions were changed since they were read; reload and try again")]
    StaleEtag,
}
