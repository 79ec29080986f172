//! The customers, kept in the Customers list's order with a search key each, so a search as
//! you type and a page of 50 stay quick with 10,000 customers.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::customers::Customer;
use crate::error::DomainError;
use crate::ids::CustomerId;
use crate::permissions::PermissionSet;

/// A customer as the Customers list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerSummary {
    pub id: CustomerId,
    pub company_name: String,
    pub domain: String,
    pub permissions: PermissionSet,
}

/// One page of a customer search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPage {
    pub items: Vec<CustomerSummary>,
    /// How many customers match the search in all.
    pub total: usize,
    pub offset: usize,
}

#[derive(Debug, Clone, Default)]
pub struct CustomerBook {
    /// Sorted by company name, as the Customers list shows them.
    customers: Vec<Customer>,
    /// Lower-cased "name domain id" of each customer, in the same order.
    search_keys: Vec<String>,
    /// Position of each customer in `customers`.
    index: HashMap<CustomerId, usize>,
}

fn sort_key(customer: &Customer) -> (String, CustomerId) {
    // By name, whatever the case; the id settles equal names.
    (customer.company_name.to_lowercase(), customer.id)
}

fn search_key(customer: &Customer) -> String {
    format!("{} {} {}", customer.company_name, customer.domain, customer.id).to_lowercase()
}

impl CustomerBook {
    pub fn new(mut customers: Vec<Customer>) -> Self {
        customers.sort_by_cached_key(sort_key);
        let search_keys = customers.iter().map(search_key).collect();
        let index = customers.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        Self { customers, search_keys, index }
    }

    pub fn len(&self) -> usize {
        self.customers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.customers.is_empty()
    }

    pub fn get(&self, id: &CustomerId) -> Result<&Customer, DomainError> {
        self.index.get(id).map(|&i| &self.customers[i]).ok_or(DomainError::UnknownCustomer(*id))
    }

    pub fn contains(&self, id: &CustomerId) -> bool {
        self.index.contains_key(id)
    }

    /// Whether a customer has this primary domain (any case).
    pub fn has_domain(&self, domain: &str) -> bool {
        self.customers.iter().any(|c| c.domain.eq_ignore_ascii_case(domain))
    }

    /// Adds a customer in its place in the order.
    pub fn insert(&mut self, customer: Customer) {
        let key = sort_key(&customer);
        let at = self.customers.partition_point(|c| sort_key(c) < key);
        self.search_keys.insert(at, search_key(&customer));
        self.customers.insert(at, customer);
        for (i, c) in self.customers.iter().enumerate().skip(at) {
            self.index.insert(c.id, i);
        }
    }

    /// Customers whose search key contains `search` (any case); `limit` of them from
    /// `offset` on, with the permissions `permissions` gives each.
    pub fn page(
        &self,
        search: &str,
        offset: usize,
        limit: usize,
        permissions: impl Fn(&CustomerId) -> PermissionSet,
    ) -> CustomerPage {
        let needle = search.trim().to_lowercase();
        let matching = self
            .search_keys
            .iter()
            .enumerate()
            .filter(|(_, key)| needle.is_empty() || key.contains(&needle))
            .map(|(i, _)| i);
        let mut total = 0;
        let mut items = Vec::new();
        for i in matching {
            if total >= offset && items.len() < limit {
                let c = &self.customers[i];
                items.push(CustomerSummary {
                    id: c.id,
                    company_name: c.company_name.clone(),
                    domain: c.domain.clone(),
                    permissions: permissions(&c.id),
                });
            }
            total += 1;
        }
        CustomerPage { items, total, offset }
    }
}
