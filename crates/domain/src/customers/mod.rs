//! Customers: the companies the partner resells to, their users, and creating new ones.

mod customer_book;
mod customer_user_access;
mod new_customer;

use serde::{Deserialize, Serialize};

use crate::error::DomainError;
use crate::ids::{CustomerId, CustomerUserId, PartnerUserId};
use crate::partner::PartnerUser;
use crate::store::{Change, PartnerStore};
use crate::ids::AzureSubscriptionId;
use crate::subscriptions::AzureRole;

pub use customer_book::{CustomerBook, CustomerPage, CustomerSummary};
pub use customer_user_access::CompanyUsers;
pub use new_customer::NewCustomer;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub line1: String,
    pub city: String,
    pub postal_code: String,
    pub country: String,
}

/// Billing contact details, as on the customer's Account page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingProfile {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub culture: String,
    pub address: Address,
}

/// A customer (tenant) the partner resells to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub id: CustomerId,
    pub company_name: String,
    /// Primary domain, e.g. `contoso.onmicrosoft.com`.
    pub domain: String,
    pub billing: BillingProfile,
    /// Partner Center's `relationshipToPartner`, e.g. "reseller".
    pub relationship: String,
}

/// Whether a customer user may sign in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UserState {
    Active,
    Inactive,
}

/// A person in the customer's tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerUser {
    pub id: CustomerUserId,
    pub customer_id: CustomerId,
    pub user_principal_name: String,
    pub display_name: String,
    pub first_name: String,
    pub last_name: String,
    pub state: UserState,
}

/// A customer user with the Azure roles they hold on the customer's Azure subscriptions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserWithRoles {
    pub user: CustomerUser,
    /// In the order of the customer's Azure subscriptions.
    pub roles: Vec<(AzureSubscriptionId, AzureRole)>,
}

/// Reading customers and their users; every read names its caller.
impl PartnerStore {
    pub fn customer_count(&self) -> usize {
        self.customers.len()
    }

    /// Customers whose name, domain or Microsoft ID contains `search` (any case), sorted by
    /// name; `limit` of them from `offset` on, each with its permissions.
    pub fn customers_page(
        &self,
        caller: &PartnerUserId,
        search: &str,
        offset: usize,
        limit: usize,
    ) -> Result<CustomerPage, DomainError> {
        self.partner_user(caller)?;
        Ok(self.customers.page(search, offset, limit, |id| self.permissions_of(id)))
    }

    pub fn customer(&self, caller: &PartnerUserId, id: &CustomerId) -> Result<&Customer, DomainError> {
        self.partner_user(caller)?;
        self.customers.get(id)
    }

    /// That `caller` may read and `id` is a customer, without making its details.
    pub(crate) fn check_customer(&self, caller: &PartnerUserId, id: &CustomerId) -> Result<(), DomainError> {
        self.partner_user(caller)?;
        self.customers.entry(id).map(|_| ())
    }

    /// The customer's users, each with their Azure roles on the customer's Azure
    /// subscriptions (`GET /v1/customers/{id}/users`).
    pub fn customer_users(&self, caller: &PartnerUserId, id: &CustomerId) -> Result<Vec<UserWithRoles>, DomainError> {
        self.customer(caller, id)?;
        // Roles on every Azure subscription, suspended ones too: the Users section shows them all.
        let azure: Vec<AzureSubscriptionId> =
            self.subscriptions_of(id).iter().flat_map(|s| s.azure_subscription_ids.iter().copied()).collect();
        Ok(self
            .users_of(id)
            .iter()
            .map(|user| UserWithRoles {
                user: user.clone(),
                roles: azure
                    .iter()
                    .flat_map(|sub| {
                        self.role_assignments_of(id)
                            .iter()
                            .filter(|a| a.principal_id == user.id && a.azure_subscription_id == *sub)
                            .map(|a| (*sub, a.role))
                    })
                    .collect(),
            })
            .collect())
    }

    pub(crate) fn users_of(&self, id: &CustomerId) -> &[CustomerUser] {
        self.customers.entry(id).map(|e| e.details().users.as_slice()).unwrap_or(&[])
    }

    /// Whether `actor` may create customers: `Ok` for an Admin or Sales agent.
    pub fn authorize_create_customer(&self, actor: &PartnerUserId) -> Result<&PartnerUser, DomainError> {
        let user = self.partner_user(actor)?;
        if user.role.may_create_customers() {
            Ok(user)
        } else {
            Err(DomainError::NotAllowedToCreateCustomers { user: user.id.clone(), role: user.role })
        }
    }

    /// Decides whether `actor` may create `new` (Admin and Sales agents; its primary domain
    /// must be free). The customer starts with no subscriptions, no users and every
    /// permission Off.
    pub fn decide_create_customer(&self, actor: &PartnerUserId, new: NewCustomer) -> Result<Change, DomainError> {
        self.authorize_create_customer(actor)?;
        if self.customers.has_domain(new.domain()) {
            return Err(DomainError::DomainTaken(new.domain().to_string()));
        }
        // A fresh, repeatable id: the same creations give the same ids on every replay.
        let mut rng = crate::rng::DemoRng::new(0xc0ffee_u64 ^ (self.customers.len() as u64).rotate_left(32));
        let id = loop {
            let id = CustomerId::from_uuid(rng.uuid());
            if !self.customers.contains(&id) {
                break id;
            }
        };
        Ok(Change::CustomerCreated(new.into_customer(id)))
    }
}
