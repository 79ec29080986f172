//! `/v1/customers`: the partner's customers, and creating one.

use domain::{CustomerId, CustomerSummary, NewCustomer as DomainNewCustomer, PermissionSet};
use serde::{Deserialize, Serialize};

use crate::policy::PolicyResource;
use crate::Attributes;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CompanyProfile {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub tenant_id: CustomerId,
    /// The primary domain, e.g. `contoso.onmicrosoft.com`.
    pub domain: String,
    pub company_name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Address {
    #[serde(default)]
    pub address_line1: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub postal_code: String,
    /// ISO 3166 country code, e.g. `DE`.
    #[serde(default)]
    pub country: String,
}

impl From<&domain::Address> for Address {
    fn from(a: &domain::Address) -> Self {
        Self { address_line1: a.line1.clone(), city: a.city.clone(), postal_code: a.postal_code.clone(), country: a.country.clone() }
    }
}

impl From<Address> for domain::Address {
    fn from(a: Address) -> Self {
        Self { line1: a.address_line1, city: a.city, postal_code: a.postal_code, country: a.country }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct BillingProfile {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone_number: String,
    /// e.g. `de-DE`.
    pub culture: String,
    /// e.g. `de`.
    pub language: String,
    pub company_name: String,
    pub default_address: Address,
}

/// A customer (tenant) the partner resells to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    /// The customer's Microsoft ID.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub id: CustomerId,
    pub company_profile: CompanyProfile,
    pub billing_profile: BillingProfile,
    /// e.g. `reseller`.
    pub relationship_to_partner: String,
    /// In the customer list only (this API's addition: Partner Center's list does not say):
    /// the products the customer may buy on its own (empty: every permission Off).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<PolicyResource>, required = false))]
    pub self_serve_permissions: Option<Vec<PolicyResource>>,
    /// `Customer`.
    pub attributes: Attributes,
}

impl Customer {
    pub fn from_domain(customer: &domain::Customer) -> Self {
        let billing = &customer.billing;
        Self {
            id: customer.id,
            company_profile: CompanyProfile {
                tenant_id: customer.id,
                domain: customer.domain.clone(),
                company_name: customer.company_name.clone(),
            },
            billing_profile: BillingProfile {
                first_name: billing.first_name.clone(),
                last_name: billing.last_name.clone(),
                email: billing.email.clone(),
                phone_number: billing.phone.clone(),
                culture: billing.culture.clone(),
                language: billing.culture.split('-').next().unwrap_or_default().to_string(),
                company_name: customer.company_name.clone(),
                default_address: Address::from(&billing.address),
            },
            relationship_to_partner: customer.relationship.clone(),
            self_serve_permissions: None,
            attributes: Attributes::of("Customer"),
        }
    }

    pub fn into_domain(self) -> domain::Customer {
        let b = self.billing_profile;
        domain::Customer {
            id: self.id,
            company_name: self.company_profile.company_name,
            domain: self.company_profile.domain,
            billing: domain::BillingProfile {
                first_name: b.first_name,
                last_name: b.last_name,
                email: b.email,
                phone: b.phone_number,
                culture: b.culture,
                address: b.default_address.into(),
            },
            relationship: self.relationship_to_partner,
        }
    }
}

impl Customer {
    /// A customer as the list gives it: with the permissions it has.
    pub fn listed(customer: &domain::Customer, permissions: &PermissionSet) -> Self {
        Self {
            self_serve_permissions: Some(permissions.iter().map(|p| PolicyResource::from(*p)).collect()),
            ..Self::from_domain(customer)
        }
    }

    /// The customer as the Customers list shows it.
    pub fn summary(&self) -> CustomerSummary {
        CustomerSummary {
            id: self.id,
            company_name: self.company_profile.company_name.clone(),
            domain: self.company_profile.domain.clone(),
            permissions: self.permissions(),
        }
    }

    /// The permissions a listed customer has (empty when not listed).
    pub fn permissions(&self) -> PermissionSet {
        self.self_serve_permissions.iter().flatten().map(|r| domain::Permission::from(*r)).collect()
    }
}

/// A header to send with the next request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkHeader {
    pub key: String,
    pub value: String,
}

/// How to get the next page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Link {
    pub uri: String,
    pub method: String,
    pub headers: Vec<LinkHeader>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Links {
    pub next: Link,
}

/// One page of `GET /v1/customers`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CustomerPage {
    /// How many customers this page holds.
    pub total_count: usize,
    pub items: Vec<Customer>,
    /// How many customers match the search in all (this API's addition).
    pub total_matches: usize,
    /// Where this page starts among them (this API's addition).
    pub offset: usize,
    /// Send it as `continuationToken` (or the `MS-ContinuationToken` header) for the next
    /// page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub continuation_token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Links, required = false))]
    pub links: Option<Links>,
    /// `Collection`.
    pub attributes: Attributes,
}

/// What `GET /v1/customers` takes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(rename_all = "camelCase")]
pub struct CustomerQuery {
    /// Customers per page (default 50).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 1000))]
    pub size: Option<u32>,
    /// Part of a company name, domain or Microsoft ID, in any case.
    pub search: Option<String>,
    /// Where the page starts, as the previous page's `continuationToken` gave it.
    #[cfg_attr(feature = "openapi", param(pattern = "^[0-9]{1,9}$"))]
    pub continuation_token: Option<String>,
}

/// The most customers one page holds.
pub const MAX_PAGE_SIZE: u32 = 1000;
/// Customers per page when `size` is not given.
pub const DEFAULT_PAGE_SIZE: u32 = 50;

// ---- Creating a customer ----

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct NewCompanyProfile {
    /// A full domain (`contoso.com`) or the prefix of an `onmicrosoft.com` domain (`contoso`):
    /// labels of letters, digits and inner hyphens, at most 63 characters each.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$", max_length = 237, example = "contoso"))]
    pub domain: String,
    /// 1 to 200 characters, not only spaces, no control characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = true, pattern = r"^[^\u0000-\u001F\u007F-\u009F]*[^\s\u0000-\u001F\u007F-\u009F][^\u0000-\u001F\u007F-\u009F]*$", min_length = 1, max_length = 200, example = "Contoso Ltd"))]
    pub company_name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct NewBillingProfile {
    /// Printable ASCII: something, `@`, and a host with a dot.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[!-?A-~]+@[!-~]*\.[!-~]*$", max_length = 254, example = "billing@contoso.com"))]
    pub email: String,
    /// Used when `companyProfile.companyName` is not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub company_name: Option<String>,
    /// Contact details are kept as typed (trimmed, without control characters, cut to 100
    /// characters).
    #[serde(default)]
    pub first_name: String,
    #[serde(default)]
    pub last_name: String,
    /// e.g. `en-US` (the default).
    #[serde(default)]
    pub culture: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Address, required = false))]
    pub default_address: Option<Address>,
}

/// The body of `POST /v1/customers`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "companyProfile": { "domain": "zava", "companyName": "Zava Corp" },
    "billingProfile": {
        "email": "billing@zava.com", "firstName": "Nora", "lastName": "Lindqvist", "culture": "en-GB",
        "defaultAddress": { "addressLine1": "1 King Street", "city": "London", "postalCode": "EC2V 8AU", "country": "GB" }
    }
})))]
#[serde(rename_all = "camelCase")]
pub struct NewCustomer {
    pub company_profile: NewCompanyProfile,
    pub billing_profile: NewBillingProfile,
}

impl NewCustomer {
    /// The customer the domain accepts, or why not.
    pub fn parse(self) -> Result<DomainNewCustomer, domain::DomainError> {
        let billing = self.billing_profile;
        let name = self.company_profile.company_name.or(billing.company_name).unwrap_or_default();
        let address = billing.default_address.unwrap_or_default();
        Ok(DomainNewCustomer::parse(&name, &self.company_profile.domain, &billing.email)?.with_contact(
            &billing.first_name,
            &billing.last_name,
            &billing.culture,
            address.into(),
        ))
    }
}
