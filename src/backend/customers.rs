//! Customers: the list, one customer, and its users.

use api_types::endpoint::{ListCustomerUsers, ListCustomers, ReadCustomer};
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
        let size = limit.clamp(1, api_types::customer::MAX_PAGE_SIZE as usize);
        let page = self.call(caller, &ListCustomers { search: search.to_string(), size, offset }).await?;
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
        let customer = self.call(caller, &ReadCustomer { customer: id }).await?;
        Ok(customer.into_domain())
    }

    async fn customer_users(&self, caller: &Caller, id: CustomerId) -> Result<Vec<UserWithRoles>, BackendError> {
        let users = self.call(caller, &ListCustomerUsers { customer: id }).await?;
        Ok(users.items.into_iter().map(|u| u.into_domain(id)).collect())
    }
}
