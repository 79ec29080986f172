//! The CSP partner and its staff, who sign in to Partner Center with a role.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::DomainError;
use crate::ids::PartnerUserId;
use crate::store::PartnerStore;

/// The CSP partner whose staff use the product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partner {
    pub tenant_id: Uuid,
    pub company_name: String,
    pub domain: String,
    /// Where the partner's customers write to (to ask for an exchange, a cancellation, …).
    pub contact_email: String,
}

/// A partner user's Partner Center role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartnerRole {
    AdminAgent,
    SalesAgent,
    HelpdeskAgent,
}

impl PartnerRole {
    pub const ALL: [PartnerRole; 3] = [Self::AdminAgent, Self::SalesAgent, Self::HelpdeskAgent];

    /// Partner Center's name of the role, as its API writes it (`roleName`, and the API's
    /// descriptions for developers); the app words roles from its catalogues.
    pub fn name(self) -> &'static str {
        match self {
            Self::AdminAgent => "Admin agent",
            Self::SalesAgent => "Sales agent",
            Self::HelpdeskAgent => "Helpdesk agent",
        }
    }

    /// Only an Admin agent may turn customer permissions on or off.
    pub fn may_change_customer_permissions(self) -> bool {
        matches!(self, Self::AdminAgent)
    }

    /// Only an Admin agent exchanges, cancels and renews what customers bought, and decides
    /// their requests (admin-on-behalf-of).
    pub fn may_manage_purchases(self) -> bool {
        matches!(self, Self::AdminAgent)
    }

    /// Admin and Sales agents may create customers; Helpdesk agents may not.
    pub fn may_create_customers(self) -> bool {
        matches!(self, Self::AdminAgent | Self::SalesAgent)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerUser {
    pub id: PartnerUserId,
    pub display_name: String,
    pub role: PartnerRole,
}

/// The partner and its staff.
impl PartnerStore {
    pub fn partner(&self) -> &Partner {
        &self.partner
    }

    pub fn partner_users(&self) -> &[PartnerUser] {
        &self.partner_users
    }

    /// The partner user who signs in as `id`; [`DomainError::UnknownPartnerUser`] for anyone
    /// else. Every read and every change names its caller, and goes through here.
    pub fn partner_user(&self, id: &PartnerUserId) -> Result<&PartnerUser, DomainError> {
        self.partner_users
            .iter()
            .find(|u| &u.id == id)
            .ok_or_else(|| DomainError::UnknownPartnerUser(id.clone()))
    }
}
