//! Who is asking: a partner user (Partner Center) or a customer user (the Azure portal).

use serde::{Deserialize, Serialize};

use crate::ids::{CustomerUpn, PartnerUserId};

/// The signed-in person a read or a change is for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Caller {
    /// A partner user: sees every customer.
    Partner(PartnerUserId),
    /// A customer user: sees only their own company.
    Customer(CustomerUpn),
}

impl Caller {
    /// The partner user asking, for what only the partner's staff do (Partner Center); a
    /// customer user is refused.
    pub fn partner(&self) -> Result<&PartnerUserId, crate::DomainError> {
        match self {
            Self::Partner(id) => Ok(id),
            Self::Customer(_) => Err(crate::DomainError::PartnerUsersOnly),
        }
    }

    /// The customer user asking, for what only customers do (buying on their own); a
    /// partner user is refused.
    pub fn customer(&self) -> Result<&CustomerUpn, crate::DomainError> {
        match self {
            Self::Customer(upn) => Ok(upn),
            Self::Partner(_) => Err(crate::DomainError::CustomerUsersOnly),
        }
    }

    /// The user principal name the person signs in with.
    pub fn user_principal_name(&self) -> &str {
        match self {
            Self::Partner(id) => id.as_str(),
            Self::Customer(upn) => upn.as_str(),
        }
    }
}
