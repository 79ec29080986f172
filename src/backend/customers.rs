//! Customers: the list, one customer, and its users.

use api_types::customer::{Customer as WireCustomer, CustomerPage as WirePage};
use api_types::customer_user::CustomerUser as WireUser;
use api_types::Collection;
use async_trait::async_trait;
use domain::{Caller, Customer, CustomerId, CustomerPage, UserWithRoles};

use super::{BackendError, EmbeddedStore, PartnerCenterApi};

/// The Customers list (the first page).
#[async_trait(?Send)]
pub trait CustomerList {
    /// Customers matching `search` (name, domain or Microsoft ID), sorted by name; `limit`
    /// of them from `offset` on.
    async fn customers(&self, caller: &Caller, search: &str, offset: usize, limit: usize) -> Result<CustomerPage, BackendError>;
}

/// One customer's pages.
#[async_trait(?Send)]
pub trait Customers {
    async fn customer(&self, caller: &Caller, id: CustomerId) -> Result<Customer, BackendError>;

    /// The customer's users, each with their Azure roles.
    async fn customer_users(&self, caller: &Caller, id: CustomerId) -> Result<Vec<UserWithRoles>, BackendError>;
}

#[async_trait(?Send)]
impl CustomerList for EmbeddedStore {
    async fn customers(&self, caller: &Caller, search: &str, offset: usize, limit: usize) -> Result<CustomerPage, BackendError> {
        self.read_as_partner(caller, |store, caller| store.customers_page(caller, search, offset, limit))
    }
}

#[async_trait(?Send)]
impl Customers for EmbeddedStore {
    async fn customer(&self, caller: &Caller, id: CustomerId) -> Result<Customer, BackendError> {
        self.read_as_partner(caller, |store, caller| store.customer(caller, &id).cloned())
    }

    async fn customer_users(&self, caller: &Caller, id: CustomerId) -> Result<Vec<UserWithRoles>, BackendError> {
        self.read_as_partner(caller, |store, caller| store.customer_users(caller, &id))
    }
}

#[async_trait(?Send)]
impl CustomerList for PartnerCenterApi {
    async fn customers(&self, caller: &Caller, search: &str, offset: usize, limit: usize) -> Result<CustomerPage, BackendError> {
        let search: String = js_sys::encode_uri_component(search).into();
        let size = limit.clamp(1, api_types::customer::MAX_PAGE_SIZE as usize);
        let path = format!("/v1/customers?size={size}&search={search}&continuationToken={offset}");
        let page: WirePage = self.get(caller, &path).await?;
        Ok(CustomerPage {
            items: page.items.iter().map(|c| c.summary()).collect(),
            total: page.total_matches,
            offset: page.offset,
        })
    }
}

#[async_trait(?Send)]
impl Customers for PartnerCenterApi {
    async fn customer(&self, caller: &Caller, id: CustomerId) -> Result<Customer, BackendError> {
        let customer: WireCustomer = self.get(caller, &format!("/v1/customers/{id}")).await?;
        Ok(customer.into_domain())
    }

    async fn customer_users(&self, caller: &Caller, id: CustomerId) -> Result<Vec<UserWithRoles>, BackendError> {
        let users: Collection<WireUser> = self.get(caller, &format!("/v1/customers/{id}/users")).await?;
        Ok(users.items.into_iter().map(|u| u.into_domain(id)).collect())
    }
}
