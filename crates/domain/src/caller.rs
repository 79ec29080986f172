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
    /// The user principal name the person signs in with.
    pub fn user_principal_name(&self) -> &str {
        match self {
            Self::Partner(id) => id.as_str(),
            Self::Customer(upn) => upn.as_str(),
        }
    }
}
