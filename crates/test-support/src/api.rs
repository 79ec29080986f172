//! The mock API as a client calls it: helpers that send and read `api_types` values.

use api_types::audit::AuditRecord;
use api_types::customer::Address;
use api_types::customer::{CustomerPage, NewBillingProfile, NewCompanyProfile, NewCustomer};
use api_types::demo::Partner;
use api_types::policy::{policy_id, NewPolicy, SelfServePolicy};
use api_types::Collection;
use domain::{CustomerId, Permission};

use crate::http::{Client, Reply};

/// A company name made of markup and quotes: data, never executed.
pub const HOSTILE_NAME: &str =
    "<script>alert('pwned')</script> Hostile Strings & <b>Markup</b> Ltd";

/// A new customer named `name` with primary domain `domain` (or its `onmicrosoft.com`
/// prefix), billed in London.
pub fn new_customer(name: &str, domain: &str) -> NewCustomer {
    NewCustomer {
        company_profile: NewCompanyProfile {
            domain: domain.to_string(),
            company_name: Some(name.to_string()),
        },
        billing_profile: NewBillingProfile {
            email: "billing@example.com".to_string(),
            company_name: None,
            first_name: "Ada".to_string(),
            last_name: "Lovelace".to_string(),
            culture: "en-GB".to_string(),
            default_address: Some(Address {
                address_line1: "1 Main St".to_string(),
                city: "London".to_string(),
                postal_code: "EC1A 1BB".to_string(),
                country: "GB".to_string(),
            }),
        },
    }
}

/// Percent-encodes everything but unreserved characters, for a query value.
pub use api_types::encode_query_value as encode;

impl Client {
    /// `GET /v1/partner`.
    pub fn partner(&self) -> Partner {
        self.read("/v1/partner")
    }

    /// The Microsoft ID of the customer with exactly this name.
    pub fn customer_id(&self, name: &str) -> CustomerId {
        let page: CustomerPage =
            self.read(&format!("/v1/customers?size=1000&search={}", encode(name)));
        page.items
            .iter()
            .find(|c| c.company_profile.company_name == name)
            .map(|c| c.id)
            .unwrap_or_else(|| panic!("no customer {name}"))
    }

    /// `/v1/SelfServePolicy/{partnerTenantId}_{customerTenantId}`.
    pub fn policy_path(&self, customer: &CustomerId) -> String {
        format!(
            "/v1/SelfServePolicy/{}",
            policy_id(self.partner().tenant_id, customer)
        )
    }

    /// The customer's policy, if it has one (`GET /v1/SelfServePolicy?entity_id=`).
    pub fn policy_of(&self, customer: &CustomerId) -> Option<SelfServePolicy> {
        let listed: Collection<SelfServePolicy> =
            self.read(&format!("/v1/SelfServePolicy?entity_id={customer}"));
        assert_eq!(listed.total_count, listed.items.len());
        assert!(
            listed.items.len() <= 1,
            "one policy per customer: {listed:?}"
        );
        listed.items.into_iter().next()
    }

    /// `POST /v1/SelfServePolicy` granting `permissions`.
    pub fn post_policy(&self, customer: &CustomerId, permissions: &[Permission]) -> Reply {
        self.post(
            "/v1/SelfServePolicy",
            &NewPolicy::new(*customer, &permissions.iter().copied().collect()),
        )
    }

    /// The audit records of every day, newest first.
    pub fn audit(&self) -> Vec<AuditRecord> {
        let records: Collection<AuditRecord> =
            self.read("/v1/auditrecords?startDate=2000-01-01&endDate=2100-01-01");
        assert_eq!(records.total_count, records.items.len());
        records.items
    }
}
