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

// ---- Issue 10: carts and orders, Azure roles, self-service purchases ----

use api_types::arm::ArmList;
use api_types::azure_entitlement::{azure_entitlements_path, AzureEntitlement};
use api_types::azure_subscription::ArmSubscription;
use api_types::cart::{Cart, NewCart};
use api_types::endpoint::{
    CheckoutCart, CreateCart, CreateRoleAssignment, ListAzureSubscriptions, ListOrders, ListReservationOrders,
    ListSavingsPlanOrders, ListSubscriptions, PurchaseReservationOrder, PurchaseSavingsPlan, ReadAzureSubscription,
};
use api_types::order::Order;
use api_types::reservation::NewReservationOrder;
use api_types::role_assignment::{role_assignments_path, NewRoleAssignment, RoleAssignmentResource};
use api_types::savings_plan::NewSavingsPlanOrderAlias;
use api_types::subscription::Subscription;
use domain::{
    AppliedScope, AzureRole, AzureSubscriptionId, BillingPlan, CustomerUserId, Region, ReservationOrderId,
    ReservationRequest, RoleAssignmentId, SavingsPlanRequest, Term, Usd, VmSize,
};

/// A fresh GUID for an id the caller chooses (a role assignment, a reservation order).
pub fn fresh_guid() -> uuid::Uuid {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(1);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or_default();
    domain::rng::DemoRng::new(nanos ^ COUNTER.fetch_add(1, Ordering::Relaxed).rotate_left(40)).uuid()
}

/// A reservation of one `Standard_D2s_v5` in East US for a year, billed monthly to
/// `azure` and applied to it alone.
pub fn reservation_request(azure: AzureSubscriptionId) -> ReservationRequest {
    ReservationRequest {
        id: ReservationOrderId::from_uuid(fresh_guid()),
        size: VmSize::StandardD2sV5,
        region: Region::EastUs,
        term: Term::OneYear,
        billing_plan: BillingPlan::Monthly,
        quantity: 1,
        billing_subscription: azure,
        scope: AppliedScope::Single(azure),
        renew: false,
        display_name: "Test reservation".to_string(),
    }
}

/// A savings plan of 1 USD an hour for a year under `alias`, billed to `azure`, shared.
pub fn savings_plan_request(alias: &str, azure: AzureSubscriptionId) -> SavingsPlanRequest {
    SavingsPlanRequest {
        alias: alias.to_string(),
        display_name: String::new(),
        hourly_commitment: Usd::from_cents(100),
        term: Term::OneYear,
        billing_plan: BillingPlan::Upfront,
        billing_subscription: azure,
        scope: AppliedScope::Shared,
        renew: false,
    }
}

impl Client {
    /// `POST …/carts` with the Azure plan, then its checkout: the checkout's reply (or the
    /// cart's, when it was refused).
    pub fn buy_azure_plan(&self, customer: &CustomerId) -> Reply {
        let created = self.call(&CreateCart { customer: *customer, body: NewCart::azure_plan() });
        if created.status != 201 {
            return created;
        }
        let cart: Cart = created.body();
        self.call(&CheckoutCart { customer: *customer, cart: cart.id })
    }

    /// The customer's orders, newest first.
    pub fn orders(&self, customer: &CustomerId) -> Vec<Order> {
        self.ok(&ListOrders { customer: *customer }).items
    }

    /// The customer's subscriptions.
    pub fn subscriptions(&self, customer: &CustomerId) -> Vec<Subscription> {
        self.ok(&ListSubscriptions { customer: *customer }).items
    }

    /// The Azure subscriptions under a subscription.
    pub fn entitlements(&self, customer: &CustomerId, subscription: &domain::SubscriptionId) -> Vec<AzureEntitlement> {
        self.read::<Collection<AzureEntitlement>>(&azure_entitlements_path(customer, subscription)).items
    }

    /// `GET /subscriptions/{id}`.
    pub fn azure_subscription(&self, azure: &AzureSubscriptionId) -> ArmSubscription {
        self.ok(&ReadAzureSubscription { azure: *azure })
    }

    /// `GET /subscriptions` (a customer user's).
    pub fn my_azure_subscriptions(&self) -> Vec<ArmSubscription> {
        self.ok(&ListAzureSubscriptions {}).value
    }

    /// The role assignments of an Azure subscription.
    pub fn role_assignments(&self, azure: &AzureSubscriptionId) -> Vec<RoleAssignmentResource> {
        self.read::<ArmList<RoleAssignmentResource>>(&role_assignments_path(azure)).value
    }

    /// `PUT …/roleAssignments/{id}` giving `principal` the `role`.
    pub fn assign_role(
        &self,
        azure: &AzureSubscriptionId,
        id: &RoleAssignmentId,
        principal: CustomerUserId,
        role: AzureRole,
    ) -> Reply {
        self.call(&CreateRoleAssignment { azure: *azure, id: *id, body: NewRoleAssignment::new(azure, principal, role) })
    }

    /// `PUT …/reservationOrders/{id}` asking for `request`.
    pub fn buy_reservation(&self, request: &ReservationRequest) -> Reply {
        self.call(&PurchaseReservationOrder { id: request.id, body: NewReservationOrder::from_domain(request) })
    }

    /// `PUT …/savingsPlanOrderAliases/{name}` asking for `request`.
    pub fn buy_savings_plan(&self, request: &SavingsPlanRequest) -> Reply {
        self.call(&PurchaseSavingsPlan { alias: request.alias.clone(), body: NewSavingsPlanOrderAlias::from_domain(request) })
    }

    /// The customer's reservation orders (as a partner user names the customer).
    pub fn reservations_of(&self, customer: &CustomerId) -> Vec<api_types::reservation::ReservationOrderResource> {
        self.ok(&ListReservationOrders { customer: Some(*customer), skip: 0 }).value
    }

    /// The customer's savings plans (as a partner user names the customer).
    pub fn savings_plans_of(&self, customer: &CustomerId) -> Vec<api_types::savings_plan::SavingsPlanOrderAliasResource> {
        self.ok(&ListSavingsPlanOrders { customer: Some(*customer), skip: 0 }).value
    }
}
