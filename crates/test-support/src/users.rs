//! The demo partner's users, as the domain's demo data has them, each with the bearer
//! token the mock API knows them by.

use api_types::demo::token_for;
use domain::demo_data::partner_users;
use domain::{PartnerRole, PartnerUser, PartnerUserId};

/// A demo partner user and their bearer token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub partner_user: PartnerUser,
    pub token: String,
}

impl User {
    pub fn id(&self) -> PartnerUserId {
        self.partner_user.id.clone()
    }

    /// The user principal name they sign in with.
    pub fn upn(&self) -> &str {
        self.partner_user.id.as_str()
    }

    pub fn role(&self) -> PartnerRole {
        self.partner_user.role
    }
}

/// Every demo partner user, in the demo data's order.
pub fn users() -> Vec<User> {
    partner_users()
        .into_iter()
        .map(|u| User {
            token: token_for(&u),
            partner_user: u,
        })
        .collect()
}

/// The `n`th demo user with `role`.
fn with_role(role: PartnerRole, n: usize) -> User {
    users()
        .into_iter()
        .filter(|u| u.role() == role)
        .nth(n)
        .unwrap_or_else(|| panic!("the demo data has no {role:?} number {}", n + 1))
}

/// The first Admin agent (Alex Wilber).
pub fn admin() -> User {
    with_role(PartnerRole::AdminAgent, 0)
}

/// The second Admin agent (Diego Siciliani).
pub fn admin_2() -> User {
    with_role(PartnerRole::AdminAgent, 1)
}

/// The Sales agent (Isaiah Langer).
pub fn sales() -> User {
    with_role(PartnerRole::SalesAgent, 0)
}

/// The Helpdesk agent (Lidia Holloway).
pub fn helpdesk() -> User {
    with_role(PartnerRole::HelpdeskAgent, 0)
}

/// The demo bearer token of the customer user `upn` (`demo-{upn}`).
pub fn customer_token(upn: &str) -> String {
    api_types::demo::customer_token_for(&domain::CustomerUpn::new(upn))
}
