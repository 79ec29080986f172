//! The customers, kept in the Customers list's order with a search key each, so a search as
//! you type and a page of 50 stay quick with 10,000 customers. A customer's details (billing
//! profile, users, subscriptions, Azure roles) are made the first time they are read.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::customers::Customer;
use crate::demo_data::{CustomerDetails, DemoCustomer};
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

/// One customer: what the list needs, and its details.
#[derive(Debug, Clone)]
pub struct CustomerEntry {
    /// Lower-cased "name domain id": the name's part first, so it is also the sort key.
    search_key: String,
    name_len: usize,
    details: Details,
}

#[derive(Debug, Clone)]
enum Details {
    /// Demo data: made from its plan the first time they are read (boxed: entries are
    /// moved around while they are sorted).
    Demo(DemoCustomer, OnceLock<Box<CustomerDetails>>),
    /// A customer created later, with its details.
    Made(CustomerDetails),
}

/// Lower-cased "name domain id", and where its name part ends (one allocation for the
/// usual ASCII names: it is made for every customer at start).
fn search_key(id: &CustomerId, name: &str, domain: &str) -> (String, usize) {
    let mut id_text = [0u8; uuid::fmt::Hyphenated::LENGTH];
    let id_text = id.as_uuid().hyphenated().encode_lower(&mut id_text);
    let mut key = String::with_capacity(name.len() + domain.len() + id_text.len() + 2);
    let push_lower = |key: &mut String, text: &str| {
        if text.is_ascii() {
            let start = key.len();
            key.push_str(text);
            key[start..].make_ascii_lowercase();
        } else {
            key.push_str(&text.to_lowercase());
        }
    };
    push_lower(&mut key, name);
    let name_len = key.len();
    key.push(' ');
    push_lower(&mut key, domain);
    key.push(' ');
    key.push_str(id_text);
    (key, name_len)
}

impl CustomerEntry {
    fn of_demo(customer: DemoCustomer) -> Self {
        let (search_key, name_len) = search_key(&customer.id, &customer.company_name, &customer.domain);
        Self { search_key, name_len, details: Details::Demo(customer, OnceLock::new()) }
    }

    fn of_details(details: CustomerDetails) -> Self {
        let c = &details.customer;
        let (search_key, name_len) = search_key(&c.id, &c.company_name, &c.domain);
        Self { search_key, name_len, details: Details::Made(details) }
    }

    fn sort_key(&self) -> &str {
        &self.search_key[..self.name_len]
    }

    /// The customer's details, made now if they were not yet.
    pub fn details(&self) -> &CustomerDetails {
        match &self.details {
            Details::Demo(demo, made) => made.get_or_init(|| Box::new(demo.details())),
            Details::Made(details) => details,
        }
    }

    pub fn customer(&self) -> &Customer {
        &self.details().customer
    }

    fn id(&self) -> CustomerId {
        match &self.details {
            Details::Demo(demo, _) => demo.id,
            Details::Made(details) => details.customer.id,
        }
    }

    pub fn name(&self) -> &str {
        match &self.details {
            Details::Demo(demo, _) => &demo.company_name,
            Details::Made(details) => &details.customer.company_name,
        }
    }

    fn domain(&self) -> &str {
        match &self.details {
            Details::Demo(demo, _) => &demo.domain,
            Details::Made(details) => &details.customer.domain,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct CustomerBook {
    /// Sorted by company name (any case; the id settles equal names), as the list shows them.
    entries: Vec<CustomerEntry>,
    /// Position of each customer in `entries`.
    index: HashMap<CustomerId, usize>,
}

impl CustomerBook {
    pub fn new(customers: Vec<DemoCustomer>) -> Self {
        let mut unsorted: Vec<Option<CustomerEntry>> = customers.into_iter().map(|c| Some(CustomerEntry::of_demo(c))).collect();
        // Sort the keys with their positions, then move each entry once. The first 8 bytes of
        // a key, as a number, settle most comparisons at once.
        let prefix = |key: &str| {
            let mut bytes = [0u8; 8];
            let n = key.len().min(8);
            bytes[..n].copy_from_slice(&key.as_bytes()[..n]);
            u64::from_be_bytes(bytes)
        };
        let mut keys: Vec<(u64, &str, CustomerId, usize)> = unsorted
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.as_ref().map(|e| (prefix(e.sort_key()), e.sort_key(), e.id(), i)))
            .collect();
        keys.sort_unstable();
        let order: Vec<usize> = keys.into_iter().map(|(_, _, _, i)| i).collect();
        let entries: Vec<CustomerEntry> = order.into_iter().filter_map(|i| unsorted[i].take()).collect();
        let index = entries.iter().enumerate().map(|(i, e)| (e.id(), i)).collect();
        Self { entries, index }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entry(&self, id: &CustomerId) -> Result<&CustomerEntry, DomainError> {
        self.index.get(id).map(|&i| &self.entries[i]).ok_or(DomainError::UnknownCustomer(*id))
    }

    pub fn get(&self, id: &CustomerId) -> Result<&Customer, DomainError> {
        self.entry(id).map(CustomerEntry::customer)
    }

    pub fn contains(&self, id: &CustomerId) -> bool {
        self.index.contains_key(id)
    }

    /// Every customer's id, in the list's order.
    pub fn ids(&self) -> impl Iterator<Item = CustomerId> + '_ {
        self.entries.iter().map(CustomerEntry::id)
    }

    /// The hand-made demo customers, in the list's order.
    pub fn hand_made(&self) -> impl Iterator<Item = &CustomerEntry> {
        self.entries.iter().filter(|e| matches!(&e.details, Details::Demo(demo, _) if demo.is_hand_made()))
    }

    /// The customer with this primary domain (any case).
    pub fn find_domain(&self, domain: &str) -> Option<CustomerId> {
        self.entries.iter().find(|e| e.domain().eq_ignore_ascii_case(domain)).map(CustomerEntry::id)
    }

    /// Whether a customer has this primary domain (any case).
    pub fn has_domain(&self, domain: &str) -> bool {
        self.entries.iter().any(|e| e.domain().eq_ignore_ascii_case(domain))
    }

    /// Adds a customer, with its details, in its place in the order.
    pub fn insert(&mut self, details: CustomerDetails) {
        let entry = CustomerEntry::of_details(details);
        let id = entry.id();
        let at = self.entries.partition_point(|e| (e.sort_key(), e.id()) < (entry.sort_key(), id));
        self.entries.insert(at, entry);
        for (i, e) in self.entries.iter().enumerate().skip(at) {
            self.index.insert(e.id(), i);
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
        let matching = self.entries.iter().filter(|e| needle.is_empty() || e.search_key.contains(&needle));
        let mut total = 0;
        let mut items = Vec::new();
        for entry in matching {
            if total >= offset && items.len() < limit {
                let id = entry.id();
                items.push(CustomerSummary {
                    id,
                    company_name: entry.name().to_string(),
                    domain: entry.domain().to_string(),
                    permissions: permissions(&id),
                });
            }
            total += 1;
        }
        CustomerPage { items, total, offset }
    }
}
