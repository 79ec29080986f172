//! A customer the partner is about to create, checked once: a value of `NewCustomer` is
//! always acceptable (parse, don't validate).

use crate::customers::{Address, BillingProfile, Customer};
use crate::error::{DomainError, NewCustomerProblem};
use crate::ids::CustomerId;

/// The longest company name accepted, in characters.
pub const MAX_NAME: usize = 200;
/// The longest primary domain accepted (a DNS name).
pub const MAX_DOMAIN: usize = 253;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCustomer {
    company_name: String,
    domain: String,
    billing: BillingProfile,
}

impl NewCustomer {
    /// Checks what a partner typed. `domain` may be a full domain (`contoso.com`) or just the
    /// prefix of an `onmicrosoft.com` domain (`contoso`), as Partner Center asks for it.
    pub fn parse(company_name: &str, domain: &str, email: &str) -> Result<Self, DomainError> {
        let invalid = DomainError::InvalidNewCustomer;
        let company_name = company_name.trim();
        if company_name.is_empty() {
            return Err(invalid(NewCustomerProblem::NameEmpty));
        }
        if company_name.chars().count() > MAX_NAME {
            return Err(invalid(NewCustomerProblem::NameTooLong));
        }
        if company_name.chars().any(char::is_control) {
            return Err(invalid(NewCustomerProblem::NameHasControlCharacters));
        }
        let domain = domain.trim().to_ascii_lowercase();
        let domain = if domain.contains('.') { domain } else { format!("{domain}.onmicrosoft.com") };
        let labels_ok = domain.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        });
        if domain.len() > MAX_DOMAIN || !labels_ok {
            return Err(invalid(NewCustomerProblem::InvalidDomain));
        }
        let email = email.trim();
        let email_ok = email.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        });
        if !email_ok || email.len() > 254 {
            return Err(invalid(NewCustomerProblem::InvalidEmail));
        }
        let billing = BillingProfile {
            email: email.to_string(),
            culture: "en-US".to_string(),
            ..BillingProfile::default()
        };
        Ok(Self { company_name: company_name.to_string(), domain, billing })
    }

    /// Optional contact details (kept as typed, trimmed and cut to 100 characters).
    pub fn with_contact(mut self, first_name: &str, last_name: &str, culture: &str, address: Address) -> Self {
        let clean = |text: &str| text.trim().chars().filter(|c| !c.is_control()).take(100).collect::<String>();
        self.billing.first_name = clean(first_name);
        self.billing.last_name = clean(last_name);
        if !culture.trim().is_empty() {
            self.billing.culture = clean(culture);
        }
        self.billing.address = Address {
            line1: clean(&address.line1),
            city: clean(&address.city),
            postal_code: clean(&address.postal_code),
            country: clean(&address.country),
        };
        self
    }

    pub fn company_name(&self) -> &str {
        &self.company_name
    }

    pub fn domain(&self) -> &str {
        &self.domain
    }

    pub(crate) fn into_customer(self, id: CustomerId) -> Customer {
        Customer {
            id,
            company_name: self.company_name,
            domain: self.domain,
            billing: self.billing,
            relationship: "reseller".to_string(),
        }
    }
}
